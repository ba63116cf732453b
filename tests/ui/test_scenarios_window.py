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


def test_a_switch_redraws_the_canvas_and_the_figures_of_the_option_shown(window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """What the user sees after choosing an option: exactly its blocks on the canvas, its footprints and aisles,
    no mark left from another option, and the metrics dock's figures of a calculation made afresh."""
    import numpy as np
    from PySide6.QtWidgets import QApplication

    from workbench.calc import calculate
    from workbench.io.project import state_from_dict, state_to_dict
    from workbench.model.edits import MoveBlocks, RemoveBlocks
    from workbench.ui.docks.formatting import fmt_number
    from workbench.ui.docks.metrics import MetricsDock
    from workbench.ui.scene.aisles import aisle_strips
    from workbench.ui.scene.block_look import FootprintTable, block_look
    from workbench.ui.scene.hall_scene import CANVAS_CODES
    from workbench.ui.scene.items import BlockItem

    doc, scene = window.document, window.scene
    metrics = next(d for d in window.docks if isinstance(d, MetricsDock))
    _new_scenario(window, "Fewer racks", monkeypatch)
    option = next(s.id for s in doc.design.scenarios if s.name == "Fewer racks")
    racks = [b.id for b in doc.design.blocks.values() if b.type_id.startswith("rack.")]
    removed = racks[: len(racks) // 3]
    doc.push(RemoveBlocks(removed))
    mover, victim = doc.design.blocks[racks[-1]], doc.design.blocks[racks[-2]]
    doc.push(MoveBlocks([mover.id], [(victim.x_mm, victim.y_mm)]))  # an overlap only this option has
    window.scenario_bar.switch_to(BASE)
    doc.set_selection({removed[0]})  # selected in the base, absent from the option
    for target in (option, BASE, option, BASE):
        window.scenario_bar.switch_to(target)
        window.view.viewport().repaint()
        QApplication.processEvents()
        design = doc.design
        assert design.active_scenario == target
        drawn = [i for i in scene.items() if isinstance(i, BlockItem)]
        assert sorted(i.block_id for i in drawn) == sorted(design.blocks) == sorted(scene.block_items)
        flagged = {bid for c in doc.results.checks if c.code in CANVAS_CODES for bid in c.blocks}
        assert (racks[-2] in flagged) == (target == option)
        for item in drawn:
            b = design.blocks[item.block_id]
            assert item.look == block_look(b, doc.catalog, scene.language)
            assert (item.problem_severity is not None) == (item.block_id in flagged)
            assert item.isSelected() == (item.block_id in doc.selection)
        fresh = FootprintTable()
        fresh.rebuild(design, doc.catalog)
        table = scene.table()
        assert table.ids == fresh.ids and np.array_equal(table.boxes, fresh.boxes)
        assert np.array_equal(table.aisle_mm, fresh.aisle_mm) and np.array_equal(table.rotation, fresh.rotation)
        assert all(np.array_equal(a, b) for a, b in zip(aisle_strips(table), aisle_strips(fresh)))
        expected = calculate(state_from_dict(state_to_dict(design)), doc.catalog)
        assert expected.space.block_count == len(design.blocks)
        assert metrics.summary["blocks"][1].text() == fmt_number(expected.space.block_count)
        assert metrics.summary["racks"][1].text().startswith(fmt_number(expected.space.rack_count))
        assert metrics.tiles["it_load"][1].text() == f"{fmt_number(expected.it_load_kw)} kW"
    assert removed[0] in scene.block_items and not scene.block_items[removed[0]].isSelected()
    # Undo and redo of switches put the canvas and figures where they were.
    for step in (doc.undo_stack.undo, doc.undo_stack.undo, doc.undo_stack.redo):
        step()
        doc.recalculate_now()
        QApplication.processEvents()
        assert sorted(i.block_id for i in scene.items() if isinstance(i, BlockItem)) == sorted(doc.design.blocks)
        assert metrics.summary["blocks"][1].text() == fmt_number(len(doc.design.blocks))
    assert doc.design.active_scenario == option


def test_an_option_switched_to_is_saved_and_opened_as_shown(window: MainWindow, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from workbench.io.project import state_to_dict
    from workbench.io.scenario_state import materialize
    from workbench.model.edits import MoveBlocks, RemoveBlocks

    doc = window.document
    _new_scenario(window, "Moved and fewer", monkeypatch)
    ids = list(doc.design.blocks)
    doc.push(RemoveBlocks(ids[:3]))
    doc.push(MoveBlocks([ids[5]], [(doc.design.blocks[ids[5]].x_mm + 600.0, doc.design.blocks[ids[5]].y_mm)]))
    option = doc.design.active_scenario
    window.scenario_bar.switch_to(BASE)
    base = state_to_dict(doc.design)
    window.scenario_bar.switch_to(option)
    shown = state_to_dict(doc.design)
    doc.save(tmp_path / "options.dchall.json")
    loaded = load_design(tmp_path / "options.dchall.json", doc.catalog).design
    assert loaded.active_scenario == option and state_to_dict(loaded) == shown
    assert state_to_dict(materialize(loaded, BASE)[0]) == base


def test_the_switch_benchmark_drives_the_scenarios_bar_and_checks_the_figures_shown(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from workbench.bench.generate import generate_design
    from workbench.catalog import default_catalog
    from workbench.ui import bench_scenarios
    from workbench.ui.scenario_bar import ScenarioBar

    catalog = default_catalog()
    calls: list[str] = []
    real = ScenarioBar.switch_to
    monkeypatch.setattr(ScenarioBar, "switch_to", lambda self, sid: calls.append(sid) or real(self, sid))
    figure = bench_scenarios.scenario_switch_figure(generate_design(catalog, 400), catalog, 2)
    assert figure.median_s is not None and figure.median_s > 0 and figure.blocks == 400
    assert len(calls) == 4 and calls[1::2] == [BASE, BASE] and BASE not in calls[::2]
