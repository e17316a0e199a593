"""Hard limits: one-line fields refuse line breaks and control characters naming the field,
long pastes fit in notes, impossible dates and naive timestamps are refused."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from sspt_desktop.domain import text_limits as limits
from sspt_desktop.domain.closure_pane import ActionItem
from sspt_desktop.domain.goal import Goal
from sspt_desktop.domain.student import Student
from sspt_desktop.domain.student_profile import check_student
from sspt_desktop.domain.text_limits import InvalidField, LimitCode
from sspt_desktop.domain.welcome_pane import AttendanceRow
from tests.support.record_strategies import HUNDRED_K_NOTES, PASTED_ONE_LINE


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Ann\nLee", LimitCode.LINE_BREAK),
        ("Ann\rLee", LimitCode.LINE_BREAK),
        ("Ann\u2028Lee", LimitCode.LINE_BREAK),
        ("Ann\u2029Lee", LimitCode.LINE_BREAK),
        ("Ann\tLee", LimitCode.CONTROL_CHARACTER),
        ("Ann\x00Lee", LimitCode.CONTROL_CHARACTER),
        ("Ann\x1bLee", LimitCode.CONTROL_CHARACTER),
        ("Ann\x7fLee", LimitCode.CONTROL_CHARACTER),
        ("Ann\x85Lee", LimitCode.CONTROL_CHARACTER),
        ("Ann\ud800Lee", LimitCode.BROKEN_CHARACTER),
    ],
)
def test_one_line_fields_refuse_line_breaks_and_control_characters(
    text: str, code: LimitCode
) -> None:
    with pytest.raises(InvalidField) as raised:
        AttendanceRow(name=text)
    assert (raised.value.field, raised.value.code) == ("name", code)
    assert "Ann" not in str(raised.value)  # the message is safe to log: no student data


@pytest.mark.parametrize("text", PASTED_ONE_LINE)
def test_one_line_fields_keep_every_script_markup_and_formulas(text: str) -> None:
    assert AttendanceRow(name=text).name == text


def test_a_line_break_in_a_nested_record_names_the_nested_field() -> None:
    from uuid import uuid4

    with pytest.raises(InvalidField) as raised:
        ActionItem(uuid4(), owner="Ms.\nKim")
    assert raised.value.field == "owner"
    with pytest.raises(InvalidField) as raised:
        Goal(uuid4(), uuid4(), uuid4(), target="90\nwcpm")
    assert raised.value.field == "target"


def test_lengths_are_limited_per_kind_of_field() -> None:
    assert limits.one_line("place", "x" * limits.ONE_LINE_MAX) == "x" * limits.ONE_LINE_MAX
    with pytest.raises(InvalidField) as raised:
        limits.one_line("place", "x" * (limits.ONE_LINE_MAX + 1))
    assert (raised.value.field, raised.value.code) == ("place", LimitCode.TOO_LONG)
    with pytest.raises(InvalidField):
        AttendanceRow(name="x" * (limits.NAME_MAX + 1))


def test_notes_keep_a_hundred_thousand_character_paste_with_breaks_and_tabs() -> None:
    assert len(HUNDRED_K_NOTES) == 100_000
    assert limits.notes("notes", HUNDRED_K_NOTES) == HUNDRED_K_NOTES
    assert limits.notes("notes", "a\n\tb") == "a\n\tb"
    with pytest.raises(InvalidField) as raised:
        limits.notes("notes", "x" * (limits.NOTES_MAX + 1))
    assert raised.value.code is LimitCode.TOO_LONG
    with pytest.raises(InvalidField) as raised:
        limits.notes("notes", "a\x00b")
    assert raised.value.code is LimitCode.CONTROL_CHARACTER
    with pytest.raises(InvalidField) as raised:
        limits.notes("notes", "a\ud800b")
    assert raised.value.code is LimitCode.BROKEN_CHARACTER


@pytest.mark.parametrize(
    "pasted",
    [
        "line\r\nbreaks from Windows\r",
        "Word's line\u2028separator and\u2029paragraph",
        "form\x0cfeed and vertical\x0btab from a word processor",
        "escape \x1b[1m and C1 \x85 controls",
    ],
)
def test_notes_keep_whatever_a_paste_brings(pasted: str) -> None:
    # Refusing these would leave the recorder's paste unsaved; printing makes them harmless.
    assert limits.notes("notes", pasted) == pasted
    assert limits.multi_line("description", pasted) == pasted


def test_text_must_be_text() -> None:
    with pytest.raises(InvalidField) as raised:
        limits.one_line("purpose", 42)
    assert raised.value.code is LimitCode.NOT_TEXT


@pytest.mark.parametrize("typed", ["2025-02-30", "2025-13-01", "14/10/2025", "", "1899-12-31"])
def test_impossible_dates_are_refused_naming_the_field(typed: str) -> None:
    with pytest.raises(InvalidField) as raised:
        limits.parse_date("follow_up_date", typed)
    assert (raised.value.field, raised.value.code) == (
        "follow_up_date",
        LimitCode.IMPOSSIBLE_DATE,
    )


def test_dates_in_range_parse_and_datetimes_are_not_dates() -> None:
    assert limits.parse_date("due", "2024-02-29") == date(2024, 2, 29)
    with pytest.raises(InvalidField):
        limits.school_date("due", datetime(2025, 1, 1, tzinfo=UTC))
    with pytest.raises(InvalidField):
        limits.school_date("due", date(2300, 1, 1))


def test_timestamps_must_carry_a_zone_and_are_kept_in_utc() -> None:
    with pytest.raises(InvalidField) as raised:
        limits.utc_timestamp("created_at", datetime(2025, 10, 14, 9, 0))
    assert raised.value.code is LimitCode.NAIVE_TIMESTAMP
    pacific = datetime(2025, 10, 14, 9, 0, tzinfo=timezone(timedelta(hours=-7)))
    stored = limits.utc_timestamp("created_at", pacific)
    assert stored == pacific
    assert stored.tzinfo is UTC
    assert stored.hour == 16


def test_student_fields_are_checked_with_the_same_limits() -> None:
    good = Student(None, "1029384", "Daniela", "Núñez-Ζωή")
    assert check_student(good) is good
    with pytest.raises(InvalidField) as raised:
        check_student(Student(None, "1029384", "Dani\nela", "Núñez"))
    assert raised.value.field == "first_name"
    with pytest.raises(InvalidField) as raised:
        check_student(Student(None, "1" * 41, "Daniela", "Núñez"))
    assert (raised.value.field, raised.value.code) == ("student_number", LimitCode.TOO_LONG)
