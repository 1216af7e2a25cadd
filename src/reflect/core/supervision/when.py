"""Dates as a practitioner says them in conversation: "today", "on Tuesday", "on 3 November"."""

from __future__ import annotations

from datetime import date, datetime

_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve"]


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _ago(days: int) -> str:
    if days < 14:
        return f"{_WORDS[days]} days ago"
    if days < 60:
        weeks = round(days / 7)
        return f"{_WORDS[weeks] if weeks < len(_WORDS) else weeks} weeks ago"
    months = round(days / 30.4)
    if months < 12:
        return f"{_WORDS[months]} months ago" if months > 1 else "a month ago"
    return "over a year ago"


def relative_day(value: date | datetime, today: date) -> str:
    """'today', 'yesterday', 'Tuesday' (this past week), '3 November (three weeks ago)', or
    '3 November 2025 (over a year ago)'; a day still to come is named plainly."""
    day = _day(value)
    days = (today - day).days
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if 1 < days < 7:
        return day.strftime("%A")
    name = f"{day.day} {day.strftime('%B')}"
    if day.year != today.year:
        name += f" {day.year}"
    return f"{name} ({_ago(days)})" if days > 0 else name
