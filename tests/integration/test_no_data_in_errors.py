"""Errors and crash reports never quote what the recorder or the case manager typed."""

from __future__ import annotations

import sys

import pytest
import sqlalchemy.exc

from sspt_desktop.services.record_opening import open_memory_keyed_record
from sspt_desktop.storage.locations import DataLocations
from sspt_desktop.storage.models import StudentRow
from sspt_desktop.ui.shell.crash_report import crash_text


def test_a_database_error_does_not_quote_its_values(locations: DataLocations) -> None:
    from datetime import UTC, datetime
    from uuid import uuid4

    record = open_memory_keyed_record(locations)
    try:
        now = datetime.now(UTC)
        row = dict(
            student_number="7001",
            first_name="Xochitl",
            last_name="Okafor",
            search_key="xochitl okafor",
            sort_key="okafor xochitl",
            number_key="7001",
        )
        with record.sessions.begin() as session:
            session.add(StudentRow(**row, uuid=str(uuid4()), created_at=now, updated_at=now))
        with (
            pytest.raises(sqlalchemy.exc.IntegrityError) as caught,
            record.sessions.begin() as session,
        ):
            session.add(StudentRow(**row, uuid=str(uuid4()), created_at=now, updated_at=now))
        assert "Xochitl" not in str(caught.value)
        assert "Okafor" not in str(caught.value)
    finally:
        record.close()


def test_a_crash_report_names_the_error_and_place_but_not_the_message() -> None:
    try:
        raise ValueError("Xochitl Okafor, ID 7001, throws chairs")
    except ValueError:
        kind, _, tb = sys.exc_info()
        assert kind is not None
        report = crash_text(kind, tb)
    assert "ValueError" in report
    assert "test_no_data_in_errors.py" in report
    assert "Xochitl" not in report and "7001" not in report
