"""Students on the real record: search as you type in every script, the expected order,
duplicate IDs ignoring case, editing after creation, and the team's library entries kept."""

from __future__ import annotations

import pytest

from sspt_desktop.domain.intervention_library import InterventionLibrary
from sspt_desktop.domain.student import Student
from sspt_desktop.domain.text_limits import InvalidField
from sspt_desktop.services.intervention_catalog import InterventionCatalog
from sspt_desktop.services.record_opening import OpenRecord, open_memory_keyed_record
from sspt_desktop.services.student_records import DuplicateStudentNumber, StudentRecords
from sspt_desktop.services.team_interventions import StoredTeamInterventions
from sspt_desktop.storage.locations import DataLocations

PEOPLE = (
    ("1001", "Daniela", "Núñez"),
    ("1002", "Marcus", "Nunez"),
    ("1003", "Ζωή", "Παπαδοπούλου"),
    ("1004", "Ana", "Ortiz"),
    ("1005", "Émile", "Álvarez"),
    ("1006", "bob", "alvarez"),
    ("10%7", "Per_cent", "Lopez"),
    ("1008", "Li", "Zhang"),
    ("1009", "Amy", "Lin"),
)


@pytest.fixture
def record(locations: DataLocations) -> OpenRecord:
    opened = open_memory_keyed_record(locations)
    yield opened  # type: ignore[misc]
    opened.close()


@pytest.fixture
def students(record: OpenRecord) -> StudentRecords:
    records = StudentRecords(record.sessions)
    for number, first, last in PEOPLE:
        records.add(Student(None, number, first, last, "4"))
    return records


def found(students: StudentRecords, typed: str) -> list[str]:
    return [s.student_number for s in students.search(typed)]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("nunez", ["1001", "1002"]),
        ("NÚÑEZ", ["1001", "1002"]),
        ("Nu\u0301n\u0303ez", ["1001", "1002"]),  # accents typed as combining characters
        ("ζωή", ["1003"]),
        ("ΖΩΗ", ["1003"]),
        ("daniela nunez", ["1001"]),
        ("Núñez Daniela", ["1001"]),
        ("DanielaNúñez", ["1001"]),  # a full name typed as one word
        ("  daniela   NUNEZ ", ["1001"]),
        ("%", ["10%7"]),  # matched literally, not as "anything"
        ("_", ["10%7"]),
        ("per_c", ["10%7"]),
        ("1005", ["1005"]),
        ("emile", ["1005"]),
        ("xyz", []),
    ],
)
def test_search_as_you_type_ignores_case_and_accents_in_every_script(
    students: StudentRecords, typed: str, expected: list[str]
) -> None:
    assert found(students, typed) == expected


def test_the_list_sorts_case_insensitively_with_accents_beside_their_letters(
    students: StudentRecords,
) -> None:
    names = [(s.last_name, s.first_name) for s in students.search("")]
    assert names == [
        ("alvarez", "bob"),
        ("Álvarez", "Émile"),
        ("Lin", "Amy"),
        ("Lopez", "Per_cent"),
        ("Núñez", "Daniela"),  # same last name: by first name, accents ignored
        ("Nunez", "Marcus"),
        ("Ortiz", "Ana"),
        ("Zhang", "Li"),
        ("Παπαδοπούλου", "Ζωή"),
    ]


def test_an_id_differing_only_in_case_is_a_duplicate(record: OpenRecord) -> None:
    students = StudentRecords(record.sessions)
    students.add(Student(None, "AB-1029", "Daniela", "Reyes", "4"))
    with pytest.raises(DuplicateStudentNumber, match="already in the record"):
        students.add(Student(None, " ab-1029 ", "Other", "Child", "3"))
    assert len(students.search("")) == 1


def test_a_student_can_be_edited_but_not_onto_another_s_id(record: OpenRecord) -> None:
    students = StudentRecords(record.sessions)
    first = students.add(Student(None, "A1", "Danniela", "Reyes", "4"))
    second = students.add(Student(None, "B2", "Tuan", "Nguyen", "5"))
    assert first.id is not None and second.id is not None
    fixed = students.edit(Student(first.id, "a1", "Daniela", "Reyes", "5", uuid=first.uuid))
    assert students.get(first.id) == fixed
    assert found(students, "daniela") == ["a1"]
    assert found(students, "danniela") == []
    with pytest.raises(DuplicateStudentNumber):
        students.edit(Student(second.id, "A1", "Tuan", "Nguyen", "5"))


def test_names_are_checked_at_the_field(record: OpenRecord) -> None:
    students = StudentRecords(record.sessions)
    with pytest.raises(InvalidField) as refused:
        students.add(Student(None, "7", "Daniela\nReyes", "Reyes", "4"))
    assert refused.value.field == "first_name"
    with pytest.raises(InvalidField) as refused:
        students.add(Student(None, "7", "Daniela", "R" * 121, "4"))
    assert refused.value.field == "last_name"
    assert students.search("") == []


def test_team_library_entries_persist_in_the_record(locations: DataLocations) -> None:
    shipped = InterventionLibrary(entries=(), source="test")
    record = open_memory_keyed_record(locations)
    try:
        catalog = InterventionCatalog(StoredTeamInterventions(record.sessions), shipped)
        added = catalog.add_team_entry("Ζωή's reading buddies", strategies=["Buddy reading"])
        reopened = InterventionCatalog(StoredTeamInterventions(record.sessions), shipped)
        assert reopened.library.entries == (added,)
        assert reopened.search("zoe") == () and reopened.search("ζωη") == (added,)
    finally:
        record.close()
