"""Words that date a session without a full date: months, holidays, day-and-month without a year.

Following the Safe Harbor rule that every date element finer than the year identifies:

- a month named alone ("back in March", "since Aug", lowercase "in august", "last oct") becomes
  ``[month]``; words that are also months ("may", "march", "August" the adjective, "Jan" the
  name) only where the words around them say a month is meant;
- a holiday ("Christmas Eve", "Easter Monday", "Thanksgiving", "the bank holiday") ``[holiday]``
  (a season of observance that shapes the work, such as Ramadan or Lent, stays);
- a day and month without a year ("8/15", "Sat 8/6", "Tues 14th", "on 12/14") ``[date]``, but a
  score or a fraction ("pain 3/10", "33/40", "24/7") stays;
- a two-digit year ("in '96") ``[year]``;
- a weekday that pins one day ("on Saturday", "died Sunday", "Monday's the agency's call",
  "11am Sat", "on the Tues", "Tues+Fri") ``[day]``; a weekday said of any week stays ("every
  Sunday", "a year of Thursdays", "dreading Mondays", "your ideal Tuesday", "Sunday-night"),
  and "Sat" or "Sun" only where a day is meant ("Sat in the car" stays);
- a season of a given year ("last fall", "this summer") ``[season]``.
"""

from __future__ import annotations

import re

from .redaction import Redaction

_FULL = r"January|February|March|April|May|June|July|August|September|October|November|December"
_ABBR = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
# a cue that a month follows: "in", "since", "last", "mid-", "the end of" ...
_CUE = (r"(?:\b(?:in|since|from|until|till|til|by|for|before|after|during|through|over|last|next|"
        r"this|early|late|mid|end\s+of|start\s+of|beginning\s+of|middle\s+of|back\s+to|every|each|"
        r"around|about)\s+|\bmid-)")
_CUED_MONTH = re.compile(rf"(?i:{_CUE})(?P<m>(?i:{_FULL}|{_ABBR}))\b(?!['’]\w|-\w)")
_CAPITAL_MONTH = re.compile(
    rf"\b(?P<m>(?:{_FULL.replace('May|', '').replace('March|', '').replace('August|', '')})"
    rf"|(?:Feb|Sept?|Oct|Nov|Dec))(?!\w)")
# lowercase month names that are no other word ("october was quiet")
_LOWER_MONTH = re.compile(r"\b(?P<m>january|february|april|june|july|september|october|november|"
                          r"december)\b")
# "March was hard", "August." — a capitalised ambiguous month with a date-like neighbour
_AMBIGUOUS = re.compile(r"\b(?P<m>March|May|August|Jan|Mar|Apr|Jun|Jul|Aug)\b"
                        r"(?=\s+(?:\d|was|is|has|had|always|never|every|again|then|came|went|"
                        r"will|onwards|on\b|last|next|this)|\s*[,.;:!?]\s*(?:\n|$|[A-Z]))")
_NOT_A_MONTH_AFTER = re.compile(r"\s*(?:I\b|we\b|you\b|he\b|she\b|they\b|it\b|be\b|have\b|"
                                r"not\b|want|need|ask|say|get|go|come|take|the\s+\w+\s+be)",
                                re.IGNORECASE)

