"""A client is found by any name the practitioner uses: a full name, alias or other name, or
any word of one ("Deanna" for Deanna Whitcombe), after Unicode and case folding."""

from __future__ import annotations

from reflect.core.client_names import clients_called, name_words
from reflect.core.model import EntrySummary, Person, PersonKind
from reflect.core.query import EntryFilter, parse_query

DEANNA = Person(name="Deanna Whitcombe", alias="DW", aka=["Dee"], id="p1")
ZOE = Person(name="Zoë Ångström-Ó’Neil", id="p2")
SAM_H = Person(name="Sam Hale", id="p3")
SAM_O = Person(name="Sam Ortiz", aka=["Sammy"], id="p4")
DEE_O = Person(name="Dee Okafor", id="p5")
SISTER = Person(name="Lorraine Whitcombe", aka=["Lorrie"], kind=PersonKind.OTHER, id="p6")
PEOPLE = [DEANNA, ZOE, SAM_H, SAM_O, DEE_O, SISTER]


def called(name: str) -> list[str]:
    return [p.name for p in clients_called(PEOPLE, name)]


def test_a_first_name_or_a_surname_finds_the_client():
    assert called("Deanna") == ["Deanna Whitcombe"]
    assert called("whitcombe") == ["Deanna Whitcombe"]  # the sister is not a client
    assert called("  DEANNA   whitcombe ") == ["Deanna Whitcombe"]
    assert called("Dee Whitcombe") == ["Deanna Whitcombe"]  # words from any of her names


def test_a_name_they_go_by_wins_over_a_word_of_someone_elses():
    assert called("Dee") == ["Deanna Whitcombe"]  # her other name, not Dee Okafor's first
    assert called("Dee Okafor") == ["Dee Okafor"]
    assert called("dw") == ["Deanna Whitcombe"]


def test_accents_apostrophes_and_hyphens_are_folded():
    assert called("zoe") == [ZOE.name]
    assert called("Angstrom") == [ZOE.name]
    assert called("o'neil") == [ZOE.name]
    assert called("ＺＯＥ") == [ZOE.name]  # full-width
    assert name_words("Mary-Jane O’Neil") == ["mary", "jane", "o'neil"]


def test_several_clients_can_fit_and_words_are_whole():
    assert sorted(called("sam")) == ["Sam Hale", "Sam Ortiz"]
    assert called("Sam Ortiz") == ["Sam Ortiz"]
    assert called("Deann") == [] and called("Whit") == []
    assert called("") == [] and called(" - ") == []
    assert called("Lorrie") == []  # known, but not a client


def test_the_apps_client_token_folds_too():
    summaries = [EntrySummary(id=f"e{p.id}", date=None, client_id=p.id, first_line="a note",
                             text="a note")
                 for p in (DEANNA, ZOE)]
    shown = EntryFilter(PEOPLE).apply(summaries, parse_query("client:zoe"))
    assert [s.client_id for s in shown] == [ZOE.id]
    shown = EntryFilter(PEOPLE).apply(summaries, parse_query("client:dee"))
    assert [s.client_id for s in shown] == [DEANNA.id]
