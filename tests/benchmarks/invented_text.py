"""Invented people, places and a recorder's sentences for the generated benchmark record.

Given and family names are drawn independently, so no generated person is a real one.
"""

from __future__ import annotations

# fmt: off
GIVEN_NAMES = (
    "Amara", "Bastien", "Camila", "Dario", "Elif", "Farah", "Gideon", "Hana", "Ines", "Joaquin",
    "Kiana", "Lior", "Mateo", "Nadia", "Oren", "Priya", "Quinn", "Rafael", "Selin", "Tomas", "Uma",
    "Valeria", "Wren", "Ximena", "Yusuf", "Zara", "Aiden", "Bianca", "Caleb", "Dalia", "Emeka",
    "Fiona", "Gael", "Hollis", "Imani", "Jonah", "Keoni", "Leilani", "Marisol", "Nikhil", "Odessa",
    "Paloma", "Rowan", "Saanvi", "Theo", "Ulises", "Vivian", "Wesley", "Yara", "Zion", "Anouk",
    "Benicio", "Cora", "Desmond", "Esme", "Felix", "Greta", "Hugo", "Isla", "Jasper", "Kaia",
    "Lucian", "Mireya", "Noor", "Otis", "Pilar", "Rhea", "Silas", "Tala", "Vikram", "Willa",
    "Xavier", "Yasmin", "Zeke", "Mei", "Arjun", "Lupe", "Thao", "Minh", "Soraya",
)
FAMILY_NAMES = (
    "Abernathy", "Balogun", "Castellanos", "Delacroix", "Eskildsen", "Fairweather", "Galindo",
    "Halvorsen", "Ibarra", "Jablonski", "Kowalczyk", "Lindqvist", "Marchetti", "Nakashima",
    "Okonkwo", "Pellegrino", "Quintero", "Rasmussen", "Szymanski", "Takahashi", "Underhill",
    "Valderrama", "Whitlock", "Yilmaz", "Zamora", "Achterberg", "Bertrand", "Cifuentes",
    "Drummond", "Echeverria", "Figueroa", "Grisham", "Hollister", "Iwasaki", "Jovanovic",
    "Kincaid", "Larrabee", "Montalvo", "Nystrom", "Ortega", "Pacheco", "Quimby", "Rosales",
    "Sandoval", "Thorne", "Urquhart", "Vasquez", "Winslow", "Xiong", "Yamamoto", "Zielinski",
    "Ashby", "Brennan", "Calloway", "Duarte", "Ellery", "Fontaine", "Garroway", "Huynh",
    "Iglesias", "Jaramillo", "Kwan", "Lozano", "Mercado", "Navarro", "Oyelaran", "Prescott",
    "Renner", "Solberg", "Tran", "Villanueva", "Whitaker", "Yoder", "Zepeda", "Ferreira", "Moreau",
    "Castillo", "Okafor", "Pham",
)
# fmt: on
TITLES = ("Ms.", "Mr.", "Mrs.", "Mx.", "Dr.")
STAFF_JOBS = (
    "counselor",
    "school psychologist",
    "resource teacher",
    "ELD coordinator",
    "assistant principal",
    "speech-language pathologist",
    "intervention teacher",
    "school nurse",
    "social worker",
)
GRADES = ("K", "1", "2", "3", "4", "5", "6", "7", "8")
LANGUAGE_STATUS = (("EO", 55), ("EL", 25), ("IFEP", 8), ("RFEP", 10), ("TBD", 2))
FAMILY_LANGUAGES = (("en", 60), ("es", 28), ("vi", 6), ("tl", 2), ("zh", 2), ("ar", 2))
LOCATIONS = ("Room 12", "Library conference room", "Counseling office", "Room 31", "Main office")
SUBJECTS = ("reading", "writing", "math", "science", "social studies", "PE", "art", "music")
SUPPORT_ROLES = ("teacher", "teacher", "administrator", "other")

