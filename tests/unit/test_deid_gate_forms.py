"""A known name in any folding, encoding or position makes the export refuse (property-based), and
redaction removes what the gate would refuse; numbers and short words are not mistaken for names."""

import re
import unicodedata

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reflect.core.brief import BriefRefused, write_brief
from reflect.core.brief.export import FORMATS
from reflect.core.deid import deidentify, find_known_leaks, lexicon
from reflect.core.model import Person, PersonKind

CLIENT = Person("Zephyrine Quillfeather", aka=["Zeph"])
FRIEND = Person("Mei Li", kind=PersonKind.OTHER, role="client's friend")
GAMER = Person("Agent 47", kind=PersonKind.OTHER, role="client's gaming friend")
PEOPLE = [CLIENT, FRIEND, GAMER]

DISGUISED = [
    "Z\u0435phyrine came early.",  # a Cyrillic e
    "\u0396\u0395\u03a1\u0397\u03a5R\u0399\u039d\u0395 on the envelope.",  # Greek capitals
    "Qu\u0456llfeather rang.",  # a Cyrillic i
    "Qu1llfeather rang.",  # a digit for a letter
    "Quillf3ather rang.",
    "She signed it Q u i l l f e a t h e r.",
    "She signed it Q.U.I.L.L.F.E.A.T.H.E.R.",
    "The form says Quill-feather.",
    "li said it was fine.",  # a short part in lower case
    "LI said it was fine.",
    "Her handle is agent47 everywhere.",  # a number beside another part of that person
    "Her handle is agent_47 everywhere.",
]


@pytest.mark.parametrize("text", DISGUISED)
def test_the_gate_refuses_a_disguised_name(text):
    assert find_known_leaks(text, PEOPLE), text


@pytest.mark.parametrize("text", DISGUISED)
def test_redaction_removes_a_disguised_name_whole(text):
    out = deidentify(text, PEOPLE).text
    assert find_known_leaks(out, PEOPLE) == [], out
    assert not re.search(r"[\u0370-\u03ff\u0400-\u04ff]", out), out  # no look-alike left behind


@pytest.mark.parametrize("text", [
    "She stayed 47 minutes over.",
    "Room 47 was cold.",
    "I will lie down; the ligament is sore.",
    "Otter.ai took notes.",
])
def test_numbers_and_words_stay(text):
    assert deidentify(text, PEOPLE).text == text
    assert find_known_leaks(text, PEOPLE) == []


# -- property: any way of writing a known name is refused ---------------------------------------

NAMES = [n for n in ("Zephyrine", "Quillfeather", "Marguerite", "Thaddeus", "Oyelaran",
                     "Siobhan", "Krzysztof", "Ngozi") if not lexicon.is_word(n, rare=True)]
CONFUSABLE = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441",
              "i": "\u0456", "x": "\u0445", "y": "\u0443", "A": "\u0391", "E": "\u0395",
              "O": "\u039f", "K": "\u039a", "T": "\u03a4", "H": "\u0397", "N": "\u039d",
              "Z": "\u0396", "M": "\u039c", "P": "\u03a1"}
LEET = {"o": "0", "i": "1", "e": "3", "a": "4", "s": "5", "t": "7"}


def _case(name: str, how: int) -> str:
    return (name, name.lower(), name.upper(), name[0] + name[1:].upper())[how]


def _disguise(name: str, how: str, at: int) -> str:
    at %= len(name)
    if how == "confusable":
        return "".join(CONFUSABLE.get(c, c) if i % 2 == at % 2 else c for i, c in enumerate(name))
    if how == "fullwidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in name)
    if how == "accent":
        return "".join(c + "\u0301" if i == at else c for i, c in enumerate(name))
    if how == "invisible":
        return name[:at] + "\u200b" + name[at:]
    if how == "soft-hyphen":
        return name[:at] + "\u00ad" + name[at:]
    if how == "leet":
        i = next((i for i, c in enumerate(name) if c.lower() in LEET and i >= at), None)
        i = i if i is not None else next(i for i, c in enumerate(name) if c.lower() in LEET)
        return name[:i] + LEET[name[i].lower()] + name[i + 1:]
    if how == "spaced":
        return " ".join(name)
    if how == "nfd":
        return unicodedata.normalize("NFD", name)
    return name


