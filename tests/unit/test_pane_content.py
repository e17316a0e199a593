"""Typed pane content: every kind round-trips through its JSON form, old free-text panes
upgrade into notes, damaged input names its field, and ``missing()`` reports without refusing."""

from __future__ import annotations

import json
from datetime import date, time
from typing import Any
from uuid import uuid4

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sspt_desktop.domain.agenda import PANE_KEYS
from sspt_desktop.domain.brainstorm_pane import BrainstormContent, Idea
from sspt_desktop.domain.closure_pane import ActionItem, ClosureContent
from sspt_desktop.domain.concern_area import ConcernArea
from sspt_desktop.domain.errors import InvalidInput
from sspt_desktop.domain.goal import Goal
from sspt_desktop.domain.goals_pane import GoalsContent
from sspt_desktop.domain.meeting import Role
from sspt_desktop.domain.missing import Missing, MissingCode
from sspt_desktop.domain.pane_kinds import (
    PANES,
    PaneKind,
    content_from_json,
    empty_content,
    segment_keys,
    spec_for_kind,
    spec_for_segment,
)
from sspt_desktop.domain.plan_item import PlanItem
from sspt_desktop.domain.plan_pane import PlanContent
from sspt_desktop.domain.problem_pane import Baseline, BehaviourFunction, ProblemContent
from sspt_desktop.domain.strengths_pane import Strength, StrengthArea, StrengthsContent
from sspt_desktop.domain.text_limits import NOTES_MAX, InvalidField, LimitCode
from sspt_desktop.domain.welcome_pane import AttendanceRow, WelcomeContent
from tests.support import record_strategies as rs

PROPERTY = settings(database=None, deadline=None, max_examples=60)

CONTENT_BY_KIND: dict[PaneKind, st.SearchStrategy[Any]] = {
    PaneKind.WELCOME: rs.welcome,
    PaneKind.STRENGTHS: rs.strengths,
    PaneKind.PROBLEM: rs.problem,
    PaneKind.GOALS: rs.goals,
    PaneKind.BRAINSTORM: rs.brainstorm,
    PaneKind.PLAN: rs.plan,
    PaneKind.CLOSURE: rs.closure,
}


_PLAN_ROW_IDS = {
    "version": 1,
    "id": str(uuid4()),
    "case_id": str(uuid4()),
    "introduced_in": str(uuid4()),
}


def through_text(data: dict[str, Any]) -> Any:
    """What storage gives back: the JSON form written out as text and parsed again."""
    return json.loads(json.dumps(data, ensure_ascii=False))


@pytest.mark.parametrize("kind", list(PaneKind))
def test_every_kind_round_trips_through_its_json_form(kind: PaneKind) -> None:
    @PROPERTY
    @given(CONTENT_BY_KIND[kind])
    def round_trip(content: Any) -> None:
        data = content.to_json()
        assert data["version"] == 1
        assert content_from_json(kind, through_text(data)) == content

    round_trip()


def test_the_registry_follows_the_agenda_pane_keys() -> None:
    assert segment_keys() == PANE_KEYS
    assert [spec.kind for spec in PANES] == list(PaneKind)
    for spec in PANES:
        assert spec_for_segment(spec.segment_key) is spec
        empty = empty_content(spec.kind)
        assert isinstance(empty, spec.content_type)
        assert empty.notes == ""
        assert content_from_json(spec.kind, empty.to_json()) == empty


def test_an_unknown_segment_has_no_pane() -> None:
    with pytest.raises(InvalidInput, match="lunch"):
        spec_for_segment("lunch")


@pytest.mark.parametrize("kind", list(PaneKind))
@pytest.mark.parametrize(
    "text",
    ["", "Ms. Ortiz opened.\nMother: Ζωή, 王小明 👩🏽‍🏫\t=SUM(A1)", rs.HUNDRED_K_NOTES],
    ids=["empty", "mixed", "100k"],
)
def test_old_free_text_pane_upgrades_into_notes(kind: PaneKind, text: str) -> None:
    content = content_from_json(kind, {"text": text})
    assert content.notes == text
    assert content == spec_for_kind(kind).content_type(notes=text)  # nothing else invented


@pytest.mark.parametrize("kind", list(PaneKind))
def test_version_zero_may_also_be_written_out(kind: PaneKind) -> None:
    assert content_from_json(kind, {"version": 0, "text": "kept"}).notes == "kept"


