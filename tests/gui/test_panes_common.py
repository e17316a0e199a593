"""What every pane editor promises: names for every control, read-only, long pastes, 200 %."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from sspt_desktop.domain.pane_kinds import PANES, PaneKind, content_from_json
from sspt_desktop.ui.panes import EDITORS, StructuredPane, editors_in_agenda_order
from sspt_desktop.ui.panes.structured_pane import KEEP_ENABLED
from tests.support.pane_driving import MIXED_SCRIPTS, paste, record_edits, settle
from tests.support.pane_samples import catalog_services, context, filled_pane

KINDS = [spec.kind for spec in PANES]


def shown(
    qtbot: QtBot, pane: StructuredPane, width: int = 1000, height: int = 700
) -> StructuredPane:
    qtbot.addWidget(pane)
    pane.resize(width, height)
    pane.show()
    pane.activateWindow()
    qtbot.waitUntil(pane.isActiveWindow, timeout=3000)
    return pane


def nameless_focusable(pane: QWidget) -> list[str]:
    """Every widget a person can Tab to (or click into) that has no accessible name."""
    found = []
    for widget in pane.findChildren(QWidget):
        takes_focus = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        if takes_focus and widget.isVisibleTo(pane) and not widget.accessibleName().strip():
            found.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return found


def test_the_registry_has_an_editor_for_every_pane_kind() -> None:
    assert set(EDITORS) == set(PaneKind)
    assert [kind for _, kind, _ in editors_in_agenda_order()] == KINDS
    for kind, editor in EDITORS.items():
        assert editor.kind is kind


@pytest.mark.parametrize("kind", KINDS)
def test_every_focusable_control_has_an_accessible_name(qtbot: QtBot, kind: PaneKind) -> None:
    pane = shown(qtbot, filled_pane(kind))
    pane.focus_first_field()  # also the state right after a list's first row was added
    assert nameless_focusable(pane) == []
    # The walk finds a nameless control when there is one (so this test can fail).
    stray = QLineEdit(pane.form)
    stray.show()
    assert nameless_focusable(pane) == ["QLineEdit ''"]


def test_typed_text_shown_in_labels_is_plain_text(qtbot: QtBot) -> None:
    """Markup typed into a field is shown as typed where a label repeats it."""
    from sspt_desktop.domain.goal import Goal
    from sspt_desktop.domain.goals_pane import GoalsContent
    from sspt_desktop.domain.strengths_pane import Strength, StrengthsContent
    from sspt_desktop.ui.panes.closure import ClosurePane
    from sspt_desktop.ui.panes.goals import GoalsPane

    typed = "<b>Kind</b> & <i>brave</i>"
    closure = shown(qtbot, filled_pane(PaneKind.CLOSURE))
    assert isinstance(closure, ClosurePane)
    closure.set_meeting_contents({PaneKind.STRENGTHS: StrengthsContent(items=(Strength(typed),))})
    assert typed in closure.summary.text()
    assert closure.summary.textFormat() == Qt.TextFormat.PlainText
    goals = shown(qtbot, filled_pane(PaneKind.GOALS))
    assert isinstance(goals, GoalsPane)
    ctx = context()
    goals.set_content(
        GoalsContent(goals=(Goal(ctx.new_id(), ctx.case_id, ctx.meeting_id, student_will=typed),))
    )
    sentence = goals.cards()[0].sentence
    assert typed in sentence.text() and sentence.textFormat() == Qt.TextFormat.PlainText


@pytest.mark.parametrize("kind", KINDS)
def test_read_only_pane_changes_nothing(qtbot: QtBot, kind: PaneKind) -> None:
    pane = shown(qtbot, filled_pane(kind))
    before = pane.content()
    pane.set_read_only(True)
    edits = record_edits(pane)
    rows_before = len(pane.findChildren(QLineEdit))
    for edit in pane.findChildren(QLineEdit):
        if edit.isVisibleTo(pane) and not edit.property(KEEP_ENABLED):
            edit.setFocus()
            qtbot.keyClicks(edit, "x")
            qtbot.keyClick(edit, Qt.Key.Key_Backspace)
            qtbot.keyClick(edit, Qt.Key.Key_Return)
    for text in pane.findChildren(QPlainTextEdit):
        if text.isVisibleTo(pane):
            qtbot.keyClicks(text, "x")
    for widget in (*pane.findChildren(QComboBox), *pane.findChildren(QAbstractButton)):
        if widget.isVisibleTo(pane) and not widget.property(KEEP_ENABLED):
            assert not widget.isEnabled(), type(widget).__name__
    qtbot.wait(1)
    assert edits == []
    assert pane.content() == before
    assert len(pane.findChildren(QLineEdit)) == rows_before  # Enter added no row
    pane.set_read_only(False)
    pane.notes.setFocus()
    qtbot.keyClicks(pane.notes, "y")
    assert settle(qtbot, pane, edits).notes == "y" + before.notes


@pytest.mark.parametrize("kind", KINDS)
def test_a_100000_character_paste_in_the_notes_round_trips(qtbot: QtBot, kind: PaneKind) -> None:
    pane = shown(qtbot, EDITORS[kind](catalog_services()))
    pane.set_context(context())
    edits = record_edits(pane)
    text = (MIXED_SCRIPTS * (100_000 // len(MIXED_SCRIPTS) + 1))[:100_000]
    pane.notes.setFocus()
    paste(qtbot, text)
    content = settle(qtbot, pane, edits)
    assert content.notes == text
    assert len(edits) == 1  # one paste, one new content
    # Shown again from the stored form, it is still exactly what was pasted.
    again = shown(qtbot, EDITORS[kind](catalog_services()))
    again.set_content(content_from_json(kind, content.to_json()))
    assert again.content().notes == text
    qtbot.keyClicks(again.notes, "z")  # and an edit reads it back exactly too
    assert again.content().notes == "z" + text


@pytest.fixture
def double_text() -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font = app.font()
    original = font.pointSizeF()
    font.setPointSizeF(original * 2)
    app.setFont(font)
    yield
    font.setPointSizeF(original)
    app.setFont(font)


@pytest.mark.parametrize("kind", KINDS)
def test_each_pane_fits_beside_the_meeting_chrome_at_200_percent_text(
    qtbot: QtBot, kind: PaneKind, double_text: None
) -> None:
    pane = shown(qtbot, filled_pane(kind), 900, 480)
    minimum = pane.minimumSizeHint()
    assert minimum.width() <= 900 and minimum.height() <= 480, minimum
    # The form scrolls up and down only: nothing in it needs more width than it has.
    form = pane.form
    assert form.minimumSizeHint().width() <= pane.scroll_area.viewport().width(), (
        form.minimumSizeHint(),
        pane.scroll_area.viewport().width(),
    )
