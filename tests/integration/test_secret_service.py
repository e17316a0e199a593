"""The key path against a real Secret Service (GNOME Keyring in a private D-Bus session).

Run under ``tests/support/with_secret_service.sh`` (the README's test command does). Where no
Secret Service is reachable the test is skipped, unless SSPT_REQUIRE_SECRET_SERVICE=1 (as in
CI), where it fails: the proof must not silently disappear.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from sspt_desktop.domain.pane_kinds import PaneKind
from sspt_desktop.security.database_key import KeyEnvelope, KeyMode
from sspt_desktop.security.keychain import SERVICE_NAME, Keychain
from sspt_desktop.services.meeting_session import MeetingSessionService
from sspt_desktop.services.record_opening import open_record
from sspt_desktop.storage.locations import DataLocations
from tests.support.prompts import ScriptedPrompts
from tests.support.records import add_sample_meeting

pytestmark = pytest.mark.secret_service


@pytest.fixture
def secret_service_keychain() -> Keychain:
    from keyring.backends import SecretService

    backend = SecretService.Keyring()
    try:
        backend.priority  # noqa: B018 - raises when no Secret Service answers
    except Exception as exc:
        if os.environ.get("SSPT_REQUIRE_SECRET_SERVICE") == "1":
            pytest.fail(f"No Secret Service reachable: {exc}")
        pytest.skip(f"No Secret Service reachable: {exc}")
    return Keychain(backend)


def test_the_key_lives_in_the_secret_service_and_opens_the_database(
    locations: DataLocations, secret_service_keychain: Keychain
) -> None:
    keychain = secret_service_keychain
    status = keychain.status()
    assert status.usable, status.reason
    record = open_record(locations, keychain, ScriptedPrompts())
    meeting_id = add_sample_meeting(record.sessions, goals="Read 70 wcpm by March")
    key_hex = record.unlocked.key.hex()
    assert record.unlocked.mode is KeyMode.KEYCHAIN
    record.close()

    database_id = KeyEnvelope.load(locations.key_envelope).database_id
    try:
        # What another program sees in the keychain: the hex key, under the app's service name.
        assert shutil.which("secret-tool"), "install libsecret-tools"
        looked_up = subprocess.run(
            ["secret-tool", "lookup", "service", SERVICE_NAME, "username", database_id],
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        ).stdout.strip()
        assert looked_up == key_hex

        # A fresh Keychain object (as after a restart) opens the database with that key.
        reopened = open_record(locations, Keychain(type(keychain.backend)()), ScriptedPrompts())
        meeting = MeetingSessionService(reopened.sessions).meeting(meeting_id)
        assert meeting.content(PaneKind.GOALS).notes == "Read 70 wcpm by March"
        reopened.close()
    finally:
        keychain.delete(database_id)
