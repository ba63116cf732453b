"""History dock: the undo stack's entries, and clicking one moves the stack there."""

from __future__ import annotations

from tests.ui.docks.conftest import rack
from workbench.model.edits import AddBlocks, SetSiteField
from workbench.ui.docks import HistoryDock


def test_history_lists_undo_entries(small_window) -> None:
    window, docks = small_window
    dock: HistoryDock = docks["HistoryDock"]
    doc = window.document
    model = dock.view.model()
    assert model.rowCount() == 1  # the empty label
    doc.push(AddBlocks([rack(3000, 3000)]), "Add GB200 rack")
    doc.push(SetSiteField("customer", "ACME"), "Set customer")
    texts = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert texts == ["<opened design>", "Add GB200 rack", "Set customer"]
    dock.view.setCurrentIndex(model.index(0, 0))  # clicking the first row undoes everything
    assert doc.undo_stack.index() == 0
    assert doc.design.blocks == {} and doc.design.site.customer == ""
