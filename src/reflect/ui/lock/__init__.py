"""The journal while it is closed: first-run welcome, unlock, passphrases, and the idle lock."""
