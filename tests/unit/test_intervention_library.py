"""The intervention library of seed 003: the shipped data, its checks, team entries, search."""

from __future__ import annotations

import copy
import importlib.resources
import json
import re
import unicodedata
import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sspt_desktop.domain import text_search
from sspt_desktop.domain.errors import InvalidInput
from sspt_desktop.domain.intervention_library import (
    EntryKind,
    EntryOrigin,
    InterventionEntry,
    InterventionLibrary,
    Participants,
    new_team_entry,
)
from sspt_desktop.services.intervention_catalog import (
    InMemoryTeamInterventions,
    InterventionCatalog,
    shipped_intervention_library,
)

# No example database: tests must not leave files in the working tree.
PROPERTY = settings(database=None, deadline=None, max_examples=100)

# CI checks out the project docs beside the repository, as ../shared.
SEED_003 = Path(__file__).resolve().parents[2].parent / "shared/seeds/003_932f3d1c2921d9b6.txt"

ALTERNATIVES_OF_ATTACHMENT_C = (
    "Behavior Contracts",
    "Behavior Monitoring",
    "Cool Down/Calm Spaces/Reflection Area",
    "Counseling (By Student Health and Human Services Staff or School Psychologist)",
    "Educational Projects",
    "Mini-Courses",
    "Peer Mediations",
    "Problem Solving Skills",
    "Reflective Tasks",
    "Repairing the Harm Circle",
    "Restorative Questions Think Slip",
    "Scheduling Considerations",
    "School Community- Service/ Restitution",
)


