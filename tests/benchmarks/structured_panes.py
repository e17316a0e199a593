"""Structured pane content and case records for the generated benchmark record.

Built through the domain's own types, so every row is something the app could have written:
attendance with roles, tagged strengths, a measurable problem with its baseline, goals and plan
rows owned by the case (by reference from the panes, reviewed in follow-ups), ideas with the
chosen ones marked, action items and the follow-up meeting. Deterministic for a seed.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time, timedelta
from random import Random
from typing import Any

from sspt_desktop.domain.brainstorm_pane import BrainstormContent, Idea
from sspt_desktop.domain.closure_pane import ActionItem, ClosureContent
from sspt_desktop.domain.concern_area import ConcernArea
from sspt_desktop.domain.goal import Goal, GoalRating, GoalReview
from sspt_desktop.domain.goals_pane import GoalsContent
from sspt_desktop.domain.json_form import JsonObject
from sspt_desktop.domain.meeting import Role
from sspt_desktop.domain.plan_item import PlanDecision, PlanItem, PlanItemReview, Tier
from sspt_desktop.domain.plan_pane import PlanContent
from sspt_desktop.domain.problem_pane import Baseline, ProblemContent
from sspt_desktop.domain.strengths_pane import Strength, StrengthArea, StrengthsContent
from sspt_desktop.domain.welcome_pane import AttendanceRow, WelcomeContent
from sspt_desktop.storage.pane_contents import stored_form

#: Formats one invented sentence of a pane (``say("plan")``), as the notes generator does.
Say = Callable[[str], str]

_MEASURES = (
    ("words correct per minute", "one-minute reading probe", "weekly"),
    ("tasks started within two minutes", "teacher's daily tally", "daily"),
    ("homework turned in", "weekly check by the teacher", "weekly"),
    ("tardies per month", "attendance office report", "monthly"),
)


def _uuid(rng: Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _line(text: str) -> str:
    return " ".join(text.split())[:400]


@dataclass(frozen=True, slots=True)
class CaseRecords:
    """A student's case as rows to insert, and its goals and plan items as domain records."""

    row: dict[str, Any]
    goals: tuple[Goal, ...]
    items: tuple[PlanItem, ...]
    goal_rows: list[dict[str, Any]]
    item_rows: list[dict[str, Any]]
    first_meeting: int


def case_records(
    rng: Random, meeting: dict[str, Any], student: dict[str, Any], say: Say
) -> CaseRecords:
    """The case a student's first meeting opens, with the goals and plan it sets."""
    case_id = uuid.UUID(int=rng.getrandbits(128), version=4)
    introduced = uuid.UUID(meeting["uuid"])
    by_date = meeting["follow_up_date"] or meeting["meeting_date"] + timedelta(weeks=6)
    goals = []
    for _ in range(rng.randint(1, 3)):
        what, how, often = rng.choice(_MEASURES)
        start = rng.randint(2, 50)
        goals.append(
            Goal(
                id=_uuid(rng),
                case_id=case_id,
                introduced_in=introduced,
                by_date=by_date,
                student_will=_line(say("goals")),
                condition="in class, with the usual supports",
                baseline=f"{start} {what}",
                target=f"{start + rng.randint(5, 30)} {what}",
                measured_by=how,
                how_often=often,
            )
        )
    items = []
    for _ in range(rng.randint(2, 4)):
        tier = rng.choice((Tier.UNIVERSAL, Tier.SELECTED, Tier.SELECTED, Tier.INTENSIVE))
        items.append(
            PlanItem(
                id=_uuid(rng),
                case_id=case_id,
                introduced_in=introduced,
                what=_line(say("plan")),
                tier=tier,
                goal_ids=(rng.choice(goals).id,),
                responsible=_line(say("staff")),
                location=rng.choice(("Classroom", "Resource room", "Counseling office")),
                how_often=rng.choice(("daily", "twice a week", "weekly")),
                how_long=rng.choice(("15 minutes", "30 minutes", "one period")),
                start=meeting["meeting_date"],
                progress_measure=rng.choice(_MEASURES)[1],
                measure_how_often="weekly",
                family_at_home=_line(say("brainstorm")),
            )
        )
    stamps = {"created_at": meeting["created_at"], "updated_at": meeting["updated_at"]}
    row = {
        "id": student["id"],
        "uuid": str(case_id),
        "student_id": student["id"],
        "opened_on": meeting["meeting_date"],
        "referred_by": _line(student["referred_by"])[:120],
        "concern_areas": json.dumps([rng.choice(list(ConcernArea)).value]),
        "description": _line(say("problem")),
        "tried_json": "[]",
        "outcome_notes": "",
        **stamps,
    }

    def rows(records: tuple[Goal, ...] | tuple[PlanItem, ...]) -> list[dict[str, Any]]:
        return [
            {
                "uuid": str(record.id),
                "case_id": student["id"],
                "introduced_in_id": meeting["id"],
                "position": position,
                "replaces": None,
                "record_json": json.dumps(record.to_json(), ensure_ascii=False),
                **(
                    {"tier": int(record.tier)}
                    if isinstance(record, PlanItem) and record.tier
                    else {}
                ),
                **stamps,
            }
            for position, record in enumerate(records)
        ]

    goal_rows = rows(tuple(goals))
    item_rows = rows(tuple(items))
    for item_row in item_rows:
        item_row.setdefault("tier", None)
    return CaseRecords(row, tuple(goals), tuple(items), goal_rows, item_rows, meeting["id"])


