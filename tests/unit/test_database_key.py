from pathlib import Path

import pytest

from sspt_desktop.security.database_key import (
    DatabaseKey,
    KeyEnvelope,
    KeyMode,
    PassphraseWrap,
)
from sspt_desktop.security.errors import EnvelopeDamaged, WrongPassphrase


def test_the_key_never_shows_in_text() -> None:
    key = DatabaseKey.generate()
    assert key.hex() not in repr(key)
    assert key.hex() not in str(key)
    assert key.hex() not in f"{key}"


def test_the_pragma_applies_a_raw_key() -> None:
    key = DatabaseKey(bytes(range(32)))
    assert key.sqlcipher_pragma() == f"PRAGMA key = \"x'{bytes(range(32)).hex()}'\""


def test_a_passphrase_wrap_unwraps_with_the_same_passphrase_only() -> None:
    key = DatabaseKey.generate()
    wrap = PassphraseWrap.wrap(key, "correct horse battery staple")
    assert wrap.unwrap("correct horse battery staple") == key
    with pytest.raises(WrongPassphrase):
        wrap.unwrap("correct horse battery stapler")
    assert key.raw not in wrap.wrapped


def test_two_wraps_of_one_key_share_nothing() -> None:
    key = DatabaseKey.generate()
    first = PassphraseWrap.wrap(key, "the same passphrase")
    second = PassphraseWrap.wrap(key, "the same passphrase")
    assert first.salt != second.salt
    assert first.wrapped != second.wrapped


def test_the_envelope_round_trips_and_holds_no_key(tmp_path: Path) -> None:
    key = DatabaseKey.generate()
    envelope = KeyEnvelope.new(key, KeyMode.PASSPHRASE)
    envelope.passphrase = PassphraseWrap.wrap(key, "a long enough passphrase")
    path = tmp_path / "key.json"
    envelope.save(path)
    loaded = KeyEnvelope.load(path)
    assert loaded.matches(key)
    assert not loaded.matches(DatabaseKey.generate())
    assert key.hex() not in path.read_text()
    assert loaded.passphrase is not None
    assert loaded.passphrase.unwrap("a long enough passphrase") == key


@pytest.mark.parametrize(
    "text",
    [
        "",
        "not json",
        "{}",
        "[1, 2]",
        '{"format": 1, "mode": "magic"}',
        "\u0000\u0001",
        '{"format": 1, "database_id": "x", "mode": "passphrase", "check_value": "c",'
        ' "passphrase": "not an object"}',
        '{"format": 1, "database_id": "x", "mode": "passphrase", "check_value": "c",'
        ' "passphrase": {"kdf": "scrypt", "n": 1099511627776, "r": 8, "p": 1,'
        ' "salt": "00000000000000000000000000000000", "wrapped": "00", "tag": "00"}}',
    ],
)
def test_a_damaged_envelope_says_so(text: str) -> None:
    with pytest.raises(EnvelopeDamaged):
        KeyEnvelope.from_json(text)


def test_an_envelope_from_a_newer_version_is_refused() -> None:
    key = DatabaseKey.generate()
    text = KeyEnvelope.new(key, KeyMode.KEYCHAIN).to_json().replace('"format": 1', '"format": 9')
    with pytest.raises(EnvelopeDamaged, match="newer"):
        KeyEnvelope.from_json(text)
