"""Supervision in the app: log a meeting, present a case, follow up what the group suggested.

- :mod:`.feature` — the Supervision menu and its wiring into the main window
- :mod:`.meeting_dialog`, :mod:`.case_editor`, :mod:`.suggestion_table` — logging a meeting
- :mod:`.meetings_view`, :mod:`.hours_view` — the meetings so far, and supervision hours
- :mod:`.follow_up_panel` — "From supervision on …: … — did you?" on a new entry
- :mod:`.history` — one client's suggestions and what came of them
- :mod:`.prepare` — which case to bring; :mod:`.presenting` — presenting mode with a countdown
- :mod:`.self_check_dialog` — the monthly self-check
All data goes through :mod:`reflect.core.supervision`.
"""
