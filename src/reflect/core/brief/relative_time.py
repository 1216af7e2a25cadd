"""Dates become relative: 'three weeks later', never a day a reader could look up."""

from __future__ import annotations

from datetime import datetime

_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve"]


def _n(k: int) -> str:
    return _WORDS[k] if k < len(_WORDS) else str(k)


def gap(earlier: datetime, later: datetime) -> str:
    days = (later.date() - earlier.date()).days
    if days <= 0:
        return "the same day"
    if days == 1:
        return "the next day"
    if days < 7:
        return f"{_n(days)} days later"
    weeks = round(days / 7)
    if days < 45:
        return "a week later" if weeks == 1 else f"{_n(weeks)} weeks later"
    months = round(days / 30.4)
    if months < 12:
        return f"about {_n(months)} months later"
    years = round(days / 365)
    return "about a year later" if years <= 1 else f"about {_n(years)} years later"


def span(first: datetime, last: datetime) -> str:
    """How long a run of sessions lasted, in words ('over about five months')."""
    days = (last.date() - first.date()).days
    if days < 1:
        return "in one day"
    if days < 14:
        return f"over {_n(days)} days"
    if days < 60:
        return f"over {_n(round(days / 7))} weeks"
    months = round(days / 30.4)
    if months < 12:
        return f"over about {_n(months)} months"
    years = round(days / 365)
    return "over about a year" if years <= 1 else f"over about {_n(years)} years"
