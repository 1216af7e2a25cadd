"""``Journal``: the one door to a practitioner's journal, for the GUI and the CLI alike."""

from __future__ import annotations

import contextlib
import copy
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reflect.core import records, repairs
from reflect.core.bulk import gc_paused
from reflect.core.errors import DamagedRecord, NotFound
from reflect.core.model import Entry, EntrySummary, EntryText, Person, PersonKind, Profile
from reflect.store.backup import backup_name, own_copies, prune_backups, remove_copy
from reflect.store.crypto import KdfParams
from reflect.store.database import JournalFile

_TEXT_COLUMNS = ("client_id", "date", "narrative", "went_well", "themes", "rejected_themes")


def _first(row: tuple):
    return row[0]


def _chunks(ids: list[str], size: int = 500) -> Iterator[list[str]]:
    """``ids`` a few hundred at a time: SQLite caps the parameters of one query."""
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


@dataclass
class ForgetSummary:
    """What 'forget this client' removes, for the confirmation and the report afterwards."""

    client: str
    entries: int
    people: list[str] = field(default_factory=list)
    # Copies Reflect made itself (before an upgrade; automatic backups): forget does not reach
    # into them, so the confirmation names them and offers to remove them.
    supervision_cases: int = 0  # times the client's case was presented (the meetings stay)
    copies: list[Path] = field(default_factory=list)
    # The journal's record of briefs exported for the client (the files themselves are not
    # Reflect's to remove: they were saved where the practitioner chose).
    brief_exports: int = 0
    # False when another program was reading the journal, so the deleted records' pages are
    # not yet overwritten in the file; it is finished the next time the journal is opened.
    complete: bool = True


@dataclass
class VerifyReport:
    records: int
    damaged: list[DamagedRecord]

    @property
    def ok(self) -> bool:
        return not self.damaged