# Sentences per pane; {s} is the student's first name, {t} a teacher, {p} the parent or
# guardian, {x} a subject, {n} and {m} small numbers, {d} a weekday.
PANE_SENTENCES: dict[str, tuple[str, ...]] = {
    "welcome": (
        "Introductions made around the table; roles assigned for today's meeting.",
        "{p} attending in person; an interpreter joined for the family.",
        "Purpose of the meeting explained to the family: to share strengths and agree on a plan.",
        "{t} reminded everyone that the meeting is confidential and will take about 30 minutes.",
        "{p} joined by phone from work and could stay for the whole meeting.",
        "Norms reviewed: start with strengths, stay on one concern, leave with a plan.",
        "{s} joined for the first ten minutes and shared what is going well at school.",
        "Notes from the last meeting were read aloud so everyone starts from the same place.",
    ),
    "strengths": (
        "{s} is kind to classmates and often helps younger students at recess.",
        "Strong in {x}; {t} says {s} explains ideas clearly to a partner.",
        "Attendance is {n}% this year and {s} is rarely late.",
        "{p} says {s} loves to draw, builds with blocks and reads comics at home.",
        "{s} responds well to praise and to a quiet reminder from an adult they trust.",
        "Works hard in small groups and finishes tasks when the steps are written down.",
        "Has a good friendship group and is a leader on the soccer team at lunch.",
        "Curious in {x} and asks thoughtful questions during experiments.",
        "Takes care of the class garden and is proud of that job.",
        "{s} uses the calm-down corner independently most days now.",
    ),
    "problem": (
        "Reading fluency is below grade level: {n} words correct per minute on the last probe.",
        "{t} reports that {s} has difficulty starting written work without one-to-one help.",
        "Incomplete homework in {x}; {m} of the last 10 assignments were turned in.",
        "Frequent visits to the nurse on {d}s, mostly in the first period.",
        "{s} becomes frustrated during independent work and leaves the seat several times.",
        "Tardies have increased since the winter break: {m} this month.",
        "Conflicts with peers during unstructured time, especially at lunch.",
        "Struggles to follow multi-step directions given orally in {x}.",
        "Family reports {s} is tired in the morning and finds it hard to get to school on time.",
        "Math computation is a relative strength but word problems are a barrier.",
        "The team agreed to focus today on one concern: getting started on written tasks.",
    ),
    "goals": (
        "By the next meeting, {s} will read {n} words correct per minute on a grade-level probe.",
        "{s} will start independent work within two minutes of the direction on 4 of 5 days.",
        "{s} will turn in {n}% of {x} homework, checked weekly by {t}.",
        "{s} will use a break card instead of leaving the room, tracked on a daily chart.",
        "Reduce tardies to no more than {m} per month by the follow-up meeting.",
        "{s} will complete a graphic organizer before each writing task with no more than one prompt.",
        "Baseline: {m} of 10 tasks started on time. Target: 8 of 10 within six weeks.",
        "{s} will solve two-step word problems with {n}% accuracy on weekly checks.",
    ),
    "brainstorm": (
        "Ideas: daily check-in with a trusted adult; seat near the front; visual schedule.",
        "{t} suggested a reading buddy from an older class twice a week.",
        "{p} can sign a homework folder every evening if it comes home in the backpack.",
        "Break card with a timer; two breaks allowed per period.",
        "Small-group {x} intervention with the resource teacher, 30 minutes, {n} days a week.",
        "Morning meeting role so {s} has a reason to arrive on time.",
        "Chunk assignments into parts and check off each part on a sticky note.",
        "Lunch bunch with the counselor on {d}s to practise solving conflicts.",
        "Audio books for independent reading at home; library card for the family.",
        "Positive note home each Friday when the goal was met three days or more.",
        "Graphic organizers for writing, modelled first by {t}.",
        "Preferential seating away from the door and the pencil sharpener.",
    ),
    "plan": (
        "Check-in/check-out with the counselor every morning and afternoon; starts {d}.",
        "{t} will model the graphic organizer and give {s} a copy to keep in the binder.",
        "Resource teacher will run a reading group {n} times a week for six weeks.",
        "{p} will sign the homework folder each evening and send it back the next day.",
        "Counselor will lead a lunch bunch on {d}s for four weeks.",
        "{t} will record task starts on the tracking sheet daily and share it each Friday.",
        "Break card introduced by the counselor this week; {t} will prompt its use.",
        "Progress will be measured with weekly fluency probes by the reading specialist.",
        "Nurse will call {p} after a second visit in one week.",
        "Follow-up meeting in six weeks to review the data and adjust the plan.",
    ),
    "closure": (
        "Plan read back to the team; everyone agreed to their part.",
        "{p} thanked the team and will share the plan with {s} tonight.",
        "Follow-up set for six weeks from today; the recorder will send the notes.",
        "Copies of the plan given to {p} in the family's language.",
        "{s} chose a reward for meeting the goal: extra time in the art corner.",
        "Team to contact {p} by phone before the follow-up if anything changes.",
        "Meeting ended on time; the timekeeper noted the plan took longer than planned.",
    ),
}
# Typical length of each pane's text: (shortest, longest) in characters.
PANE_LENGTH = {
    "welcome": (200, 700),
    "strengths": (300, 1200),
    "problem": (300, 1500),
    "goals": (250, 1100),
    "brainstorm": (400, 1500),
    "plan": (400, 1500),
    "closure": (200, 800),
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
