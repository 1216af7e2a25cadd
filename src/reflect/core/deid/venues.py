"""Places named with everyday words, and identifiers with a cue: the venues a writer takes for
granted ("we both drank in the Anchor", "she was taken to the Ridge", "the General").

- An everyday word capitalised in mid-sentence is used as a name: "the Anchor", "the Y",
  "Crossroads does", "on Cedar", "Biscuit barking", "the Bluebell carers".  Words that are
  capitalised for other reasons stay (religion: "the Mass"; "the Internet"; titles; months and
  weekdays; acronyms; a sentence's first word).
- An acronym after a place or work cue ("in CUH", "at UCC", "studying at NYU"), unless it is one
  a practitioner uses for a service or a method (GP, A&E, ICU, CBT, ...).
- A numbered route, local or ward ("Local 313", "Route 20", "Exit 4").
- A code a door, key safe or phone opens with ("the code in May — 4471").
"""

from __future__ import annotations

import re

from . import lexicon
from .redaction import Redaction
from .tokens import Token

# Capitalised for reasons other than naming a place, person or group.
SAFE_WORDS = {
    "mass", "communion", "confession", "rosary", "sabbath", "scripture", "scriptures", "gospel",
    "gospels", "bible", "lord", "heaven", "hell", "holy", "spirit", "prophet", "church", "pope",
    "internet", "web", "earth", "moon", "sun", "universe", "government", "state",
    "parliament", "congress", "senate", "police", "army", "navy", "cabinet",
    "client", "practitioner", "therapist", "supervisor", "session", "note", "notes", "plan",
    "step", "steps", "programme", "program", "unit", "ward", "dept", "department",
    "left", "right", "ok", "okay", "yes", "no", "not", "very", "really",
    "description", "feelings", "evaluation", "analysis", "conclusion", "action",
}
_CUE_BEFORE = re.compile(
    r"\b(?:in|at|to|from|into|near|past|outside|behind|opposite|round|around|toward|towards|"
    r"via|down|up|on|off|leaving|left|walking|walk|walks|visit|visited|visiting|drank|drink|"
    r"drinking|attends|attended|attending|joined|join|admitted\s+to|discharged\s+from|"
    r"transferred\s+to|referred\s+(?:from|to|by)|studying\s+at|student\s+at|works?\s+at|"
    r"working\s+at)\s+(?:the\s+)?$", re.IGNORECASE)
_ACRONYM = re.compile(
    r"\b(?:in|at|from|to|into|outside|attends?|attended|attending|studying\s+at|student\s+at|"
    r"works?\s+(?:at|for)|working\s+(?:at|for)|admitted\s+to|discharged\s+from|transferred\s+to|"
    r"referred\s+(?:from|to|by)|nurse\s+at|ward\s+at|staff\s+at)\s+(?:the\s+)?"
    r"(?P<a>[A-Z]{3,6})\b(?!['’]?s?\s+[a-z]+\s+(?:therapy|treatment|session|group|work|skills))")
# Acronyms for services, methods and conditions: never a place that identifies.
SAFE_ACRONYMS = {
    "gp", "gps", "a&e", "er", "ed", "icu", "hdu", "nicu", "picu", "ot", "pt", "slt", "cbt", "dbt",
    "act", "emdr", "cat", "ifs", "mbct", "mbsr", "ipt", "cft", "sfbt", "tf-cbt", "ptsd", "cptsd",
    "adhd", "asd", "ocd", "bpd", "eupd", "gad", "mdd", "aa", "na", "ca", "smart", "nhs",
    "hse", "va", "ems", "ama", "ama's", "dwp", "hmrc", "irs", "dmv", "ssa", "ssi", "ssdi", "snap",
    "wic", "cps", "dcfs", "dss", "cafcass", "camhs", "iapt", "cmht", "crht", "hr", "eap", "ceo",
    "mri", "ct", "ecg", "ekg", "bp", "uti", "copd", "ibs", "ms", "mnd", "als", "hiv",
    "aids", "bsl", "asl", "isl", "zoom", "covid", "rehab", "detox", "iop", "php", "mat", "moud",
    "cprs", "cadc", "lcsw", "lpc", "bacp", "ukcp", "iacp", "nasw", "apa", "bps", "hcpc", "cqc",
    "ofsted", "dbs", "pvg", "gdpr", "hipaa", "ciwa", "cows", "bac", "dui", "dwi", "owi", "po",
    "pcp", "ob", "obgyn", "ent", "gi", "dr", "mr", "mrs", "tv", "usa", "uk", "eu", "us",
}
NUMBERED_PLACE = re.compile(
    r"\b(?:Local|Route|Rte|Highway|Hwy|Interstate|Exit|Junction|Precinct|District|Pier|Lot|Zone)"
    r"\s+\d{1,4}[A-Z]?\b")
