"""Entry templates: the reflective structures a practitioner can write in, loaded from resources.

Templates are data (``resources/templates/entry/*.toml``), not code, so a new one is a file. Each
gives a label, a one-line description, the prompts used to pre-fill the narrative (as Markdown
headings, or as placeholder text only), and which sections of an entry are shown — the rest sit
behind a "More" expander. The GUI and the CLI both read them from here; no Qt.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

SECTIONS = ("session", "stress", "narrative", "demands", "controls", "went_well")
NARRATIVE_MODES = ("headings", "placeholder")
FALLBACK_ID = "dcs"


class TemplateError(ValueError):
    """A template resource that cannot be used (named, with the reason)."""


@dataclass(frozen=True)
class Prompt:
    heading: str
    hint: str = ""


@dataclass(frozen=True)
class EntryTemplate:
    id: str
    label: str
    description: str = ""
    order: int = 100
    narrative: str = "placeholder"  # "headings": pre-fill the prompts as headings
    placeholder: str = ""
    prompts: tuple[Prompt, ...] = ()
    sections: frozenset[str] = field(default_factory=lambda: frozenset(SECTIONS))
    more: frozenset[str] = frozenset()  # sections behind the "More" expander
    prompt_fields: bool = False  # the editor shows one field per prompt (stored as one narrative)

    def prefill(self) -> str:
        """The Markdown the narrative starts with: one heading per prompt, or nothing."""
        if self.narrative != "headings" or not self.prompts:
            return ""
        return "\n".join(f"## {p.heading}\n\n" for p in self.prompts)

    def placeholder_text(self) -> str:
        if self.placeholder:
            return self.placeholder
        return "\n".join(f"{p.heading} {p.hint}".strip() for p in self.prompts)

    def hint_for(self, heading: str) -> str:
        """The hint that goes with a heading of this template ('' when it is not one)."""
        wanted = heading.strip().lstrip("#").strip().casefold()
        for p in self.prompts:
            if p.heading.casefold() == wanted:
                return p.hint
        return ""

    def join_answers(self, answers: list[str]) -> str:
        """One Markdown narrative from an answer per prompt: each prompt a heading, the answer
        under it. With every answer empty this is exactly ``prefill()``."""
        parts = []
        for prompt, answer in zip(self.prompts, answers, strict=True):
            body = answer.strip("\n")
            parts.append(f"## {prompt.heading}\n\n" + (f"{body}\n" if body.strip() else ""))
        return "\n".join(parts)

    def answer_starts(self, answers: list[str]) -> list[int]:
        """Where each answer begins in ``join_answers(answers)``: the offset of its first
        character after the blank lines it started with (which the narrative does not keep)."""
        starts, pos = [], 0
        for prompt, answer in zip(self.prompts, answers, strict=True):
            body = answer.strip("\n")
            header = len(f"## {prompt.heading}\n\n")
            lead = len(answer) - len(answer.lstrip("\n"))
            starts.append(pos + header - lead)
            pos += header + (len(body) + 1 if body.strip() else 0) + 1
        return starts

    def split_answers(self, text: str) -> list[str] | None:
        """The answer under each prompt of a narrative written this way, or None when the text
        does not have that shape (so nothing would fit a field without losing or moving a word)."""
        if not self.prompts:
            return None
        headings = [f"## {p.heading}" for p in self.prompts]
        answers: list[list[str]] = []
        for line in text.split("\n"):
            if len(answers) < len(headings) and line.rstrip() == headings[len(answers)]:
                answers.append([])
            elif answers:
                if line.rstrip() in headings:
                    return None  # a prompt twice, or out of order
                answers[-1].append(line)
            elif line.strip():
                return None  # words before the first prompt
        if len(answers) != len(headings):
            return None
        found = ["\n".join(lines).strip("\n") for lines in answers]
        if self.join_answers(found).split() != text.split():
            return None
        return found

    def shows(self, section: str) -> bool:
        return section in self.sections

    def is_prefill(self, text: str) -> bool:
        """True when ``text`` holds nothing the practitioner wrote beyond this template's pre-fill."""
        return text.strip() == self.prefill().strip()


def parse_template(template_id: str, data: dict) -> EntryTemplate:
    """Build a template from parsed TOML, refusing what the editor could not show."""
    if not isinstance(data.get("label"), str) or not data["label"].strip():
        raise TemplateError(f"Template {template_id!r} has no label.")
    mode = data.get("narrative", "placeholder")
    if mode not in NARRATIVE_MODES:
        raise TemplateError(f"Template {template_id!r}: narrative must be one of {NARRATIVE_MODES}.")
    sections = data.get("sections", list(SECTIONS))
    more = data.get("more", [])
    unknown = (set(sections) | set(more)) - set(SECTIONS)
    if unknown:
        raise TemplateError(f"Template {template_id!r}: unknown sections {sorted(unknown)}.")
    if "narrative" not in sections:
        raise TemplateError(f"Template {template_id!r} must show the narrative.")
    prompts = tuple(
        Prompt(str(p["heading"]), str(p.get("hint", "")))
        for p in data.get("prompts", [])
        if isinstance(p, dict) and p.get("heading")
    )
    return EntryTemplate(
        id=template_id,
        label=data["label"].strip(),
        description=str(data.get("description", "")).strip(),
        order=int(data.get("order", 100)),
        narrative=mode,
        placeholder=str(data.get("placeholder", "")).strip(),
        prompts=prompts,
        sections=frozenset(sections),
        more=frozenset(more) - frozenset(sections),
        prompt_fields=bool(data.get("prompt_fields", False)) and mode == "headings" and bool(prompts),
    )


@cache
def _load_all() -> dict[str, EntryTemplate]:
    folder = resources.files("reflect").joinpath("resources/templates/entry")
    found: dict[str, EntryTemplate] = {}
    for item in folder.iterdir():
        if not item.name.endswith(".toml"):
            continue
        template_id = item.name.removesuffix(".toml")
        try:
            data = tomllib.loads(item.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise TemplateError(f"Template {template_id!r} is not valid TOML: {exc}") from exc
        found[template_id] = parse_template(template_id, data)
    return dict(sorted(found.items(), key=lambda kv: (kv[1].order, kv[0])))


def list_templates() -> list[EntryTemplate]:
    """Every entry template, in the order they are offered."""
    return list(_load_all().values())


def get_template(template_id: str | None) -> EntryTemplate:
    """The template with this id; an unknown or missing id gets the full DC-S entry.

    Entries keep the id of the template they were written in; a template removed later must not
    stop an old entry from opening.
    """
    templates = _load_all()
    if template_id in templates:
        return templates[template_id]
    return templates.get(FALLBACK_ID) or next(iter(templates.values()))


def has_template(template_id: str | None) -> bool:
    return template_id in _load_all()
