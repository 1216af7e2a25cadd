"""The practitioner's own themes: list, add, edit, delete, and try one on a sentence.

Each theme has a name, a one-line description and cue phrases, one per line. The "Try it" box runs
the theme's cues, with the same negation rules as detection, over whatever is typed there and
shows the words that trigger it. Everything is saved through ``Journal`` (encrypted);
``themesChanged`` tells the editor to detect again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reflect.core import themes
from reflect.core.journal import Journal
from reflect.ui.widgets.style import MutedLabel


class UserThemesDialog(QDialog):
    themesChanged = Signal()

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Your themes"))
        self.setObjectName("UserThemesDialog")
        self._journal = journal
        self._editing: str | None = None  # id of the theme in the form; None: a new one
        self._build()
        self._reload()
        self.new_theme()

    # --- building -------------------------------------------------------------------------

    def _build(self) -> None:
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Your themes"))
        self.list.setMinimumWidth(180)
        self.list.setMaximumWidth(240)
        self.list.currentItemChanged.connect(self._picked)
        self.new_button = QPushButton(self.tr("Ne&w theme"), self)
        self.new_button.clicked.connect(self.new_theme)
        self.delete_button = QPushButton(self.tr("&Delete…"), self)
        self.delete_button.setAccessibleName(self.tr("Delete the selected theme"))
        self.delete_button.clicked.connect(self.delete_theme)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        left.addLayout(buttons)

        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Theme name"))
        self.name.setPlaceholderText(self.tr("e.g. Travel"))
        self.description = QLineEdit(self)
        self.description.setAccessibleName(self.tr("Theme description"))
        self.description.setPlaceholderText(self.tr("One line: what this theme is about"))
        self.cues = QPlainTextEdit(self)
        self.cues.setAccessibleName(self.tr("Cue phrases, one per line"))
        self.cues.setPlaceholderText(self.tr("long drive\ntrain was late"))
        self.cues.setTabChangesFocus(True)
        self.cues.setMinimumHeight(110)
        self.error = QLabel(self)
        self.error.setObjectName("UserThemeError")
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Problem with this theme"))
        self.error.setProperty("role", "error")  # the look's error colour, light or dark
        self.error.setVisible(False)
        self.save_button = QPushButton(self.tr("&Save theme"), self)
        self.save_button.setDefault(True)  # Enter in the form saves the theme
        self.save_button.clicked.connect(self.save_theme)

        self.try_text = QPlainTextEdit(self)
        self.try_text.setAccessibleName(self.tr("Try the theme on some text"))
        self.try_text.setPlaceholderText(self.tr("Type a sentence to see whether it triggers the theme."))
        self.try_text.setTabChangesFocus(True)
        self.try_text.setMaximumHeight(80)
        self.try_result = MutedLabel("", self)
        self.try_result.setAccessibleName(self.tr("Try it result"))

        fields = QFormLayout()
        fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        fields.addRow(self._buddy(self.tr("&Name"), self.name), self.name)
        fields.addRow(self._buddy(self.tr("D&escription"), self.description), self.description)
        fields.addRow(self._buddy(self.tr("&Cue phrases"), self.cues), self.cues)
        fields.addRow("", MutedLabel(self.tr("One phrase per line. A phrase counts when it is not "
                                             "negated (“no long drive today” does not)."), self))
        fields.addRow(self._buddy(self.tr("&Try it"), self.try_text), self.try_text)
        fields.addRow("", self.try_result)
        right = QVBoxLayout()
        right.addLayout(fields)
        right.addWidget(self.error)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        right.addLayout(save_row)
        right.addStretch(1)

        body = QHBoxLayout()
        body.addLayout(left)
        body.addSpacing(12)
        body.addLayout(right, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(close)
        self.resize(720, 460)

        self._try_timer = QTimer(self)
        self._try_timer.setSingleShot(True)
        self._try_timer.setInterval(250)
        self._try_timer.timeout.connect(self.update_try)
        for signal in (self.try_text.textChanged, self.cues.textChanged, self.name.textChanged):
            signal.connect(self._try_timer.start)
        self.name.textChanged.connect(lambda: self.error.setVisible(False))

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(widget)
        return label

    # --- the list -------------------------------------------------------------------------

    def _reload(self, select: str | None = None) -> None:
        self._themes = {t["id"]: t for t in self._journal.user_themes()}
        self.list.blockSignals(True)
        self.list.clear()
        for theme in self._themes.values():
            item = QListWidgetItem(theme.get("label") or theme["id"], self.list)
            item.setData(Qt.ItemDataRole.UserRole, theme["id"])
            item.setToolTip(theme.get("description", ""))
            if theme["id"] == select:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.delete_button.setEnabled(self.list.currentItem() is not None)

    def _picked(self, item: QListWidgetItem | None) -> None:
        self.delete_button.setEnabled(item is not None)
        if item is None:
            return
        theme = self._themes[item.data(Qt.ItemDataRole.UserRole)]
        self._editing = theme["id"]
        self.name.setText(theme.get("label") or theme["id"])
        self.description.setText(theme.get("description", ""))
        self.cues.setPlainText("\n".join(theme.get("cues", [])))
        self.error.setVisible(False)
        self.update_try()

    def new_theme(self) -> None:
        self.list.clearSelection()
        self.list.setCurrentItem(None)
        self._editing = None
        for field in (self.name, self.description):
            field.clear()
        self.cues.clear()
        self.error.setVisible(False)
        self.update_try()
        self.name.setFocus()

    # --- saving and deleting --------------------------------------------------------------

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)

    def save_theme(self) -> bool:
        name = self.name.text().strip()
        cues = themes.cue_lines(self.cues.toPlainText())
        code = themes.user_theme_problem(name, cues, self._editing, set(self._themes))
        if code is not None:
            label = themes.builtin_labels().get(themes.slug(name), name)
            self._show_error({
                themes.NO_NAME: self.tr("Give the theme a name (letters or digits)."),
                themes.BUILTIN: self.tr("“%1” is one of Reflect's own themes. Choose another name.")
                .replace("%1", label),
                themes.TAKEN: self.tr("You already have a theme called “%1”.").replace("%1", name),
                themes.NO_CUES: self.tr("Add at least one cue phrase, one per line."),
            }[code])
            (self.cues if code == themes.NO_CUES else self.name).setFocus()
            return False
        theme = themes.user_theme_dict(name, self.description.text(), cues, self._editing)
        try:
            self._journal.save_user_theme(theme)
        except Exception as exc:
            self._show_error(self.tr("Not saved: %1").replace("%1", str(exc)))
            return False
        self._editing = theme["id"]
        self._reload(select=theme["id"])
        self.error.setVisible(False)
        self.themesChanged.emit()
        return True

    def delete_theme(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        theme_id = item.data(Qt.ItemDataRole.UserRole)
        answer = QMessageBox.question(
            self,
            self.tr("Delete theme"),
            self.tr("Delete your theme “%1”? Entries will no longer be checked for it.")
            .replace("%1", item.text()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._journal.delete_user_theme(theme_id)
        self._reload()
        self.new_theme()
        self.themesChanged.emit()

    # --- try it ---------------------------------------------------------------------------

    def update_try(self) -> None:
        self._try_timer.stop()
        cues = themes.cue_lines(self.cues.toPlainText())
        text = self.try_text.toPlainText()
        if not text.strip() or not cues:
            self.try_result.setText(self.tr("Type some cue phrases and a sentence to try them."))
            return
        found = themes.try_theme(self.name.text().strip(), cues, text)
        name = self.name.text().strip() or self.tr("This theme")
        if found:
            words = " · ".join(f"“{e.text}”" for e in found)
            self.try_result.setText(self.tr("✓ %1 would be suggested, because of %2")
                                    .replace("%1", name).replace("%2", words))
        else:
            self.try_result.setText(self.tr("✕ %1 would not be suggested for this text.")
                                    .replace("%1", name))


def edit_user_themes(journal: Journal, parent: QWidget | None = None, changed=None) -> None:
    """Open the dialog (modal); ``changed()`` runs after any theme was saved or deleted."""
    dialog = UserThemesDialog(journal, parent)
    if changed is not None:
        dialog.themesChanged.connect(changed)
    dialog.exec()
    dialog.deleteLater()
