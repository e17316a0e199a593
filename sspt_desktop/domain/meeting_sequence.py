"""Which type a student's next meeting is, from the meetings of the case closed so far.

Seed 000's meeting log knows an initial meeting, a first, second and third follow-up, and a
reclassification review. The sequence: no closed meeting in the open case → Initial; then the
first, second and third follow-up. After a third follow-up the next is logged as a third
follow-up again: the log has no later type, and seed 003 expects a team to keep meeting
(a Tier 3 plan at least monthly; six to eight weeks without response → consider an FBA)
rather than stop. :func:`follow_up_number` keeps the true count (4, 5...) for anyone who
wants to say "fourth". A reclassification review is scheduled on its own and does not move
the sequence; a closed case starts over with a new case and an initial meeting.
"""

from __future__ import annotations

from collections.abc import Iterable

from sspt_desktop.domain.meeting import MeetingType

FOLLOW_UPS: tuple[MeetingType, ...] = (
    MeetingType.FOLLOW_UP_1,
    MeetingType.FOLLOW_UP_2,
    MeetingType.FOLLOW_UP_3,
)
_SEQUENCE = frozenset({MeetingType.INITIAL, *FOLLOW_UPS})


def follow_up_number(closed_types: Iterable[MeetingType]) -> int:
    """The ordinal of the next follow-up (1 for the first), or 0 when the next is the initial.

    ``closed_types`` are the types of the case's closed meetings, in any order.
    """
    sequence = [kind for kind in closed_types if kind in _SEQUENCE]
    return len(sequence) if sequence else 0


def next_meeting_type(closed_types: Iterable[MeetingType]) -> MeetingType:
    """The type the case's next student meeting gets (see the module note for the rule)."""
    number = follow_up_number(closed_types)
    if number == 0:
        return MeetingType.INITIAL
    return FOLLOW_UPS[min(number, len(FOLLOW_UPS)) - 1]
