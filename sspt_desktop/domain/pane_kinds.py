"""The pane-kind registry: agenda segment → pane kind → content type, in one place.

Design of the structured record
-------------------------------
**What belongs to the meeting.** Each meeting keeps one content value per pane kind:
:class:`WelcomeContent` (attendance with roles, purpose), :class:`StrengthsContent`,
:class:`ProblemContent` (concern, measurable problem, baseline), :class:`GoalsContent`,
:class:`BrainstormContent` (ideas, chosen or not), :class:`PlanContent` and
:class:`ClosureContent` (action items, follow-up date and time, close-anyway reason). Every
content type has free ``notes``, ``missing()`` that reports gaps as :class:`Missing` codes
without refusing anything, and a versioned JSON form. The reviews a meeting makes of the
case's goals and plan rows (:class:`GoalReview`, :class:`PlanItemReview`) are the meeting's
too: they live in its goals and plan panes.

**What belongs to the case.** A :class:`Case` (the referral) groups a student's initial meeting
and its follow-ups. Goals (:class:`Goal`) and plan rows (:class:`PlanItem`) are the case's
records, each with a public UUID and the meeting that ``introduced_in`` it; a follow-up carries
them forward and reviews them. Once the meeting that set a goal or row is closed, it is never
edited: a change is a new record that ``replaces`` the old, so closed meetings read as agreed.

**How storage is expected to map it.** One row per meeting and pane kind holding
``content.to_json()`` (a dict with ``"version"``), read back with :func:`content_from_json`,
which upgrades older versions in order; version 0 is revision 0001's ``{"text": ...}``, whose
text becomes the notes. Goals and plan items are case-owned rows keyed by UUID (case, the
introducing meeting, the record's own ``to_json()``); the goals and plan panes are then stored
with ``to_json(inline_goals=False)`` / ``to_json(inline_rows=False)``, which lists the records
by UUID, and read with ``from_json(data, case_goals)`` / ``from_json(data, case_items)``.
Text limits are enforced here at construction (:mod:`text_limits`), not left to SQLite;
timestamps are timezone-aware UTC. Nothing here holds words for people: the user interface
translates codes with ``tr()`` and the printed forms take theirs from ``forms/<language>/``,
keyed by the same :class:`PaneKind` values this registry uses for editors and printed sections.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from sspt_desktop.domain.brainstorm_pane import BrainstormContent
from sspt_desktop.domain.closure_pane import ClosureContent
from sspt_desktop.domain.errors import InvalidInput
from sspt_desktop.domain.goals_pane import GoalsContent
from sspt_desktop.domain.json_form import JsonObject
from sspt_desktop.domain.missing import Missing
from sspt_desktop.domain.plan_pane import PlanContent
from sspt_desktop.domain.problem_pane import ProblemContent
from sspt_desktop.domain.strengths_pane import StrengthsContent
from sspt_desktop.domain.welcome_pane import WelcomeContent


class PaneContent(Protocol):
    """What every pane's content offers: free notes, its gaps, and its versioned JSON form."""

    @property
    def notes(self) -> str: ...

    def missing(self) -> tuple[Missing, ...]: ...

    def to_json(self) -> JsonObject: ...


class PaneKind(StrEnum):
    """The kinds of pane a meeting has; the user interface keys its editors and the printing
    its sections by these values."""

    WELCOME = "welcome"
    STRENGTHS = "strengths"
    PROBLEM = "problem"
    GOALS = "goals"
    BRAINSTORM = "brainstorm"
    PLAN = "plan"
    CLOSURE = "closure"


@dataclass(frozen=True, slots=True)
class PaneKindSpec:
    """One registry entry: the agenda segment that brings the pane forward, its kind, its
    content type, an empty-content factory and the JSON reader (which upgrades old versions)."""

    segment_key: str
    kind: PaneKind
    content_type: type
    empty: Callable[[], PaneContent]
    read: Callable[[object], PaneContent]


#: The panes in agenda order (seed 000, "Structuring Time"). Adding a pane is one entry here.
PANES: tuple[PaneKindSpec, ...] = (
    PaneKindSpec(
        "welcome", PaneKind.WELCOME, WelcomeContent, WelcomeContent, WelcomeContent.from_json
    ),
    PaneKindSpec(
        "strengths",
        PaneKind.STRENGTHS,
        StrengthsContent,
        StrengthsContent,
        StrengthsContent.from_json,
    ),
    PaneKindSpec(
        "problem", PaneKind.PROBLEM, ProblemContent, ProblemContent, ProblemContent.from_json
    ),
    PaneKindSpec("goals", PaneKind.GOALS, GoalsContent, GoalsContent, GoalsContent.from_json),
    PaneKindSpec(
        "brainstorm",
        PaneKind.BRAINSTORM,
        BrainstormContent,
        BrainstormContent,
        BrainstormContent.from_json,
    ),
    PaneKindSpec("plan", PaneKind.PLAN, PlanContent, PlanContent, PlanContent.from_json),
    PaneKindSpec(
        "closure", PaneKind.CLOSURE, ClosureContent, ClosureContent, ClosureContent.from_json
    ),
)

_BY_SEGMENT = {spec.segment_key: spec for spec in PANES}
_BY_KIND = {spec.kind: spec for spec in PANES}


def segment_keys() -> tuple[str, ...]:
    """The agenda segment keys the registry knows, in agenda order (equal to ``PANE_KEYS``)."""
    return tuple(spec.segment_key for spec in PANES)


def spec_for_segment(segment_key: str) -> PaneKindSpec:
    try:
        return _BY_SEGMENT[segment_key]
    except KeyError as exc:
        raise InvalidInput(f"No pane for the agenda segment '{segment_key}'.") from exc


def spec_for_kind(kind: PaneKind) -> PaneKindSpec:
    return _BY_KIND[kind]


def empty_content(kind: PaneKind) -> PaneContent:
    return _BY_KIND[kind].empty()


def content_from_json(kind: PaneKind, data: object) -> PaneContent:
    """A pane's content from any version of its JSON form; damaged input raises
    :class:`~sspt_desktop.domain.text_limits.InvalidField` naming the field."""
    return _BY_KIND[kind].read(data)
