"""A draft brief as Markdown: the one rendering the HTML and PDF outputs are made from.

What the practitioner wrote stays text in every Markdown viewer: a ``<`` that would open an HTML
tag, comment or autolink and an ``&`` that would start a character reference are escaped with a
backslash (``\\<script>``, ``\\&#90;``), so nothing renders as markup and nothing hides from
the reader: a name inside ``<!-- … -->`` or an attribute shows, as written, where the reviewer
and the group can see it.  ``html_brief`` reads the same escapes.
"""

from __future__ import annotations

import re

from reflect.core.model import DemandCategory, Timing

from .case import BriefDraft, SessionFacts

CATEGORY_HELP = {
    "environmental": "Environmental (the setting)",
    "interpersonal": "Interpersonal (between the people present)",
    "paralinguistic": "Paralinguistic (how the client communicated)",
    "intrapersonal": "Intrapersonal (inside the practitioner)",
}
TIMING_LABEL = {"pre": "Before the session", "during": "During the session", "post": "After the session"}
GIBBS = ["Description", "Feelings", "Evaluation", "Analysis", "Conclusion", "Action plan"]


def _quote(text: str) -> str:
    return "\n".join("> " + line if line.strip() else ">" for line in text.strip().splitlines())


def _minutes(s: SessionFacts) -> str:
    if s.planned is None and s.actual is None:
        return ""
    if s.planned is not None and s.actual is not None and s.actual > s.planned:
        return f"{s.actual} minutes, {s.actual - s.planned} over the {s.planned} planned"
    return f"{s.actual if s.actual is not None else s.planned} minutes"


def _facts(s: SessionFacts) -> str:
    bits = [b for b in (s.setting, _minutes(s)) if b]
    if s.stress_before is not None and s.stress_after is not None:
        bits.append(f"my stress {s.stress_before} → {s.stress_after} (of 10)")
    return "; ".join(bits)


def _demands(d: BriefDraft, s: SessionFacts) -> list[str]:
    out = []
    for category in DemandCategory:
        items = [x for x in s.demands if x[0] == category.value]
        if not items:
            continue
        out.append(f"- **{CATEGORY_HELP[category.value]}**")
        for _, key, intensity, resulting in items:
            extra = f" (intensity {intensity}/5)" if intensity else ""
            tag = " — *a resulting demand*" if resulting else ""
            out.append(f"    - {d.text(key)}{extra}{tag}")
    return out


def _controls(d: BriefDraft, s: SessionFacts) -> list[str]:
    out = []
    for timing in Timing:
        items = [x for x in s.controls if x[0] == timing.value]
        if not items:
            continue
        out.append(f"- **{TIMING_LABEL[timing.value]}**")
        for _, stance, key, outcome in items:
            line = f"    - {d.text(key)}"
            if stance:
                line += f" *({stance})*"
            if key in s.answers:
                line += f" — *in answer to:* {d.text(s.answers[key])}"
            if outcome:
                line += f" → {d.text(outcome)}"
            out.append(line)
    return out


def section_question(d: BriefDraft, sec: dict) -> list[str]:
    text = d.text("question") if "question" in d.passages else sec.get("empty", "")
    return [text]


def section_context(d: BriefDraft, sec: dict) -> list[str]:
    from reflect.core.supervision.profile import brief_lines

    out = brief_lines(d.profile, d.profile_fields)
    n = len(d.sessions)
    out.append(f"- **Client:** referred to as *{d.client_label}*; {n} session{'s' if n != 1 else ''} "
               f"{d.span_text}.")
    settings = sorted({s.setting for s in d.sessions if s.setting})
    if settings:
        out.append(f"- **Setting:** {', '.join(settings)}")
    if d.people_labels:
        out.append(f"- **Others in the case:** {', '.join(d.people_labels)}")
    return out


def section_sessions(d: BriefDraft, sec: dict) -> list[str]:
    out = [sec["intro"], ""] if sec.get("intro") else []
    for s in d.sessions:
        title = f"### Session {s.number}" + ("" if s.number == 1 else f" — {s.when}")
        out += [title, ""]
        facts = _facts(s)
        if facts:
            out += [f"*{facts}*", ""]
        if s.narrative:
            out += [_quote(d.text(s.narrative)), ""]
        demands, controls = _demands(d, s), _controls(d, s)
        if demands:
            out += ["**Demands**", "", *demands, ""]
        if controls:
            out += ["**Controls and what followed**", "", *controls, ""]
        if s.went_well:
            out += [f"**What went well:** {d.text(s.went_well)}", ""]
    return out


