"""The app killed while the recorder types: ``kill -9`` keeps everything reported saved and a
sound file, and everything typed more than a second before in every pane kind; SIGTERM
(logout, shutdown) keeps everything typed, in every pane kind."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sspt_desktop.domain.pane_kinds import PaneKind
from sspt_desktop.domain.strengths_pane import StrengthsContent
from sspt_desktop.security.keychain import Keychain
from sspt_desktop.services.meeting_session import MeetingSessionService
from sspt_desktop.services.record_opening import open_record
from sspt_desktop.storage.database import integrity_problems
from sspt_desktop.storage.locations import DataLocations
from tests.support.every_pane import KINDS, TYPED, stored_fields
from tests.support.file_keyring import FileKeyring
from tests.support.prompts import ScriptedPrompts
from tests.support.records import add_sample_meeting
from tests.support.typing_child import NOTE, STRENGTH, TEXT

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def start_typing_child(
    locations: DataLocations, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str
) -> tuple[Keychain, int, subprocess.Popen[str]]:
    keyring_file = tmp_path / "keyring.json"
    monkeypatch.setenv("SSPT_TEST_KEYRING_FILE", str(keyring_file))
    keychain = Keychain(FileKeyring())
    record = open_record(locations, keychain, ScriptedPrompts())
    meeting_id = add_sample_meeting(record.sessions)
    record.close()
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHON_KEYRING_BACKEND="tests.support.file_keyring.FileKeyring",
        SSPT_TEST_KEYRING_FILE=str(keyring_file),
        PYTHONPATH=str(REPO),
    )
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.support.typing_child", str(locations.data_dir), mode],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    return keychain, meeting_id, child


def stored_strengths(
    locations: DataLocations, keychain: Keychain, meeting_id: int
) -> tuple[str, str]:
    """The stored notes of the Strengths pane and the text of its first strength ("" if none)."""
    record = open_record(locations, keychain, ScriptedPrompts())
    try:
        content = (
            MeetingSessionService(record.sessions).meeting(meeting_id).content(PaneKind.STRENGTHS)
        )
        assert isinstance(content, StrengthsContent)
        assert integrity_problems(record.engine) == []
        first = content.items[0].text if content.items else ""
        return content.notes, first
    finally:
        record.close()


def stored_contents(
    locations: DataLocations, keychain: Keychain, meeting_id: int
) -> dict[PaneKind, Any]:
    """Every pane kind's stored content, from the record reopened as the next launch would."""
    record = open_record(locations, keychain, ScriptedPrompts())
    try:
        meeting = MeetingSessionService(record.sessions).meeting(meeting_id)
        assert integrity_problems(record.engine) == []
        return {kind: meeting.content(kind) for kind in KINDS.values()}
    finally:
        record.close()


def stop(child: subprocess.Popen[str], sig: signal.Signals) -> None:
    if child.poll() is None:
        child.send_signal(sig)
    child.wait(timeout=30)
    if child.stdout is not None:
        child.stdout.close()


def child_lines(child: subprocess.Popen[str], timeout: float = 60.0) -> Iterator[str]:
    """The child's output lines, failing the test (not hanging it) if one takes too long."""
    lines: queue.Queue[str | None] = queue.Queue()

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    while True:
        try:
            line = lines.get(timeout=timeout)
        except queue.Empty:
            pytest.fail(f"the child printed nothing for {timeout:.0f} s")
        if line is None:
            return
        yield line


def test_a_killed_app_keeps_everything_it_reported_saved(
    locations: DataLocations, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keychain, meeting_id, child = start_typing_child(locations, tmp_path, monkeypatch, "kill")
    saved = saved_strength = 0
    try:
        for line in child_lines(child):
            if line.startswith("saved "):
                saved, saved_strength = (int(part) for part in line.split()[1:3])
                if saved >= 300:
                    break
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        if child.stdout is not None:
            child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    assert saved >= 300 and saved_strength >= 20

    # In the notes and in the structured field alike: everything reported saved is there.
    text, strength = stored_strengths(locations, keychain, meeting_id)
    assert len(text) >= saved
    assert text == TEXT[: len(text)]
    assert len(strength) >= saved_strength
    assert strength == STRENGTH[: len(strength)]


def test_a_killed_app_keeps_every_pane_kind_typed_a_second_before(
    locations: DataLocations, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keychain, meeting_id, child = start_typing_child(locations, tmp_path, monkeypatch, "every")
    try:
        lines = child_lines(child)
        assert next(lines).strip() == "typed"
        # The child ran its event loop for more than a second after the last keystroke,
        # asking for no save: only the autosaver's own timing can have kept it.
        assert next(lines).strip() == "waited"
    finally:
        stop(child, signal.SIGKILL)
    assert child.returncode == -signal.SIGKILL

    contents = stored_contents(locations, keychain, meeting_id)
    assert stored_fields(contents) == TYPED
    assert {key: contents[kind].notes for key, kind in KINDS.items()} == {
        key: NOTE.format(key) for key in KINDS
    }


def test_a_terminated_app_saves_everything_typed(
    locations: DataLocations, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keychain, meeting_id, child = start_typing_child(locations, tmp_path, monkeypatch, "term")
    try:
        assert next(child_lines(child)).strip() == "typed 500"
        child.send_signal(signal.SIGTERM)
        assert child.wait(timeout=60) == 0
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)
        if child.stdout is not None:
            child.stdout.close()
    assert stored_strengths(locations, keychain, meeting_id) == (TEXT[:500], STRENGTH)
    # A structured field of every pane kind, typed just before the signal, is kept too.
    fields = stored_fields(stored_contents(locations, keychain, meeting_id))
    assert fields == dict(TYPED, strengths=STRENGTH)
