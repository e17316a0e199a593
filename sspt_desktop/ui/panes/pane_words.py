"""The words the pane editors show for the domain's codes, each through Qt's translation.

The domain stores codes (roles, areas, tiers, missing-field and refusal codes) and never words;
this module is the one place the panes turn them into text a person reads. Every function looks
its words up when called, so a language loaded at run time applies at once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from sspt_desktop.domain.concern_area import ConcernArea
from sspt_desktop.domain.goal import GoalRating
from sspt_desktop.domain.meeting import Role
from sspt_desktop.domain.missing import Missing, MissingCode
from sspt_desktop.domain.plan_item import Tier
from sspt_desktop.domain.problem_pane import BehaviourFunction
from sspt_desktop.domain.strengths_pane import StrengthArea
from sspt_desktop.domain.text_limits import InvalidField, LimitCode

_CONTEXT = "PaneWords"


def tr(text: str) -> str:
    """Translate ``text`` in the panes' shared context."""
    return QCoreApplication.translate(_CONTEXT, text)


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


#: Roles in the order the combo lists them: the four team roles first, as seed 000 assigns them.
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


def not_chosen() -> str:
    """The first entry of every choice: nothing picked yet (a gap, never a refusal)."""
    return tr("(not chosen)")


def gap_text(field_label: str, gap: Missing) -> str:
    """One gap in calm words: the field's label and what it still needs."""
    phrase = {
        MissingCode.REQUIRED: tr("{field}: still to fill in"),
        MissingCode.TOO_FEW: tr("{field}: none yet"),
        MissingCode.TOO_MANY: tr("{field}: more than the three a team can monitor"),
        MissingCode.UNKNOWN_REFERENCE: tr("{field}: refers to something no longer here"),
        MissingCode.BEFORE_START: tr("{field}: earlier than the date it follows"),
        MissingCode.ROLE_UNFILLED: tr("{field}: nobody holds this role yet"),
        MissingCode.LANGUAGE: tr("{field}: which language is interpreted?"),
        MissingCode.SPECIFIC: tr("{field}: not specific yet"),
        MissingCode.MEASURABLE: tr("{field}: not measurable yet"),
        MissingCode.ACHIEVABLE: tr("{field}: not achievable from the baseline yet"),
        MissingCode.RELEVANT: tr("{field}: not tied to the problem yet"),
        MissingCode.TIME_BOUND: tr("{field}: not time-bound yet"),
    }[gap.code]
    return phrase.format(field=field_label)


def refusal_text(error: InvalidField, max_length: int | None = None) -> str:
    """Why a value was not taken into the record, said at the field; what was typed stays."""
    kept = tr("The record keeps the last accepted value until this is fixed.")
    if error.code is LimitCode.TOO_LONG and max_length is not None:
        reason = tr("Too long: at most {count} characters.").format(count=f"{max_length:,}")
    else:
        reason = {
            LimitCode.LINE_BREAK: tr("One line only: remove the line break."),
            LimitCode.CONTROL_CHARACTER: tr("Contains an invisible control character."),
            LimitCode.BROKEN_CHARACTER: tr("Contains a broken character."),
            LimitCode.TOO_LONG: tr("Too long."),
            LimitCode.TOO_MANY: tr("Too many entries."),
            LimitCode.IMPOSSIBLE_DATE: tr(
                "Not a possible date: type it as YYYY-MM-DD, for example 2025-03-14."
            ),
            LimitCode.OUT_OF_RANGE: tr("Not a time: type it as HH:MM, for example 15:30."),
        }.get(error.code, tr("This value cannot be kept."))
    return f"{reason} {kept}"
