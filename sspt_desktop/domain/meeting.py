"""An SSPT meeting, its attendees and roles (its panes' typed content is in :mod:`pane_kinds`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from uuid import UUID

from sspt_desktop.domain.errors import InvalidInput


class MeetingType(StrEnum):
    """Meeting types of the SSPT Meeting Log (seed 000).

    Values are stored codes; the user interface and the printed forms supply the words.
    """

    INITIAL = "initial"
    FOLLOW_UP_1 = "follow_up_1"
    FOLLOW_UP_2 = "follow_up_2"
    FOLLOW_UP_3 = "follow_up_3"
    RECLASSIFICATION = "reclassification"
    SCHOOL_WIDE = "school_wide"

    @property
    def is_student_referral(self) -> bool:
        return self is not MeetingType.SCHOOL_WIDE


class Role(StrEnum):
    """Roles at the table. The first four are seed 000's "Assigning Roles & Responsibilities".

    Values are stored codes; the user interface and the printed forms supply the words.
    """

    FACILITATOR = "facilitator"
    TIMEKEEPER = "timekeeper"
    RECORDER = "recorder"
    CASE_MANAGER = "case_manager"
    PARENT = "parent"
    TEACHER = "teacher"
    ADMINISTRATOR = "administrator"
    STUDENT = "student"
    OTHER = "other"
    COUNSELLOR = "counsellor"
    PSYCHOLOGIST = "psychologist"
    INTERPRETER = "interpreter"


#: The four meeting roles of seed 000 ("Assigning Roles & Responsibilities") a team must fill.
TEAM_ROLES: tuple[Role, ...] = (
    Role.FACILITATOR,
    Role.TIMEKEEPER,
    Role.RECORDER,
    Role.CASE_MANAGER,
)


class MeetingStatus(StrEnum):
    """Where a meeting stands: planned, under way (its timer started), or closed."""

    SCHEDULED = "scheduled"
    IN_PROGRESS = "in_progress"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class Attendee:
    """A person at the meeting and the role they hold in it."""

    name: str
    role: Role

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise InvalidInput("An attendee needs a name.")


@dataclass(slots=True)
class Meeting:
    """One SSPT meeting. ``student_id`` is ``None`` only for school-wide monitoring meetings.

    The content of its panes is kept apart, typed per pane kind (see :mod:`pane_kinds`).
    """

    id: int | None
    student_id: int | None
    meeting_type: MeetingType
    meeting_date: date
    location: str = ""
    status: MeetingStatus = MeetingStatus.SCHEDULED
    total_minutes: int = 30
    attendees: list[Attendee] = field(default_factory=list)
    previous_meeting_id: int | None = None
    created_at: datetime | None = None
    #: Public identity, and the case (referral) the meeting continues; ``None`` until stored.
    uuid: UUID | None = None
    case_id: UUID | None = None

    def __post_init__(self) -> None:
        if self.meeting_type.is_student_referral and self.student_id is None and self.id is None:
            # A stored meeting always has its student; a new one must name it.
            raise InvalidInput("A student referral meeting needs a student.")
