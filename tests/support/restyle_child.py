"""A child process that zooms the text of main windows while the stylesheet comes and goes.

    python -m tests.support.restyle_child DATA_DIR ROUNDS

Each round takes the application stylesheet away and puts it back (as the layout tests do
between tests, and as a change of look would), lets the previous round's closed main window
be deleted, then shows a new main window and makes its text larger and back to normal with
View's keys. Re-applying the application stylesheet on zoom used to read a deleted widget out
of Qt's stylesheet cache here and end the process with a segmentation fault, within a few
rounds. Prints ``round N`` after each round, ``problem ...`` when a zoom key did nothing or a
widget that the stylesheet matches kept its old font, and ``done`` at the end.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from sspt_desktop.app import parse_args, show_window
from sspt_desktop.ui.shell.main_window import MainWindow
from sspt_desktop.ui.shell.resources import load_stylesheet

ACTIVE_WITHIN_S = 5.0


def say(text: str) -> None:
    print(text, flush=True)


def activate(app: QApplication, window: MainWindow) -> None:
    """Shortcuts reach only the active window, as on a desktop where the person clicked it."""
    window.activateWindow()
    deadline = time.monotonic() + ACTIVE_WITHIN_S
    while not window.isActiveWindow() and time.monotonic() < deadline:
        app.processEvents()
    if not window.isActiveWindow():
        say("problem the main window never became active")


def zoom_round(app: QApplication, window: MainWindow) -> None:
    QTest.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    if window.zoom.scale <= 1.0:
        say("problem Ctrl++ did not make the text larger")
    # The key hint is matched by a stylesheet rule (#keyHint): it must take the new size.
    wanted = app.font().pointSizeF()
    got = window.key_hint.font().pointSizeF()
    if abs(got - wanted) > 0.01:
        say(f"problem the key hint kept a {got} pt font at {wanted} pt text")
    QTest.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)


def main() -> int:
    data_dir, rounds = Path(sys.argv[1]), int(sys.argv[2])
    app = QApplication(sys.argv[:1])
    sheet = load_stylesheet()
    app.setStyleSheet(sheet)
    previous: MainWindow | None = None
    for number in range(rounds):
        app.setStyleSheet("")
        app.setStyleSheet(sheet)
        if previous is not None:
            previous.deleteLater()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        window = show_window(parse_args(["--data-dir", str(data_dir)])).window
        activate(app, window)
        zoom_round(app, window)
        window.close()
        previous = window
        say(f"round {number}")
    say("done")
    return 0


if __name__ == "__main__":
    sys.exit(main())
