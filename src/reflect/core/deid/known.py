"""People the journal knows: role-based pseudonyms and every way their names can be written.

A :class:`KnownPeople` turns a client and the people linked to them into consistent pseudonyms
("the client", "the client's older sister", "Colleague A") and finds every variant of their names
in a text: full names, other names and aliases in any case, possessives, single name parts
(hyphenated parts too), titles ("Mrs A", "Dr Penhaligon"), initials ("DW", "D.W.") and near
misspellings ("Margret" for "Margaret").  Names that are also everyday words ("Will", "Den") only
match when capitalised, so "I will" and "the den" survive.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz.distance import DamerauLevenshtein

from ..model import Person, PersonKind
from . import lexicon
from .fold import MIXED_WORD, fold, folded, unleet
from .name_pieces import PartIndex, identifier_around
from .redaction import Redaction
from .tokens import TITLES, Token, tokenize

PARTICLES = {"de", "da", "di", "del", "della", "van", "von", "der", "den", "la", "le", "du", "dos",
             "bin", "bint", "al", "el", "ibn", "st", "mac", "ap", "y"}
_TITLE_RE = r"(?:" + "|".join(sorted((t.capitalize() for t in TITLES), key=len, reverse=True)) + r")"
_TITLE_BEFORE = re.compile(_TITLE_RE + r"\.?\s+$")
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass(frozen=True)
class Variant:
    text: str
    person: int  # index into KnownPeople.people
    how: str  # "name", "part", "initials", "title", "alias"
    confidence: float
    case_sensitive: bool


@dataclass(frozen=True)
class KnownMatch:
    start: int
    end: int
    text: str
    person: int
    how: str
    confidence: float


def _role_pseudonym(role: str) -> str:
    r = " ".join(role.strip().lower().split())
    r = re.sub(r"^(?:the |a |an |her |his |their |my )", lambda m: "the client's " if m.group(0)
               in ("her ", "his ", "their ") else "", r)
    if r.startswith("client") or r.startswith("the "):
        return r if r.startswith("the ") else "the " + r
    return "the " + r


class KnownPeople:
    """The people one text may mention, with their pseudonyms and name variants."""

    def __init__(self, people: Iterable[Person]):
        self.people: list[Person] = [p for p in people if p.name or p.aka or p.alias]
        self.pseudonyms: list[str] = self._pseudonyms()
        self.variants: list[Variant] = self._variants()
        self._exact_ci, self._exact_cs = self._compile()
        self._fuzzy_targets = self._fuzzy()
        self._pieces = self._part_index()

    # -- pseudonyms ---------------------------------------------------------------------------
    def _pseudonyms(self) -> list[str]:
        out: list[str] = []
        others = iter(LETTERS)
        clients = iter(LETTERS[1:])
        seen_client = False
        all_parts = {part.lower() for p in self.people for n in p.all_names()
                     for part in re.split(r"[\s\-.]+", n) if len(part) > 1}
        for p in self.people:
            role = (p.role or "").strip()
            role_words = set(re.findall(r"[\w']+", role.lower().replace("'s", "")))
            if role and not (role_words & all_parts) and role.lower() != "client":
                pseudo = _role_pseudonym(role)
            elif p.kind == PersonKind.CLIENT or role.lower() == "client":
                pseudo = "the client" if not seen_client else f"Client {next(clients, 'Z')}"
                seen_client = True
            else:
                pseudo = f"Colleague {next(others, 'Z')}"
            while pseudo in out:
                pseudo = f"{pseudo} ({len(out)})"
            out.append(pseudo)
        return out

    def role_noun(self, person: int) -> str | None:
        """The last word of the pseudonym ("sister" for "the client's older sister")."""
        words = self.pseudonyms[person].split()
        return words[-1] if words and words[-1].isalpha() and words[-1].islower() else None

    # -- variants -----------------------------------------------------------------------------
    def _variants(self) -> list[Variant]:
        out: dict[tuple[str, int], Variant] = {}

        def add(text: str, i: int, how: str, conf: float, cs: bool | None = None) -> None:
            text = text.strip()
            if len(text) < 2 and how != "alias":
                return
            if text.isdigit():  # "Agent 47": found only beside another part (name_pieces.py)
                how, cs = "digits", True
            if cs is None:
                cs = _needs_case(text) and not _short_foreign(text)
            key = (text if cs else text.lower(), i)
            if key not in out or out[key].confidence < conf:
                out[key] = Variant(text, i, how, conf, cs)

        for i, p in enumerate(self.people):
            full_names = [folded(n) for n in p.all_names() if n]
            for n in full_names:
                n = n.strip()
                if re.fullmatch(r"(?:[A-Z]\.?\s?){1,4}", n):  # an alias made of initials
                    add(n, i, "alias", 0.95, True)
                    if "." not in n and len(n) > 1:
                        add(".".join(n) + ".", i, "initials", 0.9, True)
                    continue
                add(n, i, "name", 1.0)
                words = n.split()
                parts = [w for word in words for w in [word, *word.split("-")] if w]
                for part in parts:
                    clean = part.strip(".,'’")
                    if clean.lower() in PARTICLES or clean.lower().rstrip(".") in TITLES:
                        continue
                    add(clean, i, "part", 0.95)
                    if len(clean) >= 4 and clean.isalpha() and not clean.endswith("s"):
                        add(clean + "s", i, "plural", 0.85)  # "the Achterbergs"
                if len(words) >= 2:
                    self._add_initials(words, i, add)
                    surname_parts = [w for w in re.split(r"[\s\-]", words[-1]) if w]
                    for sp in surname_parts:
                        for t in ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr"):
                            add(f"{t} {sp[0].upper()}", i, "title", 0.9, True)
                            add(f"{t}. {sp[0].upper()}", i, "title", 0.9, True)
        return sorted(out.values(), key=lambda v: -len(v.text))

    @staticmethod
    def _add_initials(words: list[str], i: int, add) -> None:
        words = [w for w in words if w.lower() not in PARTICLES and w[:1].isalpha()]
        spaced = [w[0].upper() for w in words]
        hyph = [s[0].upper() for w in words for s in w.split("-") if s]
        for letters in {"".join(spaced), "".join(hyph)}:
            if len(letters) >= 2:
                add(letters, i, "initials", 0.85, True)
                add(".".join(letters) + ".", i, "initials", 0.9, True)
                add(". ".join(letters) + ".", i, "initials", 0.9, True)

    def _compile(self) -> tuple[re.Pattern | None, re.Pattern | None]:
        ci = [re.escape(v.text) for v in self.variants if not v.case_sensitive]
        cs = [re.escape(v.text) for v in self.variants if v.case_sensitive and v.how != "digits"]
        cs += [re.escape(v.text.upper()) for v in self.variants
               if v.case_sensitive and v.how in ("part", "name", "plural")]
        left = r"(?<![\w@.])"
        right = r"(?![\w@])(?!\.\w)"

        def build(alts: list[str], flags: int) -> re.Pattern | None:
            if not alts:
                return None
            return re.compile(left + "(?:" + "|".join(sorted(set(alts), key=len, reverse=True))
                              + ")" + right, flags)

        return build(ci, re.IGNORECASE), build(cs, 0)

    def _part_index(self) -> PartIndex:
        parts = [(v.text, v.person, v.case_sensitive) for v in self.variants
                 if v.how in ("name", "part", "alias", "plural", "digits") and " " not in v.text]
        initials: dict[int, set[str]] = {}
        for i, p in enumerate(self.people):
            for n in p.all_names():
                words = [w for w in re.split(r"[\s\-]+", folded(n))
                         if w and w.lower() not in PARTICLES and w[:1].isalpha()]
                if len(words) >= 2:
                    initials.setdefault(i, set()).update(w[0] for w in words)
        return PartIndex(parts, initials)

    def _fuzzy(self) -> list[tuple[str, int]]:
        out = []
        for v in self.variants:
            t = v.text
            if v.how in ("name", "part") and " " not in t and len(t) >= 4 and t.isalpha() \
                    and not lexicon.is_word(t):
                out.append((t.lower(), v.person))
        return out

    def _lookup(self, text: str) -> Variant | None:
        """The variant a regex match stands for: as written, in any case if case does not
        matter, or an upper-cased case-sensitive part ("WILL")."""
        if not hasattr(self, "_lookup_tables"):
            exact: dict[str, Variant] = {}
            lower: dict[str, Variant] = {}
            upper: dict[str, Variant] = {}
            for v in self.variants:  # longest first, as the regexes try them
                exact.setdefault(v.text, v)
                if not v.case_sensitive:
                    lower.setdefault(v.text.lower(), v)
                if v.how in ("part", "name", "plural"):
                    upper.setdefault(v.text.upper(), v)
            self._lookup_tables = (exact, lower, upper)
        exact, lower, upper = self._lookup_tables
        first = [v for v in (exact.get(text), lower.get(text.lower())) if v is not None]
        if first:
            return min(first, key=self.variants.index) if len(first) > 1 else first[0]
        return upper.get(text)

    # -- matching -----------------------------------------------------------------------------
    def find(self, text: str, *, fuzzy: bool = True, everywhere: bool = False) -> list[KnownMatch]:
        """Every mention of a known person in ``text`` (offsets in ``text`` as given).

        Names are matched after Unicode folding (``fold.py``), as written in prose and inside
        file names, addresses, handles and links (``name_pieces.py``).  ``everywhere`` (the export
        gate) also tries near misspellings next to ``@`` and ``.``, which redaction leaves to the
        e-mail and link patterns."""
        f = fold(text)
        t = f.text
        found = self._exact(t)
        taken = bytearray(len(t) + 1)
        for m in found:
            taken[m.start:m.end] = b"\x01" * (m.end - m.start)
        for pm in self._pieces.find(t, taken):
            found.append(KnownMatch(pm.start, pm.end, t[pm.start:pm.end], pm.person, pm.how, 0.9))
            taken[pm.start:pm.end] = b"\x01" * (pm.end - pm.start)
        found += self._disguised(t, taken)
        if fuzzy and self._fuzzy_targets:
            for tok in tokenize(t):
                if 1 in taken[tok.start:tok.end]:
                    continue
                if not everywhere and (t[tok.start - 1:tok.start] in ("@", ".")
                                       or t[tok.end:tok.end + 1] in ("@",)
                                       or re.match(r"\.\w", t[tok.end:tok.end + 2])):
                    continue
                hit = self.fuzzy_person(tok)
                if hit is not None:
                    found.append(KnownMatch(tok.start, tok.base_end, tok.base, hit, "fuzzy", 0.6))
        out = []
        for m in _dedupe(found):
            start, end = f.span(m.start, m.end)
            out.append(KnownMatch(start, end, text[start:end], m.person, m.how, m.confidence))
        return out

    def _disguised(self, t: str, taken: bytearray) -> list[KnownMatch]:
        """Names written with digits for letters ("Qu1llfeather") or spaced out letter by letter
        ("Q u i l l f e a t h e r"): the whole disguised word is the match."""
        out: list[KnownMatch] = []
        for word in MIXED_WORD.finditer(t):  # only the few words that mix letters and digits
            s, e = word.span()
            if 1 in taken[s:e]:
                continue
            for one in "il":
                read = unleet(word.group(), one)
                hits = [m.person for m in self._exact(read)] \
                    or [p.person for p in self._pieces.find(read)]
                if hits:
                    out.append(KnownMatch(s, e, t[s:e], hits[0], "disguised", 0.9))
                    taken[s:e] = b"\x01" * (e - s)
                    break
        for run in _SPACED.finditer(t):
            s, e = run.span()
            if 1 in taken[s:e]:
                continue
            joined = re.sub(r"[^\w']", "", run.group())
            hits = self._exact(joined) or [KnownMatch(0, 0, "", p.person, p.how, 0.9)
                                           for p in self._pieces.find(joined)]
            if hits:
                out.append(KnownMatch(s, e, run.group(), hits[0].person, "disguised", 0.9))
                taken[s:e] = b"\x01" * (e - s)
        return out

    def _exact(self, text: str) -> list[KnownMatch]:
        found: list[KnownMatch] = []
        for pat in (self._exact_ci, self._exact_cs):
            if pat is None:
                continue
            for m in pat.finditer(text):
                v = self._lookup(m.group())
                if v is None:
                    continue
                conf = v.confidence
                if v.case_sensitive and v.how == "part" and lexicon.is_word(v.text):
                    conf = 0.6 if _sentence_initial(text, m.start()) else 0.8
                found.append(KnownMatch(m.start(), m.end(), m.group(), v.person, v.how, conf))
        return found

    def fuzzy_person(self, tok: Token) -> int | None:
        """The person a near-miss spelling (``Margret``) most likely belongs to, if any."""
        w = tok.base
        if len(w) < 4 or not w.isalpha() or lexicon.is_word(w, rare=True):
            return None
        # A real, different name (Tony vs Toby) only counts as a one-edit slip.
        strict = w in lexicon.first_names()
        low = w.lower()
        for target, person in self._fuzzy_targets:
            if target == low or abs(len(target) - len(low)) > 2:
                continue
            limit = 1 if len(target) <= 8 or strict else 2
            if len(target) <= 5 and (not tok.capitalised or low[0] != target[0] or strict):
                continue
            if DamerauLevenshtein.distance(low, target, score_cutoff=limit) <= limit:
                return person
        return None

    def redactions(self, text: str) -> list[Redaction]:
        """Redactions for every known-person mention, with titles and role nouns folded in."""
        out: list[Redaction] = []
        whole: set[tuple[int, int]] = set()
        for m in self.find(text):
            start, end = m.start, m.end
            ident = identifier_around(text, start, end)
            if ident is not None:  # "zephyrine_quillfeather_notes.docx" -> "[file]"
                if ident[:2] not in whole:
                    whole.add(ident[:2])
                    out.append(Redaction(ident[0], ident[1], text[ident[0]:ident[1]], ident[2],
                                         "known_person", max(m.confidence, 0.9)))
                continue
            rep = self.pseudonyms[m.person]
            t = _TITLE_BEFORE.search(text, 0, start)
            if t and m.how in ("part", "name", "fuzzy", "plural"):
                start = t.start()
            noun = self.role_noun(m.person)
            if noun:
                before = re.search(rf"\b{re.escape(noun)}\s+$", text[max(0, start - 40):start],
                                   re.IGNORECASE)
                if before:  # "her daughter Sonja" -> "her daughter"
                    start = start - len(before.group()) if start >= len(before.group()) else start
                    rep = text[start:start + len(noun)]
            out.append(Redaction(start, end, text[start:end], rep, "known_person", m.confidence))
        return _merge_adjacent(text, out)


# Single letters spaced out ("Q u i l l", "Q.U.I.L.L", "Q-u-i-l-l"): five or more.
_SPACED = re.compile(r"(?<![\w.])(?:[^\W\d_][ .\-*_] ?){4,}[^\W\d_](?![\w])")


def _needs_case(text: str) -> bool:
    """Match only when capitalised: short names and names that are everyday words."""
    words = text.split()
    if len(words) > 1:  # "Will Hope": only capitalised, or "I will hope" would match
        return all(lexicon.is_word(w) or w.lower() in lexicon.word_names() for w in words)
    return len(text) <= 2 or lexicon.is_word(text) or text.lower() in lexicon.word_names()


# Two-letter tokens that are common in notes whatever a name says ("Al" and "Di" are particles).
_SHORT_COMMON = {"ok", "tv", "gp", "uk", "us", "am", "pm", "mr", "ms", "dr", "st", "rd", "th", "nd",
                 "co", "vs", "eg", "ie", "hr", "er", "ah", "oh", "uh", "um", "hm", "ya", "yo",
                 "ex", "id", "ad", "ot", "pt", "ed", "na", "aa", "ca", "em", "en", "re", "ve",
                 "ll", "mm", "cm", "km", "kg", "lb", "ml", "mg", "bp", "hb", "ct", "ap", "ai",
                 "hi", "go", "no", "so", "to", "do", "it", "is", "in", "on", "at", "by", "up"}


def _short_foreign(text: str) -> bool:
    """A two-letter name part that is no English word or common abbreviation ("Li", "Ng", "Bo"):
    it names its person in any case ("li said", "NG"), so it need not be capitalised."""
    low = text.lower()
    return len(text) == 2 and text.isalpha() and low not in PARTICLES \
        and low not in _SHORT_COMMON and not lexicon.is_word(low)


def _sentence_initial(text: str, start: int) -> bool:
    from .tokens import starts_sentence
    return starts_sentence(text, start)


def _dedupe(found: list[KnownMatch]) -> list[KnownMatch]:
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    out: list[KnownMatch] = []
    for f in found:
        if out and f.start < out[-1].end:
            continue
        out.append(f)
    return out


def _merge_adjacent(text: str, spans: list[Redaction]) -> list[Redaction]:
    """"Dee Whitcombe" matched as two parts of one person becomes one redaction."""
    out: list[Redaction] = []
    for s in sorted(spans, key=lambda s: s.start):
        if out and out[-1].replacement == s.replacement and s.start >= out[-1].end \
                and text[out[-1].end:s.start].strip() in ("", "-"):
            prev = out.pop()
            s = Redaction(prev.start, s.end, text[prev.start:s.end], prev.replacement,
                          "known_person", min(prev.confidence, s.confidence))
        out.append(s)
    return out


def as_known(known: KnownPeople | Iterable[Person] | None) -> KnownPeople:
    if isinstance(known, KnownPeople):
        return known
    return KnownPeople(list(known or []))