def section_themes(d: BriefDraft, sec: dict) -> list[str]:
    if not d.themes:
        return [sec.get("empty", "")]
    n = len(d.sessions)
    return [f"- **{label}** — in {c} of {n} session{'s' if n != 1 else ''}" for label, c in d.themes]


def section_alternatives(d: BriefDraft, sec: dict) -> list[str]:
    out = [sec["intro"], ""] if sec.get("intro") else []
    out += ["| When | Conservative | Neutral | Liberal |", "|---|---|---|---|"]
    out += [f"| {TIMING_LABEL[t.value]} |   |   |   |" for t in Timing]
    return out


def section_reflective(d: BriefDraft, sec: dict) -> list[str]:
    feelings = [d.text(k) for s in d.sessions for c, k, _, _ in s.demands if c == "intrapersonal"]
    went_well = [d.text(s.went_well) for s in d.sessions if s.went_well]
    outcomes = [d.text(o) for s in d.sessions for *_, o in s.controls if o]
    categories = [c for s in d.sessions for c, *_ in s.demands]
    balance = ", ".join(f"{c} {categories.count(c)}" for c in sorted(set(categories)))
    body = {
        "Description": [f"{len(d.sessions)} sessions {d.span_text}. The most recent:", "",
                        _quote(d.text(d.sessions[-1].narrative)) if d.sessions[-1].narrative else ""],
        "Feelings": [f"- {f}" for f in feelings] or ["(Nothing recorded.)"],
        "Evaluation": [f"- Went well: {w}" for w in went_well] + [f"- Outcome: {o}" for o in outcomes]
        or ["(Nothing recorded.)"],
        "Analysis": [f"Demands by category: {balance}." if balance else "(No demands recorded.)"],
        "Conclusion": ["(To discuss.)"],
        "Action plan": ["(To discuss.)"],
    }
    out = []
    for heading in GIBBS:
        out += [f"### {heading}", "", *body[heading], ""]
    return out


def section_trends(d: BriefDraft, sec: dict) -> list[str]:
    changes = [s.stress_after - s.stress_before for s in d.sessions
               if s.stress_before is not None and s.stress_after is not None]
    over = [s for s in d.sessions if s.planned is not None and s.actual is not None and s.actual > s.planned]
    out = []
    if changes:
        mean = sum(changes) / len(changes)
        out.append(f"- **Stress:** on average {mean:+.1f} points from before to after a session "
                   f"({', '.join(f'{c:+d}' for c in changes)}).")
    out.append(f"- **Over time:** {len(over)} of {len(d.sessions)} sessions ran over"
               + (f", by {round(sum(s.actual - s.planned for s in over) / len(over))} minutes on average."
                  if over else "."))
    return out


def section_tried(d: BriefDraft, sec: dict) -> list[str]:
    out = []
    for s in d.sessions:
        for _, stance, key, outcome in s.controls:
            line = f"- {d.text(key)}" + (f" *({stance})*" if stance else "")
            if key in s.answers:
                line += f" — *in answer to:* {d.text(s.answers[key])}"
            out.append(line + (f" → {d.text(outcome)}" if outcome else ""))
    return out or ["(No controls recorded.)"]


def section_footer(d: BriefDraft, sec: dict) -> list[str]:
    return ["---", "", f"*{sec.get('text', '')}*"]


SECTIONS = {
    "question": section_question, "context": section_context, "sessions": section_sessions,
    "themes": section_themes, "alternatives": section_alternatives,
    "reflective": section_reflective, "trends": section_trends, "tried": section_tried,
    "footer": section_footer,
}


# "<" before what could open a tag, comment, declaration or autolink; "&" before a reference.
_HTML_START = re.compile(r"(?<!\\)<(?=[A-Za-z/!?])")
_REFERENCE = re.compile(r"(?<!\\)&(?=#?\w+;)")


def escape_html(text: str) -> str:
    """Markdown that shows ``<tag>`` and ``&#90;`` as written instead of rendering them."""
    return _REFERENCE.sub(r"\\&", _HTML_START.sub(r"\\<", text))


def to_markdown(d: BriefDraft) -> str:
    lines = [f"# {d.template.title}", ""]
    for sec in d.template.sections:
        if sec.get("heading"):
            lines += [f"## {sec['heading']}", ""]
        lines += SECTIONS[sec["kind"]](d, sec)
        lines.append("")
    return escape_html("\n".join(lines).rstrip() + "\n")
