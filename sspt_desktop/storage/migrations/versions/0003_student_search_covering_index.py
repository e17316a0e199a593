"""student search reads one index: (sort_key, id, search_key) replaces the sort_key index

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 10:00:00

The student search filters on ``search_key`` with ``LIKE '%word%'`` (no index can seek that)
and orders by ``sort_key, id``. With only an index on ``sort_key``, SQLite walked it in order
and read each student's row to test the pattern, so a query matching few students read the
whole table (60-135 ms on 25,000 students). With ``search_key`` in the index the pattern is
tested on the index entry and only the matches' rows are read (10 ms or less). It replaces
the ``sort_key`` index rather than joining it: with both present SQLite kept choosing the
narrower one. Only indexes change; no row is touched.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("students") as batch:
        batch.drop_index("ix_students_sort_key")
        batch.create_index(
            "ix_students_sort_key_id_search_key", ["sort_key", "id", "search_key"], unique=False
        )


def downgrade() -> None:
    raise NotImplementedError("Restore the backup made before the upgrade instead.")
