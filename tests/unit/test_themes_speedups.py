"""The detector's clause index gives exactly the answers of the plain functions it replaces."""

from __future__ import annotations

import random

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