class Journal:
    """An unlocked journal. ``close()`` locks it: the key is dropped and the file released."""

    def __init__(self, file: JournalFile) -> None:
        self._file = file
        self._people: dict[str, Person] | None = None
        self.damaged: list[DamagedRecord] = []  # damaged records met while reading

    # --- lifecycle ------------------------------------------------------------------------

    @classmethod
    def create(
        cls, path: Path | str, passphrase: str, *, kdf: KdfParams | None = None
    ) -> tuple[Journal, str]:
        """Create a journal; returns it and its recovery code, which is shown once."""
        file, code = JournalFile.create(Path(path), passphrase, kdf)
        repairs.mark_all_done(file)
        return cls(file), code

    @classmethod
    def open(
        cls,
        path: Path | str,
        passphrase: str | None = None,
        *,
        recovery_code: str | None = None,
        readonly: bool = False,
    ) -> Journal:
        file = JournalFile.open(
            Path(path), passphrase, recovery_code=recovery_code, writer=not readonly
        )
        try:
            repairs.run(file)
        except BaseException:
            file.close()
            raise
        return cls(file)

    @property
    def path(self) -> Path:
        return self._file.path

    @property
    def is_open(self) -> bool:
        return self._file.is_open

    @property
    def file(self) -> JournalFile:
        """The open file, for the core's feature packages that keep records of their own
        (:mod:`reflect.core.supervision`). The ui and the cli go through the core, never this."""
        return self._file

    def close(self) -> None:
        self._people = None
        self._file.close()

    lock = close

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Group several changes into one all-or-nothing save."""
        try:
            with self._file.transaction():
                yield
        except BaseException:
            self._people = None  # the cache may hold people whose save was rolled back
            raise

    # --- keys -----------------------------------------------------------------------------

    def change_passphrase(self, new_passphrase: str) -> None:
        """Only re-wrap the data key (fast): the old passphrase no longer opens this file, but
        an old copy of it plus the old passphrase would still read what is added later. See
        :meth:`rotate_key`."""
        self._file.change_passphrase(new_passphrase)

    def rotate_key(self, new_passphrase: str, kdf: KdfParams | None = None) -> str | None:
        """Change the passphrase and re-encrypt everything under a new data key, in one
        transaction. Returns the new recovery code (show it once), or None when the journal
        was unlocked with its recovery code, which stays valid. ``kdf``: from
        :meth:`calibrate` (the slow part, which may run on another thread; the re-encryption
        itself must run where everything else uses the journal)."""
        return self._file.rotate_key(new_passphrase, kdf)

    @staticmethod
    def calibrate() -> KdfParams:
        """Key-derivation settings for this machine, now (about 0.7 s; never below the floor)."""
        from reflect.store import crypto

        return crypto.calibrate()

    def new_recovery_code(self) -> str:
        return self._file.new_recovery_code()

    def kdf_params(self) -> KdfParams:
        return self._file.kdf_params()

    # --- people ---------------------------------------------------------------------------

    def _people_cache(self) -> dict[str, Person]:
        if self._people is None:
            rows = self._file.rows("person", records.PERSON_COLUMNS, damaged=self.damaged)
            self._people = {r["id"]: records.person_from_row(r) for r in rows}
        return self._people

    def people(self) -> list[Person]:
        return [copy.deepcopy(p) for p in self._people_cache().values()]

    def clients(self) -> list[Person]:
        clients = [p for p in self.people() if p.kind == PersonKind.CLIENT]
        return sorted(clients, key=lambda p: p.display.casefold())

    def person(self, person_id: str) -> Person:
        try:
            return copy.deepcopy(self._people_cache()[person_id])
        except KeyError:
            raise NotFound("That person is not in the journal.") from None

    def linked_people(self, client_id: str) -> list[Person]:
        return [p for p in self.people() if p.linked_to == client_id]

    def find_people(self, name: str, *, kind: PersonKind | None = None) -> list[Person]:
        """People known by ``name`` (full name, alias or any other name; any case)."""
        wanted = name.strip().casefold()
        return [
            p
            for p in self.people()
            if (kind is None or p.kind == kind)
            and any(n.casefold() == wanted for n in p.all_names())
        ]

    def save_person(self, person: Person) -> Person:
        if not person.name.strip():
            raise ValueError("A person needs a name.")
        person.id = person.id or records.new_id()
        self._file.put("person", records.person_row(person))
        self._people_cache()[person.id] = copy.deepcopy(person)
        return person

    def describe_forget(
        self, client_id: str, backup_folders: Iterable[Path | str] = ()
    ) -> ForgetSummary:
        """What forgetting would remove, and Reflect's own copies (beside the journal and in
        ``backup_folders``) that it would not reach."""
        client = self.person(client_id)
        linked = self.linked_people(client_id)
        entries = len(self._file.ids("entry", client_id=client_id))
        cases = len(self._file.ids("meeting_case", client_id=client_id))
        briefs = len(self._file.ids("brief_export", client_id=client_id))
        return ForgetSummary(client.name, entries, [p.name for p in linked], cases,
                             copies=self.own_copies(backup_folders), brief_exports=briefs)

    def own_copies(self, backup_folders: Iterable[Path | str] = ()) -> list[Path]:
        """Copies of this journal Reflect made itself: ``*-before-upgrade-*`` beside it, and the
        automatic and Back Up Now copies in ``backup_folders``."""
        return own_copies(self.path, tuple(Path(f).expanduser() for f in backup_folders if f))

    def remove_copies(
        self, copies: Iterable[Path], *, fresh_backup_in: Path | str | None = None
    ) -> Path | None:
        """Overwrite and delete ``copies`` (after a forget: they still hold the client). With
        ``fresh_backup_in``, first make one new automatic backup there of the journal as it is
        now, so removing the old ones never leaves the practitioner without a backup."""
        fresh = self.backup(fresh_backup_in, label="auto") if fresh_backup_in else None
        for path in copies:
            if fresh is None or Path(path).resolve() != fresh.resolve():
                remove_copy(Path(path))
        return fresh

    @property
    def forget_pending(self) -> bool:
        """A forget whose last step waits for the next open (another program was reading)."""
        return self._file.scrub_pending

    def forget_client(self, client_id: str) -> ForgetSummary:
        """Delete the client, their entries and their linked people; leave no trace in the file."""
        summary = self.describe_forget(client_id)
        entry_ids = self._file.ids("entry", client_id=client_id)
        drafts = [f"entry:{i}" for i in entry_ids] + self._drafts_about(client_id)
        with self._file.transaction():
            # the client and every row that hangs from them, as the store's table registry links
            # them: linked people, entries and their parts, their cases in supervision with what
            # came of them (the meetings themselves stay: the practitioner's own hours)
            self._file.delete_tree("person", [client_id])
            self._file.delete("draft", id=drafts)  # drafts name their client inside their data
        summary.complete = self._file.scrub()
        self._people = None
        return summary

    # --- entries --------------------------------------------------------------------------

    def save_entry(self, entry: Entry) -> Entry:
        """Save one entry in one transaction (new or edited); returns it with ids filled in."""
        if not entry.narrative.strip() and not entry.demands and not entry.controls:
            raise ValueError("An entry needs some text.")
        entry.id = entry.id or records.new_id()
        for item in (*entry.demands, *entry.controls):
            item.id = item.id or records.new_id()
        with self._file.transaction():
            self._file.put("entry", records.entry_row(entry))
            for table in ("demand", "control", "entry_person"):
                self._file.delete(table, entry_id=entry.id)
            for i, d in enumerate(entry.demands):
                self._file.put("demand", records.demand_row(entry.id, i, d))
            for i, c in enumerate(entry.controls):
                self._file.put("control", records.control_row(entry.id, i, c))
            for person_id in dict.fromkeys(entry.people_ids):
                self._file.put("entry_person", {"entry_id": entry.id, "person_id": person_id})
        return entry

    def delete_entry(self, entry_id: str) -> None:
        self._file.delete_tree("entry", [entry_id])

    def summaries(
        self,
        client_id: str | None = None,
        *,
        text_filter: Callable[[str | None, str], bool] | None = None,
    ) -> list[EntrySummary]:
        """Every entry (or one client's), newest first: what lists and search need.

        ``text_filter(client_id, search_text)`` is tried first, on one decrypted value per
        entry; only the entries it accepts are read further."""
        where = {"client_id": client_id} if client_id else {}
        test = None
        if text_filter is not None:
            test = ("search", lambda r: text_filter(r["client_id"], r["search"] or ""))
        rows = self._file.rows(
            "entry", ("client_id", "summary", "search"), damaged=self.damaged, test=test, **where
        )
        with gc_paused():
            out = [
                records.summary_from_row(r["id"], r["client_id"], r["summary"], r["search"])
                for r in rows
            ]
        out.sort(key=lambda s: s.date, reverse=True)
        return out

    def narratives(self, ids: list[str]) -> dict[str, str]:
        """Just the narrative of some entries (for snippets): one decryption each."""
        out: dict[str, str] = {}
        for chunk in _chunks(ids):
            for r in self._file.rows("entry", ("narrative",), damaged=self.damaged, id=chunk):
                out[r["id"]] = r["narrative"]
        return out

    def entry_ids(self) -> list[str]:
        return self._file.ids("entry")

    def entry_count(self) -> int:
        return self._file.count("entry")

    def entry(self, entry_id: str) -> Entry:
        found = self.entries(ids=[entry_id])
        if not found:
            raise NotFound("That entry is not in the journal.")
        return found[0]

    def entries(
        self, *, ids: Iterable[str] | None = None, client_id: str | None = None
    ) -> list[Entry]:
        """Whole entries, oldest first. Damaged ones are skipped and listed in ``damaged``."""
        with gc_paused():
            if ids is None:
                return self._entries(None, client_id)
            out = [e for chunk in _chunks(list(ids)) for e in self._entries(chunk, client_id)]
            out.sort(key=lambda e: e.date)
            return out

    def entry_texts(self, client_id: str | None = None) -> list[EntryText]:
        """Every entry's (or one client's) free text, date, client and theme decisions, oldest
        first: what theme detection reads, and only that is decrypted (about half of an
        entry's values). Damaged entries are skipped and listed in ``damaged``."""
        with gc_paused():
            where = {"client_id": client_id} if client_id else {}
            rows = list(self._file.rows("entry", _TEXT_COLUMNS, damaged=self.damaged, **where))
            child_where = {"entry_id": [r["id"] for r in rows]} if client_id else {}
            demands: dict[str, list] = defaultdict(list)
            for r in self._file.rows("demand", ("entry_id", "position", "text"), damaged=self.damaged,
                                     **child_where):
                demands[r["entry_id"]].append((r["position"], r["text"]))
            controls: dict[str, list] = defaultdict(list)
            for r in self._file.rows("control", ("entry_id", "position", "text", "outcome"),
                                     damaged=self.damaged, **child_where):
                controls[r["entry_id"]].append((r["position"], r["text"], r["outcome"]))
            out = []
            for r in rows:
                fields = [("narrative", r["narrative"])]  # the order of Entry.texts()
                if r["went_well"]:
                    fields.append(("went_well", r["went_well"]))
                for i, (_, text) in enumerate(sorted(demands.get(r["id"], ()), key=_first)):
                    fields.append((f"demand:{i}", text))
                for i, (_, text, outcome) in enumerate(sorted(controls.get(r["id"], ()), key=_first)):
                    fields.append((f"control:{i}", text))
                    if outcome:
                        fields.append((f"outcome:{i}", outcome))
                out.append(EntryText(r["id"], records.parse_date(r["date"]), r["client_id"],
                                     fields, list(r["themes"] or []),
                                     list(r.get("rejected_themes") or [])))
            out.sort(key=lambda e: e.date)
            return out

    def _entries(self, ids: Iterable[str] | None, client_id: str | None) -> list[Entry]:
        where: dict[str, object] = {}
        if ids is not None:
            where["id"] = list(ids)
        if client_id is not None:
            where["client_id"] = client_id
        rows = list(self._file.rows("entry", records.ENTRY_COLUMNS, damaged=self.damaged, **where))
        if not rows:
            return []
        entry_ids = [r["id"] for r in rows]
        children: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        whole = ids is None and client_id is None
        child_where = {} if whole else {"entry_id": entry_ids}
        for table, cols in (("demand", records.DEMAND_COLUMNS), ("control", records.CONTROL_COLUMNS)):
            for r in self._file.rows(table, cols, damaged=self.damaged, **child_where):
                children[r["entry_id"]][table].append(r)
        for r in self._file.rows("entry_person", ("person_id",), **child_where):
            children[r["entry_id"]]["people"].append(r["person_id"])
        out = [
            records.entry_from_rows(
                r,
                children[r["id"]]["demand"],
                children[r["id"]]["control"],
                children[r["id"]]["people"],
            )
            for r in rows
        ]
        out.sort(key=lambda e: e.date)
        return out

    # --- themes the practitioner decided ---------------------------------------------------

    def set_theme_decision(self, entry_id: str, theme: str, decision: str | None) -> Entry:
        """'accept' (or add by hand), 'reject', or None to leave it to detection again.
        The practitioner's decision always wins over detection and survives re-analysis."""
        entry = self.entry(entry_id)
        entry.themes = [t for t in entry.themes if t != theme]
        entry.rejected_themes = [t for t in entry.rejected_themes if t != theme]
        if decision == "accept":
            entry.themes.append(theme)
        elif decision == "reject":
            entry.rejected_themes.append(theme)
        elif decision is not None:
            raise ValueError("decision must be 'accept', 'reject' or None")
        return self.save_entry(entry)

    def user_themes(self) -> list[dict]:
        """Themes the practitioner defined: {'id', 'label', 'cues': [...], 'description'}."""
        rows = self._file.rows("user_theme", ("data",), damaged=self.damaged)
        return sorted((r["data"] for r in rows), key=lambda d: d.get("label", d["id"]).casefold())

    def save_user_theme(self, theme: dict) -> None:
        if not theme.get("id") or not theme.get("cues"):
            raise ValueError("A theme needs a name and at least one cue phrase.")
        self._file.put("user_theme", {"id": theme["id"], "data": dict(theme)})

    def delete_user_theme(self, theme_id: str) -> None:
        self._file.delete("user_theme", id=theme_id)

    # --- kept theme detection -------------------------------------------------------------

    def kept_theme_results(
        self, key: str | None = None, *, ids: list[str] | None = None
    ) -> dict[str, dict]:
        """entry id -> what :mod:`reflect.core.themes.cache` kept for detector ``key`` (for
        any detector when None), for every entry or those ``ids``.

        Only derived data: a row that does not open (damaged, or from another detector) is
        left out and detected again, and shows up in :meth:`verify` like any damaged record."""
        out = {}
        where = {} if ids is None else {"id": ids}
        for r in self._file.rows("theme_cache", ("data",), damaged=[], **where):
            data = r["data"]
            if isinstance(data, dict) and (key is None or data.get("key") == key):
                out[r["id"]] = data
        return out

    def kept_theme_count(self) -> int:
        """How many entries have detection results kept (for any detector), without opening them."""
        return self._file.count("theme_cache")

    def keep_theme_results(self, key: str, results: dict[str, dict]) -> int:
        """Keep detection results (entry id -> data); entries deleted meanwhile are skipped.
        Does nothing in a journal opened read-only. Returns how many were kept."""
        if not self._file.writable or not results:
            return 0
        with self._file.transaction():
            present = [
                i for chunk in _chunks(list(results)) for i in self._file.ids("entry", id=chunk)
            ]
            for entry_id in present:
                data = {**results[entry_id], "key": key}
                self._file.put("theme_cache", {"id": entry_id, "data": data})
        return len(present)

    # --- drafts and profile ---------------------------------------------------------------

    def save_draft(self, key: str, data: dict) -> None:
        """Autosave: unsaved editor content, encrypted like everything else."""
        self._file.put("draft", {"id": key, "data": data})

    def drafts(self) -> dict[str, dict]:
        return {r["id"]: r["data"] for r in self._file.rows("draft", ("data",), damaged=self.damaged)}

    def _drafts_about(self, client_id: str) -> list[str]:
        """Unsaved drafts that belong to a client (by id, or by a name typed for them)."""
        names = {n.casefold() for n in self.person(client_id).all_names()}
        return [
            key
            for key, data in self.drafts().items()
            if data.get("client_id") == client_id
            or str(data.get("client_name") or "").strip().casefold() in names
        ]

    def discard_draft(self, key: str) -> None:
        self._file.delete("draft", id=key)

    def profile(self) -> Profile:
        for r in self._file.rows("profile", ("data",), damaged=self.damaged, id="profile"):
            known = {k: v for k, v in r["data"].items() if k in Profile.__dataclass_fields__}
            return Profile(**known)
        return Profile()

    def save_profile(self, profile: Profile) -> None:
        self._file.put("profile", {"id": "profile", "data": dict(vars(profile))})

    # --- maintenance ----------------------------------------------------------------------

    def verify(self) -> VerifyReport:
        """Open every stored value; name each record that does not authenticate."""
        damaged: list[DamagedRecord] = []
        total = 0
        for table in self._file.tables():
            columns = self._file.all_columns(table)
            for _ in self._file.rows(table, columns, damaged=damaged):
                total += 1
        return VerifyReport(total + len(damaged), damaged)

    def backup(self, folder: Path | str, *, label: str = "backup", keep: int | None = None) -> Path:
        """An encrypted copy in ``folder``; with ``keep``, only the newest N of that label stay."""
        folder = Path(folder)
        dest = self._file.backup_to(folder / backup_name(self.path, label))
        if keep is not None:
            prune_backups(folder, self.path.stem, keep, label=label)
        return dest

    def schema_version(self) -> int:
        return self._file.schema_version()
