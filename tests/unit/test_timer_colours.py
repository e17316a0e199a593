"""Paused reads at a glance, for colour-blind people too: the stylesheet's timer colours.

Hue alone is lost to many people, so the paused background must differ from every warning
step's background in lightness (a luminance contrast ratio of at least 1.4), and its text must
stay readable on it (WCAG AA, 4.5:1), in the meeting view's panel and in the room's window.
"""

from __future__ import annotations

import re

import pytest

from sspt_desktop.ui.shell.resources import load_stylesheet

LEVELS = ("normal", "last_minute", "time_up", "overtime")
#: What each widget shows while counting normally, when its rule sets no background of its own.
PLAIN = {"timerPanel": "#FFFFFF", "timekeeperWindow": "#12263F"}


def luminance(colour: str) -> float:
    red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(first: str, second: str) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def rule(widget: str, state: str, part: str = "") -> str:
    sheet = load_stylesheet()
    selector = re.escape(f'#{widget}[warning="{state}"]{part}')
    found = re.search(selector + r"\s*(?:,[^{]*)?\{([^}]*)\}", sheet)
    assert found, f"no rule for {widget} {state}{part}"
    return found.group(1)


def colour(body: str, name: str) -> str | None:
    found = re.search(rf"(?<![-\w]){name}:\s*(#[0-9A-Fa-f]{{6}})", body)
    return found.group(1).upper() if found else None


@pytest.mark.parametrize("widget", ["timerPanel", "timekeeperWindow"])
def test_paused_differs_from_every_warning_step_in_lightness(widget: str) -> None:
    paused = colour(rule(widget, "paused"), "background")
    assert paused is not None
    for level in LEVELS:
        background = colour(rule(widget, level), "background") or PLAIN[widget]
        assert contrast(paused, background) >= 1.4, (level, background)


@pytest.mark.parametrize("widget", ["timerPanel", "timekeeperWindow"])
def test_paused_text_is_readable_and_the_border_has_its_own_pattern(widget: str) -> None:
    body = rule(widget, "paused")
    paused = colour(body, "background")
    text = colour(rule(widget, "paused", " QLabel"), "color")
    assert paused is not None and text is not None
    assert contrast(paused, text) >= 4.5
    assert "dotted" in body
    for level in LEVELS:
        assert "dotted" not in rule(widget, level)


def test_the_contrast_arithmetic() -> None:
    assert contrast("#FFFFFF", "#000000") == pytest.approx(21)
    assert contrast("#777777", "#777777") == pytest.approx(1)
