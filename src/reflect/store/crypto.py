"""Keys and ciphers: Argon2id key derivation, data-key wrapping, and per-value AEAD.

The journal's content is encrypted with a random 256-bit *data key* (AES-256-GCM, a fresh random
nonce per value). The data key is stored twice, wrapped: once under a key derived from the
passphrase with Argon2id, once under a key derived from the recovery code shown at creation.
Every value's associated data names its table, column and row, so ciphertexts cannot be moved
from one place to another without the move being detected.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import time
from dataclasses import asdict, dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES = 32
NONCE_BYTES = 12
MIN_MEMORY_KIB = 64 * 1024  # the contract's floor: never below 64 MiB
MIN_ITERATIONS = 3  # RFC 9106's recommendation at 64 MiB: calibration never goes below it
MAX_ITERATIONS = 40  # calibration's ceiling
# What a header may ask for. Anything outside is damage (or an attack: 64 GiB of memory, or
# two billion iterations, would exhaust the machine before the passphrase could be refused).
# The test suite's cheap parameters (8 MiB, 1 iteration, 1 lane) are inside.
HEADER_MEMORY_KIB = (8 * 1024, 1024 * 1024)
HEADER_ITERATIONS = (1, 64)
HEADER_LANES = (1, 16)
HEADER_WORK_KIB = MIN_MEMORY_KIB * HEADER_ITERATIONS[1]  # memory x iterations: a few seconds
RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: easy to copy by hand
RECOVERY_GROUPS = 8
RECOVERY_GROUP_LEN = 4


class DecryptionError(Exception):
    """A value, or a wrapped key, did not authenticate: wrong key, or damaged/moved bytes."""


class DamagedHeader(ValueError):
    """The key-derivation parameters in the header are unreadable or out of bounds."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters, stored in the journal header next to the wrapped key."""

    salt: bytes
    memory_kib: int = MIN_MEMORY_KIB
    iterations: int = 3
    lanes: int = 4

    def derive(self, secret: str | bytes) -> bytes:
        if isinstance(secret, str):
            secret = secret.encode("utf-8")
        kdf = Argon2id(
            salt=self.salt,
            length=KEY_BYTES,
            iterations=self.iterations,
            lanes=self.lanes,
            memory_cost=self.memory_kib,
        )
        return kdf.derive(secret)

    def to_json(self) -> str:
        d = asdict(self)
        d["salt"] = base64.b64encode(self.salt).decode("ascii")
        d["algorithm"] = "argon2id"
        return json.dumps(d, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> KdfParams:
        """Read the header's parameters; ``DamagedHeader`` unless each is in bounds, checked
        before any memory is taken or time spent."""
        try:
            d = json.loads(text)
            if not isinstance(d, dict) or d.pop("algorithm", "argon2id") != "argon2id":
                raise DamagedHeader("unsupported key derivation")
            params = cls(
                salt=base64.b64decode(d.pop("salt"), validate=True),
                memory_kib=d.pop("memory_kib"),
                iterations=d.pop("iterations"),
                lanes=d.pop("lanes"),
            )
        except (ValueError, TypeError, KeyError, RecursionError) as exc:
            raise DamagedHeader("unreadable key-derivation parameters") from exc
        if d:
            raise DamagedHeader("unknown key-derivation parameters")
        params.check_bounds()
        return params

    def check_bounds(self) -> None:
        def within(value: object, bounds: tuple[int, int]) -> bool:
            return type(value) is int and bounds[0] <= value <= bounds[1]

        if not (
            within(self.memory_kib, HEADER_MEMORY_KIB)
            and within(self.iterations, HEADER_ITERATIONS)
            and within(self.lanes, HEADER_LANES)
            and self.memory_kib >= 8 * self.lanes
            and self.memory_kib * self.iterations <= HEADER_WORK_KIB
            and 8 <= len(self.salt) <= 64
        ):
            raise DamagedHeader("key-derivation parameters out of bounds")

    @classmethod
    def fast_for_tests(cls) -> KdfParams:
        """Cheap parameters for the test suite only; real journals are calibrated (``calibrate``)."""
        return cls(salt=os.urandom(16), memory_kib=8 * 1024, iterations=1, lanes=1)


def calibrate(
    target_seconds: float = 0.7, memory_kib: int = MIN_MEMORY_KIB, *, probes: int = 3
) -> KdfParams:
    """Choose Argon2id iterations so one derivation takes about ``target_seconds`` here.

    The fastest of a few probes is taken: a machine busy for a moment (the test suite, a
    compile) makes one probe slow and would give the journal too few iterations for good.
    Never below ``MIN_ITERATIONS`` (RFC 9106 at 64 MiB), never above ``MAX_ITERATIONS``.
    ``reflect passwd`` and the app's Change Passphrase calibrate again."""
    memory_kib = max(memory_kib, MIN_MEMORY_KIB)
    probe_iterations = MIN_ITERATIONS
    probe = KdfParams(salt=os.urandom(16), memory_kib=memory_kib, iterations=probe_iterations)
    fastest = float("inf")
    for _ in range(max(1, probes)):
        start = time.perf_counter()
        probe.derive(b"calibration")
        fastest = min(fastest, time.perf_counter() - start)
    one = max(fastest / probe_iterations, 1e-3)
    iterations = max(MIN_ITERATIONS, min(MAX_ITERATIONS, round(target_seconds / one)))
    return KdfParams(salt=os.urandom(16), memory_kib=memory_kib, iterations=iterations)


def new_data_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def wrap_key(kek: bytes, data_key: bytes, purpose: str) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(kek).encrypt(nonce, data_key, b"reflect/wrap/" + purpose.encode())


def unwrap_key(kek: bytes, blob: bytes, purpose: str) -> bytes:
    try:
        return AESGCM(kek).decrypt(
            blob[:NONCE_BYTES], blob[NONCE_BYTES:], b"reflect/wrap/" + purpose.encode()
        )
    except (InvalidTag, ValueError) as exc:
        raise DecryptionError("the key does not open this journal") from exc


# --- recovery code -------------------------------------------------------------------------


def new_recovery_code() -> str:
    chars = [secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUPS * RECOVERY_GROUP_LEN)]
    groups = [
        "".join(chars[i : i + RECOVERY_GROUP_LEN])
        for i in range(0, len(chars), RECOVERY_GROUP_LEN)
    ]
    return "-".join(groups)


