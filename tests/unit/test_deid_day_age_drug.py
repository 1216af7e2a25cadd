"""Kinds of identifier that unseen writers use: weekdays that pin a day, seasons of a year, ages
said another way, national days, regions that are people's names; and what must stay: weekdays
said of any week, medicines by name."""

import pytest

from reflect.core.deid import deidentify, find_known_leaks
from reflect.core.model import Person


@pytest.mark.parametrize("text,expected", [
    ("She asked me round on Saturday. I said no.", "She asked me round on [day]. I said no."),
    ("He has an operation Thursday and is scared.", "He has an operation [day] and is scared."),
    ("Told him Monday's the agency's call.", "Told him [day]'s the agency's call."),
    ("Swimming at the pool on Thursdays now.", "Swimming at the pool on [day] now."),
    ("Called 11am Sat, baby out by noon Mon.", "Called 11am [day], baby out by noon [day]."),
    ("Drove her home on the Tues, bought nappies.", "Drove her home on the [day], bought nappies."),
    ("New habits: swim Tues+Fri, no visits after 6pm.",
     "New habits: swim [day]+[day], no visits after 6pm."),
    ("She was widowed last fall and wants help.", "She was widowed [season] and wants help."),
    ("Canada Day, no sessions.", "[holiday], no sessions."),
    ("He still hasn't paid March ($1,800).", "He still hasn't paid [month] ($1,800)."),
    ("I kept my Jan clear for her.", "I kept my [month] clear for her."),
])
def test_what_pins_a_day_goes(text, expected):
    assert deidentify(text, []).text == expected


@pytest.mark.parametrize("text", [
    "Sat in the car for ages after.",
    "Driving up every Sunday to see him.",
    "A year of Thursdays with her.",
    "Dreading Mondays again.",
    "The Sunday-through-Thursday scaries.",
    "Picture your ideal Tuesday.",
    "Two unsupervised Saturday visits so far.",
    "Hit him with Narcan twice and called it in.",
    "Three Narcans this time.",
    "Forty days on Suboxone, and her Vyvanse refill fell through.",
    "She started sertraline and stopped lorazepam.",
    "We bill Medicaid units for it.",
])
def test_what_any_week_has_and_medicines_stay(text):
    assert deidentify(text, []).text == text


@pytest.mark.parametrize("text,expected", [
    ("She said it was like me when I was 23.", "She said it was like me when I was in my 20s."),
    ("Diagnosed at 34 after her eldest was.", "Diagnosed in her 30s after her eldest was."),
    ("I gave them the helpline (they're 20, so both).",
     "I gave them the helpline (they're in their 20s, so both)."),
    ("He married at 19 and was sober at 45.", "He married in his teens and was sober in his 40s."),
])
def test_ages_said_another_way_become_a_band(text, expected):
    assert deidentify(text, []).text == expected


@pytest.mark.parametrize("text,name", [
    ("Three clients paused, Devon's package gone, and rent is due.", "Devon"),
    ("Peer group paused, Jordan away for work, and it's just me.", "Jordan"),
])
def test_a_region_that_is_a_first_name_is_a_person_where_a_person_stands(text, name):
    out = deidentify(text, []).text
    assert name not in out and "Person A" in out, out


@pytest.mark.parametrize("text", [
    "Her family moved from Jordan last year.",
    "We drove down to Devon for the weekend.",
])
def test_a_region_stays_where_a_place_stands(text):
    assert deidentify(text, []).text == text


def test_a_known_client_named_like_a_weekday_label_is_still_refused():
    people = [Person("Sunday Adeyemi")]
    out = deidentify("Sunday Adeyemi came on Sunday.", people).text
    assert find_known_leaks(out, people) == [] and "Adeyemi" not in out
