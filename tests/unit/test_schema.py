"""The schema is described once: the store's table registry, checked here against the frozen
migrations and the SQLModel declarations; what "forget this client" removes follows from it."""

import sqlite3

import pytest
from sqlalchemy import LargeBinary
from sqlmodel import SQLModel

import reflect.store.tables  # noqa: F401  (registers the tables)
from reflect.core.journal import Journal
from reflect.core.model import Person
from reflect.store import migrations, schema
from tests.conftest import PASSPHRASE

ON_DELETE = {"delete": "CASCADE", "keep": "SET NULL"}


@pytest.fixture
def migrated(tmp_path):
    conn = sqlite3.connect(tmp_path / "x.db", isolation_level=None)
    assert migrations.migrate(conn) == migrations.CURRENT_VERSION
    return conn


def test_migrated_schema_matches_the_sqlmodel_declarations(migrated):
    found = {
        name: {row[1] for row in migrated.execute(f"PRAGMA table_info({name})")}
        for (name,) in migrated.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    declared = {t.name: {c.name for c in t.columns} for t in SQLModel.metadata.sorted_tables}
    assert found == declared


def test_the_registry_matches_the_migrations(migrated):
    names = {n for (n,) in migrated.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert names == set(schema.TABLES) | {"meta"}
    for table in schema.TABLES.values():
        info = {r[1]: r for r in migrated.execute(f"PRAGMA table_info({table.name})")}
        assert set(info) == set(table.columns), table.name
        # sealed columns are BLOBs (NOT NULL unless a later migration added them); clear ones never
        for column in table.sealed:
            assert info[column][2] == "BLOB", (table.name, column)
            assert info[column][3] == (0 if column in table.later else 1), (table.name, column)
        for column in table.clear:
            assert info[column][2] != "BLOB", (table.name, column)
        key = tuple(name for name, r in sorted(info.items(), key=lambda kv: kv[1][5]) if r[5])
        assert key == table.key, table.name
        foreign = {(r[3], r[2], r[6]) for r in migrated.execute(f"PRAGMA foreign_key_list({table.name})")}
        assert foreign == {(link.column, link.parent, ON_DELETE[link.on_delete]) for link in table.links}
        assert table.later <= set(table.sealed) and table.raw <= set(table.sealed)


def test_the_registry_matches_the_sqlmodel_declarations():
    declared = {t.name: t for t in SQLModel.metadata.sorted_tables}
    assert set(declared) == set(schema.TABLES) | {"meta"}
    for table in schema.TABLES.values():
        columns = declared[table.name].columns
        assert {c.name for c in columns} == set(table.columns), table.name
        assert {c.name for c in columns if isinstance(c.type, LargeBinary)} == set(table.sealed)
        assert tuple(c.name for c in columns if c.primary_key) == table.key, table.name
        foreign = {(c.name, fk.column.table.name) for c in columns for fk in c.foreign_keys}
        assert foreign == {(link.column, link.parent) for link in table.links}, table.name


def _journal_with_a_client_linked_table(path, monkeypatch, with_cascade: bool) -> Journal:
    """A journal with one more table, as a future version might add: notes about a client.

    Its foreign key has no ON DELETE clause (unless asked), so nothing in SQLite removes its
    rows: only the registry's link does."""
    Journal.create(path, PASSPHRASE)[0].close()
    conn = sqlite3.connect(path, isolation_level=None)
    cascade = " ON DELETE CASCADE" if with_cascade else ""
    conn.execute("CREATE TABLE client_note (id VARCHAR NOT NULL PRIMARY KEY, "
                 f"client_id VARCHAR NOT NULL REFERENCES person (id){cascade}, text BLOB NOT NULL)")
    conn.execute("CREATE TABLE note_part (id VARCHAR NOT NULL PRIMARY KEY, "
                 f"note_id VARCHAR NOT NULL REFERENCES client_note (id){cascade}, text BLOB NOT NULL)")
    conn.close()
    monkeypatch.setitem(schema.TABLES, "client_note", schema.Table(
        "client_note", ("id", "client_id"), ("text",), links=(schema.Link("client_id", "person"),)))
    monkeypatch.setitem(schema.TABLES, "note_part", schema.Table(
        "note_part", ("id", "note_id"), ("text",), links=(schema.Link("note_id", "client_note"),)))
    return Journal.open(path, PASSPHRASE)


@pytest.mark.parametrize("with_cascade", [False, True])
def test_forget_removes_the_rows_of_a_new_client_linked_table(
        journal_path, monkeypatch, with_cascade):
    journal = _journal_with_a_client_linked_table(journal_path, monkeypatch, with_cascade)
    gone = journal.save_person(Person(name="Ottoline Brackenbury"))
    stays = journal.save_person(Person(name="Someone Else"))
    for n, client in enumerate((gone, gone, stays)):
        journal.file.put("client_note", {"id": f"n{n}", "client_id": client.id,
                                         "text": f"note {n} on {client.name}"})
        journal.file.put("note_part", {"id": f"p{n}", "note_id": f"n{n}", "text": "a part"})
    summary = journal.forget_client(gone.id)
    assert summary.client == "Ottoline Brackenbury"
    kept = list(journal.file.rows("client_note", ("client_id", "text")))
    assert kept == [{"id": "n2", "client_id": stays.id, "text": "note 2 on Someone Else"}]
    assert [r["id"] for r in journal.file.rows("note_part", ("text",))] == ["p2"]
    assert journal.verify().ok
    journal.close()
    assert gone.id.encode() not in journal_path.read_bytes()


def test_migration_is_all_or_nothing(tmp_path, monkeypatch):
    conn = sqlite3.connect(tmp_path / "x.db", isolation_level=None)
    migrations.migrate(conn, target=1)

    def broken(c):
        c.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("boom")

    monkeypatch.setattr(migrations, "MIGRATIONS", [migrations.MIGRATIONS[0], broken])
    monkeypatch.setattr(migrations, "CURRENT_VERSION", 2)
    with pytest.raises(RuntimeError):
        migrations.migrate(conn)
    assert migrations.version(conn) == 1
    names = {n for (n,) in conn.execute("SELECT name FROM sqlite_master")}
    assert "half_done" not in names
