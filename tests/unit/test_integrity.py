"""A flipped byte names the damaged record; every other record still reads."""

import sqlite3

from reflect.core.interchange import export_lines
from reflect.core.journal import Journal
from reflect.core.search import search
from tests.conftest import PASSPHRASE


def flip_one_byte(path, table, column):
    conn = sqlite3.connect(path)
    row_id, blob = conn.execute(f"SELECT id, {column} FROM {table} LIMIT 1").fetchone()
    damaged = bytearray(blob)
    damaged[len(damaged) // 2] ^= 0x01
    conn.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (bytes(damaged), row_id))
    conn.commit()
    conn.close()
    return row_id


def test_verify_names_the_damaged_record(sample_journal, journal_path):
    sample_journal.close()
    row_id = flip_one_byte(journal_path, "entry", "narrative")
    with Journal.open(journal_path, PASSPHRASE, readonly=True) as j:
        report = j.verify()
        assert not report.ok
        assert [(d.table, d.row_id, d.column) for d in report.damaged] == [
            ("entry", row_id, "narrative")
        ]
        assert row_id in str(report.damaged[0])
        # every other record still reads
        assert len(list(export_lines(j))) == 39
        assert len(j.summaries()) == 40  # the summary of the damaged entry is intact


def test_swapped_ciphertexts_are_detected(sample_journal, journal_path):
    sample_journal.close()
    conn = sqlite3.connect(journal_path)
    (a, na), (b, nb) = conn.execute("SELECT id, narrative FROM entry LIMIT 2").fetchall()
    conn.execute("UPDATE entry SET narrative = ? WHERE id = ?", (nb, a))
    conn.commit()
    conn.close()
    with Journal.open(journal_path, PASSPHRASE, readonly=True) as j:
        assert {d.row_id for d in j.verify().damaged} == {a}


def test_damaged_summary_is_skipped_not_fatal(sample_journal, journal_path):
    sample_journal.close()
    flip_one_byte(journal_path, "entry", "summary")
    with Journal.open(journal_path, PASSPHRASE, readonly=True) as j:
        hits = search(j, "")
        assert len(hits) == 39
        assert len(j.damaged) == 1


def test_a_full_disk_is_a_clear_error_and_changes_nothing(journal, sample_lines):
    import pytest

    from reflect.core.errors import DiskFull
    from reflect.core.interchange import import_lines

    import_lines(journal, sample_lines[:2])
    before = list(export_lines(journal))
    conn = journal._file._conn  # SQLite's page cap gives the same error as a full disk
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    with pytest.raises(DiskFull, match="disk is full, so nothing was saved"):
        import_lines(journal, sample_lines)
    conn.execute("PRAGMA max_page_count = 1073741823")
    assert list(export_lines(journal)) == before
    assert journal.entry_count() == 2
