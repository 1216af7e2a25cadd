"""Names, places and organisations the journal does not know, found by word lists and context.

A capitalised word is judged by where it stands and what it is:

- runs of capitalised words with an organisation or place ending ("Tallis Freight Ltd",
  "Brookside Surgery", "Saltmarsh Quay"), a saint ("St Cuthbert's"), or a title ("Dr Okafor");
- single words that are not English words ("Hollinsford", "Marcia") anywhere, and rare words
  capitalised mid-sentence ("the Lamplighter");
- everyday words only with context: "in Reading", "her daughter Grace", "Hope said", "with Will";
  never "I hope", months, weekdays, "Deaf", "Black", DC-S terms or a sentence's first word.
"""

from __future__ import annotations

import re

from . import lexicon, venues
from .redaction import Redaction
from .tokens import Token, gap, tokenize

ORG_SUFFIX = {
    "ltd", "limited", "plc", "llp", "inc", "co", "company", "group", "partners", "associates",
    "solicitors", "accountants", "services", "solutions", "consulting", "trust", "foundation",
    "charity", "school", "primary", "academy", "college", "university", "nursery", "hospital",
    "general", "infirmary", "hospice", "surgery", "clinic", "practice", "centre", "center",
    "health", "medical", "dental", "pharmacy", "chemist", "gym", "fitness", "leisure", "club",
    "church", "chapel", "mosque", "temple", "synagogue", "gurdwara", "cathedral", "abbey",
    "hall", "library", "museum", "theatre", "cinema", "works", "mill", "factory", "freight",
    "logistics", "haulage", "transport", "removals", "bakery", "butchers", "cafe", "café",
    "coffee", "restaurant", "bistro", "kitchen", "hotel", "inn", "arms", "tavern", "pub", "bar",
    "bank", "building", "society", "council", "recovery", "project", "studio", "studios", "salon",
    "spa", "shop", "stores", "store", "market", "garage", "motors", "farm", "estate", "homes",
    "care", "lodge", "cottage", "house", "court", "manor", "ward", "unit", "prison", "station",
    "barracks", "fc", "rfc", "united", "rovers", "athletic", "print", "press", "media", "agency",
    "institute", "network", "alliance", "association", "federation", "union", "centre's",
}
PLACE_SUFFIX = {
    "quay", "harbour", "port", "bay", "beach", "sands", "cliffs", "head", "point", "marsh",
    "heath", "moor", "fell", "dale", "vale", "valley", "wood", "woods", "forest", "park",
    "common", "green", "hill", "hills", "cross", "end", "bridge", "ford", "field", "fields",
    "town", "village", "city", "island", "isle", "reservoir", "lake", "loch", "water", "wharf",
    "docks", "marina", "retail", "square", "circus", "market", "county", "township", "parish",
    "borough", "district", "province", "shire", "estate", "heights", "springs", "falls",
}
PLACE_PREFIX = {"upper", "lower", "great", "little", "north", "south", "east", "west", "new",
                "old", "nether", "high", "long", "kings", "king's", "bishops", "market", "port"}
CONNECTORS = {"&", "and", "of", "upon", "the", "de", "la", "le", "du", "y"}
LOCATION_CUE = re.compile(
    r"\b(?:in|at|near|from|to|past|around|outside|towards|toward|above|below|beyond|via|into|"
    r"across|opposite|behind|through|round|covering|nearer|visit(?:ing|ed)?|moved|lives?|living|"
    r"based|grew\s+up|grew\s+up\s+on|raised\s+on|lives?\s+on|living\s+on)\s+(?:the\s+)?$",
    re.IGNORECASE)
ORG_CUE = re.compile(
    r"\b(?:works?|worked|working|job|shifts?|employed|placement|volunteers?|studies|studying|"
    r"manager|boss|staff|sacked|fired|redundant|let\s+go)\s+(?:at|for|by|from|with)\s+(?:the\s+)?$",
    re.IGNORECASE)
