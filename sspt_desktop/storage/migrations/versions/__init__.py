"""Alembic revisions, applied in order when a database opens."""
