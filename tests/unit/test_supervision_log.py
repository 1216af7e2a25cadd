"""The supervision log: meetings saved whole and read back, suggestions followed up, history."""

import sqlite3
from datetime import date, datetime

import pytest

from reflect.core.journal import Journal
from reflect.core.model import Entry, Person, Stance, Timing
from reflect.core.supervision import (
    ActionPoint,
    BriefLink,
    FollowUpState,
    Meeting,
    MeetingKind,
    PresentedCase,
    Suggestion,
    SupervisionLog,
    choose_to_try,
    dismiss,
    history,
    pending_follow_ups,
    prompt_text,
    record_outcome,
)
from reflect.store import migrations
from tests.conftest import PASSPHRASE


@pytest.fixture
def client(journal):
    return journal.save_person(Person(name="Margaret Ellison", alias="M."))


def a_meeting(client_id, when=datetime(2026, 3, 20, 18, 0)) -> Meeting:
    return Meeting(
        date=when, kind=MeetingKind.PEER_GROUP, group="Thursday peer group", minutes=90,
        chair="Sam", notes="Rotating chair; two cases.",
        cases=[PresentedCase(
            client_id=client_id,
            question="How do I end sessions on time without feeling cruel?",
            brief=BriefLink(datetime(2026, 3, 19, 21, 5), "group", ["e1", "e2"]),
            questions=["What happens in the last ten minutes?", "Has she said why?"],
            suggestions=[
                Suggestion("offer a fixed end time", Timing.PRE, Stance.CONSERVATIVE,
                           "she may protest at first"),
                Suggestion("walk her to the door", Timing.DURING, Stance.LIBERAL),
            ],
        )],
        actions=[ActionPoint("bring the contract to the next meeting")],
    )


def test_a_meeting_reads_back_exactly_as_saved(journal, client):
    log = SupervisionLog(journal)
    saved = log.save_meeting(a_meeting(client.id))
    back = log.meeting(saved.id)
    assert back == saved
    case = back.cases[0]
    assert case.questions == ["What happens in the last ten minutes?", "Has she said why?"]
    assert [s.text for s in case.suggestions] == ["offer a fixed end time", "walk her to the door"]
    assert case.suggestions[0].stance == Stance.CONSERVATIVE
    assert case.brief.entry_ids == ["e1", "e2"] and case.brief.template == "group"
    assert back.actions[0].text == "bring the contract to the next meeting"


def test_editing_a_meeting_keeps_the_follow_ups_of_its_suggestions(journal, client):
    log = SupervisionLog(journal)
    m = log.save_meeting(a_meeting(client.id))
    first = m.cases[0].suggestions[0]
    choose_to_try(journal, first.id, date(2026, 3, 21))
    record_outcome(journal, first.id, "tried", "she took it well")
    m = log.meeting(m.id)
    m.notes = "edited"
    m.cases[0].suggestions.pop(1)  # the second suggestion is taken out
    m.cases[0].suggestions.append(Suggestion("say the time at the start", Timing.DURING))
    log.save_meeting(m)
    again = log.meeting(m.id)
    kept = again.cases[0].suggestions
    assert [s.text for s in kept] == ["offer a fixed end time", "say the time at the start"]
    assert kept[0].chosen == date(2026, 3, 21)
    assert [(f.state, f.note) for f in kept[0].follow_ups] == [("tried", "she took it well")]
    assert journal.file.count("suggestion") == 2


def test_a_chosen_suggestion_is_asked_about_on_the_next_entries_until_settled(journal, client):
    log = SupervisionLog(journal)
    m = log.save_meeting(a_meeting(client.id))
    fixed, walk = m.cases[0].suggestions
    today = date(2026, 3, 24)
    assert pending_follow_ups(journal, client.id, today=today) == []  # nothing chosen yet
    choose_to_try(journal, fixed.id, date(2026, 3, 21))
    choose_to_try(journal, walk.id, date(2026, 3, 21))
    prompts = pending_follow_ups(journal, client.id, today=today)
    assert [p.text for p in prompts] == [
        "From supervision on Friday: offer a fixed end time — did you? how did it go?",
        "From supervision on Friday: walk her to the door — did you? how did it go?",
    ]
    entry = journal.save_entry(Entry(date=datetime(2026, 3, 24, 10), narrative="Session",
                                     client_id=client.id))
    record_outcome(journal, fixed.id, FollowUpState.TRIED, "said 4pm at the start",
                   entry_id=entry.id)
    # answered on this entry: not asked again here; still open for the next one
    assert [p.suggestion for p in pending_follow_ups(journal, client.id, today=today,
                                                     entry_id=entry.id)] == ["walk her to the door"]
    later = pending_follow_ups(journal, client.id, today=today)
    assert later[0].last_state == FollowUpState.TRIED and later[0].last_note == "said 4pm at the start"
    record_outcome(journal, fixed.id, "helped", "ended on time twice")
    dismiss(journal, walk.id, "not for this client")
    assert pending_follow_ups(journal, client.id, today=today) == []
    refs = history(journal, client.id)
    states = {r.suggestion.text: r.suggestion.state for r in refs}
    assert states == {"offer a fixed end time": "helped", "walk her to the door": "dismissed"}
    assert refs[0].suggestion.follow_ups[0].entry_id == entry.id


def test_a_meeting_still_to_come_prompts_nothing_yet(journal, client):
    m = SupervisionLog(journal).save_meeting(a_meeting(client.id, datetime(2026, 5, 1, 18)))
    choose_to_try(journal, m.cases[0].suggestions[0].id, date(2026, 5, 1))
    assert pending_follow_ups(journal, client.id, today=date(2026, 4, 30)) == []
    assert len(pending_follow_ups(journal, client.id, today=date(2026, 5, 1))) == 1


