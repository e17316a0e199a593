"""How exact is the meeting timer the person sees? A benchmark of the real Qt timer, not a test.

    python tests/benchmarks/timer_accuracy.py [--seconds 125]

It runs :class:`~sspt_desktop.ui.timer.meeting_timer.MeetingTimer` on ``time.monotonic`` in a Qt event
loop for at least 120 s of wall time, with a scripted meeting: start, pause, resume, +1 minute,
next segment, -1 minute, another pause, previous segment, next again. Every snapshot the UI
renders is written into a label, as the timer panel does, and compared with the truth computed
here independently (the script's own record of when each action happened and how long each
segment has run), read right after the label was set.

Prints one JSON object:
- ``timer_error_ms_max``: the largest difference between the remaining time the UI rendered and
  the true remaining time at the moment it was rendered (goal: at most 100 ms);
- ``label_error_ms_max``: the same for the label's text (whole seconds, rounded up the way the
  countdown shows them): how far the moment the text showed is from the moment it should;
- ``display_staleness_ms_max``: how long after a true second boundary the shown seconds
  changed, the largest over the run (goal: at most 20 ms, one display frame at 50 Hz). Measured
  at each render that follows a stretch of uninterrupted running: the first whole second the
  true remaining time crossed since the previous render, to now. A render that never came
  (a missed boundary) counts when the next one does, and at the end of the run;
- ``display_staleness_ms_mean``: the same, averaged over the seconds that turned;
- ``duration_s``, ``renders``, ``refresh``: how the timer schedules its refreshes.

Rebalancing is switched off so the truth needs no rebalancing arithmetic of its own; the
facilitator's changes of the current segment are the same either way.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from sspt_desktop.domain.clock_text import whole_seconds_left
from sspt_desktop.domain.meeting_clock import ClockSnapshot
from sspt_desktop.domain.meeting_figures import seconds_to_next_tick
from sspt_desktop.services.agenda_catalog import shipped_agenda
from sspt_desktop.services.meeting_timing import MeetingTimingService
from sspt_desktop.services.record_opening import open_memory_keyed_record
from sspt_desktop.storage.locations import DataLocations
from sspt_desktop.ui.timer.meeting_timer import MeetingTimer
from tests.support.records import add_sample_meeting

# (seconds after the start, action), scaled to the run's length.
SCRIPT = (
    (0.0, "start"),
    (18.0, "pause"),
    (25.0, "resume"),
    (38.0, "add_minute"),
    (52.0, "next"),
    (66.0, "remove_minute"),
    (78.0, "pause"),
    (82.5, "resume"),
    (95.0, "previous"),
    (108.0, "next"),
)


class Truth:
    """The meeting as this script knows it: when it ran, on which segment, with which plan."""

    def __init__(self, planned: tuple[int, ...]) -> None:
        self.planned = list(planned)
        self.spent = [0.0] * len(planned)
        self.index = 0
        self.running_since: float | None = None

    def act(self, action: str, now: float) -> None:
        if self.running_since is not None:
            self.spent[self.index] += now - self.running_since
            self.running_since = now
        if action in ("start", "resume"):
            self.running_since = now
        elif action == "pause":
            self.running_since = None
        elif action == "add_minute":
            self.planned[self.index] += 60
        elif action == "remove_minute":
            self.planned[self.index] = max(0, self.planned[self.index] - 60)
        elif action == "next":
            self.index += 1
        elif action == "previous":
            self.index -= 1

    def remaining(self, now: float) -> float:
        spent = self.spent[self.index]
        if self.running_since is not None:
            spent += now - self.running_since
        return self.planned[self.index] - spent


def measure(seconds: float = 125.0) -> dict[str, Any]:
    """Run the scripted meeting for ``seconds`` (at least 120) and return the figures."""
    seconds = max(120.0, seconds)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="sspt-timer-bench-") as folder:
        record = open_memory_keyed_record(DataLocations(Path(folder)))
        try:
            meeting_id = add_sample_meeting(record.sessions)
            timer = MeetingTimer(MeetingTimingService(record.sessions), time.monotonic)
            timer.load(meeting_id, shipped_agenda(), 30)
            timer.set_rebalance(False)
            assert timer.allocation is not None
            truth = Truth(timer.allocation.seconds)
            label = QLabel()
            errors: list[float] = []
            label_errors: list[float] = []
            staleness: list[float] = []
            last: list[tuple[float, float]] = []  # (rendered at, true remaining then)

            def late_since(now: float) -> float | None:
                """How long ago the first second boundary after the last render passed."""
                if not last or truth.running_since is None:
                    return None
                rendered_at, remaining_then = last[-1]
                boundary = rendered_at + seconds_to_next_tick(remaining_then)
                return now - boundary if now >= boundary else None

            def render(snapshot: ClockSnapshot) -> None:
                label.setText(snapshot.clock_text)
                now = time.monotonic()
                if truth.running_since is None and not any(truth.spent):
                    return  # not started: nothing to compare
                true_remaining = truth.remaining(now)
                errors.append(abs(snapshot.remaining_seconds - true_remaining))
                shown = int(label.text().split(":")[0]) * 60 + int(label.text().split(":")[1])
                if shown != whole_seconds_left(true_remaining):
                    # The text is a whole second off: how far is now from the moment it was right?
                    boundary = true_remaining - math.floor(true_remaining)
                    label_errors.append(min(boundary, 1 - boundary))
                else:
                    label_errors.append(0.0)
                late = late_since(now)
                if late is not None:
                    staleness.append(late)
                if truth.running_since is not None:
                    last[:] = [(now, true_remaining)]

            timer.snapshotChanged.connect(render)
            scale = seconds / 125.0
            started = time.monotonic()
            for at, action in SCRIPT:

                def run(action: str = action) -> None:
                    last.clear()  # an action changes the figure on purpose: not staleness
                    truth.act(action, time.monotonic())
                    if action in ("start", "resume", "pause"):
                        timer.toggle_pause()
                    elif action == "next":
                        timer.next_segment()
                    elif action == "previous":
                        timer.previous_segment()
                    else:
                        getattr(timer, action)()

                QTimer.singleShot(round(at * scale * 1000), run)
            loop = QEventLoop()
            QTimer.singleShot(round(seconds * 1000), loop.quit)
            loop.exec()
            duration = time.monotonic() - started
            missed = late_since(time.monotonic())
            if missed is not None:
                staleness.append(missed)
            timer.stop(save=False)
            timer.snapshotChanged.disconnect(render)
            # Qt objects go before the interpreter does: PySide6 can crash while finalising
            # objects that are still connected to Python closures.
            timer.deleteLater()
            label.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            app.processEvents()
        finally:
            record.close()
    return {
        "timer_error_ms_max": round(max(errors) * 1000, 3),
        "timer_error_ms_mean": round(sum(errors) / len(errors) * 1000, 3),
        "label_error_ms_max": round(max(label_errors) * 1000, 3),
        "display_staleness_ms_max": round(max(staleness) * 1000, 1),
        "display_staleness_ms_mean": round(sum(staleness) / len(staleness) * 1000, 2),
        "renders": len(errors),
        "refresh": "on the second boundary",
        "duration_s": round(duration, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=125.0, help="wall time (at least 120)")
    args = parser.parse_args()
    print(json.dumps(measure(args.seconds)), flush=True)
    sys.stderr.flush()
    # PySide6 6.12 can abort while the interpreter finalises after a long Qt run ("bool_dealloc"
    # during garbage collection); the figures are printed, so leave without finalising.
    os._exit(0)


if __name__ == "__main__":
    main()
