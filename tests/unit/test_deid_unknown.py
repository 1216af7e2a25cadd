"""Names, places and organisations the journal does not know, judged by context."""

import pytest

from reflect.core.deid import deidentify


def red(text):
    return deidentify(text, []).text


@pytest.mark.parametrize("text,gone", [
    ("She does payroll at Tallis Freight, lives out past Hollinsford.", ["Tallis", "Hollinsford"]),
    ("A note from Dr Penhaligon first.", ["Penhaligon"]),
    ("A note from Dr. Fairbanks first.", ["Fairbanks"]),
    ("Her teacher, Mrs Kowalczyk, was lovely.", ["Kowalczyk"]),
    ("Then Mrs K came over.", ["Mrs K"]),
    ("The meeting at St Cuthbert's was full.", ["Cuthbert"]),
    ("Parents' evening at St Aldric's Primary.", ["Aldric"]),
    ("Detox at Marrowby General, then home.", ["Marrowby"]),
    ("the meal at the Lamplighter in Hollinsford", ["Lamplighter", "Hollinsford"]),
    ("She is moving to Hawthorn Lodge in Gullhaven.", ["Hawthorn Lodge", "Gullhaven"]),
    ("Three days a week at Pell & Sons Removals.", ["Pell", "Removals"]),
    ("a counsellor at the Quayside Centre since", ["Quayside"]),
    ("within forty miles of Saltmarsh Quay, sadly", ["Saltmarsh"]),
    ("She talked about Upper Wendham all hour.", ["Wendham"]),
    ("Booked a call with Ines on Tuesday.", ["Ines"]),
    ("Marcia is monthly at best.", ["Marcia"]),
    ("started therapy with Hilary Dunmore, at last", ["Hilary", "Dunmore"]),
    ("the fence by the Pryce-Joneses' next door", ["Pryce"]),
    ("Harbourside's funding ends in January.", ["Harbourside"]),
    ("She works at Greggs now.", ["Greggs"]),
    ("She moved from Leicester to Harrogate.", ["Leicester", "Harrogate"]),
    ("a cleaner at Sandwell Hospital and", ["Sandwell"]),
    ("Her grandson, Tyrone, visits.", ["Tyrone"]),
    ("at the Crown and Anchor in Whitby", ["Crown and Anchor", "Whitby"]),
    ("We meet at St John's Church Hall on Tuesdays.", ["John", "Church Hall"]),
    ("Then St Mary's again.", ["Mary"]),
])
def test_unknown_identifiers_are_redacted(text, gone):
    out = red(text)
    for g in gone:
        assert g not in out, out


@pytest.mark.parametrize("text", [
    "I hope she keeps coming.",
    "I will ask her next time.",
    "We talked about grace and mercy.",
    "She sat in the den with a rose.",
    "In spring she was calmer; every Friday she cried.",
    "He was the only Black face in the room and the only Deaf one.",
    "Interpreted in BSL; the GP and HR were told; the EAP duty team logged it.",
    "Asked if we could follow each other on Instagram.",
    "Fistula consent appointment went well.",
    "Light pressure only, and I checked my face in the mirror.",
    "She was Polish and Catholic, and spoke English at home.",
    "We moved to Scotland from Nigeria.",
    "Most Mondays she said she was Muslim and fasting for Ramadan.",
    "Used the Gibbs cycle and the Demand-Control Schema afterwards.",
    "The Zoom call dropped and Covid made it worse; I suggested Samaritans.",
])
def test_ordinary_words_survive(text):
    assert red(text) == text


@pytest.mark.parametrize("text,gone", [
    ("Hope said she would come.", "Hope"),
    ("Then Will came in late.", "Will"),
    ("I met her son Will at the door.", "Will"),
    ("My supervisor, Grace, was kind.", "Grace"),
    ("Mark from her work kept her late.", "Mark"),
])
def test_names_that_are_words_in_a_name_position(text, gone):
    out = red(text)
    assert gone not in out, out


@pytest.mark.parametrize("phrase", [
    "light pressure only", "checking my face", "don't go near the scar", "nineteen days sober",
    "ran twelve minutes over", "the interpreter as a side door", "only Black face in the room",
])
def test_keep_phrases_in_context(phrase):
    text = f"Dee said it at Tallis Freight on 2 April: {phrase}, and she's 34."
    assert phrase in red(text)


def test_unknown_people_get_consistent_labels():
    r = deidentify("Mr Halloran kept turning to me. Later Mr Halloran apologised.", [])
    assert r.text.count("Person A") == 2


def test_uncertain_redactions_are_marked_for_review():
    r = deidentify("Will came in. Rehana stayed.", [])
    assert r.uncertain()
    assert all(0 < s.confidence <= 1 for s in r.spans)
