"""The generated record as the benchmark scripts use it: opened as the app opens it, and the
meetings worth measuring on. No Qt here.
"""

from __future__ import annotations

import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import func, select

from sspt_desktop.security.keychain import Keychain
from sspt_desktop.services.record_opening import OpenRecord, open_record
from sspt_desktop.storage.locations import DataLocations
from sspt_desktop.storage.models import MeetingRow


class NoPerson:
    """Unlock prompts that never answer: in keychain mode nobody is asked anything."""

    def ask_passphrase(self, message: str) -> str | None:
        return None

    def choose_passphrase(self, message: str) -> str | None:
        return None


def open_bench_record(record_dir: Path) -> OpenRecord:
    """The generated record, opened the way the app opens it (key from the keychain)."""
    return open_record(DataLocations(record_dir), Keychain(), NoPerson())


@dataclass(frozen=True, slots=True)
class MeetingInProgress:
    """A student's current meeting: all seven panes filled by the generator."""

    meeting_id: int
    student_id: int
    meeting_type: str
    meetings_of_student: int


def meetings_in_progress(record: OpenRecord, count: int) -> list[MeetingInProgress]:
    """Up to ``count`` student meetings still in progress, the longest histories first (the
    most to read when the meeting opens)."""
    with record.sessions() as session:
        history = (
            select(MeetingRow.student_id, func.count().label("n"))
            .where(MeetingRow.student_id.is_not(None))
            .group_by(MeetingRow.student_id)
            .subquery()
        )
        rows = session.execute(
            select(MeetingRow.id, MeetingRow.student_id, MeetingRow.meeting_type, history.c.n)
            .join(history, history.c.student_id == MeetingRow.student_id)
            .where(MeetingRow.status == "in_progress")
            .order_by(history.c.n.desc(), MeetingRow.id)
            .limit(count)
        ).all()
    found = [MeetingInProgress(m, s, t, n) for m, s, t, n in rows]
    if not found:
        raise SystemExit("The generated record has no student meeting in progress.")
    return found


def ms(seconds: list[float]) -> float:
    """The median of ``seconds``, in milliseconds."""
    return round(statistics.median(seconds) * 1000, 2)


def ms_max(seconds: list[float]) -> float:
    return round(max(seconds) * 1000, 2)
