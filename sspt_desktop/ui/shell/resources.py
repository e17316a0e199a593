"""Shipped resources the user interface reads: the stylesheet and the panes' prompts."""

from __future__ import annotations

import json
from importlib.resources import files


def _read(name: str) -> str:
    return files("sspt_desktop.resources").joinpath(name).read_text(encoding="utf-8")


def load_stylesheet() -> str:
    return _read("style.qss")


def load_pane_prompts() -> dict[str, str]:
    return dict(json.loads(_read("pane_prompts.json"))["prompts"])
