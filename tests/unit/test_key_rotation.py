"""Changing the passphrase re-encrypts everything under a new data key, in one transaction: an
old copy plus the old passphrase reads nothing written afterwards, and a process killed midway
leaves the journal whole under the old key."""

import sqlite3
import subprocess
import sys
import time
from datetime import datetime

import pytest

from reflect.core.errors import StoreError, WrongPassphrase
from reflect.core.interchange import export_lines
from reflect.core.journal import Journal
from reflect.core.model import Entry
from reflect.store import crypto
from tests.conftest import PASSPHRASE

NEW = "a new long passphrase"


def ciphertexts(path) -> set[bytes]:
    conn = sqlite3.connect(path)
    out = {bytes(r[0]) for r in conn.execute("SELECT narrative FROM entry")}
    out |= {bytes(r[0]) for r in conn.execute("SELECT text FROM demand")}
    conn.close()
    return out


def test_rotation_reencrypts_everything_and_the_new_secrets_open_it(sample_journal, journal_path):
    before_export = list(export_lines(sample_journal))
    before = ciphertexts(journal_path)
    code = sample_journal.rotate_key(NEW)
    assert code and ciphertexts(journal_path).isdisjoint(before)
    sample_journal.close()
    with pytest.raises(WrongPassphrase):
        Journal.open(journal_path, PASSPHRASE)
    with Journal.open(journal_path, NEW) as j:
        assert list(export_lines(j)) == before_export
        assert j.verify().ok
    Journal.open(journal_path, recovery_code=code).close()


def test_an_old_copy_and_the_old_passphrase_read_nothing_written_after(sample_journal, journal_path, tmp_path):
    old_copy = sample_journal.backup(tmp_path / "copies")
    sample_journal.rotate_key(NEW)
    later = sample_journal.save_entry(Entry(date=datetime(2026, 1, 2, 9), narrative="written after"))
    sample_journal.close()
    with Journal.open(old_copy, PASSPHRASE, readonly=True) as old:  # the copy still opens...
        old_key = old._file._data_key
    conn = sqlite3.connect(journal_path)
    (blob,) = conn.execute("SELECT narrative FROM entry WHERE id = ?", (later.id,)).fetchone()
    conn.close()
    with pytest.raises(crypto.DecryptionError):  # ...but its key opens nothing written since
        crypto.FieldCipher(old_key).open("entry", "narrative", later.id, blob)


def test_unlocked_with_the_recovery_code_that_code_stays_valid(journal_path):
    j, code = Journal.create(journal_path, PASSPHRASE)
    j.close()
    with Journal.open(journal_path, recovery_code=code) as j:
        assert j.rotate_key(NEW) is None
    Journal.open(journal_path, recovery_code=code).close()
    Journal.open(journal_path, NEW).close()


def test_a_damaged_record_stops_the_rotation_and_changes_nothing(sample_journal, journal_path):
    conn = sqlite3.connect(journal_path)
    row_id, blob = conn.execute("SELECT id, text FROM control LIMIT 1").fetchone()
    conn.execute("UPDATE control SET text = ? WHERE id = ?", (blob[:-1] + bytes([blob[-1] ^ 1]), row_id))
    conn.commit()
    conn.close()
    before = ciphertexts(journal_path)
    with pytest.raises(StoreError, match="cannot be re-encrypted"):
        sample_journal.rotate_key(NEW)
    assert ciphertexts(journal_path) == before
    assert sample_journal.entry_count() == 40  # still reads, with the old key
    sample_journal.close()
    Journal.open(journal_path, PASSPHRASE).close()


def test_changing_the_passphrase_calibrates_again(journal, monkeypatch):
    def slower(*a, **k):
        return crypto.KdfParams(salt=b"0123456789abcdef", memory_kib=8 * 1024, iterations=2, lanes=1)

    monkeypatch.setattr(crypto, "calibrate", slower)
    assert journal.kdf_params().iterations == 1
    journal.rotate_key(NEW)
    assert journal.kdf_params().iterations == 2
    monkeypatch.setattr(crypto, "calibrate", lambda *a, **k: crypto.KdfParams(
        salt=b"0123456789abcdef", memory_kib=8 * 1024, iterations=3, lanes=1))
    journal.change_passphrase("yet another passphrase")
    assert journal.kdf_params().iterations == 3


CHILD = """
import sys
from reflect.core.journal import Journal
from reflect.store import crypto
crypto.calibrate = lambda *a, **k: crypto.KdfParams.fast_for_tests()
j = Journal.open(sys.argv[1], sys.argv[2])
print("rotating", flush=True)
j.rotate_key(sys.argv[3])
print("done", flush=True)
"""


@pytest.mark.parametrize("delay", [0.05, 0.3, 0.8])
def test_killed_midway_the_journal_is_whole_under_one_key(journal, journal_path, sample_lines, delay):
    from reflect.core.interchange import import_lines

    import_lines(journal, sample_lines * 25)  # 1,000 entries: long enough to be caught midway
    expected = list(export_lines(journal))
    journal.close()
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(journal_path), PASSPHRASE, NEW],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "rotating"
    time.sleep(delay)
    child.kill()
    child.wait()
    opened = []
    for secret in (PASSPHRASE, NEW):
        try:
            with Journal.open(journal_path, secret) as j:
                assert list(export_lines(j)) == expected
                assert j.verify().ok
                opened.append(secret)
        except WrongPassphrase:
            pass
    assert len(opened) == 1
