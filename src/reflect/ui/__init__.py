"""The desktop app (PySide6), one package per feature: shell, lock, editor, themes, brief, dialogs, widgets."""
