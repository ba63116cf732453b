"""A block library in a shared template folder adds its types to the window's catalog."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.paths import resources_dir
from workbench.ui.main_window import MainWindow
from workbench.ui.settings import Settings


def test_shared_library_types_reach_the_editor(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    shared = tmp_path / "shared"
    (shared / "libraries").mkdir(parents=True)
    data = json.loads((resources_dir() / "catalog" / "core-compute.json").read_text("utf-8"))
    entry = dict(data["types"][0], id="rack.vendor-x-30kw", name={"en": "Vendor X 30 kW", "zh": "X 厂商 30 kW 机柜"})
    (shared / "libraries" / "vendor-x.json").write_text(
        json.dumps({"catalog_version": 1, "library": {"id": "vendor-x"}, "types": [entry]}), "utf-8")
    monkeypatch.setenv("WORKBENCH_TEMPLATE_PATH", str(shared))
    window = MainWindow(settings=Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
    assert "rack.vendor-x-30kw" in window.document.catalog.types
    assert "rack.gb200-nvl72" in window.document.catalog.types
    block_id = window.place_block_at_center("rack.vendor-x-30kw")
    assert block_id is not None
    results = window.document.recalculate_now()
    assert not [c for c in results.checks if c.code == "unknown_type"]


def test_empty_design_shows_a_hint_of_the_next_step(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage

    window = MainWindow(settings=Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
    window.document.new()
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    assert "Block palette" in window.view.empty_hint()

    def ink(img: QImage) -> int:
        # Pixels of the hint's text colour anywhere on the canvas: the hint keeps clear of the halls, so it
        # is not always in the middle.
        c = window.scene.theme.scale_bar
        w, h = img.width(), img.height()
        return sum(img.pixelColor(x, y).name() == c for x in range(0, w, 2) for y in range(0, h - 60, 2))

    empty = ink(window.view.grab().toImage())
    window.place_block_at_center("rack.air-20kw")
    window.view.viewport().update()
    qtbot.waitUntil(lambda: ink(window.view.grab().toImage()) < empty)
    assert empty > 0
