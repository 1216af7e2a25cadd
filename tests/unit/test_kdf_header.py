"""The key-derivation parameters in the header: bounded before any work is done, so a damaged
(or hostile) header is one clear line, at once, and nothing is changed; calibration has a floor
and runs again when the passphrase changes."""

import hashlib
import json
import sqlite3
import time

import pytest

from reflect.core.errors import JournalDamaged, WrongPassphrase
from reflect.core.journal import Journal
from reflect.store import crypto
from tests.conftest import PASSPHRASE


def _set_kdf(path, change) -> None:
    conn = sqlite3.connect(path)
    (raw,) = conn.execute("SELECT value FROM meta WHERE key = 'kdf'").fetchone()
    kdf = json.loads(bytes(raw))
    value = change(kdf) if callable(change) else change
    conn.execute("UPDATE meta SET value = ? WHERE key = 'kdf'",
                 (value if isinstance(value, bytes) else json.dumps(value).encode(),))
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    "change",
    [
        lambda k: {**k, "memory_kib": 64 * 1024 * 1024},  # 64 GiB: MemoryError before
        lambda k: {**k, "memory_kib": 2 * 1024 * 1024},  # 2 GiB: 7 s and 2.1 GB before
        lambda k: {**k, "iterations": 2_000_000_000},  # hung before
        lambda k: {**k, "lanes": 100_000},
        lambda k: {**k, "memory_kib": 1024 * 1024, "iterations": 64},  # each in bounds, too slow together
        lambda k: {**k, "iterations": 0},
        lambda k: {**k, "iterations": 3.5},
        lambda k: {**k, "iterations": "3"},
        lambda k: {**k, "salt": "not base64!"},
        lambda k: {key: v for key, v in k.items() if key != "lanes"},
        lambda k: [k],
        b"\xff\xfe not text",
        b"{",
    ],
)
def test_a_damaged_key_header_is_one_line_at_once_and_changes_nothing(journal, journal_path, change):
    journal.close()
    _set_kdf(journal_path, change)
    before = hashlib.sha256(journal_path.read_bytes()).digest()
    with pytest.raises(JournalDamaged) as info:
        Journal.open(journal_path, "any passphrase at all")
    message = str(info.value)
    assert "header is damaged" in message and "\n" not in message
    assert hashlib.sha256(journal_path.read_bytes()).digest() == before


def test_the_recovery_code_still_opens_a_journal_whose_kdf_header_is_damaged(journal_path):
    j, code = Journal.create(journal_path, PASSPHRASE)
    j.close()
    _set_kdf(journal_path, lambda k: {**k, "iterations": 2_000_000_000})
    Journal.open(journal_path, recovery_code=code).close()


def test_parameters_in_bounds_still_open(journal, journal_path):
    journal.close()
    with pytest.raises(WrongPassphrase):
        Journal.open(journal_path, "not it")
    Journal.open(journal_path, PASSPHRASE).close()


def test_calibration_on_a_busy_machine_keeps_its_floor(monkeypatch):
    """A machine too busy to derive quickly still gets at least the floor; the fastest probe
    counts, so one slow moment does not decide the journal's iterations."""
    clock = iter([0.0, 9.0, 10.0, 10.1, 20.0, 20.1])  # one 9 s probe, then two of 0.1 s
    monkeypatch.setattr(time, "perf_counter", lambda: next(clock))
    monkeypatch.setattr(crypto.KdfParams, "derive", lambda self, secret: b"")
    params = crypto.calibrate(0.7)
    assert params.iterations == round(0.7 / (0.1 / crypto.MIN_ITERATIONS))  # from the 0.1 s probes
    slow = iter([0.0, 30.0] * 3)
    monkeypatch.setattr(time, "perf_counter", lambda: next(slow))
    assert crypto.calibrate(0.7).iterations == crypto.MIN_ITERATIONS
    assert crypto.calibrate.__defaults__[0] == 0.7  # the shipped default target
