"""The printed meeting notes show the structured record: every pane's typed content, read from
the real SQLCipher record through the meeting session service, checked by the PDF's text."""

from __future__ import annotations

import dataclasses
import re
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, time, timedelta
from enum import Enum
from pathlib import Path
from uuid import UUID

import pytest
from pypdf import PdfReader

from sspt_desktop.domain.brainstorm_pane import BrainstormContent, Idea
from sspt_desktop.domain.closure_check import MeetingPanes
from sspt_desktop.domain.closure_pane import ActionItem, ClosureContent
from sspt_desktop.domain.concern_area import ConcernArea
from sspt_desktop.domain.goal import Goal, GoalRating, GoalReview
from sspt_desktop.domain.meeting import MeetingStatus, MeetingType, Role
from sspt_desktop.domain.missing import MissingCode
from sspt_desktop.domain.pane_kinds import PaneKind
from sspt_desktop.domain.plan_item import PlanDecision, PlanItem, PlanItemReview, Tier
from sspt_desktop.domain.problem_pane import Baseline, BehaviourFunction, ProblemContent
from sspt_desktop.domain.segment_timing import SegmentTiming
from sspt_desktop.domain.strengths_pane import Strength, StrengthArea, StrengthsContent
from sspt_desktop.domain.student import LanguageStatus
from sspt_desktop.domain.welcome_pane import AttendanceRow, WelcomeContent
from sspt_desktop.printing.form_wording import load_wording
from sspt_desktop.printing.pane_sections import SECTIONS
from sspt_desktop.printing.print_words import PrintWords
from sspt_desktop.printing.printed_text import markup
from sspt_desktop.services.demo_data import seed_demo_record
from sspt_desktop.services.meeting_session import MeetingSessionService, OpenedMeeting
from sspt_desktop.services.notes_export import NotesExport
from sspt_desktop.services.record_opening import OpenRecord, open_memory_keyed_record
from sspt_desktop.storage.locations import DataLocations

TODAY = date(2026, 3, 2)
WORDS = PrintWords(load_wording("meeting_notes", "en"))

# Names and text a team types, in the scripts DejaVu Sans draws, with markup characters.
TRICKY_NAME = "<b>Zoë</b> & Ana-María Núñez"
GREEK_NAME = "Ελένη Παπαδοπούλου"
CYRILLIC_NAME = "Дмитрий Иванов"
VIETNAMESE_NAME = "Nguyễn Thị Hoa"


@pytest.fixture
def record(locations: DataLocations) -> Iterator[OpenRecord]:
    opened = open_memory_keyed_record(locations)
    yield opened
    opened.close()


@pytest.fixture
def service(record: OpenRecord) -> MeetingSessionService:
    return MeetingSessionService(record.sessions, today=lambda: TODAY)


@pytest.fixture
def follow_up_id(record: OpenRecord) -> int:
    return seed_demo_record(record.sessions, today=TODAY)


def _timings(_meeting_id: int) -> list[SegmentTiming]:
    return [
        SegmentTiming(0, "welcome", "Welcome / Introductions", 150, 171),
        SegmentTiming(1, "strengths", "Student Strengths", 240, 200),
    ]


