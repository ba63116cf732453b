"""Scene build, drag frame and start-up times, against a bare QGraphicsScene of plain rectangles."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from workbench.bench.measure import Figure, median_time
from workbench.model.blocktype import Catalog
from workbench.model.design import Design

FRAME_PX = (1600, 1000)
DRAG_BLOCKS = 500
STARTUP_ENV = "WORKBENCH_QUIT_WHEN_SHOWN"
STARTUP_TIMEOUT_S = 20.0  # the app quits (exit code 0) once its window is shown


def _footprint_rects(design: Design, catalog: Catalog) -> list[tuple[float, float, float, float]]:
    """Scene rectangles (x, y, w, h) of every block: model mm with y pointing down, as the scene draws."""
    out = []
    for b in design.blocks.values():
        t = catalog.types.get(b.type_id)
        w, d = (t.width_mm, t.depth_mm) if t else (600.0, 600.0)
        if b.rotation_deg in (90, 270):
            w, d = d, w
        out.append((b.x_mm - w / 2, -b.y_mm - d / 2, w, d))
    return out


def _drag_ids(design: Design) -> list[str]:
    """A 500-block selection: the first racks of the first hall, as a user would drag a pod."""
    return list(design.blocks)[-DRAG_BLOCKS:] if len(design.blocks) > DRAG_BLOCKS else list(design.blocks)


def _render(view: Any, image: Any) -> None:
    from PySide6.QtGui import QPainter

    painter = QPainter(image)
    view.render(painter)
    painter.end()


def _bare(design: Design, catalog: Catalog, runs: int, frames: int) -> tuple[float, float]:
    """(scene build, frame) medians for plain QGraphicsRectItems rendered the same way."""
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene, QGraphicsView

    rects = _footprint_rects(design, catalog)
    holder: dict[str, Any] = {}

    def build() -> None:
        scene = QGraphicsScene()
        for r in rects:
            scene.addItem(QGraphicsRectItem(*r))
        holder["scene"] = scene

    build_s = median_time(build, runs)
    scene = holder["scene"]
    view = QGraphicsView(scene)
    view.resize(*FRAME_PX)
    view.fitInView(scene.itemsBoundingRect(), _keep_aspect())
    image = QImage(*FRAME_PX, QImage.Format.Format_ARGB32_Premultiplied)
    items = [i for i in scene.items() if isinstance(i, QGraphicsRectItem)][:DRAG_BLOCKS]
    step = [0]

    def frame() -> None:
        step[0] += 1
        for it in items:
            it.setPos(step[0] * 10.0, 0.0)
        _render(view, image)

    frame_s = median_time(frame, frames)
    view.setScene(None)
    holder.clear()
    return build_s, frame_s


def _keep_aspect() -> Any:
    from PySide6.QtCore import Qt

    return Qt.AspectRatioMode.KeepAspectRatio


def ui_figures(design: Design, catalog: Catalog, runs: int, frames: int) -> list[Figure]:
    n = len(design.blocks)
    try:
        from PySide6.QtGui import QImage
        from PySide6.QtWidgets import QApplication

        from workbench.ui.document import Document
        from workbench.ui.scene.hall_scene import HallScene
        from workbench.ui.scene.view import HallView
    except ImportError as exc:
        note = f"UI scene not importable: {exc}"
        return [Figure("scene_build", n, None, 0, note=note), Figure("drag_frame", n, None, 0, note=note)]
    app = QApplication.instance() or QApplication([])
    base_build, base_frame = _bare(design, catalog, runs, frames)
    from workbench.io import design_from_dict, design_to_dict

    data = design_to_dict(design)
    holder: dict[str, Any] = {}
    kept: list[Any] = []  # documents and scenes of earlier runs stay alive until the end, untimed

    def setup() -> None:
        if "scene" in holder:
            kept.append(holder.pop("scene"))
        doc = Document(catalog)
        doc.new(design_from_dict(data))
        doc.recalculate_now()
        holder["doc"] = doc
        kept.append(doc)

    def build() -> None:
        holder["scene"] = HallScene(holder["doc"])
        app.processEvents()

    build_s = median_time(build, runs, setup=setup)
    scene = holder["scene"]
    view = HallView(scene)
    view.resize(*FRAME_PX)
    view.fit_rect(scene.halls_rect())
    image = QImage(*FRAME_PX, QImage.Format.Format_ARGB32_Premultiplied)
    scene.begin_drag(_drag_ids(design))
    step = [0]

    def frame() -> None:
        step[0] += 1
        scene.drag_to(step[0] * 10.0, 0.0)
        _render(view, image)

    frame_s = median_time(frame, frames)
    scene.cancel_drag()
    view.setScene(None)
    kept.clear()
    return [Figure("scene_build", n, build_s, runs, base_build),
            Figure("drag_frame", n, frame_s, frames, base_frame)]


def startup_figure(design: Design, runs: int) -> Figure:
    """Wall time of `python -m workbench FILE` until the window is shown, with STARTUP_ENV set."""
    from workbench.io import save_design

    n = len(design.blocks)
    env = {**os.environ, STARTUP_ENV: "1", "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    with tempfile.TemporaryDirectory(prefix="wb-bench-") as tmp:
        path = Path(tmp) / "campus.dchall.json"
        save_design(design, path)
        env["WORKBENCH_USER_DIR"] = tmp
        times = []
        for _ in range(max(runs, 1)):
            t0 = time.perf_counter()
            try:
                proc = subprocess.run([sys.executable, "-m", "workbench", str(path)], env=env, timeout=STARTUP_TIMEOUT_S,
                                      capture_output=True, text=True)
            except subprocess.TimeoutExpired:
                return Figure("startup", n, None, 0, note=f"the app did not quit within {STARTUP_TIMEOUT_S:g} s ({STARTUP_ENV})")
            if proc.returncode != 0:
                last = (proc.stderr.strip().splitlines() or ["no message"])[-1]
                return Figure("startup", n, None, 0, note=f"exit {proc.returncode}: {last[:200]}")
            times.append(time.perf_counter() - t0)
    times.sort()
    return Figure("startup", n, times[len(times) // 2], len(times))
