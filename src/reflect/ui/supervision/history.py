"""One client's suggestions from supervision, newest meeting first, and what came of each:
the state at a glance, every follow-up with its note beneath; choose one to try, record how it
went, or dismiss it. It refreshes itself from ``journalChanged``."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
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
from reflect.core.supervision import (
    FollowUpState,
    SupervisionLog,
    brief_exports,
    choose_to_try,
    record_outcome,
)
from reflect.core.supervision.when import relative_day
from reflect.ui.events import JournalEvents

from .labels import (
    FORMAT_NAMES,
    day_text,
    kind_label,
    stance_label,
    state_label,
    timing_label,
    tr,
)

SUGGESTION, WHEN, STANCE, STATE = range(4)
ACTION_ROLE = Qt.ItemDataRole.UserRole + 1


class SuggestionHistory(QDialog):
    def __init__(self, journal, client_id: str, parent=None,
                 events: JournalEvents | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.client_id = client_id
        self.events = events if events is not None else JournalEvents(self)
        self.events.journalChanged.connect(self._journal_changed)
        self._reload_soon = QTimer(self)
        self._reload_soon.setSingleShot(True)
        self._reload_soon.setInterval(0)
        self._reload_soon.timeout.connect(lambda: self.reload(keep=self.current_suggestion()))
        client = journal.person(client_id)
        self.setWindowTitle(tr("Suggestions from supervision — %1").replace("%1", client.display))
        self.resize(900, 540)
        intro = QLabel(tr("What your supervision suggested for %1, and what came of it. Choose "
                          "one and press “I'll try it”: your next entries with %1 ask how it "
                          "went. Tick an action point when it is done.")
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
        self.tree.itemChanged.connect(self._ticked)
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
        """Meeting by meeting, newest first: the brief presented, each suggestion with what came
        of it (its follow-ups beneath), and the case's action points, to tick."""
        self.tree.blockSignals(True)
        self.tree.clear()
        meetings = SupervisionLog(self.journal).meetings(client_id=self.client_id)
        exports = {b.id: b for b in brief_exports(self.journal, self.client_id)}
        today = date.today()
        shown = 0
        for m in meetings:
            cases = [c for c in m.cases if c.client_id == self.client_id]
            actions = [a for a in m.actions if a.case_id in {c.id for c in cases}]
            if not any(c.suggestions for c in cases) and not actions:
                continue
            when = relative_day(m.date, today)
            head = tr("%1 — %2").replace("%1", when[:1].upper() + when[1:]).replace(
                "%2", kind_label(m.kind))
            brief = next((c.brief for c in cases if c.brief is not None), None)
            if brief is not None and brief.exported is not None:
                export = exports.get(brief.export_id or "")
                day = (f"{brief.exported.day} {brief.exported:%b}"
                       if brief.exported.year == m.date.year else day_text(brief.exported))
                head += " · " + tr("brief of %1").replace("%1", day)
                if export is not None:
                    head += f", {FORMAT_NAMES.get(export.format, export.format)}"
            parent = QTreeWidgetItem([head])
            parent.setFirstColumnSpanned(True)
            font = parent.font(0)
            font.setBold(True)
            parent.setFont(0, font)
            parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(parent)
            for s in (s for c in cases for s in c.suggestions):
                shown += 1
                item = QTreeWidgetItem([s.text, timing_label(s.timing), stance_label(s.stance),
                                        state_label(s.state, chosen=s.chosen is not None)])
                item.setData(0, Qt.ItemDataRole.UserRole, s.id)
                item.setToolTip(0, s.consequence and tr("Likely: %1").replace("%1", s.consequence))
                parent.addChild(item)
                for f in s.follow_ups:
                    line = f"{day_text(f.date)} · {state_label(f.state)}" + (
                        f" — {f.note}" if f.note else "")
                    child = QTreeWidgetItem([line])
                    child.setFirstColumnSpanned(True)
                    child.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    item.addChild(child)
                if s.id == keep:
                    self.tree.setCurrentItem(item)
            for a in actions:
                shown += 1
                item = QTreeWidgetItem([tr("Action: %1").replace("%1", a.text)])
                item.setFirstColumnSpanned(True)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Checked if a.done else Qt.CheckState.Unchecked)
                item.setData(0, ACTION_ROLE, a.id)
                item.setToolTip(0, tr("Tick it when it is done"))
                parent.addChild(item)
        self.tree.expandAll()
        self.tree.blockSignals(False)
        self.tree.setVisible(bool(shown))
        self.empty.setVisible(not shown)
        self._update_buttons()

    def _ticked(self, item: QTreeWidgetItem, column: int) -> None:
        """An action point ticked done (or back): kept at once."""
        action_id = item.data(0, ACTION_ROLE)
        if action_id and column == 0:
            SupervisionLog(self.journal).set_action_done(
                action_id, item.checkState(0) == Qt.CheckState.Checked)
            self.events.announce(SUPERVISION, self)

    def _journal_changed(self, what, _origin) -> None:
        if not (SUPERVISION in what or PEOPLE in what) or not self.journal.is_open:
            return
        if self.client_id in what.removed:
            self.reject()  # the client was forgotten: nothing of them stays on screen
            return
        self._reload_soon.start()  # not inside the signal that may come from the tree itself

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
