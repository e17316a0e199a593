"""Whether the app's last run shut down cleanly, and which meeting it had open if not.

A small file beside the instance lock, ``running.json``, is written when the record opens and
rewritten whenever a meeting opens for the team to run; the clean shutdown deletes it once
everything is saved. Finding it at the next start means the app stopped without shutting
down (killed, aborted by a fault in a library, the computer lost power) whatever the meeting
timer was doing: a timer paused or never started leaves nothing else behind to tell a crash
from a quit.

The file holds only the meeting's row number, never a name or anything typed. It lives in the
data folder rather than in the record because it describes this computer's run of the app
(a record on a shared server is open on several at once), and because a crash must not leave
a write half-made inside the record. Every write replaces the file whole, so a crash while
writing leaves the old file or the new one, never a torn one.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass

from sspt_desktop.storage.locations import DataLocations

log = logging.getLogger(__name__)

MARKER_NAME = "running.json"
MARKER_FORMAT = 1


@dataclass(frozen=True, slots=True)
class LastRun:
    """What the marker says of the previous run: whether it shut down cleanly and, if not,
    the meeting it had open (``None`` when none was, or the file could not be read)."""

    clean: bool
    open_meeting_id: int | None = None


CLEAN = LastRun(clean=True)


class CleanShutdownMarker:
    """The running marker of one data folder; no Qt.

    A marker that cannot be written is logged and otherwise ignored: it only serves the next
    start's message, and must never stop a meeting.
    """

    def __init__(self, locations: DataLocations) -> None:
        self.path = locations.data_dir / MARKER_NAME

    def last_run(self) -> LastRun:
        """Read what the previous run left, before :meth:`start` overwrites it."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return CLEAN
        except OSError as exc:
            log.warning("Could not read the running marker: %s", type(exc).__name__)
            return LastRun(clean=False)
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            return LastRun(clean=False)  # there, so the run did not end cleanly
        meeting_id = data.get("open_meeting") if isinstance(data, dict) else None
        if isinstance(meeting_id, int) and not isinstance(meeting_id, bool):
            return LastRun(clean=False, open_meeting_id=meeting_id)
        return LastRun(clean=False)

    def start(self) -> None:
        """The record is open and no meeting yet: from now on a stop is unclean until
        :meth:`clear`."""
        self._write(None)

    def meeting_opened(self, meeting_id: int) -> None:
        """A meeting opened for the team to run: it is the one to reopen after a crash."""
        self._write(meeting_id)

    def clear(self) -> None:
        """The run ends cleanly: everything is saved."""
        try:
            self.path.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("Could not remove the running marker: %s", type(exc).__name__)

    def _write(self, meeting_id: int | None) -> None:
        text = json.dumps({"format": MARKER_FORMAT, "open_meeting": meeting_id})
        partial = self.path.with_name(MARKER_NAME + ".new")
        try:
            partial.write_text(text, encoding="utf-8")
            os.replace(partial, self.path)
        except OSError as exc:
            log.warning("Could not write the running marker: %s", type(exc).__name__)
