"""Text size for the whole application (Ctrl+Plus / Ctrl+Minus), remembered between runs."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

STEPS = (0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)


class TextZoom:
    """Scales the application font in steps from 80 % to 200 %; layouts follow the font."""

    def __init__(self, app: QApplication, settings: QSettings) -> None:
        self._app = app
        self._settings = settings
        self._base = app.font().pointSizeF()
        saved = settings.value("view/text_scale", 1.0)
        # The settings file may hold anything a person or an older version wrote there.
        try:
            scale = float(saved) if isinstance(saved, int | float | str) else 1.0
        except ValueError:
            scale = 1.0
        self._index = min(range(len(STEPS)), key=lambda i: abs(STEPS[i] - scale))
        self._apply()

    @property
    def scale(self) -> float:
        return STEPS[self._index]

    def larger(self) -> None:
        self._index = min(self._index + 1, len(STEPS) - 1)
        self._apply()

    def smaller(self) -> None:
        self._index = max(self._index - 1, 0)
        self._apply()

    def reset(self) -> None:
        self._index = STEPS.index(1.0)
        self._apply()

    def _apply(self) -> None:
        font = self._app.font()
        font.setPointSizeF(self._base * self.scale)
        self._app.setFont(font)
        self._settings.setValue("view/text_scale", self.scale)
