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
    ("she has not been back since 2 April.", "she has not been back since [date]."),
    ("Her birthday is on 19 May and", "Her birthday is on [date] and"),
    ("finish on 3rd February 2026.", "finish in 2026."),
    ("my break, 4 August to 18 August, and", "my break, [date], and"),
    ("Seen on 14/03/2026 again", "Seen in 2026 again"),
    ("logged 2026-03-14 at noon", "logged in 2026 at noon"),
    ("March 3rd was hard", "[date] was hard"),
    ("back on the 19th, she said", "back that day, she said"),
])
def test_dates_keep_the_year_at_most(text, expected):
    assert red(text) == expected


def test_dates_become_relative_with_a_reference():
    out = red("He turned up on 22 September.", reference_date=date(2025, 9, 1))
    assert out == "He turned up about three weeks later."


def test_weekdays_and_years_stay():
    text = "On a Tuesday in 2024, I dreaded Mondays."
    assert red(text) == text


@pytest.mark.parametrize("text,expected", [
    ("We met back in March, she said.", "We met back in [month], she said."),
    ("her birthday was in August.", "her birthday was in [month]."),
    ("turns 34 in august, and", "turns 30-something in [month], and"),
    ("since Aug. and before Nov", "since [month]. and before [month]"),
    ("way more than last oct. and in jan.", "way more than last [month]. and in [month]."),
    ("March was hard. So was mid-March.", "[month] was hard. So was mid-[month]."),
    ("until the end of October", "until the end of [month]"),
])
def test_a_month_alone_is_redacted(text, expected):
    assert red(text) == expected


@pytest.mark.parametrize("text", [
    "I may have to switch meetings.",
    "They march on the office; a march for peace.",
    "An august institution.",
    "Jan said she was tired.",
])
def test_words_that_are_also_months_stay(text):
    assert red(text) == text


@pytest.mark.parametrize("text,expected", [
    ("Last visit before Christmas.", "Last visit before [holiday]."),
    ("She used on Christmas Eve, then Boxing Day.", "She used on [holiday], then [holiday]."),
    ("since Easter Monday; the bank holiday weekend", "since [holiday]; the [holiday]"),
    ("over Thanksgiving and on the Fourth of July", "over [holiday] and on the [holiday]"),
    ("booked him for 8/15 and 04/03", "booked him for [date] and [date]"),
    ("invoices from 3/27, 4/3 and 4/10 all unpaid", "invoices from [date], [date] and [date] all unpaid"),
    ("emailed on Tues 14th; back Tue 30/1; since Sat 8/6.",
     "emailed on [date]; back [date]; since [date]."),
    ("drug court on 12/14 at nine", "drug court on [date] at nine"),
    ("a motorbike crash in '96", "a motorbike crash in [year]"),
])
def test_holidays_and_dates_without_a_year(text, expected):
    assert red(text) == expected


@pytest.mark.parametrize("text", [
    "pain on resisted knee flexion 3/10", "Headache 6/10 → 2/10", "22/40, first baby",
    "SLR 80/80", "glute med weak 4/5", "BP 160/105, protein in urine", "open 24/7",
    "Back flared again, 6/10",
])
def test_scores_and_fractions_are_not_dates(text):
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
    ("I met Tom, 67, retired bus driver", "I met Person A, in their 60s, retired bus driver"),
    ("first session w/ him (38, works at a bank)", "first session w/ him (in his 30s, works at a bank)"),
    ("home visit. 71, widower, retired", "home visit. In their 70s, widower, retired"),
    ("Mam is eighty-three and not well", "Mam is in their 80s and not well"),
    ("Ordinary fifteen-year-old life", "Ordinary teenage life"),
    ("He was twenty. He had", "He was in his 20s. He had"),
    ("she'll be sixteen soon", "she'll be in her teens soon"),
    ("their son died at 34 in a crash", "their son died in his 30s in a crash"),
    ("Her son Kieran (19) starts in Sept.", "Her son Person A (in his teens) starts in [month]."),
    ("She turns 58 in June.", "She turns 50-something in [month]."),
    ("a 23yo OD", "a 20-something OD"),
    ("he is in his 90s now", "he is over 89 now"),
    ("It would have been her 80th on Sunday", "It would have been her milestone birthday on [day]"),
])
def test_ages_become_bands(text, expected):
    assert red(text) == expected
