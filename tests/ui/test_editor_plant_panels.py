"""The single-line diagram, cooling schematic and contingency panels in the real window."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication

from workbench.calc.autoconnect_rules import derive_connections
from workbench.calc.contingency import contingency
from workbench.calc.failure import fail
from workbench.model.connection_edits import ReplaceConnections
from workbench.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise", "does not support grabbing the keyboard",
                                       extend=True)


@pytest.fixture
def plant_window(window: MainWindow) -> Iterator[MainWindow]:
    doc = window.document
    derived = derive_connections(doc.design, doc.catalog)
    doc.push(ReplaceConnections(list(doc.design.connections), list(derived.connections)))
    doc.undo_stack.clear()
    doc.recalculate_now()
    QApplication.processEvents()
    yield window
    window.plant.contingency.cancel()
    window.plant.contingency.wait()


def _of_kind(w: MainWindow, kind: str) -> list[str]:
    d, cat = w.document.design, w.document.catalog
    return [b.id for b in d.blocks.values() if cat.get(b.type_id) is not None and cat.get(b.type_id).kind == kind]


def _open_diagram(w: MainWindow):  # type: ignore[no-untyped-def]
    dock = w.plant.diagram
    w.plant.show_dock(dock)
    QApplication.processEvents()
    dock.rebuild()
    return dock


def _dark_shaded(w: MainWindow) -> set[str]:
    from workbench.ui.scene.coords import to_scene

    path = w.plant.marks.dark_item.path()
    d, cat = w.document.design, w.document.catalog
    return {b.id for b in d.blocks.values() if cat.get(b.type_id) is not None and cat.get(b.type_id).is_rack
            and path.contains(to_scene(b.x_mm, b.y_mm))}


# --- single-line diagram and cooling schematic ---------------------------------------------------
def test_diagram_shows_every_power_device_with_rating_load_and_redundancy(plant_window: MainWindow) -> None:
    w = plant_window
    dock = _open_diagram(w)
    scene = dock.scenes["power"]
    for kind in ("ups", "pdu", "transformer", "mv-switchgear"):
        for bid in _of_kind(w, kind):
            assert bid in scene.by_member, kind
    ups = scene.nodes[_of_kind(w, "ups")[0]]
    assert " kW" in ups.text.figures and "%" in ups.text.figures
    assert "N+1" in ups.text.note  # the redundancy label of the main system
    layout = dock.layouts["power"]
    assert layout.levels[0] == "Utility" and layout.levels[-1] == "Loads"
    # Utility at the top, racks at the bottom.
    rack = next(b for b in w.document.design.blocks.values() if w.document.catalog.get(b.type_id).is_rack)
    assert scene.by_member[rack.id].pos().y() > ups.pos().y() > scene.nodes["@utility"].pos().y()
    cooling = dock.scenes["cooling"]
    for bid in _of_kind(w, "cdu"):
        assert bid in cooling.by_member


def test_selection_syncs_between_plan_and_diagram(plant_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = plant_window
    dock = _open_diagram(w)
    scene, view = dock.scenes["power"], dock.views["power"]
    pdu = _of_kind(w, "pdu")[0]
    w.document.set_selection({pdu})  # plan → diagram
    assert scene.nodes[pdu].selected
    assert sum(1 for n in scene.nodes.values() if n.selected) == 1
    ups = _of_kind(w, "ups")[1]
    node = scene.nodes[ups]
    view.ensureVisible(node)
    QApplication.processEvents()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     view.mapFromScene(node.scenePos()))
    assert w.document.selection == {ups}  # diagram → plan
    assert w.scene.block_items[ups].isSelected() and not scene.nodes[pdu].selected


def test_failing_in_the_diagram_darkens_the_same_racks_in_both_views(plant_window: MainWindow) -> None:
    w = plant_window
    dock = _open_diagram(w)
    scene, view = dock.scenes["power"], dock.views["power"]
    ups = _of_kind(w, "ups")
    for bid in ups[:2]:
        node = scene.nodes[bid]
        view.ensureVisible(node)
        QApplication.processEvents()
        pos = view.mapFromScene(node.scenePos())
        QApplication.sendEvent(view.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos,
                                                                   view.viewport().mapToGlobal(pos)))
        menu = view.menu
        assert menu is not None
        menu.actions()[0].trigger()
        menu.close()
    expected = set(fail(w.document.design, w.document.catalog, ups[:2]).dark)
    assert expected and w.plant.failures.failed == set(ups[:2])
    scene = dock.scenes["power"]  # rebuilt with the loads after failover
    dark_nodes = {m for n in scene.nodes.values() if n.state == "dark" for m in n.members}
    assert dark_nodes == expected == _dark_shaded(w)
    assert all(scene.nodes[b].state == "failed" for b in ups[:2])
    # Failing on the plan shows in the diagram too; clearing restores both.
    w.plant.actions["clear_failures"].trigger()
    assert not any(n.state for n in dock.scenes["power"].nodes.values()) and _dark_shaded(w) == set()
    transformer = _of_kind(w, "transformer")[0]
    w.plant.failures.fail({transformer})
    assert dock.scenes["power"].nodes[transformer].state == "failed"


def test_a_failure_relabels_the_diagram_without_laying_it_out_again(plant_window: MainWindow) -> None:
    # A campus lays its diagram out in seconds; failing a block changes loads and marks, never positions.
    w = plant_window
    dock = _open_diagram(w)
    scene = dock.scenes["power"]
    items = dict(scene.nodes)
    ups = _of_kind(w, "ups")
    before = {b: scene.nodes[b].text.figures for b in ups}
    w.plant.failures.fail({ups[0]})
    assert dock.scenes["power"].nodes == items  # the very same items: nothing was rebuilt
    assert scene.nodes[ups[0]].state == "failed"
    # The survivors carry the failed module's share: their figures are the loads after failover.
    result = w.plant.failures.result
    assert result is not None
    changed = [b for b in ups[1:] if scene.nodes[b].text.figures != before[b]]
    assert changed
    for b in changed:
        assert f"{result.load_kw[b]:,.0f} of" in scene.nodes[b].text.figures
    w.plant.failures.clear()
    assert {b: scene.nodes[b].text.figures for b in ups} == before and not any(n.state for n in scene.nodes.values())


# --- contingency -----------------------------------------------------------------------------------
def test_contingency_panel_runs_lists_spofs_and_zooms_to_a_row(plant_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = plant_window
    dock = w.plant.contingency
    w.plant.show_dock(dock)
    with qtbot.waitSignal(dock.result_ready, timeout=30000):
        dock.run_button.click()
    qtbot.waitUntil(lambda: not dock.running, timeout=10000)
    expected = contingency(w.document.design, w.document.catalog)
    r = dock.result
    assert [s.block_id for s in r.spofs] == [s.block_id for s in expected.spofs]
    assert dock.table.rowCount() == len(expected.spofs) + len(expected.pairs) + min(len(expected.overloads), 50)
    text = dock.verdicts.text()
    assert "Concurrently maintainable" in text and "Fault tolerant" in text and "not a certification" in text
    assert ("does not hold" in text) == (not expected.concurrently_maintainable.holds)
    assert dock.progress.value() == dock.progress.maximum() == r.cases
    dock.table.selectRow(0)
    first = dock.table.item(0, 0).data(Qt.ItemDataRole.UserRole).split(",")
    assert w.document.selection == set(first)
    assert dock.run_button.isEnabled() and not dock.cancel_button.isEnabled()


def test_contingency_can_be_cancelled_and_the_window_stays_responsive(plant_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = plant_window
    dock = w.plant.contingency
    w.plant.show_dock(dock)
    dock.depth_box.setCurrentIndex(1)  # N-2: hundreds of pairs
    ticks = []
    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    stopped = []

    def attach(worker) -> None:  # type: ignore[no-untyped-def]
        def press_cancel_at_first_report(done: int, total: int) -> None:
            # Runs on the worker thread at its first progress report: the run cannot finish before this.
            if not stopped:
                stopped.append(total)
                worker.stop = True

        worker.progressed.connect(press_cancel_at_first_report, Qt.ConnectionType.DirectConnection)

    dock.worker_created.connect(attach)
    dock.run_button.click()
    dock.worker_created.disconnect(attach)
    assert dock.running and dock.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: not dock.running, timeout=30000)
    timer.stop()
    assert stopped and "Cancelled" in dock.status.text() and dock.result is None
    assert dock.run_button.isEnabled() and not dock.cancel_button.isEnabled()
    assert ticks  # the event loop kept running while the worker did
    # The Cancel button sets the same flag on a running worker.
    dock.run_button.click()
    running = dock._worker
    dock.cancel_button.click()
    assert running is not None and running.stop
    qtbot.waitUntil(lambda: not dock.running, timeout=30000)


def test_plant_menu_and_panels_speak_chinese(plant_window: MainWindow) -> None:
    from workbench.ui import i18n

    w = plant_window
    app = QApplication.instance()
    try:
        i18n.set_language(app, "zh_CN", remember=False)  # type: ignore[arg-type]
        QApplication.processEvents()
        assert w.plant.menu.title() == "厂站(&P)"
        assert w.plant.actions["connect_tool"].text() == "连接工具(&C)"
        assert w.plant.actions["overlay_power"].text() == "电力连接(&P)"
        assert w.plant.diagram.windowTitle() == "单线图"
        assert w.plant.contingency.run_button.text() == "运行"
        inspector = next(d for d in w.docks if d.objectName() == "InspectorDock")
        w.document.set_selection({_of_kind(w, "ups")[0]})
        assert inspector.block_page.connections.fail_box.text() == "故障（假设分析，不保存）"
    finally:
        i18n.set_language(app, "en", remember=False)  # type: ignore[arg-type]
        QApplication.processEvents()
    assert w.plant.menu.title() == "&Plant"
