"""Choose a student → their meeting with all seven panes shown. A benchmark, not a test.

    python tests/benchmarks/open_meeting.py RECORD_DIR [--students 10 --rounds 5]

The real app on the generated record (``sspt_desktop.app.launch``: key from the keychain, the
main window shown offscreen at 1280x800), and ``MainWindow.open_student`` for the students
whose meeting is in progress (every pane filled by the generator; the longest histories
first), one after the other, as a recorder choosing students in the list: the meeting session
opens the meeting in one call, the meeting view gives the seven structured pane editors their
content, the timer, side panel and list follow. Timed from the call to the front pane painted.

Prints one JSON object:
- ``open_meeting_ms``: median from choosing a student to the meeting shown with its panes
  (goal ≤ 100); ``open_meeting_max_ms`` the slowest;
- ``open_meeting_breakdown_ms``: ``open_student_meeting`` (the service call alone, in the same
  process) and ``window`` (the rest: the view, timer, side panel and first paint), medians;
- ``open_meeting_path``: what was timed.
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

from bench_record import NoPerson, meetings_in_progress, ms, ms_max
from meeting_panes import settle
from PySide6.QtWidgets import QApplication

from sspt_desktop.app import launch, parse_args

PATH = (
    "MainWindow.open_student in the launched app (offscreen, 1280x800): the meeting session's "
    "open_student_meeting, the seven structured pane editors given the content, timer and "
    "side panel, to the front pane painted"
)


def measure(record_dir: Path, students: int, rounds: int) -> dict[str, Any]:
    app = QApplication(sys.argv[:1])
    running = launch(parse_args(["--data-dir", str(record_dir)]), prompts=NoPerson())
    if running is None:
        raise SystemExit("the app did not open the record")
    window = running.window
    try:
        window.resize(1280, 800)
        settle()
        chosen = meetings_in_progress(running.record, students)
        session = window.services.session

        def open_once(student_id: int) -> float:
            started = time.perf_counter()
            window.open_student(student_id)
            app.processEvents()  # layouts and the update requests of what changed
            window.repaint()
            shown = time.perf_counter() - started
            settle()
            return shown

        for meeting in chosen:  # warm-up: first paints, caches, not counted
            open_once(meeting.student_id)
        totals: list[float] = []
        service: list[float] = []
        for _ in range(rounds):
            for meeting in chosen:
                totals.append(open_once(meeting.student_id))
                started = time.perf_counter()
                session.open_student_meeting(meeting.student_id)
                service.append(time.perf_counter() - started)
    finally:
        running.shutdown()
    return {
        "open_meeting_ms": ms(totals),
        "open_meeting_max_ms": ms_max(totals),
        "open_meeting_breakdown_ms": {
            "open_student_meeting": ms(service),
            "window": round(ms(totals) - ms(service), 2),
        },
        "open_meeting_samples": len(totals),
        "open_meeting_students": len(chosen),
        "open_meeting_path": PATH,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("record_dir", type=Path)
    parser.add_argument("--students", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    figures = measure(args.record_dir, args.students, args.rounds)
    print(json.dumps(figures, indent=2), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
