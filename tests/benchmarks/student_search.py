"""Search as you type: one keystroke to the student list updated. A benchmark, not a test.

    python tests/benchmarks/student_search.py RECORD_DIR [--rounds 3]

The real student list panel (``sspt_desktop.ui.shell.student_list.StudentListPanel``) in a shown
window, hooked up to the record's search as the app hooks it (``StudentRecords.search``, the
first 200 matches). Keys go to its search box with ``QTest.keyClick``, in a realistic sequence:
a family name letter by letter ("n", "na", "nav", …), a slip corrected with Backspace, the box
cleared, a first and last name typed as two words, a student ID digit by digit, and an ID
that matches nobody. The panel searches on the next turn of the event loop after a key (a
single-shot timer); should that timer ever wait longer, the wait is the panel's choice, not
work, so it is set to 0 ms here (``search_panel_wait_ms`` says what it was). Each keystroke
is timed from the key to the list's model reset and the list repainted.

Prints one JSON object:
- ``search_ms``: median of the keystrokes (goal ≤ 20 on 2,500 students, ≤ 50 on 25,000);
  ``search_max_ms`` the slowest; ``search_service_ms`` the median of the search call alone;
- ``search_students``: how many students the record holds; ``search_keystrokes`` how many
  keystrokes were timed (one uncounted warm-up round first).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench_record import ms, ms_max, open_bench_record
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from sspt_desktop.domain.student import Student
from sspt_desktop.services.student_records import StudentRecords
from sspt_desktop.storage.models import StudentRow
from sspt_desktop.ui.shell.resources import load_stylesheet
from sspt_desktop.ui.shell.student_list import StudentListPanel

PATH = (
    "StudentListPanel with StudentRecords.search (limit 200), keys by QTest.keyClick, "
    "its search timer at 0 ms, to model reset and repaint"
)
CLEAR = "<clear>"
BACKSPACE = "<backspace>"


def keystrokes(family: str, given: str, student_number: str) -> list[str]:
    """A recorder looking for students: what is typed, one entry per keystroke."""
    keys: list[str] = [*family.lower()[:6], "x", BACKSPACE, CLEAR]  # a slip, corrected
    keys += [*f"{given.lower()[:3]} {family.lower()[:4]}", CLEAR]
    keys += [*student_number, CLEAR]
    keys += [*"9999999", CLEAR]  # an ID nobody has: the whole table is read
    return keys


def _example_student(records: StudentRecords) -> Student:
    students = records.search("", limit=200)
    return students[len(students) // 2]


def measure(record_dir: Path, rounds: int) -> dict[str, Any]:
    app = QApplication(sys.argv[:1])
    app.setStyleSheet(load_stylesheet())
    record = open_bench_record(record_dir)
    try:
        with record.sessions() as session:
            count = session.scalar(select(func.count()).select_from(StudentRow))
        records = StudentRecords(record.sessions)
        service_times: list[float] = []

        def search(text: str) -> list[Student]:
            started = time.perf_counter()
            found = records.search(text)
            service_times.append(time.perf_counter() - started)
            return found

        panel = StudentListPanel()
        panel.resize(320, 760)
        panel.show()
        debounce = panel.findChild(QTimer)
        assert debounce is not None and debounce.isSingleShot(), "the panel's search timer"
        panel_wait_ms = debounce.interval()
        debounce.setInterval(0)
        panel.set_search(search)
        app.processEvents()
        resets = [0]
        panel.model.modelReset.connect(lambda: resets.__setitem__(0, resets[0] + 1))
        box = panel.search_box
        box.setFocus()
        sample = _example_student(records)
        keys = keystrokes(sample.last_name, sample.first_name, sample.student_number)

        def press(key: str) -> None:
            if key == CLEAR:
                QTest.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
                QTest.keyClick(box, Qt.Key.Key_Delete)
            elif key == BACKSPACE:
                QTest.keyClick(box, Qt.Key.Key_Backspace)
            else:
                QTest.keyClick(box, key)

        def timed(key: str) -> float:
            before = resets[0]
            started = time.perf_counter()
            press(key)
            while resets[0] == before:
                app.processEvents()
            panel.list.viewport().repaint()
            return time.perf_counter() - started

        typed: list[float] = []
        for _ in range(rounds + 1):
            typed += [timed(key) for key in keys]
        typed = typed[len(keys) :]  # the first round warmed up caches and first paints
        service = service_times[-len(typed) :]
        panel.close()
    finally:
        record.close()
    return {
        "search_ms": ms(typed),
        "search_max_ms": ms_max(typed),
        "search_service_ms": ms(service),
        "search_service_max_ms": ms_max(service),
        "search_students": count,
        "search_keystrokes": len(typed),
        "search_panel_wait_ms": panel_wait_ms,
        "search_path": PATH,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("record_dir", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.record_dir, args.rounds), indent=2), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
