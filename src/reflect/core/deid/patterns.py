"""Identifiers with a shape: emails, URLs, handles, phone numbers, postcodes, addresses, numbers.

Permissive on purpose: a number that merely looks like a phone number is still redacted (with a
lower confidence), because a practitioner can restore it in review but cannot un-share a brief.
"""

from __future__ import annotations

import re

import phonenumbers

from .redaction import Redaction

EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL_RE = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"')\]]+"
    r"|(?<![@\w.])(?:[\w-]+\.)+(?:com|org|net|info|biz|io|me|app|co\.uk|org\.uk|ac\.uk|gov\.uk|"
    r"nhs\.uk|uk|ie|us|ca|au|nz|de|fr|eu|za|in|tv|gg|ly|be|to|link|site|online|blog|shop|store)"
    r"(?:/[^\s<>\"')\]]*)?(?![\w@])"
    r"|(?<![@\w.])(?:[\w-]+\.)+[a-z]{2,6}/[^\s<>\"')\]]+",  # any host with a path: "bit.ly/3xYz"
    re.IGNORECASE,
)
HANDLE_RE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,29}[A-Za-z0-9_])?")
PHONE_RE = re.compile(
    r"(?<![\w£$€.,/:])(?:\+\s?\d{1,3}[\s.-]?)?(?:\(0?\d{1,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){0,4}"
    r"(?![\w%:/]|\.\d|,\d)"
)
UK_POSTCODE_RE = re.compile(r"\b(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})\b", re.IGNORECASE)
US_ZIP_RE = re.compile(r"(?:\b[A-Z]{2}|\bZIP(?: code)?:?)\s+(\d{5}(?:-\d{4})?)\b")
STREET = (
    r"(?:Road|Rd|Street|Lane|Ln|Avenue|Ave|Close|Drive|Way|Crescent|Cres|Court|Ct|Place|Pl|"
    r"Terrace|Gardens|Grove|Hill|Row|Walk|Mews|Square|Sq|Boulevard|Blvd|Parade|Rise|View|Wharf|"
    r"Circle|Highway|Hwy|Broadway|Embankment|Esplanade|Promenade)"
)
_CAPWORD = r"[A-Z][\w'’-]*"
ADDRESS_RE = re.compile(
    r"(?:\b(?:Flat|Apartment|Apt|Unit|Suite|Room)\s+\d+[A-Za-z]?,?\s+)?"
    rf"(?:\b\d{{1,5}}[A-Za-z]?,?\s+)?(?:{_CAPWORD}\s+){{1,3}}{STREET}\b"
)
NUMBERED_ST_RE = re.compile(rf"\b\d{{1,5}}[A-Za-z]?,?\s+(?:{_CAPWORD}\s+){{1,3}}(?:St|Dr)\b")
ORDINAL_STREET_RE = re.compile(rf"\b\d{{1,3}}(?:st|nd|rd|th)\s+{STREET}\b\.?")
FLAT_RE = re.compile(r"\b(?:Flat|Apartment|Apt|Unit)\s+\d+[A-Za-z]?\b")
LABELLED_NUMBER_RE = re.compile(
    r"\b(?i:case|account|acct|licen[cs]e|nhs|ref|reference|policy|member(?:ship)?|patient|client|"
    r"hospital|registration|reg|id|passport|ni|national insurance|sort code|invoice|claim|"
    r"crime|incident|badge|employee|staff|payroll)\s*(?i:no\.?|number|num|#|ref|id|code)?"
    r"(?:\s+(?i:is|was|=))?\s*[:#]?\s*"
    r"((?=[A-Z0-9/\- ]*\d)[A-Z0-9]+(?:[/\-][A-Z0-9]+|\s\d+)*)"
)
LONG_DIGITS_RE = re.compile(r"(?<![\w£$€.,])\d(?:[\s-]?\d){4,}(?![\w%]|\.\d)")
MIXED_ID_RE = re.compile(r"\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6,}\b")
UK_REG_RE = re.compile(r"\b[A-Z]{2}\d{2}\s?[A-Z]{3}\b|\b[A-Z]{1,4}[-/]\d{3,}[A-Z]?\b")


def _digits(s: str) -> int:
    return sum(c.isdigit() for c in s)


