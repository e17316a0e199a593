import pytest
from keyring.backends import chainer, fail, null

from sspt_desktop.security.database_key import DatabaseKey
from sspt_desktop.security.errors import KeychainUnavailable, KeyNotInKeychain
from sspt_desktop.security.keychain import Keychain
from tests.support.file_keyring import MemoryKeyring


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()])
def test_insecure_or_missing_backends_are_not_usable(backend: object) -> None:
    status = Keychain(backend).status()
    assert not status.usable
    assert "No secure keychain" in status.reason
    with pytest.raises(KeychainUnavailable):
        Keychain(backend).store("db", DatabaseKey.generate())


def test_a_plaintext_file_backend_is_refused() -> None:
    class PlaintextKeyring(MemoryKeyring):
        pass

    PlaintextKeyring.__module__ = "keyrings.alt.file"
    assert not Keychain(PlaintextKeyring()).status().usable


def test_an_empty_chainer_is_not_usable() -> None:
    class EmptyChainer(chainer.ChainerBackend):
        backends = ()  # what keyring finds on a bare server

    assert not Keychain(EmptyChainer()).status().usable


def test_a_secure_backend_keeps_one_key_per_database() -> None:
    keychain = Keychain(MemoryKeyring())
    first, second = DatabaseKey.generate(), DatabaseKey.generate()
    keychain.store("one", first)
    keychain.store("two", second)
    assert keychain.load("one") == first
    assert keychain.load("two") == second
    with pytest.raises(KeyNotInKeychain):
        keychain.load("three")


def test_a_keychain_error_does_not_reveal_the_key() -> None:
    class LockedKeyring(MemoryKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            from keyring.errors import KeyringLocked

            raise KeyringLocked("locked")

    with pytest.raises(KeychainUnavailable, match="locked"):
        Keychain(LockedKeyring()).load("db")