@pytest.mark.parametrize("meeting, today, expected", [
    (date(2026, 3, 24), date(2026, 3, 24), "From supervision today: x — did you? how did it go?"),
    (date(2026, 3, 23), date(2026, 3, 24), "From supervision yesterday: x — did you? how did it go?"),
    (date(2026, 3, 3), date(2026, 3, 24),
     "From supervision on 3 March (three weeks ago): x — did you? how did it go?"),
    (date(2025, 11, 3), date(2026, 3, 24),
     "From supervision on 3 November 2025 (five months ago): x — did you? how did it go?"),
])
def test_prompt_says_when_the_meeting_was_as_a_person_would(meeting, today, expected):
    assert prompt_text("x", meeting, today) == expected


def test_deleting_an_entry_keeps_the_follow_up_recorded_on_it(journal, client):
    m = SupervisionLog(journal).save_meeting(a_meeting(client.id))
    s = m.cases[0].suggestions[0]
    entry = journal.save_entry(Entry(date=datetime(2026, 3, 24, 10), narrative="x",
                                     client_id=client.id))
    record_outcome(journal, s.id, "helped", "it worked", entry_id=entry.id)
    journal.delete_entry(entry.id)
    f = history(journal, client.id)[0].suggestion.follow_ups
    assert [(x.state, x.note, x.entry_id) for x in f] == [("helped", "it worked", None)]


def test_bad_meetings_are_refused_and_change_nothing(journal, client):
    log = SupervisionLog(journal)
    m = a_meeting(client.id)
    m.minutes = 5000
    with pytest.raises(ValueError, match="minutes"):
        log.save_meeting(m)
    m = a_meeting(client.id)
    m.cases[0].suggestions.append(Suggestion("   "))
    with pytest.raises(ValueError, match="suggestion needs some text"):
        log.save_meeting(m)
    assert journal.file.count("meeting") == 0 and journal.file.count("suggestion") == 0


def test_deleting_a_meeting_takes_everything_in_it(journal, client):
    log = SupervisionLog(journal)
    m = log.save_meeting(a_meeting(client.id))
    record_outcome(journal, m.cases[0].suggestions[0].id, "tried")
    log.delete_meeting(m.id)
    for table in ("meeting", "meeting_case", "case_question", "suggestion", "follow_up",
                  "action_point"):
        assert journal.file.count(table) == 0, table


def test_forgetting_a_client_takes_their_cases_and_leaves_the_meeting(journal, client):
    other = journal.save_person(Person(name="Ruth Abernathy"))
    log = SupervisionLog(journal)
    m = a_meeting(client.id)
    m.cases.append(PresentedCase(other.id, "Another question",
                                 suggestions=[Suggestion("ask her")]))
    m.actions.append(ActionPoint("re-read the contract", case_id=None))
    m = log.save_meeting(m)
    m.actions.append(ActionPoint("about the first case", case_id=m.cases[0].id))
    log.save_meeting(m)
    record_outcome(journal, m.cases[0].suggestions[0].id, "helped", "a note about her")
    assert journal.describe_forget(client.id).supervision_cases == 1
    journal.forget_client(client.id)
    left = log.meeting(m.id)
    assert [c.client_id for c in left.cases] == [other.id]
    assert [a.text for a in left.actions] == ["bring the contract to the next meeting",
                                              "re-read the contract"]
    assert journal.file.count("follow_up") == 0
    assert journal.file.count("suggestion") == 1 and journal.file.count("case_question") == 0
    assert history(journal, client.id) == []


def test_a_schema_4_journal_is_backed_up_and_gains_the_supervision_tables(journal_path):
    j, _ = Journal.create(journal_path, PASSPHRASE)
    j.save_entry(Entry(date=datetime(2026, 1, 5, 9), narrative="before supervision existed"))
    j.close()
    conn = sqlite3.connect(journal_path)
    for table in ("follow_up", "suggestion", "case_question", "action_point", "meeting_case",
                  "brief_export", "meeting", "self_check"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("PRAGMA user_version = 4")
    conn.close()
    with Journal.open(journal_path, PASSPHRASE) as j:
        assert j.schema_version() == migrations.CURRENT_VERSION == 6
        client = j.save_person(Person(name="Ana"))
        SupervisionLog(j).save_meeting(a_meeting(client.id))
        assert j.entries()[0].narrative == "before supervision existed"
        assert j.verify().ok
    assert len(list(journal_path.parent.glob("*before-upgrade-v4*.reflect"))) == 1


def test_a_damaged_suggestion_is_named_by_verify_and_the_rest_reads(journal, client, journal_path):
    m = SupervisionLog(journal).save_meeting(a_meeting(client.id))
    target = m.cases[0].suggestions[1].id
    journal.close()
    conn = sqlite3.connect(journal_path)
    blob = bytearray(conn.execute("SELECT text FROM suggestion WHERE id = ?", (target,)).fetchone()[0])
    blob[-1] ^= 1
    conn.execute("UPDATE suggestion SET text = ? WHERE id = ?", (bytes(blob), target))
    conn.commit()
    conn.close()
    with Journal.open(journal_path, PASSPHRASE) as j:
        report = j.verify()
        assert [(d.table, d.row_id) for d in report.damaged] == [("suggestion", target)]
        back = SupervisionLog(j).meeting(m.id)
        assert [s.text for s in back.cases[0].suggestions] == ["offer a fixed end time"]
