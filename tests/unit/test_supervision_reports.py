"""Hours by month and year, the monthly self-check, which case to bring, the practice profile."""

from datetime import date, datetime

import pytest

from reflect.core.brief import build_brief, render
from reflect.core.model import Control, Demand, DemandCategory, Entry, Person, Profile, Timing
from reflect.core.supervision import (
    Meeting,
    MeetingKind,
    PresentedCase,
    Suggestion,
    SupervisionLog,
    answer_self_check,
    choose_to_try,
    dismiss_self_check,
    hours_csv,
    self_check_due,
    self_check_trend,
    self_checks,
    supervision_hours,
)
from reflect.core.supervision.prepare import suggest_cases
from reflect.core.supervision.profile import ProfileRefused, profile_markdown, write_profile


def test_hours_per_month_and_year_by_kind_as_csv(journal):
    log = SupervisionLog(journal)
    for when, kind, minutes in [
        (datetime(2026, 1, 8, 18), MeetingKind.PEER_GROUP, 90),
        (datetime(2026, 1, 22, 18), MeetingKind.PEER_GROUP, 120),
        (datetime(2026, 1, 30, 9), MeetingKind.ONE_TO_ONE, 50),
        (datetime(2026, 2, 5, 18), MeetingKind.LED_GROUP, 75),
        (datetime(2025, 12, 4, 18), MeetingKind.PEER_GROUP, None),
    ]:
        log.save_meeting(Meeting(when, kind, minutes=minutes))
    assert hours_csv(supervision_hours(journal)) == (
        "period,kind,meetings,hours\n"
        "2025-12,peer group,1,0.00\n"
        "2025-12,all kinds,1,0.00\n"
        "2026-01,peer group,2,3.50\n"
        "2026-01,one-to-one,1,0.83\n"
        "2026-01,all kinds,3,4.33\n"
        "2026-02,group with a leader,1,1.25\n"
        "2026-02,all kinds,1,1.25\n"
    )
    by_year = supervision_hours(journal, by="year", year=2026)
    assert [(r.period, r.kind, r.meetings, r.minutes) for r in by_year] == [
        ("2026", "peer group", 2, 210), ("2026", "group with a leader", 1, 75),
        ("2026", "one-to-one", 1, 50), ("2026", "all kinds", 4, 335),
    ]


def test_the_self_check_is_due_once_a_month_and_its_answers_are_kept(journal):
    assert self_check_due(journal, date(2026, 3, 2))
    answers = {"earning": "yes", "friends": "no", "days_off": "sometimes", "over_time": "yes",
               "fixing": "sometimes", "self_care": "no"}
    answer_self_check(journal, answers, {"over_time": "  three times with M.  "},
                      when=datetime(2026, 3, 2, 20))
    assert not self_check_due(journal, date(2026, 3, 30))
    assert self_check_due(journal, date(2026, 4, 1))
    dismiss_self_check(journal, when=datetime(2026, 4, 1, 9))
    assert not self_check_due(journal, date(2026, 4, 20))
    kept = self_checks(journal)
    assert [(c.month, c.dismissed) for c in kept] == [("2026-03", False), ("2026-04", True)]
    assert kept[0].answers == answers and kept[0].notes == {"over_time": "three times with M."}
    assert kept[0].drift == 0 + 0 + 1 + 2 + 1 + 2 and kept[1].drift is None


def test_a_self_check_with_a_made_up_answer_is_refused(journal):
    with pytest.raises(ValueError, match="no, sometimes or yes"):
        answer_self_check(journal, {"earning": "maybe"})
    with pytest.raises(ValueError, match="not self-check questions"):
        answer_self_check(journal, {"mood": "yes"})
    assert self_checks(journal) == []


def test_the_self_check_trend_sits_next_to_stress_and_overtime(journal):
    client = journal.save_person(Person(name="Ana"))
    for day, before, after, planned, actual in [(3, 3, 6, 60, 80), (10, 4, 5, 60, 60)]:
        journal.save_entry(Entry(date=datetime(2026, 3, day, 10), narrative="s",
                                 client_id=client.id, stress_before=before, stress_after=after,
                                 planned_minutes=planned, actual_minutes=actual))
    answer_self_check(journal, {"over_time": "yes"}, when=datetime(2026, 3, 31, 20))
    answer_self_check(journal, {"over_time": "no"}, when=datetime(2026, 5, 2, 20))
    trend = self_check_trend(journal)
    assert [(t.month, t.drift, t.sessions, t.mean_stress_after, t.mean_stress_change,
             t.overtime_share) for t in trend] == [
        ("2026-03", 2, 2, 5.5, 2.0, 0.5),
        ("2026-05", 0, 0, None, None, None),
    ]


