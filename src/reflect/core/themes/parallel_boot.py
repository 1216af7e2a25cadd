"""Imported once by the theme workers' server process (see :mod:`.parallel`): the built-in
lexicon is compiled here, before any worker is forked, so every worker starts with it ready."""

from reflect.core.themes.detector import ThemeDetector

ThemeDetector.builtin().prepare()