def normalise_recovery_code(code: str) -> str:
    """Accept the code as typed: any case, with or without spaces and dashes."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def recovery_kek(code: str, salt: bytes) -> bytes:
    """The recovery code has ~155 bits of entropy, so HKDF is enough (no slow KDF needed)."""
    material = normalise_recovery_code(code).encode("ascii")
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=b"reflect/recovery").derive(
        material
    )


# --- per-value encryption ------------------------------------------------------------------


_JSON_VALUE = json.JSONDecoder().raw_decode


class FieldCipher:
    """Encrypts one value of one column of one row; the location is bound as associated data."""

    __slots__ = ("_aead", "_places")

    def __init__(self, data_key: bytes) -> None:
        self._aead = AESGCM(data_key)
        self._places: dict[tuple[str, str], bytes] = {}

    def _ad(self, table: str, column: str, row_id: str) -> bytes:
        """``reflect/v1|table|column|row``; the part before the row made once per column."""
        place = self._places.get((table, column))
        if place is None:
            place = self._places[(table, column)] = b"reflect/v1|%s|%s|" % (
                table.encode(), column.encode())
        return place + row_id.encode()

    def seal_raw(self, table: str, column: str, row_id: str, text: str) -> bytes:
        """Seal a plain string without JSON (the search text: read for every entry per query)."""
        nonce = os.urandom(NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, text.encode("utf-8"), self._ad(table, column, row_id))

    def open_raw(self, table: str, column: str, row_id: str, blob: bytes | None) -> str:
        if blob is None:
            raise DecryptionError(f"{table} {row_id}: {column} is missing")
        try:
            return self._aead.decrypt(
                blob[:NONCE_BYTES], blob[NONCE_BYTES:], self._ad(table, column, row_id)
            ).decode("utf-8")
        except (InvalidTag, ValueError, UnicodeDecodeError) as exc:
            raise DecryptionError(f"{table} {row_id}: {column} does not decrypt") from exc

    def reseal(self, other: FieldCipher, table: str, column: str, row_id: str, blob: bytes) -> bytes:
        """The value ``blob`` sealed again, by ``other``, to the same place (a new data key)."""
        ad = self._ad(table, column, row_id)
        try:
            plain = self._aead.decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], ad)
        except (InvalidTag, ValueError, TypeError) as exc:
            raise DecryptionError(f"{table} {row_id}: {column} does not decrypt") from exc
        nonce = os.urandom(NONCE_BYTES)
        return nonce + other._aead.encrypt(nonce, plain, ad)

    def seal(self, table: str, column: str, row_id: str, value: object) -> bytes:
        plain = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        nonce = os.urandom(NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, plain, self._ad(table, column, row_id))

    def open(self, table: str, column: str, row_id: str, blob: bytes | None) -> object:
        if blob is None:
            raise DecryptionError(f"{table} {row_id}: {column} is missing")
        try:
            plain = self._aead.decrypt(
                blob[:NONCE_BYTES], blob[NONCE_BYTES:], self._ad(table, column, row_id)
            ).decode("utf-8")
            # What ``json.loads`` does, without its checks and whitespace scans: seal() writes
            # compact JSON, so the value must run to the very end (reading every entry opens
            # some 120,000 values in a large journal).
            value, end = _JSON_VALUE(plain, 0)
            if end != len(plain):
                raise ValueError("extra data")
            return value
        except (InvalidTag, ValueError, UnicodeDecodeError) as exc:
            raise DecryptionError(f"{table} {row_id}: {column} does not decrypt") from exc
