"""The student dialog moved to :mod:`sspt_desktop.ui.records.student_dialog`; this name is kept
until the last callers import it from there."""

from __future__ import annotations

from sspt_desktop.ui.records.student_dialog import StudentDialog

__all__ = ["StudentDialog"]