PERSON_CUE = re.compile(
    r"\b(?:my|her|his|their|our|your|the\s+client's|client's|[A-Z][a-z]+'s)\s+(?:(?:older|younger|"
    r"big|little|late|ex-?|new|step|eldest|youngest|best|old|other)[\s-]?)*(?:daughter|son|sister|"
    r"brother|mum|mother|dad|father|husband|wife|partner|boyfriend|girlfriend|fiancée?|friend|"
    r"mate|colleague|boss|manager|neighbour|neighbor|cousin|aunt|auntie|uncle|nan|nana|gran|"
    r"granny|grandma|grandad|grandfather|grandmother|grandson|granddaughter|niece|nephew|"
    r"teacher|gp|doctor|nurse|consultant|sponsor|supervisor|therapist|counsellor|counselor|"
    r"social\s+worker|carer|keyworker|key\s+worker|landlord|landlady|lodger|flatmate|housemate|"
    r"kid|child|baby|twin|ex|coach|tutor|lawyer|solicitor|vicar|priest|imam|rabbi|dog|cat)"
    r",?\s+$|\b(?:called|named|call\s+me|known\s+as|nicknamed|met|with|and|told|asked|rang|"
    r"texted|emailed|messaged|phoned|saw|visited|thanked|me\s+n|n|wi|an['’]?|&|\+)\s+$",
    re.IGNORECASE)
SPEECH_VERB = re.compile(
    r"^(?:'s\s+|’s\s+)?\s*(?:said|says|asked|asks|told|tells|came|comes|arrived|rang|rings|"
    r"texted|texts|emailed|called|replied|wrote|cried|laughed|smiled|shouted|left|went|wants|"
    r"wanted|was|is|has|had|seemed|looked|felt|thinks|thought|knows|knew|sat|stood|walked|"
    r"turned|got|gets|mentioned|explained|agreed|refused|admitted|hugged|kept|keeps|won't|"
    r"didn't|doesn't|can't|isn't|wasn't|hasn't|hadn't|would|could|will|and\s+I|from|who)\b")


class Labels:
    """Consistent letter labels for unknown people ("Person A", "Doctor B"): within one text,
    or across every passage of one brief when the same instance is passed to each call."""

    def __init__(self) -> None:
        self.by_key: dict[str, str] = {}

    def person(self, key: str, title: str | None) -> str:
        letter = self.by_key.setdefault(key.lower(), "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[
            len(self.by_key) % 26])
        t = (title or "").lower().rstrip(".")
        noun = {"dr": "Doctor", "doctor": "Doctor", "prof": "Professor", "professor": "Professor",
                "nurse": "Nurse"}.get(t, "Person")
        return f"{noun} {letter}"


def _proper_place(text: str, tok: Token) -> bool:
    """A capitalised word the word lists call harmless (a demonym, a language, or any SCOWL
    proper noun) that stands where a place does: "out past Harlan", "a store in Harlan"."""
    b = tok.base
    if b not in lexicon.proper_words() or b.lower() in lexicon.SAFE_CAPITALISED \
            or lexicon.is_language_or_demonym(b):
        return False
    return bool(re.search(r"\b(?:in|at|near|past|outside|from|to|around|towards?|beyond)\s+$",
                          text[max(0, tok.start - 20):tok.start]))


def _safe(tok: Token) -> bool:
    """Capitalised but never identifying: months, weekdays, demonyms, acronyms like GP or BSL."""
    b = tok.base
    low = b.lower()
    if low in ORG_SUFFIX or low in PLACE_SUFFIX:
        return False
    if low in lexicon.SAFE_CAPITALISED or lexicon.is_month(b) or lexicon.is_weekday(b) \
            or lexicon.is_medication(b):
        return True
    if low in lexicon.HOLIDAYS or b in lexicon.proper_words() or b in lexicon.regions():
        return True
    if re.fullmatch(r"[A-Z]{2,5}s|[A-Z]x", b):
        return True  # plural acronyms ("GPs", "EMTs") and clinical shorthand ("Tx", "Hx")
    if "-" in b and any(lexicon.is_weekday(p) or lexicon.is_month(p) or lexicon.is_language(p)
                        or lexicon.is_language_or_demonym(p) for p in b.split("-")) \
            and all(lexicon.is_word(p) or lexicon.is_weekday(p) or lexicon.is_month(p)
                    or lexicon.is_language_or_demonym(p) for p in b.split("-") if p):
        return True  # "Sunday-night", "Spanish-speaking"
    return tok.all_caps and len(b) <= 5 and not tok.text.endswith("'s")


def _is_nameish(tok: Token) -> bool:
    b = tok.base
    return b in lexicon.first_names() or b in lexicon.surnames()


