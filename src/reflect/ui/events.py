"""The one change signal: ``journalChanged(changes, origin)``.

An action changes the journal through core and then announces what changed
(:class:`reflect.core.changes.Changes`) with the object that made the change as ``origin``.
The main window, its editor, the themes analysis and the other views subscribe once, look at the
kinds they care about, skip what they made themselves, and refresh themselves. One
``JournalEvents`` per main window, passed in: there is no global.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from reflect.core.changes import Changes, changes


class JournalEvents(QObject):
    journalChanged = Signal(object, object)  # Changes, origin (the object that made the change)

    def announce(self, what: Changes | str, origin: object = None, **detail) -> None:
        """``announce(changes(ENTRIES, entries=[id]), self)`` or ``announce(PEOPLE, self)``."""
        record = what if isinstance(what, Changes) else changes(what, **detail)
        self.journalChanged.emit(record, origin)
