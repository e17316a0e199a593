"""Launching the real application window inside the test's QApplication."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from sspt_desktop.app import RunningApp, launch, parse_args
from sspt_desktop.security.keychain import Keychain
from tests.support.prompts import ScriptedPrompts

Launcher = Callable[..., RunningApp]


@pytest.fixture
def launch_app(qtbot: QtBot, keychain: Keychain, data_dir: Path) -> Iterator[Launcher]:
    """Start the app on ``data_dir`` (or other arguments); everything is shut down afterwards."""
    started: list[RunningApp] = []

    def start(
        *args: str,
        prompts: ScriptedPrompts | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> RunningApp:
        argv = list(args) or ["--data-dir", str(data_dir)]
        running = launch(parse_args(argv), keychain, prompts or ScriptedPrompts(), clock)
        assert running is not None
        qtbot.addWidget(running.window)
        # Shortcuts reach only the active window, as on a desktop where the person clicked it.
        running.window.activateWindow()
        qtbot.waitUntil(running.window.isActiveWindow, timeout=3000)
        started.append(running)
        return running

    yield start
    for running in started:
        running.window.close()
        running.shutdown()
