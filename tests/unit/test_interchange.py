"""The interchange format: round trip, line-numbered errors, all-or-nothing, warnings."""

import json

import pytest

from reflect.core.errors import ImportProblem
from reflect.core.interchange import export_lines, import_lines
from reflect.core.journal import Journal
from tests.conftest import PASSPHRASE


def normalise(d: dict) -> dict:
    d = {k: v for k, v in d.items() if v is not None}  # null and absent say the same
    d.pop("gold", None)
    for key in ("people", "demands", "controls"):
        d.setdefault(key, [])
    return d


def test_export_round_trips_every_field_of_the_sample(journal, sample_lines):
    report = import_lines(journal, sample_lines)
    assert report.entries == 40
    assert any("'gold'" in w for w in report.warnings)
    exported = [json.loads(line) for line in export_lines(journal)]
    original = [normalise(json.loads(line)) for line in sample_lines]
    key = lambda d: (d["date"], d["narrative"])  # noqa: E731
    assert len(exported) == len(original) == 40
    for out, src in zip(sorted(exported, key=key), sorted(original, key=key), strict=True):
        # A client (or person) is one record across lines, so its other names are the union
        # of every line's: each line's names must all be there.
        for a, b in zip([out.get("client"), *out["people"]], [src.get("client"), *src["people"]], strict=True):
            if b is None:
                assert a is None
                continue
            assert set(b.get("aka", [])) <= set(a.pop("aka", []))
            b.pop("aka", None)
            assert a == b
        out.pop("client", None), src.pop("client", None)
        out.pop("people"), src.pop("people")
        assert out == src


def test_export_then_import_into_a_new_journal_is_identical(sample_journal, tmp_path):
    first = list(export_lines(sample_journal))
    other, _ = Journal.create(tmp_path / "second.reflect", PASSPHRASE)
    with other:
        import_lines(other, first)
        assert list(export_lines(other)) == first


def test_clients_are_matched_by_name_across_lines(sample_journal):
    clients = sample_journal.clients()
    assert len(clients) == 8
    dee = sample_journal.find_people("dee")[0]
    assert len(sample_journal.summaries(dee.id)) >= 3
    assert dee.alias == "DW"


def test_extensions_round_trip(journal):
    line = {
        "date": "2026-01-05T09:30", "narrative": "x", "template": "gibbs",
        "client": {"name": "A Person", "notes": "private"},
        "people": [{"name": "B Person", "role": "GP", "alias": "Dr B"}],
        "demands": [{"category": "intrapersonal", "text": "tired", "resulted_from": 0}],
        "controls": [{"timing": "post", "text": "rested", "outcome": "better", "answers": 0}],
        "themes": ["self_care"],
    }
    import_lines(journal, [json.dumps(line)])
    assert json.loads(next(export_lines(journal))) == line


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"narrative": "x"}', "'date' is required"),
        ('{"date": "last tuesday", "narrative": "x"}', "not an ISO date"),
        ('{"date": "2025-01-01T10:00"}', "'narrative' is required"),
        ('{"date": "2025-01-01T10:00", "narrative": "x", "setting": "car"}', "'setting' must be one of"),
        ('{"date": "2025-01-01T10:00", "narrative": "x", "demands": [{"category": "cosmic", "text": "y"}]}',
         "'category' must be one of"),
        ('{"date": "2025-01-01T10:00", "narrative": "x", "stress_before": 42}', "0 to 10"),
        ('[1, 2]', "one JSON object"),
    ],
)
def test_malformed_line_is_reported_with_its_number_and_nothing_is_imported(
    journal, sample_lines, bad, message
):
    lines = sample_lines[:5] + [bad] + sample_lines[5:]
    with pytest.raises(ImportProblem) as info:
        import_lines(journal, lines)
    assert str(info.value).startswith("Nothing was imported: line 6: ")
    assert message in str(info.value)
    assert journal.entry_count() == 0
    assert journal.people() == []


def test_failure_while_writing_rolls_everything_back(journal, sample_lines, monkeypatch):
    calls = {"n": 0}
    real = journal.save_entry

    def failing(entry):
        calls["n"] += 1
        if calls["n"] == 30:
            raise OSError("simulated failure")
        return real(entry)

    monkeypatch.setattr(journal, "save_entry", failing)
    with pytest.raises(OSError):
        import_lines(journal, sample_lines)
    assert journal.entry_count() == 0
    assert journal.people() == []


def test_unknown_keys_are_named(journal):
    line = '{"date": "2025-01-01T10:00", "narrative": "x", "mood": 3, "client": {"name": "Z", "dob": "x"}}'
    report = import_lines(journal, [line])
    assert "line 1: ignored unknown key 'mood'" in report.warnings
    assert "line 1: ignored unknown key 'dob' in 'client'" in report.warnings
