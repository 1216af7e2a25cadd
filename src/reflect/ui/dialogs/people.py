"""Edit a client: name, alias, other names, linked people (partner, GP…) with roles, notes.

"Forget this client…" is here too, behind a confirmation that names what will be deleted.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from reflect.core.model import Person, PersonKind
from reflect.ui.dialogs import forget


def split_names(text: str) -> list[str]:
    return [n.strip() for n in text.split(",") if n.strip()]


class ClientDialog(QDialog):
    """``exec()`` returns Accepted after a save; ``forgotten`` is True after a forget."""

    def __init__(self, journal, client: Person | None = None, parent=None, *,
                 backup_folder: str = "") -> None:
        super().__init__(parent)
        self.journal = journal
        self._backup_folder = backup_folder  # where automatic backups go (forget offers them)
        self.client = client or Person(name="", kind=PersonKind.CLIENT)
        self.forgotten = False
        self._linked = journal.linked_people(self.client.id) if self.client.id else []
        self._removed: list[Person] = []
        self.setWindowTitle(self.tr("Client") if self.client.id else self.tr("New client"))
        self.setMinimumWidth(520)

        self.name = QLineEdit(self.client.name)
        self.alias = QLineEdit(self.client.alias or "")
        self.alias.setPlaceholderText(self.tr("e.g. initials — shown in lists"))
        self.aka = QLineEdit(", ".join(self.client.aka))
        self.aka.setPlaceholderText(self.tr("nicknames, separated by commas"))
        self.notes = QPlainTextEdit(self.client.notes or "")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(80)
        for widget, name in ((self.name, self.tr("Name")), (self.alias, self.tr("Alias")),
                             (self.aka, self.tr("Other names")), (self.notes, self.tr("Notes"))):
            widget.setAccessibleName(name)
        form = QFormLayout()
        form.addRow(self._label(self.tr("&Name:"), self.name), self.name)
        form.addRow(self._label(self.tr("&Alias:"), self.alias), self.alias)
        form.addRow(self._label(self.tr("&Other names:"), self.aka), self.aka)
        form.addRow(self._label(self.tr("No&tes:"), self.notes), self.notes)

        self.people = QTableWidget(0, 3)
        self.people.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Role"), self.tr("Other names")])
        self.people.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.people.verticalHeader().hide()
        self.people.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.people.setAccessibleName(self.tr("Linked people"))
        self.people.setTabKeyNavigation(False)
        for p in self._linked:
            self._add_row(p)
        add = QPushButton(self.tr("A&dd person"))
        remove = QPushButton(self.tr("&Remove"))
        people_buttons = QHBoxLayout()
        people_buttons.addWidget(add)
        people_buttons.addWidget(remove)
        people_buttons.addStretch(1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.forget_button = buttons.addButton(self.tr("&Forget this client…"),
                                               QDialogButtonBox.ButtonRole.ResetRole)
        self.forget_button.setVisible(bool(self.client.id))
        self.error = QLabel()
        self.error.setProperty("role", "error")

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        people_label = QLabel(self.tr("Linked &people (a partner, a parent, their GP…):"))
        people_label.setBuddy(self.people)
        layout.addWidget(people_label)
        layout.addWidget(self.people)
        layout.addLayout(people_buttons)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        add.clicked.connect(lambda: self._add_row(None))
        remove.clicked.connect(self._remove_row)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        self.forget_button.clicked.connect(self._forget)
        self.name.setFocus()

    def _label(self, text: str, buddy) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def _add_row(self, person: Person | None) -> None:
        row = self.people.rowCount()
        self.people.insertRow(row)
        values = (person.name, person.role or "", ", ".join(person.aka)) if person else ("", "", "")
        for col, value in enumerate(values):
            item = QTableWidgetItem(value)
            if col == 0:
                item.setData(Qt.ItemDataRole.UserRole, person.id if person else None)
            self.people.setItem(row, col, item)
        if person is None:
            self.people.setCurrentCell(row, 0)
            self.people.editItem(self.people.item(row, 0))

    def _remove_row(self) -> None:
        row = self.people.currentRow()
        if row < 0:
            return
        person_id = self.people.item(row, 0).data(Qt.ItemDataRole.UserRole)
        self._removed += [p for p in self._linked if p.id == person_id]
        self.people.removeRow(row)

    def _save(self) -> None:
        name = self.name.text().strip()
        if not name:
            self.error.setText(self.tr("A client needs a name. Only you will see it."))
            self.name.setFocus()
            return
        c = self.client
        c.name, c.alias = name, self.alias.text().strip() or None
        c.aka, c.notes = split_names(self.aka.text()), self.notes.toPlainText().strip() or None
        by_id = {p.id: p for p in self._linked}
        with self.journal.transaction():
            self.journal.save_person(c)
            for row in range(self.people.rowCount()):
                cells = [(self.people.item(row, col).text() if self.people.item(row, col)
                          else "").strip() for col in range(3)]
                if not cells[0]:
                    continue
                pid = self.people.item(row, 0).data(Qt.ItemDataRole.UserRole)
                person = by_id.get(pid) or Person(name=cells[0], kind=PersonKind.OTHER)
                person.name, person.role = cells[0], cells[1] or None
                person.aka, person.linked_to = split_names(cells[2]), c.id
                self.journal.save_person(person)
            for person in self._removed:
                person.linked_to = None  # unlinked, not deleted: entries may still name them
                self.journal.save_person(person)
        self.accept()

    def _forget(self) -> None:
        asked = forget.confirm(self, self.journal, self.client.id, self._backup_folder)
        if asked is None:
            return
        done = self.journal.forget_client(self.client.id)
        self.forgotten = True
        forget.finish(self, self.journal, asked, done, self._backup_folder)
        self.accept()
