"""De-identified case briefs: gather a case, de-identify every passage, render, gate, write."""

from .case import BriefDraft, Passage, build_brief
from .export import BriefRefused, file_name_names_someone, render, write_brief
from .templates import BriefTemplate, get_template, list_templates

__all__ = [
    "file_name_names_someone",
    "BriefDraft", "BriefRefused", "BriefTemplate", "Passage", "build_brief", "get_template",
    "list_templates", "render", "write_brief",
]
