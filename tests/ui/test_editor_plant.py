"""The connected plant in the real window: overlay, Connect tool, inspector connections and failure injection."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu

from workbench.calc.autoconnect_rules import derive_connections
from workbench.calc.failure import fail
from workbench.calc.graph import graph_for
from workbench.model.connection_edits import RemoveConnections, ReplaceConnections
from workbench.model.connections import upstream
from workbench.model.ports import port_problem
from workbench.ui.main_window import MainWindow
from workbench.ui.scene.coords import to_scene
from workbench.ui.scene.tools.connect import ConnectTool, port_choices

# The offscreen platform cannot raise a popup menu or give it the keyboard; a real screen can.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise", "does not support grabbing the keyboard",
                                       extend=True)


@pytest.fixture
def plant_window(window: MainWindow) -> Iterator[MainWindow]:
    """The sample, wired by auto-connect (the rule H3's calc owns), with no undo history."""
    doc = window.document
    derived = derive_connections(doc.design, doc.catalog)
    doc.push(ReplaceConnections(list(doc.design.connections), list(derived.connections)))
    doc.undo_stack.clear()
    doc.recalculate_now()
    QApplication.processEvents()
    yield window


def _of_kind(w: MainWindow, kind: str) -> list[str]:
    d, cat = w.document.design, w.document.catalog
    return [b.id for b in d.blocks.values() if cat.get(b.type_id) is not None and cat.get(b.type_id).kind == kind]


def _racks(w: MainWindow) -> list[str]:
    d, cat = w.document.design, w.document.catalog
    return [b.id for b in d.blocks.values() if cat.get(b.type_id) is not None and cat.get(b.type_id).is_rack]


def _view_point(w: MainWindow, block_id: str) -> QPoint:
    b = w.document.design.blocks[block_id]
    return w.view.mapFromScene(to_scene(b.x_mm, b.y_mm))


def _dark_shaded(w: MainWindow) -> set[str]:
    """Racks whose centre the canvas's dark shading covers (what the user sees, not the state set)."""
    path = w.plant.marks.dark_item.path()
    d = w.document.design
    return {r for r in _racks(w) if path.contains(to_scene(d.blocks[r].x_mm, d.blocks[r].y_mm))}


def _canvas_menu(w: MainWindow) -> QMenu | None:
    """The right-click menu on the plan: the window's block menu (our entries come through its hook list),
    or the plant's own small menu in a window without one."""
    if isinstance(getattr(w.view, "context_menu_hooks", None), list):
        return w.view.context_menu  # type: ignore[no-any-return]
    return w.plant.context_menu


def _close_menus() -> None:
    for m in QApplication.topLevelWidgets():
        if isinstance(m, QMenu) and m.isVisible():
            m.close()


# --- overlay ---------------------------------------------------------------------------------
def test_overlay_toggles_per_kind_and_draws_every_connection_once(plant_window: MainWindow) -> None:
    w = plant_window
    overlay, actions = w.plant.overlay, w.plant.actions
    counts = {k: sum(1 for c in w.document.design.connections.values() if c.kind == k)
              for k in ("power", "liquid", "heat")}
    assert counts["power"] and counts["liquid"]
    assert not any(item.isVisible() for item in overlay.paths.values())  # off until asked
    assert actions["overlay_power"] in w.plant.overlay_menu.actions()
    actions["overlay_power"].setChecked(True)
    power_items = [i for (k, _s), i in overlay.paths.items() if k == "power" and not i.path().isEmpty()]
    assert power_items and all(i.isVisible() for i in power_items)
    assert not any(i.isVisible() for (k, _s), i in overlay.paths.items() if k != "power")
    assert {k: overlay.path_count(k) for k in counts} == counts
    # Sides are drawn apart: the A and B paths are separate items when the plant has sides.
    sides = {c.side for c in w.document.design.connections.values() if c.kind == "power"}
    for side in sides:
        assert not overlay.paths[("power", side)].path().isEmpty()
    # Painting never rebuilds; only a change of connections or blocks does.
    before = overlay.rebuilds
    w.grab()
    w.view.viewport().repaint()
    assert overlay.rebuilds == before
    actions["overlay_power"].setChecked(False)
    assert not any(item.isVisible() for item in overlay.paths.values())
    actions["overlay_liquid"].setChecked(True)
    assert overlay.paths[("liquid", "")].isVisible() and overlay.path_count("liquid") == counts["liquid"]


def test_overlay_follows_an_undoable_disconnect(plant_window: MainWindow) -> None:
    w = plant_window
    w.plant.actions["overlay_power"].setChecked(True)
    first = next(c for c in w.document.design.connections.values() if c.kind == "power")
    n = w.plant.overlay.path_count("power")
    w.document.push(RemoveConnections([first.id]))
    QApplication.processEvents()
    assert w.plant.overlay.path_count("power") == n - 1
    w.document.undo_stack.undo()
    QApplication.processEvents()
    assert w.plant.overlay.path_count("power") == n


def test_hovering_a_rack_highlights_its_whole_upstream_path(plant_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = plant_window
    for kind in ("power", "liquid", "heat"):
        w.plant.actions[f"overlay_{kind}"].setChecked(True)
    rack = _racks(w)[0]
    qtbot.mouseMove(w.view.viewport(), _view_point(w, rack))
    assert w.plant.overlay.hovered == rack
    expected = set(graph_for(w.document.design, w.document.catalog).upstream_connections(rack))
    shown = {c.id for c in w.plant.overlay.upstream_connections(rack)}
    assert shown == expected and len(expected) > 3  # rack → PDU → UPS → ... and its CDU
    assert w.plant.overlay.highlight.isVisible()
    ups = _of_kind(w, "ups")[0]
    qtbot.mouseMove(w.view.viewport(), _view_point(w, ups))  # not a rack: no highlight
    assert w.plant.overlay.hovered is None and not w.plant.overlay.highlight.isVisible()


# --- Connect tool and inspector ----------------------------------------------------------------
def test_connect_tool_adds_one_undoable_connection_of_a_compatible_pair(plant_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = plant_window
    doc = w.document
    rack = _racks(w)[0]
    feeds = [c for c in upstream(doc.design, rack) if c.kind == "power"]
    pdu = feeds[0].from_block
    doc.push(RemoveConnections([c.id for c in feeds]))
    doc.undo_stack.clear()
    w.select_and_center([rack, pdu])
    doc.set_selection(set())
    w.plant.actions["connect_tool"].trigger()
    assert isinstance(w.editor.tool, ConnectTool) and w.plant.actions["connect_tool"].isChecked()
    vp = w.view.viewport()
    # Drag from the rack to its PDU: the tool offers the PDU's output into the rack's free cords.
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _view_point(w, rack))
    qtbot.mouseMove(vp, _view_point(w, pdu))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _view_point(w, pdu))
    tool = w.editor.tool
    assert isinstance(tool, ConnectTool)
    choices = port_choices(doc.design, doc.catalog, rack, pdu)
    assert len(choices) >= 2 and tool.menu is not None  # A and B both fit: the user picks
    assert [a.text() for a in tool.menu.actions()][0].startswith(tool.choice_text(choices[0]))
    count = len(doc.design.connections)
    tool.menu.actions()[0].trigger()
    _close_menus()
    assert len(doc.design.connections) == count + 1 and doc.undo_stack.count() == 1
    new = next(c for c in upstream(doc.design, rack) if c.kind == "power")
    cat = doc.catalog
    out_port = cat.get(doc.design.blocks[new.from_block].type_id).port(new.from_port)
    in_port = cat.get(doc.design.blocks[new.to_block].type_id).port(new.to_port)
    assert (new.from_block, new.to_block) == (pdu, rack) and port_problem(out_port, in_port) is None
    doc.undo_stack.undo()
    assert len(doc.design.connections) == count
    # Two racks have nothing that fits: no menu, no edit.
    other = _racks(w)[1]
    assert port_choices(doc.design, doc.catalog, rack, other) == []
    w.editor.select_tool()
    assert not w.plant.actions["connect_tool"].isChecked()


def test_inspector_lists_up_and_downstream_and_removes_one_as_one_step(plant_window: MainWindow) -> None:
    w = plant_window
    doc = w.document
    pdu = _of_kind(w, "pdu")[0]
    doc.set_selection({pdu})
    inspector = next(d for d in w.docks if d.objectName() == "InspectorDock")
    section = inspector.block_page.connections
    assert section.isVisible()
    ids = {c.id for c in doc.design.connections.values() if c.touches(pdu)}
    assert set(section.remove_buttons) == ids and len(ids) >= 2
    victim = sorted(ids)[0]
    section.remove_buttons[victim].click()
    assert victim not in doc.design.connections and doc.undo_stack.count() == 1
    assert set(section.remove_buttons) == ids - {victim}  # the list follows the edit
    doc.undo_stack.undo()
    assert victim in doc.design.connections and set(section.remove_buttons) == ids


# --- failure injection -------------------------------------------------------------------------
def test_failure_toggle_dims_exactly_the_racks_the_failure_function_returns(plant_window: MainWindow) -> None:
    w = plant_window
    doc = w.document
    ups = _of_kind(w, "ups")
    inspector = next(d for d in w.docks if d.objectName() == "InspectorDock")
    box = inspector.block_page.connections.fail_box
    doc.set_selection({ups[0]})
    box.click()  # N+1: one module lost, the others carry the bus
    expected = fail(doc.design, doc.catalog, [ups[0]])
    assert w.plant.failures.failed == {ups[0]}
    assert set(expected.dark) == _dark_shaded(w) == set()
    doc.set_selection({ups[1]})
    box.click()  # two lost: the bus drops its racks
    expected = fail(doc.design, doc.catalog, ups[:2])
    assert expected.dark and _dark_shaded(w) == set(expected.dark)
    assert w.plant.marks.failed == set(ups[:2])
    assert "racks dark" in w.statusBar().currentMessage()
    w.plant.actions["clear_failures"].trigger()
    assert not w.plant.failures.failed and _dark_shaded(w) == set()
    assert w.plant.marks.failed_item.path().isEmpty() and w.plant.marks.overload_item.path().isEmpty()
    assert not box.isChecked()
    assert doc.undo_stack.count() == 0 and not doc.dirty  # a what-if never edits the design


def test_canvas_context_menu_fails_and_restores_a_block(plant_window: MainWindow) -> None:
    w = plant_window
    transformer = _of_kind(w, "transformer")[0]
    w.select_and_center([transformer])
    w.document.set_selection(set())
    vp = w.view.viewport()
    pos = _view_point(w, transformer)
    QApplication.sendEvent(vp, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, vp.mapToGlobal(pos)))
    menu = _canvas_menu(w)
    assert menu is not None and w.document.selection == {transformer}
    texts = [a.text() for a in menu.actions()]
    fail_action = next(a for a in menu.actions() if a.text().startswith("Fail"))
    fail_action.trigger()
    menu.close()
    assert w.plant.failures.failed == {transformer}, texts
    expected = fail(w.document.design, w.document.catalog, [transformer])
    assert _dark_shaded(w) == set(expected.dark)
    QApplication.sendEvent(vp, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, vp.mapToGlobal(pos)))
    menu = _canvas_menu(w)
    assert menu is not None
    next(a for a in menu.actions() if a.text().startswith("Restore")).trigger()
    menu.close()
    assert not w.plant.failures.failed and _dark_shaded(w) == set()


