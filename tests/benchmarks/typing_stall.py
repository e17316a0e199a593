"""Longest event-loop stall while the recorder types into every pane kind. A benchmark, not a test.

    python tests/benchmarks/typing_stall.py RECORD_DIR [--seconds 2.0]

A meeting in progress on the generated record is opened with ``MeetingSessionService`` and its
seven pane editors (``sspt_desktop.ui.panes``) are shown in a 1280x800 window; every edit goes
to the real autosaver (``PaneAutosaver`` writing ``save_content_batch`` batches durably to the
SQLCipher record on its thread), as in the app. For each pane kind in turn, keys are posted with
``QTest.keyClick`` at 20 a second (a fast typist) into: its first one-line field, its notes,
and its notes already holding 100,000 characters. A 1 ms precise heartbeat timer notes every
turn of the event loop; a stall is the gap between two consecutive turns, so it holds whatever
one turn did: handling a key, rebuilding the pane's content, laying out and painting, and any
wait for the interpreter lock while the autosave thread serialises and commits.

Prints one JSON object:
- ``typing_stall_ms_max``: the longest gap over every phase (goal ≤ 16);
  ``typing_stall_ms_p99`` the 99th percentile of the gaps;
- ``typing_stall_by_field_ms``: the longest gap per pane kind and field (``line``, ``notes``,
  ``notes_100k``);
- ``typing_stall_cpu_ms_of_max``: the main thread's own processor time in that longest gap;
  ``typing_turn_cpu_ms_max`` the most it used in any one gap (its longest own work);
- ``typing_keys``, ``typing_autosaves``: keys typed and durable saves made meanwhile.
The meeting's stored content is put back at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench_record import meetings_in_progress, open_bench_record
from meeting_panes import MeetingPanesWindow, settle
from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from sspt_desktop.domain.pane_kinds import PaneKind
from sspt_desktop.services.autosave import PaneAutosaver, SaveReport
from sspt_desktop.services.intervention_catalog import InterventionCatalog
from sspt_desktop.services.meeting_session import MeetingSessionService
from sspt_desktop.services.team_interventions import StoredTeamInterventions
from sspt_desktop.ui.panes import PaneServices, StructuredPane
from sspt_desktop.ui.panes.fields import LineField, TextField
from sspt_desktop.ui.shell.resources import load_stylesheet

KEY_INTERVAL_MS = 50
LINE_WORDS = "Ms Ortega will check in each morning "
NOTES_WORDS = "Amara read the passage aloud with two errors, a real step forward. "
# Mixed scripts, as a pasted note from a family letter might hold.
LONG_NOTE_LINE = "Lectura en voz alta: 48 → 62 palabras. Ζωή, Núñez, 학생, 学生, Հայերեն. "


def long_note(length: int = 100_000) -> str:
    lines = (LONG_NOTE_LINE * (length // len(LONG_NOTE_LINE) + 1))[:length]
    return "\n".join(lines[i : i + 400] for i in range(0, length, 400))[:length]


class Heartbeat:
    """Notes the time of every turn of the event loop while it runs: the wall-clock gap, and
    the processor time the main thread itself used in it (``cpu``); a long gap with little
    processor time is the thread waiting (another process, or the autosave thread holding
    the interpreter lock), not work of its own."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.gaps: list[float] = []
        self.cpu: list[float] = []
        self._last = 0
        self._last_cpu = 0
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._beat)

    def start(self) -> None:
        self.gaps = []
        self.cpu = []
        self.clock.start()
        self._last = self.clock.nsecsElapsed()
        self._last_cpu = time.thread_time_ns()
        self.timer.start()

    def stop(self) -> list[float]:
        self.timer.stop()
        self._beat()
        return self.gaps

    def _beat(self) -> None:
        now = self.clock.nsecsElapsed()
        cpu = time.thread_time_ns()
        self.gaps.append((now - self._last) / 1e6)
        self.cpu.append((cpu - self._last_cpu) / 1e6)
        self._last, self._last_cpu = now, cpu


def first_line_field(pane: StructuredPane) -> QWidget | None:
    """The first one-line field a recorder would type in (editable and shown); a follow-up's
    goals pane may have none (its goals were agreed earlier and are read-only)."""
    for field in pane.form.findChildren(LineField):
        if field.isVisibleTo(pane) and not field.isReadOnly():
            return field
    return None


