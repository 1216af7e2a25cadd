"""Journals on disk, closed, for the `reflect` command to open in a subprocess."""

import pytest


@pytest.fixture
def empty_journal(journal, journal_path):
    journal.close()
    return journal_path


@pytest.fixture
def filled_journal(sample_journal, journal_path):
    sample_journal.close()
    return journal_path
