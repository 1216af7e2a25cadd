"""What 'forget this client' reaches: the journal file even while another program reads it
(finished on the next open if it must wait), and Reflect's own copies, which the confirmation
names and can remove."""

import sqlite3

from reflect.core.journal import Journal
from tests.conftest import PASSPHRASE


def _client_blobs(path, client_id) -> list[bytes]:
    conn = sqlite3.connect(path)
    blobs = [bytes(r[0]) for r in conn.execute("SELECT narrative FROM entry WHERE client_id = ?",
                                               (client_id,))]
    conn.close()
    return blobs


def test_a_reader_holding_the_file_delays_the_forget_and_the_user_is_told(sample_journal, journal_path):
    client = sample_journal.find_people("Deanna Whitcombe")[0]
    blobs = _client_blobs(journal_path, client.id)
    sample_journal.file.scrub()
    reader = sqlite3.connect(journal_path, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT COUNT(*) FROM entry").fetchone()  # another program, mid-read

    summary = sample_journal.forget_client(client.id)
    assert summary.complete is False
    assert sample_journal.forget_pending
    assert any(b in journal_path.read_bytes() for b in blobs)  # what the checkpoint left

    reader.execute("COMMIT")
    reader.close()
    sample_journal.close()
    with Journal.open(journal_path, PASSPHRASE) as j:  # finished when next opened
        assert not j.forget_pending
        data = journal_path.read_bytes()
        wal = journal_path.with_name(journal_path.name + "-wal")
        data += wal.read_bytes() if wal.exists() else b""
        assert not any(b in data for b in blobs)


def test_with_no_reader_the_forget_is_complete(sample_journal):
    client = sample_journal.find_people("Deanna Whitcombe")[0]
    assert sample_journal.forget_client(client.id).complete
    assert not sample_journal.forget_pending


def test_the_copies_reflect_made_are_named_and_can_be_removed(sample_journal, journal_path, tmp_path):
    folder = tmp_path / "backups"
    upgrade_copy = sample_journal.backup(journal_path.parent, label="before-upgrade-v3")
    autos = [sample_journal.backup(folder, label="auto") for _ in range(2)]
    manual = sample_journal.backup(folder, label="manual")
    users_own = sample_journal.backup(folder)  # reflect backup DIR: the practitioner's own
    client = sample_journal.find_people("Deanna Whitcombe")[0]

    summary = sample_journal.describe_forget(client.id, [folder])
    assert sorted(summary.copies) == sorted([upgrade_copy, *autos, manual])
    sample_journal.forget_client(client.id)
    fresh = sample_journal.remove_copies(summary.copies, fresh_backup_in=folder)
    assert not any(p.exists() for p in summary.copies)
    assert users_own.exists() and fresh.exists()
    assert sample_journal.own_copies([folder]) == [fresh]
    with Journal.open(fresh, PASSPHRASE, readonly=True) as copy:
        assert not copy.find_people("Deanna Whitcombe")
        assert copy.entry_count() == sample_journal.entry_count()
