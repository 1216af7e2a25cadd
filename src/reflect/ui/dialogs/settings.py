"""The settings dialog: idle lock, default template, look, automatic backups, and the rule
that makes a theme recurring."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from reflect.ui.widgets.pages import label


class SettingsDialog(QDialog):
    def __init__(self, settings, parent=None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(500)

        self.idle = QSpinBox(minimum=0, maximum=240, suffix=self.tr(" min"))
        self.idle.setSpecialValueText(self.tr("Never"))
        self.idle.setValue(settings.idle_lock_minutes)
        self.idle.setAccessibleName(self.tr("Lock after idle minutes"))
        self.template = QComboBox()
        self.template.setAccessibleName(self.tr("Template for new entries"))
        try:
            from reflect.core.entry_templates import list_templates

            for t in list_templates():
                self.template.addItem(t.label, t.id)
        except Exception:  # templates missing: keep the current id selectable
            pass
        if self.template.findData(settings.default_template) < 0:
            self.template.addItem(settings.default_template, settings.default_template)
        self.template.setCurrentIndex(self.template.findData(settings.default_template))
        self.look = QComboBox()
        self.look.setAccessibleName(self.tr("Look"))
        for key, text in (("system", self.tr("Like the system")), ("light", self.tr("Light")),
                          ("dark", self.tr("Dark"))):
            self.look.addItem(text, key)
        self.look.setCurrentIndex(max(0, self.look.findData(settings.look)))
        self.folder = QLineEdit(settings.backup_folder)
        self.folder.setPlaceholderText(self.tr("No automatic backup"))
        self.folder.setAccessibleName(self.tr("Backup folder"))
        browse = QPushButton(self.tr("&Choose…"))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.keep = QSpinBox(minimum=1, maximum=100)
        self.keep.setValue(settings.backup_keep)
        self.keep.setAccessibleName(self.tr("Backups to keep"))

        self.recur_count = QSpinBox(minimum=1, maximum=50)
        self.recur_count.setValue(settings.recurring_min_count)
        self.recur_count.setAccessibleName(self.tr("Recurring when in at least this many sessions"))
        self.recur_window = QSpinBox(minimum=1, maximum=50)
        self.recur_window.setValue(settings.recurring_window)
        self.recur_window.setAccessibleName(self.tr("Of this many most recent sessions"))
        self.recur_window.valueChanged.connect(self.recur_count.setMaximum)
        self.recur_count.setMaximum(self.recur_window.value())
        recur_row = QHBoxLayout()
        recur_row.addWidget(QLabel(self.tr("in at least")))
        recur_row.addWidget(self.recur_count)
        of_label = QLabel(self.tr("of the las&t"))
        of_label.setBuddy(self.recur_window)
        recur_row.addWidget(of_label)
        recur_row.addWidget(self.recur_window)
        recur_row.addWidget(QLabel(self.tr("sessions")))
        recur_row.addStretch(1)

        self.self_check = QCheckBox(self.tr("Offer the monthly self-check"))
        self.self_check.setChecked(bool(settings.self_check_monthly))
        self.self_check.setToolTip(self.tr("Six questions to notice boundary drift, once a month. "
                                           "Always in Supervision → Monthly Self-Check."))

        form = QFormLayout()
        form.addRow(self.tr("&Lock after idle:"), self.idle)
        form.addRow(self.tr("&New entries use:"), self.template)
        form.addRow(self.tr("L&ook:"), self.look)
        form.addRow(self.tr("&Backup folder:"), folder_row)
        form.addRow(self.tr("&Keep the last:"), self.keep)
        form.addRow(self.tr("A theme &recurs:"), recur_row)
        form.addRow(self.tr("&Self-check:"), self.self_check)
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if item and field and field.widget():
                item.widget().setBuddy(field.widget())
        form.itemAt(3, QFormLayout.ItemRole.LabelRole).widget().setBuddy(self.folder)
        form.itemAt(5, QFormLayout.ItemRole.LabelRole).widget().setBuddy(self.recur_count)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(label(self.tr(
            "When a backup folder is set, an encrypted copy of the journal is saved there each "
            "time you quit. Settings never hold anything you wrote."), "hint"))
        layout.addWidget(buttons)
        browse.clicked.connect(self._browse)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"),
                                                  self.folder.text())
        if folder:
            self.folder.setText(folder)

    def _accept(self) -> None:
        s = self.settings
        s.idle_lock_minutes = self.idle.value()
        s.default_template = self.template.currentData() or s.default_template
        s.look = self.look.currentData()
        s.backup_folder = self.folder.text().strip()
        s.backup_keep = self.keep.value()
        s.self_check_monthly = int(self.self_check.isChecked())
        s.recurring_window = self.recur_window.value()
        s.recurring_min_count = min(self.recur_count.value(), s.recurring_window)
        s.save_quietly()
        self.accept()
