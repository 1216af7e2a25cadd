"""reflect meetings / hours / profile, and meetings through reflect import and export."""

import json

import pytest

from tests.e2e.test_cli import run
from tests.unit.test_supervision_interchange import ENTRY, LATER, MEETING, PROFILE, SELF_CHECK


@pytest.fixture
def supervised_journal(journal, journal_path, tmp_path):
    journal.close()
    source = tmp_path / "in.jsonl"
    one_to_one = {"record": "meeting", "date": "2026-04-02T09:00", "kind": "one-to-one",
                  "group": "Dr Okafor", "minutes": 50}
    source.write_text("\n".join(json.dumps(o) for o in (ENTRY, LATER, MEETING, one_to_one,
                                                        SELF_CHECK, PROFILE)) + "\n")
    done = run("import", "--journal", journal_path, source)
    assert done.returncode == 0, done.stderr
    assert ("Imported 2 entries (1 new clients, 0 other new people), 2 supervision meetings, "
            "1 self-check, the practice profile.") in done.stderr
    return journal_path


def test_meetings_json_has_suggestions_and_their_follow_up_states(supervised_journal):
    done = run("meetings", "--json", "--journal", supervised_journal)
    assert done.returncode == 0, done.stderr
    meetings = json.loads(done.stdout)
    assert [m["date"] for m in meetings] == ["2026-04-02T09:00", "2026-03-20T18:00"]
    case = meetings[1]["cases"][0]
    assert case["client"] == {"name": "Margaret Ellison", "display": "M."}
    assert [(s["text"], s["state"], s["pending"]) for s in case["suggestions"]] == [
        ("offer a fixed end time", "helped", False), ("walk her to the door", None, False)]
    assert case["suggestions"][0]["follow_ups"][0]["note"] == "ended on time"
    only = json.loads(run("meetings", "--json", "--client", "M.",
                          "--journal", supervised_journal).stdout)
    assert [m["date"] for m in only] == ["2026-03-20T18:00"]
    assert run("meetings", "--client", "Nobody", "--journal", supervised_journal).returncode == 2


def test_meetings_as_text(supervised_journal):
    done = run("meetings", "--journal", supervised_journal)
    assert done.stdout.splitlines() == [
        "2026-04-02 09:00  one-to-one  Dr Okafor  50 min  0 case(s); 0 suggestion(s)",
        "2026-03-20 18:00  peer group  Thursday peer group  1 h 30 min  1 case(s); "
        "2 suggestion(s); 1 helped",
    ]


def test_hours_csv(supervised_journal):
    done = run("hours", "--csv", "--journal", supervised_journal)
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        "period,kind,meetings,hours\n"
        "2026-03,peer group,1,1.50\n2026-03,all kinds,1,1.50\n"
        "2026-04,one-to-one,1,0.83\n2026-04,all kinds,1,0.83\n"
    )
    year = run("hours", "--csv", "--by", "year", "--journal", supervised_journal)
    assert year.stdout.splitlines()[-1] == "2026,all kinds,2,2.33"


def test_profile_markdown_and_pdf(supervised_journal, tmp_path):
    out = tmp_path / "profile.md"
    done = run("profile", "--format", "md", "--out", out, "--journal", supervised_journal)
    assert done.returncode == 0, done.stderr
    assert "## Profession\n\nmassage therapist" in out.read_text()
    pdf = tmp_path / "profile.pdf"
    done = run("profile", "--format", "pdf", "--out", pdf, "--fields", "profession,setting",
               "--journal", supervised_journal)
    assert done.returncode == 0, done.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    bad = run("profile", "--out", out, "--fields", "hobbies", "--journal", supervised_journal)
    assert bad.returncode == 2 and "Not a profile field: hobbies" in bad.stderr


def test_export_carries_the_meetings_and_import_takes_them_back(supervised_journal, tmp_path):
    exported = run("export", "--journal", supervised_journal)
    records = [json.loads(x).get("record", "entry") for x in exported.stdout.splitlines()]
    assert records == ["entry", "entry", "meeting", "meeting", "self_check", "profile"]
    copy = tmp_path / "copy.reflect"
    assert run("init", "--journal", copy, env_extra={"REFLECT_PASSPHRASE": "a passphrase"},
               passphrase=None).returncode == 0
    source = tmp_path / "out.jsonl"
    source.write_text(exported.stdout)
    assert run("import", "--journal", copy, source, passphrase="a passphrase").returncode == 0
    again = run("export", "--journal", copy, passphrase="a passphrase")
    assert again.stdout == exported.stdout


def test_brief_takes_the_profile_fields_chosen(supervised_journal, tmp_path):
    out = tmp_path / "brief.md"
    usual = run("brief", "--client", "M.", "--out", out, "--journal", supervised_journal)
    assert usual.returncode == 0, usual.stderr
    assert "massage therapist" in out.read_text() and "monthly peer group" not in out.read_text()
    chosen = run("brief", "--client", "M.", "--out", out, "--profile-fields",
                 "current_supervision", "--journal", supervised_journal)
    assert chosen.returncode == 0, chosen.stderr
    text = out.read_text()
    assert "**Current supervision:** monthly peer group" in text and "massage" not in text
    none = run("brief", "--client", "M.", "--out", out, "--no-profile", "--journal",
               supervised_journal)
    assert none.returncode == 0 and "private practice" not in out.read_text()
    bad = run("brief", "--client", "M.", "--out", out, "--profile-fields", "age",
              "--journal", supervised_journal)
    assert bad.returncode == 2 and "Not a profile field: age" in bad.stderr


def test_a_brief_written_is_recorded_and_a_meeting_links_to_it(supervised_journal, tmp_path):
    out = tmp_path / "for-thursday.pdf"
    done = run("brief", "--client", "M.", "--last", "1", "--question", "How do I end on time?",
               "--format", "pdf", "--out", out, "--journal", supervised_journal)
    assert done.returncode == 0, done.stderr
    exported = [json.loads(x) for x in run("export", "--journal", supervised_journal).stdout.splitlines()]
    briefs = [r for r in exported if r.get("record") == "brief_export"]
    assert len(briefs) == 1
    brief = briefs[0]
    assert {k: brief[k] for k in ("client", "template", "format", "entries", "question", "file")} == {
        "client": {"name": "Margaret Ellison"}, "template": "group", "format": "pdf",
        "entries": ["2026-03-28T17:00"], "question": "How do I end on time?",
        "file": "for-thursday.pdf"}
    meeting = {"record": "meeting", "date": "2026-04-09T18:00", "cases": [
        {"client": {"name": "Margaret Ellison"},
         "brief": {"exported": brief["date"], "template": "group"}}]}
    source = tmp_path / "meeting.jsonl"
    source.write_text(json.dumps(meeting) + "\n")
    assert run("import", "--journal", supervised_journal, source).returncode == 0
    meetings = json.loads(run("meetings", "--json", "--journal", supervised_journal).stdout)
    link = meetings[0]["cases"][0]["brief"]["export"]
    assert (link["date"], link["file"], link["format"]) == (brief["date"], "for-thursday.pdf", "pdf")
