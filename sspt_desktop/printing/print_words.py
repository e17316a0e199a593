"""The printed notes' words for the domain's codes and dates, from ``forms/<language>/``.

The domain stores codes (roles, areas, ratings, tiers, missing-field codes) and never words;
the user interface words them through ``tr()`` and the printed forms through this module, which
reads every label from the form's JSON so a translator edits data, never Python.
"""

from __future__ import annotations

from datetime import date, time
from enum import Enum
from typing import Any

from sspt_desktop.domain.goal import GoalWording
from sspt_desktop.domain.missing import Missing
from sspt_desktop.printing.form_wording import FormWording


class PrintWords:
    """Labels of codes, dates and goal sentences in the language of one printed form.

    ``section(name)`` gives one pane's words (``words.section("plan")["decision"]``);
    ``code(group, value)`` the label of a stored code (``code("role", Role.PARENT)``).
    """

    def __init__(self, wording: FormWording) -> None:
        self.wording = wording
        self._text = wording.text

    def __getitem__(self, key: str) -> str:
        return self.wording[key]

    def field(self, key: str) -> str:
        return self.wording.field(key)

    def section(self, name: str) -> dict[str, Any]:
        words: dict[str, Any] = self._text[name]
        return words

    def code(self, group: str, value: Enum) -> str:
        """The label of a stored code; an int code (a tier) is keyed by its number."""
        return str(self._text["codes"][group][str(value.value)])

    def pane(self, name: str) -> str:
        return str(self._text["panes"][name])

    def or_blank(self, value: str) -> str:
        """``value``, or the form's mark for a field nobody filled."""
        return value if value.strip() else self["not_filled"]

    def long_date(self, value: date | None) -> str:
        if value is None:
            return self["not_filled"]
        words = self._text["date"]
        return str(words["format"]).format(
            month=words["months"][value.month - 1], day=value.day, year=value.year
        )

    def short_date(self, value: date | None) -> str:
        """A date where a table column is narrow (the plan's start and review)."""
        if value is None:
            return self["not_filled"]
        words = self._text["date"]
        return str(words["short_format"]).format(
            month=words["months_short"][value.month - 1], day=value.day, year=value.year
        )

    def clock_time(self, value: time) -> str:
        return str(self._text["date"]["time"]).format(
            hour=f"{value.hour:02d}", minute=f"{value.minute:02d}"
        )

    def date_and_time(self, day: date | None, when: time | None) -> str:
        if day is None or when is None:
            return self.long_date(day) if when is None else self.clock_time(when)
        return str(self._text["date"]["date_and_time"]).format(
            date=self.long_date(day), time=self.clock_time(when)
        )

    def goal_wording(self) -> GoalWording:
        return GoalWording(**self._text["goals"]["sentence"])

    def gap(self, field_label: str, gap: Missing) -> str:
        """One gap of the closure check in the form's calm words."""
        return str(self._text["codes"]["missing"][gap.code.value]).format(field=field_label)