def _runs(text: str, toks: list[Token]) -> list[list[Token]]:
    """Maximal runs of capitalised tokens joined by single spaces (or "&", "of", ...)."""
    runs: list[list[Token]] = []
    cur: list[Token] = []
    pending: list[Token] = []
    for i, t in enumerate(toks):
        prev = (pending or cur)[-1] if cur else None
        joined = cur and (gap(text, prev, t) in (" ", "") or (prev.is_title or prev.lower == "st")
                          and gap(text, prev, t) == ". ")
        if t.capitalised and t.text != "&":
            if joined:
                cur.extend(pending)
                cur.append(t)
            else:
                if cur:
                    runs.append(cur)
                cur = [t]
            pending = []
        elif joined and t.lower in CONNECTORS and not pending and i + 1 < len(toks) \
                and toks[i + 1].capitalised and not cur[-1].text.endswith(("'s", "’s")):
            pending = [t]
        else:
            if cur:
                runs.append(cur)
            cur, pending = [], []
    if cur:
        runs.append(cur)
    return runs


def _trim(text: str, run: list[Token]) -> list[list[Token]]:
    """Split a run at words that are not part of a name (months, sentence-initial words)."""
    pieces: list[list[Token]] = [[]]
    for j, t in enumerate(run):
        sentence_word = j == 0 and t.sentence_start and lexicon.is_word(t.base, rare=True) \
            and not (len(run) == 1 and _acts_as_person(t, text[t.base_end:t.base_end + 30])) \
            and not t.is_title and t.lower not in lexicon.word_names() \
            and t.lower not in ("st", "saint", "upper", "lower", "great", "little")
        connector = 0 < j < len(run) - 1 and not t.capitalised and t.lower in CONNECTORS
        named_place = j + 1 < len(run) and t.base in lexicon.regions() \
            and (run[j + 1].lower in PLACE_SUFFIX or run[j + 1].lower in ORG_SUFFIX)
        named_place = named_place or _region_as_person(text, t, text[max(0, t.start - 40):
                                                                     t.start])
        named_place = named_place or _the_opens_a_name(run, j)
        if not connector and not named_place and ((_safe(t) and not t.is_title
                                                   and t.lower not in ("st",)
                                                   and not _proper_place(text, t))
                              or sentence_word or (t.lower == "the" and not _the_opens_a_name(run, j))):
            pieces.append([])
        else:
            pieces[-1].append(t)
    out = []
    for p in pieces:
        while p and p[-1].lower in CONNECTORS:
            p.pop()
        while p and p[0].lower in CONNECTORS and not (p[0].text == "The" and len(p) > 1
                                                      and not p[0].sentence_start):
            p.pop(0)
        if p:
            out.append(p)
    return out


def _the_opens_a_name(run: list[Token], j: int) -> bool:
    """"at The Ivy", "in The Crown": a capitalised "The" inside a sentence, before capitalised
    words, is part of a venue's name."""
    t = run[j]
    return t.text == "The" and not t.sentence_start and j + 1 < len(run) \
        and not _safe(run[j + 1])


def _classify(text: str, run: list[Token], labels: Labels, nouns_capitalised: bool = False
              ) -> Redaction | None:
    first, last = run[0], run[-1]
    if first.text == "The" and len(run) >= 2 and not first.sentence_start:
        return Redaction(first.start, last.base_end, text[first.start:last.base_end],
                         "[organisation]", "organisation", 0.7)
    before = text[max(0, first.start - 40):first.start]
    start, end = first.start, last.end
    words = [t.lower for t in run]
    org_end = last.lower.rstrip("'s") in ORG_SUFFIX or last.lower in ORG_SUFFIX
    place_end = last.lower in PLACE_SUFFIX
    if first.is_title and len(run) >= 2:
        key = last.base
        end = last.base_end
        return Redaction(start, end, text[start:end], labels.person(key, first.base), "name", 0.95)
    if first.is_title:
        m = re.match(r"\s+([A-Z])\b\.?", text[first.end:first.end + 4])
        if m and first.lower not in ("sister", "father", "nurse", "coach", "officer"):
            end = first.end + m.end()
            return Redaction(start, end, text[start:end], labels.person(text[start:end],
                             first.base), "name", 0.85)
        return None
    if len(run) == 1:
        return _single(text, first, before, labels, nouns_capitalised)
    if words[0] in ("st", "saint", "st."):
        kind = "organisation" if org_end or len(run) == 2 else "place"
        return Redaction(start, end, text[start:end], f"[{kind}]", kind, 0.9)
    if org_end:
        return Redaction(start, end, text[start:end], "[organisation]", "organisation", 0.9)
    if place_end or words[0] in PLACE_PREFIX:
        joined = " ".join(t.base for t in run)
        if joined in lexicon.regions():
            return None
        return Redaction(start, end, text[start:end], "[place]", "place", 0.85)
    joined = " ".join(t.base for t in run)
    if joined in lexicon.regions() or all(_safe(t) for t in run):
        return None
    nonwords = [t for t in run if not lexicon.is_word(t.base)]
    nameish = all(_is_nameish(t) or not lexicon.is_word(t.base) for t in run)
    if nameish and len(run) <= 3 and not ORG_CUE.search(before) and not _place_cue(before):
        end = last.base_end
        return Redaction(start, end, text[start:end], labels.person(last.base, None), "name", 0.85)
    if joined in lexicon.places() or _place_cue(before) and not ORG_CUE.search(before):
        kind = "place" if not before.rstrip().lower().endswith("the") else "organisation"
        return Redaction(start, end, text[start:end], f"[{kind}]", kind, 0.8)
    if not nonwords and not any(_is_nameish(t) and t.lower not in lexicon.frequent_words()
                                for t in run):
        return None  # "Black Lives Matter", "the Demand-Control Schema": words, not names
    conf = 0.8 if nonwords else 0.5
    return Redaction(start, end, text[start:end], "[organisation]", "organisation", conf)