def test_failure_follows_an_edit_and_is_never_saved(plant_window: MainWindow, tmp_path) -> None:  # type: ignore[no-untyped-def]
    w = plant_window
    doc = w.document
    ups = _of_kind(w, "ups")
    w.plant.failures.fail(ups[:2])
    dark = set(w.plant.failures.dark)
    assert dark
    rack = sorted(dark)[0]
    feeds = [c.id for c in upstream(doc.design, rack) if c.kind == "power"]
    doc.push(RemoveConnections(feeds))
    doc.recalculate_now()
    QApplication.processEvents()
    assert w.plant.failures.dark == set(fail(doc.design, doc.catalog, ups[:2]).dark)
    path = tmp_path / "what-if.dchall.json"
    doc.save(path)
    assert "failed" not in path.read_text(encoding="utf-8")


def test_dark_marks_cover_the_rack_footprints(plant_window: MainWindow) -> None:
    w = plant_window
    w.plant.failures.fail(_of_kind(w, "ups")[:2])
    rect = w.plant.marks.dark_item.path().boundingRect()
    for r in w.plant.failures.dark:
        item = w.scene.block_items[r]
        assert rect.contains(item.mapRectToScene(item.rect()).center())


def test_overlay_follows_a_move_and_costs_nothing_while_hidden(plant_window: MainWindow) -> None:
    from workbench.model.edits import MoveBlocks

    w = plant_window
    doc, overlay = w.document, w.plant.overlay
    pdu = _of_kind(w, "pdu")[0]
    b = doc.design.blocks[pdu]
    before = overlay.rebuilds
    doc.push(MoveBlocks([pdu], [(b.x_mm + 1200.0, b.y_mm)]))
    QApplication.processEvents()
    assert overlay.rebuilds == before  # hidden: nothing rebuilt
    w.plant.actions["overlay_power"].setChecked(True)
    assert overlay.rebuilds == before + 1
    bounds = {k: i.path().boundingRect() for k, i in overlay.paths.items() if k[0] == "power"}
    point = to_scene(b.x_mm, b.y_mm)  # the PDU's new centre: its runs start there
    assert any(r.adjusted(-1, -1, 1, 1).contains(point) for r in bounds.values())
    doc.undo_stack.undo()
    QApplication.processEvents()
    assert overlay.rebuilds == before + 2


