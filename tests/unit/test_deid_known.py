"""Known people: pseudonyms by role, and every way a name can be written."""

import pytest

from reflect.core.deid import KnownPeople, deidentify
from reflect.core.model import Person, PersonKind

CLIENT = Person("Deanna Whitcombe", alias="DW", aka=["Dee"])
SISTER = Person("Lorraine Whitcombe", kind=PersonKind.OTHER, role="client's older sister",
                aka=["Lorrie"])
SPONSOR = Person("Dennis Abara", kind=PersonKind.OTHER, role="client's sponsor", aka=["Den"])
OLDER = Person("Margaret Ellison", alias="M.", aka=["Maggie", "Mrs E"])
DAUGHTER = Person("Sonja Achterberg-Reid", kind=PersonKind.OTHER, role="client's daughter",
                  aka=["Sonja"])
INGRID = Person("Ingrid Achterberg", alias="IA", aka=["Mrs A"])
PEOPLE = [CLIENT, SISTER, SPONSOR]


def red(text, people=PEOPLE):
    return deidentify(text, people).text


def test_pseudonyms_follow_roles():
    k = KnownPeople([CLIENT, SISTER, SPONSOR, Person("Pat Doyle", kind=PersonKind.OTHER)])
    assert k.pseudonyms == ["the client", "the client's older sister", "the client's sponsor",
                            "Colleague A"]


def test_role_mentioning_a_name_is_not_used_as_pseudonym():
    k = KnownPeople([CLIENT, Person("Tom Ray", kind=PersonKind.OTHER, role="Dee's partner")])
    assert "Dee" not in k.pseudonyms[1]


@pytest.mark.parametrize("variant", [
    "Deanna Whitcombe", "Deanna", "Whitcombe", "Dee", "DEE", "dee", "DW", "D.W.", "D. W.",
    "Ms Whitcombe", "Ms W", "Deana",
])
def test_every_variant_of_the_client_is_replaced(variant):
    out = red(f"Today {variant} arrived late.")
    assert out == "Today the client arrived late.", out


def test_possessive_keeps_its_s():
    assert red("Dee's flat was cold.") == "The client's flat was cold."
    assert red("Lorrie’s birthday") == "The client's older sister’s birthday"


def test_sentence_start_is_capitalised():
    assert red("Lorrie rang.").startswith("The client's older sister rang")


def test_role_noun_before_name_is_not_repeated():
    assert red("Dee's sister Lorrie phoned.") == "The client's sister phoned."
    out = deidentify("referred by her daughter Sonja", [INGRID, DAUGHTER]).text
    assert out == "referred by her daughter"


def test_titles_and_title_initials():
    out = deidentify("Mrs Achterberg and Mrs A and Mrs E came; so did M. and Maggie.",
                     [INGRID, OLDER]).text
    assert "Achterberg" not in out and "Mrs A" not in out and "Mrs E" not in out
    assert "M." not in out and "Maggie" not in out


def test_hyphenated_parts_match_alone():
    out = deidentify("Ms Reid and Achterberg-Reid and Reid", [INGRID, DAUGHTER]).text
    assert "Reid" not in out


def test_misspelling_is_caught():
    out = deidentify("Margret was upset.", [OLDER]).text
    assert "Margret" not in out


def test_names_that_are_words_only_when_capitalised():
    people = [Person("Will Hope", kind=PersonKind.CLIENT), SPONSOR]
    out = deidentify("I will hope for the best. Will came; Den waited in the den.", people).text
    assert "I will hope for the best." in out
    assert "in the den" in out
    assert "Will came" not in out and "Den waited" not in out


def test_short_common_word_is_not_a_fuzzy_hit():
    people = [Person("Toby Lund")]
    out = deidentify("He was in a tony mood. Tobby came.", people).text
    assert "tony mood" in out
    assert "Tobby" not in out


def test_known_spans_carry_offsets_into_the_original():
    text = "Then Dee rang."
    r = deidentify(text, PEOPLE)
    (span,) = [s for s in r.spans if s.kind == "known_person"]
    assert text[span.start:span.end] == "Dee" and span.replacement == "the client"
