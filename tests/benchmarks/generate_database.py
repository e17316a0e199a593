"""Build a five-year SSPT record of a large school, for the benchmarks.

    python tests/benchmarks/generate_database.py DATA_DIR [--students N --meetings M --seed S]

The record is created the way the app creates it (``open_record`` with the OS keychain: the key
goes to the keychain, ``key.json`` beside the database), then filled with bulk inserts in a few
big transactions. Everything is deterministic for a seed, and every name is invented: given and
family names are drawn independently from lists, so no row describes a real person.

Every student with meetings has a case; every meeting holds structured content in every pane
kind (attendance with roles, tagged strengths, a measurable problem, the case's goals and plan
rows with this meeting's reviews, ideas, action items and the follow-up), each with notes.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from random import Random
from typing import Any

from invented_text import (
    FAMILY_LANGUAGES,
    FAMILY_NAMES,
    GIVEN_NAMES,
    GRADES,
    LANGUAGE_STATUS,
    LOCATIONS,
    PANE_LENGTH,
    PANE_SENTENCES,
    STAFF_JOBS,
    SUBJECTS,
    SUPPORT_ROLES,
    TITLES,
    WEEKDAYS,
)
from sqlalchemy import insert
from structured_panes import CaseRecords, case_records, structured_panes

from sspt_desktop.security.keychain import Keychain
from sspt_desktop.services.agenda_catalog import shipped_agenda
from sspt_desktop.services.record_opening import open_record
from sspt_desktop.storage.locations import DataLocations
from sspt_desktop.storage.models import (
    AttendeeRow,
    CaseRow,
    GoalRow,
    MeetingRow,
    PaneContentRow,
    PlanItemRow,
    SegmentTimingRow,
    StudentRow,
)
from sspt_desktop.storage.student_keys import student_keys

YEARS = 5
MEETINGS_PER_TRANSACTION = 1000


@dataclass(frozen=True, slots=True)
class Generated:
    """What :func:`generate` wrote and how long it took."""

    students: int
    meetings: int
    pane_texts: int  # pane contents (the key keeps the name earlier results used)
    attendees: int
    database_bytes: int
    seconds: float
    keychain_backend: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "students": self.students,
            "meetings": self.meetings,
            "pane_texts": self.pane_texts,
            "attendees": self.attendees,
            "db_size_mb": round(self.database_bytes / 1_000_000, 2),
            "generate_s": round(self.seconds, 2),
            "keychain_backend": self.keychain_backend,
        }


class _NoPerson:
    """Unlock prompts for a script: a keychain is required, so no passphrase is ever chosen."""

    def ask_passphrase(self, message: str) -> str | None:
        return None

    def choose_passphrase(self, message: str) -> str | None:
        return None


def _weighted(rng: Random, pairs: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def _person(rng: Random) -> str:
    return f"{rng.choice(GIVEN_NAMES)} {rng.choice(FAMILY_NAMES)}"


def _staff(rng: Random) -> str:
    return f"{rng.choice(TITLES)} {rng.choice(FAMILY_NAMES)}"


def _uuid(rng: Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _school_day(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _pane_text(rng: Random, pane: str, slots: dict[str, str]) -> str:
    """A recorder's notes: sentences of the pane, some as bullet lines, up to a varied length."""
    low, high = PANE_LENGTH[pane]
    target = rng.randint(low, high)
    # Each sentence once before any repeats, in a shuffled order.
    pool = PANE_SENTENCES[pane]
    sentences = rng.sample(pool, len(pool))
    lines: list[str] = []
    line: list[str] = []
    size = count = 0
    while size < target:
        sentence = sentences[count % len(sentences)].format(
            n=rng.randint(40, 95), m=rng.randint(2, 9), x=rng.choice(SUBJECTS), **slots
        )
        line.append(sentence)
        size += len(sentence) + 1
        count += 1
        if rng.random() < 0.4:
            lines.append(" ".join(line))
            line = []
    if line:
        lines.append(" ".join(line))
    bullet = "- " if rng.random() < 0.5 else ""
    return "\n".join(bullet + text for text in lines)


def _sayer(
    rng: Random, student: dict[str, Any] | None, slots: dict[str, str] | None = None
) -> Callable[[str], str]:
    """One invented sentence of a pane at a time ("staff" gives a staff member's name)."""
    words = slots or {
        "s": student["first_name"] if student else "each student",
        "t": _staff(rng),
        "p": "the family",
        "d": rng.choice(WEEKDAYS),
    }

    def say(pane: str) -> str:
        if pane == "staff":
            return _staff(rng)
        return rng.choice(PANE_SENTENCES[pane]).format(
            n=rng.randint(40, 95), m=rng.randint(2, 9), x=rng.choice(SUBJECTS), **words
        )

    return say


