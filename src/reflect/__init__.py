"""Reflect: an encrypted reflective journal for practitioners who work alone with clients."""

__version__ = "0.1.0"
