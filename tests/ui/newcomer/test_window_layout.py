"""The window at 1920 × 1080: docks wide enough for their figures, cards that reflow, a chart that lets the dock scroll."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea

from workbench.ui.app import _parse, open_initial
from workbench.ui.main_window import MainWindow
from workbench.ui.settings import Settings


def _metrics(window: MainWindow):  # type: ignore[no-untyped-def]
    return next(d for d in window.docks if d.objectName() == "MetricsDock")


def _full_hd(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(settings=Settings(tmp_path / "fresh.ini"))  # no saved layout: the defaults
    qtbot.addWidget(window)
    open_initial(window, _parse([]))
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    window.document.recalculate_now()
    QApplication.processEvents()
    return window


def _cut(label: QLabel) -> bool:
    """A figure or name shown narrower than it needs. A word-wrapped note is not cut when narrower than its
    one-line width: it wraps (what matters there is that it gets the height its wrapped lines need)."""
    if not label.isVisibleTo(label.window()):
        return False
    if label.wordWrap():
        return label.height() < label.heightForWidth(label.width()) - 1
    return label.width() < label.sizeHint().width() - 1


def test_side_docks_start_wide_enough_and_no_figure_is_cut(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = _full_hd(qtbot, tmp_path)
    try:
        docks = {d.objectName(): d for d in window.docks}
        assert docks["PaletteDock"].width() >= 280
        assert docks["InspectorDock"].width() >= 380 and docks["MetricsDock"].width() >= 380
        metrics = _metrics(window)
        assert metrics.tile_columns in (2, 4)
        cut = [v.text() for _t, v in metrics.tiles.values() if _cut(v)]
        cut += [v.text() for _k, v in metrics.summary.values() if _cut(v)]
        assert cut == []
        inspector = docks["InspectorDock"]
        assert [w.text() for w in inspector.findChildren(QLabel) if w.text() and _cut(w)] == []
    finally:
        window.document.undo_stack.setClean()
        window.close()


@pytest.mark.qt_log_ignore("This plugin does not support")  # a floating dock on the offscreen platform
def test_metric_cards_reflow_to_the_dock_width(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = _full_hd(qtbot, tmp_path)
    try:
        metrics = _metrics(window)
        metrics.setFloating(True)
        for width, columns in ((900, 4), (420, 2), (230, 1)):
            metrics.resize(width, 700)
            QApplication.processEvents()
            assert metrics.tile_columns == columns, width
            assert not [v.text() for _t, v in metrics.tiles.values() if _cut(v)]
        metrics.setFloating(False)
    finally:
        window.document.undo_stack.setClean()
        window.close()


def test_the_wheel_over_the_pue_chart_scrolls_the_metrics_dock(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = _full_hd(qtbot, tmp_path)
    try:
        metrics = _metrics(window)
        area = metrics.widget()
        assert isinstance(area, QScrollArea)
        bar = area.verticalScrollBar()
        assert bar.maximum() > 0  # more to see than fits
        chart = metrics.chart
        area.ensureWidgetVisible(chart, 0, 0)
        if bar.value() == bar.maximum():
            bar.setValue(bar.maximum() - 40)  # room to scroll on
        QApplication.processEvents()
        before = bar.value()
        assert chart.isVisibleTo(window)
        pos = QPointF(chart.viewport().rect().center())
        event = QWheelEvent(pos, chart.viewport().mapToGlobal(pos), QPoint(0, 0), QPoint(0, -120),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)
        QApplication.sendEvent(chart.viewport(), event)
        assert bar.value() > before
    finally:
        window.document.undo_stack.setClean()
        window.close()
