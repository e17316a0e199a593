"""Choose a student → their meeting with all seven panes shown. A benchmark, not a test.

    python tests/benchmarks/open_meeting.py RECORD_DIR [--students 10 --rounds 5]

On the generated record, for the students whose meeting is in progress (every pane filled by
the generator; the longest histories first): ``MeetingSessionService.open_student_meeting``
(student, case, meeting, agenda, panes, goals, plan and history in one transaction), then the
seven editors of ``sspt_desktop.ui.panes`` built with that content in a shown 1280x800 window,
the Welcome pane in front and painted. The main window does not show the structured panes
yet, so this is the path it will take (``open_meeting_path`` says so).

Prints one JSON object:
- ``open_meeting_ms``: median from the choice to the panes shown, new editors built (goal
  ≤ 100); ``open_meeting_max_ms`` the slowest;
- ``open_meeting_reuse_ms``: the same when the editors already exist and only take the new
  content (what a view that keeps its editors would do);
- ``open_meeting_breakdown_ms``: the service call, building the editors with the content,
  and the first paint, each a median.
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

from bench_record import meetings_in_progress, ms, ms_max, open_bench_record
from meeting_panes import MeetingPanesWindow, settle
from PySide6.QtWidgets import QApplication

from sspt_desktop.domain.pane_kinds import PaneKind
from sspt_desktop.services.intervention_catalog import InterventionCatalog
from sspt_desktop.services.meeting_session import MeetingSessionService
from sspt_desktop.services.team_interventions import StoredTeamInterventions
from sspt_desktop.ui.panes import PaneServices
from sspt_desktop.ui.resources import load_stylesheet

PATH = (
    "MeetingSessionService.open_student_meeting + the seven ui.panes editors built with the "
    "content in a shown 1280x800 window, Welcome in front and painted (MainWindow does not "
    "show the structured panes yet)"
)


def measure(record_dir: Path, students: int, rounds: int) -> dict[str, Any]:
    app = QApplication(sys.argv[:1])
    app.setStyleSheet(load_stylesheet())
    record = open_bench_record(record_dir)
    try:
        chosen = meetings_in_progress(record, students)
        service = MeetingSessionService(record.sessions)
        catalog = InterventionCatalog(StoredTeamInterventions(record.sessions))
        window = MeetingPanesWindow(PaneServices(search_library=catalog.search))
        window.show()
        settle()

        def open_once(student_id: int, build: bool) -> tuple[float, float, float]:
            started = time.perf_counter()
            opened = service.open_student_meeting(student_id)
            loaded = time.perf_counter()
            if build:
                window.build(opened)
            else:
                window.show_meeting(opened)
            front = window.bring_forward(PaneKind.WELCOME)
            built = time.perf_counter()
            app.processEvents()  # layouts and the update requests of the new widgets
            front.repaint()
            shown = time.perf_counter()
            settle()  # the deleted editors go, outside the timing
            return loaded - started, built - loaded, shown - built

        for meeting in chosen:  # warm-up: first paints, caches, not counted
            open_once(meeting.student_id, build=True)
        fresh: list[tuple[float, float, float]] = []
        reuse: list[tuple[float, float, float]] = []
        for _ in range(rounds):
            for meeting in chosen:
                fresh.append(open_once(meeting.student_id, build=True))
                reuse.append(open_once(meeting.student_id, build=False))
        window.close()
    finally:
        record.close()
    totals = [sum(parts) for parts in fresh]
    return {
        "open_meeting_ms": ms(totals),
        "open_meeting_max_ms": ms_max(totals),
        "open_meeting_reuse_ms": ms([sum(parts) for parts in reuse]),
        "open_meeting_breakdown_ms": {
            "open_student_meeting": ms([p[0] for p in fresh]),
            "build_editors_with_content": ms([p[1] for p in fresh]),
            "first_paint": ms([p[2] for p in fresh]),
            "reuse_set_content": ms([p[1] for p in reuse]),
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
