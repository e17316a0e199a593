"""Errors of the record that the user interface shows, named where it may import them.

The user interface never imports storage or security (an import-linter contract keeps it so);
the errors it catches from the use cases are named here. :class:`StorageError` is the
environment's (a full disk, a busy or unreadable database): the person gets its message and
nothing typed is lost.
"""

from __future__ import annotations

from sspt_desktop.services.student_records import DuplicateStudentNumber
from sspt_desktop.storage.errors import StorageError

__all__ = ["DuplicateStudentNumber", "StorageError"]
