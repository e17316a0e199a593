"""What the school records about a student beyond name and ID, and the limits on a student.

Kept beside :class:`~sspt_desktop.domain.student.Student` (name, ID, grade, birth date,
language status, family language) so existing callers keep working: storage pairs a student
with one profile by the student's public UUID. Ethnicity is kept only for the school's
aggregate reports (seed 001 counts meetings by ethnicity and language status).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any
from uuid import UUID

from sspt_desktop.domain import text_limits as limits
from sspt_desktop.domain.json_form import (
    JsonObject,
    VersionedForm,
    read_bool,
    read_int,
    read_objects,
    read_str,
    read_uuid,
)
from sspt_desktop.domain.missing import Missing, MissingCode
from sspt_desktop.domain.student import LanguageStatus, Student
from sspt_desktop.domain.text_limits import InvalidField, LimitCode

FORM = VersionedForm("student_profile", first_version=1)

#: A local student ID; districts use up to about 20 characters, this leaves room.
STUDENT_NUMBER_MAX = 40
#: English Language Development levels an English learner is placed at.
ELD_LEVELS = range(1, 6)

_PROFILE_TEXT = ("school", "teacher", "home_language", "ethnicity")
_CAREGIVER_TEXT = ("name", "relationship", "phone", "email", "preferred_language")


def check_student(student: Student) -> Student:
    """Return ``student`` if its typed fields meet the limits (one line, sensible length);
    raise :class:`~sspt_desktop.domain.text_limits.InvalidField` naming the field otherwise."""
    limits.one_line("first_name", student.first_name, limits.NAME_MAX)
    limits.one_line("last_name", student.last_name, limits.NAME_MAX)
    limits.one_line("student_number", student.student_number, STUDENT_NUMBER_MAX)
    limits.one_line("grade", student.grade, limits.NAME_MAX)
    limits.one_line("referred_by", student.referred_by, limits.NAME_MAX)
    limits.one_line("preferred_language", student.preferred_language, limits.NAME_MAX)
    limits.optional_date("birth_date", student.birth_date)
    return student


@dataclass(frozen=True, slots=True)
class Caregiver:
    """A parent or caregiver: relationship, how to reach them, their language, and whether the
    school needs an interpreter to talk with them."""

    name: str = ""
    relationship: str = ""
    phone: str = ""
    email: str = ""
    preferred_language: str = ""
    interpreter_needed: bool = False

    def __post_init__(self) -> None:
        for name in _CAREGIVER_TEXT:
            limits.one_line(name, getattr(self, name), limits.NAME_MAX)
        if not isinstance(self.interpreter_needed, bool):
            raise InvalidField("interpreter_needed", LimitCode.UNKNOWN_VALUE)

    def to_json(self) -> JsonObject:
        data: JsonObject = {name: getattr(self, name) for name in _CAREGIVER_TEXT}
        data["interpreter_needed"] = self.interpreter_needed
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Caregiver:
        return cls(
            name=read_str(data, "name", "name"),
            relationship=read_str(data, "relationship", "relationship"),
            phone=read_str(data, "phone", "phone"),
            email=read_str(data, "email", "email"),
            preferred_language=read_str(data, "preferred_language", "preferred_language"),
            interpreter_needed=read_bool(data, "interpreter_needed", "interpreter_needed"),
        )


@dataclass(frozen=True, slots=True)
class StudentProfile:
    """School, teacher, home language, English-learner level, plans and protections (IEP, 504,
    suspected disability, foster youth, homeless under McKinney-Vento), ethnicity, caregivers.

    ``language_status`` repeats the student's so a profile reads on its own; ``eld_level``
    (1-5) applies to English learners.
    """

    student_id: UUID
    school: str = ""
    teacher: str = ""
    home_language: str = ""
    language_status: LanguageStatus = LanguageStatus.UNKNOWN
    eld_level: int | None = None
    iep: bool = False
    plan_504: bool = False
    suspected_disability: bool = False
    foster_youth: bool = False
    homeless: bool = False
    ethnicity: str = ""
    caregivers: tuple[Caregiver, ...] = ()

    def __post_init__(self) -> None:
        limits.uuid_value("student_id", self.student_id)
        for name in _PROFILE_TEXT:
            limits.one_line(name, getattr(self, name), limits.NAME_MAX)
        if not isinstance(self.language_status, LanguageStatus):
            raise InvalidField("language_status", LimitCode.UNKNOWN_VALUE)
        if self.eld_level is not None and (
            isinstance(self.eld_level, bool) or self.eld_level not in ELD_LEVELS
        ):
            raise InvalidField("eld_level", LimitCode.OUT_OF_RANGE, "1 to 5")
        for name in ("iep", "plan_504", "suspected_disability", "foster_youth", "homeless"):
            if not isinstance(getattr(self, name), bool):
                raise InvalidField(name, LimitCode.UNKNOWN_VALUE)
        limits.bounded_items("caregivers", self.caregivers, 20)

    def missing(self) -> tuple[Missing, ...]:
        gaps = []
        if self.language_status is LanguageStatus.ENGLISH_LEARNER and self.eld_level is None:
            gaps.append(Missing("eld_level", MissingCode.REQUIRED))
        if not self.caregivers:
            gaps.append(Missing("caregivers", MissingCode.TOO_FEW))
        for index, caregiver in enumerate(self.caregivers):
            if limits.is_blank(caregiver.name):
                gaps.append(Missing(f"caregivers[{index}].name", MissingCode.REQUIRED))
        return tuple(gaps)

    def to_json(self) -> JsonObject:
        data: JsonObject = {"version": FORM.current, "student_id": str(self.student_id)}
        data.update({name: getattr(self, name) for name in _PROFILE_TEXT})
        data.update(
            language_status=self.language_status.value,
            eld_level=self.eld_level,
            iep=self.iep,
            plan_504=self.plan_504,
            suspected_disability=self.suspected_disability,
            foster_youth=self.foster_youth,
            homeless=self.homeless,
            caregivers=[caregiver.to_json() for caregiver in self.caregivers],
        )
        return data

    @classmethod
    def from_json(cls, data: object) -> StudentProfile:
        current = FORM.upgrade(data)
        status = current.get("language_status", LanguageStatus.UNKNOWN.value)
        try:
            language_status = LanguageStatus(status)
        except (TypeError, ValueError) as exc:
            raise InvalidField("language_status", LimitCode.UNKNOWN_VALUE) from exc
        return cls(
            student_id=read_uuid(current, "student_id", "student_id"),
            school=read_str(current, "school", "school"),
            teacher=read_str(current, "teacher", "teacher"),
            home_language=read_str(current, "home_language", "home_language"),
            language_status=language_status,
            eld_level=read_int(current, "eld_level", "eld_level"),
            iep=read_bool(current, "iep", "iep"),
            plan_504=read_bool(current, "plan_504", "plan_504"),
            suspected_disability=read_bool(current, "suspected_disability", "suspected_disability"),
            foster_youth=read_bool(current, "foster_youth", "foster_youth"),
            homeless=read_bool(current, "homeless", "homeless"),
            ethnicity=read_str(current, "ethnicity", "ethnicity"),
            caregivers=tuple(
                limits.located(f"caregivers[{i}]", partial(Caregiver.from_json, raw))
                for i, raw in enumerate(read_objects(current, "caregivers", "caregivers"))
            ),
        )
