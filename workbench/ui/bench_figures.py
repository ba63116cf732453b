"""Scene build, drag frame and start-up times, against a bare QGraphicsScene of plain rectangles."""

from __future__ import annotations

import gc
import os
import statistics
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
DRAG_STEP_MM = 10.0  # per frame, as a slow hand drag at a working zoom
VIEW_MARGIN = 0.25  # the working view shows the dragged blocks and this much of their width around them
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


def _drag_rows(design: Design) -> list[int]:
    """A 500-block selection: the first blocks in design order (the first data halls), as a user drags a pod."""
    return list(range(min(DRAG_BLOCKS, len(design.blocks))))


def _bounds(rects: list[tuple[float, float, float, float]], rows: list[int]) -> tuple[float, float, float, float]:
    """Scene bounds (x0, y0, x1, y1) of the given rectangles."""
    chosen = [rects[i] for i in rows] or rects or [(0.0, 0.0, 1.0, 1.0)]
    return (min(r[0] for r in chosen), min(r[1] for r in chosen),
            max(r[0] + r[2] for r in chosen), max(r[1] + r[3] for r in chosen))


def _views(rects: list[tuple[float, float, float, float]], rows: list[int]) -> dict[str, tuple[float, float, float]]:
    """(px per mm, centre x, centre y) of the two timed views: the working zoom and the whole campus."""
    out = {}
    for name, (x0, y0, x1, y1), margin in (("work", _bounds(rects, rows), VIEW_MARGIN),
                                           ("campus", _bounds(rects, []), 0.02)):
        w, h = (x1 - x0) * (1 + 2 * margin) or 1.0, (y1 - y0) * (1 + 2 * margin) or 1.0
        out[name] = (min(FRAME_PX[0] / w, FRAME_PX[1] / h), (x0 + x1) / 2, (y0 + y1) / 2)
    return out


def _show_offscreen(view: Any) -> None:
    """Lay the view out at FRAME_PX without a window on screen: an unshown view keeps a 640×480 viewport."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QFrame

    view.setFrameShape(QFrame.Shape.NoFrame)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    view.resize(*FRAME_PX)
    view.show()
    QApplication.processEvents()
    size = view.viewport().size()
    if (size.width(), size.height()) != FRAME_PX:
        raise RuntimeError(f"the benchmark view is {size.width()}×{size.height()}, not {FRAME_PX}")


def _set_view(view: Any, zoom: tuple[float, float, float]) -> None:
    """The same transform for ours and the bare scene (our view's zoom limits do not apply)."""
    from PySide6.QtGui import QTransform

    s, cx, cy = zoom
    view.setTransform(QTransform.fromScale(s, s))
    view.centerOn(cx, cy)


def _render(view: Any, image: Any) -> None:
    from PySide6.QtGui import QPainter

    painter = QPainter(image)
    view.render(painter)
    painter.end()


def render_image(view: Any) -> Any:
    """The view rendered into a new FRAME_PX image, as a timed frame renders it."""
    from PySide6.QtGui import QImage

    image = QImage(*FRAME_PX, QImage.Format.Format_ARGB32_Premultiplied)
    _render(view, image)
    return image


def _time_frames(view: Any, zooms: dict[str, tuple[float, float, float]], move: Any, frames: int) -> dict[str, float]:
    """Median frame (move, then render the whole view into a QImage) at each view."""
    from PySide6.QtGui import QImage

    image = QImage(*FRAME_PX, QImage.Format.Format_ARGB32_Premultiplied)
    step = 0
    out = {}
    for name, zoom in zooms.items():
        _set_view(view, zoom)
        _render(view, image)  # the first frame at a zoom fills item caches; not a drag frame
        # One collection before the series, none forced between frames: a forced collection walks the
        # whole heap and leaves the CPU caches cold, which a real frame does not pay every time.
        gc.collect()
        times = []
        for _ in range(max(frames, 1)):
            step += 1
            t0 = time.perf_counter()
            move(step * DRAG_STEP_MM)
            _render(view, image)
            times.append(time.perf_counter() - t0)
        out[name] = statistics.median(times)
    return out


def _bare(design: Design, catalog: Catalog, runs: int, frames: int,
          rows: list[int], zooms: dict[str, tuple[float, float, float]]) -> tuple[float, dict[str, float]]:
    """Scene build and frame medians for plain QGraphicsRectItems, with the work any Qt app must do per frame:
    setPos on each of the 500 dragged rectangles (what QGraphicsView's own item dragging does), then render."""
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene, QGraphicsView

    rects = _footprint_rects(design, catalog)
    holder: dict[str, Any] = {}

    def build() -> None:
        scene = QGraphicsScene()
        items = []
        for r in rects:
            item = QGraphicsRectItem(*r)
            scene.addItem(item)
            items.append(item)
        holder["scene"], holder["items"] = scene, items

    build_s = median_time(build, runs)
    scene, items = holder["scene"], holder["items"]
    # A frame must at least clear what the last one drew: with no background brush the render paints
    # the moved rectangles over the stale image, which is no frame at all. A solid fill is the least.
    scene.setBackgroundBrush(QColor("#ffffff"))
    view = QGraphicsView(scene)
    view.setRenderHints(_render_hints())  # the same quality as ours
    _show_offscreen(view)
    dragged = [items[i] for i in rows]

    def move(dx: float) -> None:
        for it in dragged:
            it.setPos(dx, 0.0)

    frame_s = _time_frames(view, zooms, move, frames)
    view.hide()
    view.setScene(None)
    holder.clear()
    return build_s, frame_s


def _render_hints() -> Any:
    from PySide6.QtGui import QPainter

    return QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing


def ui_figures(design: Design, catalog: Catalog, runs: int, frames: int) -> list[Figure]:
    n = len(design.blocks)
    try:
        from PySide6.QtWidgets import QApplication

        from workbench.ui.document import Document
        from workbench.ui.scene.hall_scene import HallScene
        from workbench.ui.scene.view import HallView
    except ImportError as exc:
        note = f"UI scene not importable: {exc}"
        return [Figure(name, n, None, 0, note=note) for name in ("scene_build", "drag_frame", "drag_frame_campus")]
    app = QApplication.instance() or QApplication([])
    rows = _drag_rows(design)
    zooms = _views(_footprint_rects(design, catalog), rows)
    base_build, base_frame = _bare(design, catalog, runs, frames, rows, zooms)
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
    kept.clear()  # the earlier runs' scenes would only weigh on the frames
    kept.append(holder["doc"])
    view = HallView(scene)
    _show_offscreen(view)
    doc = holder["doc"]
    ids = list(doc.design.blocks)
    dragged = [ids[i] for i in rows]
    doc.set_selection(set(dragged))  # as in the editor: what is dragged is selected, with its clearances shown
    app.processEvents()
    scene.begin_drag(dragged)
    frame_s = _time_frames(view, zooms, lambda dx: scene.drag_to(dx, 0.0), frames)
    scene.cancel_drag()
    view.hide()
    view.setScene(None)
    kept.clear()
    return [Figure("scene_build", n, build_s, runs, base_build),
            Figure("drag_frame", n, frame_s["work"], frames, base_frame["work"]),
            Figure("drag_frame_campus", n, frame_s["campus"], frames, base_frame["campus"],
                   note="the same drag with the whole campus in view")]


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
