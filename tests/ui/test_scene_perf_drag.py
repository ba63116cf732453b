"""Campus-scale scene work stays correct: the drag carrier, indexed live violations, background and item caches."""

from __future__ import annotations

import random
from collections.abc import Iterator

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage, QPixmapCache

from workbench.bench.generate import generate_design
from workbench.bench.views import FRAME_PX, footprint_rects, view_zooms
from workbench.ui.bench_figures import render_image, show_offscreen, ui_figures
from workbench.catalog import default_catalog
from workbench.calc.engine import Calculator
from workbench.geometry.sweep_index import brute_pairs
from workbench.model.design import Column, Door, Hall
from workbench.model.edits import MoveBlocks
from workbench.ui.document import Document
from workbench.ui.scene.coords import to_scene
from workbench.ui.scene.drag import DragCarrier
from workbench.ui.scene.hall_scene import CANVAS_CODES, PIXMAP_CACHE_KB, HallScene
from workbench.ui.scene.items import BlockItem
from workbench.ui.scene.view import HallView
from workbench.ui.theme import DARK, LIGHT


PLACEMENT_CODES = set(CANVAS_CODES) - {"floor_overload"}  # a move cannot change a block's floor loading


def _build_campus() -> tuple[Document, HallScene, HallView]:
    """A generated 600-block campus plus an L-shaped hall, in a real scene and view laid out offscreen."""
    catalog = default_catalog()
    design = generate_design(catalog, 600)
    x1 = max(x for h in design.halls for x, _ in h.outline) + 10000
    design.halls.append(Hall(name="L hall", outline=[(x1, 0), (x1 + 30000, 0), (x1 + 30000, 12000),
                                                     (x1 + 12000, 12000), (x1 + 12000, 30000), (x1, 30000)]))
    doc = Document(catalog)
    doc.new(design)
    doc.recalculate_now()
    scene = HallScene(doc)
    view = HallView(scene)
    show_offscreen(view)
    view.fit_hall()
    return doc, scene, view


def _dispose(view: HallView) -> None:
    view.hide()
    view.setScene(None)


@pytest.fixture
def campus(qtbot) -> Iterator[tuple[Document, HallScene, HallView]]:  # type: ignore[no-untyped-def]
    doc, scene, view = _build_campus()
    yield doc, scene, view
    _dispose(view)


def _checks_flag(doc: Document, moving: set[str]) -> dict[str, str]:
    """The oracle: blocks the calculation reports in a placement check with a moving block, at their worst severity."""
    out: dict[str, str] = {}
    for check in Calculator(doc.catalog).run(doc.design).checks:
        if check.code in PLACEMENT_CODES and moving & set(check.blocks):
            for bid in check.blocks:
                if out.get(bid) != "error":
                    out[bid] = check.severity
    return out


def _shown(scene: HallScene) -> dict[str, str]:
    return {bid: item.preview_severity for bid, item in scene.block_items.items() if item.preview_severity}


def test_the_indexed_drag_preview_shows_what_the_checks_would_report(campus) -> None:  # type: ignore[no-untyped-def]
    doc, scene, _ = campus
    rng = random.Random(8)
    all_ids = list(doc.design.blocks)
    blocks = doc.design.blocks
    for size in (1, 7, 120):
        ids = rng.sample(all_ids, size)
        scene.begin_drag(ids)
        for _ in range(6):
            dx, dy = rng.uniform(-8000, 8000), rng.uniform(-8000, 8000)
            scene.drag_to(dx, dy)
            shown = _shown(scene)
            # What the calculation says once the same move is made in the model (and undone again).
            move = MoveBlocks(ids, [(blocks[i].x_mm + dx, blocks[i].y_mm + dy) for i in ids])
            with doc.design.events.blocker():  # the scene must not see this trial move
                move.apply(doc.design)
                expected = _checks_flag(doc, set(ids))
                move.revert(doc.design)
            assert shown == expected, (size, dx, dy)
        scene.cancel_drag()
        assert not any(item.preview_severity for item in scene.block_items.values())


