"""Opening the school's SSPT record: folder, single-instance lock, key, database, schema.

The order matters and is the safety argument: the folder is proved writable and locked before
the key is touched; the key is found (or created, for a new record only) before the database
file exists; the schema is upgraded only after a backup. Any failure releases what was taken
and leaves every file as it was.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy.exc
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from sspt_desktop.security.database_key import DatabaseKey, KeyMode
from sspt_desktop.security.keychain import Keychain
from sspt_desktop.security.unlock import UnlockedKey, UnlockPrompts, unlock
from sspt_desktop.storage import schema_upgrade
from sspt_desktop.storage.database import open_engine, session_factory
from sspt_desktop.storage.errors import DatabaseMissing, DatabaseUnreadable, RecordUnavailable
from sspt_desktop.storage.instance_lock import InstanceLock
from sspt_desktop.storage.locations import DataLocations

log = logging.getLogger(__name__)


@dataclass(slots=True)
class OpenRecord:
    """An open, unlocked, up-to-date record. Call :meth:`close` when the app quits."""

    locations: DataLocations
    engine: Engine
    sessions: sessionmaker[Session]
    unlocked: UnlockedKey
    lock: InstanceLock
    backup: Path | None = None

    def close(self) -> None:
        self.engine.dispose()
        self.lock.release()


def open_record(locations: DataLocations, keychain: Keychain, prompts: UnlockPrompts) -> OpenRecord:
    """Open (or create) the record in ``locations``, asking ``prompts`` when a person must act."""
    locations.prepare()
    lock = InstanceLock(locations.lock_file)
    lock.acquire()
    try:
        with _environment_errors():
            unlocked = unlock(locations.database, locations.key_envelope, keychain, prompts)
        database = locations.database
        if not unlocked.created and (not database.exists() or database.stat().st_size == 0):
            # Opening would quietly start an empty record in place of the school's.
            raise DatabaseMissing(
                f"The database file {database.name} is missing or empty, although its key file "
                "is here. Nothing was changed. Restore the database from your backups; if this "
                f"folder never held a record, remove {locations.key_envelope.name} to start one."
            )
        with _environment_errors():
            return _open_with_key(locations, unlocked, lock)
    except BaseException:
        lock.release()
        raise


@contextmanager
def _environment_errors() -> Iterator[None]:
    """Turn a failing disk or a busy database into a message, never a crash."""
    try:
        yield
    except OSError as exc:
        raise RecordUnavailable(
            "SSPT Desktop could not use the files in its data folder "
            f"({exc.strerror or type(exc).__name__}). Nothing was changed. Free some disk "
            "space or check the folder, then try again."
        ) from None
    except sqlalchemy.exc.DBAPIError as exc:
        raise RecordUnavailable(
            "The database could not be opened just now "
            f"({type(exc.orig).__name__ if exc.orig else 'database error'}). Nothing was "
            "changed. Close any other program that may be using it, then try again."
        ) from None


def open_memory_keyed_record(locations: DataLocations) -> OpenRecord:
    """A record whose key lives only in this process: the demo's throwaway database."""
    locations.prepare()
    lock = InstanceLock(locations.lock_file)
    lock.acquire()
    unlocked = UnlockedKey(DatabaseKey.generate(), KeyMode.MEMORY, "memory only", "demo")
    try:
        with _environment_errors():
            return _open_with_key(locations, unlocked, lock)
    except BaseException:
        lock.release()
        raise


def _open_with_key(
    locations: DataLocations, unlocked: UnlockedKey, lock: InstanceLock
) -> OpenRecord:
    # The key is the right one (the keychain entry or the passphrase checked out against the
    # key file), so a file that cannot be read is damaged or was replaced.
    damaged = DatabaseUnreadable(
        f"The database file {locations.database.name} is damaged or is not an SSPT database. "
        "It has not been changed. Restore it from the backups folder or ask IT for help."
    )
    try:
        engine = open_engine(locations.database, unlocked.key)
    except DatabaseUnreadable:
        raise damaged from None
    try:
        backup = schema_upgrade.upgrade(engine, locations.database, locations.backups_dir)
    except sqlalchemy.exc.DatabaseError:
        engine.dispose()
        raise damaged from None
    except BaseException:
        engine.dispose()
        raise
    if backup is not None:
        log.info("Database upgraded after a backup to %s", backup.name)
    return OpenRecord(locations, engine, session_factory(engine), unlocked, lock, backup)
