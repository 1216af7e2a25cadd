"""Brief templates are resources (``resources/templates/brief/*.toml``), not code."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

SECTION_KINDS = {
    "question", "context", "sessions", "themes", "alternatives", "footer", "reflective",
    "trends", "tried",
}


@dataclass(frozen=True)
class BriefTemplate:
    id: str
    label: str
    description: str
    title: str
    sections: list[dict] = field(default_factory=list)


def _folder():
    return resources.files("reflect") / "resources" / "templates" / "brief"


@cache
def list_templates() -> list[BriefTemplate]:
    out = []
    for item in sorted(_folder().iterdir(), key=lambda p: p.name):
        if not item.name.endswith(".toml"):
            continue
        data = tomllib.loads(item.read_text(encoding="utf-8"))
        for section in data.get("sections", []):
            if section.get("kind") not in SECTION_KINDS:
                raise ValueError(f"{item.name}: unknown section kind {section.get('kind')!r}")
        out.append(BriefTemplate(data["id"], data["label"], data.get("description", ""),
                                 data.get("title", data["label"]), data.get("sections", [])))
    return out


def get_template(template_id: str) -> BriefTemplate:
    for t in list_templates():
        if t.id == template_id:
            return t
    known = ", ".join(t.id for t in list_templates())
    raise ValueError(f"There is no brief template {template_id!r} (there are: {known}).")
