"""Bringing a database to this version's schema with Alembic, safely.

Before any upgrade of a database that already holds data, the encrypted file is copied to
``backups/``; a database whose revision this version does not know was written by a newer
SSPT Desktop and is refused untouched (opening it could damage what the newer version wrote).
"""

from __future__ import annotations

import shutil
from datetime import datetime
from importlib.resources import as_file, files
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from sspt_desktop.storage.database import checkpoint
from sspt_desktop.storage.errors import DatabaseTooNew


def _config(script_location: Path | None = None) -> Config:
    config = Config()
    if script_location is None:
        with as_file(files("sspt_desktop.storage").joinpath("migrations")) as path:
            script_location = path
    config.set_main_option("script_location", str(script_location))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None, "the package ships at least one revision"
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(
    engine: Engine, database: Path, backups_dir: Path, script_location: Path | None = None
) -> Path | None:
    """Upgrade to the head revision; return the backup made first, if one was needed.

    ``script_location`` defaults to the revisions shipped in the package.
    """
    config = _config(script_location)
    script = ScriptDirectory.from_config(config)
    current = current_revision(engine)
    head = script.get_current_head()
    if current == head:
        return None
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise DatabaseTooNew(
            "This database was last opened by a newer version of SSPT Desktop. It has not been "
            "changed. Install the newer version to open it."
        )
    backup = _backup(engine, database, backups_dir, current) if current is not None else None
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    return backup


def _backup(engine: Engine, database: Path, backups_dir: Path, revision: str) -> Path:
    # Fold the WAL into the main file first so the copy is the whole, consistent database.
    checkpoint(engine)
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backups_dir / f"{database.stem}-{stamp}-before-upgrade-from-{revision}.db"
    shutil.copy2(database, target)
    return target
