"""A design opens on the hall that holds the most racks, where the work happens."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from workbench.bench.generate import generate_design
from workbench.io import save_design
from workbench.model import Catalog
from workbench.model.edits import RemoveBlocks
from workbench.ui.main_window import MainWindow
from workbench.ui.settings import Settings


def test_the_opening_view_shows_the_hall_with_most_racks(qtbot, settings: Settings, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                         catalog: Catalog) -> None:
    design = generate_design(catalog, 1500)
    target = design.halls[2].id  # not the first hall, which an unknown hall id would fall back to
    fewer = [b.id for b in design.blocks.values()
             if catalog.types[b.type_id].is_rack and b.hall_id != target][::9]
    RemoveBlocks(fewer).apply(design)
    racks = Counter(b.hall_id for b in design.blocks.values() if catalog.types[b.type_id].is_rack)
    busiest = max(racks, key=lambda h: racks[h])
    assert busiest == target and len(racks) > 2
    path = tmp_path / "campus.dchall.json"
    save_design(design, path)
    w = MainWindow(settings=settings)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    assert w.open_file(path, ask=False)
    w.fit_main_hall()
    shown = w.view.mapToScene(w.view.viewport().rect()).boundingRect()
    hall = w.scene.hall_rect(busiest)
    assert hall.contains(shown.center())
    assert shown.width() < 3 * hall.width() or shown.height() < 3 * hall.height()  # that hall, not the campus
    others = [h.id for h in design.halls if h.id != busiest]
    assert not any(w.scene.hall_rect(h).contains(shown.center()) for h in others)
