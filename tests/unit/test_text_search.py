"""The search form of text: caseless and accentless in every script, and stable."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sspt_desktop.domain.text_search import search_key

# No example database: tests must not leave files in the working tree.
PROPERTY = settings(database=None, deadline=None, max_examples=300)

# Letters whose upper and lower case map one to one, with and without accents, in three scripts.
CASE_SAFE_LETTERS = (
    "abcdefghijklmnopqrstuvwxyzàáâãäåçèéêëìíîïñòóôõöùúûüý"
    "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώ"
    "абвгдежзийклмнопрстуфхцчшщъыьэюяё"
)
COMBINING_ACCENTS = st.characters(min_codepoint=0x0300, max_codepoint=0x036F)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("nunez", "Núñez"),
        ("NÚÑEZ", "Núñez"),
        ("nu\u0301n\u0303ez", "Núñez"),  # accents typed as separate combining characters
        ("NU\u0301N\u0303EZ", "N\u00fa\u00f1ez"),
        ("ζωή", "Ζωή"),
        ("ζωη", "ΖΩΉ"),
        ("strasse", "Straße"),
        ("zoe", "Zoë"),
        ("francois", "FRANÇOIS"),
        ("dvorak", "Dvořák"),
        ("ёлка", "ЕЛКА"),
        ("ﬁle", "FILE"),  # compatibility ligature
    ],
)
def test_variants_of_a_name_have_the_same_key(typed: str, stored: str) -> None:
    assert search_key(typed) == search_key(stored)


@pytest.mark.parametrize(
    ("one", "other"),
    [("nunez", "nunes"), ("ζωή", "ζωα"), ("Behavior", "Behaviour"), ("", "a")],
)
def test_different_words_keep_different_keys(one: str, other: str) -> None:
    assert search_key(one) != search_key(other)


def test_whitespace_runs_become_one_space_and_ends_are_trimmed() -> None:
    assert search_key("  Check-ins \t and\n\n circles ") == "check-ins and circles"


def test_the_key_is_plain_lower_case_without_marks() -> None:
    key = search_key("Ἀρχή Ñandú İstanbul")
    assert key == key.casefold()
    assert not any(unicodedata.combining(ch) for ch in key)
    assert key == "αρχη nandu istanbul"


@PROPERTY
@given(st.text())
def test_search_key_is_idempotent(text: str) -> None:
    once = search_key(text)
    assert search_key(once) == once


@PROPERTY
@given(st.text())
def test_composed_and_decomposed_text_have_the_same_key(text: str) -> None:
    expected = search_key(text)
    for form in ("NFC", "NFD", "NFKC", "NFKD"):
        assert search_key(unicodedata.normalize(form, text)) == expected


@PROPERTY
@given(st.text(alphabet=CASE_SAFE_LETTERS + " "), st.randoms(use_true_random=False))
def test_case_does_not_change_the_key(text: str, random: st.Random) -> None:
    mixed = "".join(ch.upper() if random.random() < 0.5 else ch for ch in text)
    assert search_key(mixed) == search_key(text)
    assert search_key(text.upper()) == search_key(text)


@PROPERTY
@given(
    st.lists(
        st.tuples(
            st.sampled_from("abcdefghijklmnopqrstuvwxyz"),
            st.lists(COMBINING_ACCENTS, max_size=2),
        ),
        max_size=30,
    )
)
def test_accents_do_not_change_the_key(letters: list[tuple[str, list[str]]]) -> None:
    plain = "".join(letter for letter, _ in letters)
    accented = "".join(letter + "".join(marks) for letter, marks in letters)
    assert search_key(accented) == search_key(plain)


@pytest.mark.parametrize("invisible", ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])
def test_invisible_characters_do_not_change_the_key(invisible: str) -> None:
    assert search_key(f"Nu{invisible}nez") == search_key("Nunez")


def test_vowel_signs_that_spell_a_word_are_kept() -> None:
    # Devanagari "कुछ" (something) and "कछ" are different words; only accents are dropped.
    assert search_key("कुछ") != search_key("कछ")