def _students(rng: Random, count: int, now: datetime) -> list[dict[str, Any]]:
    numbers = rng.sample(range(1_000_000, 9_999_999), count)
    rows = []
    for index in range(count):
        grade = rng.choice(GRADES)
        age = 5 + (0 if grade == "K" else int(grade))
        birth = date(now.year - age - rng.randint(0, 1), rng.randint(1, 12), rng.randint(1, 28))
        first, last = rng.choice(GIVEN_NAMES), rng.choice(FAMILY_NAMES)
        keys = student_keys(first, last, str(numbers[index]))
        rows.append(
            {
                "id": index + 1,
                "uuid": str(_uuid(rng)),
                "student_number": str(numbers[index]),
                "first_name": first,
                "last_name": last,
                "search_key": keys.search_key,
                "sort_key": keys.sort_key,
                "number_key": keys.number_key,
                "grade": grade,
                "birth_date": birth,
                "language_status": _weighted(rng, LANGUAGE_STATUS),
                "preferred_language": _weighted(rng, FAMILY_LANGUAGES),
                "referred_by": f"{_staff(rng)} ({rng.choice(STAFF_JOBS)})",
                "created_at": now - timedelta(days=rng.randint(0, 365 * YEARS)),
                "updated_at": now,
            }
        )
    return rows


