"""The one colour palette of the canvas and the widgets, in a light and a dark variant."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

# One hue per catalog category; the docks' swatches use these too (workbench/ui/docks/colors.py).
CATEGORY_HUES: dict[str, str] = {
    "compute": "#2f6fd6",
    "network": "#8a4fd1",
    "storage": "#14908a",
    "power": "#e07b1a",
    "cooling": "#1fa9c9",
    "structure": "#7d8590",
}


@dataclass(frozen=True)
class Theme:
    """Every colour the hall canvas draws with; items ask the scene's theme, never hard-code."""

    name: str
    dark: bool
    canvas: str  # outside any hall
    canvas_grid: str  # coarse grid outside the halls
    floor: str  # hall floor
    tile: str  # 600 mm floor tiles
    tile_major: str  # every tenth tile line
    wall: str
    hall_label: str
    column: str
    door: str
    block_text: str
    block_text_muted: str
    front_mark: str
    liquid_mark: str
    selection: str
    rubber_window: str
    rubber_crossing: str
    error: str
    warning: str
    cold_aisle: str  # #AARRGGBB (Qt order), composited over the floor
    hot_aisle: str
    clearance: str
    handle: str
    scale_bar: str
    categories: dict[str, str] = field(default_factory=lambda: dict(CATEGORY_HUES))

    def category_fill(self, category: str) -> QColor:
        """A calm tint of the category hue, so outlines and labels stay readable on top."""
        base = QColor(self.categories.get(category, self.categories["structure"]))
        floor = QColor(self.floor)
        mix = 0.55 if self.dark else 0.30
        return QColor(
            round(base.red() * mix + floor.red() * (1 - mix)),
            round(base.green() * mix + floor.green() * (1 - mix)),
            round(base.blue() * mix + floor.blue() * (1 - mix)),
        )

    def category_edge(self, category: str) -> QColor:
        base = QColor(self.categories.get(category, self.categories["structure"]))
        return base.lighter(130) if self.dark else base.darker(115)


LIGHT = Theme(
    name="light", dark=False,
    canvas="#e9ecf0", canvas_grid="#dde1e6", floor="#fbfcfd", tile="#eceff3", tile_major="#d5dae1",
    wall="#2b3036", hall_label="#3b424b", column="#59616b", door="#2b3036",
    block_text="#1b1f24", block_text_muted="#4a525c", front_mark="#1b1f24", liquid_mark="#0d8fb3",
    selection="#ff8c1a", rubber_window="#2f6fd6", rubber_crossing="#2e9b4f",
    error="#d13438", warning="#d99a00",
    cold_aisle="#403d8fe0", hot_aisle="#38e0573d", clearance="#d99a00", handle="#ff8c1a",
    scale_bar="#2b3036",
)

DARK = Theme(
    name="dark", dark=True,
    canvas="#1b1e23", canvas_grid="#23272d", floor="#262a31", tile="#2e333b", tile_major="#3a404a",
    wall="#c9d1d9", hall_label="#c9d1d9", column="#8b949e", door="#c9d1d9",
    block_text="#f0f3f6", block_text_muted="#b8c0ca", front_mark="#f0f3f6", liquid_mark="#4cc9f0",
    selection="#ffa64d", rubber_window="#58a6ff", rubber_crossing="#56d364",
    error="#ff5c5c", warning="#e3b341",
    cold_aisle="#4a3d8fe0", hot_aisle="#40e0573d", clearance="#e3b341", handle="#ffa64d",
    scale_bar="#c9d1d9",
)


def theme_named(name: str) -> Theme:
    return DARK if name == "dark" else LIGHT


def apply_widget_palette(app: QApplication, theme: Theme) -> None:
    """Fusion with a matching palette, so docks and menus follow the canvas theme."""
    app.setStyle("Fusion")
    if not theme.dark:
        app.setPalette(app.style().standardPalette())
        return
    p = QPalette()
    window, base, text = QColor("#24282e"), QColor("#1b1e23"), QColor("#e6edf3")
    p.setColor(QPalette.ColorRole.Window, window)
    p.setColor(QPalette.ColorRole.WindowText, text)
    p.setColor(QPalette.ColorRole.Base, base)
    p.setColor(QPalette.ColorRole.AlternateBase, QColor("#2a2f36"))
    p.setColor(QPalette.ColorRole.ToolTipBase, QColor("#2a2f36"))
    p.setColor(QPalette.ColorRole.ToolTipText, text)
    p.setColor(QPalette.ColorRole.Text, text)
    p.setColor(QPalette.ColorRole.Button, QColor("#2d3239"))
    p.setColor(QPalette.ColorRole.ButtonText, text)
    p.setColor(QPalette.ColorRole.Highlight, QColor("#2f6fd6"))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor("#8b949e"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#6e7681"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#6e7681"))
    app.setPalette(p)
