"""The practice profile: what a peer group hears about the practitioner before a case.

Kept encrypted in the journal; a brief's Context section draws on it.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
)

from reflect.core.model import Profile
from reflect.ui.widgets.pages import label

_LINES = (
    ("profession", "&Profession", "e.g. counsellor, massage therapist, BSL interpreter"),
    ("modalities", "&Modalities", "e.g. person-centred; Swedish and deep tissue"),
    ("setting", "&Setting", "e.g. private practice, agency, online"),
)
_TEXTS = (
    ("typical_clients", "&Typical clients", "Who you usually work with"),
    ("wants_from_supervision", "What I &want from supervision", ""),
    ("current_supervision", "&Current supervision", "e.g. monthly peer group, a supervisor every six weeks"),
)


class ProfileDialog(QDialog):
    def __init__(self, journal, parent=None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.profile = journal.profile()
        self.setWindowTitle(self.tr("Practice Profile"))
        self.setMinimumWidth(520)
        intro = label(self.tr(
            "Peer groups often start by sharing a short practice profile. Reflect keeps yours "
            "encrypted in the journal and can put it at the top of a case brief."), "hint")
        form = QFormLayout()
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        for key, title, hint in _LINES:
            edit = QLineEdit(getattr(self.profile, key))
            edit.setPlaceholderText(self.tr(hint))
            edit.setAccessibleName(self.tr(title).replace("&", ""))
            form.addRow(self.tr(title), edit)
            self.fields[key] = edit
        self.years = QSpinBox()
        self.years.setRange(0, 60)
        self.years.setSpecialValueText(self.tr("not said"))
        self.years.setValue(self.profile.years_in_practice or 0)
        self.years.setAccessibleName(self.tr("Years in practice"))
        form.addRow(self.tr("&Years in practice"), self.years)
        for key, title, hint in _TEXTS:
            edit = QPlainTextEdit(getattr(self.profile, key))
            edit.setPlaceholderText(self.tr(hint))
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(64)
            edit.setAccessibleName(self.tr(title).replace("&", ""))
            form.addRow(self.tr(title), edit)
            self.fields[key] = edit
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def edited(self) -> Profile:
        values = {
            key: (w.text() if isinstance(w, QLineEdit) else w.toPlainText()).strip()
            for key, w in self.fields.items()
        }
        return replace(self.profile, years_in_practice=self.years.value() or None, **values)

    def accept(self) -> None:
        self.journal.save_profile(self.edited())
        super().accept()
