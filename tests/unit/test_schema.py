"""The frozen migrations produce exactly the schema that store/tables.py declares."""

import sqlite3

import pytest
from sqlmodel import SQLModel

import reflect.store.tables  # noqa: F401  (registers the tables)
from reflect.store import migrations


def test_migrated_schema_matches_the_sqlmodel_declarations(tmp_path):
    conn = sqlite3.connect(tmp_path / "x.db", isolation_level=None)
    assert migrations.migrate(conn) == migrations.CURRENT_VERSION
    found = {
        name: {row[1] for row in conn.execute(f"PRAGMA table_info({name})")}
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    declared = {t.name: {c.name for c in t.columns} for t in SQLModel.metadata.sorted_tables}
    assert found == declared


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
