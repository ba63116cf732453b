"""The DXF underlay in the real window: import through the File menu, layers shown and hidden, alignment by two
point pairs, a hall and columns taken from the drawing, snapping, a missing file, a bad file, DXF export."""

from __future__ import annotations

import shutil
from pathlib import Path

import ezdxf
import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtWidgets import QFileDialog, QGraphicsItem

from workbench.cad.sample_drawing import write_sample_plan
from workbench.io import save_design
from workbench.ui.main_window import MainWindow
from workbench.ui.scene.hall_items import HALL_Z
from workbench.ui.scene.tools.base import ToolEvent
from workbench.ui.scene.tools.underlay_tools import AlignTool, HallFromDrawingTool


@pytest.fixture(scope="module")
def plan_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("dxf") / "architect.dxf"
    write_sample_plan(path, 3000)
    return path


def _import(window: MainWindow, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.commands["import_underlay"].trigger()


def _click(qtbot, window: MainWindow, x: float, y: float, button=Qt.MouseButton.LeftButton) -> None:  # type: ignore[no-untyped-def]
    pos = window.view.mapFromScene(QPointF(x, -y))
    qtbot.mouseClick(window.view.viewport(), button, Qt.KeyboardModifier.NoModifier, pos)


def test_import_through_the_file_menu_and_undo(qtbot, empty_window: MainWindow, plan_file: Path,  # type: ignore[no-untyped-def]
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    w = empty_window
    assert w.import_menu.actions()[0] is w.commands["import_underlay"]
    assert w.commands["export_dxf"] in w.export_menu.actions()
    _import(w, plan_file, monkeypatch)
    ref = w.document.design.underlay
    assert ref is not None and ref.path == str(plan_file.resolve()) and len(ref.sha256) == 64
    item = w.underlay.item
    assert item is not None and item.scene() is w.scene
    assert item.zValue() < HALL_Z  # under the halls
    assert not item.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsSelectable  # locked
    assert not item.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsMovable
    assert item.acceptedMouseButtons() == Qt.MouseButton.NoButton
    assert w.document.undo_stack.undoText() == "Attach underlay"
    dock = w.underlay_dock
    names = [dock.layers.item(i).text() for i in range(dock.layers.count())]
    assert {"A-WALL", "A-ROOM", "S-COLS", "S-COLS-BLK"} <= set(names)
    assert "3,0" in dock.file_label.text() and "units mm" in dock.file_label.text()
    w.document.undo_stack.undo()
    assert w.document.design.underlay is None and w.underlay.item is None
    assert dock.layers.count() == 0
    w.document.undo_stack.redo()
    assert w.underlay.item is not None


def test_layer_hidden_and_shown_as_undo_steps(qtbot, empty_window: MainWindow, plan_file: Path,  # type: ignore[no-untyped-def]
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    w = empty_window
    _import(w, plan_file, monkeypatch)
    dock = w.underlay_dock
    row = next(i for i in range(dock.layers.count()) if dock.layers.item(i).text() == "A-CLNG")
    dock.layers.item(row).setCheckState(Qt.CheckState.Unchecked)
    assert w.document.design.underlay.hidden_layers == ("A-CLNG",)
    layer = w.underlay.underlay.layers.index("A-CLNG")
    assert layer in w.underlay.item._hidden
    w.document.undo_stack.undo()
    assert w.document.design.underlay.hidden_layers == ()
    assert w.underlay.item._hidden == set()
    row = next(i for i in range(dock.layers.count()) if dock.layers.item(i).text() == "A-CLNG")
    assert dock.layers.item(row).checkState() == Qt.CheckState.Checked


def test_align_by_two_point_pairs(qtbot, empty_window: MainWindow, plan_file: Path,  # type: ignore[no-untyped-def]
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    w = empty_window
    _import(w, plan_file, monkeypatch)
    w.underlay_dock.align_button.click()
    tool = w.editor.tool
    assert isinstance(tool, AlignTool)
    # drawing corner (0, 0) goes to (5000, 2000); drawing corner (108000, 0) goes up the y axis, half size
    for p in ((0.0, 0.0), (5000.0, 2000.0), (108000.0, 0.0), (5000.0, 56000.0)):
        tool.pick(p)
    ref = w.document.design.underlay
    assert (ref.scale, ref.rotation_deg, ref.dx_mm, ref.dy_mm) == pytest.approx((0.5, 90.0, 5000.0, 2000.0))
    mapped = w.underlay.item.mapToScene(QPointF(108000.0, 0.0))
    assert (mapped.x(), -mapped.y()) == pytest.approx((5000.0, 56000.0))
    assert not isinstance(w.editor.tool, AlignTool)  # back to selecting
    w.document.undo_stack.undo()
    assert w.document.design.underlay.scale == 1.0
    assert w.underlay.item.mapToScene(QPointF(10.0, 0.0)).x() == pytest.approx(10.0)


def test_align_clicks_snap_to_the_drawing(qtbot, empty_window: MainWindow, plan_file: Path,  # type: ignore[no-untyped-def]
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    w = empty_window
    _import(w, plan_file, monkeypatch)
    w.view.fit_rect(w.underlay.item.mapRectToScene(w.underlay.item.boundingRect()))
    w.underlay_dock.align_button.click()
    tool = w.editor.tool
    near_corner = 3 * w.view.mm_per_px()  # three pixels off the building's corner
    _click(qtbot, w, near_corner, near_corner)
    assert tool.picks[0] == pytest.approx((0.0, 0.0))


def test_hall_from_a_closed_outline(qtbot, empty_window: MainWindow, plan_file: Path,  # type: ignore[no-untyped-def]
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    w = empty_window
    _import(w, plan_file, monkeypatch)
    w.view.fit_rect(w.underlay.item.mapRectToScene(w.underlay.item.boundingRect()))
    w.underlay_dock.hall_button.click()
    assert isinstance(w.editor.tool, HallFromDrawingTool)
    design = w.document.design
    # inside the default hall: its outline becomes DATA HALL 1's
    _click(qtbot, w, 5000, 5000)
    assert sorted(design.halls[0].outline) == [(1000, 1000), (1000, 35000), (52000, 1000), (52000, 35000)]
    # in DATA HALL 2, where there is no hall yet: a new hall
    _click(qtbot, w, 80000, 20000)
    assert len(design.halls) == 2
    assert sorted(design.halls[1].outline) == [(56000, 1000), (56000, 35000), (107000, 1000), (107000, 35000)]
    w.document.undo_stack.undo()
    assert len(design.halls) == 1
    w.document.undo_stack.undo()
    assert design.halls[0].outline == [(0.0, 0.0), (20000.0, 0.0), (20000.0, 12000.0), (0.0, 12000.0)]


def test_columns_from_the_selected_layer(qtbot, empty_window: MainWindow, plan_file: Path,  # type: ignore[no-untyped-def]
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    w = empty_window
    _import(w, plan_file, monkeypatch)
    w.underlay_dock.start_hall_from_drawing()
    w.editor.tool.take(5000, 5000)  # Hall 1 becomes DATA HALL 1: 1..52 m × 1..35 m
    dock = w.underlay_dock
    for name, expected in (("S-COLS", 6 * 2), ("S-COLS-BLK", 6 * 2)):
        row = next(i for i in range(dock.layers.count()) if dock.layers.item(i).text() == name)
        dock.layers.setCurrentRow(row)
        before = len(w.document.design.halls[0].columns)
        assert dock.columns_button.isEnabled()
        dock.columns_button.click()
        added = len(w.document.design.halls[0].columns) - before
        # grid lines at 9, 18, 27, 36, 45 m... inside 1..52 × 1..35: x 9..45 (5) — and y rows of that kind
        assert added > 0
        cols = w.document.design.halls[0].columns[before:]
        assert all(1000 < c.x_mm < 52000 and 1000 < c.y_mm < 35000 for c in cols)
        assert {round(c.width_mm) for c in cols} == ({700} if name == "S-COLS" else {600})
        assert expected  # noqa: the count follows the grid, checked against the drawing below
    xs = {round(c.x_mm) for c in w.document.design.halls[0].columns}
    ys = {round(c.y_mm) for c in w.document.design.halls[0].columns}
    assert xs == {9000, 18000, 27000, 36000, 45000} and ys == {9000, 18000, 27000}
    assert w.document.undo_stack.undoText().startswith("Columns from layer S-COLS-BLK")
    w.document.undo_stack.undo()
    w.document.undo_stack.undo()
    assert w.document.design.halls[0].columns == []


def test_snap_to_drawing_pulls_the_hall_outline_tool(qtbot, empty_window: MainWindow, plan_file: Path,  # type: ignore[no-untyped-def]
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    w = empty_window
    _import(w, plan_file, monkeypatch)
    w.view.fit_rect(w.underlay.item.mapRectToScene(w.underlay.item.boundingRect()))
    w.commands["hall_tool"].trigger()
    tool = w.editor.tool
    off = 3 * w.view.mm_per_px()
    event = ToolEvent(52000 + off, 35000 - off)
    grid = tool._snap(event)
    assert grid != (52000.0, 35000.0) or w.editor.grid_mm in (1000.0, 500.0)
    w.commands["snap_drawing"].setChecked(True)  # F10, like the grid's F9
    assert w.underlay_dock.snap.isChecked()
    assert tool._snap(event) == pytest.approx((52000.0, 35000.0))  # the room's corner
    shifted = ToolEvent(52000 + off, 35000 - off, modifiers=Qt.KeyboardModifier.ShiftModifier)
    assert tool._snap(shifted) == pytest.approx((52000 + off, 35000 - off))  # Shift suspends snapping
    w.underlay_dock.snap.setChecked(False)
    assert not w.commands["snap_drawing"].isChecked()


def test_missing_and_changed_file_are_reported_and_the_design_opens(qtbot, empty_window: MainWindow,  # type: ignore[no-untyped-def]
                                                                   plan_file: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    w = empty_window
    folder = tmp_path / "project"
    folder.mkdir()
    drawing = folder / "drawings" / "plan.dxf"
    drawing.parent.mkdir()
    shutil.copy(plan_file, drawing)
    w.document.path = folder / "hall.dchall.json"
    _import(w, drawing, monkeypatch)
    assert w.document.design.underlay.path == "drawings/plan.dxf"  # relative: the folder can move
    save_design(w.document.design, folder / "hall.dchall.json")
    moved = tmp_path / "moved"
    shutil.move(folder, moved)
    assert w.open_file(moved / "hall.dchall.json", ask=False)
    assert w.underlay.item is not None and w.underlay.status == ""
    # changed on disk
    (moved / "drawings" / "plan.dxf").write_text((moved / "drawings" / "plan.dxf").read_text() + "999\nedited\n")
    assert w.open_file(moved / "hall.dchall.json", ask=False)
    assert "has changed since it was attached" in w.underlay.status
    assert w.underlay.item is not None  # still shown
    # missing
    (moved / "drawings" / "plan.dxf").unlink()
    assert w.open_file(moved / "hall.dchall.json", ask=False)
    assert w.underlay.item is None
    assert w.underlay.status == "Underlay file not found: drawings/plan.dxf"
    assert w.underlay_dock.status_label.text() == w.underlay.status
    assert len(w.document.design.halls) == 1  # the design itself is all there


def test_bad_file_changes_nothing(qtbot, empty_window: MainWindow, tmp_path: Path,  # type: ignore[no-untyped-def]
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    w = empty_window
    fake = tmp_path / "drawing.dxf"
    fake.write_bytes(b"AC1032" + bytes(64))
    _import(w, fake, monkeypatch)
    assert w.document.design.underlay is None
    assert w.document.undo_stack.count() == 0
    assert "drawing.dxf: is a DWG drawing" in w.statusBar().currentMessage()


def test_export_dxf_from_the_file_menu(qtbot, window: MainWindow, tmp_path: Path,  # type: ignore[no-untyped-def]
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.commands["export_dxf"].trigger()
    out = tmp_path / "out.dxf"
    doc = ezdxf.readfile(out)
    assert not doc.audit().has_errors
    assert len(doc.modelspace().query("INSERT")) == len(window.document.design.blocks)
    assert "out.dxf:" in window.statusBar().currentMessage()


def test_a_pan_reuses_the_cached_picture(qtbot, empty_window: MainWindow, plan_file: Path,  # type: ignore[no-untyped-def]
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    w = empty_window
    _import(w, plan_file, monkeypatch)
    item = w.underlay.item
    w.view.fit_rect(QRectF(10000, -30000, 30000, 20000), 0)
    w.view.viewport().repaint()
    first = item._cache._image
    assert first is not None and not first.isNull()
    # the drawing is in the picture: some pixels are not transparent
    assert any(first.pixelColor(x, y).alpha() for x in range(0, first.width(), 7) for y in range(0, first.height(), 7))
    bar = w.view.horizontalScrollBar()
    bar.setValue(bar.value() + 20)
    w.view.viewport().repaint()
    assert item._cache._image is first  # a pan copies the picture; the paths are not drawn again
    w.view.zoom_by(1.25)
    w.view.viewport().repaint()
    assert item._cache._image is not first  # a zoom draws them again, at the new scale
    row = next(i for i in range(w.underlay_dock.layers.count()) if w.underlay_dock.layers.item(i).text() == "A-WALL")
    again = item._cache._image
    w.underlay_dock.layers.item(row).setCheckState(Qt.CheckState.Unchecked)
    w.view.viewport().repaint()
    assert item._cache._image is not again  # a hidden layer leaves the picture
