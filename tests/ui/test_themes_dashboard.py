"""The themes window and the recurring flags, driven through the real app on the sample journal."""

from __future__ import annotations

import pytest
from drive import unlock, visible_texts
from PySide6.QtCore import Qt

from reflect.core.themes import analyse_journal
from reflect.ui.shell.client_list import KEY_ROLE as CLIENT_KEY_ROLE
from reflect.ui.shell.client_list import RECURRING_ROLE
from reflect.ui.themes.models import COUNT_ROLE
from reflect.ui.themes.models import RECURRING_ROLE as CELL_RECURRING


@pytest.fixture
def sample_app(qtbot, make_session, sample_journal, journal_path):
    """The app unlocked on the sample journal, the themes window open and analysed."""
    expected = analyse_journal(sample_journal)
    names = {p.id: p.display for p in sample_journal.clients()}
    sample_journal.close()
    session = make_session(journal_path)
    unlock(qtbot, session)
    window = session.window
    window.actions.themes.trigger()
    dash = window.themes_window
    qtbot.waitUntil(lambda: dash.heat_model.rowCount() > 0, timeout=15_000)
    return session, window, dash, expected, names


def cell(dash, client_id: str, theme: str):
    index = dash.heat_model.index_of(client_id, theme)
    assert index.isValid(), f"no heat-map cell for {client_id} × {theme}"
    return index


def click(qtbot, view, index) -> None:
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())


def test_recurring_themes_are_marked_in_the_heat_map_and_client_list(sample_app):
    _session, window, dash, expected, names = sample_app
    assert expected.recurring, "the sample journal should have recurring themes"
    assert dash.isVisible() and dash.stack.currentWidget() is dash.splitter
    for r in expected.recurring:
        index = cell(dash, r.client, r.theme)
        assert index.data(CELL_RECURRING)
        assert "●" in index.data()
        assert f"Recurring: {r.count} of the last {r.of_sessions} sessions" in index.data(
            Qt.ItemDataRole.ToolTipRole)
        row = window.client_model.row_of(r.client)
        flag = window.client_model.index(row, 0)
        label = expected.labels[r.theme]
        assert f"{label} ({r.count} of last {r.of_sessions})" in flag.data(RECURRING_ROLE)
        assert "Recurring:" in flag.data(Qt.ItemDataRole.ToolTipRole)
    flagged = {window.client_model.index(i, 0).data(CLIENT_KEY_ROLE)
               for i in range(window.client_model.rowCount())
               if window.client_model.index(i, 0).data(RECURRING_ROLE)}
    assert flagged == {r.client for r in expected.recurring}
    # nothing else is marked recurring in the heat map
    marked = {(dash.heat_model.row_key(i), dash.heat_model.theme(j)[0])
              for i in range(dash.heat_model.rowCount())
              for j in range(dash.heat_model.columnCount())
              if dash.heat_model.index(i, j).data(CELL_RECURRING)}
    assert marked == {(r.client, r.theme) for r in expected.recurring}
    # the rows are the clients by their display names
    shown = {dash.heat_model.row_label(i) for i in range(dash.heat_model.rowCount())}
    assert {names[r.client] for r in expected.recurring} <= shown
    # the chart and the patterns strip say something
    assert dash.chart.shown_themes
    assert "controls" in dash.dcs["controls"].text()


def test_click_on_a_cell_lists_its_entries_with_evidence_highlighted(qtbot, sample_app):
    _session, window, dash, expected, _names = sample_app
    r = expected.recurring[0]
    index = cell(dash, r.client, r.theme)
    click(qtbot, dash.heat, index)
    wanted = {a.entry_id for a in expected.grid()[(r.client, r.theme)]}
    listed = {dash.entries_model.entry_id(i) for i in range(dash.entries_model.rowCount())}
    assert listed == wanted
    assert dash.cell_title.text().replace("&&", "&").startswith(expected.labels[r.theme])
    # the first entry (newest) is chosen: its evidence shows, highlighted
    first = dash.entries_model.entry_id(0)
    analysed = next(a for a in expected.entries if a.entry_id == first)
    evidence = next(t for t in analysed.themes if t.theme == r.theme).evidence
    assert evidence
    html = dash.evidence.toHtml()
    assert "background-color" in html
    for e in evidence:
        assert e.text in dash.evidence.toPlainText()
    # the chart and patterns follow the client
    assert dash.scope.currentData() == r.client
    # Open Entry shows it in the main window's editor
    qtbot.mouseClick(dash.open_button, Qt.MouseButton.LeftButton)
    assert window.editor.current_entry_id() == first
    assert window.entries.current_id() == first


