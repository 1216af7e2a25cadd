"""Known names written another way: folded Unicode, and inside file names, addresses, handles, links.

Redaction and the export gate share one matcher (``KnownPeople.find``), so each case is checked
both ways: the redacted text names no one, and the gate refuses the unredacted text.
"""

import pytest

from reflect.core.deid import deidentify, find_known_leaks
from reflect.core.model import Person, PersonKind

CLIENT = Person("Zephyrine Quillfeather", aka=["Zeph"])
FRIEND = Person("Zoë O’Brien-Ångström", kind=PersonKind.OTHER, role="client's friend")
WORDY = Person("Will Hope", kind=PersonKind.OTHER, role="client's brother")
PEOPLE = [CLIENT, FRIEND, WORDY]

HIDDEN = [
    "I saved zephyrine_quillfeather_notes.docx last night.",
    "The form is zephyrine-quillfeather.pdf on my desktop.",
    "Her referral letter said Ｚｅｐｈｙｒｉｎｅ in full-width letters.",
    "ＱＵＩＬＬＦＥＡＴＨＥＲ was on the envelope.",
    "Her e-mail is zephyrine.quillfeather@example.com if needed.",
    "Her site https://zephyrinequillfeather.example.com/ is down.",
    "Her site is zephyrinequillfeather.example.com now.",
    "She posts as @zquillfeather most days.",
    "She posts as @quillfeather_z most days.",
    "The folder ZephyrineQuillfeather2024 is backed up.",
    "I found quillfeathernotes.txt again.",
    "Her friend Zoe came too.",
    "Her friend Zoe O'Brien-Angstrom came too.",
    "Her friend ZOË came too.",
    "Angstrom came too.",
    "OBrien came too.",
    "The file o’brien_zoe.txt was shared.",
    "Zeph\u200byrine rang.",  # a zero-width space inside the name
    "Zephyrine\u0301 rang.",  # a stray combining accent
    "See /home/me/clients/quillfeather/plan.md for it.",
    "I named it WillHope.txt by mistake.",
    "The file will_hope_session.txt is open.",
]


@pytest.mark.parametrize("text", HIDDEN)
def test_the_gate_refuses_a_name_written_another_way(text):
    assert find_known_leaks(text, PEOPLE), text


@pytest.mark.parametrize("text", HIDDEN)
def test_redaction_removes_a_name_written_another_way(text):
    out = deidentify(text, PEOPLE).text
    assert find_known_leaks(out, PEOPLE) == [], out
    for part in ("zephyrine", "quillfeather", "zoe", "brien", "angstrom", "willhope"):
        assert part not in out.lower().replace("’", "'").replace("'", ""), out


@pytest.mark.parametrize("text,expected", [
    ("I saved zephyrine_quillfeather_notes.docx last night.", "I saved [file] last night."),
    ("The form is zephyrine-quillfeather.pdf here.", "The form is [file] here."),
    ("Write to zephyrine.quillfeather@example.com today.", "Write to [email] today."),
    ("She posts as @zquillfeather most days.", "She posts as [handle] most days."),
    ("Ｚｅｐｈｙｒｉｎｅ rang.", "The client rang."),
    ("Zoe OBrien-Angstrom rang.", "The client's friend rang."),
])
def test_what_the_reader_sees_instead(text, expected):
    assert deidentify(text, PEOPLE).text == expected


@pytest.mark.parametrize("text", [
    "I will hope for the best; willpower.txt is just a file.",
    "We went deep into the notes in session_notes.docx.",
    "She zoned out; the zoetrope metaphor helped.",
    "Her brother's notes are in notes_2024-03.txt on file.",
    "He said obrigado, then left.",
])
def test_ordinary_words_and_identifiers_pass(text):
    assert find_known_leaks(text, PEOPLE) == []
    assert deidentify(text, PEOPLE).text == text


def test_names_in_html_attributes_and_links_are_refused():
    html = ('<p>See <a href="https://example.org/u/zquillfeather">her page</a> and '
            '<img alt="x" src="file:///home/me/zephyrine_quillfeather.png"></p>')
    leaks = find_known_leaks(html, PEOPLE)
    assert {leak.how for leak in leaks} >= {"joined", "part"}
    assert len(leaks) >= 3
