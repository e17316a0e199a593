"""Alembic environment: runs on the connection the application hands over, never on a URL.

The database key is applied by the engine's connection factory, so it never appears in an
Alembic configuration, a URL or a log line.
"""

from alembic import context

from sspt_desktop.storage.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
