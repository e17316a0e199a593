"""The Welcome pane: who is at the table in which role, and why the team is meeting."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sspt_desktop.domain import text_limits as limits
from sspt_desktop.domain.json_form import (
    JsonObject,
    VersionedForm,
    free_text_to_notes,
    read_enum,
    read_objects,
    read_str,
)
from sspt_desktop.domain.meeting import TEAM_ROLES, Role
from sspt_desktop.domain.missing import Missing, MissingCode
from sspt_desktop.domain.text_limits import InvalidField, LimitCode

FORM = VersionedForm("welcome", first_version=0, steps=(free_text_to_notes,))


@dataclass(frozen=True, slots=True)
class AttendanceRow:
    """One person at the meeting: name, role and, for an interpreter, the language interpreted.

    A row may be half typed (a name before its role): the pane keeps it and reports the gap.
    """

    name: str = ""
    role: Role | None = None
    language: str = ""

    def __post_init__(self) -> None:
        limits.one_line("name", self.name, limits.NAME_MAX)
        limits.one_line("language", self.language, limits.NAME_MAX)
        if self.role is not None and not isinstance(self.role, Role):
            raise InvalidField("role", LimitCode.UNKNOWN_VALUE)

    def missing(self) -> tuple[Missing, ...]:
        gaps = []
        if limits.is_blank(self.name):
            gaps.append(Missing("name", MissingCode.REQUIRED))
        if self.role is None:
            gaps.append(Missing("role", MissingCode.REQUIRED))
        elif self.role is Role.INTERPRETER and limits.is_blank(self.language):
            gaps.append(Missing("language", MissingCode.LANGUAGE))
        return tuple(gaps)

    def to_json(self) -> JsonObject:
        return {
            "name": self.name,
            "role": None if self.role is None else self.role.value,
            "language": self.language,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any], field: str) -> AttendanceRow:
        return limits.located(
            field,
            lambda: cls(
                name=read_str(data, "name", "name"),
                role=read_enum(data, "role", "role", Role),
                language=read_str(data, "language", "language"),
            ),
        )


@dataclass(frozen=True, slots=True)
class WelcomeContent:
    """The attendance table, the purpose of the meeting, and free notes."""

    attendance: tuple[AttendanceRow, ...] = ()
    purpose: str = ""
    notes: str = ""

    def __post_init__(self) -> None:
        limits.bounded_items("attendance", self.attendance)
        limits.multi_line("purpose", self.purpose)
        limits.notes("notes", self.notes)

    def missing_team_roles(self) -> tuple[Role, ...]:
        """The four team roles of seed 000 that no named attendee holds, in the seed's order."""
        held = {row.role for row in self.attendance if not limits.is_blank(row.name)}
        return tuple(role for role in TEAM_ROLES if role not in held)

    def missing(self) -> tuple[Missing, ...]:
        gaps: list[Missing] = []
        for index, row in enumerate(self.attendance):
            gaps.extend(gap.within(f"attendance[{index}]") for gap in row.missing())
        gaps.extend(
            Missing(f"roles.{role.value}", MissingCode.ROLE_UNFILLED)
            for role in self.missing_team_roles()
        )
        if limits.is_blank(self.purpose):
            gaps.append(Missing("purpose", MissingCode.REQUIRED))
        return tuple(gaps)

    def to_json(self) -> JsonObject:
        return {
            "version": FORM.current,
            "attendance": [row.to_json() for row in self.attendance],
            "purpose": self.purpose,
            "notes": self.notes,
        }

    @classmethod
    def from_json(cls, data: object) -> WelcomeContent:
        current = FORM.upgrade(data)
        rows = read_objects(current, "attendance", "attendance")
        return cls(
            attendance=tuple(
                AttendanceRow.from_json(row, f"attendance[{i}]") for i, row in enumerate(rows)
            ),
            purpose=read_str(current, "purpose", "purpose"),
            notes=read_str(current, "notes", "notes"),
        )
