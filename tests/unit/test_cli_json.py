"""JSON on standard output: one compact line for programs, indented for a person."""

import io
import json

from reflect.cli import options


class Out(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_piped_json_is_one_compact_line(monkeypatch):
    out = Out(tty=False)
    monkeypatch.setattr("sys.stdout", out)
    options.print_json({"entries": [{"client": "Zoë", "themes": []}]})
    text = out.getvalue()
    assert text.count("\n") == 1 and text.endswith("\n")
    assert '"client":"Zoë"' in text  # not escaped
    assert json.loads(text) == {"entries": [{"client": "Zoë", "themes": []}]}


def test_json_at_a_terminal_is_indented(monkeypatch):
    out = Out(tty=True)
    monkeypatch.setattr("sys.stdout", out)
    options.print_json({"a": [1, 2]})
    assert out.getvalue() == '{\n "a": [\n  1,\n  2\n ]\n}\n'
