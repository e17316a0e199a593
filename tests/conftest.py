"""Shared fixtures: an offscreen Qt, a throwaway data folder, an in-memory keychain.

Ordinary tests use :class:`MemoryKeyring`; the real Secret Service and child processes are
exercised by the tests marked ``secret_service`` and ``slow``.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from sspt_desktop.security.keychain import Keychain
from sspt_desktop.storage.locations import DataLocations
from tests.support.file_keyring import MemoryKeyring
from tests.support.prompts import ScriptedPrompts


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def locations(data_dir: Path) -> DataLocations:
    return DataLocations(data_dir)


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def keychain(memory_keyring: MemoryKeyring) -> Keychain:
    return Keychain(memory_keyring)


@pytest.fixture
def no_keychain() -> Keychain:
    from keyring.backends.fail import Keyring as FailKeyring

    return Keychain(FailKeyring())


@pytest.fixture
def prompts() -> Iterator[ScriptedPrompts]:
    scripted = ScriptedPrompts()
    yield scripted