_HOLIDAY = re.compile(
    r"(?:\b(?:the|a|this|last|next)\s+)?"
    r"\b(?:(?:Christmas(?:es)?|Xmas|X-mas)(?:\s+(?:Eve|Day|Morning|Night|Dinner))?|Boxing\s+Day"
    r"|New\s+Year['’]?s?(?:\s+(?:Eve|Day))?|Hogmanay|Easter(?:\s+(?:Sunday|Monday|Weekend|"
    r"Holidays?|Break))?|Good\s+Friday|Holy\s+Week|Shrove\s+Tuesday|Pancake\s+Day"
    r"|Thanksgiving(?:\s+(?:Day|Weekend|Dinner))?|Halloween|Hallowe['’]en|Bonfire\s+Night"
    r"|Guy\s+Fawkes(?:\s+Night)?|Valentine['’]?s(?:\s+Day)?|Mother['’]?s\s+Day|Father['’]?s\s+Day"
    r"|Mothering\s+Sunday|Memorial\s+Day|Labou?r\s+Day|Independence\s+Day|Fourth\s+of\s+July"
    r"|(?:the\s+)?4th\s+of\s+July|July\s+(?:4th|Fourth)|St\.?\s+Patrick['’]?s(?:\s+Day)?"
    r"|Paddy['’]?s\s+Day|Burns\s+Night|Diwali|Hanukk?ah|Chanukah|Passover|Rosh\s+Hashanah"
    r"|Yom\s+Kippur|Eid(?:\s+al-\w+)?|Vaisakhi|Holi|Black\s+Friday|Cyber\s+Monday"
    r"|Super\s+Bowl(?:\s+Sunday)?|Remembrance\s+(?:Day|Sunday)|Veterans\s+Day|Presidents['’]?\s+Day"
    r"|MLK\s+Day|Juneteenth|Groundhog\s+Day|May\s+Day|(?:Canada|Australia|Anzac|Waitangi|"
    r"Heritage|Freedom|Youth|Human\s+Rights|Reconciliation|Victoria|Family|Civic|Bastille|"
    r"Columbus|Patriots['’]?|Armistice|Saint\s+Jean-Baptiste|St\.?\s+(?:Andrew|David|George)"
    r"['’]?s|International\s+Women['’]?s|Women['’]?s|Workers['’]?|Republic|Unity|Day\s+of\s+"
    r"the\s+Dead)\s+Day|(?:King|Queen)['’]?s\s+Birthday(?:\s+(?:weekend|holiday))?|Matariki|"
    r"(?:Lunar|Chinese)\s+New\s+Year|Vesak|Navratri|Purim|Sukkot|Shavuot|Lag\s+B['’]?Omer|"
    r"Ramadan\s+Eid|Eid\s+(?:al-)?(?:Fitr|Adha)|(?:August\s+|May\s+|spring\s+|summer\s+)?"
    r"[Bb]ank\s+[Hh]oliday(?:\s+(?:Monday|weekend))?)\b(?!['’]s\s+[a-z])")
_LOWER_HOLIDAY = re.compile(r"\b(?:christmas|xmas|thanksgiving|easter|halloween|new\s+year['’]?s|"
                            r"(?:labou?r|memorial|boxing|independence|veterans|presidents['’]?|"
                            r"mother['’]?s|father['’]?s|valentine['’]?s|st\.?\s+patrick['’]?s|"
                            r"paddy['’]?s)\s+day|fourth\s+of\s+july|4th\s+of\s+july|"
                            r"bank\s+holiday)(?:\s+(?:eve|day|weekend|monday))?\b")

_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Weds|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day)?\.?"
_WEEKDAY_DATE = re.compile(
    rf"\b(?i:{_WEEKDAY})\s+(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)\b|\d{{1,2}}[/.]\d{{1,2}}\b"
    rf"(?![/.]\d))", )
_DAY_MONTH = re.compile(r"(?<![\w/.£$€%:-])(?P<a>\d{1,2})(?:/(?P<b>\d{1,2})|\.(?P<b2>\d\d))"
                        r"(?![\w/%]|\.\d|-\d|\s*(?:mg|ml|kg|km|miles?|hours?|hrs?|%|pm|am))")
_DATE_CUE = re.compile(r"(?i:\b(?:on|from|since|until|till|til|by|for|before|after|due|is|was|"
                       r"seen|f/u|follow-up|followup|appt|review|reviewed|dob|d\.o\.b\.?|"
                       r"admitted|discharged|scheduled|next|last|"
                       r"'s|’s|dated|booked|court|hearing|appointment)\s*)$")
_ORDINAL_DAY = re.compile(r"\b(?i:on|by|from|since|until|till|before|after|the)\s+"
                          r"(?P<d>(?:[12]\d|3[01]|[1-9])(?:st|nd|rd|th))\b"
                          r"(?!\s+(?:of\b|floor|century|time|session|week|birthday|anniversary|"
                          r"place|attempt|go|try|day|round|visit|street|st\b|avenue|ave\b|"
                          r"percentile|grade|year|class|step|chapter|draft|one|person|client|"
                          r"hole|lap|birthday|of\s+(?:his|her|their|my)|and\s+final))")
_SHORT_YEAR = re.compile(r"(?<![\w'’])['’](?P<y>\d\d)(?![\w'’]|\.\d)")


