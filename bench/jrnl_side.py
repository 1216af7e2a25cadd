"""The command-line journal jrnl (from PyPI), side by side with Reflect on the same entries.

jrnl is installed into a temporary virtual environment (never into Reflect's). The entries are
written as one encrypted jrnl journal (jrnl's own v3 format: Fernet, a key from PBKDF2-SHA256,
100,000 iterations), and the password reaches jrnl through a keyring backend made for the run,
so nothing prompts. Used by ``bench/suite.py``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import venv
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import peak

PASSWORD = "benchmark passphrase"
KEYRING = textwrap.dedent("""
    import os
    from keyring.backend import KeyringBackend

    class Keyring(KeyringBackend):
        priority = 1

        def get_password(self, service, username):
            return os.environ["BENCH_JRNL_PASSWORD"]

        def set_password(self, service, username, password):
            pass

        def delete_password(self, service, username):
            pass
""")
CONFIG = """\
colors: {{body: none, date: none, tags: none, title: none}}
default_hour: 9
default_minute: 0
editor: ''
encrypt: true
highlight: false
indent_character: '|'
journals:
  default:
    journal: {journal}
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '%Y-%m-%d %H:%M'
version: {version}
"""
WRITE = """
import sys
from jrnl.encryption.Jrnlv3Encryption import Jrnlv3Encryption
enc = Jrnlv3Encryption("default", {"encrypt": True})
enc.password = sys.argv[2]
open(sys.argv[1], "wb").write(enc.encrypt(sys.stdin.read()))
"""


def as_jrnl_text(lines: list[str]) -> str:
    """The interchange entries as jrnl entries: the date, then every piece of text written."""
    out = []
    for line in lines:
        e = json.loads(line)
        parts = [e.get("narrative") or "", e.get("went_well") or ""]
        parts += [d["text"] for d in e.get("demands", [])]
        parts += [f"{c['text']}. {c.get('outcome') or ''}" for c in e.get("controls", [])]
        client = (e.get("client") or {}).get("name", "")
        body = " ".join(p for p in parts if p)
        out.append(f"[{e['date'].replace('T', ' ')}] {client}. {body}\n\n")
    return "".join(out)


class Jrnl:
    """jrnl in its own virtual environment under ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.venv = folder / "jrnl-venv"
        self.bin = self.venv / "bin"

    def install(self) -> str:
        venv.create(self.venv, with_pip=True)
        subprocess.run([str(self.bin / "python"), "-m", "pip", "install", "-q",
                        "--disable-pip-version-check", "jrnl"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        (self.folder / "benchkeyring.py").write_text(KEYRING)
        return self.version()

    def version(self) -> str:
        out = subprocess.run([str(self.bin / "jrnl"), "--version"], capture_output=True,
                             text=True, env=self.env(), check=True).stdout
        return out.split()[1].lstrip("v")

    def env(self) -> dict[str, str]:
        return {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL"))} | {
            "PYTHON_KEYRING_BACKEND": "benchkeyring.Keyring", "PYTHONPATH": str(self.folder),
            "BENCH_JRNL_PASSWORD": PASSWORD, "HOME": str(self.folder), "NO_COLOR": "1",
        }

    def load(self, lines: list[str], name: str) -> Path:
        """An encrypted jrnl journal of these entries, and its config file."""
        journal = self.folder / f"{name}.jrnl"
        subprocess.run([str(self.bin / "python"), "-c", WRITE, str(journal), PASSWORD],
                       input=as_jrnl_text(lines), text=True, check=True, env=self.env())
        config = self.folder / f"{name}.yaml"
        config.write_text(CONFIG.format(journal=journal, version=f"v{self.version()}"))
        return config

    def timed(self, config: Path, *args: str) -> tuple[float, float]:
        """Wall seconds and peak RSS (MiB) of one jrnl command (through bench/peak.py)."""
        wall, peak_mib, proc = peak.run(
            [str(self.bin / "jrnl"), "--config-file", str(config), *args], env=self.env(),
            stdin=subprocess.DEVNULL)
        if proc.returncode:
            raise RuntimeError(f"jrnl {' '.join(args)} failed: {proc.stderr}")
        return wall, peak_mib

    def search(self, config: Path, word: str) -> tuple[float, float]:
        return self.timed(config, "-contains", word)

    def add(self, config: Path, text: str) -> tuple[float, float]:
        return self.timed(config, text)

    def count(self, config: Path) -> int:
        out = subprocess.run([str(self.bin / "jrnl"), "--config-file", str(config),
                              "--format", "json"], env=self.env(), capture_output=True,
                             text=True, check=True, stdin=subprocess.DEVNULL).stdout
        return len(json.loads(out)["entries"])


if __name__ == "__main__":  # a quick look: python bench/jrnl_side.py 1000
    import tempfile

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from synth import generate

    with tempfile.TemporaryDirectory() as tmp:
        j = Jrnl(Path(tmp))
        print("jrnl", j.install())
        cfg = j.load(generate(int(sys.argv[1]) if len(sys.argv) > 1 else 1000), "probe")
        print("entries", j.count(cfg))
        print("search", j.search(cfg, "boundaries"))
        print("add", j.add(cfg, "A short note after the session."))
        print("entries", j.count(cfg))
