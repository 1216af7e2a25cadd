"""Identifiers with a shape, and dates, times and ages."""

from datetime import date

import pytest

from reflect.core.deid import deidentify


def red(text, **kw):
    return deidentify(text, [], **kw).text


@pytest.mark.parametrize("phone", [
    "07700 900155", "07700900155", "+44 7700 900418", "+44 (0)121 496 0321", "(0121) 496-0999",
    "020 7946 0958", "(555) 123-4567", "555-123-4567", "555.123.4567", "+1 415 555 2671",
    "555-1234", "0033 1 23 45 67 89",
])
def test_phone_numbers_in_many_formats(phone):
    out = red(f"Her number is {phone} now.")
    assert out == "Her number is [phone] now.", out


@pytest.mark.parametrize("text,expected", [
    ("mail dee.w+x@example.co.uk today", "mail [email] today"),
    ("see https://example.org/a?b=1.", "see [link]."),
    ("see www.lunayoga.co.uk and mysite.com", "see [link] and [link]"),
    ("her insta is @grace_lou99", "her insta is [handle]"),
    ("postcode LS6 2QT.", "postcode [postcode]."),
    ("at 14 Carrow Road today", "at [address] today"),
    ("Flat 3, 14 Carrow Road", "[address]"),
    ("case number CN-448812 here", "case number [number] here"),
    ("account 12345678 closed", "account [number] closed"),
    ("NI number QQ123456C", "NI number [number]"),
    ("licence no. DL 4455 22", "licence no. [number]"),
])
def test_contact_and_number_shapes(text, expected):
    out = red(text)
    assert out.replace("[phone]", "[number]") == expected.replace("[phone]", "[number]"), out


def test_us_zip_code():
    out = red("She moved to Austin, TX 78701 last year.")
    assert "78701" not in out and "Austin" not in out and "[ZIP]" in out


def test_money_and_counts_survive():
    text = "We agreed £35 instead of £55. He's 164 days sober and 9 years clean; ran 20 minutes over."
    assert red(text) == text


@pytest.mark.parametrize("text,expected", [
    ("she has not been back since 2 April.", "she has not been back since April."),
    ("Her birthday is on 19 May and", "Her birthday is in May and"),
    ("finish on 3rd February 2026.", "finish in February 2026."),
    ("my break, 4 August to 18 August, and", "my break, in August, and"),
    ("Seen on 14/03/2026 again", "Seen in March 2026 again"),
    ("logged 2026-03-14 at noon", "logged in March 2026 at noon"),
    ("March 3rd was hard", "In March was hard"),
    ("back on the 19th, she said", "back that day, she said"),
])
def test_dates_become_months(text, expected):
    assert red(text) == expected


def test_dates_become_relative_with_a_reference():
    out = red("He turned up on 22 September.", reference_date=date(2025, 9, 1))
    assert out == "He turned up about three weeks later."


def test_months_weekdays_and_years_stay():
    text = "In March, on a Tuesday in 2024, I dreaded Mondays."
    assert red(text) == text


def test_clock_time_becomes_part_of_day():
    assert red("He signed the form at 11:40.") == "He signed the form in the late morning."
    assert red("at 1am") == "at 1am"


@pytest.mark.parametrize("text,expected", [
    ("She's 34, does payroll", "She's in her 30s, does payroll"),
    ("He is 52 and", "He is in his 50s and"),
    ("with Niamh, 23, who works nights; she said", "with Person A, in her 20s, who works nights; she said"),
    ("her daughter, who's 10.", "her daughter, who's a child."),
    ("a 34-year-old man", "a 30-something man"),
    ("now aged 93 and", "now over 89 and"),
    ("he is in his 90s now", "he is over 89 now"),
    ("It would have been her 80th on Sunday", "It would have been her milestone birthday on Sunday"),
])
def test_ages_become_bands(text, expected):
    assert red(text) == expected
