"""Alembic at open: an empty file is brought to the head; a newer database is refused untouched."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import inspect

from sspt_desktop.security.database_key import DatabaseKey
from sspt_desktop.storage import schema_upgrade
from sspt_desktop.storage.database import checkpoint, open_engine
from sspt_desktop.storage.errors import DatabaseTooNew
from sspt_desktop.storage.locations import DataLocations

EXPECTED_TABLES = {
    "students",
    "meetings",
    "attendees",
    "pane_contents",
    "cases",
    "caregivers",
    "goals",
    "plan_items",
    "team_interventions",
    "segment_timings",
    "settings",
    "alembic_version",
}


def test_an_empty_file_is_upgraded_to_the_head(locations: DataLocations) -> None:
    locations.prepare()
    engine = open_engine(locations.database, DatabaseKey.generate())
    assert schema_upgrade.current_revision(engine) is None
    backup = schema_upgrade.upgrade(engine, locations.database, locations.backups_dir)
    assert backup is None  # nothing to back up in a new file
    assert schema_upgrade.current_revision(engine) == schema_upgrade.head_revision()
    assert set(inspect(engine).get_table_names()) >= EXPECTED_TABLES
    # A second open finds nothing to do.
    assert schema_upgrade.upgrade(engine, locations.database, locations.backups_dir) is None
    engine.dispose()


def test_a_database_from_a_newer_version_is_refused_untouched(locations: DataLocations) -> None:
    locations.prepare()
    key = DatabaseKey.generate()
    engine = open_engine(locations.database, key)
    schema_upgrade.upgrade(engine, locations.database, locations.backups_dir)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    checkpoint(engine)
    engine.dispose()
    before = hashlib.sha256(locations.database.read_bytes()).hexdigest()

    engine = open_engine(locations.database, key)
    with pytest.raises(DatabaseTooNew, match="newer version"):
        schema_upgrade.upgrade(engine, locations.database, locations.backups_dir)
    engine.dispose()
    assert hashlib.sha256(locations.database.read_bytes()).hexdigest() == before
    assert not locations.backups_dir.exists()


def test_every_model_change_has_a_revision(locations: DataLocations) -> None:
    """The ORM and the migrations agree: autogenerate finds nothing to add."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from sspt_desktop.storage.models import Base

    locations.prepare()
    engine = open_engine(locations.database, DatabaseKey.generate())
    schema_upgrade.upgrade(engine, locations.database, locations.backups_dir)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diff == []


def test_an_upgrade_backs_up_the_file_first(locations: DataLocations, tmp_path: Path) -> None:
    """An older database (one revision behind) is copied to backups/ before it is upgraded."""
    import shutil
    from importlib.resources import files

    locations.prepare()
    key = DatabaseKey.generate()
    engine = open_engine(locations.database, key)
    schema_upgrade.upgrade(engine, locations.database, locations.backups_dir)
    engine.dispose()

    # A copy of the shipped revisions plus one more stands in for the next release.
    shipped = files("sspt_desktop.storage").joinpath("migrations")
    future = tmp_path / "migrations"
    shutil.copytree(str(shipped), future)
    head = schema_upgrade.head_revision()
    (future / "versions" / "9000_next_release.py").write_text(
        "from alembic import op\nimport sqlalchemy as sa\n"
        f"revision = '9000'\ndown_revision = {head!r}\nbranch_labels = None\ndepends_on = None\n"
        "def upgrade():\n    op.add_column('students', sa.Column('nickname', sa.String(40)))\n"
        "def downgrade():\n    pass\n"
    )

    engine = open_engine(locations.database, key)
    backup = schema_upgrade.upgrade(engine, locations.database, locations.backups_dir, future)
    assert schema_upgrade.current_revision(engine) == "9000"
    engine.dispose()
    assert backup is not None and backup.parent == locations.backups_dir
    assert head in backup.name
    # The backup is the encrypted database at the old revision, readable with the same key.
    old = open_engine(backup, key)
    assert schema_upgrade.current_revision(old) == head
    old.dispose()


def test_the_fast_path_knows_the_newest_revision() -> None:
    assert schema_upgrade.head_revision() == schema_upgrade.SCHEMA_HEAD


def test_rebuilding_a_table_keeps_every_row_that_points_at_it(
    locations: DataLocations, tmp_path: Path
) -> None:
    """A batch migration of ``meetings`` (copy, drop, rename) must not cascade-delete panes."""
    import shutil
    from importlib.resources import files

    from sqlalchemy import text

    from sspt_desktop.storage.database import session_factory
    from tests.support.records import add_sample_meeting

    locations.prepare()
    key = DatabaseKey.generate()
    engine = open_engine(locations.database, key)
    schema_upgrade.upgrade(engine, locations.database, locations.backups_dir)
    engine.dispose()
    engine = open_engine(locations.database, key)
    add_sample_meeting(session_factory(engine), strengths="Kind", problem="Reads slowly")
    engine.dispose()

    future = tmp_path / "migrations"
    shutil.copytree(str(files("sspt_desktop.storage").joinpath("migrations")), future)
    (future / "versions" / "9001_wider_location.py").write_text(
        "from alembic import op\nimport sqlalchemy as sa\n"
        f"revision = '9001'\ndown_revision = {schema_upgrade.head_revision()!r}\n"
        "branch_labels = None\ndepends_on = None\n"
        "def upgrade():\n"
        "    with op.batch_alter_table('meetings', recreate='always') as batch:\n"
        "        batch.alter_column('location', type_=sa.String(400))\n"
        "def downgrade():\n    pass\n"
    )
    engine = open_engine(locations.database, key)
    schema_upgrade.upgrade(engine, locations.database, locations.backups_dir, future)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM pane_contents")).scalar() == 2
        assert conn.execute(text("SELECT count(*) FROM meetings")).scalar() == 1
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()
