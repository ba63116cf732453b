"""Wheel zoom keeps the point under the cursor still, at every zoom; walls redraw whole after zooming."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from workbench.ui.main_window import MainWindow
from workbench.ui.scene.coords import to_model


def _wheel(view, pos: QPointF, clicks: int) -> None:  # type: ignore[no-untyped-def]
    event = QWheelEvent(pos, view.viewport().mapToGlobal(pos), QPoint(0, 0), QPoint(0, 120 * clicks),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), event)


def _model_at(view, pos: QPointF) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    inverse, _ok = view.viewportTransform().inverted()
    return to_model(inverse.map(pos))


def test_the_point_under_the_cursor_stays_put_zooming_in_and_out(window: MainWindow) -> None:
    view = window.view
    view.fit_hall()
    # Never hovered before: Qt's own anchor would use a stale mouse position here.
    for pos in (QPointF(130.0, 90.0), QPointF(view.viewport().width() - 60.0, view.viewport().height() - 50.0)):
        for clicks in (3, 3, -2, -6, -6, -6, 4):  # out far enough that the halls are smaller than the view
            before = _model_at(view, pos)
            scale = view.px_per_mm()
            _wheel(view, pos, clicks)
            assert view.px_per_mm() != scale
            after = _model_at(view, pos)
            tolerance = 1.0 * view.mm_per_px()  # the scroll bars move in whole pixels
            assert abs(after[0] - before[0]) <= tolerance and abs(after[1] - before[1]) <= tolerance, \
                (clicks, before, after)


def test_menu_zoom_keeps_the_view_centre(window: MainWindow) -> None:
    view = window.view
    view.fit_hall()
    centre = view.view_center_model()
    window.commands["zoom_in"].trigger()
    window.commands["zoom_out"].trigger()
    window.commands["zoom_out"].trigger()
    after = view.view_center_model()
    assert abs(after[0] - centre[0]) <= 2 * view.mm_per_px() and abs(after[1] - centre[1]) <= 2 * view.mm_per_px()


def test_a_wall_is_drawn_whole_after_zooming_and_panning(window: MainWindow) -> None:
    from PySide6.QtGui import QColor

    view = window.view
    hall = next(h for h in window.document.design.halls if "1" in h.name)
    xs = [p[0] for p in hall.outline]
    ys = [p[1] for p in hall.outline]
    left, bottom, top = min(xs), min(ys), max(ys)
    view.fit_hall()
    corner = view.mapFromScene(QPointF(left, -bottom))
    for clicks in (2, 2, 2, -1, 1):
        _wheel(view, QPointF(corner), clicks)
        view.viewport().repaint()
    for _ in range(4):
        view.verticalScrollBar().setValue(view.verticalScrollBar().value() - 120)
        view.viewport().repaint()
    image = view.viewport().grab().toImage()
    wall = QColor(window.scene.theme.wall)
    x = view.mapFromScene(QPointF(left, 0)).x()
    y_top = max(view.mapFromScene(QPointF(left, -top)).y() + 30, 5)
    y_bottom = min(view.mapFromScene(QPointF(left, -bottom)).y() - 30, image.height() - 5)
    assert y_bottom - y_top > 200  # a long stretch of the left wall is in view
    gaps = [y for y in range(y_top, y_bottom) if QColor(image.pixel(x, y)) != wall]
    assert not gaps, f"wall missing at {len(gaps)} rows, e.g. {gaps[:5]}"
