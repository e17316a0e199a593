"""What a person sees when the record cannot simply open: passphrase dialog, plain messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from sspt_desktop import app as app_module
from sspt_desktop.app import launch, parse_args
from sspt_desktop.security.keychain import Keychain
from sspt_desktop.services.record_opening import open_record
from sspt_desktop.ui.shell.passphrase_dialog import DialogUnlockPrompts, PassphraseDialog
from tests.support.dialog_buttons import press_button
from tests.support.prompts import ScriptedPrompts


def test_choosing_a_passphrase_needs_the_same_text_twice(qtbot: QtBot) -> None:
    dialog = PassphraseDialog("No secure keychain is available on this computer.", confirm=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.passphrase, "our team meets on tuesdays")
    qtbot.keyClicks(dialog.repeat, "our team meets on mondays")
    press_button(qtbot, dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "different" in dialog.problem.text()
    assert dialog.repeat.text() == ""
    qtbot.keyClicks(dialog.repeat, "our team meets on tuesdays")
    press_button(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.value() == "our team meets on tuesdays"


def test_the_dialog_prompts_answer_the_unlock(qtbot: QtBot) -> None:
    prompts = DialogUnlockPrompts()

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PassphraseDialog)
        assert "Enter the passphrase" in dialog.message.text()
        dialog.passphrase.setText("typed at the prompt")
        press_button(qtbot, dialog)

    QTimer.singleShot(0, answer)
    assert prompts.ask_passphrase("Enter the passphrase for the SSPT database.") == (
        "typed at the prompt"
    )


def test_passphrase_mode_is_shown_in_the_window(
    qtbot: QtBot, no_keychain: Keychain, data_dir: Path
) -> None:
    prompts = ScriptedPrompts(choose=["a passphrase long enough"])
    running = launch(parse_args(["--data-dir", str(data_dir)]), no_keychain, prompts)
    assert running is not None
    qtbot.addWidget(running.window)
    assert "Passphrase" in running.window.security_status.text()
    running.shutdown()


def test_a_second_copy_explains_and_offers_a_retry(
    qtbot: QtBot, keychain: Keychain, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sspt_desktop.storage.locations import DataLocations

    first = open_record(DataLocations(data_dir), keychain, ScriptedPrompts())
    shown: list[str] = []

    def offer_retry(message: str, parent: object = None) -> bool:
        shown.append(message)
        if len(shown) == 1:
            first.close()  # the person closes the other window, then presses Retry
            return True
        return False

    monkeypatch.setattr(app_module, "_offer_retry", offer_retry)
    running = launch(parse_args(["--data-dir", str(data_dir)]), keychain, ScriptedPrompts())
    assert len(shown) == 1 and "already open on this data folder" in shown[0]
    assert running is not None
    qtbot.addWidget(running.window)
    running.shutdown()


def test_cancelling_the_passphrase_quits_without_a_window(
    qtbot: QtBot, no_keychain: Keychain, data_dir: Path
) -> None:
    running = launch(
        parse_args(["--data-dir", str(data_dir)]), no_keychain, ScriptedPrompts(choose=[None])
    )
    assert running is None
    assert not (data_dir / "sspt.db").exists()
