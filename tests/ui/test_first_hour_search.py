"""Search in the first hour (issue 13): why an entry matched, and a search that stays on when
the client changes says so."""

from __future__ import annotations

from drive import unlock

from reflect.core.query import ALL
from reflect.ui.shell.entry_list import FIRST_LINE, SPANS_ROLE


def open_sample(qtbot, make_session, sample_journal):
    sample_journal.close()
    session = make_session(sample_journal.path)
    unlock(qtbot, session)
    return session.window


def test_a_snippet_shows_the_matched_words(qtbot, make_session, sample_journal):
    window = open_sample(qtbot, make_session, sample_journal)
    entry = next(e for e in window.journal.entries() if "garage" in e.narrative)
    window.search.setText("garage")
    row = window.entry_model.row_of(entry.id)
    assert row >= 0
    index = window.entry_model.index(row, FIRST_LINE)
    shown, spans = index.data(), index.data(SPANS_ROLE)
    assert "garage" in shown.casefold()
    assert spans and all(shown[s:e].casefold() == "garage" for s, e in spans)
    window.entries.tree.grab()  # the highlighting delegate paints without error

    window.search.clear()  # no search: the first line again, nothing highlighted
    index = window.entry_model.index(window.entry_model.row_of(entry.id), FIRST_LINE)
    assert index.data(SPANS_ROLE) is None
    assert index.data() == window.entry_model.summary(index.row()).first_line


def test_a_search_left_on_when_the_client_changes_says_so(qtbot, make_session, sample_journal):
    window = open_sample(qtbot, make_session, sample_journal)
    entry = next(e for e in window.journal.entries() if "garage" in e.narrative and e.client_id)
    other = next(c for c in window.journal.clients() if c.id != entry.client_id
                 and not any("garage" in e.narrative for e in window.journal.entries(client_id=c.id)))
    window.search.setText("garage")
    window.clients.select_key(other.id)
    assert window.entry_model.rowCount() == 0
    text = window.entries.empty.text()
    assert window.entries.currentWidget() is window.entries.empty
    assert "search is still on" in text and "“garage”" in text and "All entries" in text
    assert "still on" in window.statusBar().currentMessage()
    window.clients.select_key(ALL)
    assert window.entry_model.row_of(entry.id) >= 0


def test_theme_in_the_search_field_lists_the_entries_with_that_theme(qtbot, make_session,
                                                                    sample_journal):
    window = open_sample(qtbot, make_session, sample_journal)
    qtbot.waitUntil(lambda: window.themes.result is not None and not window.themes.busy,
                    timeout=30_000)
    with_theme = {a.entry_id for a in window.themes.result.entries if "boundaries" in a.ids()}
    assert with_theme and len(with_theme) < len(window.journal.summaries())
    window.search.setText("theme:boundaries")
    shown = {window.entry_model.summary(r).id for r in range(window.entry_model.rowCount())}
    assert shown == with_theme
    assert window.count_label.text().startswith("Showing ")
    window.search.setText("theme:boundaries garage")  # with words: the snippet says why
    for r in range(window.entry_model.rowCount()):
        index = window.entry_model.index(r, FIRST_LINE)
        assert "garage" in index.data().casefold()
