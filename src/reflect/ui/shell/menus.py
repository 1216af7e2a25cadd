"""The main window's menus and their standard shortcuts (File, Edit, View, Journal, Help)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow


@dataclass
class Actions:
    new_entry: QAction
    save: QAction
    import_file: QAction
    backup: QAction
    lock: QAction
    quit: QAction
    find: QAction
    settings: QAction
    look: QActionGroup
    themes: QAction
    new_client: QAction
    edit_client: QAction
    forget_client: QAction
    delete_entry: QAction
    change_passphrase: QAction
    user_themes: QAction
    profile: QAction
    brief: QAction
    shortcuts: QAction
    about: QAction


def _action(window: QMainWindow, text: str, shortcut=None, tip: str = "") -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
    return action


def build_menus(window: QMainWindow, edit_actions: list[QAction] | None = None) -> Actions:
    tr = window.tr
    a = Actions(
        new_entry=_action(window, tr("&New Entry"), QKeySequence.StandardKey.New,
                          tr("Write about a session")),
        save=_action(window, tr("&Save Entry"), QKeySequence.StandardKey.Save),
        import_file=_action(window, tr("&Import…"), "Ctrl+I",
                            tr("Add entries from a Reflect export file (.jsonl)")),
        backup=_action(window, tr("&Back Up Now…")),
        lock=_action(window, tr("&Lock"), "Ctrl+L", tr("Hide everything and lock the journal")),
        quit=_action(window, tr("&Quit"), QKeySequence.StandardKey.Quit),
        find=_action(window, tr("&Find…"), QKeySequence.StandardKey.Find),
        settings=_action(window, tr("Se&ttings…"), QKeySequence.StandardKey.Preferences),
        look=QActionGroup(window),
        themes=_action(window, tr("&Themes"), "Ctrl+T",
                       tr("What keeps coming back, per client and across your practice")),
        new_client=_action(window, tr("New &Client…")),
        edit_client=_action(window, tr("&Edit Client…")),
        forget_client=_action(window, tr("&Forget This Client…")),
        delete_entry=_action(window, tr("&Delete Entry…")),
        change_passphrase=_action(window, tr("Change &Passphrase…")),
        user_themes=_action(window, tr("Your T&hemes…"),
                            tip=tr("Themes of your own, with the phrases that signal them")),
        profile=_action(window, tr("Practice &Profile…"),
                        tip=tr("What a peer group hears about your practice")),
        brief=_action(window, tr("Case &Brief for Supervision…"), "Ctrl+Shift+B",
                      tr("Turn a case into a de-identified brief")),
        shortcuts=_action(window, tr("&Keyboard Shortcuts"), QKeySequence.StandardKey.HelpContents),
        about=_action(window, tr("&About Reflect")),
    )
    if a.quit.shortcut().isEmpty():
        a.quit.setShortcut(QKeySequence("Ctrl+Q"))
    if a.settings.shortcut().isEmpty():
        a.settings.setShortcut(QKeySequence("Ctrl+,"))

    bar = window.menuBar()
    file = bar.addMenu(tr("&File"))
    file.addActions([a.new_entry, a.save])
    file.addSeparator()
    file.addAction(a.import_file)
    file.addAction(a.backup)
    file.addSeparator()
    file.addActions([a.lock, a.quit])

    edit = bar.addMenu(tr("&Edit"))
    if edit_actions:
        edit.addActions(edit_actions)
        edit.addSeparator()
    edit.addAction(a.find)
    edit.addSeparator()
    edit.addAction(a.settings)

    view = bar.addMenu(tr("&View"))
    view.addAction(a.themes)
    view.addSeparator()
    look = view.addMenu(tr("&Look"))
    for key, text in (("system", tr("Like the &System")), ("light", tr("&Light")),
                      ("dark", tr("&Dark"))):
        action = QAction(text, window, checkable=True)
        action.setData(key)
        a.look.addAction(action)
        look.addAction(action)

    journal = bar.addMenu(tr("&Journal"))
    journal.addActions([a.new_client, a.edit_client, a.forget_client])
    journal.addSeparator()
    journal.addAction(a.delete_entry)
    journal.addSeparator()
    journal.addActions([a.brief, a.profile])
    journal.addSeparator()
    journal.addAction(a.user_themes)
    journal.addSeparator()
    journal.addAction(a.change_passphrase)

    help_menu = bar.addMenu(tr("&Help"))
    help_menu.addActions([a.shortcuts, a.about])
    return a


SHORTCUTS = (
    ("Ctrl+N", "Write a new entry"),
    ("Ctrl+S", "Save the entry"),
    ("Ctrl+F", "Search the entries"),
    ("Esc", "Clear the search (in the search field)"),
    ("Ctrl+T", "Show the themes that keep coming back"),
    ("Ctrl+Shift+B", "Make a case brief for supervision"),
    ("Ctrl+L", "Lock the journal"),
    ("Ctrl+Q", "Quit"),
)