def test_saving_an_entry_updates_the_boundaries_count(qtbot, sample_app):
    _session, window, dash, expected, _names = sample_app
    client = expected.recurring[0].client
    before = dash.heat_model.index_of(client, "boundaries")
    count = before.data(COUNT_ROLE) if before.isValid() else 0
    window.clients.select_key(client)
    window.actions.new_entry.trigger()
    text = window.editor.narrative.writing_widget()  # where the keys go (a prompt's field)
    text.setFocus()
    text.moveCursor(text.textCursor().MoveOperation.End)
    qtbot.keyClicks(text, " She texted me at midnight again and I answered anyway.")
    with qtbot.waitSignal(window.editor.entrySaved, timeout=5000):
        window.actions.save.trigger()
    qtbot.waitUntil(lambda: dash.heat_model.index_of(client, "boundaries").isValid()
                    and dash.heat_model.index_of(client, "boundaries").data(COUNT_ROLE)
                    == count + 1, timeout=5000)


def test_a_theme_rejected_in_the_editor_leaves_the_heat_map_at_once(qtbot, sample_app):
    _session, window, dash, expected, _names = sample_app
    entry = next(a for a in expected.entries if "boundaries" in a.ids() and a.client_id)
    count = dash.heat_model.index_of(entry.client_id, "boundaries").data(COUNT_ROLE)
    window.show_entry(entry.entry_id)
    panel = window.editor.themes_panel
    qtbot.waitUntil(lambda: panel.chip_for("boundaries") is not None, timeout=10_000)
    qtbot.mouseClick(panel.chip_for("boundaries").remove_button, Qt.MouseButton.LeftButton)

    def counted():
        index = dash.heat_model.index_of(entry.client_id, "boundaries")
        return index.data(COUNT_ROLE) if index.isValid() else 0

    qtbot.waitUntil(lambda: counted() == count - 1, timeout=5000)  # no save needed
    assert not window.editor.has_unsaved_changes()


def test_lock_clears_the_dashboard(qtbot, sample_app):
    session, window, dash, expected, names = sample_app
    r = expected.recurring[0]
    click(qtbot, dash.heat, cell(dash, r.client, r.theme))
    some_text = dash.evidence.toPlainText()
    assert some_text
    window.actions.lock.trigger()
    assert not dash.isVisible()
    assert dash.heat_model.rowCount() == 0 and dash.heat_model.columnCount() == 0
    assert dash.entries_model.rowCount() == 0
    assert dash.evidence.toPlainText() == ""
    assert dash.scope.count() == 0
    assert not dash.chart.chart().series()
    texts = visible_texts(dash)
    for name in names.values():
        assert name not in texts
    for line in some_text.splitlines():
        if len(line) > 12:
            assert line not in texts
    assert window.themes.result is None and not window.themes.entries
    flagged = [i for i in range(window.client_model.rowCount())
               if window.client_model.index(i, 0).data(RECURRING_ROLE)]
    assert flagged == []
    # unlock: analysed again
    unlock(qtbot, session)
    window.actions.themes.trigger()
    qtbot.waitUntil(lambda: dash.heat_model.rowCount() > 0, timeout=15_000)


def test_models_pass_qtmodeltester(qtmodeltester, sample_app, qtbot):
    _session, window, dash, expected, _names = sample_app
    qtmodeltester.check(dash.heat_model)
    r = expected.recurring[0]
    click(qtbot, dash.heat, cell(dash, r.client, r.theme))
    qtmodeltester.check(dash.entries_model)
    qtmodeltester.check(window.client_model)


def test_the_recurrence_rule_is_a_setting(qtbot, sample_app, monkeypatch):
    _session, window, dash, expected, _names = sample_app
    from PySide6.QtWidgets import QDialog

    from reflect.ui.dialogs.settings import SettingsDialog

    def run(dialog):
        dialog.recur_window.setValue(5)
        dialog.recur_count.setValue(2)
        dialog._accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", run)
    window.actions.settings.trigger()
    assert window.settings.recurring_min_count == 2
    looser = analyse_journal(window.journal, min_count=2, window=5).recurring
    assert len(looser) > len(expected.recurring)
    for r in looser:
        assert cell(dash, r.client, r.theme).data(CELL_RECURRING)
    assert "2 of a client's last 5" in dash.rule.text()