def _meeting_plan(rng: Random, students: int, meetings: int) -> list[int | None]:
    """The student of each meeting (``None``: school-wide), one list entry per meeting."""
    school_wide = min(meetings, max(meetings // 40, 1))
    referral = meetings - school_wide
    counts = [0] * students
    for index in range(min(referral, students)):
        counts[index] = 1  # every student in the record has had an initial meeting
    for _ in range(referral - min(referral, students)):
        counts[rng.randrange(students)] += 1
    owners: list[int | None] = [sid + 1 for sid, n in enumerate(counts) for _ in range(n)]
    owners += [None] * school_wide
    return owners


def _meetings(
    rng: Random, owners: list[int | None], students: list[dict[str, Any]], today: date
) -> Iterator[tuple[dict[str, Any], dict[str, Any] | None]]:
    """Meeting rows in id order, each with its student's row (``None`` for school-wide)."""
    first_day = today - timedelta(days=365 * YEARS)
    chain_of: dict[int, list[int]] = {}
    for index, owner in enumerate(owners):
        if owner is not None:
            chain_of.setdefault(owner, []).append(index)
    dates: dict[int, date] = {}
    for chain in chain_of.values():
        gaps = [rng.randint(28, 63) for _ in chain[1:]]
        latest_start = max((today - first_day).days - sum(gaps), 0)
        day = first_day + timedelta(days=rng.randint(0, latest_start))
        for position, index in enumerate(chain):
            if position:
                day += timedelta(days=gaps[position - 1])
            dates[index] = _school_day(day)
    types = ("initial", "follow_up_1", "follow_up_2", "follow_up_3")
    for index, owner in enumerate(owners):
        if owner is None:
            day = _school_day(first_day + timedelta(days=rng.randint(0, 365 * YEARS)))
            kind, previous, student = "school_wide", None, None
        else:
            chain = chain_of[owner]
            position = chain.index(index)
            day, student = dates[index], students[owner - 1]
            kind = types[min(position, 3)]
            if position >= 4 and student["language_status"] == "EL" and rng.random() < 0.3:
                kind = "reclassification"
            previous = chain[position - 1] + 1 if position else None
        last_of_chain = owner is None or chain_of[owner][-1] == index
        recent = (today - day).days < 21
        status = "in_progress" if last_of_chain and recent else "closed"
        created = datetime.combine(day, clock_time(8), tzinfo=UTC)
        yield (
            {
                "id": index + 1,
                "uuid": str(_uuid(rng)),
                "student_id": owner,
                "case_id": owner,  # one case per student, numbered like the student
                "start_time": clock_time(rng.choice((8, 10, 13, 15)), rng.choice((0, 15, 30))),
                "meeting_type": kind,
                "meeting_date": day,
                "location": rng.choice(LOCATIONS),
                "status": status,
                "total_minutes": rng.choice((25, 30, 30, 30, 35)),
                "previous_meeting_id": previous,
                "follow_up_date": _school_day(day + timedelta(days=42)) if owner else None,
                "close_reason": "",
                "created_at": created,
                "updated_at": created + timedelta(minutes=40),
                "closed_at": created + timedelta(minutes=35) if status == "closed" else None,
            },
            student,
        )


def _fill(
    rng: Random,
    meeting: dict[str, Any],
    student: dict[str, Any] | None,
    agenda: Any,
    case: CaseRecords | None,
) -> tuple[list[dict[str, Any]], ...]:
    """Attendees, pane contents and segment timings of one meeting."""
    meeting_id = meeting["id"]
    updated = meeting["updated_at"]
    people = [(_staff(rng), role) for role in ("facilitator", "timekeeper", "recorder")]
    if student is not None:
        people.append((_staff(rng), "case_manager"))
        parent = f"{_person(rng).split()[0]} {student['last_name']}"
        people.append((parent, "parent"))
        if rng.random() < 0.2:
            people.append((f"{student['first_name']} {student['last_name']}", "student"))
    else:
        parent = "the families"
    people += [(_staff(rng), rng.choice(SUPPORT_ROLES)) for _ in range(rng.randint(0, 3))]
    attendees = [
        {"meeting_id": meeting_id, "position": i, "name": name, "role": role}
        for i, (name, role) in enumerate(people)
    ]
    slots = {
        "s": student["first_name"] if student else "each student",
        "t": people[0][0],
        "p": parent,
        "d": rng.choice(WEEKDAYS),
    }
    notes = {pane: _pane_text(rng, pane, slots) for pane in PANE_LENGTH}
    contents = structured_panes(rng, meeting, people, notes, _sayer(rng, student, slots), case)
    panes = [
        {
            "meeting_id": meeting_id,
            "kind": kind,
            "content_json": json.dumps(content, ensure_ascii=False),
            "updated_at": updated,
        }
        for kind, content in contents.items()
    ]
    timings = [
        {
            "meeting_id": meeting_id,
            "position": i,
            "segment_key": segment.key,
            "title": segment.title,
            "planned_seconds": int(segment.max_minutes * 60),
            "actual_seconds": int(segment.max_minutes * 60 * rng.uniform(0.6, 1.4)),
        }
        for i, segment in enumerate(agenda)
    ]
    return attendees, panes, timings


def generate(
    data_dir: Path,
    students: int = 2500,
    meetings: int = 5000,
    seed: int = 2024,
    keychain: Keychain | None = None,
    progress: Any = None,
) -> Generated:
    """Create a new record in ``data_dir`` and fill it; refuses to touch an existing record."""
    started = time.perf_counter()
    locations = DataLocations(data_dir)
    if locations.database.exists() or locations.key_envelope.exists():
        raise SystemExit(f"{data_dir} already holds an SSPT record; choose an empty folder.")
    keychain = keychain or Keychain()
    status = keychain.status()
    if not status.usable:
        raise SystemExit(f"The benchmark record needs a keychain: {status.reason}")
    record = open_record(locations, keychain, _NoPerson())
    rng = Random(seed)
    now = datetime.now(UTC).replace(microsecond=0)
    agenda = shipped_agenda()
    agenda_json = agenda.to_json()
    say = progress or (lambda text: None)
    pane_count = attendee_count = 0
    try:
        student_rows = _students(rng, students, now)
        with record.sessions.begin() as session:
            session.execute(insert(StudentRow), student_rows)
        say(f"{students} students written")
        owners = _meeting_plan(rng, students, meetings)
        batch: dict[type, list[dict[str, Any]]] = {}
        tables = (MeetingRow, AttendeeRow, PaneContentRow, SegmentTimingRow)
        cases: dict[int, CaseRecords] = {}

        def write_batch() -> None:
            with record.sessions.begin() as session:
                for table in (CaseRow, *tables, GoalRow, PlanItemRow):
                    if batch.get(table):
                        session.execute(insert(table), batch[table])
            batch.clear()

        for meeting, student in _meetings(rng, owners, student_rows, now.date()):
            meeting["agenda_json"] = agenda_json
            batch.setdefault(MeetingRow, []).append(meeting)
            case = None
            if student is not None:
                case = cases.get(student["id"])
                if case is None:
                    # The student's first meeting opens the case and sets its goals and plan.
                    case = case_records(rng, meeting, student, _sayer(rng, student))
                    cases[student["id"]] = case
                    batch.setdefault(CaseRow, []).append(case.row)
                    batch.setdefault(GoalRow, []).extend(case.goal_rows)
                    batch.setdefault(PlanItemRow, []).extend(case.item_rows)
            parts = _fill(rng, meeting, student, agenda, case)
            for table, rows in zip(tables[1:], parts, strict=True):
                batch.setdefault(table, []).extend(rows)
            pane_count += len(parts[1])
            attendee_count += len(parts[0])
            if len(batch[MeetingRow]) >= MEETINGS_PER_TRANSACTION:
                write_batch()
                say(f"{meeting['id']} meetings written")
        if batch:
            write_batch()
        # Fold the WAL into the file, so its size is the record's size. On the raw connection:
        # SQLAlchemy would first open a transaction, inside which SQLite refuses to checkpoint.
        raw = record.engine.raw_connection()
        try:
            raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        finally:
            raw.close()
    finally:
        record.close()
    return Generated(
        students=students,
        meetings=meetings,
        pane_texts=pane_count,
        attendees=attendee_count,
        database_bytes=locations.database.stat().st_size,
        seconds=time.perf_counter() - started,
        keychain_backend=record.unlocked.store_name,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path, metavar="DATA_DIR")
    parser.add_argument("--students", type=int, default=2500)
    parser.add_argument("--meetings", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)
    result = generate(
        args.data_dir,
        args.students,
        args.meetings,
        args.seed,
        progress=lambda text: print(text, file=sys.stderr, flush=True),
    )
    print(json.dumps(result.as_dict(), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