def find_contacts(text: str) -> list[Redaction]:
    out: list[Redaction] = []
    for m in EMAIL_RE.finditer(text):
        out.append(Redaction(m.start(), m.end(), m.group(), "[email]", "email", 1.0))
    for m in URL_RE.finditer(text):
        s = m.group().rstrip(".,;:!?")
        out.append(Redaction(m.start(), m.start() + len(s), s, "[link]", "url", 0.95))
    for m in HANDLE_RE.finditer(text):
        out.append(Redaction(m.start(), m.end(), m.group(), "[handle]", "handle", 0.95))
    out.extend(find_phones(text))
    return out


def find_phones(text: str) -> list[Redaction]:
    out: list[Redaction] = []
    seen: set[tuple[int, int]] = set()
    for region in ("GB", "US"):
        try:
            matcher = phonenumbers.PhoneNumberMatcher(text, region,
                                                      leniency=phonenumbers.Leniency.POSSIBLE)
            for m in matcher:
                if (m.start, m.end) not in seen and _digits(m.raw_string) >= 7 \
                        and not _looks_like_date(m.raw_string):
                    seen.add((m.start, m.end))
                    out.append(Redaction(m.start, m.end, m.raw_string, "[phone]", "phone", 0.95))
        except Exception:  # the library's matcher must never stop a redaction
            continue
    for m in PHONE_RE.finditer(text):
        raw = m.group().rstrip(" .-")
        n = _digits(raw)
        grouped = bool(re.search(r"[\s.-]", raw)) or raw.startswith(("+", "("))
        if n >= 9 and n <= 15 or (n in (7, 8) and grouped and re.search(r"\d{3}[\s.-]\d{4}$", raw)):
            if _looks_like_date(raw):
                continue
            conf = 0.9 if n >= 10 else 0.7
            out.append(Redaction(m.start(), m.start() + len(raw), raw, "[phone]", "phone", conf))
    return out


def _looks_like_date(s: str) -> bool:
    return bool(re.fullmatch(r"\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}", s))


def find_places_by_shape(text: str) -> list[Redaction]:
    out: list[Redaction] = []
    for m in UK_POSTCODE_RE.finditer(text):
        s = m.group()
        if s.isupper() or re.fullmatch(r"[a-z]{1,2}\d[a-z\d]? \d[a-z]{2}", s):
            out.append(Redaction(m.start(), m.end(), s, "[postcode]", "postcode", 0.95))
    for m in US_ZIP_RE.finditer(text):
        out.append(Redaction(m.start(1), m.end(1), m.group(1), "[ZIP]", "postcode", 0.9))
    for m in ADDRESS_RE.finditer(text):
        s = m.group()
        first = s.split()[0]
        if first in {"The", "A", "An", "In", "At", "On", "To", "From", "Near"}:
            drop = len(first) + 1
            if len(s.split()) <= 2:
                continue
            out.append(Redaction(m.start() + drop, m.end(), s[drop:], "[address]", "address",
                                 0.85))
            continue
        conf = 0.95 if s[:1].isdigit() or s.startswith(("Flat", "Apt", "Unit")) else 0.85
        out.append(Redaction(m.start(), m.end(), s, "[address]", "address", conf))
    for m in NUMBERED_ST_RE.finditer(text):
        out.append(Redaction(m.start(), m.end(), m.group(), "[address]", "address", 0.9))
    for m in ORDINAL_STREET_RE.finditer(text):  # "on 5th Ave."
        s = m.group().rstrip(".")
        out.append(Redaction(m.start(), m.start() + len(s), s, "[address]", "address", 0.9))
    for m in FLAT_RE.finditer(text):
        out.append(Redaction(m.start(), m.end(), m.group(), "[address]", "address", 0.8))
    return out


def find_numbers(text: str) -> list[Redaction]:
    out: list[Redaction] = []
    for m in LABELLED_NUMBER_RE.finditer(text):
        s = m.group(1).rstrip(" -/")
        if _digits(s) >= 2 and not re.fullmatch(r"\d{1,3}", s):
            out.append(Redaction(m.start(1), m.start(1) + len(s), s, "[number]", "number", 0.9))
    for m in LONG_DIGITS_RE.finditer(text):
        s = m.group()
        if not _looks_like_date(s):
            out.append(Redaction(m.start(), m.end(), s, "[number]", "number", 0.8))
    for rx in (MIXED_ID_RE, UK_REG_RE):
        for m in rx.finditer(text):
            s = m.group()
            if _digits(s) >= 2:
                out.append(Redaction(m.start(), m.end(), s, "[number]", "number", 0.75))
    return out


def find_all(text: str) -> list[Redaction]:
    return find_contacts(text) + find_places_by_shape(text) + find_numbers(text)
