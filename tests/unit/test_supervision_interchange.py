"""Meetings, self-checks and the profile as JSON Lines records beside unchanged entry lines."""

import json
from datetime import date, datetime

import pytest

from reflect.core.errors import ImportProblem
from reflect.core.interchange import export_lines, import_lines
from reflect.core.journal import Journal
from reflect.core.model import Profile
from reflect.core.supervision import (
    SupervisionLog,
    answer_self_check,
    choose_to_try,
    dismiss_self_check,
    history,
    pending_follow_ups,
    record_outcome,
    self_checks,
)
from tests.conftest import PASSPHRASE

ENTRY = {"date": "2026-03-14T17:00", "client": {"name": "Margaret Ellison", "alias": "M."},
         "people": [], "narrative": "She stayed twenty minutes over again.",
         "demands": [], "controls": []}
LATER = {**ENTRY, "date": "2026-03-28T17:00", "narrative": "Ended on time."}
MEETING = {
    "record": "meeting", "date": "2026-03-20T18:00", "kind": "peer group",
    "group": "Thursday peer group", "minutes": 90, "chair": "Sam", "notes": "Two cases.",
    "cases": [{
        "client": {"name": "Margaret Ellison"},
        "question": "How do I end on time?",
        "brief": {"exported": "2026-03-19T21:05", "template": "group",
                  "entries": ["2026-03-14T17:00"]},
        "questions": ["What happens in the last ten minutes?"],
        "suggestions": [
            {"text": "offer a fixed end time", "timing": "pre", "stance": "conservative",
             "consequence": "she may protest", "chosen": "2026-03-21",
             "follow_ups": [{"date": "2026-03-28T17:30", "state": "helped",
                             "note": "ended on time", "entry": "2026-03-28T17:00"}]},
            {"text": "walk her to the door", "timing": "during", "stance": "liberal"},
        ],
    }],
    "actions": [{"text": "bring the contract", "case": 0}, {"text": "book the room", "done": True}],
}
SELF_CHECK = {"record": "self_check", "date": "2026-04-01T09:00",
              "answers": {"over_time": "yes", "self_care": "sometimes"},
              "notes": {"over_time": "with M. twice"}}
DISMISSED = {"record": "self_check", "date": "2026-05-01T09:00", "dismissed": True}
PROFILE = {"record": "profile", "profession": "massage therapist", "setting": "private practice",
           "years_in_practice": 12, "current_supervision": "monthly peer group"}


def lines(*objs) -> list[str]:
    return [json.dumps(o, ensure_ascii=False) for o in objs]


def test_meeting_self_check_and_profile_lines_import_and_export_unchanged(journal):
    source = lines(ENTRY, LATER, MEETING, SELF_CHECK, DISMISSED, PROFILE)
    report = import_lines(journal, source)
    assert (report.entries, report.meetings, report.self_checks, report.profile) == (2, 1, 2, True)
    assert report.warnings == []
    out = [json.loads(x) for x in export_lines(journal)]
    assert out[:2] == [ENTRY, LATER]  # entry lines exactly as they were
    assert out[2:] == [MEETING, SELF_CHECK, DISMISSED, PROFILE]
    client = journal.find_people("Margaret Ellison")[0]
    m = SupervisionLog(journal).meetings()[0]
    assert m.cases[0].client_id == client.id
    assert m.cases[0].brief.entry_ids == [journal.summaries(client.id)[-1].id]  # the older one
    assert m.actions[0].case_id == m.cases[0].id and m.actions[1].done
    helped = history(journal, client.id)[0].suggestion
    assert helped.chosen == date(2026, 3, 21)
    assert helped.follow_ups[0].entry_id == journal.summaries(client.id)[0].id  # the later one
    assert journal.profile().years_in_practice == 12


def test_everything_new_round_trips_into_a_new_journal(journal, tmp_path):
    import_lines(journal, lines(ENTRY, LATER))
    client = journal.find_people("M.")[0]
    import_lines(journal, lines(MEETING))
    assert [r.suggestion.text for r in history(journal, client.id)] == [
        "offer a fixed end time", "walk her to the door"]
    m = SupervisionLog(journal).meetings()[0]
    walk = m.cases[0].suggestions[1].id
    choose_to_try(journal, walk, date(2026, 3, 21))
    record_outcome(journal, walk, "not tried", "no chance yet", when=datetime(2026, 3, 29, 9))
    answer_self_check(journal, {"friends": "no"}, when=datetime(2026, 4, 2, 8))
    dismiss_self_check(journal, when=datetime(2026, 5, 3, 8))
    journal.save_profile(Profile(profession="counsellor", typical_clients="adults"))
    first = list(export_lines(journal))
    other, _ = Journal.create(tmp_path / "second.reflect", PASSPHRASE)
    with other:
        import_lines(other, first)
        assert list(export_lines(other)) == first
        who = other.find_people("Margaret Ellison")[0]
        prompts = pending_follow_ups(other, who.id, today=date(2026, 4, 1))
        assert [p.suggestion for p in prompts] == ["walk her to the door"]
        assert prompts[0].last_note == "no chance yet"
        assert [c.month for c in self_checks(other)] == ["2026-04", "2026-05"]


def test_a_bad_meeting_line_is_named_and_nothing_is_imported(journal):
    bad = {**MEETING, "minutes": -5}
    worse = {**MEETING, "cases": [{"suggestions": [{"text": "x", "stance": "wild"}]}]}
    check = {"record": "self_check", "date": "2026-04-01T09:00", "answers": {"mood": "yes"}}
    with pytest.raises(ImportProblem) as caught:
        import_lines(journal, lines(ENTRY, bad, worse, check))
    assert caught.value.problems == [
        "line 2: 'minutes' must be a whole number from 0 to 1440",
        "line 3: 'stance' must be one of conservative, neutral, liberal",
        "line 4: 'answers' names no self-check question 'mood' (questions: earning, friends, "
        "days_off, over_time, fixing, self_care)",
    ]
    assert journal.entry_count() == 0 and journal.file.count("meeting") == 0
    assert journal.people() == []


def test_unknown_records_and_keys_are_named_and_missing_entries_warned(journal):
    meeting = {**MEETING, "venue": "room 4",
               "cases": [{**MEETING["cases"][0], "brief": {"entries": ["2026-01-01T10:00"]}}]}
    report = import_lines(journal, lines(ENTRY, meeting, {"record": "invoice", "total": 3}))
    assert report.meetings == 1
    assert report.warnings == [
        "line 2: ignored unknown key 'venue'",
        "line 3: left out a record of kind 'invoice' (this version of Reflect does not know it)",
        "line 2: a session the brief names is not among the client's entries; left out",
        "line 2: the entry a follow-up names is not among the client's entries; the follow-up "
        "is kept without it",
    ]


def test_an_entry_line_may_say_it_is_an_entry(journal):
    report = import_lines(journal, lines({**ENTRY, "record": "entry"}))
    assert report.entries == 1 and report.warnings == []
    assert json.loads(next(export_lines(journal))) == ENTRY