def test_empty_journal_says_what_to_do(qtbot, make_session, journal, journal_path):
    journal.close()
    session = make_session(journal_path)
    unlock(qtbot, session)
    session.window.actions.themes.trigger()
    dash = session.window.themes_window
    qtbot.waitUntil(lambda: session.window.themes.result is not None, timeout=15_000)
    assert dash.stack.currentWidget() is dash.empty
    assert "once you have written a few entries" in dash.empty.text()


def test_evidence_is_escaped_and_marked():
    from reflect.core.themes.explain import highlighted

    html = highlighted("a <b> & stayed over", [(8, 14), (10, 19)])
    assert "&lt;b&gt;" in html and "&amp;" in html
    assert html.count("background-color") == 1  # overlapping spans merge into one mark
    assert "<b>" not in html


def test_recurrence_rule_is_clamped(ui_settings):
    ui_settings.recurring_window = 4
    ui_settings.recurring_min_count = 9
    ui_settings.save()
    from reflect.settings import Settings

    loaded = Settings.load(ui_settings.path)
    assert (loaded.recurring_min_count, loaded.recurring_window) == (4, 4)


def test_the_app_keeps_what_it_detected_for_the_next_unlock(qtbot, make_session, sample_journal,
                                                            journal_path):
    entries = sample_journal.entry_count()
    sample_journal.close()
    session = make_session(journal_path)
    unlock(qtbot, session)
    window = session.window
    qtbot.waitUntil(lambda: window.themes.result is not None, timeout=15_000)
    qtbot.waitUntil(lambda: len(window.journal.kept_theme_results()) == entries, timeout=5000)


def test_the_window_opens_on_a_recurring_cell_with_its_words(qtbot, sample_app):
    _session, _window, dash, expected, _names = sample_app
    model, index = dash.heat_model, dash.heat.currentIndex()
    cells = [model.index(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())]
    assert expected.recurring and index.data(CELL_RECURRING)
    assert index.data(COUNT_ROLE) == max(i.data(COUNT_ROLE) for i in cells if i.data(CELL_RECURRING))
    assert dash.entries_model.rowCount() == index.data(COUNT_ROLE)
    qtbot.waitUntil(lambda: "Words that gave it away" in dash.evidence.toPlainText(), timeout=5000)


def test_an_empty_cell_says_so(qtbot, sample_app):
    _session, _window, dash, _expected, _names = sample_app
    model = dash.heat_model
    empty = next(model.index(r, c) for r in range(model.rowCount())
                 for c in range(model.columnCount()) if not model.index(r, c).data(COUNT_ROLE))
    click(qtbot, dash.heat, empty)
    assert dash.cell_title.text().endswith("not in any session")
    assert dash.entries_model.rowCount() == 0 and dash.evidence.toPlainText() == ""


def test_on_a_laptop_screen_the_heat_map_scrolls_rather_than_running_under_the_chart(
        qtbot, sample_app):
    """At 768 pixels high (a 1366 × 768 laptop) the heat map of nine rows used to keep its
    full height and "Over time" was drawn over its last rows; now it scrolls, and what comes
    below it starts below it."""
    _session, _window, dash, _expected, _names = sample_app
    dash.resize(1240, 728)
    qtbot.waitUntil(lambda: dash.height() <= 740, timeout=5_000)
    qtbot.wait(100)
    heat_bottom = dash.heat.mapTo(dash, dash.heat.rect().bottomLeft()).y()
    chart_top = dash.chart.mapTo(dash, dash.chart.rect().topLeft()).y()
    scope_top = dash.scope.mapTo(dash, dash.scope.rect().topLeft()).y()
    assert heat_bottom < scope_top < chart_top, (heat_bottom, scope_top, chart_top)
    assert dash.heat.verticalScrollBar().maximum() > 0  # the rows not shown are a scroll away
    dash.resize(1240, 1000)  # with room, every row shows, with no scroll bar
    qtbot.waitUntil(lambda: dash.heat.verticalScrollBar().maximum() == 0, timeout=5_000)
