"""``Journal.entry_texts`` (what theme detection reads, decrypting only that) gives exactly what
the whole entries give: the same texts in the same order, dates, clients and decisions."""


def _view(e):
    return (e.id, e.date, e.client_id, e.texts(), e.themes, e.rejected_themes)


def test_entry_texts_are_the_entries_texts(sample_journal):
    journal = sample_journal
    entries = journal.entries()
    assert any(e.demands for e in entries) and any(c.outcome for e in entries for c in e.controls)
    first, second = entries[0], entries[1]
    journal.set_theme_decision(first.id, "boundaries", "reject")
    journal.set_theme_decision(second.id, "money", "accept")
    assert [_view(t) for t in journal.entry_texts()] == [_view(e) for e in journal.entries()]
    client = first.client_id
    assert [_view(t) for t in journal.entry_texts(client)] == [
        _view(e) for e in journal.entries(client_id=client)]
    assert journal.entry_texts(client) and len(journal.entry_texts(client)) < len(entries)
