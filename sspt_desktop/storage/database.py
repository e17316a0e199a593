"""Opening the encrypted database: SQLCipher through SQLAlchemy, with a raw key per connection.

Durability: WAL journal with ``synchronous=FULL``, so a commit that returned is on disk and
survives a power cut; ``fullfsync`` matters on macOS. The key is applied by the connection
factory, so it never appears in a URL, an engine's repr, a log line or an exception.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from sspt_desktop.security.database_key import DatabaseKey
from sspt_desktop.storage.errors import DatabaseUnreadable

_SETTINGS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA fullfsync = ON",
    "PRAGMA busy_timeout = 5000",
    # Keep decrypted pages and temporary tables in memory, never in temp files.
    "PRAGMA temp_store = MEMORY",
)


def _connect(path: Path, key: DatabaseKey) -> Any:
    # isolation_level=None hands transaction control to SQLAlchemy (see _begin_immediate).
    connection = sqlcipher.connect(str(path), check_same_thread=False, isolation_level=None)
    try:
        # SQLCipher would otherwise print decryption errors for a wrong key on stderr.
        connection.execute("PRAGMA cipher_log_level = NONE").fetchall()
        connection.execute(key.sqlcipher_pragma())
        # Read before any write: with a wrong key or a foreign file this fails here, while the
        # file is still untouched (journal_mode would otherwise try to write the header).
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        for statement in _SETTINGS:
            connection.execute(statement).fetchall()
    except sqlcipher.DatabaseError:
        connection.close()
        raise DatabaseUnreadable(
            "The database file could not be read with this key. It may belong to another "
            "installation, or be damaged. It has not been changed."
        ) from None
    return connection


def open_engine(path: Path, key: DatabaseKey) -> Engine:
    """An engine whose every connection is keyed and tuned; checks the key once right away."""
    # The URL names only the file; the creator makes the real, keyed connection.
    engine = create_engine(
        f"sqlite:///{path.as_posix()}",
        creator=lambda: _connect(path, key),
        module=sqlcipher,
        pool_pre_ping=False,
        # Error messages must never carry what a query wrote: names, notes, IDs.
        hide_parameters=True,
    )

    @event.listens_for(engine, "begin")
    def _begin_immediate(conn: Any) -> None:
        # Take the write lock at the start of a transaction, not half-way through it, so two
        # writers (the autosave thread and the UI thread) never fail on a lock upgrade. Reads
        # take it too: a commit here lasts a few milliseconds (see the benchmark), so a
        # search waits that long at worst, and no read-then-write can meet SQLITE_BUSY.
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    with engine.connect():
        pass
    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def integrity_problems(engine: Engine) -> list[str]:
    """What ``PRAGMA cipher_integrity_check`` reports (an empty list means every page is sound)."""
    with engine.connect() as conn:
        return [str(row[0]) for row in conn.exec_driver_sql("PRAGMA cipher_integrity_check")]


def checkpoint(engine: Engine) -> None:
    """Fold the WAL into the main file, outside any transaction (as SQLite requires)."""
    raw = engine.raw_connection()
    try:
        raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()  # type: ignore[union-attr]
    finally:
        raw.close()
