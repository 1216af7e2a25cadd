"""The client and entry lists over the sample journal, the live filter, and forgetting a client."""

from __future__ import annotations

from drive import unlock

from reflect.core.query import ALL, GENERAL, EntryFilter, parse_query
from reflect.ui.dialogs import prompts
from reflect.ui.shell.client_list import ClientListModel
from reflect.ui.shell.entry_list import EntryTableModel


def test_models_pass_qtmodeltester(qtmodeltester, sample_journal):
    summaries = sample_journal.summaries()
    clients = sample_journal.clients()
    entries = EntryTableModel()
    entries.set_rows(summaries, {p.id: p.display for p in clients})
    qtmodeltester.check(entries, force_py=True)
    client_model = ClientListModel()
    client_model.set_journal_data(clients, summaries)
    qtmodeltester.check(client_model, force_py=True)
    assert client_model.rowCount() == len(clients) + 2
    entries.clear()
    assert entries.rowCount() == 0


def test_entry_rows_show_stress_change_and_overtime(sample_journal):
    summaries = sample_journal.summaries()
    model = EntryTableModel()
    model.set_rows(summaries, {p.id: p.display for p in sample_journal.clients()})
    over = next(i for i, s in enumerate(summaries) if s.overtime_minutes)
    s = summaries[over]
    assert model.index(over, 3).data() == f"{s.stress_before}→{s.stress_after}"
    assert model.index(over, 4).data() == f"+{s.overtime_minutes} min"
    assert [model.index(i, 0).data(0x0100) for i in range(3)] == [x.id for x in summaries[:3]]


def test_filter_tokens(sample_journal):
    summaries = sample_journal.summaries()
    f = EntryFilter(sample_journal.people())
    dee = sample_journal.find_people("Dee")[0]
    by_client = f.apply(summaries, parse_query("client:dee"))
    assert by_client and all(s.client_id == dee.id for s in by_client)
    assert f.apply(summaries, parse_query(""), dee.id) == by_client
    general = f.apply(summaries, parse_query(""), GENERAL)
    assert general and all(s.client_id is None for s in general)
    since = f.apply(summaries, parse_query("since:2025-09 until:2025-10"))
    assert since and all(s.date.year == 2025 and s.date.month in (9, 10) for s in since)
    q = parse_query("since:notadate lorrie")
    assert q.problems == ["since:notadate"] and q.words == ["lorrie"]
    assert f.apply(summaries, parse_query("zzzzqqq"), ALL) == []


def test_filter_handles_10k_rows(sample_journal):
    """Speed is the benchmark's job (bench/bench_gui.py); here: right answers on 10k rows."""
    from reflect.core.search import matches

    base = sample_journal.summaries()
    many = [base[i % len(base)] for i in range(10_000)]
    people = {p.id: p for p in sample_journal.people()}
    f = EntryFilter(sample_journal.people())
    model = EntryTableModel()
    for typed in ("s", "si", "sis", "sister", "sister m"):
        words = parse_query(typed).words
        model.set_rows(f.apply(many, parse_query(typed)))
        assert model.rowCount() == sum(1 for s in many if matches(s, words, people))
    assert 0 < model.rowCount() < 10_000


def test_client_list_scopes_the_entries(qtbot, make_session, sample_journal):
    sample_journal.close()
    session = make_session(sample_journal.path)
    unlock(qtbot, session)
    window = session.window
    total = window.entry_model.rowCount()
    assert window.client_model.index(0, 0).data() == "All entries"
    assert window.client_model.index(0, 0).data(0x0101) == total
    window.clients.select_key(window.client_model._rows[1].key)
    count = window.client_model.index(1, 0).data(0x0101)
    assert window.entry_model.rowCount() == count < total


