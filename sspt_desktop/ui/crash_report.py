"""Bugs: a crash dialog and a log file, after the recorder's text has been saved.

The report holds the traceback only: exception messages of this app never carry student
data, and local variables are not written.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QMessageBox

log = logging.getLogger(__name__)


def install_crash_handler(logs_dir: Path, save_now: Callable[[], bool]) -> None:
    """Route uncaught exceptions to a report file and a dialog, after saving pending text."""

    def handle(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        saved = save_now()
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        report = logs_dir / f"crash-{stamp}.txt"
        try:
            logs_dir.mkdir(parents=True, exist_ok=True)
            report.write_text("".join(traceback.format_exception(kind, exc, tb)), encoding="utf-8")
        except OSError:
            report = Path("(could not be written)")
        log.error("Unexpected error %s; report %s", kind.__name__, report.name)
        QMessageBox.critical(
            None,
            "SSPT Desktop: something went wrong",
            ("Your notes are saved. " if saved else "")
            + "SSPT Desktop ran into an unexpected problem. You can keep working; if it happens "
            f"again, give IT the report {report.name} from the logs folder.",
        )

    sys.excepthook = handle
