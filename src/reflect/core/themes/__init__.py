"""Theme detection: the recurring themes of practice, found in what practitioners write.

The themes are data (``resources/themes/builtin.toml``); this package loads them
(:mod:`.lexicon`), compiles each theme into one fast regex (:mod:`.compiler`), finds and scores
cues with negation and perspective rules (:mod:`.detector`, :mod:`.negation`) and summarises
themes and Demand-Control patterns over time (:mod:`.recurrence`, :mod:`.dcs_patterns`).
A whole journal is analysed by :mod:`.analysis`, on every core (:mod:`.parallel`), detecting
again only what changed since the results the journal kept (:mod:`.cache`).
"""

from reflect.core.themes.detector import Evidence, ThemeDetector, ThemeHit
from reflect.core.themes.lexicon import (
    Lexicon,
    LexiconError,
    ThemeInfo,
    UserTheme,
    load_builtin,
    load_lexicon,
)

__all__ = [
    "Evidence",
    "Lexicon",
    "LexiconError",
    "ThemeDetector",
    "ThemeHit",
    "ThemeInfo",
    "UserTheme",
    "load_builtin",
    "load_lexicon",
]