FORMS = ["{n}", "{n}'s", "({n})", "\"{n}\"", "{n}.", "{lo}_notes.docx", "{lo}.smith@example.com",
         "@{lo}_99", "https://example.org/{lo}/", "https://{lo}.example.com", "#{n}", "Dr {n}",
         "{n}2024", "my{n}", "*{n}*", "{n}-{n}"]


@settings(max_examples=400, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(NAMES), case=st.integers(0, 3),
       how=st.sampled_from(["plain", "confusable", "fullwidth", "accent", "invisible",
                            "soft-hyphen", "leet", "spaced", "nfd"]),
       at=st.integers(0, 20), form=st.sampled_from(FORMS),
       before=st.sampled_from(["", "Today ", "we met; ", "Notes:\n", "> "]),
       after=st.sampled_from(["", " came in.", ", then left", "\n", "!"]))
def test_a_known_name_in_any_form_and_place_is_refused(name, case, how, at, form, before, after):
    if how == "spaced":
        assume(form in ("{n}", "({n})", "\"{n}\""))  # letter by letter is a prose disguise
    written = _disguise(_case(name, case), how, at)
    text = before + form.format(n=written, lo=_disguise(name.lower(), how, at)) + after
    people = [Person(f"{name} Example"), CLIENT]
    assert find_known_leaks(text, people), text


@pytest.fixture
def one_passage_draft(journal):
    from datetime import datetime

    from reflect.core.brief import build_brief
    from reflect.core.brief.case import Passage
    from reflect.core.model import Entry

    client = journal.save_person(Person(name="Zephyrine Quillfeather", aka=["Zeph"]))
    journal.save_entry(Entry(date=datetime(2025, 6, 3, 10), narrative="A quiet session.",
                             client_id=client.id))
    draft = build_brief(journal, client)

    def with_text(text: str):
        draft.passages["s1.narrative"] = Passage("s1.narrative", text, [])
        return draft

    return with_text


@pytest.mark.parametrize("kept", [
    "She wrote Z\u0435phyrine on the form.",
    "She wrote Qu1llfeather on the form.",
    "<!-- Zephyrine --> a quiet session.",
    "<span title=\"Quillfeather\">a quiet session</span>",
])
def test_every_format_refuses_a_disguised_name_and_writes_nothing(one_passage_draft, tmp_path,
                                                                  kept):
    draft = one_passage_draft(kept)
    out = tmp_path / "out"
    out.mkdir()
    for fmt in FORMATS:
        with pytest.raises(BriefRefused):
            write_brief(draft, fmt, out / f"brief.{fmt}")
    assert list(out.iterdir()) == []


def test_the_markdown_brief_shows_html_as_text(one_passage_draft, tmp_path):
    draft = one_passage_draft("She pasted <b>bold</b>, <!-- a note --> and &#77;arcia's code.")
    md = write_brief(draft, "md", tmp_path / "brief.md").read_text(encoding="utf-8")
    assert r"\<b>bold\</b>" in md and r"\<!-- a note -->" in md and r"\&#77;arcia" in md
    assert "<b>" not in md.replace(r"\<b>", "")
    page = write_brief(draft, "html", tmp_path / "brief.html").read_text(encoding="utf-8")
    body = page.split("</style>", 1)[1]
    assert "&lt;b&gt;bold&lt;/b&gt;" in body and "&lt;!-- a note --&gt;" in body
    assert "&amp;#77;arcia" in body and "\\&" not in body and "\\&lt;" not in body
