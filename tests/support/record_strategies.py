"""Hypothesis strategies for every pane content and case record, for round-trip tests.

Text strategies mix random characters with the cases people actually paste: accents, emoji
with joiners, Chinese, Korean, Armenian, Greek, right-to-left text with its marks, markup and
spreadsheet-formula text; notes sometimes hold a 100,000-character paste.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import TypeVar

from hypothesis import strategies as st

from sspt_desktop.domain.brainstorm_pane import BrainstormContent, Idea
from sspt_desktop.domain.case import Case, CaseOutcome, PriorIntervention
from sspt_desktop.domain.closure_pane import ActionItem, ClosureContent
from sspt_desktop.domain.concern_area import ConcernArea
from sspt_desktop.domain.goal import Goal, GoalRating, GoalReview
from sspt_desktop.domain.goals_pane import GoalsContent
from sspt_desktop.domain.meeting import Role
from sspt_desktop.domain.plan_item import PlanDecision, PlanItem, PlanItemReview, Tier
from sspt_desktop.domain.plan_pane import PlanContent
from sspt_desktop.domain.problem_pane import Baseline, BehaviourFunction, ProblemContent
from sspt_desktop.domain.strengths_pane import Strength, StrengthArea, StrengthsContent
from sspt_desktop.domain.student import LanguageStatus
from sspt_desktop.domain.student_profile import Caregiver, StudentProfile
from sspt_desktop.domain.text_limits import EARLIEST_DATE, LATEST_DATE
from sspt_desktop.domain.welcome_pane import AttendanceRow, WelcomeContent

#: One-line texts people type or paste, in many scripts and with characters that mean
#: something to HTML, spreadsheets and bidirectional layout.
PASTED_ONE_LINE = (
    "Núñez Ζωή Ծաղիկ 王小明 김민준",
    "👩🏽‍🏫 reads with 🧒🏻 every day ❤️",
    "מורה: גב׳ כהן",  # noqa: RUF001 (Hebrew and Arabic on purpose)
    "\u200fالمعلمة فاطمة\u200f",  # noqa: RUF001 (Hebrew and Arabic on purpose)
    "<b>bold</b> & <script>alert(1)</script> &amp;",
    "=SUM(A1:A3)",
    "+cmd|' /C calc'!A0",
    "@font-face; -1+1",
    "Hoà Nguyễn (Vietnamese)",
    "e\u0301 combining accent",
)
#: A 100,000-character paste of mixed scripts, with line breaks and tabs.
HUNDRED_K_NOTES = ("Ζωή read 48 wcpm.\tמורה 王 👩🏽‍🏫 =A1 <i>\n" * 3000)[:100_000]  # noqa: RUF001

_ONE_LINE_CHARS = st.characters(
    blacklist_categories=("Cc", "Cs"), blacklist_characters="\u2028\u2029"
)
_MULTI_LINE_CHARS = st.one_of(_ONE_LINE_CHARS, st.sampled_from("\n\t"))

one_line = st.one_of(st.text(_ONE_LINE_CHARS, max_size=40), st.sampled_from(PASTED_ONE_LINE))
multi_line = st.one_of(
    st.text(_MULTI_LINE_CHARS, max_size=80),
    st.lists(st.sampled_from(PASTED_ONE_LINE), max_size=4).map("\n".join),
)
notes = st.one_of(multi_line, st.just(HUNDRED_K_NOTES))
school_dates = st.dates(min_value=EARLIEST_DATE, max_value=LATEST_DATE)
optional_dates = st.none() | school_dates
minutes_of_day = st.builds(time, st.integers(0, 23), st.integers(0, 59))
utc_times = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
)
other_zone_times = st.builds(
    lambda moment, hours: moment.astimezone(timezone(timedelta(hours=hours))),
    utc_times,
    st.integers(-12, 14),
)


_T = TypeVar("_T")


def _short_lists(
    items: st.SearchStrategy[_T], max_size: int = 4
) -> st.SearchStrategy[tuple[_T, ...]]:
    return st.lists(items, max_size=max_size).map(tuple)


attendance_rows = st.builds(
    AttendanceRow, name=one_line, role=st.none() | st.sampled_from(Role), language=one_line
)
welcome = st.builds(
    WelcomeContent, attendance=_short_lists(attendance_rows), purpose=multi_line, notes=notes
)
strengths = st.builds(
    StrengthsContent,
    items=_short_lists(
        st.builds(Strength, text=one_line, area=st.none() | st.sampled_from(StrengthArea))
    ),
    notes=notes,
)
baselines = st.builds(
    Baseline, what=one_line, how_measured=one_line, value=one_line, measured_on=optional_dates
)
problem = st.builds(
    ProblemContent,
    concern_area=st.none() | st.sampled_from(ConcernArea),
    problem=multi_line,
    baseline=baselines,
    where_and_when=multi_line,
    suspected_function=st.none() | st.sampled_from(BehaviourFunction),
    notes=notes,
)
goals_records = st.builds(
    Goal,
    id=st.uuids(),
    case_id=st.uuids(),
    introduced_in=st.uuids(),
    by_date=optional_dates,
    student_will=one_line,
    condition=one_line,
    baseline=one_line,
    target=one_line,
    measured_by=one_line,
    how_often=one_line,
    replaces=st.none() | st.uuids(),
)
goal_reviews = st.builds(
    GoalReview,
    goal_id=st.uuids(),
    rating=st.none() | st.sampled_from(GoalRating),
    notes=multi_line,
)
goals = st.builds(
    GoalsContent,
    goals=st.lists(goals_records, max_size=4, unique_by=lambda goal: goal.id).map(tuple),
    reviews=_short_lists(goal_reviews, 3),
    notes=notes,
)
ideas = st.builds(Idea, id=st.uuids(), text=one_line, library_key=one_line, chosen=st.booleans())
brainstorm = st.builds(
    BrainstormContent,
    ideas=st.lists(ideas, max_size=5, unique_by=lambda idea: idea.id).map(tuple),
    notes=notes,
)
plan_items = st.builds(
    PlanItem,
    id=st.uuids(),
    case_id=st.uuids(),
    introduced_in=st.uuids(),
    what=one_line,
    tier=st.none() | st.sampled_from(Tier),
    goal_ids=_short_lists(st.uuids(), 3),
    responsible=one_line,
    location=one_line,
    how_often=one_line,
    how_long=one_line,
    start=optional_dates,
    review_on=optional_dates,
    progress_measure=one_line,
    measure_how_often=one_line,
    family_at_home=multi_line,
    from_idea=st.none() | st.uuids(),
    replaces=st.none() | st.uuids(),
)
plan_reviews = st.builds(
    PlanItemReview,
    plan_item_id=st.uuids(),
    decision=st.none() | st.sampled_from(PlanDecision),
    changes=multi_line,
    delivered_as_planned=st.none() | st.booleans(),
    notes=multi_line,
)
plan = st.builds(
    PlanContent,
    rows=st.lists(plan_items, max_size=3, unique_by=lambda row: row.id).map(tuple),
    reviews=_short_lists(plan_reviews, 3),
    notes=notes,
)
closure = st.builds(
    ClosureContent,
    action_items=_short_lists(
        st.builds(ActionItem, id=st.uuids(), what=one_line, owner=one_line, due=optional_dates)
    ),
    follow_up_date=optional_dates,
    follow_up_time=st.none() | minutes_of_day,
    close_anyway_reason=multi_line,
    notes=notes,
)


@st.composite
def cases(draw: st.DrawFn) -> Case:
    opened_on: date = draw(school_dates)
    closed_on = draw(st.none() | st.dates(min_value=opened_on, max_value=LATEST_DATE))
    return Case(
        id=draw(st.uuids()),
        student_id=draw(st.uuids()),
        opened_on=opened_on,
        created_at=draw(utc_times),
        referred_by=draw(one_line),
        concern_areas=tuple(draw(st.lists(st.sampled_from(ConcernArea), unique=True))),
        description=draw(multi_line),
        tried=draw(
            _short_lists(
                st.builds(
                    PriorIntervention, what=one_line, how_long=one_line, data_showed=multi_line
                )
            )
        ),
        closed_on=closed_on,
        outcome=draw(st.none() | st.sampled_from(CaseOutcome)),
        outcome_notes=draw(multi_line),
    )


student_profiles = st.builds(
    StudentProfile,
    student_id=st.uuids(),
    school=one_line,
    teacher=one_line,
    home_language=one_line,
    language_status=st.sampled_from(LanguageStatus),
    eld_level=st.none() | st.integers(1, 5),
    iep=st.booleans(),
    plan_504=st.booleans(),
    suspected_disability=st.booleans(),
    foster_youth=st.booleans(),
    homeless=st.booleans(),
    ethnicity=one_line,
    caregivers=_short_lists(
        st.builds(
            Caregiver,
            name=one_line,
            relationship=one_line,
            phone=one_line,
            email=one_line,
            preferred_language=one_line,
            interpreter_needed=st.booleans(),
        ),
        3,
    ),
)
