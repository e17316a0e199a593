"""The quiet "saved 2 s ago" in the status bar: the only sign that saving exists."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from sspt_desktop.services.autosave import SaveReport


class AutosaveSignals(QObject):
    """Carries autosave reports from the writer thread to the UI thread.

    Signals:
        reported(object): a :class:`SaveReport`, delivered on the UI thread (queued connection).
    """

    reported = Signal(object)

    def callback(self) -> Callable[[SaveReport], None]:
        return self.reported.emit


class AutosaveStatus(QLabel):
    """Shows when the text was last saved, or, plainly, that it is not saved yet and why.

    Signals: none of its own.
    """

    def __init__(self, signals: AutosaveSignals, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("autosaveStatus")
        self._saved_at: datetime | None = None
        self._error: Exception | None = None
        self._refused = False
        self._pending = False
        signals.reported.connect(self._on_report, Qt.ConnectionType.QueuedConnection)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._refresh)
        self._tick.start()
        self._refresh()

    def mark_pending(self) -> None:
        self._pending = True

    def _on_report(self, report: SaveReport) -> None:
        self._error = report.error
        if report.error is None:
            self._saved_at = report.saved_at
            self._pending = False
            self._refused = bool(report.refused)
        self._refresh()

    def _refresh(self) -> None:
        if self._refused:
            # The domain refused a pane's content (a closed meeting, a value past its limits):
            # retrying cannot help, so say so until the next save that keeps everything.
            self._set_problem(True)
            self.setText(
                self.tr(
                    "Not saved: part of what was typed cannot be kept as it is. It is still "
                    "on screen; see the message at the field."
                )
            )
            return
        if self._error is not None:
            self._set_problem(True)
            self.setText(
                self.tr(
                    "Not saved yet: the database could not be written. Your text is still "
                    "on screen and will be saved as soon as possible."
                )
            )
            return
        self._set_problem(False)
        if self._saved_at is None:
            self.setText(self.tr("saving…") if self._pending else "")
            return
        seconds = int((datetime.now() - self._saved_at).total_seconds())
        if seconds < 60:
            self.setText(self.tr("saved %n s ago", "", max(seconds, 0)))
        else:
            self.setText(self.tr("saved at %1").replace("%1", f"{self._saved_at:%H:%M}"))

    def _set_problem(self, problem: bool) -> None:
        if self.property("problem") == problem:
            return
        self.setProperty("problem", problem)
        # Re-polish so the stylesheet's [problem="true"] rule applies.
        self.style().unpolish(self)
        self.style().polish(self)
