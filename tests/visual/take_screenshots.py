"""Screenshots of the meeting timer in every warning state, for a person to look at.

Run under Xvfb (not part of the test suite):

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python -m tests.visual.take_screenshots OUTDIR

It launches the demo with a fake clock, walks the current segment through normal, last minute,
time up and over time, and saves the main window and the timekeeper window in each state, plus
the main window at 200 % text and the agenda settings dialog.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from sspt_desktop.app import launch, parse_args
from sspt_desktop.services.agenda_catalog import shipped_agenda
from sspt_desktop.ui.agenda_settings_dialog import AgendaSettingsDialog
from sspt_desktop.ui.resources import load_stylesheet
from tests.support.fake_clock import FakeClock


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def save(widget: QWidget, path: Path, app: QApplication) -> None:
    settle(app)
    widget.grab().save(str(path))
    print(path)


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setStyleSheet(load_stylesheet())
    clock = FakeClock()
    running = launch(parse_args(["--demo"]), clock=clock)
    assert running is not None
    window = running.window
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
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/sspt-shots")))
