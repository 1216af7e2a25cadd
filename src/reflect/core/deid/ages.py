"""Ages: turned into a band ("She's 34" -> "She's in her 30s"; 90 and over -> "over 89").

An age is found by what stands around a number, written in digits or words ("eighty-three"):

- a subject and a verb: "she's 34", "Mam is eighty-three", "he was twenty", "she'll be sixteen";
- a verb of ageing or dying: "turns 34" (-> "turns 30-something"), "died at 34", "aged 60";
- a life event at an age: "diagnosed at 34", "married at 19", "widowed at 40";
- the practitioner's own age ("when I was 23", "I'm 45") and "they're 20";
- apposition: "Tom, 67, retired bus driver", "Deirdre, 58.", "(38, works at ...)", "Gerry (71)";
- a number opening a description: "... Pokorny. 71, widower, ...";
- "34-year-old", "a 23yo", "aged 93", "her 80th", "in his 90s";
- clinical shorthand: "34M", "F, 67" (-> "30s M", "F, 60s").
"""

from __future__ import annotations

import re

from . import lexicon
from .redaction import Redaction

_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
# number words from thirteen to ninety-nine (smaller ones are too often not ages: "she was one")
_WORD_NUMBER = (r"(?:(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(_UNITS) + r"))?|"
                + "|".join(_TEENS[3:]) + r")")
NUM = rf"(?:\d{{1,3}}|{_WORD_NUMBER})"

_NOT_AGE_UNIT = (
    r"(?!\s*(?:%|per\s*cent|days?|weeks?|months?|years?(?!\s+old)|yrs?(?!\s+old)|hours?|hrs?|"
    r"minutes?|mins?|seconds?|sessions?|times?|miles?|mi\b|km|kg|stone|st\b|lbs?|pounds?|quid|"
    r"p\b|am\b|pm\b|a\.m|p\.m|o'clock|units?|drinks?|pints?|cigarettes?|steps?|metres?|feet|ft|"
    r"people|clients?|of\b|out\s+of|/|:|\.\d|,\d|-\d|dollars|bucks|euro|cents?|grand|k\b|"
    r"mg|ml|bpm|degrees?))(?![a-z])"
)
AGE_SUBJECT_RE = re.compile(
    rf"\b(?P<who>he(?=s\s)|she(?=s\s)|he|she|they|who|I|[A-Z][a-z]+)(?:(?<=\bhe)s|(?<=\bshe)s|'s|’s|\s+is|\s+was|\s+will\s+be|['’]ll\s+be|"
    rf"(?<=\bthey)['’]re|(?<=\bI)['’]m|(?<=\bI)\s+am|\s+are|\s+were|"
    rf"\s+is\s+now|\s+was\s+only)\s+(?:only\s+|just\s+|now\s+)?"
    rf"(?P<n>{NUM})\b" + _NOT_AGE_UNIT, re.IGNORECASE)
AGE_AT_RE = re.compile(
    rf"(?:\b(?:died|passed(?:\s+away)?|killed|gone|lost\s+(?:him|her|them)|diagnosed|married|"
    rf"widowed|divorced|retired|emigrated|adopted|pregnant|sober|clean|orphaned|homeless|"
    rf"arrested|deported|disabled|paralysed|paralyzed|blind|deaf|left\s+school|left\s+home|"
    rf"came\s+out|transitioned|started\s+(?:using|drinking|school)|moved\s+(?:here|over))"
    rf"(?:\s+\w+){{0,3}}?\s+(?P<r>at\s+"
    rf"(?:only\s+|just\s+)?(?P<n>{NUM}))|\b(?P<r2>(?:at\s+the\s+age\s+of|aged|age|ages)\s+"
    rf"(?:only\s+|just\s+)?(?P<n2>{NUM})))\b" + _NOT_AGE_UNIT, re.IGNORECASE)
AGE_TURN_RE = re.compile(rf"\bturn(?:s|ed|ing)\s+(?:only\s+|just\s+)?(?P<n>{NUM})\b"
                         + _NOT_AGE_UNIT, re.IGNORECASE)
# "she has 41 years" (an age said as in many languages)
AGE_HAS_YEARS_RE = re.compile(
    rf"\b(?P<who>he|she|they|[A-Z][a-z]+)\s+(?P<r>(?:has|have|had)\s+(?P<n>{NUM})\s+(?:years?|yrs?))"
    rf"(?!\s+(?:of|in|at|with|experience|clean|sober|left|to|since|ago|old|now|married|together|"
    rf"here|there|on|off|without|working|in\s+the))\b", re.IGNORECASE)
