"""A realistic initial meeting's seven pane contents, for pane tests and screenshots."""

from __future__ import annotations

from datetime import date, time
from typing import Any
from uuid import UUID

from sspt_desktop.domain.brainstorm_pane import BrainstormContent, Idea
from sspt_desktop.domain.closure_pane import ActionItem, ClosureContent
from sspt_desktop.domain.concern_area import ConcernArea
from sspt_desktop.domain.goal import Goal
from sspt_desktop.domain.goals_pane import GoalsContent
from sspt_desktop.domain.meeting import Role
from sspt_desktop.domain.pane_kinds import PaneKind
from sspt_desktop.domain.plan_item import PlanItem, Tier
from sspt_desktop.domain.plan_pane import PlanContent
from sspt_desktop.domain.problem_pane import Baseline, ProblemContent
from sspt_desktop.domain.strengths_pane import Strength, StrengthArea, StrengthsContent
from sspt_desktop.domain.welcome_pane import AttendanceRow, WelcomeContent
from sspt_desktop.services.intervention_catalog import (
    InMemoryTeamInterventions,
    InterventionCatalog,
)
from sspt_desktop.ui.panes import (
    EDITORS,
    PaneContext,
    PaneServices,
    StructuredPane,
)
from sspt_desktop.ui.panes.closure import ClosurePane
from sspt_desktop.ui.panes.goals import GoalsPane
from sspt_desktop.ui.panes.plan import PlanPane

CASE = UUID("6f1c1e7a-0000-4000-8000-000000000001")
MEETING = UUID("6f1c1e7a-0000-4000-8000-000000000002")
MEETING_DATE = date(2025, 3, 3)


def context() -> PaneContext:
    numbers = iter(range(1000, 1_000_000))
    return PaneContext(CASE, MEETING, MEETING_DATE, new_id=lambda: UUID(int=next(numbers)))


def sample_contents() -> dict[PaneKind, Any]:
    goal = Goal(
        id=UUID(int=11),
        case_id=CASE,
        introduced_in=MEETING,
        by_date=date(2025, 6, 6),
        student_will="read a grade-level passage aloud",
        condition="given a one-minute timed reading",
        baseline="48 words correct per minute",
        target="90 words correct per minute",
        measured_by="one-minute fluency probe",
        how_often="every week",
    )
    ideas = (
        Idea(UUID(int=21), "Reading buddy with a fifth grader", chosen=True),
        Idea(UUID(int=22), "Check-in/check-out with Mr. Ortega", "check-in-check-out", True),
        Idea(UUID(int=23), "Audiobooks at home"),
        Idea(UUID(int=24), "Seat near the board"),
    )
    row = PlanItem(
        id=UUID(int=31),
        case_id=CASE,
        introduced_in=MEETING,
        what="Reading buddy with a fifth grader",
        tier=Tier.SELECTED,
        goal_ids=(goal.id,),
        responsible="Ms. Rivera (reading specialist)",
        location="School library",
        how_often="3 times a week",
        how_long="20 minutes",
        start=date(2025, 3, 10),
        progress_measure="Words correct per minute",
        measure_how_often="weekly",
        family_at_home="Read together for ten minutes each evening, in Spanish or English.",
        from_idea=UUID(int=21),
    )
    return {
        PaneKind.WELCOME: WelcomeContent(
            attendance=(
                AttendanceRow("Ana María Núñez", Role.FACILITATOR),
                AttendanceRow("Daniel Okafor", Role.TIMEKEEPER),
                AttendanceRow("Grace Kim", Role.RECORDER),
                AttendanceRow("Luis Ortega", Role.CASE_MANAGER),
                AttendanceRow("Rosa Hernández", Role.PARENT),
                AttendanceRow("Aram Petrosyan", Role.INTERPRETER, "Armenian"),
            ),
            purpose="Understand Mateo's reading difficulties and agree on support before spring.",
            notes="Mother prefers meetings after 3 pm.",
        ),
        PaneKind.STRENGTHS: StrengthsContent(
            items=(
                Strength(
                    "Draws detailed comics and tells their stories",
                    StrengthArea.INTERESTS_AND_TALENTS,
                ),
                Strength("Kind to younger students at recess", StrengthArea.SOCIAL_EMOTIONAL),
                Strength("Strong in mental arithmetic", StrengthArea.ACADEMIC),
                Strength("Family reads together on weekends", StrengthArea.FAMILY_AND_COMMUNITY),
            ),
            notes="Teacher: «il aime aider les autres».",
        ),
        PaneKind.PROBLEM: ProblemContent(
            concern_area=ConcernArea.ACADEMIC,
            problem="Reads grade-level text aloud at 48 words correct per minute; the benchmark is 90.",
            baseline=Baseline(
                "Oral reading fluency",
                "one-minute fluency probe",
                "48 words correct per minute",
                date(2025, 2, 14),
            ),
            where_and_when="During independent reading in the afternoon block.",
        ),
        PaneKind.GOALS: GoalsContent(goals=(goal,)),
        PaneKind.BRAINSTORM: BrainstormContent(ideas=ideas),
        PaneKind.PLAN: PlanContent(rows=(row,)),
        PaneKind.CLOSURE: ClosureContent(
            action_items=(
                ActionItem(
                    UUID(int=41), "Send the plan home in Spanish", "Luis Ortega", date(2025, 3, 5)
                ),
                ActionItem(
                    UUID(int=42),
                    "Set up the reading buddy schedule",
                    "Ms. Rivera",
                    date(2025, 3, 7),
                ),
            ),
            follow_up_date=date(2025, 4, 21),
            follow_up_time=time(15, 30),
        ),
    }


def catalog_services() -> PaneServices:
    return PaneServices(search_library=InterventionCatalog(InMemoryTeamInterventions()).search)


def filled_pane(kind: PaneKind, services: PaneServices | None = None) -> StructuredPane:
    """An editor of ``kind`` showing the sample meeting, told what the other panes hold."""
    contents = sample_contents()
    pane = EDITORS[kind](services or catalog_services())
    pane.set_context(context())
    if isinstance(pane, GoalsPane):
        pane.set_problem(contents[PaneKind.PROBLEM])
    if isinstance(pane, PlanPane):
        pane.set_goals(contents[PaneKind.GOALS].goals)
        pane.set_brainstorm(contents[PaneKind.BRAINSTORM])
    if isinstance(pane, ClosurePane):
        pane.set_meeting_contents(contents)
    pane.set_content(contents[kind])
    return pane