# "hasn't paid March", "kept my Jan clear": a capitalised month that is also a word or a name,
# inside a sentence (not opening one), is the month
_MID_SENTENCE = re.compile(r"(?<=[a-z,] )(?P<m>March|August|Jan|Mar|Apr|Jun|Jul|Aug)\b(?!['’]\w)")


def find_months(text: str) -> list[Redaction]:
    out: dict[tuple[int, int], Redaction] = {}
    for rx in (_CUED_MONTH, _CAPITAL_MONTH, _LOWER_MONTH, _AMBIGUOUS, _MID_SENTENCE):
        for m in rx.finditer(text):
            word = m.group("m")
            s, e = m.start("m"), m.end("m")
            if word.lower().rstrip(".") in ("may", "march", "august", "jan", "mar") \
                    and not _month_like(text, s, e, word):
                continue
            out[(s, e)] = Redaction(s, e, word, "[month]", "date", 0.85)
    return list(out.values())


def _month_like(text: str, s: int, e: int, word: str) -> bool:
    """Is an ambiguous word ("may", "march", "August", "Jan") a month here?"""
    low = word.lower().rstrip(".")
    if word == "may" and _NOT_A_MONTH_AFTER.match(text, e):
        return False  # "in may I say", "may have to"
    if low == "march" and re.match(r"\s+(?:on|to|in|out|up|down|off|into|through)\b", text[e:]):
        return False  # "march on", "march to the office"
    if low == "jan" and re.match(r"\s+(?:said|says|told|asked|came|rang|and)\b", text[e:]):
        return False  # "Jan said": a person
    before = text[max(0, s - 20):s]
    return not re.search(r"\b(?:a|an|the)\s+$", before, re.IGNORECASE)  # "the march", "an august"


def find_holidays(text: str) -> list[Redaction]:
    out = []
    for rx in (_HOLIDAY, _LOWER_HOLIDAY):
        for m in rx.finditer(text):
            s = m.start()
            lead = re.match(r"(?:the|a|this|last|next)\s+", m.group(), re.IGNORECASE)
            if lead and lead.group().lower().startswith(("the", "a ")):
                s += len(lead.group())  # "the bank holiday" -> "the [holiday]"
            out.append(Redaction(s, m.end(), text[s:m.end()], "[holiday]", "date", 0.85))
    return out


def find_short_dates(text: str) -> list[Redaction]:
    """Day and month without a year, weekday dates, "on the 14th"-style days, years like '96."""
    out = []
    for m in _WEEKDAY_DATE.finditer(text):
        out.append(Redaction(m.start(), m.end(), m.group(), "[date]", "date", 0.9))
    found: list[tuple[int, int]] = []
    for m in _DAY_MONTH.finditer(text):
        a, b = int(m.group("a")), int(m.group("b") or m.group("b2"))
        if not (a and b and (a <= 12 and b <= 31 or b <= 12 and a <= 31)):
            continue
        found.append((m.start(), m.end()))
    accepted: set[tuple[int, int]] = set()
    for s, e in found:
        if _DATE_CUE.search(text[max(0, s - 14):s]) and not _looks_like_score(text, s, e):
            accepted.add((s, e))
    changed = True
    while changed:  # "from 3/27, 4/3 and 4/10": a list of dates shares its first one's cue
        changed = False
        for i, (s, e) in enumerate(found):
            if (s, e) in accepted:
                continue
            near = [found[j] for j in (i - 1, i + 1) if 0 <= j < len(found)]
            if any(n in accepted and re.fullmatch(r",?\s*(?:and|or|,)?\s*",
                                                  text[min(e, n[1]):max(s, n[0])]) for n in near):
                accepted.add((s, e))
                changed = True
    for s, e in sorted(accepted):
        out.append(Redaction(s, e, text[s:e], "[date]", "date", 0.8))
    for m in _ORDINAL_DAY.finditer(text):
        out.append(Redaction(m.start("d"), m.end("d"), m.group("d"), "[date]", "date", 0.75))
    for m in _SHORT_YEAR.finditer(text):
        out.append(Redaction(m.start(), m.end(), m.group(), "[year]", "date", 0.8))
    return out


