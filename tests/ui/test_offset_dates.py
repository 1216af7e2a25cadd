"""A journal that holds a date with a UTC offset (imported by an older Reflect) opens in the app:
the window shows, with every entry listed."""

from __future__ import annotations

from datetime import datetime

from drive import unlock

from reflect.core import records
from reflect.core.interchange import import_lines
from reflect.core.model import Entry


def test_the_window_shows_a_journal_holding_an_offset_date(qtbot, make_session, journal):
    import_lines(journal, ['{"date": "2025-06-01T09:00", "narrative": "an ordinary session"}'])
    entry = Entry(date=datetime(2025, 6, 2, 10, 0), narrative="kept with its offset")
    entry.id = records.new_id()
    row = records.entry_row(entry)
    row["date"] = row["summary"]["date"] = "2025-06-02T10:00+02:00"
    journal.file.put("entry", row)
    journal.file.set_mark("repaired.offset-dates", None)  # as before the repair existed
    journal.close()
    session = make_session(journal.path)
    unlock(qtbot, session)
    assert session.window.entry_model.rowCount() == 2
