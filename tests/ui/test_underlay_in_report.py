"""The Underlay dock's "Show in reports" box: sets the design's underlay `in_report` flag as one undo step, follows
undo and redo, is off and disabled without an underlay, and the flag reaches the saved file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from workbench.cad.sample_drawing import write_sample_plan
from workbench.ui.main_window import MainWindow


def test_show_in_reports_is_one_undo_step(qtbot, empty_window: MainWindow, tmp_path: Path,  # type: ignore[no-untyped-def]
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    w = empty_window
    box = w.underlay_dock.in_report
    assert not box.isEnabled() and not box.isChecked()  # nothing to show yet
    drawing = tmp_path / "architect.dxf"
    write_sample_plan(drawing, 500)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(drawing), ""))
    w.commands["import_underlay"].trigger()
    assert box.isEnabled() and not box.isChecked() and box.text() == "Show in reports"
    stack = w.document.undo_stack
    steps = stack.count()
    box.click()  # the dock is tabbed behind Properties, so a synthetic mouse press would miss it
    ref = w.document.design.underlay
    assert ref is not None and ref.in_report
    assert stack.count() == steps + 1 and stack.undoText() == "Show underlay in reports"
    stack.undo()
    assert not w.document.design.underlay.in_report and not box.isChecked()
    stack.redo()
    assert w.document.design.underlay.in_report and box.isChecked()
    # The flag is saved with the reference (what the report reads).
    out = tmp_path / "hall.dchall.json"
    w.document.save(out)
    assert json.loads(out.read_text(encoding="utf-8"))["underlay"]["in_report"] is True
    box.click()  # the dock is tabbed behind Properties, so a synthetic mouse press would miss it
    assert not w.document.design.underlay.in_report and stack.undoText() == "Leave underlay out of reports"
    box.click()
    w.underlay.remove()
    assert not box.isEnabled() and not box.isChecked()  # no underlay: nothing to put in reports
