"""The learned layer: its features, the shipped model, how it combines with the rules, and that
training reads only the data it is given."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from reflect.core.model import Entry
from reflect.core.themes.detector import ThemeDetector
from reflect.core.themes.learned import (
    MAX_SENTENCES,
    LearnedModel,
    features,
    sentences,
    shipped_model,
    stem,
)

ROOT = Path(__file__).resolve().parents[2]


def test_stems_meet_across_endings():
    assert stem("protective") == stem("protecting") == stem("protected") == "protect"
    assert stem("exhausted") == stem("exhausting") == "exhaust"
    assert stem("didn't") == "not"


def test_features_tell_whose_feeling_it_is():
    mine = features("I felt so irritated with her")
    theirs = features("she felt so irritated with me")
    assert "i>irritat" in mine and "o>irritat" not in mine
    assert "o>irritat" in theirs and "i>irritat" not in theirs


def test_features_mark_what_a_negation_reaches():
    assert "neg>" + stem("issues") in features("no boundary issues today")
    assert "neg>" + stem("issues") not in features("boundary issues today")


def test_sentences_are_exact_spans_and_capped():
    text = "First one. Second; third — fourth\nfifth!"
    spans = sentences(text)
    assert [text[s:e] for s, e in spans] == ["First one.", "Second", "third", "fourth", "fifth!"]
    assert len(sentences("word. " * 5000)) == MAX_SENTENCES


def _model(weights: dict[str, tuple[float, ...]], themes=("isolation",), threshold=0.5):
    return LearnedModel(tuple(themes), weights, tuple(-3.0 for _ in themes),
                        tuple(threshold for _ in themes), "test")


def test_a_learned_theme_shows_the_sentence_that_led_to_it():
    model = _model({"w:lighthouse": (4.0,), "i>keeper": (1.0,)})
    detector = ThemeDetector(ThemeDetector.builtin().lexicon, learned=model)
    text = "Long day. Honestly I'm the lighthouse keeper of this job sometimes."
    hits = {h.theme: h for h in detector.detect_text(text)}
    # no rule cue of isolation here; the model found it, with its sentence as the evidence
    hit = hits["isolation"]
    assert [e.text for e in hit.evidence] == ["Honestly I'm the lighthouse keeper of this job sometimes."]
    assert all(text[e.start:e.end] == e.text for e in hit.evidence)
    assert 0 < hit.score < 1
    rules_only = {h.theme for h in detector.detect_text(text, learned=False)}
    assert "isolation" not in rules_only


def test_a_learned_theme_never_comes_from_a_negated_cue():
    model = _model({"w:lonely": (6.0,)})
    detector = ThemeDetector(ThemeDetector.builtin().lexicon, learned=model)
    assert detector.detect_text("I'm never lonely in this work; the peer group is great.") == []
    assert [h.theme for h in detector.detect_text("I'm so lonely in this work.")] == ["isolation"]


def test_a_learned_theme_never_comes_from_a_trap():
    model = _model({"w:boundary": (6.0,)}, themes=("boundaries",))
    detector = ThemeDetector(ThemeDetector.builtin().lexicon, learned=model)
    assert detector.detect_text("Fixed the garden boundary wall with my dad.") == []


def test_a_user_theme_with_a_built_in_id_is_the_practitioners_alone():
    model = _model({"w:alone": (6.0,)})
    detector = ThemeDetector(ThemeDetector.builtin().lexicon, learned=model).with_user_themes(
        [{"id": "isolation", "label": "Mine", "cues": ["lighthouse"]}]
    )
    assert detector.detect_text("So alone with all of it.") == []
    assert [h.theme for h in detector.detect_text("Thought of the lighthouse.")] == ["isolation"]


def test_the_shipped_model_is_trained_on_the_repositorys_data():
    model = shipped_model()
    assert model is not None, "src/reflect/resources/themes/learned.json is missing"
    assert set(model.themes) == {t.id for t in ThemeDetector.builtin().themes}
    from reflect.core.themes.training import fingerprint

    files = [ROOT / p for p in model.trained_on]
    assert files and all(f.exists() for f in files)
    assert fingerprint(files) == model.fingerprint, "retrain: python scripts/train_themes.py"
    # the kept results' key names the model without loading it
    from reflect.core.themes.learned import shipped_id

    assert shipped_id() == model.id


def test_the_shipped_detector_combines_rules_and_learned():
    assert ThemeDetector.builtin().learned is shipped_model()


def test_training_learns_only_from_what_it_is_given(tmp_path):
    pytest.importorskip("sklearn")
    from reflect.core.themes.training import Labelled, train

    def row(text, themes, evidence, writer):
        return Labelled(Entry(date=datetime(2025, 1, 1), narrative=text), set(themes),
                        evidence, writer)

    rows = []
    for i in range(12):
        w = f"w{i % 3}"
        rows.append(row(f"Session {i}. I felt the lighthouse feeling again.", ["isolation"],
                        {"isolation": ["I felt the lighthouse feeling again"]}, w))
        rows.append(row(f"Session {i}. We talked about the weather.", [], {}, w))
    model = train(rows, ["isolation", "money"], fingerprint="fp")
    assert model.fingerprint == "fp"
    on, off = (model.scores(features(s))[0] for s in
               ("I felt the lighthouse feeling again.", "We talked about the weather."))
    assert on > model.thresholds[0] > off
    # round trip through the shipped format
    again = LearnedModel.from_json(model.to_json())
    assert again.scores(features("lighthouse feeling")) == pytest.approx(
        model.scores(features("lighthouse feeling")), abs=1e-3)
    assert json.loads(model.to_json())["fingerprint"] == "fp"


def test_a_huge_repeated_word_costs_bounded_work():
    """550 KB of one cue word (it once took over a minute, the work growing with the square of
    the repeats): a field is read up to MAX_FIELD_CHARS, a cue keeps at most 20 spans and the
    learned layer reads at most MAX_SENTENCES sentences. (Its time is in bench/themes_eval.py.)"""
    from reflect.core.themes.detector import MAX_FIELD_CHARS

    detector = ThemeDetector.builtin()
    text = "boundaries " * 50_000
    hits = detector.detect_text(text)
    assert len(text) > 10 * MAX_FIELD_CHARS
    assert [h.theme for h in hits] == ["boundaries"]
    assert 1 <= len(hits[0].evidence) <= 20
    assert all(text[e.start:e.end] == e.text for e in hits[0].evidence)
    assert max(e.end for e in hits[0].evidence) <= MAX_FIELD_CHARS


def test_retraining_from_the_repository_reproduces_the_shipped_model():
    """What scripts/train_themes.py writes is what ships: the same journals give the same model
    (thresholds exactly; weights to the precision they are stored with)."""
    pytest.importorskip("sklearn")
    from reflect.core.themes.training import train_repository

    shipped = shipped_model()
    again = train_repository(ROOT)
    assert again.fingerprint == shipped.fingerprint
    assert again.trained_on == shipped.trained_on
    assert again.thresholds == pytest.approx(shipped.thresholds, abs=1e-9)
    assert again.vetoes == pytest.approx(shipped.vetoes, abs=1e-9)
    assert again.bias == pytest.approx(shipped.bias, abs=1e-3)
    common = again.weights.keys() & shipped.weights.keys()
    assert len(common) > 0.99 * len(shipped.weights)
    for f in again.weights.keys() ^ shipped.weights.keys():  # at the cut-off of tiny weights
        w = again.weights.get(f) or shipped.weights[f]
        assert max(map(abs, w)) < 0.01, f
    worst = max(abs(a - b) for f in common
                for a, b in zip(again.weights[f], shipped.weights[f], strict=True))
    assert worst < 2e-3


def test_training_does_not_depend_on_the_order_of_the_journals():
    pytest.importorskip("sklearn")
    from reflect.core.themes.training import Labelled, train

    rows = []
    for i in range(18):
        w = f"w{i % 3}"
        text = f"Session {i}. I felt the lighthouse feeling again, on my own {i % 4} times."
        rows.append(Labelled(Entry(date=datetime(2025, 1, 1 + i), narrative=text), {"isolation"},
                             {"isolation": ["I felt the lighthouse feeling again"]}, w))
        rows.append(Labelled(Entry(date=datetime(2025, 2, 1 + i), narrative=f"Weather {i}, rain."),
                             set(), {}, w))
    by_writer = sorted(rows, key=lambda r: r.writer)  # journal after journal, w0 first
    one = train(by_writer, ["isolation"], fingerprint="fp")
    other = train(sorted(rows, key=lambda r: r.writer, reverse=True), ["isolation"], fingerprint="fp")
    assert one.to_json() == other.to_json()
