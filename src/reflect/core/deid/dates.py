"""Dates and clock times: coarsened rather than deleted, so the brief still reads well.

- A date with a day becomes, given a reference date, a relative phrase ("about three weeks
  later"); without one, its year at most ("on 19 May 2025" -> "in 2025", "on 19 May" -> "on [date]").
  Months alone, holidays and dates without a year are ``when.py``'s; ages ``ages.py``'s.
- A clock time becomes a part of the day ("at 11:40" -> "in the late morning").
"""

from __future__ import annotations

import re
from datetime import date, datetime

from .lexicon import MONTH_ABBR, MONTHS
from .redaction import Redaction

_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|" \
         r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?![a-z])"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?,?\s+)"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))"
_ONE = rf"(?:{_WEEKDAY}?(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH}|{_WEEKDAY}?{_MONTH}\s+(?:the\s+)?{_DAY}\b)"
TEXT_DATE_RE = re.compile(
    rf"(?P<prep>\b(?i:on|by|from|since|until|till|before|after)\s+)?(?P<d1>{_ONE})"
    rf"(?:\s*(?:-|–|to|until|till|and)\s*(?P<d2>{_ONE}|{_DAY}\b))?{_YEAR}?",
)
NUMERIC_DATE_RE = re.compile(
    r"(?P<prep>\b(?i:on|by|from|since|until)\s+)?"
    r"(?<![\d/.-])(?:(?P<y1>(?:19|20)\d\d)[-/.](?P<m1>\d{1,2})[-/.](?P<d1>\d{1,2})"
    r"|(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<y2>(?:19|20)?\d\d))(?:T[\d:]+)?(?![\d/])"
)
ORDINAL_RE = re.compile(r"\b(?:on\s+)?the\s+(?:[12]\d|3[01]|[1-9])(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?"
                        r"(?:century|floor|time|session|week|birthday|anniversary))")
CLOCK_RE = re.compile(r"(?P<prep>\b(?:at|by|around|about|from|until|till)\s+)?\b(?P<h>[01]?\d|2[0-3])"
                      r"[:.](?P<m>[0-5]\d)(?:\s*(?P<ap>[ap]\.?m\b))?(?![\d:]|\.\d)", re.IGNORECASE)
def _month_num(token: str) -> int:
    t = token.lower().rstrip(".")
    name = MONTH_ABBR.get(t[:3], t) if t not in MONTHS else t
    return MONTHS.index(name) + 1


def _month_of(fragment: str) -> int | None:
    m = re.search(_MONTH, fragment)
    return _month_num(m.group()) if m else None


def _relative(d: date, ref: date) -> str:
    days = (d - ref).days
    when = "later" if days > 0 else "earlier"
    n = abs(days)
    if n == 0:
        return "the same day"
    if n < 7:
        return "a few days " + when
    if n < 11:
        return "about a week " + when
    if n < 60:
        words = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight"}
        return f"about {words[round(n / 7)]} weeks {when}"
    months = round(n / 30.4)
    if months < 12:
        words = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
                 9: "nine", 10: "ten", 11: "eleven", 12: "twelve"}
        return f"about {words[months]} months {when}"
    return "more than a year " + when


def _phrase(month: int, year: str | None, prep: str | None, month2: int | None,
            ref: date | None, day: int | None) -> str:
    p = (prep or "").strip().lower()
    if ref is not None and day is not None and month2 is None and p in ("", "on"):
        y = int(year) if year else ref.year
        try:
            d = date(y, month, day)
        except ValueError:
            d = None
        if d is not None:
            if not year and abs((d - ref).days) > 183:
                d = date(y + (1 if d < ref else -1), month, day)
            rel = _relative(d, ref)
            return rel
    # A month dates a session too (Safe Harbor): without a reference, keep the year at most.
    if year:
        return f"in {year}" if p in ("", "on") else f"{p} {year}"
    return "[date]" if p == "" else f"{p} [date]"


def find_dates(text: str, reference: date | datetime | None = None) -> list[Redaction]:
    ref = reference.date() if isinstance(reference, datetime) else reference
    out: list[Redaction] = []
    for m in TEXT_DATE_RE.finditer(text):
        month = _month_of(m.group("d1"))
        if month is None:
            continue
        d2 = m.group("d2")
        month2 = (_month_of(d2) or month) if d2 else None
        day_m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", m.group("d1"))
        day = int(day_m.group(1)) if day_m else None
        rep = _phrase(month, m.group("year"), m.group("prep"), month2, ref, day)
        out.append(Redaction(m.start(), m.end(), m.group(), rep, "date", 0.95))
    for m in NUMERIC_DATE_RE.finditer(text):
        if m.group("y1"):
            month, day, year = int(m.group("m1")), int(m.group("d1")), m.group("y1")
        else:
            a, b, year = int(m.group("a")), int(m.group("b")), m.group("y2")
            day, month = (a, b) if b <= 12 else (b, a)  # day-first unless impossible
            if len(year) == 2:
                year = "20" + year
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        rep = _phrase(month, year, m.group("prep"), None, ref, day)
        out.append(Redaction(m.start(), m.end(), m.group(), rep, "date", 0.9))
    for m in ORDINAL_RE.finditer(text):
        rep = "that day" if m.group().startswith("on") else "that date"
        out.append(Redaction(m.start(), m.end(), m.group(), rep, "date", 0.8))
    return out


def find_times(text: str) -> list[Redaction]:
    out: list[Redaction] = []
    for m in CLOCK_RE.finditer(text):
        h = int(m.group("h"))
        ap = (m.group("ap") or "").lower()
        if ap.startswith("p") and h < 12:
            h += 12
        if not ap and m.group()[len(m.group("prep") or ""):].count(".") and not m.group("prep"):
            continue  # "3.5" is a number, not a time
        part = ("at night" if h < 5 or h >= 22 else "in the early morning" if h < 9 else
                "in the morning" if h < 11 else "in the late morning" if h < 12 else
                "around midday" if h < 14 else "in the afternoon" if h < 17 else
                "in the early evening" if h < 19 else "in the evening")
        out.append(Redaction(m.start(), m.end(), m.group(), part, "time", 0.8))
    return out