def shipped_document() -> dict[str, Any]:
    resources = importlib.resources.files("sspt_desktop.resources")
    data = json.loads(resources.joinpath("interventions.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def shipped() -> InterventionLibrary:
    return shipped_intervention_library()


def titles(entries: tuple[InterventionEntry, ...]) -> list[str]:
    return [e.title for e in entries]


# --- The shipped data ---------------------------------------------------------------------------


def test_the_shipped_file_is_format_1_and_names_its_seed(shipped: InterventionLibrary) -> None:
    assert shipped_document()["format"] == 1
    assert shipped.source.startswith("seed 003_932f3d1c2921d9b6.txt (")
    assert "BUL-133307" in shipped.source
    assert all(e.origin is EntryOrigin.SEED for e in shipped.entries)


def test_the_shipped_file_holds_the_13_alternatives_to_suspension_in_full(
    shipped: InterventionLibrary,
) -> None:
    alternatives = shipped.of_kind(EntryKind.ALTERNATIVE_TO_SUSPENSION)
    assert tuple(titles(alternatives)) == ALTERNATIVES_OF_ATTACHMENT_C
    for entry in alternatives:
        assert entry.description.strip(), entry.key
        assert entry.strategies, entry.key
        assert entry.participants.desired, entry.key
        assert entry.participants.optional, entry.key
        assert entry.tier is None
        assert entry.seed_section == "ATTACHMENT C > ALTERNATIVES TO OUT-OF-SCHOOL SUSPENSIONS"


def test_the_shipped_file_holds_the_supports_and_strategies_of_every_tier(
    shipped: InterventionLibrary,
) -> None:
    counts = {tier: len(shipped.of_tier(tier)) for tier in (1, 2, 3)}
    assert counts == {1: 7, 2: 5, 3: 6}
    for tier in (1, 2, 3):
        for entry in shipped.of_tier(tier):
            assert entry.kind is EntryKind.SUPPORT
            assert entry.seed_section.startswith(f"Tier {tier} ")
            # The bulletin lists the tiered items by name only: nothing is made up for them.
            assert entry.description == ""
            assert entry.strategies == ()
    assert "Check-ins" in titles(shipped.of_tier(1))
    assert "Interim Behavior Response Plan (IBRP)" in titles(shipped.of_tier(3))


def test_shipped_keys_are_stable_slugs(shipped: InterventionLibrary) -> None:
    for entry in shipped.entries:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", entry.key), entry.key
    assert shipped.entry("alternative-behavior-contracts").title == "Behavior Contracts"
    assert shipped.entry("tier1-check-ins").tier == 1


def test_the_library_survives_a_round_trip_through_json(shipped: InterventionLibrary) -> None:
    again = InterventionLibrary.from_json(shipped.to_json())
    assert again == shipped
    assert json.loads(shipped.to_json())["entries"] == shipped_document()["entries"]


def _flat_seed_text() -> str:
    if not SEED_003.is_file():
        pytest.skip("seed 003 is not beside the repository (../shared/seeds)")
    text = SEED_003.read_text(encoding="utf-8")
    # The seed's tables hold HTML lists and italics; compare words, not markup or line breaks.
    return " ".join(re.sub(r"<[^>]+>", " ", text).split())


def test_every_entry_is_traceable_to_its_seed_section(shipped: InterventionLibrary) -> None:
    seed = _flat_seed_text()
    for entry in shipped.entries:
        for heading in entry.seed_section.split(" > "):
            assert heading in seed, (entry.key, heading)
        quoted = [
            entry.title,
            entry.description,
            *entry.strategies,
            *entry.participants.desired,
            *entry.participants.optional,
        ]
        for text in filter(None, quoted):
            assert " ".join(text.split()) in seed, (entry.key, text)


def test_every_tiered_item_the_bulletin_lists_is_in_the_library(
    shipped: InterventionLibrary,
) -> None:
    _flat_seed_text()  # skips without the seed
    seed = SEED_003.read_text(encoding="utf-8")
    for tier in (1, 2, 3):
        block = re.search(
            rf"^Tier {tier} \w+ (?:Prevention )?Supports and Strategies include but are not "
            r"limited to:\n\n((?:- .+\n)+)",
            seed,
            re.MULTILINE,
        )
        assert block is not None, tier
        listed = [line[2:].strip() for line in block.group(1).splitlines()]
        assert titles(shipped.of_tier(tier)) == listed


# --- Damaged documents --------------------------------------------------------------------------


def _damaged(change: Any) -> str:
    data = copy.deepcopy(shipped_document())
    change(data)
    return json.dumps(data)


def _set(entry: int, field: str, value: Any) -> Any:
    def change(data: dict[str, Any]) -> None:
        data["entries"][entry - 1][field] = value

    return change


def _drop(entry: int, field: str) -> Any:
    def change(data: dict[str, Any]) -> None:
        del data["entries"][entry - 1][field]

    return change


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (_set(2, "title", ""), ["Entry 2", "community-building-circles", "'title'"]),
        (_drop(3, "title"), ["Entry 3", "'title'"]),
        (_drop(4, "key"), ["Entry 4", "'key'"]),
        (_set(20, "strategies", "Journaling"), ["Entry 20", "'strategies'", "list"]),
        (_set(20, "strategies", ["ok", 3]), ["Entry 20", "'strategies'"]),
        (_set(1, "tier", 4), ["Entry 1", "'tier'"]),
        (_set(1, "tier", "1"), ["Entry 1", "'tier'"]),
        (_set(1, "tier", True), ["Entry 1", "'tier'"]),
        (_set(5, "kind", "punishment"), ["Entry 5", "'kind'", "alternative_to_suspension"]),
        (_set(6, "description", None), ["Entry 6", "'description'"]),
        (_set(7, "seed_section", ""), ["Entry 7", "seed section"]),
        (_set(8, "participants", ["Student"]), ["Entry 8", "'participants'"]),
        (_set(9, "origin", "imported"), ["Entry 9", "'origin'"]),
        (_set(10, "key", "tier1-check-ins"), ["tier1-check-ins", "share"]),
        (lambda d: d.update(format=2), ["format 2", "newer"]),
        (lambda d: d.pop("format"), ["'format'"]),
        (lambda d: d.update(entries={"a": 1}), ["'entries'"]),
        (lambda d: d["entries"].__setitem__(2, "Check-ins"), ["Entry 3"]),
    ],
)
def test_a_damaged_document_gives_a_message_naming_the_problem(
    change: Any, words: list[str]
) -> None:
    with pytest.raises(InvalidInput) as raised:
        InterventionLibrary.from_json(_damaged(change))
    for word in words:
        assert word in str(raised.value)


