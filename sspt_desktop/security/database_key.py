"""The database key and its envelope: how the random key is kept without ever being stored plain.

The database is encrypted with a random 32-byte key that never changes for the life of the file.
That key is *wrapped* by whatever unlocks it: the operating system's keychain, or a passphrase.
Keeping the key random in both modes is what lets a recovery code, locking and changing the
passphrase be added later without re-encrypting any record: only the envelope changes.

The envelope file (``key.json`` beside the database) holds no secret: a key identifier, a check
value that tells a wrong key from a damaged file, and in passphrase mode the wrapped key.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import uuid
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from sspt_desktop.security.errors import EnvelopeDamaged, WrongPassphrase

KEY_BYTES = 32
ENVELOPE_FORMAT = 1

# scrypt cost: about 0.1 s and 64 MiB on a school laptop. Paid once per unlock, never per
# connection, because the unwrapped key is applied to SQLCipher as a raw key.
SCRYPT_N = 2**16
SCRYPT_R = 8
SCRYPT_P = 1


class DatabaseKey:
    """The raw 32-byte SQLCipher key. Its ``repr`` and ``str`` never show the key."""

    __slots__ = ("_raw",)

    def __init__(self, raw: bytes) -> None:
        if len(raw) != KEY_BYTES:
            raise ValueError("A database key is 32 bytes.")
        self._raw = raw

    @classmethod
    def generate(cls) -> DatabaseKey:
        return cls(secrets.token_bytes(KEY_BYTES))

    @classmethod
    def from_hex(cls, text: str) -> DatabaseKey:
        try:
            return cls(bytes.fromhex(text))
        except ValueError:
            raise EnvelopeDamaged("The stored database key is not in the expected form.") from None

    @property
    def raw(self) -> bytes:
        return self._raw

    def hex(self) -> str:
        return self._raw.hex()

    def sqlcipher_pragma(self) -> str:
        """The ``PRAGMA key`` statement that applies this key raw, with no key derivation."""
        return f"PRAGMA key = \"x'{self._raw.hex()}'\""

    def check_value(self) -> str:
        """A value that identifies the key without revealing it (HMAC of a fixed label)."""
        return hmac.new(self._raw, b"sspt-desktop key check", hashlib.sha256).hexdigest()[:32]

    def __repr__(self) -> str:
        return "DatabaseKey(<hidden>)"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DatabaseKey) and hmac.compare_digest(self._raw, other._raw)

    def __hash__(self) -> int:
        return hash(self.check_value())


class KeyMode(StrEnum):
    """Where the key that unlocks the database is kept."""

    KEYCHAIN = "keychain"
    PASSPHRASE = "passphrase"
    MEMORY = "memory"  # the demo: the key lives only in this process


@dataclass(frozen=True, slots=True)
class PassphraseWrap:
    """The database key wrapped by a passphrase: scrypt, then XOR with an HMAC-SHA256 tag.

    A fresh salt for every wrapping makes the derived pad single-use, so XOR is a sound cipher
    here; the tag tells a wrong passphrase from a right one before the database is touched.
    """

    salt: bytes
    wrapped: bytes
    tag: bytes
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P

    @classmethod
    def wrap(cls, key: DatabaseKey, passphrase: str) -> PassphraseWrap:
        salt = secrets.token_bytes(16)
        pad, mac_key = _derive(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
        wrapped = bytes(a ^ b for a, b in zip(key.raw, pad, strict=True))
        tag = hmac.new(mac_key, salt + wrapped, hashlib.sha256).digest()
        return cls(salt=salt, wrapped=wrapped, tag=tag)

    def unwrap(self, passphrase: str) -> DatabaseKey:
        pad, mac_key = _derive(passphrase, self.salt, self.n, self.r, self.p)
        expected = hmac.new(mac_key, self.salt + self.wrapped, hashlib.sha256).digest()
        if not hmac.compare_digest(expected, self.tag):
            raise WrongPassphrase("That passphrase does not unlock this database.")
        return DatabaseKey(bytes(a ^ b for a, b in zip(self.wrapped, pad, strict=True)))

    def to_dict(self) -> dict[str, Any]:
        return {
            "kdf": "scrypt",
            "n": self.n,
            "r": self.r,
            "p": self.p,
            "salt": self.salt.hex(),
            "wrapped": self.wrapped.hex(),
            "tag": self.tag.hex(),
        }

    @classmethod
    def from_dict(cls, data: Any) -> PassphraseWrap:
        """Read a stored wrapping, refusing anything out of shape or with absurd costs (a
        damaged file must give a clear message, not an exhausted computer)."""
        damaged = EnvelopeDamaged("The passphrase section of the key file is damaged.")
        if not isinstance(data, dict):
            raise damaged
        if data.get("kdf") != "scrypt":
            raise EnvelopeDamaged("The key file names a key derivation this version does not know.")
        try:
            wrap = cls(
                salt=bytes.fromhex(data["salt"]),
                wrapped=bytes.fromhex(data["wrapped"]),
                tag=bytes.fromhex(data["tag"]),
                n=int(data["n"]),
                r=int(data["r"]),
                p=int(data["p"]),
            )
        except (KeyError, TypeError, ValueError):
            raise damaged from None
        power_of_two = wrap.n > 1 and wrap.n & (wrap.n - 1) == 0
        if (
            not power_of_two
            or wrap.n > 2**20
            or not 1 <= wrap.r <= 32
            or not 1 <= wrap.p <= 16
            or len(wrap.salt) < 16
            or len(wrap.wrapped) != KEY_BYTES
            or len(wrap.tag) != 32
        ):
            raise damaged
        return wrap


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> tuple[bytes, bytes]:
    material = hashlib.scrypt(
        passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * 1024 * 1024, dklen=64
    )
    return material[:KEY_BYTES], material[KEY_BYTES:]


@dataclass(slots=True)
class KeyEnvelope:
    """What is known about the database key, stored beside the database. Holds no secret."""

    database_id: str
    mode: KeyMode
    check_value: str
    passphrase: PassphraseWrap | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def new(cls, key: DatabaseKey, mode: KeyMode) -> KeyEnvelope:
        return cls(database_id=str(uuid.uuid4()), mode=mode, check_value=key.check_value())

    def matches(self, key: DatabaseKey) -> bool:
        return hmac.compare_digest(self.check_value, key.check_value())

    def to_json(self) -> str:
        data: dict[str, Any] = {
            "format": ENVELOPE_FORMAT,
            "database_id": self.database_id,
            "mode": self.mode.value,
            "check_value": self.check_value,
        }
        if self.passphrase is not None:
            data["passphrase"] = self.passphrase.to_dict()
        data.update(self.extra)
        return json.dumps(data, indent=2)

    @classmethod
    def from_json(cls, text: str) -> KeyEnvelope:
        try:
            data = json.loads(text)
            if not isinstance(data, dict):
                raise TypeError("not an object")
            if int(data["format"]) > ENVELOPE_FORMAT:
                raise EnvelopeDamaged(
                    "The key file was written by a newer SSPT Desktop. Update the app to open it."
                )
            known = {"format", "database_id", "mode", "check_value", "passphrase"}
            wrap = data.get("passphrase")
            return cls(
                database_id=str(data["database_id"]),
                mode=KeyMode(data["mode"]),
                check_value=str(data["check_value"]),
                passphrase=PassphraseWrap.from_dict(wrap) if wrap else None,
                extra={k: v for k, v in data.items() if k not in known},
            )
        except EnvelopeDamaged:
            raise
        except (ValueError, KeyError, TypeError, AttributeError):
            raise EnvelopeDamaged("The key file beside the database is damaged.") from None

    @classmethod
    def load(cls, path: Path) -> KeyEnvelope:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise EnvelopeDamaged("The key file beside the database is damaged.") from None
        except OSError as exc:
            raise EnvelopeDamaged(
                f"The key file beside the database could not be read ({exc.strerror})."
            ) from None
        return cls.from_json(text)

    def save(self, path: Path) -> None:
        """Write atomically (temp file, fsync, rename) so a power cut never leaves half a file."""
        tmp = path.with_name(path.name + ".new")
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(self.to_json())
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
