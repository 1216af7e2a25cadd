"""Briefs for every sample client, both templates, all three formats: no known name survives."""

import json
import re
import shutil
import subprocess
import unicodedata

import pytest

from reflect.core.brief import BriefRefused, build_brief, render, write_brief
from reflect.core.model import PersonKind
from tests.conftest import SAMPLE

FORMATS = ["md", "html", "pdf"]


def known_strings() -> dict[str, set[str]]:
    """client name -> every name string of the client and their people (from the sample file)."""
    out: dict[str, set[str]] = {}
    for line in SAMPLE.read_text().splitlines():
        d = json.loads(line)
        if "client" not in d:
            continue
        names = out.setdefault(d["client"]["name"], set())
        for p in [d["client"], *d.get("people", [])]:
            for n in [p["name"], *p.get("aka", [])]:
                names.add(n)
                names.update(part for part in re.split(r"[\s-]+", n) if len(part) >= 3)
    return out


def output_text(path, fmt) -> str:
    if fmt != "pdf":
        return path.read_text(encoding="utf-8")
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils is not installed")
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return unicodedata.normalize("NFKC", text)  # ligatures (ﬁ, ﬂ) back to letters


def leaked(text: str, names: set[str]) -> list[str]:
    return [n for n in names if re.search(rf"(?<![\w]){re.escape(n)}(?![\w])", text, re.IGNORECASE)]


@pytest.mark.parametrize("template", ["group", "supervisor"])
def test_every_client_every_format_names_no_one(sample_journal, tmp_path, template):
    names_by_client = known_strings()
    clients = [p for p in sample_journal.people() if p.kind == PersonKind.CLIENT]
    assert len(clients) == len(names_by_client) == 8
    for n, client in enumerate(clients):
        draft = build_brief(sample_journal, client, template=template,
                            question=f"What do I do when {client.name.split()[0]} pushes back?")
        for fmt in FORMATS:
            # (not the client's id: a random hex id can hold "dee", and the gate reads file names)
            out = write_brief(draft, fmt, tmp_path / f"case-{n}-{template}.{fmt}")
            text = output_text(out, fmt)
            assert "the client" in text
            assert leaked(text, names_by_client[client.name]) == [], (client.id, fmt)


def test_the_pdf_renders_with_header_and_page_numbers(sample_journal, tmp_path):
    if not shutil.which("pdftoppm"):
        pytest.skip("poppler-utils is not installed")
    client = sample_journal.find_people("Dee")[0]
    out = write_brief(build_brief(sample_journal, client), "pdf", tmp_path / "b.pdf")
    text = output_text(out, "pdf")
    pages = text.count("\f")
    assert pages >= 2
    assert text.count("Confidential — de-identified case brief") == pages
    assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(out), str(tmp_path / "p")],
                   check=True)
    assert (tmp_path / "p-1.png").stat().st_size > 5000


def test_the_gate_refuses_a_brief_that_names_the_client(sample_journal, tmp_path):
    client = sample_journal.find_people("Dee")[0]
    draft = build_brief(sample_journal, client)
    passage = draft.passages["s1.narrative"]
    person_spans = [s for s in passage.spans if s.kind == "known_person"]
    assert person_spans, "the narrative names the client, so it has a person redaction"
    passage.undo(person_spans[0])  # the reviewer wrongly keeps a name
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    for fmt in FORMATS:
        target = out_dir / f"leaky.{fmt}"
        with pytest.raises(BriefRefused) as info:
            write_brief(draft, fmt, target)
        assert list(out_dir.iterdir()) == []  # not the brief, not a temporary file
        message = str(info.value)
        assert "not written" in message and "the client" in message
        # where: the session's heading and the part of it, as a reader finds it (not a line)
        assert "in “Session 1”, the narrative" in message and "line" not in message
        assert person_spans[0].original not in message  # the name itself never goes in a message


def test_review_can_mark_more_text(sample_journal):
    client = sample_journal.find_people("Dee")[0]
    draft = build_brief(sample_journal, client)
    passage = draft.passages["s1.narrative"]
    start = passage.original.index("a cat")
    passage.mark(start, start + len("a cat"), "[detail]")
    assert "a cat" not in render(draft) and "[detail]" in render(draft)


def test_last_n_and_relative_time(sample_journal):
    client = sample_journal.find_people("Dee")[0]
    draft = build_brief(sample_journal, client, last=3)
    md = render(draft)
    assert "### Session 3" in md and "### Session 4" not in md
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", md)
    assert re.search(r"Session 2 — (the same day|the next day|\w+ (days|weeks) later|about)", md)


def test_cli_brief(sample_journal, journal_path, tmp_path):
    from tests.e2e.test_cli import run

    sample_journal.close()
    out = tmp_path / "brief.html"
    result = run("brief", "--client", "Toby", "--template", "supervisor", "--format", "html",
                 "--out", out, "--question", "Am I too close to Toby?", "--journal", journal_path)
    assert result.returncode == 0, result.stderr
    html = out.read_text()
    assert "Confidential — de-identified case brief" in html
    assert "Toby" not in html and "Ferreira" not in html
    assert run("brief", "--client", "Nobody", "--out", out, "--journal", journal_path).returncode == 2


