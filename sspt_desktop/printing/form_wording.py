"""The wording of printed forms, read from ``forms/<language>/<form>.json``.

Parent-facing words are data, one file per language, so a translator edits JSON, never code.
A language without its own file falls back to English, and says so to the caller.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

FALLBACK_LANGUAGE = "en"


@dataclass(frozen=True, slots=True)
class FormWording:
    """The words of one form in one language; ``language`` is the one actually used."""

    form: str
    language: str
    text: dict[str, Any]

    def __getitem__(self, key: str) -> str:
        return str(self.text[key])

    def field(self, key: str) -> str:
        return str(self.text["fields"][key])


def load_wording(form: str, language: str) -> FormWording:
    """The wording of ``form`` in ``language``, or in English when there is none."""
    root = files("sspt_desktop.forms")
    for candidate in (language, FALLBACK_LANGUAGE):
        resource = root.joinpath(candidate, f"{form}.json")
        if resource.is_file():
            return FormWording(form, candidate, json.loads(resource.read_text(encoding="utf-8")))
    raise FileNotFoundError(f"The form '{form}' is not shipped with this version.")