@pytest.mark.parametrize(
    ("kind", "data", "field", "code"),
    [
        (PaneKind.WELCOME, "not an object", "welcome", LimitCode.DAMAGED),
        (PaneKind.WELCOME, {"notes": "x"}, "welcome.version", LimitCode.DAMAGED),
        (PaneKind.WELCOME, {"version": 99}, "welcome.version", LimitCode.NEWER_VERSION),
        (PaneKind.WELCOME, {"version": "1"}, "welcome.version", LimitCode.DAMAGED),
        (PaneKind.WELCOME, {"text": 5}, "text", LimitCode.NOT_TEXT),
        (
            PaneKind.WELCOME,
            {"version": 1, "attendance": [{"name": "A"}, {"name": 3}]},
            "attendance[1].name",
            LimitCode.NOT_TEXT,
        ),
        (
            PaneKind.WELCOME,
            {"version": 1, "attendance": [{"name": "A", "role": "janitor"}]},
            "attendance[0].role",
            LimitCode.UNKNOWN_VALUE,
        ),
        (
            PaneKind.WELCOME,
            {"version": 1, "attendance": [{"name": "Ann\nLee"}]},
            "attendance[0].name",
            LimitCode.LINE_BREAK,
        ),
        (PaneKind.STRENGTHS, {"version": 1, "items": {}}, "items", LimitCode.DAMAGED),
        (
            PaneKind.PROBLEM,
            {"version": 1, "baseline": {"measured_on": "2025-02-30"}},
            "baseline.measured_on",
            LimitCode.IMPOSSIBLE_DATE,
        ),
        (PaneKind.PROBLEM, {"version": 1, "notes": None}, "notes", LimitCode.NOT_TEXT),
        (
            PaneKind.GOALS,
            {"version": 1, "goals": [{"version": 1, "id": "nope"}]},
            "goals[0].id",
            LimitCode.NOT_A_UUID,
        ),
        (PaneKind.GOALS, {"version": 1, "goals": [str(uuid4())]}, "goals[0]", LimitCode.DAMAGED),
        (
            PaneKind.BRAINSTORM,
            {"version": 1, "ideas": [{"id": str(uuid4()), "chosen": "yes"}]},
            "ideas[0].chosen",
            LimitCode.DAMAGED,
        ),
        (
            PaneKind.PLAN,
            {"version": 1, "rows": [{**_PLAN_ROW_IDS, "tier": 4}]},
            "rows[0].tier",
            LimitCode.UNKNOWN_VALUE,
        ),
        (
            PaneKind.CLOSURE,
            {"version": 1, "follow_up_time": "25:00"},
            "follow_up_time",
            LimitCode.OUT_OF_RANGE,
        ),
        (
            PaneKind.CLOSURE,
            {"version": 1, "follow_up_time": "10:30:15"},
            "follow_up_time",
            LimitCode.OUT_OF_RANGE,
        ),
        (
            PaneKind.CLOSURE,
            {"version": 1, "notes": "x" * (NOTES_MAX + 1)},
            "notes",
            LimitCode.TOO_LONG,
        ),
    ],
)
def test_damaged_input_names_the_field(
    kind: PaneKind, data: object, field: str, code: LimitCode
) -> None:
    with pytest.raises(InvalidField) as raised:
        content_from_json(kind, data)
    assert (raised.value.field, raised.value.code) == (field, code)


def test_welcome_flags_the_four_team_roles_until_held_by_a_named_person() -> None:
    welcome = WelcomeContent(
        attendance=(
            AttendanceRow("Ms. Ortiz", Role.FACILITATOR),
            AttendanceRow("", Role.RECORDER),  # a role picked before the name is typed
            AttendanceRow("Mrs. Reyes", Role.PARENT),
        ),
        purpose="Reading",
    )
    assert welcome.missing_team_roles() == (Role.TIMEKEEPER, Role.RECORDER, Role.CASE_MANAGER)
    assert welcome.missing() == (
        Missing("attendance[1].name", MissingCode.REQUIRED),
        Missing("roles.timekeeper", MissingCode.ROLE_UNFILLED),
        Missing("roles.recorder", MissingCode.ROLE_UNFILLED),
        Missing("roles.case_manager", MissingCode.ROLE_UNFILLED),
    )
    full = WelcomeContent(
        attendance=(
            AttendanceRow("Ms. Ortiz", Role.FACILITATOR),
            AttendanceRow("Mr. Chen", Role.TIMEKEEPER),
            AttendanceRow("Ms. Kim", Role.RECORDER),
            AttendanceRow("Mrs. Patel", Role.CASE_MANAGER),
            AttendanceRow("Mr. Tran", Role.INTERPRETER),
        ),
        purpose="Reading",
    )
    assert full.missing_team_roles() == ()
    assert full.missing() == (Missing("attendance[4].language", MissingCode.LANGUAGE),)


