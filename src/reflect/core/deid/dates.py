"""Dates, clock times and ages: coarsened rather than deleted, so the brief still reads well.

- A date with a day becomes its month ("on 19 May" -> "in May"), or, given a reference date,
  a relative phrase ("about three weeks later").  Weekdays, months and years alone stay.
- A clock time becomes a part of the day ("at 11:40" -> "in the late morning").
- An age becomes a band ("She's 34" -> "She's in her 30s"; 90 and over -> "over 89").
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
                      r"[:.](?P<m>[0-5]\d)\s*(?P<ap>[ap]\.?m\b)?(?![\d:]|\.\d)", re.IGNORECASE)
_NOT_AGE_UNIT = (
    r"(?!\s*(?:%|per\s*cent|days?|weeks?|months?|years?(?!\s+old)|yrs?(?!\s+old)|hours?|hrs?|"
    r"minutes?|mins?|seconds?|sessions?|times?|miles?|mi\b|km|kg|stone|st\b|lbs?|pounds?|quid|"
    r"p\b|am\b|pm\b|a\.m|p\.m|o'clock|units?|drinks?|pints?|cigarettes?|steps?|metres?|feet|ft|"
    r"people|of\b|out\s+of|/|:|\.\d|,\d|-\d))(?![a-z])"
)
AGE_SUBJECT_RE = re.compile(
    r"\b(?P<who>he|she|they|who|[A-Z][a-z]+)(?:'s|’s|\s+is|\s+was|\s+turned|\s+turns|\s+has\s+just\s+"
    r"turned|\s+will\s+be|\s+is\s+now|\s+was\s+only)\s+(?:only\s+|just\s+|now\s+)?(?P<n>\d{1,3})\b"
    + _NOT_AGE_UNIT, re.IGNORECASE)
AGE_WORD_RE = re.compile(
    r"\b(?:aged|age|ages)\s+(?P<n>\d{1,3})\b|\b(?P<n2>\d{1,3})\s*(?:-|\s)?(?:years?|yrs?|yo|y/o)"
    r"(?:[- ]old)?\b(?P<old>(?<=old)|(?<=yo)|(?<=y/o))?", re.IGNORECASE)
AGE_APPOSITIVE_RE = re.compile(r"(?<=[A-Za-z]),\s+(?P<n>\d{1,3}),")
AGE_PAREN_RE = re.compile(r"(?<=[A-Za-z])\s+\((?P<n>\d{1,3})\)")
ORDINAL_AGE_RE = re.compile(
    r"(?:(?<=['’]s )|(?<=\bhis )|(?<=\bher )|(?<=\bmy )|(?<=\bour )|(?<=\btheir ))"
    r"(?P<n>1[3-9]|[2-9]\d|1[01]\d)(?:st|nd|rd|th)\b"
    r"(?!\s+(?:time|session|week|day|floor|century|anniversary))"
    r"|\b(?P<n2>1[3-9]|[2-9]\d|1[01]\d)(?:st|nd|rd|th)\s+birthday\b")
NINETIES_RE = re.compile(r"\b(?:in\s+)?(?:his|her|their)\s+(?:late\s+|early\s+|mid[- ])?(?:9|10)0s\b"
                         r"|\b(?:9\d|1[01]\d)(?:st|nd|rd|th)\s+birthday\b", re.IGNORECASE)


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
    name = MONTHS[month - 1].capitalize()
    span = name if month2 in (None, month) else f"{name} to {MONTHS[month2 - 1].capitalize()}"
    if year:
        span += f" {year}"
    if p in ("", "on"):
        return ("in " if month2 in (None, month) else "from ") + span
    return f"{p} {span}"


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


def _pronoun(text: str, start: int, who: str | None = None, *, after_first: bool = False) -> str:
    w = (who or "").lower()
    if w in ("he", "she", "they"):
        return {"he": "his", "she": "her", "they": "their"}[w]
    title = re.search(r"\b(Mrs|Ms|Miss|Mr)\.?\s+[A-Z][\w'-]*,?\s*$", text[max(0, start - 40):start])
    if title:
        return "his" if title.group(1) == "Mr" else "her"
    lo = max(0, start - 150)
    window = text[lo:start + 150].lower()
    hits = [(lo + m.start(), m.group()) for m in
            re.finditer(r"\b(?:he|him|his|she|her|hers)\b", window)]
    if not hits:
        return "their"
    before = [h for h in hits if h[0] < start]
    after = [h for h in hits if h[0] > start]
    pick = (after[0] if after_first and after else before[-1] if before else hits[0])
    return "his" if pick[1] in ("he", "him", "his") else "her"


def band(age: int, pronoun: str = "their") -> str:
    if age >= 90:
        return "over 89"
    if age < 13:
        return "a child"
    if age < 20:
        return f"in {pronoun} teens"
    decade = age // 10 * 10
    return f"in {pronoun} {decade}s"


def find_ages(text: str) -> list[Redaction]:
    out: list[Redaction] = []
    for m in AGE_SUBJECT_RE.finditer(text):
        n = int(m.group("n"))
        if n > 115:
            continue
        pron = _pronoun(text, m.start("n"), m.group("who"))
        out.append(Redaction(m.start("n"), m.end("n"), m.group("n"), band(n, pron), "age", 0.85))
    for m in AGE_WORD_RE.finditer(text):
        n = int(m.group("n") or m.group("n2"))
        whole = m.group()
        if m.group("n2") and not re.search(r"old|yo|y/o", whole, re.IGNORECASE):
            continue  # "9 years" is a duration, not an age
        if n > 115:
            continue
        pron = _pronoun(text, m.start())
        if "-" in whole and whole.lower().endswith("old"):
            rep = "90-plus-year-old" if n >= 90 else "young" if n < 13 else f"{n // 10 * 10}-something"
        else:
            rep = band(n, pron)
        out.append(Redaction(m.start(), m.end(), whole, rep, "age", 0.9))
    for rx in (AGE_APPOSITIVE_RE, AGE_PAREN_RE):
        for m in rx.finditer(text):
            n = int(m.group("n"))
            if n > 115:
                continue
            pron = _pronoun(text, m.start("n"), after_first=True)
            out.append(Redaction(m.start("n"), m.end("n"), m.group("n"), band(n, pron), "age", 0.75))
    for m in ORDINAL_AGE_RE.finditer(text):
        n = int(m.group("n") or m.group("n2"))
        rep = "milestone birthday" if n % 10 == 0 else "birthday"
        out.append(Redaction(m.start(), m.end(), m.group(), rep, "age", 0.85))
    for m in NINETIES_RE.finditer(text):
        rep = "milestone birthday" if "birthday" in m.group().lower() else "over 89"
        out.append(Redaction(m.start(), m.end(), m.group(), rep, "age", 0.9))
    return out