def test_damaged_participants_name_the_list_that_is_wrong() -> None:
    def change(data: dict[str, Any]) -> None:
        data["entries"][19]["participants"]["optional"] = "Caregiver"

    with pytest.raises(InvalidInput, match=r"Entry 20 .*participants: 'optional' must be a list"):
        InterventionLibrary.from_json(_damaged(change))


def test_text_that_is_not_json_gives_its_line() -> None:
    with pytest.raises(InvalidInput, match=r"not valid JSON \(line 2\)"):
        InterventionLibrary.from_json('{"format": 1,\n "entries": [,]}')


# --- Team entries -------------------------------------------------------------------------------


def test_a_team_entry_gets_a_uuid_key_and_the_team_origin() -> None:
    entry = new_team_entry("  Lunch bunch  ", description=" Weekly ", strategies=["a", " ", "b "])
    assert uuid.UUID(entry.key).version == 4
    assert entry.origin is EntryOrigin.TEAM
    assert (entry.title, entry.description, entry.strategies) == (
        "Lunch bunch",
        "Weekly",
        ("a", "b"),
    )
    assert entry.seed_section == ""
    assert new_team_entry("Lunch bunch").key != entry.key


def test_a_team_entry_keeps_its_origin_through_json() -> None:
    entry = new_team_entry("Lunch bunch", tier=2, participants=Participants(("Counselor",), ()))
    assert InterventionEntry.from_mapping(json.loads(json.dumps(entry.to_mapping()))) == entry


def test_team_entries_follow_the_shipped_ones_and_are_searchable(
    shipped: InterventionLibrary,
) -> None:
    mine = new_team_entry("Lunch bunch with Señora Núñez")
    library = shipped.with_team_entries([mine])
    assert library.entries == (*shipped.entries, mine)
    assert library.search("nunez") == (mine,)
    assert library.search("NÚÑEZ") == (mine,)
    assert library.search("NU\u0301N\u0303EZ lunch") == (mine,)


def test_only_team_entries_can_be_merged_as_team_entries(shipped: InterventionLibrary) -> None:
    with pytest.raises(InvalidInput, match="not a team entry"):
        shipped.with_team_entries([shipped.entries[0]])


def test_a_seed_entry_must_name_its_seed_section() -> None:
    with pytest.raises(InvalidInput, match="seed section"):
        InterventionEntry(key="x", title="X", kind=EntryKind.SUPPORT)


def test_the_catalog_keeps_team_entries_in_its_store(shipped: InterventionLibrary) -> None:
    store = InMemoryTeamInterventions()
    catalog = InterventionCatalog(store, shipped)
    added = catalog.add_team_entry("Ζωή's reading buddies", strategies=["Buddy reading"])
    assert list(store.list()) == [added]
    assert catalog.search("ζωή") == (added,)
    assert catalog.search("buddy") == (added,)
    # A catalog opened later over the same store still offers the entry.
    reopened = InterventionCatalog(store, shipped)
    assert reopened.library.entry(added.key) == added
    assert len(reopened.library) == len(shipped) + 1


def test_the_catalog_reads_the_shipped_file_by_default() -> None:
    catalog = InterventionCatalog(InMemoryTeamInterventions())
    assert len(catalog.library.of_kind(EntryKind.ALTERNATIVE_TO_SUSPENSION)) == 13


def test_a_refused_team_entry_is_not_stored(shipped: InterventionLibrary) -> None:
    store = InMemoryTeamInterventions()
    catalog = InterventionCatalog(store, shipped)
    with pytest.raises(InvalidInput):
        catalog.add_team_entry("   ")
    with pytest.raises(InvalidInput):
        catalog.add_team_entry("Tier five", tier=5)
    assert list(store.list()) == []


# --- Search as you type -------------------------------------------------------------------------


def _seed_entry(key: str, title: str, description: str = "", *strategies: str) -> InterventionEntry:
    return InterventionEntry(
        key=key,
        title=title,
        kind=EntryKind.STRATEGY,
        description=description,
        strategies=strategies,
        seed_section="test",
    )


def test_an_empty_query_offers_every_entry(shipped: InterventionLibrary) -> None:
    assert shipped.search("") == shipped.entries
    assert shipped.search("   ") == shipped.entries