def _session(client_id, day, before, after, resulting=False):
    control = Control(Timing.DURING, "stayed on", id=f"c{day}")
    demands = [Demand(DemandCategory.INTERPERSONAL, "she asked for more time")]
    if resulting:
        demands.append(Demand(DemandCategory.INTRAPERSONAL, "resentment",
                              from_control=f"c{day}"))
    return Entry(date=datetime(2026, 2, day, 10), client_id=client_id, narrative="session",
                 stress_before=before, stress_after=after, controls=[control], demands=demands)


def test_prepare_suggests_the_case_with_rising_stress_and_open_suggestions(journal):
    calm = journal.save_person(Person(name="Calm Client"))
    hard = journal.save_person(Person(name="Hard Case", alias="H."))
    for day in (2, 9, 16):
        journal.save_entry(_session(calm.id, day, 3, 3))
    for day, after in ((3, 4), (10, 6), (17, 8)):
        journal.save_entry(_session(hard.id, day, 3, after, resulting=True))
    m = SupervisionLog(journal).save_meeting(Meeting(
        datetime(2026, 1, 10, 18), cases=[PresentedCase(hard.id, suggestions=[Suggestion("x")])]))
    choose_to_try(journal, m.cases[0].suggestions[0].id, date(2026, 1, 11))
    found = suggest_cases(journal, today=date(2026, 2, 20))
    assert [c.client for c in found] == ["H."]
    assert found[0].reasons == [
        "sessions leave you more stressed lately (+1, +3, +5)",
        "3 resulting demands in the last 3 sessions",
        "1 suggestion from supervision not yet followed up",
    ]
    assert len(found[0].entry_ids) == 3


def test_prepare_names_recurring_themes(sample_journal):
    found = suggest_cases(sample_journal, today=date(2026, 6, 1), limit=10)
    assert found, "the sample journal has cases worth bringing"
    assert any(" in " in r and "of the last" in r for c in found for r in c.reasons)
    assert [c.score for c in found] == sorted((c.score for c in found), reverse=True)


PROFILE = Profile(profession="massage therapist", modalities="Swedish, deep tissue",
                  setting="private practice", years_in_practice=12,
                  typical_clients="office workers with back pain",
                  wants_from_supervision="help with clients who push for extra time",
                  current_supervision="monthly peer group")


def test_the_profile_exports_on_its_own_as_markdown_and_pdf(journal, tmp_path):
    journal.save_profile(PROFILE)
    md = write_profile(journal, "md", tmp_path / "profile.md")
    text = md.read_text()
    assert text.startswith("# Practice profile\n")
    assert "## Years in practice\n\n12\n" in text and "monthly peer group" in text
    assert oct(md.stat().st_mode & 0o777) == "0o600"
    only = profile_markdown(PROFILE, ["profession", "current_supervision"])
    assert "massage therapist" in only and "Swedish" not in only
    pdf = write_profile(journal, "pdf", tmp_path / "profile.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    assert not list(tmp_path.glob(".*partial"))


def test_a_profile_naming_a_client_is_not_written(journal, tmp_path):
    journal.save_person(Person(name="Deanna Whitcombe"))
    journal.save_profile(Profile(profession="counsellor",
                                 typical_clients="people like Deanna, mostly"))
    with pytest.raises(ProfileRefused, match="line 9"):
        write_profile(journal, "md", tmp_path / "p.md")
    assert not (tmp_path / "p.md").exists()
    write_profile(journal, "md", tmp_path / "p.md", fields=["profession"])  # without that field
    assert "Deanna" not in (tmp_path / "p.md").read_text()


def test_a_brief_includes_only_the_profile_fields_chosen(journal):
    journal.save_profile(PROFILE)
    client = journal.save_person(Person(name="Ana"))
    journal.save_entry(Entry(date=datetime(2026, 2, 1, 10), narrative="A session.",
                             client_id=client.id))
    usual = render(build_brief(journal, client))
    assert "**Practitioner:** massage therapist, Swedish, deep tissue, private practice" in usual
    assert "**Years in practice:** 12" in usual and "monthly peer group" not in usual
    chosen = render(build_brief(journal, client, profile_fields=["setting", "current_supervision"]))
    assert "**Practice setting:** private practice" in chosen
    assert "**Current supervision:** monthly peer group" in chosen
    assert "massage" not in chosen and "Years in practice" not in chosen
    none = render(build_brief(journal, client, profile_fields=[]))
    assert "private practice" not in none and "Practitioner" not in none
    with pytest.raises(ValueError, match="Not a profile field: hobbies"):
        build_brief(journal, client, profile_fields=["hobbies"])


def test_the_brief_for_presenting_is_de_identified_like_an_export(journal):
    from reflect.core.supervision.prepare import brief_for

    client = journal.save_person(Person(name="Deanna Whitcombe", alias="Dee"))
    journal.save_entry(Entry(date=datetime(2026, 2, 1, 10), client_id=client.id,
                             narrative="Dee texted me at midnight again."))
    text = brief_for(journal, client.id, question="How do I answer late texts?")
    assert "texted me at midnight" in text and "How do I answer late texts?" in text
    assert "Dee" not in text and "Deanna" not in text
