"""User-visible words stay out of the domain, and every code the domain stores has words in the UI.

The domain keeps codes (enum values); ``ui/common/domain_words.py`` words each through ``tr()`` and
``ui/timer/timer_text.py`` words the timer's states. These tests read the domain's source, so a label
put back into the domain (a ``label`` property, a table of English names, a state sentence)
fails here, and a new code without words fails before a screen shows it raw.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import importlib.resources
import pkgutil
import re
from collections.abc import Iterator
from enum import Enum
from pathlib import Path

import pytest

import sspt_desktop.domain
from sspt_desktop.domain.agenda import Agenda
from sspt_desktop.domain.allocation import Fit, allocate
from sspt_desktop.domain.clock_snapshot import ClockSnapshot, ClockState, WarningLevel
from sspt_desktop.domain.meeting_clock import MeetingClock
from sspt_desktop.domain.missing import Missing, MissingCode
from sspt_desktop.domain.text_limits import InvalidField, LimitCode
from sspt_desktop.ui.common import domain_words
from sspt_desktop.ui.common.domain_words import ENUM_WORDS
from sspt_desktop.ui.panes.pane_words import gap_text, refusal_text
from sspt_desktop.ui.timer import timer_text
from sspt_desktop.ui.timer.timer_text import fit_text, state_text
from tests.support.fake_clock import FakeClock

DOMAIN_DIR = Path(sspt_desktop.domain.__file__).parent

#: Codes worded by a module of their own rather than by ``ENUM_WORDS`` (each tested below).
WORDED_ELSEWHERE: frozenset[type[Enum]] = frozenset(
    {ClockState, WarningLevel, Fit, MissingCode, LimitCode}
)

#: Names that in the domain would mean words for people: ``label`` properties, tables of
#: labels or language names, state sentences, spoken durations, describing sentences.
FORBIDDEN_NAME = re.compile(
    r"(^|_)(label|labels|describe|state_text|language_name|language_names|spoken_duration)$",
    re.IGNORECASE,
)

#: Calls whose text is an exception's message (left in English on purpose, for now).
ERROR_CALLS = {"InvalidInput", "InvalidField", "damaged_state", "ValueError", "TypeError"}


def domain_enums() -> list[type[Enum]]:
    found: list[type[Enum]] = []
    for module_info in pkgutil.iter_modules(sspt_desktop.domain.__path__):
        module = importlib.import_module(f"sspt_desktop.domain.{module_info.name}")
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, Enum)
                and value.__module__ == module.__name__
            ):
                found.append(value)
    return found


def test_every_code_type_of_the_domain_has_its_words() -> None:
    enums = set(domain_enums())
    assert len(enums) >= 20  # the discovery itself works
    unworded = {e.__name__ for e in enums - set(ENUM_WORDS) - WORDED_ELSEWHERE}
    assert unworded == set(), "codes without words in ui/common/domain_words.py"
    assert set(ENUM_WORDS) <= enums


@pytest.mark.parametrize(
    "member",
    [member for enum in ENUM_WORDS for member in enum],
    ids=lambda member: f"{type(member).__name__}.{member.name}",
)
def test_every_code_has_words_through_tr(member: Enum, monkeypatch: pytest.MonkeyPatch) -> None:
    # Marked as they pass through tr(): a screen never shows a code or an untranslatable word.
    monkeypatch.setattr(domain_words, "tr", lambda text: f"<<{text}>>")
    words = ENUM_WORDS[type(member)](member)
    assert words.startswith("<<") and words.endswith(">>")
    assert words.strip("<>").strip()


@pytest.mark.parametrize("enum", list(ENUM_WORDS), ids=lambda enum: enum.__name__)
def test_no_two_codes_of_one_kind_read_the_same(enum: type[Enum]) -> None:
    words = [ENUM_WORDS[enum](member) for member in enum]
    assert len(set(words)) == len(words)


def test_the_choice_orders_list_every_code_once() -> None:
    from sspt_desktop.domain.meeting import Role
    from sspt_desktop.domain.student import LanguageStatus

    assert sorted(domain_words.ROLE_ORDER) == sorted(Role)
    assert sorted(domain_words.LANGUAGE_STATUS_ORDER) == sorted(LanguageStatus)


def shipped_agenda() -> Agenda:
    resources = importlib.resources.files("sspt_desktop.resources")
    return Agenda.from_json(resources.joinpath("agenda.json").read_text(encoding="utf-8"))


def a_snapshot() -> ClockSnapshot:
    return MeetingClock(allocate(shipped_agenda(), 1800), clock=FakeClock()).snapshot()


def test_every_timer_state_and_level_reads_differently() -> None:
    snapshot = dataclasses.replace(a_snapshot(), remaining_seconds=-72.0)
    texts = {state_text(dataclasses.replace(snapshot, state=state)) for state in ClockState}
    for state in (ClockState.RUNNING, ClockState.PAUSED):
        for level in WarningLevel:
            texts.add(state_text(dataclasses.replace(snapshot, state=state, warning=level)))
    # Not started and finished ignore the level; running and paused read each level apart.
    assert len(texts) == 2 + 2 * len(WarningLevel)
    assert all(text.strip() for text in texts)


def test_every_fit_has_its_sentence() -> None:
    shipped = shipped_agenda()
    by_fit = {allocate(shipped, minutes * 60).fit: minutes for minutes in (20, 30, 40)}
    assert set(by_fit) == set(Fit)
    sentences = {fit_text(allocate(shipped, minutes * 60)) for minutes in by_fit.values()}
    assert len(sentences) == len(Fit)


def test_every_missing_and_refusal_code_has_words() -> None:
    gaps = {gap_text("Field", Missing("x", code)) for code in MissingCode}
    assert len(gaps) == len(MissingCode)
    for code in LimitCode:
        assert refusal_text(InvalidField("x", code)).strip()


# --- The domain's source holds no words for people --------------------------------------------


def words_of(module: object) -> set[str]:
    """Every literal a UI words module passes to ``tr()``, split at its ``%1``-style holes:
    its labels and the phrases of its sentences."""
    tree = ast.parse(Path(str(getattr(module, "__file__", ""))).read_text(encoding="utf-8"))
    words: set[str] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in {"tr", "_tr"}
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            for part in re.split(r"%\d", node.args[0].value):
                part = part.strip(" :")
                # Words and phrases, not a lone lowercase fragment ("min", "left") that a
                # field name of the domain may well contain.
                if re.search(r"[A-Z]|\w \w", part):
                    words.add(part)
    return words


def stored_codes() -> set[str]:
    return {str(member.value) for enum in domain_enums() for member in enum}


def docstring_nodes(tree: ast.Module) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def error_text_nodes(tree: ast.Module) -> set[int]:
    """The literals of exception messages: inside a raise or a call building an error."""
    found: set[int] = set()
    for node in ast.walk(tree):
        is_error_call = isinstance(node, ast.Call) and (
            (isinstance(node.func, ast.Name) and node.func.id in ERROR_CALLS)
            or (isinstance(node.func, ast.Attribute) and node.func.attr in ERROR_CALLS)
        )
        if isinstance(node, ast.Raise) or is_error_call:
            found.update(id(inner) for inner in ast.walk(node))
    return found


def domain_texts(folder: Path = DOMAIN_DIR) -> Iterator[tuple[str, int, str]]:
    """(module, line, text) of every string literal in the domain that is neither a docstring
    nor an exception's message."""
    for path in sorted(folder.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skipped = docstring_nodes(tree) | error_text_nodes(tree)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in skipped
            ):
                yield path.name, node.lineno, node.value


