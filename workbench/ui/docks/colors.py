"""Category and severity colours shared by the docks (the canvas theme should use the same hues)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap

from workbench.ui.theme import CATEGORY_HUES

# One hue per catalog category, defined once in the theme so palette and canvas always agree.
CATEGORY_COLORS: dict[str, str] = dict(CATEGORY_HUES)

SEVERITY_COLORS: dict[str, str] = {
    "error": "#d13438",
    "warning": "#d99a00",
    "info": "#2f6fd6",
}

# Capacity bars: comfortable, close to the limit, over the limit.
LOAD_OK = "#3a9a5b"
LOAD_HIGH = "#d99a00"
LOAD_OVER = "#d13438"
# Neutral tones are not constants: they come from the application palette (light or dark theme).
_ROLE = QPalette.ColorRole


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """a blended towards b by t (0 gives a, 1 gives b)."""
    return QColor(round(a.red() + (b.red() - a.red()) * t), round(a.green() + (b.green() - a.green()) * t),
                  round(a.blue() + (b.blue() - a.blue()) * t))


def text_color(palette: QPalette) -> QColor:
    return palette.color(_ROLE.WindowText)


def muted_text(palette: QPalette) -> QColor:
    """Secondary text (units, captions): the text colour pulled a third of the way to the background."""
    return mix(palette.color(_ROLE.WindowText), palette.color(_ROLE.Window), 0.38)


def track_color(palette: QPalette) -> QColor:
    """The empty part of a bar: a faint step away from the background."""
    return mix(palette.color(_ROLE.Window), palette.color(_ROLE.WindowText), 0.12)


def rule_color(palette: QPalette) -> QColor:
    """Card borders and section rules."""
    return mix(palette.color(_ROLE.Window), palette.color(_ROLE.WindowText), 0.2)


def card_color(palette: QPalette) -> QColor:
    """A card on the dock: the alternate base, which the light and dark palettes both set."""
    return palette.color(_ROLE.AlternateBase)


def is_dark(palette: QPalette) -> bool:
    return palette.color(_ROLE.Window).lightness() < 128


def category_color(category: str) -> QColor:
    return QColor(CATEGORY_COLORS.get(category, CATEGORY_COLORS["structure"]))


def load_color(fraction: float) -> QColor:
    """Green below 85 %, amber up to 100 %, red above."""
    if fraction > 1.0:
        return QColor(LOAD_OVER)
    if fraction > 0.85:
        return QColor(LOAD_HIGH)
    return QColor(LOAD_OK)


def swatch_icon(color: QColor | str, size: int = 14, shape: str = "square") -> QIcon:
    """A small filled square (categories) or circle (severities) as an icon."""
    c = QColor(color)
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(c.darker(130))
    p.setBrush(c)
    if shape == "circle":
        p.drawEllipse(1, 1, size - 2, size - 2)
    else:
        p.drawRoundedRect(1, 1, size - 2, size - 2, 2, 2)
    p.end()
    return QIcon(pm)
