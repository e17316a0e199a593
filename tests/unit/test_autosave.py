"""The autosaver, with its real worker thread and a recording writer."""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping

from sspt_desktop.domain.errors import InvalidInput
from sspt_desktop.domain.pane_kinds import PaneContent, PaneKind
from sspt_desktop.services.autosave import PaneAutosaver, SaveReport, save_due
from tests.support.records import with_notes

STRENGTHS, PROBLEM, GOALS = PaneKind.STRENGTHS, PaneKind.PROBLEM, PaneKind.GOALS
PLAN, CLOSURE = PaneKind.PLAN, PaneKind.CLOSURE


class RecordingWriter:
    def __init__(self) -> None:
        self.batches: list[dict[int, dict[PaneKind, PaneContent]]] = []
        self.fail_next = 0
        self.refusals = 0
        self.lock = threading.Lock()

    def __call__(self, batch: Mapping[int, Mapping[PaneKind, PaneContent]]) -> None:
        with self.lock:
            if self.fail_next:
                self.fail_next -= 1
                raise OSError(28, "No space left on device")
            self.batches.append({k: dict(v) for k, v in batch.items()})

    def latest(self, meeting_id: int, pane: PaneKind) -> str | None:
        """The notes of the pane's latest written content."""
        with self.lock:
            for batch in reversed(self.batches):
                if pane in batch.get(meeting_id, {}):
                    return batch[meeting_id][pane].notes
        return None


def test_a_burst_of_keystrokes_becomes_one_write() -> None:
    writer = RecordingWriter()
    saver = PaneAutosaver(writer, quiet_s=0.2, max_delay_s=0.8)
    for n in range(1, 30):
        saver.submit(1, STRENGTHS, with_notes(STRENGTHS, "x" * n))
    deadline = time.monotonic() + 5
    while saver.has_unsaved and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not saver.has_unsaved
    # Typically one write; a slow machine may split the burst, but the last text always wins.
    assert 1 <= len(writer.batches) <= 3
    assert writer.latest(1, STRENGTHS) == "x" * 29
    saver.close()


def test_a_steady_typist_is_saved_within_the_maximum_delay() -> None:
    """Due after a pause in typing, and never later than max_delay_s after the first unsaved
    keystroke, however steadily the recorder types (the one-second promise)."""
    assert save_due(100.0, 100.0, quiet_s=0.3, max_delay_s=0.8) == 100.3
    assert save_due(100.0, 100.4, quiet_s=0.3, max_delay_s=0.8) == 100.7
    # A keystroke every 0.1 s for two seconds: still due 0.8 s after the first one.
    assert save_due(100.0, 102.0, quiet_s=0.3, max_delay_s=0.8) == 100.8


def test_flush_writes_at_once_and_reports() -> None:
    writer = RecordingWriter()
    reports: list[SaveReport] = []
    saver = PaneAutosaver(writer, reports.append, quiet_s=30, max_delay_s=60)
    saver.submit(7, PROBLEM, with_notes(PROBLEM, "Reads 48 wcpm"))
    saver.submit(7, GOALS, with_notes(GOALS, "Reads 70 wcpm by March"))
    assert saver.flush(timeout=5)
    assert writer.latest(7, PROBLEM) == "Reads 48 wcpm"
    assert writer.latest(7, GOALS) == "Reads 70 wcpm by March"
    assert reports and reports[-1].error is None and reports[-1].saved_at is not None
    saver.close()


def test_a_failed_write_keeps_the_text_and_retries() -> None:
    writer = RecordingWriter()
    writer.fail_next = 2
    reports: list[SaveReport] = []
    saver = PaneAutosaver(writer, reports.append, quiet_s=0.01, max_delay_s=0.05)
    saver.submit(3, PLAN, with_notes(PLAN, "Check-in/check-out daily"))
    assert saver.flush(timeout=10)
    assert writer.latest(3, PLAN) == "Check-in/check-out daily"
    errors = [r for r in reports if r.error is not None]
    assert len(errors) == 2
    assert reports[-1].error is None
    saver.close()


def test_newer_text_typed_during_a_failure_wins() -> None:
    writer = RecordingWriter()
    writer.fail_next = 1
    saver = PaneAutosaver(writer, quiet_s=0.01, max_delay_s=0.02)
    saver.submit(3, PLAN, with_notes(PLAN, "old"))
    deadline = time.monotonic() + 5
    while saver.last_error is None and time.monotonic() < deadline:
        time.sleep(0.005)
    saver.submit(3, PLAN, with_notes(PLAN, "new"))
    assert saver.flush(timeout=10)
    assert writer.latest(3, PLAN) == "new"
    saver.close()