AGE_WORD_RE = re.compile(
    rf"\b(?P<n2>{NUM})\s*(?:-|\s)?(?:years?|yrs?|yo|y/o)(?:[- ]old)?\b", re.IGNORECASE)
AGE_APPOSITIVE_RE = re.compile(r"(?<=[A-Za-z)]),\s+(?P<n>\d{1,3})(?:,|(?=[.;)]\s|\s[—–-]\s))")
AGE_PAREN_RE = re.compile(r"(?<=[A-Za-z])\s+\((?P<n>\d{1,3})(?:\)|,\s|;\s)")
# "... Pokorny. 71, widower" / "(24, grad student": a number opening a description of someone
AGE_OPENING_RE = re.compile(r"(?:(?<=[.;:(—–]\s)|(?<=\())(?P<n>1[3-9]|[2-9]\d|10\d),\s+(?=[a-z])")
AGE_AFTER_NAME_RE = re.compile(r"\b(?P<name>[A-Z][a-z]+)\s+(?P<n>1[3-9]|[2-9]\d|10\d)(?=[,;)]\s)")
# clinical shorthand: "34M", "67 F", "F, 67", "M 52"
AGE_SEX_RE = re.compile(r"\b(?P<n>1[3-9]|[2-9]\d|10\d)\s?(?P<s>[MF])\b(?![.'’]\w)"
                        r"|\b(?P<s2>[MF]),?\s?(?P<n2>1[3-9]|[2-9]\d|10\d)\b(?![:./]\d|\s*(?:mg|ml|%))")
_AFTER_PERSON_RE = re.compile(r"\s+(?P<n>1[3-9]|[2-9]\d|10\d)(?=[,;)]\s|\s+(?:years?|yrs?|yo)\b)")
ORDINAL_AGE_RE = re.compile(
    r"(?:(?<=['’]s )|(?<=\bhis )|(?<=\bher )|(?<=\bmy )|(?<=\bour )|(?<=\btheir ))"
    r"(?P<n>1[3-9]|[2-9]\d|1[01]\d)(?:st|nd|rd|th)\b"
    r"(?!\s+(?:time|session|week|day|floor|century|anniversary))"
    r"|\b(?P<n2>1[3-9]|[2-9]\d|1[01]\d)(?:st|nd|rd|th)\s+birthday\b")
NINETIES_RE = re.compile(r"\b(?:in\s+)?(?:his|her|their)\s+(?:late\s+|early\s+|mid[- ])?(?:9|10)0s\b"
                         r"|\b(?:9\d|1[01]\d)(?:st|nd|rd|th)\s+birthday\b", re.IGNORECASE)


def number_value(text: str) -> int:
    """ "34" -> 34, "eighty-three" -> 83, "sixteen" -> 16."""
    t = text.lower().replace("-", " ").split()
    if t[0].isdigit():
        return int(t[0])
    value = 0
    for word in t:
        if word in _TENS:
            value += 20 + 10 * _TENS.index(word)
        elif word in _TEENS:
            value += 10 + _TEENS.index(word)
        elif word in _UNITS:
            value += 1 + _UNITS.index(word)
    return value


def _pronoun(text: str, start: int, who: str | None = None, *, after_first: bool = False) -> str:
    w = (who or "")
    if w == "I":
        return "my"
    w = w.lower()
    if w in ("he", "she", "they"):
        return {"he": "his", "she": "her", "they": "their"}[w]
    title = re.search(r"\b(Mrs|Ms|Miss|Mr)\.?\s+[A-Z][\w'-]*,?\s*$", text[max(0, start - 40):start])
    if title:
        return "his" if title.group(1) == "Mr" else "her"
    noun = re.search(r"\b(son|brother|husband|father|dad|boyfriend|grandson|nephew|uncle|"
                     r"daughter|sister|wife|mother|mum|mom|girlfriend|granddaughter|niece|aunt)\b"
                     r"[\s\w'’(,-]{0,25}$", text[max(0, start - 40):start], re.IGNORECASE)
    if noun:  # "her son Kieran (19)" -> his
        return "her" if noun.group(1).lower() in ("daughter", "sister", "wife", "mother", "mum",
                                                  "mom", "girlfriend", "granddaughter", "niece",
                                                  "aunt") else "his"
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


def attributive(age: int) -> str:
    """An age before a noun: "a 34-year-old man" -> "a 30-something man"."""
    if age >= 90:
        return "90-plus-year-old"
    if age < 13:
        return "young"
    return "teenage" if age < 20 else f"{age // 10 * 10}-something"


