"""The operating system's keychain, through ``keyring``, and whether it is safe to use.

Only a real secure store counts: Windows Credential Manager, the macOS Keychain, or a Secret
Service (GNOME Keyring, KWallet) on Linux. The "fail" and "null" backends and the plaintext or
merely obfuscated file stores of ``keyrings.alt`` are refused, and the app offers a passphrase
instead: a key on disk beside the database would protect nothing.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any

import keyring
import keyring.errors

from sspt_desktop.security.database_key import DatabaseKey
from sspt_desktop.security.errors import KeychainUnavailable, KeyNotInKeychain

SERVICE_NAME = "SSPT Desktop"

# Backends that do not keep a secret safe, by module prefix.
_INSECURE_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


@dataclass(frozen=True, slots=True)
class KeychainStatus:
    """Whether the keychain can hold the key, and its name as a person would know it."""

    usable: bool
    backend_name: str
    reason: str = ""


def _backend_name(backend: Any) -> str:
    name = getattr(backend, "name", "") or type(backend).__name__
    return str(name)


def _secure_backends(backend: Any) -> list[Any]:
    """The secure backends behind ``backend`` (the chainer hides several behind one)."""
    children = getattr(backend, "backends", None)
    candidates = list(children) if children is not None else [backend]
    return [
        b
        for b in candidates
        if not type(b).__module__.startswith(_INSECURE_MODULES) and getattr(b, "priority", 0) > 0
    ]


class Keychain:
    """Keeps database keys in the OS keychain, one entry per database (named by its id).

    ``backend`` defaults to what ``keyring`` chose for this machine; tests pass their own.
    """

    def __init__(self, backend: Any | None = None) -> None:
        self._backend = backend

    @property
    def backend(self) -> Any:
        return self._backend if self._backend is not None else keyring.get_keyring()

    def status(self) -> KeychainStatus:
        try:
            backend = self.backend
        except Exception as exc:  # keyring raises whatever its backends raise on discovery
            return KeychainStatus(False, "none", f"The keychain could not be reached ({exc}).")
        secure = _secure_backends(backend)
        if not secure:
            return KeychainStatus(
                False,
                _backend_name(backend),
                "No secure keychain is available on this computer.",
            )
        return KeychainStatus(True, _backend_name(secure[0]))

    def store(self, database_id: str, key: DatabaseKey) -> None:
        self._require_usable()
        try:
            self.backend.set_password(SERVICE_NAME, database_id, key.hex())
        except keyring.errors.KeyringError as exc:
            raise KeychainUnavailable(
                f"The keychain refused to store the database key ({type(exc).__name__})."
            ) from None

    def load(self, database_id: str) -> DatabaseKey:
        self._require_usable()
        try:
            stored = self.backend.get_password(SERVICE_NAME, database_id)
        except keyring.errors.KeyringError as exc:
            # Locked keychain, user cancelled the unlock prompt, or the service went away.
            raise KeychainUnavailable(
                f"The keychain could not be read ({type(exc).__name__}); it may be locked."
            ) from None
        if stored is None:
            raise KeyNotInKeychain("The keychain holds no key for this database.")
        return DatabaseKey.from_hex(stored)

    def delete(self, database_id: str) -> None:
        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            self.backend.delete_password(SERVICE_NAME, database_id)

    def _require_usable(self) -> None:
        status = self.status()
        if not status.usable:
            raise KeychainUnavailable(status.reason)
