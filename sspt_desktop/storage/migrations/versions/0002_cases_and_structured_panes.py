"""the student's case, structured panes, case-owned goals and plan items, profiles, UTC

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 17:00:00

Written while ``goals`` and ``plan_rows`` are still empty: nothing ever wrote them, so they are
replaced by case-owned tables. Should a record hold rows in them after all, the upgrade is
refused (and rolled back) rather than guessing what they meant.

Timestamps of revision 0001 were the computer's local time without a zone; they are read as
this computer's local time and kept in UTC from now on.
"""

import json
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from sspt_desktop.storage.errors import SchemaUpgradeFailed
from sspt_desktop.storage.student_keys import student_keys

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UUID = 36
_ONE_LINE_NAME = 120


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.astimezone()  # a 0001 timestamp: this computer's local time
    return value.astimezone(UTC).replace(tzinfo=None)


def _one_line(text: str, limit: int) -> str:
    """A one-line copy for a field the domain limits (the original stays where it was)."""
    flat = "".join(" " if ord(ch) < 32 or ch in "\u2028\u2029\x7f" else ch for ch in text)
    return " ".join(flat.split())[:limit]


def upgrade() -> None:
    conn = op.get_bind()
    for table in ("goals", "plan_rows"):
        if conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar():
            raise SchemaUpgradeFailed(
                f"This database holds rows in the old '{table}' table, which this version "
                "replaces. It was left as it was; ask IT for help before upgrading."
            )
    _students(conn)
    _caregivers()
    case_of_student = _cases(conn)
    _meetings(conn, case_of_student)
    _pane_contents(conn)
    _case_records()
    op.create_table(
        "team_interventions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("entry_json", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )


def _students(conn: sa.Connection) -> None:
    with op.batch_alter_table("students") as batch:
        batch.add_column(sa.Column("uuid", sa.String(length=_UUID), nullable=True))
        for name in ("school", "teacher", "home_language", "ethnicity"):
            batch.add_column(
                sa.Column(name, sa.String(length=_ONE_LINE_NAME), nullable=False, server_default="")
            )
        batch.add_column(sa.Column("eld_level", sa.Integer(), nullable=True))
        for name in ("iep", "plan_504", "suspected_disability", "foster_youth", "homeless"):
            batch.add_column(
                sa.Column(name, sa.Boolean(), nullable=False, server_default=sa.false())
            )
        batch.add_column(sa.Column("search_key", sa.Text(), nullable=True))
        batch.add_column(sa.Column("sort_key", sa.Text(), nullable=True))
        batch.add_column(sa.Column("number_key", sa.String(length=40), nullable=True))
    students = sa.table(
        "students",
        sa.column("id", sa.Integer()),
        sa.column("uuid", sa.String()),
        sa.column("first_name", sa.String()),
        sa.column("last_name", sa.String()),
        sa.column("student_number", sa.String()),
        sa.column("search_key", sa.Text()),
        sa.column("sort_key", sa.Text()),
        sa.column("number_key", sa.String()),
        sa.column("created_at", sa.DateTime()),
        sa.column("updated_at", sa.DateTime()),
    )
    rows = conn.execute(
        sa.select(
            students.c.id,
            students.c.first_name,
            students.c.last_name,
            students.c.student_number,
            students.c.created_at,
            students.c.updated_at,
        )
    ).all()
    for row in rows:
        keys = student_keys(row.first_name, row.last_name, row.student_number)
        conn.execute(
            students.update()
            .where(students.c.id == row.id)
            .values(
                uuid=str(uuid.uuid4()),
                search_key=keys.search_key,
                sort_key=keys.sort_key,
                number_key=keys.number_key,
                created_at=_utc(row.created_at),
                updated_at=_utc(row.updated_at),
            )
        )
    with op.batch_alter_table("students", recreate="always") as batch:
        batch.alter_column("uuid", existing_type=sa.String(length=_UUID), nullable=False)
        batch.alter_column("search_key", existing_type=sa.Text(), nullable=False)
        batch.alter_column("sort_key", existing_type=sa.Text(), nullable=False)
        batch.alter_column("number_key", existing_type=sa.String(length=40), nullable=False)
        for name in ("first_name", "last_name", "grade", "preferred_language"):
            batch.alter_column(name, type_=sa.String(length=_ONE_LINE_NAME))
        for name in ("school", "teacher", "home_language", "ethnicity"):
            batch.alter_column(name, server_default=None)
        for name in ("iep", "plan_504", "suspected_disability", "foster_youth", "homeless"):
            batch.alter_column(name, server_default=None)
        batch.create_index("ix_students_uuid", ["uuid"], unique=True)
        batch.create_index("ix_students_search_key", ["search_key"], unique=False)
        batch.create_index("ix_students_sort_key", ["sort_key"], unique=False)
        batch.create_index("ix_students_number_key", ["number_key"], unique=False)


def _caregivers() -> None:
    op.create_table(
        "caregivers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        *(
            sa.Column(name, sa.String(length=_ONE_LINE_NAME), nullable=False)
            for name in ("name", "relationship", "phone", "email", "preferred_language")
        ),
        sa.Column("interpreter_needed", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["student_id"], ["students.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("caregivers") as batch:
        batch.create_index("ix_caregivers_student_id", ["student_id"], unique=False)


def _cases(conn: sa.Connection) -> dict[int, int]:
    """One open case per student who has meetings, opened on the first meeting's date."""
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=_UUID), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("referred_by", sa.String(length=_ONE_LINE_NAME), nullable=False),
        sa.Column("concern_areas", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("tried_json", sa.Text(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(length=40), nullable=True),
        sa.Column("outcome_notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["student_id"], ["students.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("cases") as batch:
        batch.create_index("ix_cases_uuid", ["uuid"], unique=True)
        batch.create_index("ix_cases_student_id", ["student_id"], unique=False)
    meetings = sa.table(
        "meetings", sa.column("student_id", sa.Integer()), sa.column("meeting_date", sa.Date())
    )
    students = sa.table(
        "students", sa.column("id", sa.Integer()), sa.column("referred_by", sa.String())
    )
    first_meetings = conn.execute(
        sa.select(
            meetings.c.student_id, sa.func.min(meetings.c.meeting_date), students.c.referred_by
        )
        .join(students, students.c.id == meetings.c.student_id)
        .group_by(meetings.c.student_id, students.c.referred_by)
    ).all()
    cases = sa.table(
        "cases",
        sa.column("id", sa.Integer()),
        sa.column("uuid", sa.String()),
        sa.column("student_id", sa.Integer()),
        sa.column("opened_on", sa.Date()),
        sa.column("referred_by", sa.String()),
        sa.column("concern_areas", sa.Text()),
        sa.column("description", sa.Text()),
        sa.column("tried_json", sa.Text()),
        sa.column("outcome_notes", sa.Text()),
        sa.column("created_at", sa.DateTime()),
        sa.column("updated_at", sa.DateTime()),
    )
    now = datetime.now(UTC).replace(tzinfo=None)
    case_of_student: dict[int, int] = {}
    for case_id, (student_id, first_date, referred_by) in enumerate(first_meetings, start=1):
        conn.execute(
            cases.insert().values(
                id=case_id,
                uuid=str(uuid.uuid4()),
                student_id=student_id,
                opened_on=first_date,
                referred_by=_one_line(referred_by or "", _ONE_LINE_NAME),
                concern_areas="[]",
                description="",
                tried_json="[]",
                outcome_notes="",
                created_at=now,
                updated_at=now,
            )
        )
        case_of_student[student_id] = case_id
    return case_of_student


def _meetings(conn: sa.Connection, case_of_student: dict[int, int]) -> None:
    with op.batch_alter_table("meetings") as batch:
        batch.add_column(sa.Column("uuid", sa.String(length=_UUID), nullable=True))
        batch.add_column(sa.Column("case_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("start_time", sa.Time(), nullable=True))
        batch.add_column(sa.Column("invitation_method", sa.String(length=30), nullable=True))
        batch.add_column(sa.Column("invited_on", sa.Date(), nullable=True))
    meetings = sa.table(
        "meetings",
        sa.column("id", sa.Integer()),
        sa.column("uuid", sa.String()),
        sa.column("case_id", sa.Integer()),
        sa.column("student_id", sa.Integer()),
        sa.column("created_at", sa.DateTime()),
        sa.column("updated_at", sa.DateTime()),
        sa.column("closed_at", sa.DateTime()),
    )
    rows = conn.execute(
        sa.select(
            meetings.c.id,
            meetings.c.student_id,
            meetings.c.created_at,
            meetings.c.updated_at,
            meetings.c.closed_at,
        )
    ).all()
    for row in rows:
        conn.execute(
            meetings.update()
            .where(meetings.c.id == row.id)
            .values(
                uuid=str(uuid.uuid4()),
                case_id=case_of_student.get(row.student_id) if row.student_id else None,
                created_at=_utc(row.created_at),
                updated_at=_utc(row.updated_at),
                closed_at=_utc(row.closed_at),
            )
        )
    with op.batch_alter_table("meetings", recreate="always") as batch:
        batch.alter_column("uuid", existing_type=sa.String(length=_UUID), nullable=False)
        batch.create_index("ix_meetings_uuid", ["uuid"], unique=True)
        batch.create_index("ix_meetings_case_id", ["case_id"], unique=False)
        batch.create_foreign_key(
            "fk_meetings_case_id_cases", "cases", ["case_id"], ["id"], ondelete="RESTRICT"
        )


def _pane_contents(conn: sa.Connection) -> None:
    """Each free-text pane becomes version 0 of its kind's JSON form; the domain's reader turns
    that text into the new content's notes, so nothing typed is lost."""
    op.create_table(
        "pane_contents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("content_json", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("meeting_id", "kind"),
    )
    old = sa.table(
        "pane_texts",
        sa.column("meeting_id", sa.Integer()),
        sa.column("pane", sa.String()),
        sa.column("body", sa.Text()),
        sa.column("updated_at", sa.DateTime()),
    )
    new = sa.table(
        "pane_contents",
        sa.column("meeting_id", sa.Integer()),
        sa.column("kind", sa.String()),
        sa.column("content_json", sa.Text()),
        sa.column("updated_at", sa.DateTime()),
    )
    rows = [
        {
            "meeting_id": row.meeting_id,
            "kind": row.pane,
            "content_json": json.dumps({"text": row.body}, ensure_ascii=False),
            "updated_at": _utc(row.updated_at),
        }
        for row in conn.execute(sa.select(old))
    ]
    if rows:
        conn.execute(new.insert(), rows)
    op.drop_table("pane_texts")


def _case_records() -> None:
    with op.batch_alter_table("plan_rows") as batch:
        batch.drop_index("ix_plan_rows_meeting_id")
    op.drop_table("plan_rows")
    with op.batch_alter_table("goals") as batch:
        batch.drop_index("ix_goals_meeting_id")
    op.drop_table("goals")
    for table, extra in (("goals", ()), ("plan_items", (sa.Column("tier", sa.Integer()),))):
        op.create_table(
            table,
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("uuid", sa.String(length=_UUID), nullable=False),
            sa.Column("case_id", sa.Integer(), nullable=False),
            sa.Column("introduced_in_id", sa.Integer(), nullable=False),
            sa.Column("position", sa.Integer(), nullable=False),
            sa.Column("replaces", sa.String(length=_UUID), nullable=True),
            *extra,
            sa.Column("record_json", sa.Text(), nullable=False),
            sa.Column("created_at", sa.DateTime(), nullable=False),
            sa.Column("updated_at", sa.DateTime(), nullable=False),
            sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="RESTRICT"),
            sa.ForeignKeyConstraint(["introduced_in_id"], ["meetings.id"], ondelete="RESTRICT"),
            sa.PrimaryKeyConstraint("id"),
        )
        with op.batch_alter_table(table) as batch:
            batch.create_index(f"ix_{table}_uuid", ["uuid"], unique=True)
            batch.create_index(f"ix_{table}_case_id", ["case_id"], unique=False)
            batch.create_index(f"ix_{table}_introduced_in_id", ["introduced_in_id"], unique=False)


def downgrade() -> None:
    raise NotImplementedError("Restore the backup made before the upgrade instead.")
