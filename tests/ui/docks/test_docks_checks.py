"""Checks dock: lists checks with counts, filters by severity, and clicking selects the blocks."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.docks.conftest import rack
from workbench.model.edits import AddBlocks, MoveBlocks
from workbench.ui.docks import ChecksDock


def test_overlap_check_appears_and_click_selects_both(qtbot, small_window) -> None:
    window, docks = small_window
    dock: ChecksDock = docks["ChecksDock"]
    doc = window.document
    assert dock.visible_checks() == [] or all(c.code != "overlap" for c in dock.visible_checks())
    a, b = rack(5000, 5000, "A"), rack(8000, 5000, "B")
    with qtbot.waitSignal(doc.results_ready, timeout=2000):
        doc.push(AddBlocks([a, b]))
    assert not [c for c in dock.visible_checks() if c.code == "overlap"]
    with qtbot.waitSignal(doc.results_ready, timeout=2000):
        doc.push(MoveBlocks([b.id], [(5300.0, 5000.0)]))
    overlaps = [c for c in dock.visible_checks() if c.code == "overlap"]
    assert len(overlaps) == 1 and set(overlaps[0].blocks) == {a.id, b.id}
    n = len(doc.results.checks)
    assert dock.windowTitle() == f"Checks ({n})"
    row = dock.visible_checks().index(overlaps[0])
    rect = dock.view.visualRect(dock.proxy.index(row, 0))
    qtbot.mouseClick(dock.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.calls[-1][0] == "select"
    assert set(window.calls[-1][1]) == {a.id, b.id}
    # Moving apart clears the check.
    with qtbot.waitSignal(doc.results_ready, timeout=2000):
        doc.undo_stack.undo()
    assert not [c for c in dock.visible_checks() if c.code == "overlap"]


def test_filter_by_severity_and_counts(qtbot, small_window) -> None:
    window, docks = small_window
    dock: ChecksDock = docks["ChecksDock"]
    doc = window.document
    with qtbot.waitSignal(doc.results_ready, timeout=2000):
        doc.push(AddBlocks([rack(5000, 5000), rack(5100, 5000), rack(-9000, 5000)]))
    checks = doc.results.checks
    errors = [c for c in checks if c.severity == "error"]
    others = [c for c in checks if c.severity != "error"]
    assert errors and others  # overlaps are errors; an unpowered rack is not
    assert dock.buttons["error"].text() == f"Errors {len(errors)}"
    assert [c.severity for c in dock.visible_checks()][: len(errors)] == ["error"] * len(errors)
    dock.buttons["error"].click()
    assert all(c.severity != "error" for c in dock.visible_checks())
    assert len(dock.visible_checks()) == len(others)
    for button in dock.buttons.values():
        if button.isChecked():
            button.click()
    assert dock.visible_checks() == [] and dock.stack.currentIndex() == 1
    assert "hidden by the filter" in dock.empty.text()


def test_sample_design_has_no_checks(sample_window) -> None:
    _, docks = sample_window
    dock: ChecksDock = docks["ChecksDock"]
    assert dock.windowTitle() == "Checks"
    assert dock.stack.currentIndex() == 1