def test_title_prefix_beats_title_word_beats_elsewhere() -> None:
    elsewhere = _seed_entry("a", "Quiet corner", "Chairs set in a circle")
    in_strategies = _seed_entry("b", "Morning meeting", "", "Sit in a circle")
    title_word = _seed_entry("c", "Restorative circle")
    title_prefix = _seed_entry("d", "Circle time")
    library = InterventionLibrary((elsewhere, in_strategies, title_word, title_prefix))
    assert library.search("circle") == (title_prefix, title_word, elsewhere, in_strategies)
    assert library.search("CIRC") == (title_prefix, title_word, elsewhere, in_strategies)
    # Typed words that each start a title word rank above a match inside the description.
    assert library.search("time circ") == (title_prefix,)


def test_every_typed_word_must_match(shipped: InterventionLibrary) -> None:
    assert titles(shipped.search("harm circle")) == [
        "Repairing the harm circles",
        "Repairing the Harm Circle",
    ]
    assert shipped.search("harm zebra") == ()
    assert titles(shipped.search("role play journaling")) == ["Reflective Tasks"]


def test_search_looks_in_titles_descriptions_and_strategies(
    shipped: InterventionLibrary,
) -> None:
    assert titles(shipped.search("check-ins")) == ["Check-ins"]
    assert "Behavior Monitoring" in titles(shipped.search("mentor"))  # a strategy
    assert titles(shipped.search("altruism")) == ["School Community- Service/ Restitution"]
    assert titles(shipped.search("ibrp")) == ["Interim Behavior Response Plan (IBRP)"]
    assert titles(shipped.search("REST"))[:3] == [
        "Restorative language (i.e., affective statements and restorative questions)",
        "Restorative conferences",
        "Restorative Questions Think Slip",
    ]


def test_a_keystroke_only_normalises_what_was_typed(
    shipped: InterventionLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = 0
    real = text_search.search_key

    def counting(text: str) -> str:
        nonlocal calls
        calls += 1
        return real(text)

    monkeypatch.setattr(text_search, "search_key", counting)
    typed = "repairing the harm circle"
    expected = {prefix: shipped.search(prefix) for prefix in (typed[:n] for n in range(26))}
    calls = 0
    # Tens of thousands of keystrokes: the entries were normalised once, when the library was made.
    for keystroke in range(20_000):
        prefix = typed[: keystroke % len(typed) + 1]
        assert shipped.search(prefix) == expected[prefix]
    assert calls == 20_000


SHIPPED = shipped_intervention_library()
GREEK_LOWER = (
    "".join(chr(code) for code in range(0x3B1, 0x3CA))
    + "\u03ac\u03ad\u03ae\u03af\u03cc\u03cd\u03ce"
)
TITLE_LETTERS = "abcdefghijklmnopqrstuvwxyzáéíñóúüç" + GREEK_LOWER


@PROPERTY
@given(
    st.text(alphabet=TITLE_LETTERS + " ", min_size=1, max_size=40).filter(str.strip),
    st.randoms(use_true_random=False),
    st.sampled_from(["NFC", "NFD"]),
)
def test_case_and_accent_variants_of_a_title_find_it(title: str, random: Any, form: str) -> None:
    entry = new_team_entry(title)
    library = SHIPPED.with_team_entries([entry])
    mixed = "".join(ch.upper() if random.random() < 0.5 else ch for ch in title)
    unaccented = "".join(
        ch for ch in unicodedata.normalize("NFD", title) if not unicodedata.combining(ch)
    )
    for variant in (title, mixed, unaccented, unicodedata.normalize(form, mixed)):
        found = library.search(variant)
        assert entry in found, variant
        # Typing a whole title ranks its entry with the title-prefix matches: only entries whose
        # titles also start with what was typed come before it.
        typed = text_search.search_key(variant)
        ahead = found[: found.index(entry)]
        assert all(text_search.search_key(e.title).startswith(typed) for e in ahead)
    # Typing it key by key, the entry stays on offer at every step.
    for end in range(1, len(title) + 1):
        assert entry in library.search(title[:end])
