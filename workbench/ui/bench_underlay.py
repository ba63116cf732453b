"""underlay_pan_frame: one pan step of the real hall view with a 50,000-entity underlay shown, against a bare
QGraphicsView drawing the same segments as one uncached QGraphicsPathItem per layer."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from workbench.bench.dxf_figures import UNDERLAY_ENTITIES, sample_underlay
from workbench.bench.measure import Figure
from workbench.model.blocktype import Catalog
from workbench.model.design import Design

FRAME_PX = (1600, 1000)
PAN_PX = 12  # per frame: a steady hand drag


def _pan_frames(view: Any, frames: int) -> float:
    """Median time of a horizontal scroll by PAN_PX followed by a synchronous repaint of the viewport."""
    from PySide6.QtWidgets import QApplication

    bar = view.horizontalScrollBar()
    view.viewport().repaint()  # the first paint fills caches; not a pan frame
    QApplication.processEvents()
    times = []
    direction = 1
    for _ in range(max(frames, 1)):
        if not bar.minimum() <= bar.value() + direction * PAN_PX <= bar.maximum():
            direction = -direction
        t0 = time.perf_counter()
        bar.setValue(bar.value() + direction * PAN_PX)
        view.viewport().repaint()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def underlay_pan_figure(design: Design, catalog: Catalog, runs: int, frames: int = 30) -> Figure:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QPen
    from PySide6.QtWidgets import QApplication, QGraphicsPathItem, QGraphicsScene, QGraphicsView

    from workbench.cad.dxf_import import read_underlay
    from workbench.ui.document import Document
    from workbench.ui.scene.hall_scene import HallScene
    from workbench.ui.scene.underlay_item import UnderlayItem, _layer_path
    from workbench.ui.scene.view import HallView

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        u = read_underlay(sample_underlay(Path(tmp)))
    x0, y0, x1, y1 = u.bounds() or (0.0, 0.0, 1.0, 1.0)
    # A working view: a quarter of the building's width across the window, panned over the data halls.
    rect = QRectF(x0 + (x1 - x0) * 0.1, -(y0 + (y1 - y0) * 0.6), (x1 - x0) * 0.25, (y1 - y0) * 0.25)
    results = []
    bare_results = []
    for _ in range(max(runs, 1)):
        doc = Document(catalog)
        doc.new()
        scene = HallScene(doc)
        item = UnderlayItem(u)
        scene.addItem(item)
        view = HallView(scene)
        view.resize(*FRAME_PX)
        view.show()
        app.processEvents()
        view.fit_rect(rect, 0)
        app.processEvents()
        results.append(_pan_frames(view, frames))
        view.hide()
        view.setScene(None)

        bare = QGraphicsScene()
        pen = QPen(QColor("#9aa3ad"), 0)
        for layer in range(len(u.layers)):
            path_item = QGraphicsPathItem(_layer_path(u.seg[u.seg_layer == layer]))
            path_item.setPen(pen)
            bare.addItem(path_item)
        bare.setSceneRect(item.mapRectToScene(item.boundingRect()))
        bare_view = QGraphicsView(bare)
        bare_view.resize(*FRAME_PX)
        bare_view.show()
        app.processEvents()
        bare_view.fitInView(rect)
        app.processEvents()
        bare_results.append(_pan_frames(bare_view, frames))
        bare_view.hide()
        bare_view.setScene(None)
    return Figure("underlay_pan_frame", len(design.blocks), statistics.median(results), frames,
                  statistics.median(bare_results),
                  note=f"{UNDERLAY_ENTITIES:,}-entity underlay, {PAN_PX} px pan + viewport repaint, bare = "
                       "uncached QGraphicsPathItem per layer")