def forbidden_names(folder: Path = DOMAIN_DIR) -> list[str]:
    offending: list[str] = []
    for path in sorted(folder.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                names.append(node.name)
            elif isinstance(node, ast.Assign):
                names.extend(t.id for t in node.targets if isinstance(t, ast.Name))
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names.append(node.target.id)
            offending.extend(
                f"{path.name}:{node.lineno} {name}" for name in names if FORBIDDEN_NAME.search(name)
            )
    return offending


def screen_words_in(folder: Path = DOMAIN_DIR) -> list[str]:
    words = (words_of(domain_words) | words_of(timer_text)) - stored_codes()
    long_words = {word for word in words if len(word) >= 6}
    assert {"Initial meeting", "English only (EO)", "Time is up", "Last minute"} <= words
    return [
        f"{module}:{line} {text!r}"
        for module, line, text in domain_texts(folder)
        if text.strip() in words or any(word in text for word in long_words)
    ]


def test_the_domain_defines_no_labels_or_sentences_for_people() -> None:
    assert forbidden_names() == []


def test_the_domain_holds_none_of_the_words_the_screens_show() -> None:
    assert screen_words_in() == []


#: How the domain worded codes before the words moved to the user interface.
OLD_DOMAIN = '''
"""A module of the domain."""
from enum import StrEnum


class MeetingType(StrEnum):
    """Meeting types."""

    INITIAL = "initial"

    @property
    def label(self) -> str:
        return _MEETING_TYPE_LABELS[self]


_MEETING_TYPE_LABELS = {MeetingType.INITIAL: "Initial meeting"}


def state(paused: bool, left: str) -> str:
    if not paused:
        raise ValueError("Time is up")  # an exception's message is not looked at
    return f"Paused: Last minute: {left} left"
'''


def test_the_checks_find_labels_put_back_into_the_domain(tmp_path: Path) -> None:
    (tmp_path / "meeting.py").write_text(OLD_DOMAIN, encoding="utf-8")
    names = sorted(found.split(" ", 1)[1] for found in forbidden_names(tmp_path))
    assert names == ["_MEETING_TYPE_LABELS", "label"]
    texts = sorted(found.split(" ", 1)[1] for found in screen_words_in(tmp_path))
    assert texts == ["'Initial meeting'", "'Paused: Last minute: '"]