def test_close_reports_unsaved_text_instead_of_hanging() -> None:
    writer = RecordingWriter()
    writer.fail_next = 10_000
    saver = PaneAutosaver(writer, quiet_s=0.01, max_delay_s=0.02)
    saver.submit(1, CLOSURE, with_notes(CLOSURE, "Follow-up on May 3"))
    assert saver.close(timeout=0.5) is False
    assert saver.has_unsaved


class RecordedSerialisation:
    """A pane content that records on which thread it was serialised."""

    notes = ""

    def __init__(self) -> None:
        self.threads: list[str] = []

    def missing(self) -> tuple[()]:
        return ()

    def to_json(self) -> dict[str, object]:
        self.threads.append(threading.current_thread().name)
        return {"version": 1, "notes": self.notes}


def test_structured_content_is_serialised_on_the_worker_never_on_submit() -> None:
    content = RecordedSerialisation()
    received: list[object] = []

    def write(batch: Mapping[int, Mapping[PaneKind, object]]) -> None:
        for panes in batch.values():
            for value in panes.values():
                received.append(value)
                if isinstance(value, RecordedSerialisation):
                    value.to_json()

    saver = PaneAutosaver(write, quiet_s=30, max_delay_s=60)  # type: ignore[arg-type]
    saver.submit(4, PaneKind.GOALS, content)  # type: ignore[arg-type]
    assert content.threads == []  # nothing serialised while the recorder types
    assert saver.flush(timeout=5)
    assert received == [content]  # the very object, not a copy
    assert content.threads == ["autosave"]
    saver.close()


def test_the_queue_keeps_each_meetings_panes_apart_and_the_latest_content_wins() -> None:
    writer = RecordingWriter()
    saver = PaneAutosaver(writer, quiet_s=30, max_delay_s=60)
    first, latest = with_notes(STRENGTHS, "typed first"), with_notes(STRENGTHS, "then more")
    other_meeting = with_notes(STRENGTHS, "another meeting")
    problem = with_notes(PROBLEM, "Reads 48 wcpm")
    saver.submit(2, STRENGTHS, first)
    saver.submit(5, STRENGTHS, other_meeting)
    saver.submit(2, PROBLEM, problem)
    saver.submit(2, STRENGTHS, latest)
    assert saver.flush(timeout=5)
    # One write: the very objects submitted last, by meeting and pane kind.
    assert writer.batches == [
        {2: {STRENGTHS: latest, PROBLEM: problem}, 5: {STRENGTHS: other_meeting}}
    ]
    assert writer.batches[0][2][STRENGTHS] is latest
    saver.close()


class RefusingWriter(RecordingWriter):
    """Refuses any batch holding a pane whose notes start with 'REFUSE', as the domain
    refuses a closed meeting or a value past its limits."""

    def __call__(self, batch: Mapping[int, Mapping[PaneKind, PaneContent]]) -> None:
        for contents in batch.values():
            for value in contents.values():
                if value.notes.startswith("REFUSE"):
                    self.refusals += 1
                    raise InvalidInput("refused")
        super().__call__(batch)


def test_a_refused_pane_is_reported_once_and_the_others_are_saved() -> None:
    writer = RefusingWriter()
    reports: list[SaveReport] = []
    saver = PaneAutosaver(writer, reports.append, quiet_s=30, max_delay_s=60)
    saver.submit(4, PROBLEM, with_notes(PROBLEM, "REFUSE this"))
    saver.submit(4, GOALS, with_notes(GOALS, "Reads 70 wcpm by March"))
    assert saver.flush(timeout=5)
    assert writer.latest(4, GOALS) == "Reads 70 wcpm by March"
    deadline = time.monotonic() + 5  # the report follows the write on the worker thread
    while not reports and time.monotonic() < deadline:
        time.sleep(0.005)
    refused = [key for report in reports for key, _problem in report.refused]
    assert refused == [(4, PaneKind.PROBLEM)]
    assert not saver.has_unsaved
    # Not retried: a refusal would fail the same way for ever.
    assert writer.refusals == 2  # the batch, then the pane alone
    saver.close()
