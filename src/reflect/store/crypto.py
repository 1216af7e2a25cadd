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
RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: easy to copy by hand
RECOVERY_GROUPS = 8
RECOVERY_GROUP_LEN = 4


class DecryptionError(Exception):
    """A value, or a wrapped key, did not authenticate: wrong key, or damaged/moved bytes."""


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
        d = json.loads(text)
        if d.pop("algorithm", "argon2id") != "argon2id":
            raise ValueError("unsupported key derivation")
        d["salt"] = base64.b64decode(d["salt"])
        return cls(**d)

    @classmethod
    def fast_for_tests(cls) -> KdfParams:
        """Cheap parameters for the test suite only; real journals are calibrated (``calibrate``)."""
        return cls(salt=os.urandom(16), memory_kib=8 * 1024, iterations=1, lanes=1)


def calibrate(target_seconds: float = 0.7, memory_kib: int = MIN_MEMORY_KIB) -> KdfParams:
    """Choose Argon2id iterations so one derivation takes about ``target_seconds`` here."""
    memory_kib = max(memory_kib, MIN_MEMORY_KIB)
    probe_iterations = 3
    probe = KdfParams(salt=os.urandom(16), memory_kib=memory_kib, iterations=probe_iterations)
    start = time.perf_counter()
    probe.derive(b"calibration")
    one = max((time.perf_counter() - start) / probe_iterations, 1e-3)
    iterations = max(3, min(40, round(target_seconds / one)))
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
