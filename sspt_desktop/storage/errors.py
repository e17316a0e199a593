"""Errors of the environment around the database, each with a message and a way forward.

None of them means data was lost: every code path that raises them leaves the files untouched.
"""


class StorageError(Exception):
    """A problem with the database file or its folder that the person can act on."""


class DatabaseUnreadable(StorageError):
    """The file could not be read with this key: a wrong key, or not an SSPT database at all."""


class DatabaseTooNew(StorageError):
    """The file was written by a newer SSPT Desktop; opening it here could damage it."""


class DataFolderReadOnly(StorageError):
    """The data folder cannot be written, so nothing typed could be kept."""


class DataFolderInUse(StorageError):
    """Another SSPT Desktop window already has this data folder open."""


class SchemaUpgradeFailed(StorageError):
    """An upgrade would have broken the record; it was rolled back and nothing changed."""


class DatabaseMissing(StorageError):
    """The key file is there but the database beside it is missing or empty."""


class RecordUnavailable(StorageError):
    """The disk or the database failed while opening (full, unreadable, busy); retry may help."""