def test_autoconnect_actions_wire_the_design_and_a_selection_as_one_step_each(window: MainWindow) -> None:
    w = window
    doc = w.document
    assert w.plant.actions["autoconnect_design"] in w.plant.menu.actions()
    doc.push(RemoveConnections(list(doc.design.connections)))
    doc.undo_stack.clear()
    assert not doc.design.connections
    w.plant.actions["autoconnect_design"].trigger()
    expected = {c.key for c in derive_connections(doc.design, doc.catalog).connections}
    assert {c.key for c in doc.design.connections.values()} == expected and doc.undo_stack.count() == 1
    # A selection: one rack loses its feeds, auto-connect of that rack alone brings them back.
    rack = _racks(w)[0]
    feeds = {c.key for c in upstream(doc.design, rack)}
    doc.push(RemoveConnections([c.id for c in upstream(doc.design, rack)]))
    doc.set_selection({rack})
    w.plant.actions["autoconnect_selection"].trigger()
    assert {c.key for c in upstream(doc.design, rack)} == feeds and doc.undo_stack.count() == 3
    doc.undo_stack.undo()
    assert not upstream(doc.design, rack)
    doc.set_selection(set())
    w.plant.actions["autoconnect_selection"].trigger()  # nothing selected: a message, no edit
    assert doc.undo_stack.count() == 3 and "Select" in w.statusBar().currentMessage()


def test_overloaded_devices_after_failover_are_ringed(plant_window: MainWindow) -> None:
    w = plant_window
    doc = w.document
    case = None
    for pdu in _of_kind(w, "pdu"):
        r = fail(doc.design, doc.catalog, [pdu])
        if r.overloaded:
            case = (pdu, r)
            break
    assert case is not None  # the sample's distribution is near full: losing a PDU overloads a neighbour
    pdu, expected = case
    w.plant.failures.fail({pdu})
    over = {o.block_id for o in expected.overloaded}
    assert w.plant.marks.overloaded == over
    path = w.plant.marks.overload_item.path()
    d = doc.design
    for bid in over:
        assert path.boundingRect().contains(to_scene(d.blocks[bid].x_mm, d.blocks[bid].y_mm))
    assert f"{len(over)} devices overloaded" in w.statusBar().currentMessage()
    w.plant.failures.clear()
    assert w.plant.marks.overload_item.path().isEmpty()
