"""What is on disk: nothing typed is readable without the key, and with the key all of it is."""

from __future__ import annotations

import json
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from sspt_desktop.security.database_key import KeyEnvelope
from sspt_desktop.security.keychain import SERVICE_NAME, Keychain
from sspt_desktop.services.record_opening import open_record
from sspt_desktop.storage.locations import DataLocations
from tests.support.file_keyring import MemoryKeyring
from tests.support.prompts import ScriptedPrompts
from tests.support.records import add_sample_meeting

SECRET_TEXT = "Daniela-Quetzalcoatl reads 48 words per minute after lunch"


def every_file(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def test_typed_text_is_nowhere_on_disk_in_the_clear(
    locations: DataLocations, memory_keyring: MemoryKeyring, keychain: Keychain
) -> None:
    record = open_record(locations, keychain, ScriptedPrompts())
    add_sample_meeting(record.sessions, problem=SECRET_TEXT, strengths=SECRET_TEXT.upper())
    # Look while the record is open, so the -wal file is there with the latest commits.
    wal = locations.database.with_name(locations.database.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0
    needles = [SECRET_TEXT.encode(), b"Quetzalcoatl", "Quetzalcoatl".encode("utf-16-le")]
    for path in every_file(locations.data_dir):
        content = path.read_bytes()
        for needle in needles:
            assert needle not in content, f"{needle!r} found in {path.name}"
    record.close()
    for path in every_file(locations.data_dir):
        assert b"Quetzalcoatl" not in path.read_bytes()

    # With the key from the keychain, sqlcipher3 reads every word back.
    envelope = KeyEnvelope.load(locations.key_envelope)
    key_hex = memory_keyring.get_password(SERVICE_NAME, envelope.database_id)
    connection = sqlcipher.connect(str(locations.database))
    connection.execute(f"PRAGMA key = \"x'{key_hex}'\"")
    stored = [
        json.loads(row[0]) for row in connection.execute("SELECT content_json FROM pane_contents")
    ]
    assert SECRET_TEXT in [content["notes"] for content in stored]
    assert connection.execute("PRAGMA cipher_integrity_check").fetchall() == []
    connection.close()