def _place_cue(before: str) -> bool:
    return bool(LOCATION_CUE.search(before))


def _single(text: str, tok: Token, before: str, labels: Labels, nouns_capitalised: bool = False
            ) -> Redaction | None:
    b = tok.base
    low = b.lower()
    if tok.sentence_start and not lexicon.is_word(b, rare=True) \
            and _acts_as_person(tok, text[tok.base_end:tok.base_end + 30]):
        return Redaction(tok.start, tok.base_end, b, labels.person(b, None), "name", 0.6)
    if _region_as_person(text, tok, before):  # "Devon's package", "Jordan away for work"
        return Redaction(tok.start, tok.base_end, b, labels.person(b, None), "name", 0.6)
    if _safe(tok) and not _proper_place(text, tok) or len(b) < 2:
        return None
    if lexicon.is_language(b) or lexicon.is_language_or_demonym(b) and not _is_nameish(tok):
        return None  # "in German", "a Texan"
    after = text[tok.end:tok.end + 30]
    word = lexicon.is_word(b)
    rare_word = not word and lexicon.is_word(b, rare=True)
    person_cue = bool(PERSON_CUE.search(before))
    place_cue = _place_cue(before)
    org_cue = bool(ORG_CUE.search(before))
    word_name = low in lexicon.word_names()

    def person(conf: float) -> Redaction:
        return Redaction(tok.start, tok.base_end, b, labels.person(b, None), "name", conf)

    def place(conf: float, kind: str = "place") -> Redaction:
        end = tok.end if tok.text.endswith("'") and not tok.text.endswith("s'") else tok.base_end
        return Redaction(tok.start, end, text[tok.start:end], f"[{kind}]", kind, conf)

    if word and not rare_word:
        if person_cue and (word_name or _is_nameish(tok)) and not tok.sentence_start:
            return person(0.75)
        nameish_word = word_name or (_is_nameish(tok) and low not in lexicon.frequent_words())
        if (word_name or _is_nameish(tok)) and re.match(r",\s+\d{1,3},", after):
            return person(0.7)  # "Tom, 67, retired bus driver": a person, even first in a sentence
        if nameish_word and (SPEECH_VERB.match(after.lstrip()) or SPEECH_VERB.match(after)) \
                and (not lexicon.is_month(b) or not re.match(r"\s*\d", after)):
            return person(0.6 if tok.sentence_start else 0.75)
        if _acts_as_person(tok, after):
            return person(0.6)  # "Harper texted me", "Mana said he was fine"
        if tok.sentence_start:
            return None
        if place_cue and (b in lexicon.places() or not word_name):
            if venues.is_safe_word(b):
                return None  # "go to the Mass"
            if nouns_capitalised:
                return None  # "I went to the Doctor": the writer's style, not a name
            return venues.proper_use(text, tok, before) or place(0.55)
        if nameish_word and not lexicon.is_month(b) and not re.search(r"\b(?:the|a|an)\s+$",
                                                                       before, re.IGNORECASE):
            return person(0.6 if word_name else 0.5)
        if b in lexicon.places() and place_cue:
            return place(0.6)
        if b in lexicon.places() and low not in lexicon.frequent_words() \
                and not lexicon.is_language_or_demonym(b) \
                and re.match(r"\s*(?:[.;]|,\s+[a-z]|$)", after) and re.search(r",\s+$", before):
            return place(0.5)  # "... the client, Ascot. Big house": a town in a list of facts
        if nouns_capitalised:
            return None
        return venues.proper_use(text, tok, before)  # "the Anchor", "Crossroads does"
    # Not an everyday English word (or a rare one): a proper noun unless it opens a sentence
    # as a rare word ("Fistula consent appointment").
    if rare_word and tok.sentence_start and not _is_nameish(tok) \
            and not _acts_as_person(tok, after):
        return None
    conf = 0.55 if tok.sentence_start else 0.8
    if org_cue:
        return place(conf, "organisation")
    weak_cue = re.search(r"\b(?:to|from|with|and)\s+$", before, re.IGNORECASE)
    if b in lexicon.first_names() and b not in lexicon.places() and (weak_cue or not place_cue):
        return person(conf + 0.1)
    if place_cue and not person_cue:
        the = re.search(r"\bthe\s+$", before, re.IGNORECASE)
        return place(conf, "organisation" if the else "place")
    if person_cue or b in lexicon.first_names():
        return person(conf + 0.1)
    if b in lexicon.places():
        return place(conf)
    if b in lexicon.surnames():
        return person(conf)
    return Redaction(tok.start, tok.base_end, b, "[name]", "name", conf - 0.1)


