"""Import and export that survive odd input: dates with a UTC offset, line-like characters,
deep nesting, huge numbers, broken characters, a byte-order mark; messages that never quote
the file; home visits and sessions longer than a day."""

import json
import os
import time
from datetime import datetime

import pytest

from reflect.core import records
from reflect.core.errors import ImportProblem
from reflect.core.interchange import export_lines, import_file, import_lines
from reflect.core.journal import Journal
from reflect.core.model import Entry, Setting
from reflect.core.search import search
from tests.conftest import PASSPHRASE


@pytest.fixture
def utc(monkeypatch):
    """This computer's clock in UTC, so local time is predictable."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def line(**fields) -> str:
    base = {"date": "2025-06-01T09:00", "narrative": "an ordinary session"}
    return json.dumps({**base, **fields})


def test_a_date_with_an_offset_imports_as_local_time_and_everything_still_works(journal, utc):
    report = import_lines(journal, [
        line(date="2025-06-02T10:00+02:00", narrative="with an offset", client={"name": "Ada Byrne"}),
        line(narrative="without one", client={"name": "Ada Byrne"}),
    ])
    assert any("UTC offset" in w for w in report.warnings)
    exported = [json.loads(x) for x in export_lines(journal)]  # failed with a TypeError
    assert [e["date"] for e in exported] == ["2025-06-01T09:00", "2025-06-02T08:00"]
    assert [h.snippet for h in search(journal, "offset")]
    from reflect.core.themes import analyse_journal

    analyse_journal(journal)


def _store_raw_offset_entry(journal: Journal, when: str) -> str:
    """What an older Reflect wrote for an imported date with an offset."""
    entry = Entry(date=datetime(2025, 6, 2, 10, 0), narrative="written before the fix")
    entry.id = records.new_id()
    row = records.entry_row(entry)
    row["date"] = when
    row["summary"]["date"] = when
    journal._file.put("entry", row)
    return entry.id


def test_a_journal_that_holds_an_offset_date_is_repaired_when_opened(journal, journal_path, utc):
    import_lines(journal, [line()])
    entry_id = _store_raw_offset_entry(journal, "2025-06-02T10:00+02:00")
    journal._file.set_mark("repaired.offset-dates", None)  # as a journal from before the repair
    journal.close()

    with Journal.open(journal_path, PASSPHRASE, readonly=True) as reader:  # reading copes
        assert [e.narrative for e in reader.entries()][-1] == "written before the fix"
    with Journal.open(journal_path, PASSPHRASE) as j:
        stored = next(j._file.rows("entry", ("date", "summary"), id=entry_id))
        assert stored["date"] == stored["summary"]["date"] == "2025-06-02T08:00"
        out = [json.loads(x) for x in export_lines(j)]
        assert [e["narrative"] for e in out] == ["an ordinary session", "written before the fix"]
        assert j.summaries()[0].date == datetime(2025, 6, 2, 8, 0)


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85"])
def test_line_like_characters_round_trip(journal, tmp_path, char):
    text = f"first{char}second"
    import_lines(journal, [line(narrative=text, demands=[{"category": "intrapersonal",
                                                          "text": f"a{char}b"}])])
    out = tmp_path / "export.jsonl"
    out.write_text("".join(x + "\n" for x in export_lines(journal)), encoding="utf-8")
    assert char not in out.read_text(encoding="utf-8")  # escaped, so no reader splits there
    other, _ = Journal.create(tmp_path / "other.reflect", PASSPHRASE)
    with other, out.open("rb") as stream:
        import_file(other, stream)
        (entry,) = other.entries()
        assert entry.narrative == text and entry.demands[0].text == f"a{char}b"


def test_a_file_written_raw_with_line_like_characters_imports(journal, tmp_path):
    raw = tmp_path / "raw.jsonl"
    raw.write_bytes(('{"date": "2025-06-01T09:00", "narrative": "one\u2028two\x85three"}\n'
                     '{"date": "2025-06-02T09:00", "narrative": "next"}\r\n').encode())
    with raw.open(encoding="utf-8", newline="") as stream:  # text, as read by other callers
        assert import_file(journal, stream).entries == 2
    assert journal.entries()[0].narrative == "one\u2028two\x85three"


SECRET = "Zephyrine"


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ('{"date": "2025-01-01T10:00", "narrative": "x", "deep": ' + "[" * 50_000 + "]" * 50_000 + "}",
         "nested too deeply"),
        ('{"date": "2025-01-01T10:00", "narrative": "x", "stress_before": ' + "9" * 5000 + "}",
         "a number is too long"),
        ('{"date": "2025-01-01T10:00", "narrative": "x", "stress_after": 1e999}', "too large"),
        ('{"date": "2025-01-01T10:00", "narrative": "x", "stress_after": NaN}', "not valid JSON"),
        ('{"date": "2025-01-01T10:00", "narrative": "\\ud800 ' + SECRET + '"}', "broken character"),
        ('{"date": "' + SECRET + ' 2025", "narrative": "x"}', "not an ISO date"),
        ('{"date": "2025-01-01T10:00", "narrative": "x", "setting": "' + SECRET + '"}',
         "'setting' must be one of"),
        ('{"date": "2025-01-01T10:00", "narrative": "x", "demands": [{"category": "' + SECRET
         + '", "text": "y"}]}', "'category' must be one of"),
    ],
)
def test_each_bad_line_is_one_clean_line_that_quotes_nothing_from_the_file(journal, bad, message):
    good = line()
    with pytest.raises(ImportProblem) as info:
        import_lines(journal, [good, bad, good, bad])
    problems = info.value.problems
    assert [p.split(":")[0] for p in problems] == ["line 2", "line 4"]
    assert all(message in p and "\n" not in p and len(p) < 200 for p in problems)
    assert not any(SECRET in p for p in problems)
    assert journal.entry_count() == 0


def test_unknown_keys_that_are_not_plain_words_are_not_quoted(journal):
    report = import_lines(journal, [line(**{f"{SECRET} Quill": 1, "mood": 2})])
    assert not any(SECRET in w for w in report.warnings)
    assert any("'mood'" in w for w in report.warnings)


def test_a_byte_order_mark_is_allowed_and_bad_utf8_is_named_by_line(journal, tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + line().encode() + b"\n" + line(date="2025-06-03T09:00").encode())
    with path.open("rb") as stream:
        assert import_file(journal, stream).entries == 2
    path.write_bytes(line().encode() + b"\n" + b'{"date": "2025-06-03T09:00", "narrative": "\xff"}\n')
    with pytest.raises(ImportProblem) as info, path.open("rb") as stream:
        import_file(journal, stream)
    assert info.value.problems == ["line 2: not UTF-8 text"]


def test_home_visits_and_sessions_up_to_three_days_round_trip(journal):
    import_lines(journal, [line(setting="home visit", planned_minutes=4320, actual_minutes=4320)])
    (entry,) = journal.entries()
    assert entry.setting == Setting.HOME_VISIT and entry.actual_minutes == 4320
    out = json.loads(next(export_lines(journal)))
    assert (out["setting"], out["planned_minutes"], out["actual_minutes"]) == ("home visit", 4320, 4320)
    with pytest.raises(ImportProblem, match="from 0 to 4320"):
        import_lines(journal, [line(actual_minutes=4321)])


def test_search_bounds_with_an_offset_are_compared_in_local_time(journal, utc):
    import_lines(journal, [line(date="2025-06-02T10:00")])
    assert search(journal, "", since="2025-06-02T11:00+02:00")
    assert os.environ["TZ"] == "UTC"
