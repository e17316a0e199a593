"""Screenshots of the meeting timer in every warning state, for a person to look at.

Run under Xvfb (not part of the test suite):

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python -m tests.visual.take_screenshots OUTDIR
    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python -m tests.visual.take_screenshots \
        OUTDIR --layout

It launches the demo with a fake clock, walks the current segment through normal, last minute,
time up and over time, and saves the main window and the timekeeper window in each state, plus
the main window at 200 % text and the agenda settings dialog. With ``--layout`` it saves only
the meeting in a 1280x800 window at 100 %, 150 % and 200 % text (``layout-100.png``…), not
started and running in overtime, which is where the panel's text is longest.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from sspt_desktop.app import launch, parse_args
from sspt_desktop.services.agenda_catalog import shipped_agenda
from sspt_desktop.ui.shell.main_window import MainWindow
from sspt_desktop.ui.shell.resources import load_stylesheet
from sspt_desktop.ui.timer.agenda_settings_dialog import AgendaSettingsDialog
from tests.support.fake_clock import FakeClock


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def save(widget: QWidget, path: Path, app: QApplication) -> None:
    settle(app)
    widget.grab().save(str(path))
    print(path)


def zoom_to(window: MainWindow, scale: float) -> None:
    """Step the text size with the View menu's keys, as a person would."""
    QTest.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    while window.zoom.scale < scale:
        QTest.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)


def layout_shots(out: Path, app: QApplication, window: MainWindow, clock: FakeClock) -> None:
    """The meeting in a 1280x800 window at 100 %, 150 % and 200 % text."""
    window.showNormal()
    window.resize(1280, 800)
    window.activateWindow()
    settle(app)
    for percent in (100, 150, 200):
        zoom_to(window, percent / 100)
        save(window, out / f"layout-{percent}.png", app)
    timer = window.timer
    timer.toggle_pause()
    timer.next_segment()
    clock.advance(30 * 60)
    timer.refresh()
    for percent in (100, 150, 200):
        zoom_to(window, percent / 100)
        save(window, out / f"layout-{percent}-overtime.png", app)
    zoom_to(window, 1.0)


def main(out: Path, layout_only: bool = False) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setStyleSheet(load_stylesheet())
    clock = FakeClock()
    running = launch(parse_args(["--demo"]), clock=clock)
    assert running is not None
    window = running.window
    if layout_only:
        layout_shots(out, app, window, clock)
        window.close()
        running.shutdown()
        return 0
    window.resize(1400, 900)
    timer = window.timer
    save(window, out / "main-not-started.png", app)
    timer.toggle_pause()
    timer.next_segment()  # Student Strengths: its pane comes forward
    window.timer_actions.timekeeper.setChecked(True)
    window.timekeeper.resize(1024, 576)

    def remaining_to(target: float) -> None:
        timer.refresh()
        snapshot = timer.snapshot
        assert snapshot is not None
        clock.advance(snapshot.remaining_seconds - target)
        timer.refresh()

    for name, remaining in (
        ("normal", 100.0),
        ("last-minute", 42.0),
        ("time-up", -2.0),
        ("overtime", -72.0),
    ):
        remaining_to(remaining)
        save(window, out / f"main-{name}.png", app)
        save(window.timekeeper, out / f"timekeeper-{name}.png", app)
    window.timer_actions.rebalance.setChecked(False)
    clock.advance(240)
    timer.refresh()
    save(window, out / "main-overtime-no-rebalance.png", app)
    save(window.timekeeper, out / "timekeeper-overtime-no-rebalance.png", app)
    timer.toggle_pause()
    save(window.timekeeper, out / "timekeeper-paused.png", app)
    window.timekeeper.resize(480, 300)
    save(window.timekeeper, out / "timekeeper-small.png", app)
    window.timer_actions.timekeeper.setChecked(False)
    window.activateWindow()
    settle(app)
    while window.zoom.scale < 2.0:
        QTest.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    save(window, out / "main-text-200.png", app)
    QTest.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    agenda = shipped_agenda()
    dialog = AgendaSettingsDialog(
        agenda,
        agenda,
        60,
        lambda _agenda, _seconds: None,
        window,
    )
    dialog.show()
    save(dialog, out / "agenda-settings.png", app)
    dialog.close()
    window.close()
    running.shutdown()
    return 0


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    sys.exit(
        main(
            Path(arguments[0] if arguments else "screenshots/tmp"),
            layout_only="--layout" in sys.argv[1:],
        )
    )