def test_an_unknown_person_keeps_one_label_across_the_brief(journal):
    from datetime import datetime

    from reflect.core.model import Entry, Person

    client = journal.save_person(Person(name="Odile Brackenbury"))
    for day, text in ((3, "Odile mentioned her neighbour Mrs Kettleworth again."),
                      (10, "Talked about her brother. Then Mrs Kettleworth came up once more.")):
        journal.save_entry(Entry(date=datetime(2025, 6, day, 10), narrative=text, client_id=client.id))
    md = render(build_brief(journal, client))
    assert "Kettleworth" not in md and "Odile" not in md
    labels = re.findall(r"\b(?:Person|Doctor) [A-Z]\b", md)
    assert len(labels) == 2 and len(set(labels)) == 1, labels


def _one_passage_brief(journal, text):
    """A brief for a new client "Zephyrine Quillfeather" whose one narrative is ``text``, kept as
    written (as if the reviewer had undone every redaction)."""
    from datetime import datetime

    from reflect.core.brief.case import Passage
    from reflect.core.model import Entry, Person

    client = journal.save_person(Person(name="Zephyrine Quillfeather", aka=["Zeph"]))
    journal.save_entry(Entry(date=datetime(2025, 6, 3, 10), narrative="A quiet session.",
                             client_id=client.id))
    draft = build_brief(journal, client)
    draft.passages["s1.narrative"] = Passage("s1.narrative", text, [])
    return draft


@pytest.mark.parametrize("kept", [
    "Her notes are in zephyrine_quillfeather_notes.docx.",
    "The form came back as zephyrine-quillfeather.pdf.",
    "Her e-mail: zephyrine.quillfeather@example.com",
    "See [her page](https://zephyrinequillfeather.example.com/).",
    "See [her page](https://example.org/people/zquillfeather).",
    "She signs letters Ｚｅｐｈｙｒｉｎｅ.",
    "She signs as &#90;ephyrine.",
    "Her page is https://example.org/%7Aephyrine-q.",
])
def test_every_format_refuses_a_name_kept_inside_another_token(journal, tmp_path, kept):
    draft = _one_passage_brief(journal, kept)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    for fmt in FORMATS:
        with pytest.raises(BriefRefused):
            write_brief(draft, fmt, out_dir / f"brief.{fmt}")
        assert list(out_dir.iterdir()) == [], fmt


def test_the_html_brief_shows_raw_html_as_text_and_links_only_to_safe_places(journal, tmp_path):
    draft = _one_passage_brief(journal, (
        "She pasted <script>alert('x')</script> and <img src=x onerror=alert(1)> into a form; "
        "[a trap](javascript:alert(1)), [another](JaVaScRiPt:alert(2)), "
        "[a third](java&#x09;script:alert(3)), ![a beacon](https://tracker.example/p.png), "
        "[a file](file:///etc/passwd) and [the leaflet](https://www.mind.org.uk/help)."))
    page = write_brief(draft, "html", tmp_path / "brief.html").read_text(encoding="utf-8")
    body = page.split("</style>", 1)[1]
    assert "<script" not in body and "<img" not in body.lower()
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in body  # shown as written
    assert not re.search(r"<[^>]*\son\w+\s*=", body)  # no event handler on any element
    hrefs = re.findall(r'href="([^"]*)"', body)
    assert hrefs == ["https://www.mind.org.uk/help"]
    for words in ("a trap", "another", "a third", "a beacon", "a file"):
        assert words in body  # the words stay, the address goes


def test_every_format_is_written_readable_by_its_owner_only(sample_journal, tmp_path):
    import os
    import stat

    client = sample_journal.find_people("Dee")[0]
    draft = build_brief(sample_journal, client)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    old = os.umask(0o022)
    try:
        for fmt in FORMATS:
            target = out_dir / f"brief.{fmt}"
            target.write_bytes(b"an older brief")
            target.chmod(0o644)
            write_brief(draft, fmt, target)
            assert stat.S_IMODE(target.stat().st_mode) == 0o600, fmt
    finally:
        os.umask(old)
    assert sorted(p.name for p in out_dir.iterdir()) == ["brief.html", "brief.md", "brief.pdf"]
    assert (out_dir / "brief.pdf").read_bytes().startswith(b"%PDF")


def test_a_brief_is_not_written_under_a_file_name_that_names_someone(sample_journal, journal_path,
                                                                    tmp_path):
    """A file's name goes wherever the file goes: the gate reads it too, for the app and the
    command line alike, and nothing is written (not even a temporary file)."""
    from tests.e2e.test_cli import run

    client = sample_journal.find_people("Toby")[0]
    draft = build_brief(sample_journal, client)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    for name in ("brief-for-toby.md", "FERREIRA_case.html", "tóby.pdf"):
        with pytest.raises(BriefRefused) as info:
            write_brief(draft, name.rsplit(".", 1)[1], out_dir / name)
        assert "file name" in str(info.value) and "Toby" not in str(info.value)
    assert list(out_dir.iterdir()) == []
    write_brief(draft, "md", out_dir / "case-brief.md")
    assert [p.name for p in out_dir.iterdir()] == ["case-brief.md"]

    sample_journal.close()
    result = run("brief", "--client", "Toby", "--out", out_dir / "toby.md", "--journal", journal_path)
    assert result.returncode != 0
    assert "file name" in result.stderr
    assert [p.name for p in out_dir.iterdir()] == ["case-brief.md"]
