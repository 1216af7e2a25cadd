"""The export gate, re-applying edited redactions, and the `reflect redact` command."""

import io
import json

import pytest

from reflect.cli import redact_cmd
from reflect.core.deid import Redaction, apply, deidentify, find_known_leaks
from reflect.core.model import Person, PersonKind

CLIENT = Person("Deanna Whitcombe", alias="DW", aka=["Dee"])
SISTER = Person("Lorraine Whitcombe", kind=PersonKind.OTHER, role="client's older sister",
                aka=["Lorrie"])
PEOPLE = [CLIENT, SISTER]


@pytest.mark.parametrize("leaky", [
    "Dee came", "DEANNA came", "whitcombe came", "Ms W came", "D.W. came", "DW came",
    "Lorrie's birthday", "Deana came", "Lorraine's", "Mrs Whitcombe",
])
def test_gate_finds_every_variant(leaky):
    assert find_known_leaks(f"Today {leaky} here.", PEOPLE)


def test_gate_passes_redacted_text_and_pseudonyms():
    text = "Dee's sister Lorrie phoned Dee at 1am; Lorrie is Dee's older sister."
    out = deidentify(text, PEOPLE).text
    assert find_known_leaks(out, PEOPLE) == []
    assert find_known_leaks("The client's older sister met Person A and Colleague B.",
                            PEOPLE) == []


def test_gate_is_not_fooled_by_words():
    people = [Person("Will Hope"), Person("Dennis Abara", kind=PersonKind.OTHER, aka=["Den"])]
    assert find_known_leaks("I will hope she sleeps in the den.", people) == []
    assert find_known_leaks("Den said so.", people)


def test_apply_uses_an_edited_set_of_spans():
    text = "Dee rang from Leeds on 2 April."
    r = deidentify(text, PEOPLE)
    kept = [s for s in r.spans if s.kind != "place"]  # the reviewer restores the town
    assert apply(text, kept) == "The client rang from Leeds on [date]."
    edited = [*kept, Redaction(14, 19, "Leeds", "a city", "place", 1.0)]
    assert apply(text, edited) == "The client rang from a city on [date]."


def test_apply_refuses_spans_that_do_not_match():
    with pytest.raises(ValueError):
        apply("Dee rang.", [Redaction(0, 3, "Bob", "x", "name", 1.0)])


def test_restoring_a_known_name_fails_the_gate():
    text = "Dee rang."
    assert find_known_leaks(apply(text, []), PEOPLE)


def _run_cli(argv, stdin, monkeypatch, capsys):
    import argparse

    parser = argparse.ArgumentParser()
    redact_cmd.register(parser.add_subparsers())
    args = parser.parse_args(["redact", *argv])
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    rc = args.func(args)
    return rc, capsys.readouterr()


def test_cli_known_names_and_json(monkeypatch, capsys):
    rc, cap = _run_cli(["--known", "Deanna Whitcombe", "--json"],
                       "Deanna rang 07700 900155 about Whitcombe things.", monkeypatch, capsys)
    assert rc == 0
    data = json.loads(cap.out)
    assert "Deanna" not in data["text"] and "07700" not in data["text"]
    assert {"start", "end", "original", "replacement", "kind", "confidence"} <= set(
        data["spans"][0])


def test_cli_known_json_roles(tmp_path, monkeypatch, capsys):
    f = tmp_path / "people.json"
    f.write_text(json.dumps([{"name": "Deanna Whitcombe", "aka": ["Dee"]},
                             {"name": "Lorraine Whitcombe", "role": "client's older sister",
                              "aka": ["Lorrie"]}]))
    rc, cap = _run_cli(["--known-json", str(f)], "Lorrie rang Dee.", monkeypatch, capsys)
    assert rc == 0
    assert cap.out == "The client's older sister rang the client."


def test_cli_usage_errors(tmp_path, monkeypatch, capsys):
    rc, cap = _run_cli(["--known-json", str(tmp_path / "missing.json")], "x", monkeypatch, capsys)
    assert rc == 2 and "cannot read" in cap.err
    bad = tmp_path / "bad.json"
    bad.write_text('"just a string"')
    rc, cap = _run_cli(["--known-json", str(bad)], "x", monkeypatch, capsys)
    assert rc == 2
