"""What every printed pane section reads: the meeting's panes, its identity, and the words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from sspt_desktop.domain.closure_check import MeetingPanes
from sspt_desktop.domain.goal import Goal
from sspt_desktop.printing.print_words import PrintWords


@dataclass(frozen=True, slots=True)
class SectionContext:
    """One meeting's seven pane contents for the sections to print, with the meeting's public
    id (to tell goals and rows it set from those carried forward) and date (for the closure
    check), and the form's words."""

    panes: MeetingPanes
    words: PrintWords
    meeting_id: UUID | None = None
    meeting_date: date | None = None

    def carried(self, introduced_in: UUID) -> bool:
        """Whether a goal or plan row was set at an earlier meeting of the case."""
        return self.meeting_id is not None and introduced_in != self.meeting_id

    def goal_number(self, goal_id: UUID) -> int | None:
        """A goal's number as the goals section prints it (1 for the first), if it is there."""
        goals: tuple[Goal, ...] = self.panes.goals.goals
        return next((n for n, goal in enumerate(goals, start=1) if goal.id == goal_id), None)
