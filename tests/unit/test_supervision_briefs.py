"""Each exported brief is recorded; a case presented at a meeting links to one; the link shows in
``reflect meetings --json``, round-trips through export/import, goes with "forget this client",
and a schema-5 journal gains it without losing a row. Action points are ticked done and back."""

import json
import sqlite3
from datetime import datetime

import pytest

from reflect.core.interchange import export_lines, import_lines
from reflect.core.journal import Journal
from reflect.core.model import Entry, Person
from reflect.core.supervision import (
    ActionPoint,
    BriefLink,
    Meeting,
    PresentedCase,
    Suggestion,
    SupervisionLog,
    brief_exported,
    brief_exports,
    record_outcome,
)
from reflect.core.supervision.interchange import meetings_report
from reflect.store import migrations
from tests.conftest import PASSPHRASE
from tests.unit.test_supervision_interchange import ENTRY, LATER, MEETING, lines

BRIEF = {"record": "brief_export", "date": "2026-03-19T21:05", "client": {"name": "Margaret Ellison"},
         "template": "group", "format": "pdf", "entries": ["2026-03-14T17:00"],
         "question": "How do I end on time?", "file": "case-brief-group.pdf"}


@pytest.fixture
def client(journal):
    person = journal.save_person(Person(name="Margaret Ellison", alias="M."))
    for day in (5, 12):
        journal.save_entry(Entry(date=datetime(2026, 3, day, 10), narrative="She stayed over.",
                                 client_id=person.id))
    return person


def test_an_export_is_kept_with_the_file_name_only_newest_first(journal, client, tmp_path):
    ids = [s.id for s in journal.summaries(client.id)]
    older = brief_exported(journal, client_id=client.id, template="group", fmt="md",
                           entry_ids=ids, question="How do I end on time?",
                           path=tmp_path / "private folder" / "brief.md",
                           when=datetime(2026, 3, 1, 20, 0))
    newer = brief_exported(journal, client_id=client.id, template="supervisor", fmt="pdf",
                           entry_ids=[ids[0], "not-an-entry"], path="b.pdf",
                           when=datetime(2026, 3, 19, 21, 5))
    found = brief_exports(journal, client.id)
    assert [b.id for b in found] == [newer.id, older.id]
    assert found[1].file_name == "brief.md"  # the folder is not kept
    assert found[1].question == "How do I end on time?" and found[1].entry_ids == ids
    assert found[0].entry_ids == [ids[0]]  # an entry the journal does not have is left out
    assert found[0].template == "supervisor" and found[0].format == "pdf"
    with pytest.raises(ValueError):
        brief_exported(journal, client_id=client.id, template="family", fmt="md", entry_ids=[])


def test_a_case_links_to_its_brief_and_meetings_json_shows_it(journal, client):
    export = brief_exported(journal, client_id=client.id, template="group", fmt="pdf",
                            entry_ids=[s.id for s in journal.summaries(client.id)],
                            question="How do I end on time?", path="case-brief-group.pdf",
                            when=datetime(2026, 3, 19, 21, 5))
    log = SupervisionLog(journal)
    m = log.save_meeting(Meeting(datetime(2026, 3, 20, 18), cases=[
        PresentedCase(client.id, "How do I end on time?", brief=export.link())]))
    back = log.meeting(m.id).cases[0].brief
    assert back.export_id == export.id and back.exported == export.date
    case = meetings_report(journal)[0]["cases"][0]
    assert case["brief"]["export"] == {
        "id": export.id, "date": "2026-03-19T21:05", "template": "group", "format": "pdf",
        "question": "How do I end on time?", "file": "case-brief-group.pdf"}
    assert case["brief"]["exported"] == "2026-03-19T21:05"
    # a link to an export the journal does not hold is not kept
    m.cases[0].brief = BriefLink(datetime(2026, 3, 1), "group", [], "no-such-export")
    log.save_meeting(m)
    assert log.meeting(m.id).cases[0].brief.export_id is None


def test_forgetting_the_client_takes_their_exports_and_the_meeting_stays(journal, client):
    other = journal.save_person(Person(name="Ruth Abernathy"))
    mine = brief_exported(journal, client_id=client.id, template="group", fmt="md", entry_ids=[],
                          path="brief-margaret.md")
    theirs = brief_exported(journal, client_id=other.id, template="group", fmt="md", entry_ids=[])
    log = SupervisionLog(journal)
    m = log.save_meeting(Meeting(datetime(2026, 3, 20, 18), minutes=90, cases=[
        PresentedCase(client.id, brief=mine.link()), PresentedCase(other.id, brief=theirs.link())]))
    asked = journal.describe_forget(client.id)  # what the confirmation lists
    assert asked.brief_exports == 1 and asked.supervision_cases == 1
    journal.forget_client(client.id)
    assert [b.id for b in brief_exports(journal)] == [theirs.id]
    assert journal.file.count("brief_export") == 1
    left = log.meeting(m.id)
    assert left.minutes == 90 and [c.brief.export_id for c in left.cases] == [theirs.id]


def test_action_points_are_ticked_done_and_back(journal, client):
    log = SupervisionLog(journal)
    m = log.save_meeting(Meeting(datetime(2026, 3, 20, 18), cases=[PresentedCase(client.id)],
                                 actions=[ActionPoint("bring the contract"),
                                          ActionPoint("book the room")]))
    first = m.actions[0].id
    log.set_action_done(first, True)
    assert [(a.text, a.done) for a in log.meeting(m.id).actions] == [
        ("bring the contract", True), ("book the room", False)]
    assert [a.text for _m, a in log.open_actions()] == ["book the room"]
    report = meetings_report(journal)[0]["actions"]
    assert [(a["text"], a["done"], a["id"]) for a in report] == [
        ("bring the contract", True, first), ("book the room", False, m.actions[1].id)]
    log.set_action_done(first, False)
    assert not log.meeting(m.id).actions[0].done


