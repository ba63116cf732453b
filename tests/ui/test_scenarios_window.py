"""Scenarios in the real window: the switcher, one undo step per action, the banner and title, the compare view."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from workbench.io import load_design
from workbench.io.scenario_state import BASE
from workbench.model.edits import SetSiteField
from workbench.ui.dialogs.compare_dialog import CompareDialog, draw_plan_difference
from workbench.ui.main_window import MainWindow


def _new_scenario(window: MainWindow, name: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (name, True)))
    window.scenario_bar.actions["new"].trigger()


def test_switcher_edits_only_the_active_scenario_and_undo_is_one_step(window: MainWindow, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    doc = window.document
    price = doc.design.site.electricity_price_per_kwh
    depth = doc.undo_stack.count()
    _new_scenario(window, "Dear power", monkeypatch)
    assert doc.undo_stack.count() == depth + 1
    bar = window.scenario_bar
    assert bar.combo.currentText() == "Dear power"
    assert bar.banner.isVisibleTo(window) and "Dear power" in bar.banner.text()
    assert "Dear power" in window.windowTitle()

    doc.push(SetSiteField("electricity_price_per_kwh", price * 2))
    qtbot.waitUntil(lambda: doc.results is not None and doc.results.energy["electricity_price_per_kwh"] == price * 2)
    scenario_cost = doc.results.energy["annual_cost"]

    # Back to the base through the combo, as a user would: the base never saw the edit.
    bar.combo.setCurrentIndex(bar.combo.findData(BASE))
    bar.combo.activated.emit(bar.combo.currentIndex())
    assert doc.design.active_scenario == BASE and doc.design.site.electricity_price_per_kwh == price
    assert not bar.banner.isVisibleTo(window) and "Dear power" not in window.windowTitle()
    qtbot.waitUntil(lambda: doc.results.energy["annual_cost"] < scenario_cost)

    doc.undo_stack.undo()  # undo the switch: the scenario with its edit is back
    assert doc.design.site.electricity_price_per_kwh == price * 2 and bar.combo.currentText() == "Dear power"


def test_scenarios_survive_save_and_open(window: MainWindow, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _new_scenario(window, "Option B", monkeypatch)
    window.document.push(SetSiteField("customer", "ACME"))
    path = tmp_path / "options.dchall.json"
    window.document.save(path)
    loaded = load_design(path, window.document.catalog).design
    mine = [s for s in loaded.scenarios if s.name == "Option B"]
    assert len(mine) == 1 and len(loaded.scenarios) == len(window.document.design.scenarios)
    assert loaded.active_scenario == mine[0].id and loaded.site.customer == "ACME"


def test_compare_dialog_marks_winners_and_draws_what_moved(window: MainWindow, qtbot, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = window.document
    _new_scenario(window, "Moved", monkeypatch)
    from workbench.model.edits import MoveBlocks, RemoveBlocks

    ids = list(doc.design.blocks)
    moved = doc.design.blocks[ids[0]]
    doc.push(MoveBlocks([moved.id], [(moved.x_mm + 300.0, moved.y_mm)]))
    doc.push(RemoveBlocks([ids[1]]))
    dialog = CompareDialog(doc, window)
    qtbot.addWidget(dialog)
    dialog.show()
    picker = dialog.picker
    for i in range(picker.count()):  # the base and this test's option; the sample ships options of its own
        keep = picker.item(i).text() in ("Base design", "Moved")
        picker.item(i).setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)
    assert dialog.comparison is not None and [o.name for o in dialog.comparison.options] == ["Base", "Moved"]
    table = dialog.table
    labels = [table.verticalHeaderItem(i).text() for i in range(table.rowCount())]
    capex_row = labels.index("CAPEX: total")
    # The option that removed a block costs less to build: its cell is the marked winner.
    assert table.item(capex_row, 1).text().startswith("★") and not table.item(capex_row, 0).text().startswith("★")
    assert dialog.bom.rowCount() == 1
    counts = draw_plan_difference(dialog.plan_scene.__class__(), dialog.comparison.options[0].design,
                                  dialog.comparison.options[1].design, doc.catalog)
    assert counts["moved"] == 1 and counts["removed"] == 1 and counts["added"] == 0
    # Unticking one option leaves one: the view asks for two to six instead of comparing.
    moved_item = next(picker.item(i) for i in range(picker.count()) if picker.item(i).text() == "Moved")
    moved_item.setCheckState(Qt.CheckState.Unchecked)
    assert dialog.comparison is None and "two to six" in dialog.note.text()
    moved_item.setCheckState(Qt.CheckState.Checked)
    window.resize(1920, 1080)
    dialog.tabs.setCurrentIndex(0)
    dialog.grab().save(str(tmp_path / "compare.png"))
    dialog.close()


def test_a_refused_name_says_why_and_changes_nothing(window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a, **k: said.append(text)))
    depth = window.document.undo_stack.count()
    _new_scenario(window, "Base", monkeypatch)
    assert said and "Base" in said[0] and window.document.undo_stack.count() == depth


def test_switching_reconciles_the_canvas_with_the_option_shown(window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from workbench.model.edits import MoveBlocks, RemoveBlocks
    from workbench.ui.scene.coords import to_scene

    doc, scene = window.document, window.scene
    _new_scenario(window, "Changed", monkeypatch)
    ids = list(doc.design.blocks)
    first = doc.design.blocks[ids[0]]
    doc.push(MoveBlocks([first.id], [(first.x_mm + 600.0, first.y_mm)]))
    doc.push(RemoveBlocks([ids[1]]))
    for target in (BASE, "Changed", BASE):
        window.scenario_bar.switch_to(target if target == BASE else doc.design.scenarios[0].id)
        assert set(scene.block_items) == set(doc.design.blocks)
        for bid, b in doc.design.blocks.items():
            assert scene.block_items[bid].pos() == to_scene(b.x_mm, b.y_mm)
    assert ids[1] in scene.block_items  # the base still has the block the scenario removed
