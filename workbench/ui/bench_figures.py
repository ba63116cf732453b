"""Scene build and drag frame times, against a bare QGraphicsScene of plain rectangles: the Qt half of the
scene benchmarks (the plan, which blocks and views, is workbench/bench/views.py)."""

from __future__ import annotations

import gc
import statistics
import time
from typing import Any

from workbench.bench.measure import Figure, median_time
from workbench.bench.views import DRAG_STEP_MM, FRAME_PX, Zoom, drag_rows, footprint_rects, view_zooms
from workbench.model.blocktype import Catalog
from workbench.model.design import Design

def show_offscreen(view: Any) -> None:
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


def _set_view(view: Any, zoom: Zoom) -> None:
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


def _time_frames(view: Any, zooms: dict[str, Zoom], move: Any, frames: int) -> dict[str, float]:
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
          rows: list[int], zooms: dict[str, Zoom]) -> tuple[float, dict[str, float]]:
    """Scene build and frame medians for plain QGraphicsRectItems, with the work any Qt app must do per frame:
    setPos on each of the 500 dragged rectangles (what QGraphicsView's own item dragging does), then render."""
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene, QGraphicsView

    rects = footprint_rects(design, catalog)
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
    show_offscreen(view)
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
    rows = drag_rows(design)
    zooms = view_zooms(footprint_rects(design, catalog), rows)
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
    show_offscreen(view)
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
