"""The words the screens show for the domain's codes, each through Qt's translation.

The domain stores codes (meeting types, roles, language statuses, areas, tiers, ratings...)
and never words; this module is the one place the user interface turns a code into text a
person reads, so a screen never shows a stored code and a translation covers every screen at
once. The printed forms take their words from ``forms/<language>/`` instead. Every function
looks its words up when called, so a language loaded at run time applies at once.

:data:`ENUM_WORDS` lists the function for each code type, so a test can check that every
member of every code type has words.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication

from sspt_desktop.domain.case import CaseOutcome, CaseStatus
from sspt_desktop.domain.concern_area import ConcernArea
from sspt_desktop.domain.goal import GoalRating
from sspt_desktop.domain.intervention_library import EntryKind, EntryOrigin
from sspt_desktop.domain.meeting import MeetingStatus, MeetingType, Role
from sspt_desktop.domain.meeting_arrangements import InvitationMethod
from sspt_desktop.domain.pane_kinds import PaneKind
from sspt_desktop.domain.plan_item import PlanDecision, Tier
from sspt_desktop.domain.problem_pane import BehaviourFunction
from sspt_desktop.domain.strengths_pane import StrengthArea
from sspt_desktop.domain.student import LanguageStatus

_CONTEXT = "DomainWords"

#: Languages the printed forms for families are planned in (ISO 639-1 codes, in this order).
FORM_LANGUAGES = ("en", "es", "vi")


def tr(text: str) -> str:
    """Translate ``text`` in the domain words' shared context."""
    return QCoreApplication.translate(_CONTEXT, text)


def meeting_type_label(meeting_type: MeetingType) -> str:
    return {
        MeetingType.INITIAL: tr("Initial meeting"),
        MeetingType.FOLLOW_UP_1: tr("First follow-up"),
        MeetingType.FOLLOW_UP_2: tr("Second follow-up"),
        MeetingType.FOLLOW_UP_3: tr("Third follow-up"),
        MeetingType.RECLASSIFICATION: tr("Reclassification review"),
        MeetingType.SCHOOL_WIDE: tr("School-wide monitoring"),
    }[meeting_type]


def meeting_status_label(status: MeetingStatus) -> str:
    """A meeting's status as it reads inside a line ("First follow-up (open)")."""
    return {
        MeetingStatus.SCHEDULED: tr("open"),
        MeetingStatus.IN_PROGRESS: tr("under way"),
        MeetingStatus.CLOSED: tr("closed"),
    }[status]


def case_status_label(status: CaseStatus) -> str:
    """A case's status as it reads inside a line, like a meeting's."""
    return {CaseStatus.OPEN: tr("open"), CaseStatus.CLOSED: tr("closed")}[status]


def case_outcome_label(outcome: CaseOutcome) -> str:
    return {
        CaseOutcome.GOALS_MET: tr("Goals met"),
        CaseOutcome.REFERRED_FOR_ASSESSMENT: tr("Referred for assessment"),
        CaseOutcome.LEFT_SCHOOL: tr("Left the school"),
        CaseOutcome.OTHER: tr("Other"),
    }[outcome]


def role_label(role: Role) -> str:
    return {
        Role.FACILITATOR: tr("Facilitator"),
        Role.TIMEKEEPER: tr("Timekeeper"),
        Role.RECORDER: tr("Recorder"),
        Role.CASE_MANAGER: tr("Case manager"),
        Role.PARENT: tr("Parent or caregiver"),
        Role.STUDENT: tr("Student"),
        Role.TEACHER: tr("Teacher"),
        Role.ADMINISTRATOR: tr("Administrator"),
        Role.COUNSELLOR: tr("Counsellor"),
        Role.PSYCHOLOGIST: tr("Psychologist"),
        Role.INTERPRETER: tr("Interpreter"),
        Role.OTHER: tr("Other"),
    }[role]


#: Roles in the order a choice lists them: the four team roles first, as seed 000 assigns them.
ROLE_ORDER: tuple[Role, ...] = (
    Role.FACILITATOR,
    Role.TIMEKEEPER,
    Role.RECORDER,
    Role.CASE_MANAGER,
    Role.PARENT,
    Role.STUDENT,
    Role.TEACHER,
    Role.ADMINISTRATOR,
    Role.COUNSELLOR,
    Role.PSYCHOLOGIST,
    Role.INTERPRETER,
    Role.OTHER,
)


def language_status_label(status: LanguageStatus) -> str:
    return {
        LanguageStatus.ENGLISH_ONLY: tr("English only (EO)"),
        LanguageStatus.INITIALLY_FLUENT: tr("Initially fluent English proficient (IFEP)"),
        LanguageStatus.ENGLISH_LEARNER: tr("English learner (EL)"),
        LanguageStatus.RECLASSIFIED: tr("Reclassified fluent English proficient (RFEP)"),
        LanguageStatus.UNKNOWN: tr("To be determined"),
    }[status]


#: The order the language statuses are offered in: as a school decides them, unknown last.
LANGUAGE_STATUS_ORDER: tuple[LanguageStatus, ...] = (
    LanguageStatus.ENGLISH_ONLY,
    LanguageStatus.INITIALLY_FLUENT,
    LanguageStatus.ENGLISH_LEARNER,
    LanguageStatus.RECLASSIFIED,
    LanguageStatus.UNKNOWN,
)


