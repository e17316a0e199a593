"""The Brainstorm pane: ideas typed with Enter, chosen ones marked, the library added by key."""

from __future__ import annotations

from uuid import UUID

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sspt_desktop.domain.brainstorm_pane import BrainstormContent
from sspt_desktop.services.intervention_catalog import (
    InMemoryTeamInterventions,
    InterventionCatalog,
)
from sspt_desktop.ui.panes import PaneContext, PaneServices
from sspt_desktop.ui.panes.brainstorm import BrainstormPane
from tests.support.pane_driving import (
    focused,
    press,
    record_edits,
    settle,
    show_pane,
    tab,
    type_text,
)


def numbered() -> PaneContext:
    numbers = iter(range(1, 10_000))
    return PaneContext(new_id=lambda: UUID(int=next(numbers)))


def catalog_pane(qtbot: QtBot) -> BrainstormPane:
    catalog = InterventionCatalog(InMemoryTeamInterventions())
    pane = show_pane(qtbot, BrainstormPane, PaneServices(search_library=catalog.search))
    pane.set_context(numbered())
    return pane


def test_ideas_typed_with_enter_and_chosen_with_space(qtbot: QtBot) -> None:
    pane = catalog_pane(qtbot)
    edits = record_edits(pane)
    pane.focus_first_field()
    type_text(qtbot, "Reading buddy")
    press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, "Daily check-in with the counsellor")
    tab(qtbot)
    assert focused().accessibleName() == "Idea 2 chosen"
    press(qtbot, Qt.Key.Key_Space)
    content = settle(qtbot, pane, edits)
    assert isinstance(content, BrainstormContent)
    assert [(i.text, i.chosen) for i in content.ideas] == [
        ("Reading buddy", False),
        ("Daily check-in with the counsellor", True),
    ]
    assert len({i.id for i in content.ideas}) == 2
    assert [i.text for i in content.chosen()] == ["Daily check-in with the counsellor"]
    assert not pane.gaps.isVisible()


def test_library_search_as_you_type_and_ctrl_enter_adds_the_entry(qtbot: QtBot) -> None:
    pane = catalog_pane(qtbot)
    edits = record_edits(pane)
    everything = len(pane.library.shown_entries())
    pane.library.query.setFocus()
    type_text(qtbot, "mentor")
    shown = pane.library.shown_entries()
    assert 0 < len(shown) < everything
    best = shown[0]
    press(qtbot, Qt.Key.Key_Return, modifier=Qt.KeyboardModifier.ControlModifier)
    content = settle(qtbot, pane, edits)
    (idea,) = content.ideas
    assert (idea.text, idea.library_key, idea.chosen) == (best.title, best.key, False)
    # Down goes to the list; Enter there adds the highlighted entry as the next idea.
    pane.library.query.setFocus()
    press(qtbot, Qt.Key.Key_Down)
    assert focused() is pane.library.results
    press(qtbot, Qt.Key.Key_Down)
    second = pane.library.selected()
    assert second is not None
    press(qtbot, Qt.Key.Key_Return)
    content = settle(qtbot, pane, edits)
    assert [i.library_key for i in content.ideas] == [best.key, second.key]
    # The search field itself was never changed by the key.
    assert pane.library.query.text() == "mentor"


def test_read_only_library_can_be_searched_but_adds_nothing(qtbot: QtBot) -> None:
    pane = catalog_pane(qtbot)
    pane.set_read_only(True)
    edits = record_edits(pane)
    pane.library.query.setFocus()
    type_text(qtbot, "mentor")
    assert pane.library.shown_entries()
    press(qtbot, Qt.Key.Key_Return, modifier=Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(1)
    assert edits == [] and pane.content().ideas == ()