# What only a person does, right after their name: "Kiri texted", "Harper rang me".
_PERSON_VERB = re.compile(
    r"(?:['’]s\s+(?:mum|mom|mam|dad|nan|gran|partner|boyfriend|girlfriend|baby|kids?|sister|"
    r"brother|auntie|aunt|uncle|cousin|social\s+worker)\b|\s+(?:said|says|texted|texts|rang|"
    r"phoned|messaged|emailed|asked|told|replied|whispered|shouted|laughed|giggled|cried|smiled|"
    r"swore|turned\s+up|showed\s+up|came\s+in|walked\s+in|stormed\s+off|wants\s+to|"
    r"wanted\s+to)\b(?!\s+(?:that|so|by|in\s+the)\b))")
_NOT_A_PERSON = {"police", "polis", "staff", "school", "council", "court", "doctor", "nurse",
                 "social", "someone", "everyone", "nobody", "somebody", "group", "family", "team",
                 "mum", "mom", "dad", "mam", "nan", "gran", "nana", "papa", "auntie", "uncle",
                 "boss", "manager", "client", "supervisor", "teacher", "worker", "ambulance",
                 "paramedic", "paramedics", "reception", "housing", "benefits", "office"}


def _acts_as_person(tok: Token, after: str) -> bool:
    """A capitalised word that is not a frequent one, doing what only a person does."""
    low = tok.lower
    return bool(_PERSON_VERB.match(after)) and low not in lexicon.frequent_words() \
        and low not in _NOT_A_PERSON and not lexicon.is_language(tok.base) \
        and tok.base not in lexicon.proper_words() and not tok.all_caps


def _region_as_person(text: str, tok: Token, before: str) -> bool:
    """A region or country that is also a first name ("Devon", "Jordan", "Georgia"), standing
    where a person does: a possessive before a noun, or a person's verb after it, and nothing
    before it that says where ("in", "from", "across")."""
    b = tok.base
    if b not in lexicon.regions() or b not in lexicon.first_names() or _place_cue(before) \
            or re.search(r"\b(?:of|the|across|around|all\s+over)\s+$", before, re.IGNORECASE):
        return False
    after = text[tok.base_end:tok.base_end + 30]
    if re.match(r"['’]s\s+(?!(?:coast|border|beaches|capital|economy|government|weather|hills|"
                r"countryside|coastline|people|borders|history|north|south|east|west)\b)[a-z]",
                after):
        return True
    return bool(re.match(r"\s+(?:away|off|back|texted|rang|emailed|messaged|cancelled|paused|"
                         r"booked|paid|said|says|asked|told|came|left|wants|wanted|thinks|"
                         r"thought|feels|felt|is\s+(?:away|off|back|sick|ill)|was\s+"
                         r"(?:away|off|back|sick|ill))\b", after))


