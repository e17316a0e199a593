"""A keyring backend for tests and benchmarks that run the app in child processes.

It keeps entries in a JSON file named by ``SSPT_TEST_KEYRING_FILE``. It exists only so a child
process can share the parent's keychain; the real Secret Service is tested separately.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class FileKeyring(KeyringBackend):
    """Entries in the JSON file named by ``SSPT_TEST_KEYRING_FILE``, shared with child processes."""

    priority = 1

    def __init__(self) -> None:
        # keyring's base __init__ has no annotations; it only reads KEYRING_PROPERTY_* variables.
        super().__init__()  # type: ignore[no-untyped-call]

    @property
    def _path(self) -> Path:
        return Path(os.environ["SSPT_TEST_KEYRING_FILE"])

    def _load(self) -> dict[str, str]:
        try:
            return dict(json.loads(self._path.read_text()))
        except FileNotFoundError:
            return {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\x00{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}\x00{username}"] = password
        self._path.write_text(json.dumps(data))

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        if data.pop(f"{service}\x00{username}", None) is None:
            raise PasswordDeleteError(username)
        self._path.write_text(json.dumps(data))


class MemoryKeyring(KeyringBackend):
    """Entries in a dictionary; for ordinary in-process tests."""

    priority = 1

    def __init__(self) -> None:
        # keyring's base __init__ has no annotations; it only reads KEYRING_PROPERTY_* variables.
        super().__init__()  # type: ignore[no-untyped-call]
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError(username)
