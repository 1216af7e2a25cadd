"""The app reads a journal for its themes a slice at a time and gets what analysis gets."""

from reflect.core.themes import analyse_journal, engine_for


def read_all(journal, budget=0.0):
    reader = engine_for(journal).reader(journal)
    steps = 1
    while not reader.step(budget):
        steps += 1
    return reader, steps


def finish(reader):
    found = reader.detect(workers=0)
    at = 0
    while at < len(found):
        at = reader.take(found, at, budget=0.0)
    return reader


def themes(analyses):
    return sorted((a.entry_id, a.ids()) for a in analyses)


def test_slices_give_what_the_whole_analysis_gives(sample_journal):
    reader, steps = read_all(sample_journal)
    assert steps > 1  # a slice per turn of the event loop, not everything at once
    assert len(reader.todo) == sample_journal.entry_count()  # nothing kept yet
    finish(reader)
    expected = analyse_journal(sample_journal)  # (this one keeps its results)
    assert themes(reader.analyses.values()) == themes(expected.entries)
    assert set(reader.kept.fresh) == {e.entry_id for e in expected.entries}


def test_kept_results_leave_nothing_to_detect(sample_journal):
    expected = analyse_journal(sample_journal)
    reader, _ = read_all(sample_journal)
    assert reader.todo == []
    assert themes(reader.analyses.values()) == themes(expected.entries)
