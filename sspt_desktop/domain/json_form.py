"""Versioned JSON forms of the domain's records, and the readers that take them apart safely.

Every pane content and record writes ``to_json()`` as a plain dict with a ``"version"`` key.
Reading goes through :class:`VersionedForm`, which upgrades an older dict through one ordered
list of steps (step ``n`` turns version ``n`` into ``n + 1``, the way Picard upgrades its
configuration) before the current reader sees it. A dict from a damaged row or a hand-edited
export raises :class:`InvalidField` naming the field, never a ``KeyError`` deep inside.

Version 0 of every pane kind is the free-text pane of revision 0001, ``{"text": "..."}``: its
only upgrade step moves the text into the new content's notes, so existing records keep it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum
from functools import partial
from typing import Any, TypeVar
from uuid import UUID

from sspt_desktop.domain.text_limits import InvalidField, LimitCode, located, parse_date

JsonObject = dict[str, Any]
UpgradeStep = Callable[[JsonObject], JsonObject]

_E = TypeVar("_E", bound=StrEnum)
_R = TypeVar("_R")


@dataclass(frozen=True, slots=True)
class VersionedForm:
    """The versions a record's JSON form has had, and the steps between them.

    ``first_version`` is the oldest version a reader accepts; ``steps[i]`` upgrades version
    ``first_version + i`` to the next. The current version is ``first_version + len(steps)``.
    """

    name: str
    first_version: int
    steps: tuple[UpgradeStep, ...] = ()

    @property
    def current(self) -> int:
        return self.first_version + len(self.steps)

    def upgrade(self, data: object) -> Mapping[str, Any]:
        """Return ``data`` upgraded to the current version, or raise naming the field."""
        if not isinstance(data, Mapping):
            raise InvalidField(self.name, LimitCode.DAMAGED, "not an object")
        if "version" in data:
            version = data["version"]
        elif self.first_version == 0 and "text" in data:
            version = 0  # the free-text pane of revision 0001 carried no version
        else:
            raise InvalidField(f"{self.name}.version", LimitCode.DAMAGED, "no version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise InvalidField(f"{self.name}.version", LimitCode.DAMAGED)
        if version > self.current:
            # Written by a newer app: reading it here could silently drop what it added.
            raise InvalidField(f"{self.name}.version", LimitCode.NEWER_VERSION)
        if version < self.first_version:
            raise InvalidField(f"{self.name}.version", LimitCode.DAMAGED)
        upgraded: JsonObject = dict(data)
        for step in self.steps[version - self.first_version :]:
            upgraded = step(upgraded)
        return upgraded


def free_text_to_notes(data: JsonObject) -> JsonObject:
    """Version 0 → 1 of every pane kind: the old pane's text becomes the new content's notes."""
    text = data.get("text", "")
    if not isinstance(text, str):
        raise InvalidField("text", LimitCode.NOT_TEXT)
    return {"version": 1, "notes": text}


# Readers. ``field`` is the path used in errors; a missing key reads as the given default so an
# older writer that left a field out still reads, while a wrong type is damage.


def read_str(data: Mapping[str, Any], key: str, field: str, default: str = "") -> str:
    value = data.get(key, default)
    if not isinstance(value, str):
        raise InvalidField(field, LimitCode.NOT_TEXT)
    return value


def read_bool(data: Mapping[str, Any], key: str, field: str, default: bool = False) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise InvalidField(field, LimitCode.DAMAGED, "not true or false")
    return value


def read_int(data: Mapping[str, Any], key: str, field: str) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidField(field, LimitCode.DAMAGED, "not a whole number")
    return value


def read_date(data: Mapping[str, Any], key: str, field: str) -> date | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidField(field, LimitCode.IMPOSSIBLE_DATE)
    return parse_date(field, value)


def read_time(data: Mapping[str, Any], key: str, field: str) -> time | None:
    value = data.get(key)
    if value is None:
        return None
    try:
        if not isinstance(value, str):
            raise TypeError(key)
        return time.fromisoformat(value)
    except (TypeError, ValueError) as exc:
        raise InvalidField(field, LimitCode.OUT_OF_RANGE, "not a time of day") from exc


def read_uuid(data: Mapping[str, Any], key: str, field: str) -> UUID:
    value = data.get(key)
    try:
        if not isinstance(value, str):
            raise TypeError(key)
        return UUID(value)
    except (TypeError, ValueError) as exc:
        raise InvalidField(field, LimitCode.NOT_A_UUID) from exc


def read_optional_uuid(data: Mapping[str, Any], key: str, field: str) -> UUID | None:
    return None if data.get(key) is None else read_uuid(data, key, field)


def read_enum(data: Mapping[str, Any], key: str, field: str, kind: type[_E]) -> _E | None:
    value = data.get(key)
    if value is None:
        return None
    try:
        return kind(value)
    except (TypeError, ValueError) as exc:
        raise InvalidField(field, LimitCode.UNKNOWN_VALUE) from exc


def read_list(data: Mapping[str, Any], key: str, field: str) -> Sequence[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise InvalidField(field, LimitCode.DAMAGED, "not a list")
    return value


def read_object(value: object, field: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise InvalidField(field, LimitCode.DAMAGED, "not an object")
    return value


def read_objects(data: Mapping[str, Any], key: str, field: str) -> list[Mapping[str, Any]]:
    """The objects of a list, each checked, for readers that build one item per entry."""
    return [
        read_object(item, f"{field}[{i}]") for i, item in enumerate(read_list(data, key, field))
    ]


def date_text(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def time_text(value: time | None) -> str | None:
    return None if value is None else value.isoformat(timespec="minutes")


def uuid_text(value: UUID | None) -> str | None:
    return None if value is None else str(value)


def read_each(
    data: Mapping[str, Any], key: str, read: Callable[[Mapping[str, Any]], _R]
) -> tuple[_R, ...]:
    """Every object of the list ``key``, read by ``read``; a refusal names ``key[i]``."""
    return tuple(
        located(f"{key}[{i}]", partial(read, raw))
        for i, raw in enumerate(read_objects(data, key, key))
    )


def read_case_records(
    data: Mapping[str, Any],
    key: str,
    case_records: Mapping[UUID, _R],
    read: Callable[[object], _R],
    what: str,
) -> tuple[_R, ...]:
    """The list ``key`` of a pane whose case-owned records are written inline or, by storage
    that keeps them as rows of their own, as UUIDs looked up in ``case_records``."""
    records: list[_R] = []
    for i, entry in enumerate(read_list(data, key, key)):
        field = f"{key}[{i}]"
        if isinstance(entry, str):
            try:
                records.append(case_records[UUID(entry)])
            except (KeyError, ValueError) as exc:
                raise InvalidField(field, LimitCode.DAMAGED, f"no such {what} in the case") from exc
        else:
            records.append(located(field, partial(read, entry)))
    return tuple(records)
