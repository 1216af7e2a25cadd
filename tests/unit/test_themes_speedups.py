"""The detector's shortcuts give exactly the answers of the plain code they replace."""

from __future__ import annotations

import random

import pytest

from reflect.core.themes import ThemeDetector
from reflect.core.themes.compiler import case_sensitive_twin, plain_lowercase
from reflect.core.themes.negation import (
    ClauseIndex,
    clause_tokens,
    is_negated,
    nearest_subject,
)

_PIECES = [" ", " ", "-", "\n", ".", ",", "a", "'", "\x1f", "\u2014", "not", "but", "she", "i",
           "\t", "(", "no ", "n't", "didn't ", "said ", "stop", "i'm", "client", "and", "never",
           "he", "q" * 40]


def test_clause_index_matches_the_plain_functions():
    rng = random.Random(11)
    for _ in range(400):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 120)))
        for lowered in (True, False):
            clauses = ClauseIndex(text, lowered)
            for start in range(len(text) + 1):
                assert clauses.tokens(start) == clause_tokens(text, start)
                assert clauses.negated(start, 3) == is_negated(text, start, 3)
                assert clauses.subject(start) == nearest_subject(text, start)


@pytest.mark.parametrize(
    ("pattern", "has_twin"),
    [
        (r"Felt [A-Z]x\W", True),
        (r"a(?-i:[A-Z])\w+", False),  # must keep seeing capitals
        (r"[0-z]", False),  # a range across cases
        ("\u017fure", False),  # the long s matches "s" when case is ignored
        ("\u00a35\u2014x", True),
    ],
)
def test_case_sensitive_twin_only_when_exact(pattern, has_twin):
    assert (case_sensitive_twin(pattern) is not None) == has_twin


def test_twins_match_like_their_cues_on_plain_lowercase_text():
    detector = ThemeDetector.builtin()
    text = ("stayed 20 min over -- she texted me at midnight; i answered anyway. furious at "
            "her, \u00a340 cash tip \u2014 no one to ask. didn't ask first, she froze.").lower()
    assert plain_lowercase(text) and not plain_lowercase("caf\u00e9")
    for theme in detector.prepare()._compiled:
        pairs = [(plain, theme.cue_regex_lower(c)) for c, plain in enumerate(theme.cue_regexes)]
        if theme.exclusion is not None:
            pairs.append((theme.exclusion, theme.exclusion_lower()))
        for plain, twin in pairs:
            for pos in range(len(text)):
                a, b = plain.match(text, pos), twin.match(text, pos)
                assert (a and a.span()) == (b and b.span())
