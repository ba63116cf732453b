"""Ctrl+D and Insert → Module in the window: copies and pods land where the checks find nothing wrong."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from workbench.catalog.templates import discover_templates
from workbench.ui.gallery import place_module
from workbench.ui.main_window import MainWindow

PLACEMENT = {"overlap", "outside_hall", "clearance", "door_blocked"}


def _placement_checks(window: MainWindow) -> set[tuple[str, tuple[str, ...]]]:
    return {(c.code, c.blocks) for c in window.document.results.checks if c.code in PLACEMENT}


@pytest.mark.parametrize("name", ["CDU-A1", "CRAH-2", "DC-1", "RB08"])
def test_ctrl_d_puts_the_copy_on_free_floor_in_the_same_hall(window: MainWindow, qtbot, name: str) -> None:  # type: ignore[no-untyped-def]
    doc = window.document
    original = next(b for b in doc.design.blocks.values() if b.name == name)
    before = _placement_checks(window)
    doc.set_selection({original.id})
    with qtbot.waitSignal(doc.results_ready, timeout=5000):
        window.commands["duplicate"].trigger()
    (copy_id,) = doc.selection
    copy = doc.design.blocks[copy_id]
    assert copy_id != original.id and copy.type_id == original.type_id
    assert doc.design.hall_of(copy) is doc.design.hall_of(original)
    assert _placement_checks(window) == before  # nothing new: not on racks, not in a clearance, not outside
    assert doc.undo_stack.undoText() == "Duplicate 1 block"


def test_a_module_that_fits_nowhere_says_which_halls_were_tried(window: MainWindow,  # type: ignore[no-untyped-def]
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _title, text, *a, **k: said.append(text))
    info = next(t for t in discover_templates([]).templates if t.stem == "power-block-2mw")
    blocks = len(window.document.design.blocks)
    assert place_module(window, window.document, info) is False
    assert len(window.document.design.blocks) == blocks  # never dropped on top of anything
    assert "Halls tried" in said[0]
    assert "• Data hall 1: no free 16.7 × 5.3 m spot" in said[0] and "• Plant yard: no free" in said[0]
