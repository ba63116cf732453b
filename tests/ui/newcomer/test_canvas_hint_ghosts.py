"""The canvas after edits: no ghost rack tiles after undoing a module insert; the empty-design hint gives way."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage

from workbench.editing.free_spot import place_module
from workbench.io.project import load_design
from workbench.paths import templates_dir
from workbench.ui.main_window import MainWindow
from workbench.ui.scene.coords import to_scene


def _frame(window: MainWindow) -> QImage:
    """What the screen shows: the window's backing store after Qt's own (partial) repaints, not a fresh render."""
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    view = window.view.viewport()
    shot = QApplication.primaryScreen().grabWindow(window.winId())
    top_left = view.mapTo(window, view.rect().topLeft())
    return shot.copy(top_left.x(), top_left.y(), view.width(), view.height()).toImage()


def _differing(a: QImage, b: QImage) -> int:
    return sum(1 for y in range(0, a.height(), 2) for x in range(0, a.width(), 2) if a.pixel(x, y) != b.pixel(x, y))


def test_undoing_a_module_insert_leaves_no_ghost_tiles(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    doc, view = window.document, window.view
    view.fit_hall()
    view.set_px_per_mm(0.0012)  # far out: racks are drawn as overview tiles, not items
    assert window.scene.detail is not None
    before = _frame(window)
    module = load_design(templates_dir() / "modules" / "nvl72-pod-1200kw.dchall.json", doc.catalog).design
    placed = place_module(doc.design, doc.catalog, module)
    assert placed.edit is not None
    with qtbot.waitSignal(doc.results_ready, timeout=3000):
        doc.push(placed.edit)
    inserted = _frame(window)
    assert _differing(before, inserted) > 0  # the pod's tiles are visible
    with qtbot.waitSignal(doc.results_ready, timeout=3000):
        doc.undo_stack.undo()
    qtbot.wait(100)  # the overview layer rebuilds on the next paint
    after = _frame(window)
    assert _differing(before, after) == 0


def test_the_empty_hint_gives_way_to_a_drawn_hall(empty_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from workbench.ui.scene.tools import HallOutlineTool

    w = empty_window
    view = w.view
    assert view.shows_empty_hint()
    w.editor.set_tool(HallOutlineTool(w.editor))
    view.fit_rect(w.scene.sceneRect().adjusted(30000, 30000, -30000, -30000))
    vp = view.viewport()
    a = view.mapFromScene(to_scene(22000, 2000))
    b = view.mapFromScene(to_scene(34000, 10000))
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    qtbot.mouseMove(vp, b)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)
    assert len(w.document.design.halls) == 2
    assert not view.shows_empty_hint()
    # Undo the hall: the design is untouched again and the hint is back, placed off the remaining hall.
    w.document.undo_stack.undo()
    assert view.shows_empty_hint()
    rect = view.empty_hint_rect()
    hall = view.mapFromScene(w.scene.halls_rect()).boundingRect()
    assert rect.isValid() and rect.width() > 200
    from PySide6.QtCore import QRectF

    hall_rect = QRectF(hall)
    room = hall_rect.top() - 40 > rect.height() or view.viewport().height() - hall_rect.bottom() - 80 > rect.height()
    assert not rect.intersects(hall_rect) or not room
