"""Themes of practice, found in what practitioners write: the one door to the theme engine.

Everything outside this package imports from here, never from its modules (an import-linter
contract in ``pyproject.toml`` checks it). The door:

- :class:`ThemeEngine`, made for a journal by :func:`engine_for` (the built-in themes plus the
  practitioner's own): ``analyse(entries, kept)`` each entry's themes with their evidence,
  ``analyse_entry(entry)`` one entry's, ``recurring(analyses)`` what keeps coming back per
  client, ``summary(analyses)`` all of it, ``reader(journal)`` the app's slice-at-a-time read;
- :func:`analyse_journal`: a whole journal (or one client's entries) in one call, reusing and
  keeping the results the journal keeps; :func:`keep_themes_of` after a large import;
- what it answers with (:class:`EntryAnalysis`, :class:`EntryTheme`, :class:`Evidence`,
  :class:`JournalThemes`, :class:`Recurrence`), and the few views the app makes of it
  (evidence as HTML, counts by month, Demand-Control sentences, the user-theme form's rules).

Inside: the themes are data (``resources/themes/builtin.toml``, :mod:`.lexicon`), compiled
(:mod:`.compiler`) and detected with negation and perspective rules (:mod:`.detector`,
:mod:`.negation`) plus a learned layer (:mod:`.learned`); results are kept in the journal
(:mod:`.cache`) and many entries are detected on every core (:mod:`.parallel`).
"""

from reflect.core.themes.cache import KeptResults
from reflect.core.themes.dcs_patterns import stress_pattern
from reflect.core.themes.detector import Evidence, ThemeHit
from reflect.core.themes.engine import (
    ThemeEngine,
    analyse_journal,
    engine_for,
    engine_with,
    forget,
    keep_themes_of,
)
from reflect.core.themes.explain import dcs_sentences, evidence_html
from reflect.core.themes.lexicon import ThemeInfo
from reflect.core.themes.reader import JournalReader
from reflect.core.themes.recurrence import Recurrence, counts_by_month
from reflect.core.themes.results import (
    ACCEPTED,
    ADDED,
    AUTO,
    SUGGESTED,
    USER,
    EntryAnalysis,
    EntryTheme,
    JournalThemes,
)
from reflect.core.themes.user_rules import (
    BUILTIN,
    NO_CUES,
    NO_NAME,
    TAKEN,
    builtin_labels,
    cue_lines,
    slug,
    try_theme,
    user_theme_dict,
    user_theme_problem,
)

__all__ = [
    "ACCEPTED",
    "ADDED",
    "AUTO",
    "BUILTIN",
    "NO_CUES",
    "NO_NAME",
    "SUGGESTED",
    "TAKEN",
    "USER",
    "EntryAnalysis",
    "EntryTheme",
    "Evidence",
    "JournalReader",
    "JournalThemes",
    "KeptResults",
    "Recurrence",
    "ThemeEngine",
    "ThemeHit",
    "ThemeInfo",
    "analyse_journal",
    "builtin_labels",
    "counts_by_month",
    "cue_lines",
    "dcs_sentences",
    "engine_for",
    "engine_with",
    "evidence_html",
    "forget",
    "keep_themes_of",
    "slug",
    "stress_pattern",
    "try_theme",
    "user_theme_dict",
    "user_theme_problem",
]
