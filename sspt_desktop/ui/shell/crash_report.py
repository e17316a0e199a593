"""Bugs: a crash dialog and a log file, after the recorder's text has been saved.

The report holds the exception's type and the code path (file, line, function) only: an
exception's message can quote data (a database error quotes its statement), so it is left
out, and so are local variables.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

log = logging.getLogger(__name__)


def crash_text(kind: type[BaseException], tb: TracebackType | None) -> str:
    """The report: what kind of error, and where, without any message or value."""
    frames = traceback.extract_tb(tb)
    lines = [f"{kind.__module__}.{kind.__qualname__}", "Most recent call last:"]
    lines += [f"  {frame.filename}:{frame.lineno} in {frame.name}" for frame in frames]
    return "\n".join(lines) + "\n"


def install_crash_handler(logs_dir: Path, save_now: Callable[[], bool]) -> None:
    """Route uncaught exceptions to a report file and a dialog, after saving pending text."""

    def handle(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        saved = save_now()
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        report = logs_dir / f"crash-{stamp}.txt"
        try:
            logs_dir.mkdir(parents=True, exist_ok=True)
            report.write_text(crash_text(kind, tb), encoding="utf-8")
        except OSError:
            report = Path("(could not be written)")
        log.error("Unexpected error %s; report %s", kind.__name__, report.name)
        tr = QCoreApplication.translate
        QMessageBox.critical(
            None,
            tr("crash", "SSPT Desktop: something went wrong"),
            (tr("crash", "Your notes are saved. ") if saved else "")
            + tr(
                "crash",
                "SSPT Desktop ran into an unexpected problem. You can keep working; if it "
                "happens again, give IT the report %1 from the logs folder.",
            ).replace("%1", report.name),
        )

    sys.excepthook = handle
