"""One client's suggestions from supervision, newest meeting first, and what came of each:
the state at a glance, every follow-up with its note beneath; choose one to try, record how it
went, or dismiss it. It refreshes itself from ``journalChanged``."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from reflect.core.changes import PEOPLE, SUPERVISION
from reflect.core.supervision import FollowUpState, choose_to_try, history, record_outcome
from reflect.core.supervision.when import relative_day
from reflect.ui.events import JournalEvents

from .labels import kind_label, stance_label, state_label, timing_label, tr

SUGGESTION, WHEN, STANCE, STATE = range(4)


class SuggestionHistory(QDialog):
    def __init__(self, journal, client_id: str, parent=None,
                 events: JournalEvents | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.client_id = client_id
        self.events = events if events is not None else JournalEvents(self)
        self.events.journalChanged.connect(self._journal_changed)
        client = journal.person(client_id)
        self.setWindowTitle(tr("Suggestions from supervision — %1").replace("%1", client.display))
        self.resize(820, 520)
        intro = QLabel(tr("What your supervision suggested for %1, and what came of it. Choose "
                          "one and press “I'll try it”: your next entries with %1 ask how it went.")
                       .replace("%1", client.display))
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([tr("Suggestion"), tr("When"), tr("Stance"), tr("What came of it")])
        header = self.tree.header()
        header.setSectionResizeMode(SUGGESTION, QHeaderView.ResizeMode.Stretch)
        for column in (WHEN, STANCE, STATE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setStyleSheet("QTreeView::item { padding: 3px 0; }")
        self.tree.setAccessibleName(tr("Suggestions and their follow-ups"))
        self.tree.currentItemChanged.connect(self._update_buttons)
        self.empty = QLabel(tr("No suggestions for this client yet. Log a meeting where you "
                               "presented their case to keep what the group suggested."))
        self.empty.setProperty("role", "empty")
        self.empty.setWordWrap(True)

        self.try_button = QPushButton(tr("I'll &try it"))
        self.try_button.clicked.connect(self._choose)
        self.state = QComboBox()
        for state in FollowUpState:
            self.state.addItem(state_label(state), state)
        self.state.setAccessibleName(tr("What came of it"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(tr("A note (optional)"))
        self.note.setAccessibleName(tr("Note"))
        self.record_button = QPushButton(tr("&Record"))
        self.record_button.clicked.connect(self._record)
        row = QHBoxLayout()
        row.addWidget(self.try_button)
        row.addSpacing(16)
        row.addWidget(QLabel(tr("How it went:")))
        row.addWidget(self.state)
        row.addWidget(self.note, 1)
        row.addWidget(self.record_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.reload()

    def reload(self, keep: str | None = None) -> None:
        self.tree.clear()
        refs = history(self.journal, self.client_id)
        today = date.today()
        by_meeting: dict[str, QTreeWidgetItem] = {}
        for ref in refs:
            s = ref.suggestion
            parent = by_meeting.get(ref.meeting_id)
            if parent is None:
                when = relative_day(ref.meeting_date, today)
                parent = QTreeWidgetItem([
                    tr("%1 — %2").replace("%1", when[:1].upper() + when[1:])
                    .replace("%2", kind_label(ref.meeting_kind))])
                parent.setFirstColumnSpanned(True)
                font = parent.font(0)
                font.setBold(True)
                parent.setFont(0, font)
                parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.tree.addTopLevelItem(parent)
                by_meeting[ref.meeting_id] = parent
            item = QTreeWidgetItem([s.text, timing_label(s.timing), stance_label(s.stance),
                                    state_label(s.state, chosen=s.chosen is not None)])
            item.setData(0, Qt.ItemDataRole.UserRole, s.id)
            item.setToolTip(0, s.consequence and tr("Likely: %1").replace("%1", s.consequence))
            parent.addChild(item)
            for f in s.follow_ups:
                line = f"{f.date.day} {f.date:%b %Y} · {state_label(f.state)}" + (f" — {f.note}" if f.note else "")
                child = QTreeWidgetItem([line])
                child.setFirstColumnSpanned(True)
                child.setFlags(Qt.ItemFlag.ItemIsEnabled)
                item.addChild(child)
            if s.id == keep:
                self.tree.setCurrentItem(item)
        self.tree.expandAll()
        self.tree.setVisible(bool(refs))
        self.empty.setVisible(not refs)
        self._update_buttons()

    def _journal_changed(self, what, _origin) -> None:
        if not (SUPERVISION in what or PEOPLE in what) or not self.journal.is_open:
            return
        if self.client_id in what.removed:
            self.reject()  # the client was forgotten: nothing of them stays on screen
            return
        self.reload(keep=self.current_suggestion())

    def current_suggestion(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _update_buttons(self, *_args) -> None:
        chosen = self.current_suggestion() is not None
        for widget in (self.try_button, self.state, self.note, self.record_button):
            widget.setEnabled(chosen)

    def _choose(self) -> None:
        sid = self.current_suggestion()
        if sid:
            choose_to_try(self.journal, sid)
            self.events.announce(SUPERVISION, self)

    def _record(self) -> None:
        sid = self.current_suggestion()
        if not sid:
            return
        record_outcome(self.journal, sid, self.state.currentData(), self.note.text())
        self.note.clear()
        self.events.announce(SUPERVISION, self)
