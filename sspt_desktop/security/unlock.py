"""Unlocking the database: find or create its key, through the keychain or a passphrase.

The rules that keep data safe live here, not in the user interface:
- a key is created only for a database that does not exist yet, never for an existing file;
- the key reaches the keychain (or is wrapped) *before* the envelope is written, and the
  envelope before the database, so a crash in between never leaves a database without its key;
- with no secure keychain the person is asked for a passphrase; nothing falls back to plaintext.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from sspt_desktop.security.database_key import DatabaseKey, KeyEnvelope, KeyMode, PassphraseWrap
from sspt_desktop.security.errors import (
    EnvelopeDamaged,
    KeyMissingForExistingDatabase,
    KeyNotInKeychain,
    UnlockCancelled,
    WrongPassphrase,
)
from sspt_desktop.security.keychain import Keychain

MIN_PASSPHRASE_LENGTH = 10


class UnlockPrompts(Protocol):
    """What the unlock needs to ask a person; the user interface answers, tests script it."""

    def ask_passphrase(self, message: str) -> str | None:
        """Ask for the passphrase of an existing database; ``None`` means the person cancelled."""

    def choose_passphrase(self, message: str) -> str | None:
        """Ask for a new passphrase (typed twice by the UI); ``None`` means cancelled."""


@dataclass(frozen=True, slots=True)
class UnlockedKey:
    """The key that opens the database and how it was obtained (shown quietly in the UI)."""

    key: DatabaseKey
    mode: KeyMode
    store_name: str
    database_id: str
    created: bool = False  # a new key for a new record, made by this unlock


def passphrase_problem(passphrase: str) -> str | None:
    """Why a new passphrase is not acceptable, or ``None`` when it is."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        return f"Use at least {MIN_PASSPHRASE_LENGTH} characters; a short sentence works well."
    if passphrase.strip() != passphrase:
        return "The passphrase cannot start or end with a space."
    return None


def unlock(
    database: Path, envelope_path: Path, keychain: Keychain, prompts: UnlockPrompts
) -> UnlockedKey:
    """Return the key of ``database``, creating one only if the database does not exist yet."""
    if envelope_path.exists():
        return _unlock_existing(KeyEnvelope.load(envelope_path), keychain, prompts)
    if database.exists() and database.stat().st_size > 0:
        raise KeyMissingForExistingDatabase(
            f"The key file '{envelope_path.name}' is missing beside the database. The database "
            "is unchanged. Restore the key file from a backup, or choose another data folder."
        )
    return _create(envelope_path, keychain, prompts)


def _unlock_existing(
    envelope: KeyEnvelope, keychain: Keychain, prompts: UnlockPrompts
) -> UnlockedKey:
    if envelope.mode is KeyMode.KEYCHAIN:
        key = keychain.load(envelope.database_id)
        if not envelope.matches(key):
            raise KeyNotInKeychain("The keychain holds a different key for this database.")
        return UnlockedKey(
            key, KeyMode.KEYCHAIN, keychain.status().backend_name, envelope.database_id
        )
    if envelope.mode is KeyMode.PASSPHRASE and envelope.passphrase is not None:
        message = "Enter the passphrase for the SSPT database."
        while True:
            typed = prompts.ask_passphrase(message)
            if typed is None:
                raise UnlockCancelled("The database stays locked.")
            try:
                key = envelope.passphrase.unwrap(typed)
            except WrongPassphrase:
                message = "That passphrase does not unlock this database. Try again."
                continue
            return UnlockedKey(key, KeyMode.PASSPHRASE, "passphrase", envelope.database_id)
    raise EnvelopeDamaged("The key file does not say how the database is unlocked.")


def _create(envelope_path: Path, keychain: Keychain, prompts: UnlockPrompts) -> UnlockedKey:
    key = DatabaseKey.generate()
    status = keychain.status()
    if status.usable:
        envelope = KeyEnvelope.new(key, KeyMode.KEYCHAIN)
        keychain.store(envelope.database_id, key)
        envelope.save(envelope_path)
        return UnlockedKey(
            key, KeyMode.KEYCHAIN, status.backend_name, envelope.database_id, created=True
        )
    message = (
        f"{status.reason} The database will be protected by a passphrase instead; "
        "you will type it each time SSPT Desktop starts."
    )
    while True:
        chosen = prompts.choose_passphrase(message)
        if chosen is None:
            raise UnlockCancelled("No database was created.")
        problem = passphrase_problem(chosen)
        if problem is None:
            break
        message = problem
    envelope = KeyEnvelope.new(key, KeyMode.PASSPHRASE)
    envelope.passphrase = PassphraseWrap.wrap(key, chosen)
    envelope.save(envelope_path)
    return UnlockedKey(key, KeyMode.PASSPHRASE, "passphrase", envelope.database_id, created=True)
