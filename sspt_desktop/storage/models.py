"""The ORM tables. Every change here needs an Alembic revision in ``migrations/versions``.

The schema is designed for the whole record a school keeps for five years, not only what the
user interface shows today. Revision 0002 gave it the student's case (the referral), typed pane
content, case-owned goals and plan items, the student's profile and caregivers, public UUIDs
and UTC timestamps (see :mod:`sspt_desktop.domain.pane_kinds` for the design).

Goals and plan items keep the domain's own versioned JSON form (``record_json``) beside the
few columns queries filter and join by (case, introducing meeting, position, the record it
replaces, a plan row's tier). Why JSON and not a column per field: the domain upgrades old
versions of a record in one ordered list of steps, so a field added later needs no schema
migration of five years of rows, and what is read back is exactly what the domain wrote.
The profile fields reports group by (language status, ELD level, ethnicity, IEP/504, foster,
homeless, grade, school) are columns, so a report is a ``GROUP BY`` rather than a JSON scan.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from sspt_desktop.storage.utc_timestamp import UtcDateTime

#: A UUID in its canonical text form.
UUID_TEXT = 36


class Base(DeclarativeBase):
    """Declarative base of every table of the SSPT record."""


class StudentRow(Base):
    """A student with an SSPT record and the profile the school keeps (seed 002: the referral
    is logged for a student). ``search_key``, ``sort_key`` and ``number_key`` are derived from
    the names and ID whenever they are written, for search, ordering and duplicate checks."""

    __tablename__ = "students"
    # The search's one index (revision 0003): it walks students in ``sort_key, id`` order and
    # tests ``search_key`` on the index entry, reading a row only for a match.
    __table_args__ = (Index("ix_students_sort_key_id_search_key", "sort_key", "id", "search_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(UUID_TEXT), unique=True, index=True)
    student_number: Mapped[str] = mapped_column(String(40), unique=True)
    first_name: Mapped[str] = mapped_column(String(120))
    last_name: Mapped[str] = mapped_column(String(120), index=True)
    grade: Mapped[str] = mapped_column(String(120), default="")
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    language_status: Mapped[str] = mapped_column(String(10), default="TBD")
    preferred_language: Mapped[str] = mapped_column(String(120), default="en")
    referred_by: Mapped[str] = mapped_column(String(200), default="")
    school: Mapped[str] = mapped_column(String(120), default="")
    teacher: Mapped[str] = mapped_column(String(120), default="")
    home_language: Mapped[str] = mapped_column(String(120), default="")
    eld_level: Mapped[int | None] = mapped_column(Integer, nullable=True)
    iep: Mapped[bool] = mapped_column(Boolean, default=False)
    plan_504: Mapped[bool] = mapped_column(Boolean, default=False)
    suspected_disability: Mapped[bool] = mapped_column(Boolean, default=False)
    foster_youth: Mapped[bool] = mapped_column(Boolean, default=False)
    homeless: Mapped[bool] = mapped_column(Boolean, default=False)
    ethnicity: Mapped[str] = mapped_column(String(120), default="")
    search_key: Mapped[str] = mapped_column(Text, index=True)
    sort_key: Mapped[str] = mapped_column(Text)
    number_key: Mapped[str] = mapped_column(String(40), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)

    meetings: Mapped[list[MeetingRow]] = relationship(back_populates="student")
    caregivers: Mapped[list[CaregiverRow]] = relationship(
        cascade="all, delete-orphan", order_by="CaregiverRow.position"
    )


class CaregiverRow(Base):
    """A parent or caregiver of a student, with how to reach them and their language."""

    __tablename__ = "caregivers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    student_id: Mapped[int] = mapped_column(
        ForeignKey("students.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(120), default="")
    # "relationship" is the column; the attribute is named apart from SQLAlchemy's function.
    relation: Mapped[str] = mapped_column("relationship", String(120), default="")
    phone: Mapped[str] = mapped_column(String(120), default="")
    email: Mapped[str] = mapped_column(String(120), default="")
    preferred_language: Mapped[str] = mapped_column(String(120), default="")
    interpreter_needed: Mapped[bool] = mapped_column(Boolean, default=False)


class CaseRow(Base):
    """A student's case: the referral an initial meeting and its follow-ups continue.

    Open exactly while ``closed_on`` is empty (the domain's rule), so no status column can
    disagree with it."""

    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(UUID_TEXT), unique=True, index=True)
    student_id: Mapped[int] = mapped_column(
        ForeignKey("students.id", ondelete="RESTRICT"), index=True
    )
    opened_on: Mapped[date] = mapped_column(Date)
    referred_by: Mapped[str] = mapped_column(String(120), default="")
    # The concern areas as a JSON list of codes, and the prior interventions as JSON objects.
    concern_areas: Mapped[str] = mapped_column(Text, default="[]")
    description: Mapped[str] = mapped_column(Text, default="")
    tried_json: Mapped[str] = mapped_column(Text, default="[]")
    closed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    outcome: Mapped[str | None] = mapped_column(String(40), nullable=True)
    outcome_notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class MeetingRow(Base):
    """One meeting: a student referral meeting (in a case), or school-wide monitoring."""

    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(UUID_TEXT), unique=True, index=True)
    student_id: Mapped[int | None] = mapped_column(
        ForeignKey("students.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("cases.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    meeting_type: Mapped[str] = mapped_column(String(30))
    meeting_date: Mapped[date] = mapped_column(Date, index=True)
    # A wall-clock time at the school, like the follow-up time people read on the plan.
    start_time: Mapped[time | None] = mapped_column(Time, nullable=True)
    location: Mapped[str] = mapped_column(String(200), default="")
    invitation_method: Mapped[str | None] = mapped_column(String(30), nullable=True)
    invited_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="scheduled")
    total_minutes: Mapped[int] = mapped_column(Integer, default=30)
    previous_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), nullable=True
    )
    # The agenda the meeting started with, as JSON, so later edits to the school's agenda do
    # not rewrite the history of meetings already held.
    agenda_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    # The running timer's state, so a crashed meeting can be resumed where it was.
    timer_state_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    follow_up_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    close_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)

    student: Mapped[StudentRow | None] = relationship(back_populates="meetings")
    # Many-to-one and small: joined, so a meeting always knows its case's public UUID.
    case: Mapped[CaseRow | None] = relationship(lazy="joined")
    attendees: Mapped[list[AttendeeRow]] = relationship(
        cascade="all, delete-orphan", order_by="AttendeeRow.position"
    )
    panes: Mapped[list[PaneContentRow]] = relationship(cascade="all, delete-orphan")


class AttendeeRow(Base):
    """A person at a meeting, with the role they held."""

    __tablename__ = "attendees"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(30))


class PaneContentRow(Base):
    """One pane's content in one meeting: the domain's versioned JSON form (``to_json()``).

    The goals and plan panes hold their goals and rows by UUID; the records themselves are
    the case's (:class:`GoalRow`, :class:`PlanItemRow`)."""

    __tablename__ = "pane_contents"
    __table_args__ = (UniqueConstraint("meeting_id", "kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(30))
    content_json: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class GoalRow(Base):
    """A goal of a case (seed 002, "Develop Plan"), as the domain's JSON form of it."""

    __tablename__ = "goals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(UUID_TEXT), unique=True, index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"), index=True)
    introduced_in_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="RESTRICT"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    replaces: Mapped[str | None] = mapped_column(String(UUID_TEXT), nullable=True)
    record_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class PlanItemRow(Base):
    """One row of a case's intervention plan, as the domain's JSON form of it."""

    __tablename__ = "plan_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(UUID_TEXT), unique=True, index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"), index=True)
    introduced_in_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="RESTRICT"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    replaces: Mapped[str | None] = mapped_column(String(UUID_TEXT), nullable=True)
    tier: Mapped[int | None] = mapped_column(Integer, nullable=True)
    record_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class TeamInterventionRow(Base):
    """An intervention-library entry the team added, as the library document writes it."""

    __tablename__ = "team_interventions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(120), unique=True)
    entry_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class SegmentTimingRow(Base):
    """Planned and actual seconds of one agenda segment of a meeting (for notes and the log)."""

    __tablename__ = "segment_timings"
    __table_args__ = (UniqueConstraint("meeting_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    segment_key: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(200))
    planned_seconds: Mapped[int] = mapped_column(Integer)
    actual_seconds: Mapped[int] = mapped_column(Integer, default=0)


class SettingRow(Base):
    """School-wide settings kept with the record: school name, local district, edited agenda."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
