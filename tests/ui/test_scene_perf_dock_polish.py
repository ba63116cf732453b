"""Dock polish: no stray top-level widgets from the inspector's fields, and docks that follow a dark palette."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

from workbench.paths import sample_design_path
from workbench.ui.docks import DEFAULT_AREAS, InspectorDock, MetricsDock, add_default_docks, create_docks
from workbench.ui.docks.colors import card_color, muted_text
from workbench.ui.document import Document
from workbench.ui.theme import DARK, LIGHT, apply_widget_palette

# The offscreen platform warns whenever a top-level window's size hints change; it says nothing about our code.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


class StandIn(QMainWindow):
    """What the docks need from the main window."""

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self.setCentralWidget(QLabel("canvas"))

    def place_block_at_center(self, type_id: str) -> None:
        pass

    def select_and_center(self, block_ids: list[str]) -> None:
        pass


@pytest.fixture
def document(qtbot) -> Iterator[Document]:  # type: ignore[no-untyped-def]
    doc = Document()
    doc.open(sample_design_path())
    doc.recalculate_now()
    yield doc
    doc.undo_stack.cleanChanged.disconnect()
    doc.deleteLater()


def _parentless() -> set[QWidget]:
    return {w for w in QApplication.topLevelWidgets() if w.parentWidget() is None}


def test_the_inspector_leaves_no_top_level_widget_behind(qtbot, document: Document) -> None:  # type: ignore[no-untyped-def]
    before = _parentless()
    window = StandIn(document)
    qtbot.addWidget(window)
    dock = InspectorDock(window, document)
    window.addDockWidget(DEFAULT_AREAS["InspectorDock"], dock)
    window.show()
    qtbot.waitExposed(window)
    assert _parentless() - before == {window}
    # Every page and every field shown and hidden: a rack, a mixed selection, nothing (hall, site, assumptions).
    blocks = list(document.design.blocks.values())
    rack = next(b for b in blocks if b.type_id.startswith("rack."))
    other = next(b for b in blocks if not b.type_id.startswith("rack."))
    for selection in ({rack.id}, {rack.id, other.id}, {other.id}, set()):
        document.set_selection(selection)
        QApplication.processEvents()
    new = _parentless() - before
    assert new == {window}, [type(w).__name__ for w in new]
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]


def _with_palette(theme_dark: bool) -> None:
    apply_widget_palette(QApplication.instance(), DARK if theme_dark else LIGHT)  # type: ignore[arg-type]
    QApplication.processEvents()


def test_docks_follow_the_dark_palette_and_back(qtbot, document: Document) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    saved_palette, saved_style = app.palette(), app.style().name()  # type: ignore[union-attr]
    window = StandIn(document)
    qtbot.addWidget(window)
    docks = create_docks(window, document)
    add_default_docks(window, docks)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    metrics = next(d for d in docks if isinstance(d, MetricsDock))
    inspector = next(d for d in docks if isinstance(d, InspectorDock))
    try:
        for dark in (True, False, True):
            _with_palette(dark)
            palette = metrics.palette()
            assert (palette.color(QPalette.ColorRole.Window).lightness() < 128) == dark
            body = metrics.widget().widget()  # the scroll area's page, which carries the tile style
            assert card_color(palette).name() in body.styleSheet()
            assert "#f4f6f8" not in body.styleSheet()  # the old white card
            unit = inspector.design_page.hall_form.fields["width_mm"].unit  # the inspector's muted units
            assert unit.palette().color(QPalette.ColorRole.WindowText) == muted_text(palette)
            # Painted, not just styled: the first tile's card is dark in the dark theme.
            tile = next(w for w in body.findChildren(QWidget) if w.property("role") == "tile")
            image = tile.grab().toImage()
            card = QColor(image.pixel(image.width() // 2, image.height() - 4))
            assert (card.lightness() < 100) == dark, card.name()
            chart = metrics.chart
            assert chart.backgroundBrush().color() == palette.color(QPalette.ColorRole.Base)
    finally:
        app.setStyle(saved_style)  # type: ignore[union-attr]
        app.setPalette(saved_palette)  # type: ignore[union-attr]
