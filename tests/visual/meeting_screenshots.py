"""Screenshots of the meeting window on the demo record, for a person to look at: every pane of
the open follow-up and of the closed initial meeting (shown read-only from the history), at
100 % and 200 % text in a 1280x800 window.

Run under Xvfb (not part of the test suite):

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python -m tests.visual.meeting_screenshots \
        screenshots/tmp/meeting

Files are named ``<meeting>-<n>-<segment>-<percent>.png``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from sspt_desktop.app import launch, parse_args
from sspt_desktop.domain.meeting import MeetingStatus
from sspt_desktop.ui.shell.main_window import MainWindow
from sspt_desktop.ui.shell.resources import load_stylesheet


def settle(app: QApplication) -> None:
    for _ in range(8):
        app.processEvents()


def zoom_to(window: MainWindow, percent: int) -> None:
    """Step the text size with the View menu's actions (keys need an active window, which a
    bare X server without a window manager does not give)."""
    actions = {action.text().replace("&", ""): action for action in window.actions()}
    actions["Normal text size"].trigger()
    while window.zoom.scale * 100 < percent:
        actions["Larger text"].trigger()


def shoot_panes(app: QApplication, window: MainWindow, out: Path, name: str, percent: int) -> None:
    view = window.meeting_view
    agenda = view.agenda
    assert agenda is not None
    for number, segment in enumerate(agenda.segments, start=1):
        view.show_pane(segment.key)
        settle(app)
        path = out / f"{name}-{number}-{segment.key}-{percent}.png"
        window.grab().save(str(path))
        print(path, flush=True)


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setStyleSheet(load_stylesheet())
    running = launch(parse_args(["--demo"]))
    assert running is not None
    window = running.window
    window.resize(1280, 800)
    settle(app)
    opened = window.meeting_view.opened
    assert opened is not None
    follow_up = opened.meeting_id
    closed = next(
        meeting.meeting_id
        for case in opened.history
        for meeting in case.meetings
        if meeting.status is MeetingStatus.CLOSED
    )
    for percent in (100, 200):
        zoom_to(window, percent)
        settle(app)
        window.show_meeting(follow_up)
        shoot_panes(app, window, out, "follow-up", percent)
        window.show_meeting(closed)
        shoot_panes(app, window, out, "closed-initial", percent)
    zoom_to(window, 100)
    window.close()
    running.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots/tmp/meeting")))
