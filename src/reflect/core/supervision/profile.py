"""The practice profile on its own (Markdown or PDF, to exchange when a peer group forms), and
the profile lines a brief includes: only the fields the practitioner chose.

Written like a brief: whole, through a temporary file, readable by its owner only, and never
when it still names a client or anyone else the journal knows.
"""

from __future__ import annotations

from pathlib import Path

from reflect.core.deid import KnownPeople, find_known_leaks
from reflect.core.errors import StoreError
from reflect.core.journal import Journal
from reflect.core.model import Profile
from reflect.core.private_file import write_private

# (field, label): the order a reader expects, from who you are to what you want.
FIELDS = (
    ("profession", "Profession"),
    ("modalities", "Modalities"),
    ("setting", "Setting"),
    ("years_in_practice", "Years in practice"),
    ("typical_clients", "Typical clients"),
    ("wants_from_supervision", "What I want from supervision"),
    ("current_supervision", "Current supervision"),
)
LABELS = dict(FIELDS)
# What a brief has always included; the practitioner can leave any of them out, or add others.
BRIEF_DEFAULT = ("profession", "modalities", "setting", "years_in_practice")
FORMATS = ("md", "pdf")
TITLE = "Practice profile"


class ProfileRefused(StoreError):
    """The profile names someone the journal knows; nothing was written."""


def check_fields(fields) -> tuple[str, ...]:
    chosen = tuple(fields)
    unknown = [f for f in chosen if f not in LABELS]
    if unknown:
        raise ValueError(f"Not a profile field: {', '.join(unknown)}. "
                         f"Choose from {', '.join(LABELS)}.")
    return chosen


def filled(profile: Profile, fields=None) -> list[tuple[str, str]]:
    """(label, text) for each chosen field the practitioner filled in, in the usual order."""
    chosen = set(check_fields(fields if fields is not None else LABELS))
    out = []
    for key, label in FIELDS:
        value = getattr(profile, key)
        if key in chosen and value not in (None, "", 0):
            out.append((label, str(value).strip()))
    return out


def brief_lines(profile: Profile, fields=BRIEF_DEFAULT) -> list[str]:
    """The practitioner's lines in a brief's Context section (Markdown bullets)."""
    values = dict(filled(profile, fields))
    out = []
    role = ", ".join(values[LABELS[k]] for k in ("profession", "modalities") if LABELS[k] in values)
    setting = values.get(LABELS["setting"])
    if role:
        out.append(f"- **Practitioner:** {role}" + (f", {setting}" if setting else ""))
    elif setting:
        out.append(f"- **Practice setting:** {setting}")
    for key in ("years_in_practice", "typical_clients", "wants_from_supervision",
                "current_supervision"):
        if LABELS[key] in values:
            out.append(f"- **{LABELS[key]}:** {_one_line(values[LABELS[key]])}")
    return out


def _one_line(text: str) -> str:
    return " ".join(text.split())


def profile_markdown(profile: Profile, fields=None) -> str:
    lines = [f"# {TITLE}", ""]
    shown = filled(profile, fields)
    if not shown:
        lines.append("*(Nothing filled in yet.)*")
    for label, text in shown:
        lines += [f"## {label}", "", text, ""]
    return "\n".join(lines).rstrip() + "\n"


def _gate(text: str, known: KnownPeople) -> None:
    leaks = find_known_leaks(text, known)
    if leaks:
        lines = sorted({text.count("\n", 0, leak.start) + 1 for leak in leaks})
        raise ProfileRefused(
            "The profile was not written: it names someone the journal knows (line "
            + ", ".join(str(n) for n in lines[:5])
            + "). Take the name out of the profile and try again."
        )


def write_profile(journal: Journal, fmt: str, destination: Path | str, fields=None) -> Path:
    """Write the profile (the chosen fields, all by default) as Markdown or PDF."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    destination = Path(destination)
    md_text = profile_markdown(journal.profile(), fields)
    known = KnownPeople(journal.people())
    _gate(md_text, known)
    if fmt == "pdf":
        from reflect.core.brief import pdf  # Qt is loaded only when a PDF is asked for

        _gate(pdf.plain_text(md_text), known)
        pdf.write_pdf(md_text, destination, TITLE, header="Practice profile — for a supervision group")
    else:
        write_private(destination, md_text.encode("utf-8"))
    return destination
