"""Passphrase, recovery code, re-wrapping, and refusing bad input without changing anything."""

import hashlib
import sqlite3
from datetime import datetime

import pytest

from reflect.core.errors import JournalLocked, JournalTooNew, NotAJournal, WrongPassphrase
from reflect.core.journal import Journal
from reflect.core.model import Entry
from reflect.store import crypto, migrations
from tests.conftest import PASSPHRASE


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_wrong_passphrase_is_refused_and_changes_nothing(sample_journal, journal_path):
    sample_journal.close()
    before = digest(journal_path)
    with pytest.raises(WrongPassphrase, match="does not open"):
        Journal.open(journal_path, "not the passphrase")
    assert digest(journal_path) == before
    with Journal.open(journal_path, PASSPHRASE) as j:
        assert j.entry_count() == 40


def test_recovery_code_unlocks_and_sets_new_passphrase(journal_path):
    j, code = Journal.create(journal_path, PASSPHRASE)
    j.close()
    assert len(code.replace("-", "")) == 32
    typed = code.lower().replace("-", " ")  # as a person might type it
    with Journal.open(journal_path, recovery_code=typed) as j:
        j.change_passphrase("a brand new passphrase")
    with pytest.raises(WrongPassphrase):
        Journal.open(journal_path, PASSPHRASE)
    Journal.open(journal_path, "a brand new passphrase").close()
    with pytest.raises(WrongPassphrase, match="recovery code"):
        Journal.open(journal_path, recovery_code="AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")


def test_change_passphrase_rewraps_only(sample_journal, journal_path):
    conn = sqlite3.connect(journal_path)
    before = conn.execute("SELECT id, narrative FROM entry ORDER BY id").fetchall()
    sample_journal.change_passphrase("another long passphrase")
    after = conn.execute("SELECT id, narrative FROM entry ORDER BY id").fetchall()
    conn.close()
    assert before == after  # no content was re-encrypted
    sample_journal.close()
    with pytest.raises(WrongPassphrase):
        Journal.open(journal_path, PASSPHRASE)
    with Journal.open(journal_path, "another long passphrase") as j:
        assert j.entry_count() == 40


def test_second_writer_is_refused_with_a_clear_message(journal, journal_path):
    with pytest.raises(JournalLocked, match="already open"):
        Journal.open(journal_path, PASSPHRASE)
    reader = Journal.open(journal_path, PASSPHRASE, readonly=True)  # reading alongside is fine
    reader.close()
    journal.close()
    Journal.open(journal_path, PASSPHRASE).close()  # free again once the first closed


def test_not_a_journal_and_truncated_files(tmp_path, sample_journal, journal_path):
    text = tmp_path / "notes.txt"
    text.write_text("just some text, not a database\n" * 50)
    with pytest.raises(NotAJournal, match="not a Reflect journal"):
        Journal.open(text, PASSPHRASE)
    assert text.read_text().startswith("just some text")

    other_db = tmp_path / "other.sqlite"
    sqlite3.connect(other_db).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(NotAJournal):
        Journal.open(other_db, PASSPHRASE)

    sample_journal.close()
    data = journal_path.read_bytes()
    cut = tmp_path / "cut.reflect"
    cut.write_bytes(data[:2048])
    with pytest.raises((NotAJournal, crypto.DecryptionError, Exception)) as info:
        Journal.open(cut, PASSPHRASE)
    assert "journal" in str(info.value).lower()

    with pytest.raises(NotAJournal, match="no journal"):
        Journal.open(tmp_path / "missing.reflect", PASSPHRASE)


def test_newer_journal_is_refused(journal, journal_path):
    journal.close()
    conn = sqlite3.connect(journal_path)
    conn.execute(f"PRAGMA user_version = {migrations.CURRENT_VERSION + 3}")
    conn.close()
    before = digest(journal_path)
    with pytest.raises(JournalTooNew, match="newer version of Reflect"):
        Journal.open(journal_path, PASSPHRASE)
    assert digest(journal_path) == before


def test_older_journal_is_backed_up_then_migrated(journal_path):
    # Build a version-1 journal: the schema before drafts existed.
    j, _ = Journal.create(journal_path, PASSPHRASE)
    j.save_entry(Entry(date=datetime(2025, 5, 1, 10, 0), narrative="written under version 1"))
    j.close()
    conn = sqlite3.connect(journal_path)
    conn.execute("DROP TABLE draft")
    conn.execute("DROP TABLE user_theme")
    conn.execute("DROP TABLE theme_cache")
    for table in ("follow_up", "suggestion", "case_question", "action_point", "meeting_case",
                  "brief_export", "meeting", "self_check"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("ALTER TABLE entry DROP COLUMN rejected_themes")
    conn.execute("ALTER TABLE entry DROP COLUMN search")
    conn.execute("PRAGMA user_version = 1")
    conn.close()

    with Journal.open(journal_path, PASSPHRASE) as j:
        assert j.schema_version() == migrations.CURRENT_VERSION
        j.save_draft("new:1", {"narrative": "kept"})
        assert j.entries()[0].narrative == "written under version 1"
        assert j.entries()[0].rejected_themes == []
        assert j.drafts()["new:1"]["narrative"] == "kept"
    backups = list(journal_path.parent.glob("*before-upgrade-v1*.reflect"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    old.close()


def test_calibrated_kdf_is_never_below_64_mib():
    params = crypto.calibrate(target_seconds=0.05)
    assert params.memory_kib >= 64 * 1024
    assert params.iterations >= 3


def test_reading_an_older_journal_leaves_its_bytes_as_they_were(journal_path):
    j, _ = Journal.create(journal_path, PASSPHRASE)
    j.save_entry(Entry(date=datetime(2025, 5, 1, 10, 0), narrative="an old backup"))
    j.close()
    conn = sqlite3.connect(journal_path)
    for table in ("draft", "user_theme", "theme_cache", "follow_up", "suggestion", "case_question",
                  "action_point", "meeting_case", "brief_export", "meeting", "self_check"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("ALTER TABLE entry DROP COLUMN rejected_themes")
    conn.execute("ALTER TABLE entry DROP COLUMN search")
    conn.execute("PRAGMA user_version = 1")  # a version-1 backup
    conn.execute("PRAGMA journal_mode = DELETE")  # as a backup is written
    conn.close()
    before, files = digest(journal_path), sorted(journal_path.parent.iterdir())
    with Journal.open(journal_path, PASSPHRASE, readonly=True) as old:  # reflect verify, export
        assert old.verify().ok and old.entries()[0].narrative == "an old backup"
    assert digest(journal_path) == before
    assert sorted(journal_path.parent.iterdir()) == files  # no before-upgrade copy, no -wal
