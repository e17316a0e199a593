"""Opening the record on the real SQLCipher file: keychain mode, passphrase mode, and refusals.

Each refusal must leave every file exactly as it was, so tests compare bytes before and after.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from sspt_desktop.domain.pane_kinds import PaneKind
from sspt_desktop.security.database_key import KeyEnvelope, KeyMode
from sspt_desktop.security.errors import (
    KeyMissingForExistingDatabase,
    KeyNotInKeychain,
    UnlockCancelled,
)
from sspt_desktop.security.keychain import SERVICE_NAME, Keychain
from sspt_desktop.services.meeting_session import MeetingSessionService
from sspt_desktop.services.record_opening import open_record
from sspt_desktop.storage.errors import (
    DatabaseMissing,
    DatabaseUnreadable,
    DataFolderInUse,
    DataFolderReadOnly,
)
from sspt_desktop.storage.locations import DataLocations
from tests.support.file_keyring import MemoryKeyring
from tests.support.prompts import ScriptedPrompts
from tests.support.records import add_sample_meeting

PASSPHRASE = "our team meets on tuesdays"


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "sspt.lock"
    }


def test_a_new_record_keeps_a_random_key_in_the_keychain(
    locations: DataLocations, memory_keyring: MemoryKeyring, keychain: Keychain
) -> None:
    record = open_record(locations, keychain, ScriptedPrompts())
    try:
        assert record.unlocked.mode is KeyMode.KEYCHAIN
        envelope = KeyEnvelope.load(locations.key_envelope)
        stored = memory_keyring.get_password(SERVICE_NAME, envelope.database_id)
        assert stored == record.unlocked.key.hex()
        assert stored not in locations.key_envelope.read_text()
    finally:
        record.close()
    reopened = open_record(locations, keychain, ScriptedPrompts())
    assert reopened.unlocked.key == record.unlocked.key
    reopened.close()


def test_without_a_keychain_a_passphrase_protects_the_record(
    locations: DataLocations, no_keychain: Keychain
) -> None:
    prompts = ScriptedPrompts(choose=["short", PASSPHRASE])
    record = open_record(locations, no_keychain, prompts)
    meeting_id = add_sample_meeting(record.sessions, strengths="Loves science")
    record.close()
    assert "No secure keychain" in prompts.messages[0]
    assert "at least 10 characters" in prompts.messages[1]
    assert KeyEnvelope.load(locations.key_envelope).mode is KeyMode.PASSPHRASE

    reopened = open_record(locations, no_keychain, ScriptedPrompts(ask=[PASSPHRASE]))
    meeting = MeetingSessionService(reopened.sessions).meeting(meeting_id)
    assert meeting.content(PaneKind.STRENGTHS).notes == "Loves science"
    reopened.close()


def test_a_wrong_passphrase_is_refused_and_changes_nothing(
    locations: DataLocations, no_keychain: Keychain
) -> None:
    record = open_record(locations, no_keychain, ScriptedPrompts(choose=[PASSPHRASE]))
    add_sample_meeting(record.sessions, strengths="Kind to classmates")
    record.close()
    before = fingerprint(locations.data_dir)

    prompts = ScriptedPrompts(ask=["not our passphrase", "still wrong", None])
    with pytest.raises(UnlockCancelled):
        open_record(locations, no_keychain, prompts)
    assert prompts.messages[1] == "That passphrase does not unlock this database. Try again."
    assert fingerprint(locations.data_dir) == before


def test_cancelling_the_first_passphrase_creates_nothing(
    locations: DataLocations, no_keychain: Keychain
) -> None:
    with pytest.raises(UnlockCancelled):
        open_record(locations, no_keychain, ScriptedPrompts(choose=[None]))
    assert not locations.database.exists()
    assert not locations.key_envelope.exists()


def test_a_database_without_its_key_file_never_gets_a_new_key(
    locations: DataLocations, keychain: Keychain
) -> None:
    open_record(locations, keychain, ScriptedPrompts()).close()
    locations.key_envelope.unlink()
    before = fingerprint(locations.data_dir)
    with pytest.raises(KeyMissingForExistingDatabase, match="missing"):
        open_record(locations, keychain, ScriptedPrompts())
    assert fingerprint(locations.data_dir) == before
    assert not locations.key_envelope.exists()


def test_a_keychain_that_lost_the_key_is_reported(
    locations: DataLocations, memory_keyring: MemoryKeyring, keychain: Keychain
) -> None:
    open_record(locations, keychain, ScriptedPrompts()).close()
    memory_keyring.entries.clear()
    before = fingerprint(locations.data_dir)
    with pytest.raises(KeyNotInKeychain):
        open_record(locations, keychain, ScriptedPrompts())
    assert fingerprint(locations.data_dir) == before


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"This is a letter to parents, not a database." * 100,
        lambda data: data[:4096] + bytes(len(data) - 4096),
        lambda data: b"",
    ],
    ids=["foreign file", "zeroed pages", "emptied"],
)
def test_a_damaged_database_is_reported_and_left_alone(
    locations: DataLocations, keychain: Keychain, damage: object
) -> None:
    record = open_record(locations, keychain, ScriptedPrompts())
    add_sample_meeting(record.sessions, strengths="x" * 20000)
    record.close()
    data = locations.database.read_bytes()
    locations.database.write_bytes(damage(data))  # type: ignore[operator]
    for extra in (".db-wal", ".db-shm"):
        locations.database.with_suffix(extra).unlink(missing_ok=True)
    before = fingerprint(locations.data_dir)
    if locations.database.stat().st_size == 0:
        # An empty file would open as a fresh record: refused, so nobody types into it.
        with pytest.raises(DatabaseMissing, match="missing or empty"):
            open_record(locations, keychain, ScriptedPrompts())
        assert fingerprint(locations.data_dir) == before
        return
    with pytest.raises(DatabaseUnreadable, match="damaged"):
        open_record(locations, keychain, ScriptedPrompts())
    assert fingerprint(locations.data_dir) == before


def test_the_standard_sqlite_module_cannot_read_the_file(
    locations: DataLocations, keychain: Keychain
) -> None:
    record = open_record(locations, keychain, ScriptedPrompts())
    add_sample_meeting(record.sessions, strengths="reads well")
    record.close()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(locations.database).execute("SELECT * FROM sqlite_master").fetchall()


def test_a_second_instance_on_the_same_folder_is_refused(
    locations: DataLocations, keychain: Keychain
) -> None:
    first = open_record(locations, keychain, ScriptedPrompts())
    try:
        with pytest.raises(DataFolderInUse, match="already open"):
            open_record(locations, keychain, ScriptedPrompts())
    finally:
        first.close()
    open_record(locations, keychain, ScriptedPrompts()).close()


def test_a_folder_that_cannot_be_written_is_refused(tmp_path: Path, keychain: Keychain) -> None:
    if os.geteuid() == 0:
        # Permissions do not stop root, so use a path the OS cannot create instead.
        blocker = tmp_path / "not-a-folder"
        blocker.write_text("a file where the data folder should be")
        locations = DataLocations(blocker / "data")
    else:
        folder = tmp_path / "readonly"
        folder.mkdir()
        folder.chmod(0o500)
        locations = DataLocations(folder)
    with pytest.raises(DataFolderReadOnly, match="cannot write"):
        open_record(locations, keychain, ScriptedPrompts())


def test_a_missing_database_beside_its_key_is_refused(
    locations: DataLocations, keychain: Keychain
) -> None:
    open_record(locations, keychain, ScriptedPrompts()).close()
    for path in locations.data_dir.glob("sspt.db*"):
        path.unlink()
    with pytest.raises(DatabaseMissing, match="Restore the database"):
        open_record(locations, keychain, ScriptedPrompts())
    assert not locations.database.exists()


def test_a_failing_disk_while_opening_is_a_message_not_a_crash(
    locations: DataLocations, keychain: Keychain, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sspt_desktop.security import database_key
    from sspt_desktop.storage.errors import RecordUnavailable

    def disk_full(self: object, path: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(database_key.KeyEnvelope, "save", disk_full)
    with pytest.raises(RecordUnavailable, match="No space left on device"):
        open_record(locations, keychain, ScriptedPrompts())
    assert not locations.database.exists()
    monkeypatch.undo()
    open_record(locations, keychain, ScriptedPrompts()).close()  # the lock was released
