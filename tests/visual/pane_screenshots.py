"""Screenshots of the seven structured panes filled with a realistic meeting, for a person to
look at: each pane at 100 % and 200 % text in the room the meeting window leaves it.

Run under Xvfb (not part of the test suite):

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python -m tests.visual.pane_screenshots \
        screenshots/tmp/panes

Files are named ``<n>-<kind>-<percent>.png`` (and ``…-end.png`` scrolled to the end of the
form when it scrolls); the size is 900x480, what a 1280x800 window has
for the pane beside its header, agenda strip, timer and side panels (``--size WxH`` changes it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from sspt_desktop.domain.pane_kinds import PANES
from sspt_desktop.ui.shell.resources import load_stylesheet
from tests.support.pane_samples import filled_pane


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def main(out: Path, width: int, height: int) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setStyleSheet(load_stylesheet())
    base = app.font().pointSizeF()
    for percent in (100, 200):
        font = app.font()
        font.setPointSizeF(base * percent / 100)
        app.setFont(font)
        for number, spec in enumerate(PANES, start=1):
            pane = filled_pane(spec.kind)
            pane.resize(width, height)
            pane.show()
            settle(app)
            path = out / f"{number}-{spec.kind.value}-{percent}.png"
            pane.grab().save(str(path))
            print(path)
            bar = pane.scroll_area.verticalScrollBar()
            if bar.maximum() > 0:
                bar.setValue(bar.maximum())
                settle(app)
                end = out / f"{number}-{spec.kind.value}-{percent}-end.png"
                pane.grab().save(str(end))
                print(end)
            pane.close()
            pane.deleteLater()
            settle(app)
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", default="900x480")
    args = parser.parse_args()
    w, h = (int(part) for part in args.size.split("x"))
    sys.exit(main(args.out, w, h))
