"""The gallery dialog with real widgets: lists the shipped templates, creates and inserts from them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from workbench.catalog.templates import TemplateSet, discover_templates
from workbench.ui.document import Document
from workbench.ui.gallery import (
    TemplateGallery, explode_selected_module, insert_module, new_from_template, save_selection_as_module, thumbnail,
)


UNEXPECTED: list[str] = []


def choose_when_shown(name: str) -> None:
    """Pick `name` in the modal gallery as soon as it is open, then press its OK button."""
    def act() -> None:
        dlg = QApplication.activeModalWidget()
        if dlg is not None and not isinstance(dlg, TemplateGallery):
            UNEXPECTED.append(dlg.windowTitle())
            dlg.close()  # an unexpected message box must fail the test, not hang it
        if not isinstance(dlg, TemplateGallery):
            QTimer.singleShot(10, act)
            return
        if dlg.select_name(name):
            dlg.accept()
        else:
            dlg.reject()
    QTimer.singleShot(0, act)


def test_dialog_lists_the_shipped_templates_with_details(qtbot: QtBot, shipped: TemplateSet) -> None:
    dlg = TemplateGallery(shipped, "hall")
    qtbot.addWidget(dlg)
    names = [dlg.list.item(i).text().split("\n")[0] for i in range(dlg.list.count())]
    assert names == [t.name for t in shipped.of_kind("hall")]
    assert "20 MW next-generation hall, 800 V DC" in names
    assert dlg.select_name("nvl72-hall-10mw-2n")
    assert dlg.title.text() == "10 MW NVL72-class hall, 2N power"
    assert dlg.figures["it_mw"][0].text() == "10.16"
    assert dlg.figures["racks"][0].text() == "80"
    assert dlg.meta["licence"][1].text() == "CC-BY-4.0"
    assert "built-in" in dlg.meta["source"][1].text()
    assert "2N power" in dlg.description.text()
    dlg.search.setText("800 V")
    visible = [dlg.list.item(i).text() for i in range(dlg.list.count()) if not dlg.list.item(i).isHidden()]
    assert len(visible) == 1 and visible[0].startswith("20 MW")


def test_thumbnail_is_drawn_from_the_design(qtbot: QtBot, shipped: TemplateSet) -> None:
    t = shipped.find("NVL72 pod, 1.2 MW")[0]
    image: QImage = thumbnail(t.design, shipped.catalog).toImage()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)}
    assert len(colours) > 5  # floor, wall and several block categories, not a blank tile


def test_choosing_a_template_replaces_the_document_design(qtbot: QtBot) -> None:
    doc = Document()
    old = doc.design
    choose_when_shown("Prefabricated AI edge module")
    assert new_from_template(None, doc, shared=[])
    assert doc.design is not old
    assert doc.design.site.name == "Prefabricated AI edge module"
    assert "kind" not in doc.design.meta and doc.design.meta["template"].startswith("Prefabricated")
    assert doc.path is None and not doc.dirty
    results = doc.recalculate_now()
    assert results.it_load_kw > 500 and not results.errors()


def test_insert_module_places_a_brick_with_undo(qtbot: QtBot) -> None:
    doc = Document()  # an empty 20 m × 12 m hall
    n_blocks = len(doc.design.blocks)
    choose_when_shown("air-row-pod-20kw")
    assert insert_module(None, doc, shared=[])
    assert UNEXPECTED == []
    assert len(doc.design.modules) == 1
    module_id = next(iter(doc.design.modules))
    placed = doc.design.blocks_in_module(module_id)
    assert len(placed) == 22 and doc.selection == {b.id for b in placed}
    assert not [c for c in doc.recalculate_now().checks if c.code in ("overlap", "outside_hall")]
    assert explode_selected_module(doc) == 1
    assert doc.design.modules == {} and all(not doc.design.blocks[b.id].module_id for b in placed)
    doc.undo_stack.undo()
    assert len(doc.design.modules) == 1
    doc.undo_stack.undo()
    assert len(doc.design.blocks) == n_blocks and doc.design.modules == {}


def test_save_selection_as_module_writes_a_template(qtbot: QtBot, tmp_path: Path) -> None:
    doc = Document()
    doc.new(discover_templates().find("ai-pod-room-1mw")[0].design)
    doc.set_selection([b.id for b in doc.design.blocks.values() if b.name.startswith(("RA", "CDU-1", "NET-A"))])
    path = save_selection_as_module(None, doc, name="Row A pod", folder=tmp_path / "modules")
    assert path is not None and path.name == "row-a-pod.dchall.json"
    found = discover_templates([tmp_path])
    pod = found.find("Row A pod")[0]
    assert pod.kind == "module" and pod.racks == 5 and pod.folder.origin == "shared"


def test_ui_import_asks_before_replacing(qtbot: QtBot, tmp_path: Path, shipped: TemplateSet) -> None:
    from PySide6.QtWidgets import QMessageBox

    from workbench.catalog.bundles import export_bundle
    from workbench.ui.gallery import import_bundle_interactive

    bundle = tmp_path / "b.zip"
    export_bundle(shipped.find("air-row-pod-20kw"), bundle, shipped)
    dest = tmp_path / "dest"
    target = dest / "modules" / "air-row-pod-20kw.dchall.json"
    target.parent.mkdir(parents=True)
    older = shipped.find("air-row-pod-20kw")[0].path.read_text("utf-8")
    target.write_text(older.replace('"version": "1.0.0"', '"version": "0.9.0"'), "utf-8")
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        seen.append(box.text())
        keep = next(b for b in box.buttons() if b.text() == "Keep both")
        keep.click()

    QTimer.singleShot(0, answer)
    result = import_bundle_interactive(None, bundle, dest)
    assert result is not None and [p.name for p in result.written] == ["air-row-pod-20kw-2.dchall.json"]
    assert "0.9.0" in seen[0] and "newer" in seen[0]
    assert '"version": "0.9.0"' in target.read_text("utf-8")  # the old file was not overwritten
