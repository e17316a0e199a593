"""Revision 0002 on a real SQLCipher file written by revision 0001: text typed into the old
free-text panes survives as the new panes' notes, every student's meetings join one case,
timestamps become UTC, and a record holding rows in the replaced tables is refused untouched."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine, text

from sspt_desktop.domain.meeting import MeetingType
from sspt_desktop.domain.pane_kinds import PaneKind
from sspt_desktop.security.database_key import DatabaseKey
from sspt_desktop.services.meeting_record import MeetingRecordService
from sspt_desktop.services.meeting_session import MeetingSessionService
from sspt_desktop.storage import schema_upgrade
from sspt_desktop.storage.database import open_engine, session_factory
from sspt_desktop.storage.errors import SchemaUpgradeFailed
from sspt_desktop.storage.locations import DataLocations

PASTED = "Ζωή and Núñez read 48 wcpm.\n\t👩🏽‍🏫 =SUM(A1) <b>王</b> מורה\n" * 50
LOCAL_WRITE = datetime(2025, 3, 14, 9, 30, 15)


def at_revision_0001(engine: Engine) -> None:
    """Bring an empty file to revision 0001 exactly, as an earlier release left it."""
    from alembic import command

    config = schema_upgrade._config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")


def write_0001_record(engine: Engine) -> None:
    stamp = LOCAL_WRITE.isoformat(" ")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO students (id, student_number, first_name, last_name, grade, "
                "language_status, preferred_language, referred_by, created_at, updated_at) "
                "VALUES (1, 'A-1029', 'Zoë', 'Núñez', '4', 'EL', 'es', "
                "'Ms. Kim (4th grade teacher)', :t, :t), "
                "(2, '1031177', 'Marcus', 'Thompson', '6', 'EO', 'en', '', :t, :t)"
            ),
            {"t": stamp},
        )
        conn.execute(
            text(
                "INSERT INTO meetings (id, student_id, meeting_type, meeting_date, location, "
                "status, total_minutes, close_reason, created_at, updated_at) VALUES "
                "(1, 1, 'initial', '2025-03-14', 'Room 12', 'in_progress', 30, '', :t, :t), "
                "(2, NULL, 'school_wide', '2025-03-10', 'Library', 'scheduled', 30, '', :t, :t)"
            ),
            {"t": stamp},
        )
        conn.execute(
            text(
                "INSERT INTO attendees (meeting_id, position, name, role) "
                "VALUES (1, 0, 'Ms. Ortiz', 'facilitator')"
            )
        )
        for pane, body in (("strengths", PASTED), ("problem", "Reads slowly"), ("plan", "")):
            conn.execute(
                text(
                    "INSERT INTO pane_texts (meeting_id, pane, body, updated_at) "
                    "VALUES (1, :pane, :body, :t)"
                ),
                {"pane": pane, "body": body, "t": stamp},
            )


@pytest.fixture
def old_record(locations: DataLocations) -> Iterator[tuple[DataLocations, DatabaseKey]]:
    locations.prepare()
    key = DatabaseKey.generate()
    engine = open_engine(locations.database, key)
    at_revision_0001(engine)
    assert schema_upgrade.current_revision(engine) == "0001"
    write_0001_record(engine)
    engine.dispose()
    yield locations, key


def test_text_typed_into_the_old_panes_becomes_the_new_panes_notes(
    old_record: tuple[DataLocations, DatabaseKey],
) -> None:
    locations, key = old_record
    engine = open_engine(locations.database, key)
    backup = schema_upgrade.upgrade(engine, locations.database, locations.backups_dir)
    assert backup is not None and "0001" in backup.name
    assert schema_upgrade.current_revision(engine) == schema_upgrade.SCHEMA_HEAD
    sessions = session_factory(engine)

    opened = MeetingSessionService(sessions, today=lambda: date(2025, 3, 20)).open_student_meeting(
        1
    )
    assert opened.meeting.id == 1  # the meeting under way continues; nothing new was made
    assert opened.content(PaneKind.STRENGTHS).notes == PASTED
    assert opened.content(PaneKind.PROBLEM).notes == "Reads slowly"
    assert opened.content(PaneKind.PLAN).notes == ""
    assert opened.content(PaneKind.GOALS).notes == ""
    assert [a.name for a in opened.meeting.attendees] == ["Ms. Ortiz"]
    # One case per student with meetings, opened on the first meeting's day, holding them.
    assert opened.case.opened_on == date(2025, 3, 14)
    assert opened.case.referred_by == "Ms. Kim (4th grade teacher)"
    assert opened.meeting.case_id == opened.case.id
    assert [len(h.meetings) for h in opened.history] == [1]
    assert opened.history[0].meetings[0].meeting_type is MeetingType.INITIAL
    assert opened.student.uuid is not None and opened.student.uuid == opened.case.student_id
    # Local times of 0001 are UTC now, and read back aware.
    expected = LOCAL_WRITE.astimezone(UTC)
    assert opened.meeting.created_at == expected
    assert opened.meeting.created_at is not None and opened.meeting.created_at.tzinfo is UTC

    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM cases")).scalar() == 1
        assert conn.execute(text("SELECT case_id FROM meetings WHERE id = 2")).scalar() is None
        uuids = conn.execute(text("SELECT uuid FROM meetings UNION SELECT uuid FROM students"))
        assert len({row[0] for row in uuids}) == 4
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    # The new keys find the student the way people type her name.
    record = MeetingRecordService(sessions)
    assert [s.id for s in record.find_students("NUNEZ zoe")] == [1]
    assert [s.id for s in record.find_students("a-1029")] == [1]
    engine.dispose()


def test_rows_in_the_replaced_tables_refuse_the_upgrade_and_change_nothing(
    old_record: tuple[DataLocations, DatabaseKey],
) -> None:
    locations, key = old_record
    engine = open_engine(locations.database, key)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO goals (meeting_id, position, concern_area, statement, baseline, "
                "target, measure, outcome) VALUES (1, 0, '', 'Reads 70 wcpm', '', '', '', '')"
            )
        )
    with pytest.raises(SchemaUpgradeFailed, match="old 'goals' table"):
        schema_upgrade.upgrade(engine, locations.database, locations.backups_dir)
    assert schema_upgrade.current_revision(engine) == "0001"
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM pane_texts")).scalar() == 3
        assert conn.execute(text("SELECT count(*) FROM goals")).scalar() == 1
    engine.dispose()