def test_a_rack_dragged_onto_a_column_or_into_a_door_zone_turns_red_during_the_drag(campus) -> None:  # type: ignore[no-untyped-def]
    doc, scene, _ = campus
    hall = doc.design.halls[-1]  # the L-shaped hall, empty
    x0 = hall.outline[0][0]
    hall.columns.append(Column(x_mm=x0 + 5000.0, y_mm=5000.0))
    hall.doors.append(Door(x_mm=x0 + 20000.0, y_mm=0.0, width_mm=1800.0))
    rack = next(b for b in doc.design.blocks.values() if b.type_id == "rack.gb200-nvl72")
    rack.hall_id = hall.id
    scene.begin_drag([rack.id])
    scene.drag_to(x0 + 8000 - rack.x_mm, 8000 - rack.y_mm)  # clear floor in the L's foot
    assert _shown(scene) == {}
    scene.drag_to(x0 + 5000 - rack.x_mm, 5000 - rack.y_mm)  # on the column
    assert _shown(scene) == {rack.id: "error"}
    scene.drag_to(x0 + 20000 - rack.x_mm, 1000 - rack.y_mm)  # inside the door's 1,500 mm clear zone
    assert _shown(scene) == {rack.id: "error"}
    scene.drag_to(x0 + 20000 - rack.x_mm, 3000 - rack.y_mm)  # clear of it again
    assert _shown(scene) == {}
    scene.cancel_drag()


def test_a_block_dragged_into_the_l_shaped_hall_notch_is_outside(campus) -> None:  # type: ignore[no-untyped-def]
    doc, scene, _ = campus
    hall = doc.design.halls[-1]
    x0 = hall.outline[0][0]
    rack = next(b for b in doc.design.blocks.values() if b.type_id == "rack.gb200-nvl72")
    scene.begin_drag([rack.id])
    scene.drag_to(x0 + 5000 - rack.x_mm, 5000 - rack.y_mm)  # in the L's foot, but the rack belongs to its own hall
    assert scene.block_items[rack.id].preview_severity == "error"  # as the outside_hall check will say
    scene.cancel_drag()
    rack.hall_id = hall.id
    scene.begin_drag([rack.id])
    scene.drag_to(x0 + 5000 - rack.x_mm, 5000 - rack.y_mm)
    assert scene.block_items[rack.id].preview_severity is None
    scene.drag_to(x0 + 20000 - rack.x_mm, 20000 - rack.y_mm)  # in the notch: outside
    assert scene.block_items[rack.id].preview_severity == "error"
    scene.cancel_drag()


def test_dragged_items_ride_one_carrier_and_come_back_home(campus) -> None:  # type: ignore[no-untyped-def]
    doc, scene, view = campus
    ids = list(doc.design.blocks)[:50]
    home = {i: QPointF(scene.block_items[i].scenePos()) for i in ids}
    scene.begin_drag(ids)
    carriers = [i for i in scene.items() if isinstance(i, DragCarrier)]
    assert len(carriers) == 1
    assert all(scene.block_items[i].parentItem() is carriers[0] for i in ids)
    assert all(scene.block_items[i].scenePos() == home[i] for i in ids)  # nothing jumps on pick-up
    scene.drag_to(1234.0, -567.0)
    mm_per_px = 1.0 / view.transform().m11()
    for i in ids:
        shift = scene.block_items[i].scenePos() - home[i]
        assert abs(shift.x() - 1234.0) <= mm_per_px and abs(shift.y() - 567.0) <= mm_per_px
    scene.cancel_drag()
    assert not [i for i in scene.items() if isinstance(i, DragCarrier)]
    assert all(scene.block_items[i].parentItem() is None and scene.block_items[i].scenePos() == home[i] for i in ids)
    # A drag that ends in a model move: one edit, the items where the model says.
    scene.begin_drag(ids)
    scene.drag_to(600.0, 0.0)
    drag = scene.end_drag()
    assert drag is not None and drag.dx_mm == 600.0
    blocks = doc.design.blocks
    doc.push(MoveBlocks(ids, [(blocks[i].x_mm + 600.0, blocks[i].y_mm) for i in ids]))
    for i in ids:
        assert scene.block_items[i].parentItem() is None
        assert scene.block_items[i].pos() == to_scene(blocks[i].x_mm, blocks[i].y_mm)
    assert scene.block_at(scene.block_items[ids[0]].scenePos()) == ids[0]
    doc.undo_stack.undo()
    assert all(scene.block_items[i].scenePos() == home[i] for i in ids)


def test_an_undo_mid_drag_drops_the_preview(campus) -> None:  # type: ignore[no-untyped-def]
    doc, scene, _ = campus
    ids = list(doc.design.blocks)[:3]
    blocks = doc.design.blocks
    doc.push(MoveBlocks(ids, [(blocks[i].x_mm, blocks[i].y_mm + 600.0) for i in ids]))
    scene.begin_drag(ids)
    scene.drag_to(3000.0, 0.0)
    doc.undo_stack.undo()
    assert scene.drag is None
    assert all(scene.block_items[i].parentItem() is None for i in ids)
    assert all(scene.block_items[i].pos() == to_scene(blocks[i].x_mm, blocks[i].y_mm) for i in ids)


