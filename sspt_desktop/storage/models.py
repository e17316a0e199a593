"""The ORM tables. Every change here needs an Alembic revision in ``migrations/versions``.

The schema is designed for the whole record a school keeps for five years, not only what the
user interface shows today: goals, plan rows, segment timings and follow-up chains are here so
that later features add behaviour, not data migrations of existing records.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    """Declarative base of every table of the SSPT record."""


class StudentRow(Base):
    """A student with an SSPT record (seed 002: the referral is logged for a student)."""

    __tablename__ = "students"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    student_number: Mapped[str] = mapped_column(String(40), unique=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100), index=True)
    grade: Mapped[str] = mapped_column(String(20), default="")
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    language_status: Mapped[str] = mapped_column(String(10), default="TBD")
    preferred_language: Mapped[str] = mapped_column(String(10), default="en")
    referred_by: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    meetings: Mapped[list[MeetingRow]] = relationship(back_populates="student")


class MeetingRow(Base):
    """One meeting: a student referral meeting, or school-wide monitoring (no student)."""

    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    student_id: Mapped[int | None] = mapped_column(
        ForeignKey("students.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    meeting_type: Mapped[str] = mapped_column(String(30))
    meeting_date: Mapped[date] = mapped_column(Date, index=True)
    location: Mapped[str] = mapped_column(String(200), default="")
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
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    student: Mapped[StudentRow | None] = relationship(back_populates="meetings")
    attendees: Mapped[list[AttendeeRow]] = relationship(
        cascade="all, delete-orphan", order_by="AttendeeRow.position"
    )
    panes: Mapped[list[PaneTextRow]] = relationship(cascade="all, delete-orphan")


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


class PaneTextRow(Base):
    """The recorder's free text in one pane of one meeting."""

    __tablename__ = "pane_texts"
    __table_args__ = (UniqueConstraint("meeting_id", "pane"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    pane: Mapped[str] = mapped_column(String(30))
    body: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class GoalRow(Base):
    """A measurable goal set in the meeting (seed 002, "Develop Plan")."""

    __tablename__ = "goals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    concern_area: Mapped[str] = mapped_column(String(40), default="")
    statement: Mapped[str] = mapped_column(Text, default="")
    baseline: Mapped[str] = mapped_column(Text, default="")
    target: Mapped[str] = mapped_column(Text, default="")
    measure: Mapped[str] = mapped_column(Text, default="")
    target_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    outcome: Mapped[str] = mapped_column(String(30), default="")


class PlanRowRow(Base):
    """One row of the intervention plan: what, who, how often, how it is measured, when."""

    __tablename__ = "plan_rows"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    goal_id: Mapped[int | None] = mapped_column(
        ForeignKey("goals.id", ondelete="SET NULL"), nullable=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    intervention: Mapped[str] = mapped_column(Text, default="")
    tier: Mapped[int | None] = mapped_column(Integer, nullable=True)
    owner: Mapped[str] = mapped_column(String(200), default="")
    frequency: Mapped[str] = mapped_column(String(200), default="")
    measure: Mapped[str] = mapped_column(Text, default="")
    start_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    end_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    progress_notes: Mapped[str] = mapped_column(Text, default="")


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
