"""Choosing a passphrase: the field, its confirmation and a strength meter (zxcvbn).

Used when a journal is created, after a recovery-code unlock and to change the passphrase.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QProgressBar, QVBoxLayout, QWidget

from reflect.ui.widgets.pages import label
from reflect.ui.widgets.reveal import RevealToggle

MIN_LENGTH = 8


def _strength(text: str) -> tuple[int, str]:
    """zxcvbn's score 0-4 and its warning (the first 64 characters are plenty to judge)."""
    import zxcvbn  # imported on first use: the unlock window does not need it

    result = zxcvbn.zxcvbn(text[:64])
    return int(result["score"]), result["feedback"].get("warning") or ""


class PassphraseForm(QWidget):
    """Emits ``validityChanged(bool)`` as the passphrase becomes usable or not."""

    validityChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None, *, first_label: str = "") -> None:
        super().__init__(parent)
        self.first = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.first.setAccessibleName(self.tr("New passphrase"))
        self.second = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.second.setAccessibleName(self.tr("Type the passphrase again"))
        self.meter = QProgressBar(maximum=4, textVisible=False)
        self.meter.setFixedHeight(6)
        self.meter.setAccessibleName(self.tr("Passphrase strength"))
        self._paint_meter("transparent")
        self.verdict = label("", "hint")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        first_label = first_label or self.tr("&Passphrase:")
        label1 = QLabel(first_label)
        label1.setBuddy(self.first)
        label2 = QLabel(self.tr("&Again:"))
        label2.setBuddy(self.second)
        form.addRow(label1, self.first)
        form.addRow("", self.meter)
        form.addRow("", self.verdict)
        form.addRow(label2, self.second)
        self.reveal = RevealToggle([self.first, self.second], self.tr("S&how passphrases"))
        form.addRow("", self.reveal)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)

        self._valid = False
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self._update()

    def passphrase(self) -> str:
        return self.first.text()

    def is_valid(self) -> bool:
        return self._valid

    def problem(self) -> str:
        """Why the passphrase cannot be used yet ('' when it can)."""
        text, again = self.first.text(), self.second.text()
        if len(text) < MIN_LENGTH:
            return self.tr("Use at least %n characters.", "", MIN_LENGTH)
        if again != text:
            return self.tr("The two passphrases are different.") if again else ""
        return ""

    def clear(self) -> None:
        self.reveal.setChecked(False)
        self.first.clear()
        self.second.clear()

    def _paint_meter(self, color: str) -> None:
        self.meter.setStyleSheet(
            f"QProgressBar::chunk {{ background: {color}; border-radius: 3px; }}"
            "QProgressBar { border: none; border-radius: 3px; background: palette(button); }"
        )

    def _update(self) -> None:
        text = self.first.text()
        if not text:
            self.meter.setValue(0)
            self.verdict.setText(
                self.tr("At least %n characters. A few unrelated words are easy to remember "
                        "and hard to guess.", "", MIN_LENGTH)
            )
        else:
            score, warning = _strength(text)
            self.meter.setValue(max(score, 1) if len(text) >= MIN_LENGTH else 0)
            words = [self.tr("Very weak"), self.tr("Weak"), self.tr("Fair"), self.tr("Good"),
                     self.tr("Strong")]
            verdict = words[score] if len(text) >= MIN_LENGTH else self.tr("Too short")
            self.verdict.setText(f"{verdict}. {warning}".strip() if warning else verdict + ".")
            colors = ("#c0533f", "#c0533f", "#c79a2e", "#4f9a6a", "#3f8f5f")
            self._paint_meter(colors[score])
        valid = len(text) >= MIN_LENGTH and self.second.text() == text
        if valid != self._valid:
            self._valid = valid
            self.validityChanged.emit(valid)