def test_brief_records_round_trip_and_link_the_case(journal, tmp_path):
    meeting = {**MEETING, "cases": [{**MEETING["cases"][0],
                                     "brief": {"exported": "2026-03-19T21:05", "template": "group",
                                               "entries": ["2026-03-14T17:00"]}}]}
    # the meeting comes first in this file: the brief is linked all the same
    report = import_lines(journal, lines(ENTRY, LATER, meeting, BRIEF))
    assert report.brief_exports == 1 and report.meetings == 1 and report.warnings == []
    export = brief_exports(journal)[0]
    case = SupervisionLog(journal).meetings()[0].cases[0]
    assert case.brief.export_id == export.id
    client = journal.find_people("Margaret Ellison")[0]
    assert export.client_id == client.id
    assert export.entry_ids == [journal.summaries(client.id)[-1].id]  # 14 March
    out = [json.loads(x) for x in export_lines(journal)]
    assert out[:2] == [ENTRY, LATER]  # entry lines unchanged
    assert out[2] == BRIEF and out[3] == meeting
    other, _ = Journal.create(tmp_path / "second.reflect", PASSPHRASE)
    with other:
        import_lines(other, list(export_lines(journal)))
        assert list(export_lines(other)) == list(export_lines(journal))
        linked = SupervisionLog(other).meetings()[0].cases[0].brief.export_id
        assert linked == brief_exports(other)[0].id


def test_a_bad_brief_line_is_named(journal):
    from reflect.core.errors import ImportProblem

    with pytest.raises(ImportProblem) as caught:
        import_lines(journal, lines(ENTRY, {**BRIEF, "format": "docx"}, {**BRIEF, "date": "soon"}))
    assert caught.value.problems == [
        "line 2: 'format' is one of md, html, pdf",
        "line 3: 'date' is not an ISO date and time (such as 2026-03-14T17:00)",
    ]
    assert journal.entry_count() == 0


V5_MEETING_CASE = """CREATE TABLE meeting_case (
    id VARCHAR NOT NULL PRIMARY KEY,
    meeting_id VARCHAR NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    client_id VARCHAR REFERENCES person (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    question BLOB NOT NULL, brief BLOB NOT NULL)"""


def test_a_schema_5_journal_keeps_every_row_and_gains_brief_exports(journal_path):
    j, _ = Journal.create(journal_path, PASSPHRASE)
    client = j.save_person(Person(name="Margaret Ellison"))
    entry = j.save_entry(Entry(date=datetime(2026, 3, 14, 17), narrative="over time again",
                               client_id=client.id))
    log = SupervisionLog(j)
    m = log.save_meeting(Meeting(
        datetime(2026, 3, 20, 18), group="Thursday peer group", minutes=90,
        cases=[PresentedCase(client.id, "How do I end on time?",
                             BriefLink(datetime(2026, 3, 19, 21, 5), "group", [entry.id]),
                             questions=["Has she said why?"],
                             suggestions=[Suggestion("offer a fixed end time")]),
               PresentedCase(None, "A question about my work")],
        actions=[ActionPoint("bring the contract", done=True)]))
    record_outcome(j, m.cases[0].suggestions[0].id, "helped", "ended on time")
    before = log.meeting(m.id)
    j.close()
    # the same journal as schema 5 wrote it: meeting_case without the link, no brief_export
    conn = sqlite3.connect(journal_path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA legacy_alter_table = ON")  # the other tables keep naming meeting_case
    counts = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
              for t in ("meeting", "meeting_case", "case_question", "suggestion", "follow_up",
                        "action_point", "entry", "person")}
    conn.execute("DROP INDEX ix_meeting_case_brief_export_id")
    conn.execute("ALTER TABLE meeting_case RENAME TO meeting_case_v6")
    conn.execute(V5_MEETING_CASE)
    conn.execute("INSERT INTO meeting_case SELECT id, meeting_id, client_id, position, question, "
                 "brief FROM meeting_case_v6")
    conn.execute("DROP TABLE meeting_case_v6")
    conn.execute("DROP TABLE brief_export")
    conn.execute("CREATE INDEX ix_meeting_case_meeting_id ON meeting_case (meeting_id)")
    conn.execute("CREATE INDEX ix_meeting_case_client_id ON meeting_case (client_id)")
    conn.execute("PRAGMA user_version = 5")
    conn.commit()
    conn.close()
    with Journal.open(journal_path, PASSPHRASE) as j:
        assert j.schema_version() == migrations.CURRENT_VERSION == 6
        assert j.verify().ok
        for table, n in counts.items():
            assert j.file.count(table) == n, table
        after = SupervisionLog(j).meeting(m.id)
        assert after == before  # every case, question, suggestion, follow-up and action point
        assert after.cases[0].brief.entry_ids == [entry.id] and after.cases[0].brief.export_id is None
        export = brief_exported(j, client_id=client.id, template="group", fmt="md",
                                entry_ids=[entry.id])
        after.cases[0].brief = export.link()
        SupervisionLog(j).save_meeting(after)
        assert SupervisionLog(j).meeting(m.id).cases[0].brief.export_id == export.id
    assert len(list(journal_path.parent.glob("*before-upgrade-v5*.reflect"))) == 1
