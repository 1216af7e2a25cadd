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
    from datetime import datetime

    from reflect.core.supervision import (
        Meeting,
        PresentedCase,
        Suggestion,
        SupervisionLog,
        brief_exported,
    )

    export = brief_exported(sample_journal, client_id=client.id, template="group", fmt="pdf",
                            entry_ids=[], path="brief-deanna.pdf")  # the row names her id
    SupervisionLog(sample_journal).save_meeting(Meeting(datetime(2026, 3, 1, 18), cases=[
        PresentedCase(client.id, "her question", export.link(),
                      suggestions=[Suggestion("try this")])]))
    summary = sample_journal.forget_client(client.id)
    assert summary.supervision_cases == 1 and sample_journal.file.count("suggestion") == 0
    assert sample_journal.file.count("brief_export") == 0
    assert set(sample_journal.drafts()) == {"new:3"}
    assert summary.entries > 0 and "Lorraine Whitcombe" in summary.people
    assert not sample_journal.find_people("Dee")
    assert all(s.client_id != client.id for s in sample_journal.summaries())
    sample_journal.close()
    # With the key in hand, nothing of the client decrypts from any byte of the file either:
    # every row id of theirs is gone, and the deleted pages were zeroed (secure_delete).
    blob = journal_path.read_bytes()
    assert client.id.encode() not in blob


SUPERVISION_WORDS = [
    "Thursday peer group", "Chaired by Rosalind", "Is the contract clear enough",
    "offer a fixed end time", "she may protest", "ended on time twice",
    "bring the contract along", "three times with the late client", "Reflexology practitioner",
    "Hot stone and cupping", "Shared clinic room", "Office workers with sciatica",
    "Help with clients who linger", "Fortnightly one-to-one", "Question for the group today",
    "brief-gwendolyn-lateness.pdf", "Why does she stay so late",
]


def test_meetings_suggestions_profile_and_self_check_leave_no_plaintext(journal, journal_path):
    from datetime import date, datetime

    from reflect.core.model import Person, Profile, Stance, Timing
    from reflect.core.supervision import (
        ActionPoint,
        Meeting,
        PresentedCase,
        Suggestion,
        SupervisionLog,
        answer_self_check,
        brief_exported,
        choose_to_try,
        dismiss_self_check,
        record_outcome,
    )

    w = SUPERVISION_WORDS
    client = journal.save_person(Person(name="Gwendolyn Sapphire"))
    export = brief_exported(journal, client_id=client.id, template="supervisor", fmt="pdf",
                            entry_ids=[], question=w[16], path=w[15],
                            when=datetime(2026, 3, 18, 21, 0))
    meeting = SupervisionLog(journal).save_meeting(Meeting(
        date=datetime(2026, 3, 19, 18, 30), group=w[0], chair=w[1], minutes=95,
        notes=w[14],
        cases=[PresentedCase(client.id, w[2], export.link(),
                             questions=[w[2] + "?"],
                             suggestions=[Suggestion(w[3], Timing.PRE, Stance.CONSERVATIVE, w[4])])],
        actions=[ActionPoint(w[6])],
    ))
    suggestion = meeting.cases[0].suggestions[0].id
    choose_to_try(journal, suggestion, date(2026, 3, 20))
    record_outcome(journal, suggestion, "helped", w[5], when=datetime(2026, 3, 27, 11, 0))
    answer_self_check(journal, {"over_time": "yes"}, {"over_time": w[7]},
                      when=datetime(2026, 4, 1, 9, 0))
    dismiss_self_check(journal, when=datetime(2026, 5, 1, 9, 0))
    journal.save_profile(Profile(profession=w[8], modalities=w[9], setting=w[10],
                                 typical_clients=w[11], wants_from_supervision=w[12],
                                 current_supervision=w[13], years_in_practice=7))
    lines = [json.dumps({"date": "2026-03-19T18:30", "narrative": "x",
                         "client": {"name": "Gwendolyn Sapphire"},
                         "demands": [{"text": t} for t in w]})]
    assert_no_plaintext(journal_path.parent, lines)
    journal.close()
    assert_no_plaintext(journal_path.parent, lines)