def form_language_label(code: str) -> str:
    """A family's language for printed forms; an unknown code (an older record) shows as is."""
    return {
        "en": tr("English"),
        "es": tr("Spanish (Español)"),
        "vi": tr("Vietnamese (Tiếng Việt)"),
    }.get(code, code)


def invitation_method_label(method: InvitationMethod) -> str:
    return {
        InvitationMethod.LETTER: tr("Letter"),
        InvitationMethod.PHONE: tr("Phone call"),
        InvitationMethod.EMAIL: tr("Email"),
        InvitationMethod.TEXT_MESSAGE: tr("Text message"),
        InvitationMethod.IN_PERSON: tr("In person"),
        InvitationMethod.OTHER: tr("Other"),
    }[method]


def pane_kind_label(kind: PaneKind) -> str:
    """A pane's short name, as the closure check's lines start."""
    return {
        PaneKind.WELCOME: tr("Welcome"),
        PaneKind.STRENGTHS: tr("Strengths"),
        PaneKind.PROBLEM: tr("Problem"),
        PaneKind.GOALS: tr("Goals"),
        PaneKind.BRAINSTORM: tr("Brainstorm"),
        PaneKind.PLAN: tr("Plan"),
        PaneKind.CLOSURE: tr("Closure"),
    }[kind]


def strength_area_label(area: StrengthArea) -> str:
    return {
        StrengthArea.ACADEMIC: tr("Academic"),
        StrengthArea.SOCIAL_EMOTIONAL: tr("Social-emotional"),
        StrengthArea.BEHAVIOURAL: tr("Behavioural"),
        StrengthArea.INTERESTS_AND_TALENTS: tr("Interests and talents"),
        StrengthArea.FAMILY_AND_COMMUNITY: tr("Family and community"),
        StrengthArea.HEALTH: tr("Health"),
    }[area]


def concern_area_label(area: ConcernArea) -> str:
    return {
        ConcernArea.ACADEMIC: tr("Academic"),
        ConcernArea.BEHAVIOUR: tr("Behaviour"),
        ConcernArea.ATTENDANCE: tr("Attendance"),
        ConcernArea.SOCIAL_EMOTIONAL: tr("Social-emotional"),
        ConcernArea.HEALTH: tr("Health"),
        ConcernArea.LANGUAGE_DEVELOPMENT: tr("Language development"),
    }[area]


def behaviour_function_label(function: BehaviourFunction) -> str:
    return {
        BehaviourFunction.ATTENTION: tr("To get attention"),
        BehaviourFunction.ESCAPE: tr("To escape or avoid something"),
        BehaviourFunction.TANGIBLE: tr("To get an object or activity"),
        BehaviourFunction.SENSORY: tr("Sensory"),
        BehaviourFunction.TO_BE_DETERMINED: tr("To be determined"),
    }[function]


def tier_label(tier: Tier) -> str:
    return {
        Tier.UNIVERSAL: tr("Tier 1 (universal)"),
        Tier.SELECTED: tr("Tier 2 (selected)"),
        Tier.INTENSIVE: tr("Tier 3 (intensive)"),
    }[tier]


def rating_label(rating: GoalRating) -> str:
    return {
        GoalRating.MET: tr("Met"),
        GoalRating.PROGRESSING: tr("Progressing"),
        GoalRating.NOT_PROGRESSING: tr("Not progressing"),
        GoalRating.NOT_ENOUGH_DATA: tr("Not enough data"),
    }[rating]


def plan_decision_label(decision: PlanDecision) -> str:
    return {
        PlanDecision.CONTINUE: tr("Continue"),
        PlanDecision.MODIFY: tr("Modify"),
        PlanDecision.STOP: tr("Stop"),
    }[decision]


def entry_kind_label(kind: EntryKind) -> str:
    return {
        EntryKind.SUPPORT: tr("Support"),
        EntryKind.STRATEGY: tr("Strategy"),
        EntryKind.ALTERNATIVE_TO_SUSPENSION: tr("Alternative to suspension"),
    }[kind]


def entry_origin_label(origin: EntryOrigin) -> str:
    return {
        EntryOrigin.SEED: tr("From the district's bulletin"),
        EntryOrigin.TEAM: tr("Added by the team"),
    }[origin]


#: The words function of every code type the screens show. The timer's states and warning
#: levels are worded by :mod:`sspt_desktop.ui.timer.timer_text`, missing-field and refusal codes by
#: :mod:`sspt_desktop.ui.panes.pane_words`.
ENUM_WORDS: Mapping[type[Enum], Callable[[Any], str]] = {
    MeetingType: meeting_type_label,
    MeetingStatus: meeting_status_label,
    CaseStatus: case_status_label,
    CaseOutcome: case_outcome_label,
    Role: role_label,
    LanguageStatus: language_status_label,
    InvitationMethod: invitation_method_label,
    PaneKind: pane_kind_label,
    StrengthArea: strength_area_label,
    ConcernArea: concern_area_label,
    BehaviourFunction: behaviour_function_label,
    Tier: tier_label,
    GoalRating: rating_label,
    PlanDecision: plan_decision_label,
    EntryKind: entry_kind_label,
    EntryOrigin: entry_origin_label,
}
