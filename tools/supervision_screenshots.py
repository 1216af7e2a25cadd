"""Take the supervision screenshots in docs/ from the real app, on a virtual display.

    Xvfb :99 -screen 0 1440x900x24 & DISPLAY=:99 openbox &
    DISPLAY=:99 .venv/bin/python tools/supervision_screenshots.py docs --look light

A throwaway journal (temporary folder, cheap key derivation) gets the sample journal
(data/journals/sample-journal.jsonl), a brief exported for the client with the most sessions,
two meetings where their case was presented (the group's questions, suggestions from
conservative to liberal, follow-ups, action points) and three monthly self-checks. Then the
whole screen is grabbed at each view: prepare a meeting, the client's suggestion history,
presenting mode, logging a meeting (its case linked to the brief), the meetings with their
action points, and the themes window with the self-check beside stress and overtime.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

from shots import Shots

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--look", default="light", choices=("light", "dark"))
    parser.add_argument("--only", nargs="*", default=None)
    args = parser.parse_args()
    cam = Shots(args.out, args.look, suffix=f"-{args.look}", only=args.only,
                quiet_self_check=True)
    settle, shot = cam.settle, cam.shot
    from PySide6.QtWidgets import QApplication

    session = cam.start()
    window = session.window

    from reflect.core.changes import ENTRIES, PEOPLE, SUPERVISION, changes
    from reflect.core.interchange import import_lines, split_lines

    journal = window.journal
    data = (ROOT / "data" / "journals" / "sample-journal.jsonl").read_bytes()
    report = import_lines(journal, split_lines(data))
    window.events.announce(changes(ENTRIES, PEOPLE, entries=report.entry_ids), None)

    client = max(journal.clients(), key=lambda c: len(journal.summaries(c.id)))
    fill_supervision(journal, client)
    window.events.announce(SUPERVISION, None)
    window.clients.select_key(client.id)
    settle(1.0)

    from reflect.ui.supervision.history import SuggestionHistory
    from reflect.ui.supervision.meeting_dialog import MeetingDialog
    from reflect.ui.supervision.meetings_view import MeetingsDialog
    from reflect.ui.supervision.prepare import PrepareDialog

    prepare = PrepareDialog(journal, window)
    prepare.show()
    shot("supervision-prepare")
    prepare.close()

    history = SuggestionHistory(journal, client.id, window, window.events)
    history.show()
    first = history.tree.topLevelItem(0)
    if first is not None and first.childCount():
        history.tree.setCurrentItem(first.child(0))
    shot("supervision-history")
    history.close()

    presenting = window.supervision.present(client.id)
    presenting.showMaximized()
    presenting.present_minutes.setValue(10)
    presenting.discuss_minutes.setValue(20)
    presenting.start_button.click()
    for _ in range(7 * 60 + 42):
        presenting.countdown.tick()
    presenting.capture.setText("What happens in the last ten minutes of a session?")
    presenting.add("question")
    presenting.capture.setText("Say the end time when she arrives")
    presenting.stance.setCurrentIndex(presenting.stance.findData("conservative"))
    presenting.add("suggestion")
    presenting.capture.setText("Offer a short check-in message on a fixed day")
    presenting.stance.setCurrentIndex(presenting.stance.findData("liberal"))
    presenting.add("suggestion")
    presenting.countdown.pause()
    shot("supervision-presenting")
    presenting.close()

    meeting = MeetingDialog(journal, parent=window, client_id=client.id, events=window.events)
    meeting.group.setText("Thursday peer group")
    meeting.chair.setText("Sam")
    case = meeting.case_editors()[0]
    case.questions.setPlainText("What happens in the last ten minutes?\nHas she said why she "
                                "messages late?")
    case.add_captured([], [])
    from reflect.core.model import Stance, Timing
    from reflect.core.supervision import Suggestion

    for text, timing, stance, likely in (
            ("Say the end time when she arrives", Timing.PRE, Stance.CONSERVATIVE,
             "she may protest at first"),
            ("Agree one reply window for messages", Timing.POST, Stance.NEUTRAL, ""),
            ("Offer a short check-in message on a fixed day", Timing.POST, Stance.LIBERAL,
             "she may lean on it")):
        case.suggestions.add(Suggestion(text, timing, stance, likely))
    case.actions.add("Re-read the contract about messages")
    case.actions.add("Bring the outcome to the next meeting")
    meeting.show()
    shot("supervision-meeting")
    meeting.close()

    meetings = MeetingsDialog(journal, window, window.events)
    meetings.show()
    meetings.table.selectRow(0)
    shot("supervision-meetings")
    meetings.close()

    window.show_themes()
    themes = window.themes_window
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and themes.stack.currentWidget() is not themes.splitter:
        settle(0.3)
    settle(1.0)
    shot("supervision-themes-self-check")
    themes.close()
    QApplication.closeAllWindows()
    sys.stdout.flush()
    os._exit(0)  # PySide's teardown at exit can crash; every file is written by now


def fill_supervision(journal, client) -> None:
    """A brief exported, two meetings about the client with what came of them, self-checks."""
    from reflect.core.model import Stance, Timing
    from reflect.core.supervision import (
        ActionPoint,
        FollowUp,
        FollowUpState,
        Meeting,
        MeetingKind,
        PresentedCase,
        Suggestion,
        SupervisionLog,
        answer_self_check,
        brief_exported,
    )

    sessions = sorted(journal.summaries(client.id), key=lambda s: s.date)
    now = datetime.now().replace(second=0, microsecond=0)
    question = "How do I keep the boundary around messages between sessions?"
    brief_exported(journal, client_id=client.id, template="group", fmt="pdf",
                   entry_ids=[s.id for s in sessions[-4:]], question=question,
                   path="case-brief-group.pdf", when=now - timedelta(days=1, hours=3))
    old = brief_exported(journal, client_id=client.id, template="group", fmt="pdf",
                         entry_ids=[s.id for s in sessions[-8:-4]], question=question,
                         path="case-brief-group.pdf", when=now - timedelta(days=23))
    last = sessions[-1]
    meeting_day = now - timedelta(days=21)
    chosen = (meeting_day + timedelta(days=1)).date()
    log = SupervisionLog(journal)
    met = log.save_meeting(Meeting(
        meeting_day.replace(hour=18, minute=0), MeetingKind.PEER_GROUP, "Thursday peer group",
        90, "Priya", cases=[PresentedCase(
            client.id, question, old.link(),
            questions=["What do you say when a message comes late at night?",
                       "What did you agree at the start?"],
            suggestions=[
                Suggestion("Say the end time when she arrives", Timing.PRE,
                           Stance.CONSERVATIVE, "she may protest at first", chosen,
                           [FollowUp(FollowUpState.TRIED, now - timedelta(days=14),
                                     "said it at the door; she smiled", last.id),
                            FollowUp(FollowUpState.HELPED, now - timedelta(days=7),
                                     "we ended on time twice")]),
                Suggestion("Agree one reply window for messages", Timing.POST, Stance.NEUTRAL,
                           "", chosen),
                Suggestion("Refer her to an evening support line", Timing.POST,
                           Stance.CONSERVATIVE, "", chosen,
                           [FollowUp(FollowUpState.DISMISSED, now - timedelta(days=10),
                                     "not what she needs")]),
                Suggestion("Offer a short check-in message on a fixed day", Timing.POST,
                           Stance.LIBERAL, "she may lean on it"),
            ])]))
    met.actions = [ActionPoint("Re-read the contract about messages", True, met.cases[0].id),
                   ActionPoint("Bring the outcome to the next meeting", False, met.cases[0].id)]
    log.save_meeting(met)
    log.save_meeting(Meeting((now - timedelta(days=63)).replace(hour=9, minute=30),
                             MeetingKind.ONE_TO_ONE, "Dr Okafor", 50))
    # three months in which the sample journal has sessions, so stress and overtime sit beside
    for month, answers in ((2, {"earning": "sometimes", "friends": "no", "days_off": "yes",
                                "over_time": "yes", "fixing": "sometimes", "self_care": "no"}),
                           (3, {"earning": "sometimes", "friends": "no", "days_off": "sometimes",
                                "over_time": "yes", "fixing": "sometimes",
                                "self_care": "sometimes"}),
                           (4, {"earning": "no", "friends": "no", "days_off": "sometimes",
                                "over_time": "sometimes", "fixing": "no",
                                "self_care": "sometimes"})):
        answer_self_check(journal, answers, when=datetime(2026, month, 2, 9, 0))

if __name__ == "__main__":
    sys.exit(main())
