"""Planned versus actual time of each agenda segment: what the meeting notes and the log report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sspt_desktop.domain.agenda import Agenda
from sspt_desktop.domain.clock_text import whole_seconds
from sspt_desktop.domain.errors import InvalidInput


@dataclass(frozen=True, slots=True)
class SegmentTiming:
    """Planned and actual whole seconds of one agenda segment of a meeting, in agenda order."""

    position: int
    segment_key: str
    title: str
    planned_seconds: int
    actual_seconds: int


def segment_timings(
    agenda: Agenda, planned: Sequence[int], actual: Sequence[float]
) -> list[SegmentTiming]:
    """One :class:`SegmentTiming` per agenda segment, actual time rounded to whole seconds."""
    if not len(agenda) == len(planned) == len(actual):
        raise InvalidInput("The timings do not match the meeting's agenda.")
    return [
        SegmentTiming(
            position=position,
            segment_key=segment.key,
            title=segment.title,
            planned_seconds=int(plan),
            actual_seconds=whole_seconds(spent),
        )
        for position, (segment, plan, spent) in enumerate(
            zip(agenda.segments, planned, actual, strict=True)
        )
    ]


def planned_total(timings: Sequence[SegmentTiming]) -> int:
    """The whole meeting's planned seconds: the sum of the segments' (the notes' total row)."""
    return sum(t.planned_seconds for t in timings)


def actual_total(timings: Sequence[SegmentTiming]) -> int:
    """The whole meeting's actual seconds: the sum of the segments' whole seconds, so the total
    row always adds up its column."""
    return sum(t.actual_seconds for t in timings)
