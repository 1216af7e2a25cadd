"""Words for the themes window: an entry's texts with evidence highlighted (escaped HTML), and
the Demand-Control patterns of a run of entries in plain sentences."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from reflect.core.model import Entry
from reflect.core.themes.detector import Evidence
from reflect.core.themes.headings import heading_title
from reflect.core.themes.recurrence import (
    control_pattern,
    eipi_balance,
    overtime_pattern,
    stress_pattern,
)

MARK_LIGHT = ("#f7dc7c", "#26292c")  # background, text of a highlighted span
MARK_DARK = ("#8a6d1d", "#ffffff")


def field_title(field: str) -> str:
    kind, _, number = field.partition(":")
    n = int(number) + 1 if number.isdigit() else 0
    return {
        "narrative": "What happened",
        "went_well": "What went well",
        "demand": f"Demand {n}",
        "control": f"Control {n}",
        "outcome": f"Outcome of control {n}",
    }.get(kind, field)


def _merged(spans: Iterable[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted((max(0, s), min(length, e)) for s, e in spans):
        if end <= start:
            continue
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def highlighted(text: str, spans: Iterable[tuple[int, int]], dark: bool = False) -> str:
    """``text`` as escaped HTML with each span wrapped in a marked <span>."""
    bg, fg = MARK_DARK if dark else MARK_LIGHT
    parts, pos = [], 0
    for start, end in _merged(spans, len(text)):
        parts.append(escape(text[pos:start]))
        parts.append(f'<span style="background-color:{bg}; color:{fg};">'
                     f"{escape(text[start:end])}</span>")
        pos = end
    parts.append(escape(text[pos:]))
    lines = "".join(parts).split("\n")
    return "<br>".join(_as_heading(line) for line in lines)


def _as_heading(line: str) -> str:
    """A Markdown heading line (never marked: detection does not read headings) in bold."""
    title = heading_title(line)
    return line if title is None else f"<b>{title}</b>"


def evidence_html(entry: Entry, evidence: Sequence[Evidence], *, heading: str,
                  note: str = "", dark: bool = False) -> str:
    """The entry's texts in reading order; the evidence spans marked."""
    by_field: dict[str, list[tuple[int, int]]] = {}
    for e in evidence:
        by_field.setdefault(e.field, []).append((e.start, e.end))
    found = ", ".join(f"“{escape(e.text)}”" for e in evidence[:6])
    out = [f"<h3>{escape(heading)}</h3>"]
    if found:
        out.append(f"<p><b>Words that gave it away:</b> {found}</p>")
    if note:
        out.append(f"<p><i>{escape(note)}</i></p>")
    for field, text in entry.texts():
        if not text.strip():
            continue
        out.append(f"<p><b>{escape(field_title(field))}</b><br>"
                   f"{highlighted(text, by_field.get(field, []), dark)}</p>")
    return "".join(out)


def _pct(share: float) -> str:
    return f"{round(share * 100)}%"


def dcs_sentences(entries: Sequence[Entry]) -> dict[str, str]:
    """{'demands', 'controls', 'stress', 'overtime'} -> one plain sentence each."""
    eipi = eipi_balance(entries)
    if eipi.total:
        ranked = [(k, v) for k, v in sorted(eipi.shares.items(), key=lambda kv: -kv[1]) if v > 0]
        top, share = ranked[0]
        lead = "Mostly" if share > 0.5 else "Most often"
        demands = f"{lead} {top}: {_pct(share)} of {eipi.total} demands"
        if len(ranked) > 1:
            demands += "; then " + ", ".join(f"{k} {_pct(v)}" for k, v in ranked[1:])
    else:
        demands = "No demands written down yet"
    controls_p = control_pattern(entries)
    summary = controls_p.summary[:1].upper() + controls_p.summary[1:]
    controls = (f"{summary} ({controls_p.total} controls)" if controls_p.total
                else "No controls written down yet")
    stress_p = stress_pattern(entries)
    if stress_p.sessions:
        change = stress_p.mean_change or 0.0
        direction = ("more stressed after" if change > 0.25 else
                     "calmer after" if change < -0.25 else "about the same after")
        trend = {"rising": "the rise after sessions is growing",
                 "falling": "the rise after sessions is shrinking",
                 "steady": "steady over time"}.get(stress_p.trend, "too few sessions for a trend")
        stress = (f"Stress {stress_p.mean_before:.1f} before → {stress_p.mean_after:.1f} after "
                  f"on average: {direction}; {trend}")
    else:
        stress = "No stress ratings yet"
    over = overtime_pattern(entries)
    if over.sessions:
        trend = {"rising": "happening more often lately", "falling": "happening less often lately",
                 "steady": "about as often as before"}.get(over.trend, "too few for a trend")
        overtime = (f"Ran over in {over.overtime_sessions} of {over.sessions} sessions "
                    f"({_pct(over.share or 0)}), {over.mean_minutes_over or 0:.0f} min on "
                    f"average; {trend}")
        if not over.overtime_sessions:
            overtime = f"No session ran over (of {over.sessions} timed)"
    else:
        overtime = "No session times yet"
    return {"demands": demands, "controls": controls, "stress": stress, "overtime": overtime}