def find_ages(text: str, after: list[int] | None = None) -> list[Redaction]:
    """Ages in ``text``; ``after`` holds where mentions of people end, for "Dale Hoffmeyer 67,"."""
    out: list[Redaction] = []

    def add(s: int, e: int, rep: str, conf: float) -> None:
        out.append(Redaction(s, e, text[s:e], rep, "age", conf))

    for m in AGE_SUBJECT_RE.finditer(text):
        n = number_value(m.group("n"))
        if 0 < n <= 115:
            add(m.start("n"), m.end("n"), band(n, _pronoun(text, m.start("n"), m.group("who"))),
                0.85)
    for m in AGE_HAS_YEARS_RE.finditer(text):
        n = number_value(m.group("n"))
        if 13 <= n <= 115:
            verb = "was" if m.group("r").lower().startswith("had") else "is"
            pron = _pronoun(text, m.start("r"), m.group("who"))
            add(m.start("r"), m.end("r"), f"{verb} {band(n, pron)}", 0.75)
    for m in AGE_AT_RE.finditer(text):  # "died at 34" -> "died in his 30s", "aged 93" -> "over 89"
        r = "r" if m.group("r") else "r2"
        n = number_value(m.group("n") or m.group("n2"))
        if 0 < n <= 115:
            add(m.start(r), m.end(r), band(n, _pronoun(text, m.start(r))), 0.85)
    for m in AGE_TURN_RE.finditer(text):  # "turns 34" -> "turns 30-something"
        n = number_value(m.group("n"))
        if 0 < n <= 115:
            add(m.start("n"), m.end("n"), attributive(n) if n >= 13 else "a year older", 0.85)
    for m in AGE_WORD_RE.finditer(text):
        whole = m.group()
        if not re.search(r"old|yo|y/o", whole, re.IGNORECASE):
            continue  # "9 years" is a duration, not an age
        n = number_value(m.group("n2"))
        if not 0 < n <= 115:
            continue
        before = text[max(0, m.start() - 4):m.start()]
        if "-" in whole and whole.lower().endswith("old") or re.search(r"\ban?\s+$", before,
                                                                       re.IGNORECASE):
            rep = attributive(n)
            if not re.match(r"\s+[a-z]", text[m.end():m.end() + 2]) or re.match(
                    r"\s+(?:was|is|had|has|said|who|came|and|with|in|at|on)\b",
                    text[m.end():m.end() + 8]):  # "the fourteen-year-old was" -> a noun
                rep = {"young": "child", "teenage": "teenager"}.get(rep, rep)
        else:
            rep = band(n, _pronoun(text, m.start()))
        add(m.start(), m.end(), rep, 0.9)
    for rx, conf in ((AGE_APPOSITIVE_RE, 0.75), (AGE_PAREN_RE, 0.75), (AGE_OPENING_RE, 0.7)):
        for m in rx.finditer(text):
            n = int(m.group("n"))
            closed = m.group().endswith((",", ")")) and rx is not AGE_OPENING_RE  # "Tom, 6,"
            if n > 115 or n < 13 and not closed:
                continue
            add(m.start("n"), m.end("n"), band(n, _pronoun(text, m.start("n"), after_first=True)),
                conf)
    for end in after or []:
        m = _AFTER_PERSON_RE.match(text, end)
        if m:
            n = int(m.group("n"))
            add(m.start("n"), m.end("n"), band(n, _pronoun(text, m.start("n"), after_first=True)),
                0.75)
    for m in AGE_AFTER_NAME_RE.finditer(text):
        name = m.group("name")
        if name in lexicon.first_names() or name in lexicon.surnames():
            n = int(m.group("n"))
            add(m.start("n"), m.end("n"), band(n, _pronoun(text, m.start("n"), after_first=True)),
                0.7)
    for m in AGE_SEX_RE.finditer(text):
        sex = m.group("s") or m.group("s2")
        decade = "over 89" if int(m.group("n") or m.group("n2")) >= 90 else \
            band(int(m.group("n") or m.group("n2")), "x").replace("in x ", "")
        if m.group("n"):  # "34M" -> "30s M"
            add(m.start(), m.end(), f"{decade} {sex}", 0.75)
        else:  # "F, 67" -> "F, 60s"
            add(m.start("n2"), m.end("n2"), decade, 0.75)
    for m in ORDINAL_AGE_RE.finditer(text):
        n = int(m.group("n") or m.group("n2"))
        add(m.start(), m.end(), "milestone birthday" if n % 10 == 0 else "birthday", 0.85)
    for m in NINETIES_RE.finditer(text):
        rep = "milestone birthday" if "birthday" in m.group().lower() else "over 89"
        add(m.start(), m.end(), rep, 0.9)
    return out
