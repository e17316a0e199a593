"""Autosave: what the recorder types reaches the database without anyone thinking about it.

``submit`` is called on every edit and only stores the latest content of the pane in a
dictionary (a reference to an immutable value, never a copy or a serialisation); a background
thread hands the batch to the writer, which serialises and commits it, once typing pauses
(``quiet_s``) and never later than ``max_delay_s`` after the first unsaved change, so a steady
typist is saved within a second and neither JSON nor a commit ever runs on the typing path. A
failed write keeps the content queued and retries: nothing typed is dropped because the disk
was briefly full or the database busy. A write the domain refuses (a closed meeting, a value
past its limits) would fail the same way forever, so it is not retried: the panes of the batch
are written one by one, the refused ones are reported (``SaveReport.refused``) and the rest are
saved. The window still shows what was typed and says why it was not kept.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from sspt_desktop.domain.errors import InvalidInput
from sspt_desktop.domain.pane_kinds import PaneContent, PaneKind

log = logging.getLogger(__name__)

PaneKey = tuple[int, PaneKind]  # (meeting id, pane kind)
WriteBatch = Callable[[Mapping[int, Mapping[PaneKind, PaneContent]]], None]

RETRY_AFTER_S = 1.0


def save_due(first_change: float, last_change: float, quiet_s: float, max_delay_s: float) -> float:
    """When pending text is written: after a pause in typing, but never later than
    ``max_delay_s`` after the first unsaved change, however steadily someone types."""
    return min(last_change + quiet_s, first_change + max_delay_s)


@dataclass(frozen=True, slots=True)
class SaveReport:
    """What the last save did: when it finished, or why it failed (text is kept and retried).

    ``refused`` lists the panes whose content the domain refused (never retried), each with
    the refusal; everything else of that batch was saved.
    """

    saved_at: datetime | None
    error: Exception | None = None
    refused: tuple[tuple[PaneKey, InvalidInput], ...] = ()


class PaneAutosaver:
    """Debounced, durable writes of pane content on a worker thread.

    ``write`` receives ``{meeting_id: {pane_kind: content}}`` on the worker thread and must
    serialise and commit durably before it returns.
    ``on_report`` is called from the worker thread after each attempt; a UI adapter turns it
    into a signal.
    """

    def __init__(
        self,
        write: WriteBatch,
        on_report: Callable[[SaveReport], None] | None = None,
        quiet_s: float = 0.3,
        max_delay_s: float = 0.8,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._write = write
        self._on_report = on_report
        self._quiet_s = quiet_s
        self._max_delay_s = max_delay_s
        self._clock = clock
        self._cond = threading.Condition()
        self._pending: dict[PaneKey, PaneContent] = {}
        self._first_change = 0.0
        self._last_change = 0.0
        self._not_before = 0.0  # after a failed write, wait a moment before the next try
        self._submitted = 0
        self._written = 0
        self._hurry = False
        self._closing = False
        self._last_error: Exception | None = None
        self._thread = threading.Thread(target=self._run, name="autosave", daemon=True)
        self._thread.start()

    def submit(self, meeting_id: int, pane: PaneKind, content: PaneContent) -> None:
        """Queue the latest content of a pane. Cheap: safe to call on every keystroke."""
        with self._cond:
            now = self._clock()
            if not self._pending:
                self._first_change = now
            self._last_change = now
            self._pending[(meeting_id, pane)] = content
            self._submitted += 1
            self._cond.notify_all()

    @property
    def has_unsaved(self) -> bool:
        with self._cond:
            return self._written < self._submitted

    @property
    def last_error(self) -> Exception | None:
        with self._cond:
            return self._last_error

    def flush(self, timeout: float = 10.0) -> bool:
        """Write everything submitted so far now; ``True`` once it is durably saved."""
        with self._cond:
            target = self._submitted
            self._hurry = True
            self._cond.notify_all()
            done = self._cond.wait_for(lambda: self._written >= target, timeout)
            return bool(done)

    def close(self, timeout: float = 10.0) -> bool:
        """Flush, then stop the worker. Returns whether everything was saved."""
        saved = self.flush(timeout)
        with self._cond:
            self._closing = True
            self._cond.notify_all()
        self._thread.join(timeout)
        return saved

    def _due(self) -> float:
        due = save_due(self._first_change, self._last_change, self._quiet_s, self._max_delay_s)
        return max(due, self._not_before)

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._pending and not self._closing:
                    self._cond.wait()
                if self._closing and (not self._pending or self._last_error is not None):
                    # On close, a write that still fails is not retried forever: close()
                    # reports it and the window keeps the text on screen.
                    return
                while not self._closing:
                    due = self._not_before if self._hurry else self._due()
                    remaining = due - self._clock()
                    if remaining <= 0:
                        break
                    self._cond.wait(remaining)
                batch = self._pending
                self._pending = {}
                seq = self._submitted
                self._hurry = False
            self._attempt(batch, seq)

    def _attempt(self, batch: dict[PaneKey, PaneContent], seq: int) -> None:
        refused: list[tuple[PaneKey, InvalidInput]] = []
        try:
            try:
                self._write(_grouped(batch))
            except InvalidInput:
                # One refused pane must not keep the others unsaved: write them one by one.
                refused = self._write_each(batch)
        except Exception as exc:  # disk full, database busy: keep the text and try again
            with self._cond:
                for key, content in batch.items():
                    self._pending.setdefault(key, content)  # newer content meanwhile wins
                self._last_error = exc
                self._not_before = self._clock() + RETRY_AFTER_S
                self._cond.notify_all()
            self._report(SaveReport(None, exc))
            return
        with self._cond:
            self._written = max(self._written, seq)
            self._last_error = None
            self._cond.notify_all()
        for (meeting_id, pane), problem in refused:
            log.warning(
                "Autosave: the %s pane of meeting %s was refused: %s",
                pane.value,
                meeting_id,
                type(problem).__name__,
            )
        self._report(SaveReport(datetime.now(), refused=tuple(refused)))

    def _write_each(self, batch: dict[PaneKey, PaneContent]) -> list[tuple[PaneKey, InvalidInput]]:
        """Write each pane alone; environment errors still propagate (and are retried)."""
        refused: list[tuple[PaneKey, InvalidInput]] = []
        for key, content in batch.items():
            try:
                self._write(_grouped({key: content}))
            except InvalidInput as problem:
                refused.append((key, problem))
        return refused

    def _report(self, report: SaveReport) -> None:
        if self._on_report is None:
            return
        try:
            self._on_report(report)
        except Exception as exc:  # a broken listener must not stop the saving
            log.error("Autosave report listener failed: %s", type(exc).__name__)


def _grouped(batch: Mapping[PaneKey, PaneContent]) -> dict[int, dict[PaneKind, PaneContent]]:
    grouped: dict[int, dict[PaneKind, PaneContent]] = {}
    for (meeting_id, pane), content in batch.items():
        grouped.setdefault(meeting_id, {})[pane] = content
    return grouped
