"""The entry editor's view: its widgets, the layout by sections, and what a template shows.

The logic (state, dirty tracking, drafts, saving) lives in ``entry_editor.EntryEditor``, which
builds on this. A template decides which sections show; the DC-S tables of a short template sit
behind a "More" expander that opens by itself when they hold anything.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reflect.core.entry_templates import EntryTemplate, get_template, list_templates
from reflect.ui.editor.demand_control_lists import ControlList, DemandList
from reflect.ui.editor.narrative import NarrativeEditor
from reflect.ui.editor.session_facts import SessionFields
from reflect.ui.editor.theme_chips import ThemeChipsPanel
from reflect.ui.widgets.style import MutedLabel

DEFAULT_TEMPLATE = "dcs"


def template_text(text: str) -> str:
    """A template's label or description, through the translator (templates are resources)."""
    return QCoreApplication.translate("EntryTemplates", text)


class EntryEditorView(QWidget):
    def __init__(self, default_template: str = DEFAULT_TEMPLATE, parent=None) -> None:
        super().__init__(parent)
        self._default_template = default_template
        self._template: EntryTemplate = get_template(default_template)
        self._loading = False
        self._build()

    # --- building -------------------------------------------------------------------------

    def _section(self, title: str, body: QWidget, note: str = "") -> QGroupBox:
        box = QGroupBox(title, self)
        # A bold title for each section; the contents keep the normal font.
        normal = QFont(self.font())
        normal.setBold(False)  # set explicitly, so the body does not inherit the bold title
        title_font = QFont(normal)
        title_font.setBold(True)
        box.setFont(title_font)
        body.setFont(normal)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(8)
        if note:
            label = MutedLabel(note, box)
            label.setFont(normal)
            layout.addWidget(label)
        layout.addWidget(body)
        return box

    def _build(self) -> None:
        self.template_combo = QComboBox(self)
        for t in list_templates():
            self.template_combo.addItem(template_text(t.label), t.id)
            self.template_combo.setItemData(
                self.template_combo.count() - 1, template_text(t.description), Qt.ItemDataRole.ToolTipRole
            )
        self.template_combo.setAccessibleName(self.tr("Template"))
        self.template_combo.setToolTip(self.tr("The structure to write this entry in"))
        template_label = QLabel(self.tr("&Template"), self)
        template_label.setBuddy(self.template_combo)
        template_label.setMinimumWidth(template_label.sizeHint().width() + 8)
        self.template_combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.template_description = MutedLabel("", self)

        self.session = SessionFields(self)
        self.narrative = NarrativeEditor(self)
        self.themes_panel = ThemeChipsPanel(self)
        self.demands = DemandList(self)
        self.controls = ControlList(self)
        self.went_well = QPlainTextEdit(self)
        self.went_well.setAccessibleName(self.tr("What went well"))
        self.went_well.setPlaceholderText(
            self.tr("Something you did well, a moment that worked, something to keep doing.")
        )
        self.went_well.setTabChangesFocus(True)
        self.went_well.setMinimumHeight(80)
        self.went_well.setMaximumHeight(140)

        self.more_button = QToolButton(self)
        self.more_button.setCheckable(True)
        self.more_button.setAutoRaise(True)
        self.more_button.setAccessibleName(self.tr("More: demands and controls"))
        self.more_button.setToolTip(self.tr("Show or hide the demands and controls"))

        self.sections: dict[str, QGroupBox] = {
            "session": self._section(self.tr("Session"), self.session),
            "narrative": self._section(self.tr("What happened"), self.narrative),
            "themes": self._section(self.tr("Themes"), self.themes_panel),
            "demands": self._section(
                self.tr("Demands"),
                self.demands,
                self.tr("What called for a response: environmental, interpersonal, "
                        "paralinguistic or intrapersonal (hover a category for more)."),
            ),
            "controls": self._section(
                self.tr("Controls"),
                self.controls,
                self.tr("What you brought to bear, when, and what followed. An outcome that needs "
                        "a new response can become a resulting demand."),
            ),
            "went_well": self._section(self.tr("What went well"), self.went_well),
        }

        content = QWidget(self)
        content.setObjectName("EntryEditorContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(14, 12, 14, 18)
        column.setSpacing(16)
        for key in ("session", "narrative", "themes"):
            column.addWidget(self.sections[key])
        column.addWidget(self.more_button)
        for key in ("demands", "controls", "went_well"):
            column.addWidget(self.sections[key])
        column.addStretch(1)

        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(content)

        top = QHBoxLayout()
        top.setContentsMargins(18, 14, 18, 0)
        top.setSpacing(10)
        top.addWidget(template_label)
        top.addWidget(self.template_combo)
        top.addWidget(self.template_description, 1)

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Editor status"))
        self.save_button = QPushButton(self.tr("Save entry"), self)
        self.save_button.setDefault(False)
        self.save_button.setAccessibleName(self.tr("Save entry"))
        self.save_button.setToolTip(
            self.tr("Save this entry to the journal (%1)").replace(
                "%1", QKeySequence(QKeySequence.StandardKey.Save).toString(
                    QKeySequence.SequenceFormat.NativeText
                )
            )
        )
        self.undo_remove_button = QPushButton(self.tr("Undo remove"), self)
        self.undo_remove_button.setAccessibleName(self.tr("Undo removing the row"))
        self.undo_remove_button.setToolTip(self.tr("Put back the demand or control you removed"))
        self.undo_remove_button.setVisible(False)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(18, 6, 18, 12)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.undo_remove_button)
        bottom.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(bottom)
        self.setMinimumSize(600, 480)  # the content fits without a sideways scroll bar

        self.undo_action = QAction(self.tr("&Undo"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = QAction(self.tr("&Redo"), self)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self._apply_template(self._template, prefill=False)

    def edit_actions(self) -> list[QAction]:
        """Undo and redo for the main window's Edit menu: they act on the focused text field
        (each keeps its own history), or on the narrative."""
        return [self.undo_action, self.redo_action]

    # --- templates and sections -----------------------------------------------------------

    def _apply_template(self, template: EntryTemplate, *, prefill: bool) -> None:
        self._template = template
        index = self.template_combo.findData(template.id)
        self.template_combo.blockSignals(True)
        self.template_combo.setCurrentIndex(max(index, 0))
        self.template_combo.blockSignals(False)
        self.template_description.setText(template_text(template.description))
        self.narrative.set_template(template)
        if prefill:
            self.narrative.set_text(template.prefill(), undoable=not self._loading)
            self.narrative.place_cursor_for_writing()
        self._update_sections()

    def _update_sections(self) -> None:
        t = self._template
        state_has = {
            "demands": bool(self.demands.rows),
            "controls": bool(self.controls.rows),
        }
        hidden_more = [s for s in ("demands", "controls") if s in t.more]
        self.more_button.setVisible(bool(hidden_more))
        # Never hide something the practitioner has written: content opens the expander.
        if hidden_more and any(state_has[s] for s in hidden_more) and not self.more_button.isChecked():
            self.more_button.blockSignals(True)
            self.more_button.setChecked(True)
            self.more_button.blockSignals(False)
        expanded = self.more_button.isChecked()
        self.more_button.setText(
            self.tr("▾ Fewer: hide demands and controls") if expanded
             else self.tr("▸ More: demands and controls")
        )
        for key, box in self.sections.items():
            visible = key == "themes" or t.shows(key) or (key in t.more and expanded)
            box.setVisible(visible)
        self.session.set_stress_visible(t.shows("stress"))
        self._fix_tab_order()

    def _more_toggled(self) -> None:
        self._update_sections()
        if self.more_button.isChecked():
            self.scroll.ensureWidgetVisible(self.sections["demands"])

    # --- focus ----------------------------------------------------------------------------

    def _fix_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.template_combo,
            *self.session.focus_widgets(),
            *self.narrative.focus_widgets(),
            *self.themes_panel.focus_widgets(),
            self.more_button,
            *self.demands.focus_widgets(),
            *self.controls.focus_widgets(),
            self.went_well,
            self.undo_remove_button,
            self.save_button,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def focus_narrative(self) -> None:
        self.narrative.show_write()
        self.narrative.text.setFocus()
        self.scroll.ensureWidgetVisible(self.narrative.text)