def _looks_like_score(text: str, s: int, e: int) -> bool:
    """"pain 3/10", "rated it 4/5", "→ 2/10": a score, not a date."""
    denominator = re.split(r"[/.]", text[s:e])[-1]
    before = text[max(0, s - 30):s].lower()
    return denominator in ("5", "10") and bool(
        re.search(r"(?:pain|score|scored|rated?|rating|level|scale|vas|nrs|mood|anxiety|"
                  r"stress|→|->|out\s+of)\W*\w*\W*$", before))


_DAY_NAME = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_DAY_ABBR = r"(?:Mon|Tue|Tues|Wed|Weds|Thu|Thur|Thurs|Fri|Sat|Sun)"
_WEEKDAY_WORD = re.compile(
    rf"(?<![\w-])(?P<d>(?i:{_DAY_NAME})|{_DAY_ABBR}(?=\.?(?:[\s,;:+/)!?]|$)))(?P<pl>s)?(?![\w-])"
    r"(?P<poss>['’]s)?")
# before the day: a word that makes it any such day, not one day
_ANY_DAY_BEFORE = re.compile(
    r"\b(?:every|each|any|a|an|ideal|typical|usual|normal|average|perfect|good|bad|most|some|"
    r"other|of|on\s+a|what|which|many|all)\s+$", re.IGNORECASE)
# before an abbreviated day: what says a day is meant ("on Sat", "11am Sat", "noon Mon", "Tues/")
_ABBR_CUE_BEFORE = re.compile(
    r"(?:\b(?:on|this|last|next|that|by|from|til|till|until|since|before|after|the|each|every)"
    r"\s+|\b\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm|h)\s+|\b(?:noon|midnight|arvo|morning|evening|night|afternoon)\s+|[+/&,]\s*)$",
    re.IGNORECASE)
_ABBR_CUE_AFTER = re.compile(
    r"\s*(?:[+/&]\s*" + _DAY_ABBR + r"|\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm)|(?:morning|night|"
    r"arvo|eve|evening|afternoon|am|pm)\b)")
_SEASON = re.compile(r"\b(?:last|this|next|that|early|late)\s+(?:spring|summer|autumn|fall|"
                     r"winter)\b(?!\s+(?:term|semester|school|camp|clothes|coat|holidays?\s+"
                     r"club))", re.IGNORECASE)


def find_weekdays(text: str) -> list[Redaction]:
    """Weekdays that pin a day (``[day]``), and seasons of a given year (``[season]``)."""
    out = []
    for m in _WEEKDAY_WORD.finditer(text):
        day = m.group("d")
        s, e = m.start("d"), m.end("pl") if m.group("pl") else m.end("d")
        before = text[max(0, s - 30):s]
        abbreviated = not day.lower().endswith("day")
        if abbreviated:
            if not (_ABBR_CUE_BEFORE.search(before) or _ABBR_CUE_AFTER.match(text, m.end())):
                continue  # "Sat in the car", "the Sun newspaper"
            if re.search(r"\b(?:the|a)\s+$", before, re.IGNORECASE) \
                    and not re.match(r"[\s,.;]", text[e:e + 1] or " "):
                continue
        if re.match(r"\s+(?:(?:only\s+)?(?:every|each)\b|[a-z]+s\b(?<!\bis)(?<!\bwas)"
                    r"(?<!\bhas)(?<!\bdoes))", text[e:e + 24]) and not abbreviated:
            continue  # "Saturday visits", "Saturday only every second week": a standing day
        if m.group("pl"):  # "Thursdays": only a standing day ("on Thursdays", "Tues+Fri")
            if not re.search(r"\bon\s+$", before, re.IGNORECASE):
                continue
        elif _ANY_DAY_BEFORE.search(before) and not re.search(r"\bon\s+a\s+$", before):
            continue  # "every Sunday", "your ideal Tuesday"
        if re.match(r"[-–](?:\w)", text[e:e + 2]) or (s and text[s - 1] in "-–"):
            continue  # "Sunday-night", "Sunday-through-Thursday"
        out.append(Redaction(s, e, text[s:e], "[day]", "date", 0.8))
    for m in _SEASON.finditer(text):
        out.append(Redaction(m.start(), m.end(), m.group(), "[season]", "date", 0.75))
    return out


def find_all(text: str) -> list[Redaction]:
    return find_months(text) + find_holidays(text) + find_short_dates(text) + find_weekdays(text)
