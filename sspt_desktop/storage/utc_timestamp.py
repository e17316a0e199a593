"""Timestamps kept in UTC and handed back timezone-aware.

The record is read on school laptops in different time zones and, later, on a shared server;
a naive timestamp cannot say which instant it meant. Every timestamp column uses
:class:`UtcDateTime`: it refuses a naive value at the moment of writing (a bug, caught where
it happens) and returns values with ``tzinfo=UTC``. The stored text stays SQLite's plain
``YYYY-MM-DD HH:MM:SS.ffffff`` in UTC, so the column type and ordering do not change.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class NaiveTimestamp(ValueError):
    """A timestamp without a time zone was about to be stored."""


def utc_now() -> datetime:
    return datetime.now(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """A ``DateTime`` column that stores UTC and returns aware datetimes; naive is refused."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime) or value.utcoffset() is None:
            # The message never carries the value: errors may be logged.
            raise NaiveTimestamp("a timestamp without a time zone cannot be stored")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)