CODE_NUMBER = re.compile(
    r"\b(?i:code|pin|passcode|password|combination|key\s*safe|lockbox|door\s+code)\b"
    r"[^.\n\d]{0,24}?(?P<n>\b\d{3,8}\b)")


def is_safe_word(word: str) -> bool:
    return word.lower() in SAFE_WORDS or lexicon.is_language_or_demonym(word)


def proper_use(text: str, tok: Token, before: str) -> Redaction | None:
    """An everyday word capitalised in mid-sentence, used as a place's or a group's name."""
    b = tok.base
    low = b.lower()
    if tok.sentence_start or is_safe_word(b) or low in lexicon.SAFE_CAPITALISED \
            or tok.is_title or tok.all_caps or lexicon.is_month(b) or lexicon.is_weekday(b) \
            or b in lexicon.proper_words() or b in lexicon.regions():
        return None
    if re.search(r"[\"“‘'(\[]\s*$", before) or _title_case_line(text, tok):
        return None  # a quoted title or a heading: "the 'Anchor' metaphor", "Action Plan"
    if re.match(r"[ \t]+[A-Z]", text[tok.end:tok.end + 2]) \
            or re.search(r"[A-Z][\w'’-]*[ \t]+$", before):
        return None  # a word of a longer name, judged with it ("the Good Samaritan law")
    the = re.search(r"\bthe\s+$", before, re.IGNORECASE)
    cue = _CUE_BEFORE.search(before)
    conf = 0.65 if the or cue else 0.55
    end = tok.end if tok.text.endswith("'") and not tok.text.endswith("s'") else tok.base_end
    if the or cue:
        return Redaction(tok.start, end, text[tok.start:end], "[place]", "place", conf)
    return Redaction(tok.start, end, text[tok.start:end], "[name]", "name", conf)  # "Biscuit"


def capitalises_common_words(tokens: list[Token]) -> bool:
    """Does the writer capitalise everyday words as a habit (as German does its nouns)?

    Then a capitalised word in mid-sentence says nothing about a name.  In the journals Reflect
    was built on, at most about 5 in 100 words are everyday words capitalised mid-sentence
    (names that are words included); a habit shows as far more."""
    words = [t for t in tokens if t.text != "&"]
    if len(words) < 20:
        return False
    capitalised = sum(1 for t in words if t.capitalised and not t.sentence_start
                      and not t.all_caps and not t.is_title and lexicon.is_word(t.base)
                      and not is_safe_word(t.base) and not lexicon.is_month(t.base)
                      and not lexicon.is_weekday(t.base)
                      and t.lower not in lexicon.SAFE_CAPITALISED)
    return capitalised >= 5 and capitalised > 0.08 * len(words)


def _title_case_line(text: str, tok: Token) -> bool:
    """Is the word in a line written in Title Case (a heading), not in a sentence?"""
    start = max(text.rfind("\n", 0, tok.start) + 1, tok.start - 120)
    end = text.find("\n", tok.end, tok.end + 120)
    line = text[start:end if end >= 0 else min(len(text), tok.end + 120)]
    words = re.findall(r"[A-Za-z][\w'’-]*", line)
    if len(words) < 2:
        return False
    capitals = sum(w[0].isupper() for w in words)
    return capitals / len(words) > 0.6


def single_letter_venue(text: str) -> list[Redaction]:
    """"going to the Y": a one-letter name after a place cue (not L/R/A/I, sides and words)."""
    out = []
    for m in re.finditer(r"\b(?:to|at|from|in|near|outside)\s+the\s+(?P<v>[B-HJ-KM-QS-Z])\b"
                         r"(?![.'’-]\w)", text):
        out.append(Redaction(m.start("v"), m.end("v"), m.group("v"), "[place]", "place", 0.6))
    return out


def find_all(text: str) -> list[Redaction]:
    out = single_letter_venue(text)
    for m in _ACRONYM.finditer(text):
        a = m.group("a")
        if a.lower() not in SAFE_ACRONYMS and a.lower() not in lexicon.SAFE_CAPITALISED:
            out.append(Redaction(m.start("a"), m.end("a"), a, "[organisation]", "organisation",
                                 0.6))
    for m in NUMBERED_PLACE.finditer(text):
        out.append(Redaction(m.start(), m.end(), m.group(), "[place]", "place", 0.75))
    for m in CODE_NUMBER.finditer(text):
        out.append(Redaction(m.start("n"), m.end("n"), m.group("n"), "[number]", "number", 0.8))
    return out
