"""Structured content gets the same guarantees as typed notes: a second copy of the app on the
same folder, or a disk that fails while the recorder types, never loses a structured field of
any pane kind."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from sspt_desktop import app as app_module
from sspt_desktop.app import RunningApp, launch, parse_args
from sspt_desktop.domain.pane_kinds import PaneContent, PaneKind
from sspt_desktop.security.keychain import Keychain
from tests.gui.conftest import Launcher
from tests.gui.test_meeting_window import add_student, open_by_search
from tests.support.every_pane import KINDS, TYPED, stored_fields, structured_field
from tests.support.prompts import ScriptedPrompts


def type_every_pane(qtbot: QtBot, running: RunningApp) -> None:
    """A structured field of every pane kind, typed key by key with the pane in front."""
    view = running.window.meeting_view
    for key, text in TYPED.items():
        view.show_pane(key)
        field: QWidget = structured_field(view.editor(key))
        qtbot.keyClicks(field, text)
    qtbot.waitUntil(
        lambda: not any(pane.edit_pending() for pane in view.editors().values()), timeout=3000
    )


def shown_fields(running: RunningApp) -> dict[str, str]:
    view = running.window.meeting_view
    for key in KINDS:
        view.show_pane(key)  # fills the pane from the record
    return stored_fields({kind: view.editor(key).content() for key, kind in KINDS.items()})


def reopened_fields(qtbot: QtBot, launch_app: Launcher) -> dict[str, str]:
    again = launch_app()
    open_by_search(qtbot, again, "Reyes")
    return shown_fields(again)


def test_a_second_copy_leaves_every_pane_kind_of_the_first_intact(
    qtbot: QtBot,
    launch_app: Launcher,
    keychain: Keychain,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = launch_app()
    add_student(first)
    open_by_search(qtbot, first, "Reyes")
    type_every_pane(qtbot, first)
    qtbot.waitUntil(lambda: not first.autosaver.has_unsaved, timeout=3000)

    refusals: list[str] = []

    def refuse(message: str, parent: object = None) -> bool:
        refusals.append(message)
        return False  # the person gives up on the second copy

    monkeypatch.setattr(app_module, "_offer_retry", refuse)
    second = launch(parse_args(["--data-dir", str(data_dir)]), keychain, ScriptedPrompts())
    assert second is None
    assert len(refusals) == 1 and "already open on this data folder" in refusals[0]

    # The first copy goes on saving what is typed after the refusal.
    view = first.window.meeting_view
    view.show_pane("closure")
    qtbot.keyClicks(structured_field(view.editor("closure")), " (and by email)")
    qtbot.waitUntil(lambda: not view.editor("closure").edit_pending(), timeout=3000)
    qtbot.waitUntil(lambda: not first.autosaver.has_unsaved, timeout=3000)
    assert first.autosaver.last_error is None
    first.window.close()
    assert first.shutdown()

    assert reopened_fields(qtbot, launch_app) == dict(
        TYPED, closure=TYPED["closure"] + " (and by email)"
    )


def test_a_failing_disk_loses_no_structured_field_once_it_comes_back(
    qtbot: QtBot, launch_app: Launcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    running = launch_app()
    add_student(running)
    open_by_search(qtbot, running, "Reyes")
    attempts: list[int] = []

    def disk_full(batch: Mapping[int, Mapping[PaneKind, PaneContent]]) -> None:
        attempts.append(len(batch))
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(running.autosaver, "_write", disk_full)
    type_every_pane(qtbot, running)
    qtbot.waitUntil(lambda: running.autosaver.last_error is not None, timeout=3000)
    assert running.autosaver.has_unsaved and attempts
    # Nothing typed is taken back from the panes while the disk fails.
    assert shown_fields(running) == TYPED

    monkeypatch.undo()  # the disk comes back: the retries store every pane kind
    qtbot.waitUntil(lambda: not running.autosaver.has_unsaved, timeout=5000)
    assert running.autosaver.last_error is None
    running.window.close()
    assert running.shutdown()

    assert reopened_fields(qtbot, launch_app) == TYPED