def test_a_frame_touches_only_the_items_whose_mark_changes(campus, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    doc, scene, _ = campus
    calls: list[str] = []
    real = BlockItem.set_preview

    def spy(self: BlockItem, severity: str | None) -> None:
        calls.append(self.block_id)
        real(self, severity)

    monkeypatch.setattr(BlockItem, "set_preview", spy)
    ids = list(doc.design.blocks)[:40]
    scene.begin_drag(ids)
    scene.drag_to(0.0, -200000.0)  # far outside: all forty marked once
    assert sorted(calls) == sorted(ids)
    calls.clear()
    scene.drag_to(10.0, -200000.0)  # nothing changes state: nothing is touched
    assert calls == []
    scene.cancel_drag()
    assert sorted(calls) == sorted(ids)


def test_cached_background_and_items_draw_what_a_direct_draw_does(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    painted: list[str] = []
    real = BlockItem.paint

    def spy(self: BlockItem, *args: object) -> None:
        painted.append(self.block_id)
        real(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(BlockItem, "paint", spy)  # before the items exist, so Qt calls the spy
    doc, scene, view = _build_campus()
    try:
        assert QPixmapCache.cacheLimit() >= PIXMAP_CACHE_KB
        first = render_image(view)
        assert len(painted) > 100
        painted.clear()
        assert render_image(view) == first
        assert painted == []  # every block came from its cached drawing, the floor from the cached background
        # With no cache at all the picture is the same.
        for item in scene.block_items.values():
            item.setCacheMode(BlockItem.CacheMode.NoCache)
        scene.set_theme(scene.theme)  # redraws the cached background
        direct = render_image(view)
        assert len(painted) > 100
        diff = np.abs(_pixels(direct).astype(int) - _pixels(first).astype(int))
        assert (diff > 40).mean() < 0.002, "cached and direct drawings differ beyond anti-aliasing"
        # A theme change reaches the cached background.
        scene.set_theme(DARK)
        dark = render_image(view)
        assert _pixels(dark)[5, 5].tolist() != _pixels(first)[5, 5].tolist()
        scene.set_theme(LIGHT)
        assert render_image(view) == direct
    finally:
        _dispose(view)


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    ptr = image.constBits()
    return np.frombuffer(ptr, dtype=np.uint8).reshape(image.height(), image.bytesPerLine())[:, : image.width() * 4]


def test_bench_views_are_laid_out_and_shared(qtbot) -> None:  # type: ignore[no-untyped-def]
    catalog = default_catalog()
    design = generate_design(catalog, 120)
    rects = footprint_rects(design, catalog)
    zooms = view_zooms(rects, list(range(40)))
    s, cx, cy = zooms["campus"]
    assert all(abs(x + w / 2 - cx) * s <= FRAME_PX[0] / 2 and abs(y + h / 2 - cy) * s <= FRAME_PX[1] / 2
               for x, y, w, h in rects)
    assert zooms["work"][0] > s
    figures = {f.figure: f for f in ui_figures(design, catalog, runs=1, frames=2)}
    for name in ("drag_frame", "drag_frame_campus"):
        assert figures[name].median_s and figures[name].baseline_median_s
    assert figures["scene_build"].baseline_median_s


def test_grid_index_finds_exactly_the_pairs_every_pair_tested_finds() -> None:
    from workbench.geometry.box_index import BoxGridIndex

    rng = np.random.default_rng(5)
    for n, m in ((0, 5), (5, 0), (300, 40), (2000, 300)):
        xy = rng.uniform(0, 60000, (n, 2))
        wh = rng.choice([600.0, 1200.0, 2400.0, 17000.0], (n, 2))
        boxes = np.column_stack((xy, xy + wh))
        qxy = rng.uniform(-1000, 61000, (m, 2))
        qwh = rng.choice([600.0, 1200.0, 5000.0], (m, 2))
        query = np.column_stack((qxy, qxy + qwh))
        index = BoxGridIndex(boxes)
        for shift in (0.0, 333.3, -7000.0):
            moved = query + shift
            got = {tuple(p) for p in index.pairs(moved).tolist()}
            want = {tuple(p) for p in brute_pairs(moved, boxes).tolist()}
            assert got == want