def _lowercase_places(text: str, toks: list[Token]) -> list[Redaction]:
    """A town written in lower case ("her mom's in toledo"): a place name that is no English
    word, right after a word that says where."""
    out = []
    for tok in toks:
        b = tok.base
        if tok.capitalised or len(b) < 4 or lexicon.is_word(b, rare=True) \
                or b.capitalize() not in lexicon.places():
            continue
        if LOCATION_CUE.search(text[max(0, tok.start - 30):tok.start]):
            out.append(Redaction(tok.start, tok.base_end, b, "[place]", "place", 0.7))
    return out


def _lowercase_names(text: str, toks: list[Token], labels: Labels) -> list[Redaction]:
    """A name written in lower case ("my friend jenna", "told kayla"): a first name that is no
    English word, right after a word that introduces a person."""
    out = []
    for tok in toks:
        b = tok.base
        if tok.capitalised or len(b) < 3 or lexicon.is_word(b, rare=True) \
                or b.capitalize() not in lexicon.first_names():
            continue
        if PERSON_CUE.search(text[max(0, tok.start - 60):tok.start]):
            out.append(Redaction(tok.start, tok.base_end, b, labels.person(b, None), "name", 0.7))
    return out


def find_unknown(text: str, skip: list[tuple[int, int]] | None = None,
                 labels: Labels | None = None) -> list[Redaction]:
    """Candidate redactions for names, places and organisations not in the journal."""
    taken = bytearray(len(text) + 1)
    for s, e in skip or []:
        taken[s:e] = b"\x01" * (e - s)
    toks = [t for t in tokenize(text) if 1 not in taken[t.start:t.end]]
    labels = labels if labels is not None else Labels()
    nouns_capitalised = venues.capitalises_common_words(toks)
    out: list[Redaction] = []
    out += _lowercase_names(text, toks, labels) + _lowercase_places(text, toks)
    for run in _runs(text, toks):
        for piece in _trim(text, run):
            r = _classify(text, piece, labels, nouns_capitalised)
            if r is not None:
                out.append(r)
    return out + _again(text, toks, out, labels) + _name_handles(text)


def _name_handles(text: str) -> list[Redaction]:
    """Handles without an "@" that carry a first name: "kayla_xo", "kaylaxo2010"."""
    out = []
    for m in re.finditer(r"(?<![\w@/.])[A-Za-z][\w.]*(?:_|\d)[\w.]*", text):
        handle = m.group().rstrip(".")
        if not ("_" in handle or re.search(r"[A-Za-z]{4,}\d", handle)):
            continue
        if any(_name_led(p) for p in re.findall(r"[A-Za-z]+", handle)):
            out.append(Redaction(m.start(), m.start() + len(handle), handle, "[handle]",
                                 "handle", 0.65))
    return out


def _name_led(piece: str) -> bool:
    """A handle's letters that are, or start with, a first name that is no English word
    ("kayla", "kaylaxo")."""
    low = piece.lower()
    for n in range(len(low), 3, -1):
        head = low[:n]
        if head.capitalize() in lexicon.first_names() and not lexicon.is_word(head, rare=True) \
                and (n == len(low) or n >= 5):
            return True
    return False


def _again(text: str, toks: list[Token], found: list[Redaction], labels: Labels
           ) -> list[Redaction]:
    """A person named once is that person everywhere in the text: "Big Mike ... Mike's 70"
    (even where the word alone would pass, first in a sentence or an everyday word)."""
    people = {r.original.lower() for r in found if r.kind == "name" and " " not in r.original
              and not r.replacement.startswith("[")}
    people |= {r.original.split()[-1].lower() for r in found if r.kind == "name"
               and " " in r.original and not r.replacement.startswith("[")}
    if not people:
        return []
    taken = bytearray(len(text) + 1)
    for r in found:
        taken[r.start:r.end] = b"\x01" * (r.end - r.start)
    out = []
    for tok in toks:
        if tok.capitalised and tok.lower in people and 1 not in taken[tok.start:tok.base_end]:
            out.append(Redaction(tok.start, tok.base_end, tok.base, labels.person(tok.base, None),
                                 "name", 0.7))
    for m in re.finditer(r"(?<![\w@])[\w.]*[A-Za-z][\w.]*(?:_|\d)[\w.]*", text):  # "callum_07"
        handle = m.group().rstrip(".")
        pieces = {p.lower() for p in re.findall(r"[A-Za-z]+", handle)}
        if pieces & people and 1 not in taken[m.start():m.start() + len(handle)]:
            out.append(Redaction(m.start(), m.start() + len(handle), handle, "[handle]", "handle",
                                 0.7))
    return out
