"""Names in any Latin letters (macrons, Polish, Czech, Turkish, Vietnamese) are whole words; a
name is a person where it does what people do; a venue's "The" is part of its name; and the words
of DC-S and the reflective templates stay, however they are capitalised."""

import pytest

from reflect.core.deid import deidentify, find_known_leaks
from reflect.core.model import Person, PersonKind


@pytest.mark.parametrize("text,gone", [
    ("She grew up in Ōtāhuhu with her nan.", "Ōtāhuhu"),
    ("We drove to Whāngārei for the hui.", "Whāngārei"),
    ("His caseworker Łukasz Wójcik rang.", "Wójcik"),
    ("Şükrü from the mosque dropped her off.", "Şükrü"),
    ("Her friend Nguyễn Thị Hương came too.", "Nguyễn"),
    ("Dvořák was the name on the file.", "Dvořák"),
])
def test_a_name_in_extended_latin_letters_goes_whole(text, gone):
    out = deidentify(text, []).text
    assert gone not in out, out
    for piece in ("āngārei", "ễn", "řák", "ójcik", "ükrü"):
        assert piece not in out, out  # nothing left half-replaced


def test_a_known_name_with_macrons_is_redacted_whole_and_refused_by_the_gate():
    people = [Person("Tāmati Ngāwhika", aka=["Tāmati"])]
    out = deidentify("Tāmati rang; Ngāwhika is on the form, and so is Tamati.", people).text
    assert out == "The client rang; the client is on the form, and so is the client.", out
    assert find_known_leaks("Tamati came", people) and find_known_leaks("TĀMATI came", people)


@pytest.mark.parametrize("text,expected", [
    ("Kiri texted at 2am.", "Person A texted at 2am."),
    ("Harper texted me after.", "Person A texted me after."),
    ("Mana said he was fine.", "Person A said he was fine."),
    ("Spring reset 🌱 Down from 22 clients to 14.", "Spring reset 🌱 Down from 22 clients to 14."),
    ("Her dad is the head chef at The Ivy.", "Her dad is the head chef at [organisation]."),
])
def test_people_and_venues_by_what_they_do(text, expected):
    assert deidentify(text, []).text == expected


@pytest.mark.parametrize("text", [
    "Using the Demand-Control Schema, the EIPI demands were mostly Interpersonal and Intrapersonal.",
    "A Conservative control would have been to stop; a Liberal one to stay.",
    "DC-S says controls have timing: Pre, During, Post.",
    "Countertransference again, and Transference from her side.",
    "The Police said they would call back.",
    "Staff said the room was booked.",
    "The Intervision group meets monthly.",
])
def test_dc_s_terms_and_everyday_subjects_stay(text):
    assert deidentify(text, []).text == text


def test_a_known_person_still_wins_over_the_person_rule():
    people = [Person("Harper Quinlan", kind=PersonKind.OTHER, role="client's sister")]
    assert deidentify("Harper texted me.", people).text == "The client's sister texted me."