def test_forget_client_removes_their_entries(qtbot, make_session, sample_journal, monkeypatch):
    dee = sample_journal.find_people("Dee")[0]
    n = len(sample_journal.summaries(dee.id))
    linked = [p.name for p in sample_journal.linked_people(dee.id)]
    assert n > 0 and "Lorraine Whitcombe" in linked
    sample_journal.close()
    session = make_session(sample_journal.path)
    unlock(qtbot, session)
    window = session.window
    total = window.entry_model.rowCount()
    window.clients.select_key(dee.id)
    asked = []

    def confirm(parent, client, entries, people, **kw):
        asked.append((client, entries, people))
        return True

    monkeypatch.setattr(prompts, "confirm_forget", confirm)
    window.actions.forget_client.trigger()
    assert asked == [("Deanna Whitcombe", n, linked)]
    assert window.clients.current_key() == ALL
    assert window.entry_model.rowCount() == total - n
    assert window.client_model.row_of(dee.id) == -1
    assert not session.journal.find_people("Dee")
    assert "Deanna" in window.statusBar().currentMessage()


def test_forget_cancelled_changes_nothing(qtbot, make_session, sample_journal, monkeypatch):
    dee = sample_journal.find_people("Dee")[0]
    sample_journal.close()
    session = make_session(sample_journal.path)
    unlock(qtbot, session)
    window = session.window
    total = window.entry_model.rowCount()
    window.clients.select_key(dee.id)
    monkeypatch.setattr(prompts, "confirm_forget", lambda *a, **kw: False)
    window.actions.forget_client.trigger()
    window.clients.select_key(ALL)
    assert window.entry_model.rowCount() == total
    assert session.journal.find_people("Dee")


def test_client_dialog_saves_names_and_linked_people(qtbot, journal):
    from reflect.core.model import Person
    from reflect.ui.dialogs.people import ClientDialog

    dialog = ClientDialog(journal, None)
    qtbot.addWidget(dialog)
    dialog.name.setText("Harriet Vane")
    dialog.alias.setText("HV")
    dialog.aka.setText("Harry, Mrs V")
    dialog._add_row(Person(name="Peter Wimsey", role="partner"))
    dialog._save()
    (client,) = journal.clients()
    assert (client.name, client.alias, client.aka) == ("Harriet Vane", "HV", ["Harry", "Mrs V"])
    (linked,) = journal.linked_people(client.id)
    assert (linked.name, linked.role) == ("Peter Wimsey", "partner")


def test_forget_names_reflects_own_copies_and_removes_them_on_request(
    qtbot, make_session, sample_journal, monkeypatch, tmp_path
):
    folder = tmp_path / "backups"
    old = [sample_journal.backup(folder, label="auto") for _ in range(2)]
    dee = sample_journal.find_people("Dee")[0]
    sample_journal.close()
    session = make_session(sample_journal.path)
    session.settings.backup_folder = str(folder)
    unlock(qtbot, session)
    window = session.window
    window.clients.select_key(dee.id)
    shown = {}
    monkeypatch.setattr(prompts, "confirm_forget",
                        lambda *a, copies=(), **kw: shown.setdefault("confirm", list(copies))
                        is not None)
    monkeypatch.setattr(prompts, "offer_remove_copies",
                        lambda parent, copies, fresh_backup: shown.setdefault("offer", fresh_backup))
    window.actions.forget_client.trigger()
    assert shown == {"confirm": old, "offer": True}
    assert not any(p.exists() for p in old)
    (fresh,) = folder.iterdir()  # one backup made now, without her
    from reflect.core.journal import Journal
    from tests.conftest import PASSPHRASE

    with Journal.open(fresh, PASSPHRASE, readonly=True) as copy:
        assert not copy.find_people("Dee")


def test_theme_token_matches_nothing_until_the_themes_are_known(sample_journal):
    from reflect.core.query import EntryFilter, parse_query

    summaries = sample_journal.summaries()
    f = EntryFilter(sample_journal.people())
    q = parse_query("theme:boundaries")
    assert q.themes == ["boundaries"] and not q.empty
    assert f.apply(summaries, q) == []
    first, second = summaries[0].id, summaries[1].id
    f.set_themes({first: "boundaries boundaries money money", second: "money money"})
    assert [s.id for s in f.apply(summaries, q)] == [first]
    assert {s.id for s in f.apply(summaries, parse_query("theme:money"))} == {first, second}
