"""Nothing readable on disk: the database, its -wal/-shm and every other file the journal wrote."""

import json
import re

from reflect.core.interchange import import_lines


def needles(lines: list[str]) -> set[str]:
    """Names, narrative fragments, demand/control text and ISO dates from the sample."""
    found: set[str] = set()
    for line in lines:
        d = json.loads(line)
        found.add(d["date"])
        found.add(d["date"][:10])
        people = [d.get("client") or {}, *d.get("people", [])]
        for p in people:
            for name in [p.get("name"), p.get("alias"), *p.get("aka", [])]:
                if name and len(name) >= 4:
                    found.add(name)
        words = d["narrative"].split()
        for i in range(0, max(1, len(words) - 4), 7):
            found.add(" ".join(words[i : i + 4]))
        for item in d.get("demands", []) + d.get("controls", []):
            found.add(item["text"][:24])
            if item.get("outcome"):
                found.add(item["outcome"][:24])
    return {n for n in found if len(n) >= 4}


def journal_files(folder):
    return [p for p in folder.rglob("*") if p.is_file()]


def assert_no_plaintext(folder, lines):
    files = journal_files(folder)
    assert files, "the journal wrote no files at all"
    blobs = {p.name: p.read_bytes() for p in files}
    for needle in needles(lines):
        for encoding in ("utf-8", "utf-16-le"):
            pattern = needle.encode(encoding)
            for name, blob in blobs.items():
                assert pattern not in blob, f"{needle!r} readable in {name}"
    for name, blob in blobs.items():  # no ISO date of any kind
        assert not re.search(rb"20\d\d-[01]\d-[0-3]\d", blob), f"a date is readable in {name}"


def test_sample_journal_leaves_no_plaintext_while_open(journal, journal_path, sample_lines):
    import_lines(journal, sample_lines)
    journal.save_draft("new:x", {"narrative": json.loads(sample_lines[0])["narrative"]})
    # while open: the WAL holds fresh pages
    assert (journal_path.parent / (journal_path.name + "-wal")).exists()
    assert_no_plaintext(journal_path.parent, sample_lines)
    journal.close()
    assert_no_plaintext(journal_path.parent, sample_lines)


def test_forgetting_a_client_leaves_nothing_of_them(sample_journal, journal_path, sample_lines):
    client = sample_journal.find_people("Deanna Whitcombe")[0]
    sample_journal.save_draft("new:1", {"client_id": client.id, "narrative": "unsaved about her"})
    sample_journal.save_draft("new:2", {"client_id": None, "client_name": "dee", "narrative": "x"})
    sample_journal.save_draft("new:3", {"client_id": None, "narrative": "someone else"})
    summary = sample_journal.forget_client(client.id)
    assert set(sample_journal.drafts()) == {"new:3"}
    assert summary.entries > 0 and "Lorraine Whitcombe" in summary.people
    assert not sample_journal.find_people("Dee")
    assert all(s.client_id != client.id for s in sample_journal.summaries())
    sample_journal.close()
    # With the key in hand, nothing of the client decrypts from any byte of the file either:
    # every row id of theirs is gone, and the deleted pages were zeroed (secure_delete).
    blob = journal_path.read_bytes()
    assert client.id.encode() not in blob