def type_for(
    target: QWidget, text: str, seconds: float, beat: Heartbeat
) -> tuple[list[float], list[float], int]:
    """Type ``text`` (cycling; in a one-line field, the typed part is erased again each
    time) into ``target`` for ``seconds``; the event loop's gaps meanwhile."""
    target.setFocus(Qt.FocusReason.OtherFocusReason)
    if isinstance(target, TextField):
        QTest.keyClick(target, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    else:
        QTest.keyClick(target, Qt.Key.Key_End)
    settle()
    keys = [0]
    typed_in_line = [0]
    one_line = not isinstance(target, TextField)

    def key() -> None:
        if one_line and typed_in_line[0] >= len(text):
            QTest.keyClick(target, Qt.Key.Key_Backspace)
            typed_in_line[0] += 1
            if typed_in_line[0] >= 2 * len(text):
                typed_in_line[0] = 0
        else:
            char = text[(typed_in_line[0] if one_line else keys[0]) % len(text)]
            QTest.keyClick(target, char)
            typed_in_line[0] += 1
        keys[0] += 1

    typist = QTimer()
    typist.setTimerType(Qt.TimerType.PreciseTimer)
    typist.setInterval(KEY_INTERVAL_MS)
    typist.timeout.connect(key)
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    beat.start()
    typist.start()
    loop.exec()
    typist.stop()
    gaps = beat.stop()
    return gaps, beat.cpu, keys[0]


def measure(record_dir: Path, seconds: float) -> dict[str, Any]:
    app = QApplication(sys.argv[:1])
    app.setStyleSheet(load_stylesheet())
    record = open_bench_record(record_dir)
    saves: list[SaveReport] = []
    try:
        # An initial meeting in progress: its goals and plan rows are its own, so editable.
        candidates = meetings_in_progress(record, 200)
        chosen = next((m for m in candidates if m.meeting_type == "initial"), candidates[0])
        service = MeetingSessionService(record.sessions)
        opened = service.meeting(chosen.meeting_id)
        original = {kind: opened.content(kind) for kind in PaneKind}
        catalog = InterventionCatalog(StoredTeamInterventions(record.sessions))
        window = MeetingPanesWindow(PaneServices(search_library=catalog.search))
        window.show()
        window.build(opened)
        settle()
        autosaver = PaneAutosaver(service.save_content_batch, on_report=saves.append)
        for kind, editor in window.editors.items():
            editor.contentEdited.connect(
                lambda content, kind=kind: autosaver.submit(chosen.meeting_id, kind, content)
            )
        beat = Heartbeat()
        by_field: dict[str, float | None] = {}
        all_gaps: list[float] = []
        all_cpu: list[float] = []
        keys = 0
        big = long_note()
        try:
            for kind, editor in window.editors.items():
                window.bring_forward(kind)
                settle()
                phases = (
                    ("line", first_line_field(editor), LINE_WORDS),
                    ("notes", editor.notes, NOTES_WORDS),
                )
                for name, target, text in phases:
                    if target is None:
                        by_field[f"{kind.value}.{name}"] = None
                        continue
                    gaps, cpu, typed = type_for(target, text, seconds, beat)
                    by_field[f"{kind.value}.{name}"] = round(max(gaps), 2)
                    all_gaps += gaps
                    all_cpu += cpu
                    keys += typed
                # The same notes already holding 100,000 characters (stored, then shown).
                editor.set_content(replace(editor.content(), notes=big))
                autosaver.submit(chosen.meeting_id, kind, editor.content())
                autosaver.flush()
                settle()
                gaps, cpu, typed = type_for(editor.notes, NOTES_WORDS, seconds, beat)
                by_field[f"{kind.value}.notes_100k"] = round(max(gaps), 2)
                all_gaps += gaps
                all_cpu += cpu
                keys += typed
                if not autosaver.flush():
                    raise RuntimeError(f"autosave did not finish: {autosaver.last_error!r}")
        finally:
            autosaver.close()
            window.close()
        failed = [report.error for report in saves if report.error is not None]
        service.save_content_batch({chosen.meeting_id: original})  # leave the record as it was
    finally:
        record.close()
    longest = max(range(len(all_gaps)), key=all_gaps.__getitem__)
    cpu_of_longest = all_cpu[longest]
    all_gaps.sort()
    return {
        "typing_stall_ms_max": round(all_gaps[-1], 2),
        # The main thread's own processor time in that longest gap, and the most it used in any.
        "typing_stall_cpu_ms_of_max": round(cpu_of_longest, 2),
        "typing_turn_cpu_ms_max": round(max(all_cpu), 2),
        "typing_stall_ms_p99": round(all_gaps[int(len(all_gaps) * 0.99)], 2),
        "typing_stall_ms_median": round(statistics.median(all_gaps), 2),
        "typing_stall_by_field_ms": by_field,
        "typing_keys": keys,
        "typing_autosaves": len(saves) - len(failed),
        "typing_autosave_errors": [type(error).__name__ for error in failed],
        "typing_meeting_type": chosen.meeting_type,
        "typing_key_interval_ms": KEY_INTERVAL_MS,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("record_dir", type=Path)
    parser.add_argument("--seconds", type=float, default=2.0, help="of typing per field")
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.record_dir, args.seconds), indent=2), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