def test_strengths_skip_empty_entries_and_ask_for_areas() -> None:
    assert StrengthsContent().missing() == (Missing("items", MissingCode.TOO_FEW),)
    content = StrengthsContent(
        items=(
            Strength("Kind to classmates", StrengthArea.SOCIAL_EMOTIONAL),
            Strength(""),
            Strength("Draws"),
        )
    )
    assert content.named() == (content.items[0], content.items[2])
    assert content.missing() == (Missing("items[2].area", MissingCode.REQUIRED),)


def test_problem_asks_for_the_function_only_of_a_behaviour() -> None:
    baseline = Baseline("words correct per minute", "DIBELS probe", "48 wcpm", date(2025, 10, 6))
    academic = ProblemContent(
        concern_area=ConcernArea.ACADEMIC,
        problem="Reads 48 wcpm on grade-4 passages",
        baseline=baseline,
        where_and_when="Independent reading after lunch",
    )
    assert academic.missing() == ()
    behaviour = ProblemContent(concern_area=ConcernArea.BEHAVIOUR, problem="Leaves the room")
    assert behaviour.missing() == (
        Missing("baseline.what", MissingCode.REQUIRED),
        Missing("baseline.how_measured", MissingCode.REQUIRED),
        Missing("baseline.value", MissingCode.REQUIRED),
        Missing("baseline.measured_on", MissingCode.REQUIRED),
        Missing("where_and_when", MissingCode.REQUIRED),
        Missing("suspected_function", MissingCode.REQUIRED),
    )
    named = ProblemContent(
        concern_area=ConcernArea.BEHAVIOUR,
        problem="Leaves the room",
        baseline=baseline,
        where_and_when="Math",
        suspected_function=BehaviourFunction.ESCAPE,
    )
    assert named.missing() == ()


def test_goals_pane_stores_goals_by_reference_for_case_rows() -> None:
    case_id, meeting_id = uuid4(), uuid4()
    goal = Goal(uuid4(), case_id, meeting_id, student_will="read aloud", target="90 wcpm")
    content = GoalsContent(goals=(goal,), notes="agreed")
    by_reference = through_text(content.to_json(inline_goals=False))
    assert by_reference["goals"] == [str(goal.id)]
    assert GoalsContent.from_json(by_reference, {goal.id: goal}) == content
    with pytest.raises(InvalidField) as raised:
        GoalsContent.from_json(by_reference, {})
    assert raised.value.field == "goals[0]"


def test_plan_pane_stores_rows_by_reference_for_case_rows() -> None:
    row = PlanItem(uuid4(), uuid4(), uuid4(), what="Check-in/check-out")
    content = PlanContent(rows=(row,))
    data = through_text(content.to_json(inline_rows=False))
    assert data["rows"] == [str(row.id)]
    assert PlanContent.from_json(data, {row.id: row}) == content


def test_a_list_never_holds_the_same_record_twice() -> None:
    idea = Idea(uuid4(), "Lunch bunch")
    with pytest.raises(InvalidField, match="ideas"):
        BrainstormContent(ideas=(idea, idea))


def test_brainstorm_needs_a_chosen_idea_with_words() -> None:
    assert BrainstormContent(ideas=(Idea(uuid4(), "", chosen=True),)).missing() == (
        Missing("ideas", MissingCode.TOO_FEW),
    )
    assert BrainstormContent(ideas=(Idea(uuid4(), "Mentor", chosen=True),)).missing() == ()


def test_closure_reports_the_follow_up_and_half_typed_action_items() -> None:
    meeting_day = date(2025, 10, 14)
    closure = ClosureContent(
        action_items=(
            ActionItem(uuid4(), "Send the plan home", "Ms. Kim", date(2025, 10, 15)),
            ActionItem(uuid4()),  # an empty row left behind: not a gap
            ActionItem(uuid4(), "Call the clinic", "", date(2025, 10, 1)),
        ),
        follow_up_date=date(2025, 10, 14),
    )
    assert closure.missing(meeting_day) == (
        Missing("action_items[2].owner", MissingCode.REQUIRED),
        Missing("action_items[2].due", MissingCode.BEFORE_START),
        Missing("follow_up_date", MissingCode.BEFORE_START),
        Missing("follow_up_time", MissingCode.REQUIRED),
    )
    ready = ClosureContent(follow_up_date=date(2025, 11, 25), follow_up_time=time(14, 30))
    assert ready.missing(meeting_day) == ()


def test_a_follow_up_time_is_local_whole_minutes() -> None:
    with pytest.raises(InvalidField) as raised:
        ClosureContent(follow_up_time=time(14, 30, 5))
    assert raised.value.field == "follow_up_time"


def test_a_record_without_a_real_uuid_is_refused_at_construction() -> None:
    with pytest.raises(InvalidField) as raised:
        Idea("not-a-uuid", "x")  # type: ignore[arg-type]
    assert raised.value.field == "id"