def structured_panes(
    rng: Random,
    meeting: dict[str, Any],
    people: list[tuple[str, str]],
    notes: dict[str, str],
    say: Say,
    case: CaseRecords | None,
) -> dict[str, JsonObject]:
    """Every pane kind's stored JSON for one meeting, each with its notes."""
    day: date = meeting["meeting_date"]
    follow_up = case is not None and case.first_meeting != meeting["id"]
    what, how, _ = rng.choice(_MEASURES)
    contents = [
        WelcomeContent(
            attendance=tuple(AttendanceRow(_line(name)[:120], Role(role)) for name, role in people),
            purpose=_line(say("welcome")),
            notes=notes["welcome"],
        ),
        StrengthsContent(
            items=tuple(
                Strength(_line(say("strengths")), rng.choice(list(StrengthArea)))
                for _ in range(rng.randint(2, 5))
            ),
            notes=notes["strengths"],
        ),
        ProblemContent(
            concern_area=rng.choice(list(ConcernArea)),
            problem=say("problem"),
            baseline=Baseline(what, how, f"{rng.randint(2, 60)} {what}", day - timedelta(days=7)),
            where_and_when=_line(say("problem")),
            notes=notes["problem"],
        ),
        GoalsContent(
            goals=case.goals if case else (),
            reviews=tuple(
                GoalReview(goal.id, rng.choice(list(GoalRating)), _line(say("goals")))
                for goal in (case.goals if case and follow_up else ())
            ),
            notes=notes["goals"],
        ),
        BrainstormContent(
            ideas=tuple(
                Idea(_uuid(rng), _line(say("brainstorm")), "", rng.random() < 0.4)
                for _ in range(rng.randint(3, 7))
            ),
            notes=notes["brainstorm"],
        ),
        PlanContent(
            rows=case.items if case else (),
            reviews=tuple(
                PlanItemReview(
                    item.id,
                    rng.choice((PlanDecision.CONTINUE, PlanDecision.CONTINUE, PlanDecision.MODIFY)),
                    "Two sessions a week instead of one",
                    rng.random() < 0.8,
                )
                for item in (case.items if case and follow_up else ())
            ),
            notes=notes["plan"],
        ),
        ClosureContent(
            action_items=tuple(
                ActionItem(
                    _uuid(rng), _line(say("closure")), _line(say("staff")), day + timedelta(days=7)
                )
                for _ in range(rng.randint(1, 3))
            ),
            follow_up_date=meeting["follow_up_date"],
            follow_up_time=time(rng.choice((8, 13, 15)), rng.choice((0, 30))),
            notes=notes["closure"],
        ),
    ]
    kinds = ("welcome", "strengths", "problem", "goals", "brainstorm", "plan", "closure")
    return {kind: stored_form(content) for kind, content in zip(kinds, contents, strict=True)}
