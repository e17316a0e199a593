"""Bringing a database to this version's schema with Alembic, safely.

Before any upgrade of a database that already holds data, the encrypted file is copied to
``backups/``; a database whose revision this version does not know was written by a newer
SSPT Desktop and is refused untouched (opening it could damage what the newer version wrote).

Alembic is imported only when there is something to upgrade: on an ordinary start the stored
revision is compared with :data:`SCHEMA_HEAD`, which keeps start-up fast.
"""

from __future__ import annotations

import shutil
from datetime import datetime
from importlib.resources import as_file, files
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text

from sspt_desktop.storage.database import checkpoint
from sspt_desktop.storage.errors import DatabaseTooNew, SchemaUpgradeFailed

if TYPE_CHECKING:
    from alembic.config import Config

#: The newest revision in ``migrations/versions``; a test keeps the two equal.
SCHEMA_HEAD = "0003"


def _config(script_location: Path | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    if script_location is None:
        with as_file(files("sspt_desktop.storage").joinpath("migrations")) as path:
            script_location = path
    config.set_main_option("script_location", str(script_location))
    return config


def head_revision(script_location: Path | None = None) -> str:
    """The newest revision among the migration scripts (reads the files)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config(script_location)).get_current_head()
    assert head is not None, "the package ships at least one revision"
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision stored in the database, or ``None`` for a new, empty one."""
    with engine.connect() as conn:
        has_table = conn.execute(
            text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")
        ).first()
        if has_table is None:
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(
    engine: Engine, database: Path, backups_dir: Path, script_location: Path | None = None
) -> Path | None:
    """Upgrade to the head revision; return the backup made first, if one was needed.

    ``script_location`` defaults to the revisions shipped in the package.
    """
    current = current_revision(engine)
    if script_location is None and current == SCHEMA_HEAD:
        return None
    from alembic import command
    from alembic.script import ScriptDirectory

    config = _config(script_location)
    script = ScriptDirectory.from_config(config)
    if current == script.get_current_head():
        return None
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise DatabaseTooNew(
            "This database was last opened by a newer version of SSPT Desktop. It has not been "
            "changed. Install the newer version to open it."
        )
    backup = _backup(engine, database, backups_dir, current) if current is not None else None
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        # A batch migration rebuilds a table by copying it and dropping the old one; with
        # foreign keys on, SQLite would turn that drop into a cascading delete of every pane
        # text, goal and plan row. Keys go off for the upgrade (outside any transaction, as
        # SQLite requires) and are checked, all at once, before it commits.
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():
                config.attributes["connection"] = conn
                command.upgrade(config, "head")
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise SchemaUpgradeFailed(
                        "The database could not be brought up to date, so it was left as it "
                        "was. Nothing has been lost; ask IT for help and keep the backups folder."
                    )
        finally:
            raw.execute("PRAGMA foreign_keys = ON")
    return backup


def _backup(engine: Engine, database: Path, backups_dir: Path, revision: str) -> Path:
    # Fold the WAL into the main file first so the copy is the whole, consistent database.
    checkpoint(engine)
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backups_dir / f"{database.stem}-{stamp}-before-upgrade-from-{revision}.db"
    shutil.copy2(database, target)
    return target