def _pdf_text(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def _flat(text: str) -> str:
    """Whitespace (line wraps, cell breaks, kept indents) as single spaces."""
    return " ".join(text.replace("\xa0", " ").split())


def typed_texts(value: object) -> Iterator[str]:
    """Every text a person typed into a pane's content, however deep it sits."""
    if isinstance(value, Enum):
        return  # a stored code (StrEnum is a str): its label is checked by code_labels
    if isinstance(value, str):
        if value.strip():
            yield value
    elif isinstance(value, tuple):
        for entry in value:
            yield from typed_texts(entry)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            if field.name != "library_key":  # a code naming a library entry, not typed text
                yield from typed_texts(getattr(value, field.name))


def code_labels(value: object) -> Iterator[str]:
    """The printed label of every code (role, area, rating, tier...) a pane's content holds."""
    groups = {
        Role: "role",
        StrengthArea: "strength_area",
        ConcernArea: "concern_area",
        BehaviourFunction: "behaviour_function",
        GoalRating: "goal_rating",
        Tier: "tier",
        PlanDecision: "plan_decision",
    }
    if isinstance(value, Enum) and type(value) in groups:
        yield WORDS.code(groups[type(value)], value)
    elif isinstance(value, tuple):
        for entry in value:
            yield from code_labels(entry)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from code_labels(getattr(value, field.name))


def assert_everything_typed_is_printed(panes: MeetingPanes, text: str) -> None:
    flat = _flat(text)
    for kind in PaneKind:
        content = getattr(panes, kind.value)
        for typed in typed_texts(content):
            for line in typed.splitlines():
                assert _flat(line) in flat, f"{kind.value}: {line[:60]!r} not printed"
        for label in code_labels(content):
            assert label in flat, f"{kind.value}: the label {label!r} not printed"


def test_every_pane_kind_has_a_printed_section() -> None:
    assert set(SECTIONS) == set(PaneKind)


def test_every_code_has_words_in_the_form() -> None:
    groups: dict[str, type[Enum]] = {
        "meeting_type": MeetingType,
        "meeting_status": MeetingStatus,
        "language_status": LanguageStatus,
        "role": Role,
        "strength_area": StrengthArea,
        "concern_area": ConcernArea,
        "behaviour_function": BehaviourFunction,
        "goal_rating": GoalRating,
        "tier": Tier,
        "plan_decision": PlanDecision,
        "missing": MissingCode,
    }
    for group, codes in groups.items():
        for code in codes:
            assert WORDS.code(group, code).strip(), f"{group}.{code.value}"


def test_typed_text_is_escaped_with_its_line_breaks_and_indents() -> None:
    assert markup("<b>A & B</b>") == "&lt;b&gt;A &amp; B&lt;/b&gt;"
    assert markup("Plan:\n  one\n\ttwo\r\nthree\u2028four") == (
        "Plan:<br/>&nbsp;&nbsp;one<br/>&nbsp;&nbsp;&nbsp;&nbsp;two<br/>three<br/>four"
    )
    assert markup("a\x0cb\x07c") == "a<br/>bc"  # a form feed ends a line; a bell is dropped


def test_the_closed_initial_meeting_prints_every_typed_field(
    service: MeetingSessionService, follow_up_id: int, tmp_path: Path
) -> None:
    (case,) = service.meeting(follow_up_id).history
    initial_id = case.meetings[-1].meeting_id
    initial = service.meeting(initial_id)
    assert initial.read_only
    target = NotesExport(service, timings_for=_timings).export(initial_id, tmp_path / "n.pdf")
    pages = _pdf_text(target)
    text = "\n".join(pages)
    assert_everything_typed_is_printed(initial.panes, text)
    flat = _flat(text)
    for expected in (
        "Daniela Reyes",
        WORDS.code("meeting_type", MeetingType.INITIAL),
        WORDS.code("meeting_status", MeetingStatus.CLOSED),
        # The goal as one sentence, its date in the form's words.
        "By April 13, 2026, when in a one-minute timed reading, the student will read a "
        "grade-level passage aloud, from 48 words correct per minute to 70 words correct per "
        "minute, as measured by weekly one-minute reading probe, checked every Friday.",
        "Goal 1",
        "Jan 20, 2026",  # the plan rows' start and review, in the table's short form
        "Mar 3, 2026",
        "March 2, 2026 at 15:30",  # the follow-up meeting
        WORDS.section("closure")["check_none"],
    ):
        assert expected in flat, expected
    # The chosen ideas are marked, the one left out is not.
    assert "Repeated reading with a partner ✓ Chosen" in flat
    assert "Reading buddy from the 5th grade ✓" not in flat
    # The notes still end with the agenda timing table.
    assert flat.endswith("Whole meeting 6:30 6:11")
    assert not any(p.name.startswith(".notes-") for p in tmp_path.iterdir())


def _follow_up_panes(opened: OpenedMeeting) -> dict[PaneKind, object]:
    """Every pane of the open follow-up filled, with names in several scripts and markup."""
    meeting, case_id = opened.meeting.uuid, opened.case.id
    assert meeting is not None
    goals, plan = opened.panes.goals, opened.panes.plan
    carried = goals.goals[0]
    new_goal = Goal(
        id=uuid.uuid4(),
        case_id=case_id,
        introduced_in=meeting,
        by_date=TODAY + timedelta(weeks=10),
        student_will="stay in her seat during independent reading",
        condition="with a visual timer on her desk",
        baseline="4 of 10 sessions",
        target="8 of 10 sessions",
        measured_by="teacher's tally of sessions",
        how_often="daily",
        replaces=carried.id,
    )
    new_row = PlanItem(
        id=uuid.uuid4(),
        case_id=case_id,
        introduced_in=meeting,
        what="Check-in/check-out with Κυρία Ελένη",
        tier=Tier.INTENSIVE,
        goal_ids=(new_goal.id, carried.id),
        responsible=CYRILLIC_NAME,
        location="Counsellor's office & hallway",
        how_often="twice a day",
        how_long="5 minutes",
        start=TODAY + timedelta(days=1),
        review_on=TODAY + timedelta(weeks=4),
        progress_measure="Daily point card <total>",
        measure_how_often="every day",
        family_at_home="Sign the point card each evening.\n  Ask about the best moment of the day.",
    )
    first_row, second_row = plan.rows[:2]  # the rows carried from the initial meeting
    return {
        PaneKind.WELCOME: WelcomeContent(
            attendance=(
                AttendanceRow(TRICKY_NAME, Role.FACILITATOR),
                AttendanceRow(GREEK_NAME, Role.TIMEKEEPER),
                AttendanceRow(CYRILLIC_NAME, Role.RECORDER),
                AttendanceRow(VIETNAMESE_NAME, Role.PARENT),
                AttendanceRow("Mr. Ruiz", Role.INTERPRETER, "Spanish"),
            ),
            purpose="Review the plan; décider ensemble; Συνάντηση παρακολούθησης.",
            notes="Mother arrived at 15:10.\n    Interpreter by phone for the first minutes.",
        ),
        PaneKind.STRENGTHS: StrengthsContent(
            items=(
                Strength("Reads to her brother every night", StrengthArea.FAMILY_AND_COMMUNITY),
                Strength("Поёт в школьном хоре", StrengthArea.INTERESTS_AND_TALENTS),  # noqa: RUF001
                Strength("Asks for help when stuck", None),
            ),
            notes="Teacher: «elle aime aider les autres».",
        ),
        PaneKind.PROBLEM: ProblemContent(
            concern_area=ConcernArea.BEHAVIOUR,
            problem="Leaves her seat 6 times in a 20-minute reading block.\nMostly after lunch.",
            baseline=Baseline("Times out of seat", "Teacher tally", "6 per block", TODAY),
            where_and_when="Room 12, independent reading, 12:40–13:00.",  # noqa: RUF001
            suspected_function=BehaviourFunction.ESCAPE,
            notes="Nurse ruled out vision problems (ορατότητα OK).",
        ),
        PaneKind.GOALS: replace(
            goals,
            goals=(*goals.goals, new_goal),
            reviews=(GoalReview(carried.id, GoalRating.NOT_PROGRESSING, "Now 52 wcpm & tired."),),
            notes="Goal 2 replaces goal 1 after discussion.",
        ),
        PaneKind.BRAINSTORM: BrainstormContent(
            ideas=(
                Idea(uuid.uuid4(), "Visual timer on the desk", chosen=True),
                Idea(uuid.uuid4(), "Movement break every 10 minutes"),
                Idea(uuid.uuid4(), "Check-in/check-out", "check-in-check-out", True),
            ),
            notes="Idea from Ms. Kim: a <quiet corner>.",
        ),
        PaneKind.PLAN: replace(
            plan,
            rows=(*plan.rows, new_row),
            reviews=(
                PlanItemReview(first_row.id, PlanDecision.MODIFY, "Twice a week only", False),
                PlanItemReview(second_row.id, PlanDecision.STOP, "", True, "Family moved away"),
            ),
            notes="Fidelity: partner was absent 3 weeks.",
        ),
        PaneKind.CLOSURE: ClosureContent(
            action_items=(
                ActionItem(uuid.uuid4(), "Make the point card", GREEK_NAME, TODAY + timedelta(2)),
                ActionItem(uuid.uuid4(), "Call the family", TRICKY_NAME, TODAY + timedelta(3)),
            ),
            follow_up_date=TODAY + timedelta(weeks=4),
            follow_up_time=time(8, 5),
            close_anyway_reason="Recorder & facilitator agree: case manager is away.",
            notes="Thanks to everyone — спасибо — ευχαριστώ.",
        ),
    }


def test_an_open_follow_up_prints_every_pane_and_its_reviews(
    service: MeetingSessionService, follow_up_id: int, tmp_path: Path
) -> None:
    opened = service.meeting(follow_up_id)
    service.save_content_batch({follow_up_id: _follow_up_panes(opened)})  # type: ignore[dict-item]
    stored = service.meeting(follow_up_id)
    target = NotesExport(service).export(follow_up_id, tmp_path / "follow-up.pdf")
    text = "\n".join(_pdf_text(target))
    assert_everything_typed_is_printed(stored.panes, text)
    flat = _flat(text)
    for expected in (
        TRICKY_NAME,  # escaped, not read as markup
        "Interpreter, interpreting Spanish",
        WORDS.code("meeting_status", MeetingStatus.IN_PROGRESS),
        # The Welcome pane lacks a case manager: said in the section and in the closure check.
        "Team roles nobody held Case manager",
        "Welcome · Case manager: nobody holds this role",
        "Goal 1 · Set at an earlier meeting · Replaced by a later goal",
        "Goal 2 · Replaces goal 1",
        "Progress at this meeting Not progressing",
        "Goal 2 Goal 1",  # the new row serves both goals
        "Mar 3, 2026 Mar 30, 2026",
        "Twice a week only",
        "March 30, 2026 at 08:05",
        WORDS.section("closure")["close_anyway"],
        "Reads to her brother every night (Family and community)",
    ):
        assert expected in flat, expected
    # A stopped row is left out of the summary of decisions; the others are in it.
    summary = flat.split(WORDS.section("closure")["summary"], 1)[1]
    summary = summary.split(WORDS.section("closure")["action_items"], 1)[0]
    assert "Plan: Check-in/check-out with Κυρία Ελένη" in summary
    assert "Audio books at home" not in summary


def test_a_hundred_thousand_character_note_flows_over_pages(
    service: MeetingSessionService, follow_up_id: int, tmp_path: Path
) -> None:
    lines = [
        f"Line {n:05d}: the team talked about reading at home and at school."
        for n in range(1, 1400)
    ]
    note = "\n".join(lines)
    note += "\n" + "x" * (100_000 - len(note) - 1)  # a paste with no space to break at
    assert len(note) == 100_000
    opened = service.meeting(follow_up_id)
    assert opened.meeting.uuid is not None
    # A plan cell taller than a page: the longest answer the field takes.
    long_row = PlanItem(
        id=uuid.uuid4(),
        case_id=opened.case.id,
        introduced_in=opened.meeting.uuid,
        what="Home reading",
        family_at_home="Read together. " * 1300,
    )
    plan = replace(opened.panes.plan, rows=(*opened.panes.plan.rows, long_row))
    service.save_content_batch(
        {
            follow_up_id: {
                PaneKind.STRENGTHS: StrengthsContent(notes=note),
                PaneKind.PLAN: plan,
            }
        }
    )
    target = NotesExport(service).export(follow_up_id, tmp_path / "long.pdf")
    pages = _pdf_text(target)
    assert len(pages) > 30
    text = "\n".join(pages)
    assert "Line 00001:" in pages[0] + pages[1]
    assert "Line 01399: the team talked about reading at home and at school." in text
    assert "x" * 60 in text.replace("\n", "")
    # The plan cell too long for its column prints below the table, whole, at full width.
    flat = _flat(text)
    assert WORDS["see_below"] in flat
    assert "Family at home · Home reading " + "Read together. " * 20 in flat
    assert flat.count("Read together.") == 1300


def test_the_plan_table_repeats_its_header_on_every_page(
    service: MeetingSessionService, follow_up_id: int, tmp_path: Path
) -> None:
    opened = service.meeting(follow_up_id)
    meeting = opened.meeting.uuid
    assert meeting is not None
    goal_id = opened.panes.goals.goals[0].id
    rows = tuple(
        PlanItem(
            id=UUID(int=9000 + n),
            case_id=opened.case.id,
            introduced_in=meeting,
            what=f"Intervention number {n:02d}",
            tier=Tier.SELECTED,
            goal_ids=(goal_id,),
            responsible="Ms. Kim",
            start=TODAY,
            progress_measure="weekly probe",
            family_at_home="Read together each evening.",
        )
        for n in range(1, 61)
    )
    plan = replace(opened.panes.plan, rows=(*opened.panes.plan.rows, *rows))
    service.save_content_batch({follow_up_id: {PaneKind.PLAN: plan}})
    target = NotesExport(service).export(follow_up_id, tmp_path / "plan.pdf")
    pages = [_flat(page) for page in _pdf_text(target)]
    # Pages with rows of the table (the summary of decisions names the rows too, differently).
    with_rows = [page for page in pages if re.search(r"Intervention number \d+ Tier", page)]
    assert len(with_rows) >= 2
    columns = WORDS.section("plan")["columns"]
    header = f"{columns['what']} {columns['tier']} {columns['goals']} {columns['who']}"
    for page in with_rows:
        assert header in page
        assert page.index(header) < page.index("Intervention number")
    assert "Intervention number 60 Tier" in with_rows[-1]
