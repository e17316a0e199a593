"""Asking for the database passphrase, or choosing one when no secure keychain exists."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class PassphraseDialog(QDialog):
    """A modal dialog with one passphrase field, or two when a new passphrase is chosen.

    Signals: none of its own.
    """

    def __init__(self, message: str, confirm: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Choose a passphrase") if confirm else self.tr("Unlock SSPT Desktop")
        )
        self.setMinimumWidth(460)
        self.message = QLabel(message)
        self.message.setWordWrap(True)
        self.message.setObjectName("passphraseMessage")
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Passphrase again"))
        self.problem = QLabel("")
        self.problem.setObjectName("passphraseProblem")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        if confirm:
            form.addRow(self.tr("&Again:"), self.repeat)
        else:
            self.repeat.hide()
        self._confirm = confirm
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.passphrase.setFocus()

    def _accept_if_valid(self) -> None:
        if not self.passphrase.text():
            self.problem.setText(self.tr("Type the passphrase."))
            return
        if self._confirm and self.passphrase.text() != self.repeat.text():
            self.problem.setText(self.tr("The two passphrases are different. Type them again."))
            self.repeat.clear()
            self.repeat.setFocus()
            return
        self.accept()

    def value(self) -> str:
        return self.passphrase.text()


class DialogUnlockPrompts:
    """Answers the unlock's questions with :class:`PassphraseDialog` (see ``UnlockPrompts``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._parent = parent

    def ask_passphrase(self, message: str) -> str | None:
        return self._run(message, confirm=False)

    def choose_passphrase(self, message: str) -> str | None:
        return self._run(message, confirm=True)

    def _run(self, message: str, confirm: bool) -> str | None:
        dialog = PassphraseDialog(message, confirm, self._parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        value = dialog.value() if accepted else None
        dialog.passphrase.clear()
        dialog.repeat.clear()
        dialog.deleteLater()
        return value
