"""De-identification: turn a case into text that names no one (pure Python, no Qt, no storage).

- :func:`deidentify` proposes and applies redactions; :func:`apply` re-applies an edited set.
- :func:`find_known_leaks` is the export gate: it must return nothing before a brief is written.
"""

from .gate import Leak, find_known_leaks
from .gazetteer import Labels
from .known import KnownPeople
from .pipeline import deidentify, find_redactions
from .redaction import RedactedText, Redaction, apply

__all__ = [
    "KnownPeople", "Labels", "Leak", "RedactedText", "Redaction", "apply", "deidentify", "find_known_leaks",
    "find_redactions",
]
