"""Revision 0003: the student search walks one index that holds ``search_key``, so a query
matching few students reads only their rows. Checked on the search's own SQL with
``EXPLAIN QUERY PLAN``, before and after SQLite has statistics, and on a 0002 record upgraded."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, event, text
from sqlalchemy.orm import Session, sessionmaker

from sspt_desktop.domain.student import Student
from sspt_desktop.security.database_key import DatabaseKey
from sspt_desktop.services.record_opening import OpenRecord, open_memory_keyed_record
from sspt_desktop.services.student_records import StudentRecords
from sspt_desktop.storage import schema_upgrade
from sspt_desktop.storage.database import open_engine, session_factory
from sspt_desktop.storage.locations import DataLocations
from sspt_desktop.storage.students import StudentRepository

COVERING = "ix_students_sort_key_id_search_key"
TYPED = ("", "n", "nunez", "daniela nunez", "1001", "9999999", "%")
FAMILIES = ("Núñez", "Ortiz", "Zhang", "Παπαδοπούλου", "Álvarez", "O'Brien", "Nguyen")


def fill(sessions: sessionmaker[Session], count: int) -> None:
    with sessions.begin() as session:
        repository = StudentRepository()
        for n in range(count):
            family = FAMILIES[n % len(FAMILIES)]
            repository.add(session, Student(None, f"{1000 + n}", f"Daniela{n}", family, "4"))


def search_statements(engine: Engine, records: StudentRecords) -> list[tuple[str, Any]]:
    """The SQL and parameters each typed text sends, as the search sends them."""
    sent: list[tuple[str, Any]] = []

    def capture(conn: Any, cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if "FROM students" in statement:
            sent.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", capture)
    try:
        for typed in TYPED:
            records.search(typed)
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    assert len(sent) == len(TYPED)
    return sent


def plans(engine: Engine, records: StudentRecords) -> list[str]:
    found = []
    with engine.connect() as conn:
        for statement, parameters in search_statements(engine, records):
            rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters).all()
            found.append(" | ".join(str(row[-1]) for row in rows))
    return found


@pytest.fixture
def record(locations: DataLocations) -> Iterator[OpenRecord]:
    opened = open_memory_keyed_record(locations)
    yield opened
    opened.close()


def assert_walks_the_covering_index(plan: str) -> None:
    # One walk of the index in list order: no sort afterwards, no other index, no table scan.
    assert plan == f"SCAN students USING INDEX {COVERING}", plan


def test_every_search_walks_the_index_holding_search_key(record: OpenRecord) -> None:
    fill(record.sessions, 300)
    for plan in plans(record.engine, StudentRecords(record.sessions)):
        assert_walks_the_covering_index(plan)


def test_the_search_keeps_the_index_once_sqlite_has_statistics(record: OpenRecord) -> None:
    fill(record.sessions, 2000)
    with record.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
        assert conn.exec_driver_sql("SELECT count(*) FROM sqlite_stat1").scalar()
    for plan in plans(record.engine, StudentRecords(record.sessions)):
        assert_walks_the_covering_index(plan)


def index_columns(engine: Engine) -> dict[str, list[str]]:
    with engine.connect() as conn:
        names = conn.execute(
            text(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'students' "
                "AND name LIKE 'ix_%'"
            )
        ).scalars()
        return {
            name: [row[2] for row in conn.exec_driver_sql(f"PRAGMA index_info('{name}')")]
            for name in list(names)
        }


def test_a_0002_record_upgrades_to_the_covering_index_and_finds_the_same_students(
    locations: DataLocations,
) -> None:
    from alembic import command

    locations.prepare()
    key = DatabaseKey.generate()
    engine = open_engine(locations.database, key)
    config = schema_upgrade._config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0002")
    fill(session_factory(engine), 40)
    before = index_columns(engine)
    assert before["ix_students_sort_key"] == ["sort_key"] and COVERING not in before
    records = StudentRecords(session_factory(engine))
    found_before = {typed: records.search(typed) for typed in TYPED}
    # What the search did before: walk sort_key's index and read every row it passes.
    assert set(plans(engine, records)) == {"SCAN students USING INDEX ix_students_sort_key"}

    backup = schema_upgrade.upgrade(engine, locations.database, locations.backups_dir)

    assert backup is not None and "0002" in backup.name
    assert schema_upgrade.current_revision(engine) == "0003"
    after = index_columns(engine)
    assert "ix_students_sort_key" not in after
    assert after[COVERING] == ["sort_key", "id", "search_key"]
    assert {typed: records.search(typed) for typed in TYPED} == found_before
    assert {s.last_name for s in found_before["nunez"]} == {"Núñez"}
    for plan in plans(engine, records):
        assert_walks_the_covering_index(plan)
    engine.dispose()
