"""Level of detail when zoomed out: small blocks become cached tiles that still show, move, select and mark."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QTransform

from workbench.bench.generate import generate_design
from workbench.catalog import default_catalog
from workbench.model.design import Block
from workbench.model.edits import MoveBlocks
from workbench.ui.bench_figures import render_image, show_offscreen
from workbench.ui.document import Document
from workbench.ui.main_window import MainWindow
from workbench.ui.scene.hall_scene import HallScene
from workbench.ui.scene.items import TileState, tile_color
from workbench.ui.scene.overview import NO_CONTENTS, OVERVIEW_PX
from workbench.ui.scene.view import HallView

OVERVIEW = 0.001  # px per mm: a 600 mm rack is 0.6 px wide, a tile
DETAIL = 0.012  # a rack is 7 × 14 px, drawn by its own item


@pytest.fixture
def campus(qtbot) -> Iterator[tuple[Document, HallScene, HallView]]:  # type: ignore[no-untyped-def]
    catalog = default_catalog()
    doc = Document(catalog)
    doc.new(generate_design(catalog, 1000))
    doc.recalculate_now()
    scene = HallScene(doc)
    view = HallView(scene)
    show_offscreen(view)
    yield doc, scene, view
    view.hide()
    view.setScene(None)


def _look_at(view: HallView, px_per_mm: float, x_mm: float, y_mm: float) -> None:
    view.setTransform(QTransform.fromScale(px_per_mm, px_per_mm))
    view.center_on_model(x_mm, y_mm)


def _pixel(view: HallView, image: QImage, x_mm: float, y_mm: float, dx_mm: float = 0.0) -> QColor:
    """The colour of the device pixel under a model point (the pixel a one-pixel tile there fills)."""
    p = view.viewportTransform().map(QPointF(x_mm + dx_mm, -y_mm))
    return QColor(image.pixel(int(np.floor(p.x())), int(np.floor(p.y()))))


def _racks(doc: Document) -> list[Block]:
    return [b for b in doc.design.blocks.values() if b.type_id.startswith("rack.")]


def _share(view: HallView, image: QImage, blocks: list[Block], color: QColor | tuple[QColor, ...],
           dx_mm: float = 0.0) -> float:
    """The share of the blocks whose centre pixel has (one of) the colour(s)."""
    want = {c.rgb() for c in (color if isinstance(color, tuple) else (color,))}
    hits = [_pixel(view, image, b.x_mm, b.y_mm, dx_mm).rgb() in want for b in blocks]
    return sum(hits) / max(len(hits), 1)


def _rack_color(scene: HallScene, doc: Document) -> QColor:
    return tile_color(scene.theme, TileState(doc.catalog.types[_racks(doc)[0].type_id].category))


def test_small_blocks_are_tiles_of_their_colour_and_detail_comes_back(campus) -> None:  # type: ignore[no-untyped-def]
    doc, scene, view = campus
    racks = _racks(doc)
    centre = racks[len(racks) // 2]
    _look_at(view, OVERVIEW, centre.x_mm, centre.y_mm)
    image = render_image(view)
    items = scene.block_items
    assert all(items[b.id].flags() & NO_CONTENTS for b in racks), "a rack under a pixel still paints itself"
    assert scene.detail.static_layer.shown
    color = _rack_color(scene, doc)
    assert _share(view, image, racks, color) > 0.9  # every rack shows as a whole pixel of its category

    _look_at(view, DETAIL, centre.x_mm, centre.y_mm)
    image = render_image(view)
    assert not any(items[b.id].flags() & NO_CONTENTS for b in racks)
    assert not scene.detail.static_layer.shown
    shown = [b for b in racks if view.viewport().rect().contains(view.mapFromScene(QPointF(b.x_mm, -b.y_mm)))]
    assert len(shown) > 20
    assert _share(view, image, shown, color) < 0.2  # detailed drawings: the calm fill, marks and outlines
    assert _share(view, image, shown, scene.theme.category_fill("compute")) > 0.5


def test_blocks_above_the_threshold_keep_painting_themselves(campus) -> None:  # type: ignore[no-untyped-def]
    doc, scene, view = campus
    racks = _racks(doc)
    _look_at(view, OVERVIEW, racks[0].x_mm, racks[0].y_mm)
    render_image(view)
    t = scene.table()
    narrow = np.minimum(t.boxes[:, 2] - t.boxes[:, 0], t.boxes[:, 3] - t.boxes[:, 1])
    for bid, side in zip(t.ids, narrow):
        assert bool(scene.block_items[bid].flags() & NO_CONTENTS) == (side * OVERVIEW < OVERVIEW_PX)
    assert (narrow * OVERVIEW >= OVERVIEW_PX).any()  # the plant yard's big blocks stay items


def test_a_dragged_selection_moves_in_the_overview_without_rebuilding_it(campus) -> None:  # type: ignore[no-untyped-def]
    doc, scene, view = campus
    racks = _racks(doc)
    pod = racks[:40]
    ids = [b.id for b in pod]
    doc.set_selection(set(ids))
    _look_at(view, OVERVIEW, pod[0].x_mm, pod[0].y_mm)
    theme = scene.theme
    selection = QColor(theme.selection)
    dragged = (selection, QColor(theme.error))  # selected, or red where the drag would overlap or leave the hall
    image = render_image(view)
    assert _share(view, image, pod, selection) > 0.9  # the selection reads at a campus zoom
    scene.begin_drag(ids)
    render_image(view)
    rebuilds = scene.detail.rebuilds
    shift_mm = 0.0
    for _ in range(8):
        shift_mm += 5000.0  # 5 px a frame
        scene.drag_to(shift_mm, 0.0)
        image = render_image(view)
        assert _share(view, image, pod, dragged, shift_mm) > 0.9, shift_mm
    assert _share(view, image, pod, QColor(theme.error), shift_mm) > 0.1  # landing on the next rows shows
    assert scene.detail.rebuilds == rebuilds, "the static overview was rebuilt during the drag"
    assert _share(view, image, pod, dragged) < 0.1  # the old places no longer show the dragged blocks
    scene.cancel_drag()
    image = render_image(view)
    assert _share(view, image, pod, selection) > 0.9
    assert scene.detail.rebuilds == rebuilds + 1  # once for the end of the drag, not per frame


def test_blocks_a_drag_lands_on_turn_red_in_the_overview(campus) -> None:  # type: ignore[no-untyped-def]
    doc, scene, view = campus
    racks = _racks(doc)
    a, b = racks[0], racks[len(racks) // 2]
    _look_at(view, OVERVIEW, b.x_mm, b.y_mm)
    scene.begin_drag([a.id])
    scene.drag_to(b.x_mm - a.x_mm, b.y_mm - a.y_mm)
    image = render_image(view)
    error = QColor(scene.theme.error)
    assert _pixel(view, image, b.x_mm, b.y_mm).rgb() == error.rgb()
    scene.drag_to(b.x_mm - a.x_mm, b.y_mm - a.y_mm - 400000.0)  # far away: nothing overlaps b any more
    image = render_image(view)
    assert _pixel(view, image, b.x_mm, b.y_mm).rgb() != error.rgb()
    scene.cancel_drag()


def test_a_checked_problem_shows_in_the_overview(campus, qtbot) -> None:  # type: ignore[no-untyped-def]
    doc, scene, view = campus
    racks = _racks(doc)
    a, b = racks[5], racks[len(racks) // 2]
    _look_at(view, OVERVIEW, b.x_mm, b.y_mm)
    error = QColor(scene.theme.error)
    assert _pixel(view, render_image(view), b.x_mm, b.y_mm).rgb() != error.rgb()
    with qtbot.waitSignal(doc.results_ready, timeout=5000):
        doc.push(MoveBlocks([a.id], [(b.x_mm + 100, b.y_mm)]))
    assert scene.block_items[b.id].problem_severity == "error"
    assert _pixel(view, render_image(view), b.x_mm, b.y_mm).rgb() == error.rgb()


def test_click_and_window_select_at_overview_zoom_in_the_window(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    view, scene, doc = window.view, window.scene, window.document
    rack = next(b for b in doc.design.blocks.values() if b.type_id.startswith("rack."))
    view.set_px_per_mm(0.002)  # the real zoom path: a rack is 1.2 px
    view.center_on_model(rack.x_mm, rack.y_mm)
    grabbed = view.viewport().grab().toImage()  # the real paint path, with the view's background cache
    assert scene.block_items[rack.id].flags() & NO_CONTENTS
    p = view.viewportTransform().map(QPointF(rack.x_mm, -rack.y_mm))
    color = tile_color(scene.theme, TileState(doc.catalog.types[rack.type_id].category))
    assert QColor(grabbed.pixel(int(np.floor(p.x())), int(np.floor(p.y())))).rgb() == color.rgb()

    vp = view.viewport()
    doc.set_selection(set())
    qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, view.mapFromScene(
        QPointF(rack.x_mm, -rack.y_mm)))
    assert rack.id in doc.selection

    doc.set_selection(set())
    hall = scene.hall_rect(rack.hall_id)
    start, end = view.mapFromScene(hall.topLeft()), view.mapFromScene(hall.bottomRight())
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    qtbot.mouseMove(vp, (start + end) / 2)
    qtbot.mouseMove(vp, end)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    in_hall = {b.id for b in doc.design.blocks.values() if b.hall_id == rack.hall_id}
    assert rack.id in doc.selection and set(doc.selection) <= in_hall and len(doc.selection) > 10
    grabbed = view.viewport().grab().toImage()
    assert QColor(grabbed.pixel(int(np.floor(p.x())), int(np.floor(p.y())))).rgb() == QColor(
        scene.theme.selection).rgb()

    view.set_px_per_mm(0.05)  # zoomed back in: the rack draws itself again
    view.center_on_model(rack.x_mm, rack.y_mm)
    view.viewport().grab()
    assert not scene.block_items[rack.id].flags() & NO_CONTENTS
    assert not scene.detail.static_layer.shown
