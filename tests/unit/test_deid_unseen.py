"""Identifiers a writer takes for granted: venues named with everyday words, nicknames, pets,
acronyms of institutions, numbered routes and codes (general cues, not lists of names)."""

import pytest

from reflect.core.deid import deidentify


def red(text):
    return deidentify(text, []).text


@pytest.mark.parametrize("text,expected", [
    ("We both drank in the Anchor for years.", "We both drank in the [place] for years."),
    ("He was admitted to the General overnight.", "He was admitted to the [place] overnight."),
    ("Medics took her to the Heights again.", "Medics took her to the [place] again."),
    ("I'm going to the Y on Thursday.", "I'm going to the [place] on [day]."),
    ("the Kestrel carers come at noon", "the [place] carers come at noon"),
    ("She walks the Promenade twice a day.", "She walks the [place] twice a day."),
    ("her rescue dog Pickle barked all hour", "her rescue dog [name] barked all hour"),
    ("and Pickle (her old lurcher) was loose", "and [name] (her old lurcher) was loose"),
    ("she lives on Juniper now, near the school", "she lives on [place] now, near the school"),
    ("I explained what Lighthouse does for families.",
     "I explained what [name] does for families."),
    ("a nurse on a surgical ward at QEH, referred by her GP",
     "a nurse on a surgical ward at [organisation], referred by her GP"),
    ("second year engineering in UCD, living at home", "second year engineering in [organisation], living at home"),
    ("a union electrician out of Local 404 for years", "a union electrician out of [place] for years"),
    ("they found him off Route 9 on Sunday", "they found him off [place] on [day]"),
    ("she gave me the key safe code — 2958 — for emergencies",
     "she gave me the key safe code — [number] — for emergencies"),
])
def test_everyday_words_used_as_names_are_redacted(text, expected):
    assert red(text) == expected


@pytest.mark.parametrize("text", [
    "He asked me to come to the Mass for his neighbour.",
    "We talked about the Good Samaritan law.",
    "She filled in the red flag card in Polish and in German.",
    "R knee puffy; the L side eased after the session.",
    "She was referred to the GP, then to A&E, then to CAMHS.",
    "Week two of CBT at the clinic; we did the DBT skills group.",
    "I looked at it on the Internet.",
])
def test_words_capitalised_for_other_reasons_stay(text):
    assert red(text) == text


def test_a_heading_in_title_case_stays():
    text = "Action Plan For Next Time\nBring it to supervision."
    assert red(text) == text


@pytest.mark.parametrize("text,expected", [
    ("went out with my friend jenna and her kids", "went out with my friend Person A and her kids"),
    ("new pt 34M, L knee pain", "new pt 30s M, L knee pain"),
    ("pt F 67 with OA both knees", "pt F 60s with OA both knees"),
])
def test_lowercase_names_and_clinical_ages(text, expected):
    assert red(text) == expected


@pytest.mark.parametrize("text", [
    "Tx 45 min as usual; Hx of falls.", "Two GPs and three EMTs came.", "the Sunday-night dread",
    "No Spanish-speaking staff that day.", "then I told her no", "my friend said hi",
])
def test_shorthand_and_compounds_stay(text):
    assert red(text) == text


def test_a_writer_who_capitalises_nouns_keeps_them():
    text = ("Today I had a Session with the Client at her House. She told me about her Mother and "
            "the Garden, and we talked in the Kitchen about the Dog and the Weather and her Work "
            "at the Factory. Then we did the Breathing together.")
    assert red(text) == text


def test_a_name_that_is_also_a_word_is_a_person_when_an_age_follows():
    assert red("Tom, 67, retired bus driver, came in.") == \
        "Person A, in their 60s, retired bus driver, came in."


@pytest.mark.parametrize("text,expected", [
    ("said she took the truck to her moms in toledo. hes 44, drives",
     "said she took the truck to her moms in [place]. hes in his 40s, drives"),
    ("been clean since labor day", "been clean since [holiday]"),
    ("Seen 3/14, f/u 3/21. NPRS 6/10 → 3/10.", "Seen [date], f/u [date]. NPRS 6/10 → 3/10."),
    ("the IOP at St. Vincent's and NA on 5th Ave.", "the IOP at [organisation] and NA on [address]."),
    ("His sponsor Big Mike says hi. Mike's 70 and", "His sponsor Person A says hi. Person A's in his 70s and"),
    ("tension headaches 3–4x/wk", "tension headaches 3–4x/wk"),
])
def test_more_unseen_shapes(text, expected):
    assert red(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("She is from Leeds. She has 41 years and two kids.",
     "She is from [place]. She is in her 40s and two kids."),
    ("She has 5 years of experience.", "She has 5 years of experience."),
    ("she flies there on 12.04 for two weeks", "she flies there on [date] for two weeks"),
    ("took 12.50 mg on 3.5 days", "took 12.50 mg on 3.5 days"),
    ("the boy from Year 10, Callum, messages her on Snapchat as callum_07.",
     "the boy from Year 10, Person A, messages her on Snapchat as [handle]."),
])
def test_phrasings_of_other_languages_and_handles_of_named_people(text, expected):
    assert red(text) == expected
