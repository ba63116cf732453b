"""Files and history as a newcomer meets them: Save As folder, Open Recent, File → Close, plain History, row dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from workbench.model.edits import MoveBlocks
from workbench.ui import i18n
from workbench.ui.dialogs.array_dialog import ArrayDialog
from workbench.ui.file_commands import save_start_path
from workbench.ui.main_window import MainWindow


def test_save_as_starts_in_documents_or_beside_the_file(window: MainWindow, monkeypatch: pytest.MonkeyPatch,
                                                        tmp_path: Path) -> None:
    starts: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (starts.append(a[2]), ("", ""))[1])
    window.commands["save_as"].trigger()
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert Path(starts[0]).parent == Path(documents)
    assert Path(starts[0]).name == "AI Hall Sample — 2 MW NVL72 liquid-cooled.dchall.json"
    assert not starts[0].startswith(str(Path.cwd()))  # never the program's folder
    assert save_start_path(tmp_path / "a.dchall.json", "x") == tmp_path / "a.dchall.json"
    assert save_start_path(None, 'A/B: "C"').name == "A-B- -C.dchall.json"


def test_open_recent_lists_each_file_once_with_its_folder(window: MainWindow, tmp_path: Path) -> None:
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "hall.dchall.json").write_text("{}")
    s = window.settings
    s.add_recent_file(tmp_path / "one" / "hall.dchall.json")
    s.add_recent_file(tmp_path / "two" / "hall.dchall.json")
    # The same file again under another spelling, as an older version stored it.
    s.qsettings.setValue("files/recent", [*s.recent_files(), str(tmp_path / "two" / ".." / "one" / "hall.dchall.json")])
    window.file_commands.fill_recent_menu()
    texts = [a.text() for a in window.recent_menu.actions() if a.isEnabled() and not a.isSeparator()][:-1]
    halls = [t for t in texts if "hall.dchall.json" in t and "sample" not in t]
    assert len(texts) == len(set(texts)) and len(halls) == 2
    assert halls[0].startswith("&1 hall.dchall.json — ") and halls[0].endswith("two")
    assert halls[1].startswith("&2 hall.dchall.json — ") and halls[1].endswith("one")


def test_file_close_leaves_an_untitled_design(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = window.document
    rack = next(iter(doc.design.blocks.values()))
    window.editor.push(MoveBlocks([rack.id], [(rack.x_mm + 600, rack.y_mm)]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert window.commands["close"].text() == "&Close"
    window.commands["close"].trigger()
    assert not doc.design.blocks and doc.path is None and not doc.dirty
    assert "*" not in window.windowTitle()


def test_history_speaks_plainly_and_in_chinese(window: MainWindow, qapp: QApplication, qtbot) -> None:  # type: ignore[no-untyped-def]
    doc = window.document
    racks = [b for b in doc.design.blocks.values() if b.type_id == "rack.gb200-nvl72"][:3]
    window.editor.push(MoveBlocks([b.id for b in racks], [(b.x_mm, b.y_mm - 600) for b in racks]))
    window.editor.push(MoveBlocks([racks[0].id], [(racks[0].x_mm, racks[0].y_mm)]))
    window.document.set_selection({racks[0].id})
    window.editor.nudge(1, 0)
    stack = doc.undo_stack
    texts = [stack.text(i) for i in range(stack.count())]
    assert texts == ["Move 3 blocks", "Move 1 block", "Nudge 1 block"]
    assert window.commands["undo"].text() == "&Undo Nudge 1 block"
    try:
        i18n.set_language(qapp, "zh_CN", remember=False)
        texts = [stack.text(i) for i in range(stack.count())]
        assert texts == ["移动 3 个块", "移动 1 个块", "微移 1 个块"]
        history = next(d for d in window.docks if d.objectName() == "HistoryDock")
        qtbot.waitUntil(lambda: history.windowTitle() == "历史记录")
        model = history.view.model()
        shown = [model.index(r, 0).data() for r in range(model.rowCount())]
        assert shown[1:] == texts
        assert window.commands["undo"].text() == "撤销 微移 1 个块(&U)"
    finally:
        i18n.set_language(qapp, "en", remember=False)


def test_row_dialog_offers_row_blocks_and_the_selected_rack_type(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    doc = window.document
    rack = next(b for b in doc.design.blocks.values() if b.type_id == "rack.gb200-nvl72")
    doc.set_selection({rack.id})
    seen: list[ArrayDialog] = []

    def look(dialog: ArrayDialog) -> int:
        seen.append(dialog)
        return int(ArrayDialog.DialogCode.Rejected)

    import workbench.ui.dialogs.array_dialog as module

    original = module.ArrayDialog.exec
    module.ArrayDialog.exec = look  # type: ignore[method-assign]
    try:
        window.commands["array"].trigger()
    finally:
        module.ArrayDialog.exec = original  # type: ignore[method-assign]
    dialog = seen[0]
    assert dialog.type_box.currentData() == "rack.gb200-nvl72"
    offered = {dialog.type_box.itemData(i) for i in range(dialog.type_box.count())}
    assert {"rack.air-20kw", "net.leaf-tor", "cool.inrow-50", "cool.cdu-inrow-200"} <= offered
    assert not offered & {"cool.crah-300", "pwr.ups-1mw-li", "cool.chiller-air-1500", "pwr.generator-3mw",
                          "struct.column-600", "pwr.pdu-250kva"}
    dialog.deleteLater()
    # The last row type placed is offered next time when nothing is selected.
    window.settings.qsettings.setValue("array/last_type", "rack.air-40kw")
    doc.set_selection(set())
    assert window._array_type() == "rack.air-40kw"


def test_clicking_a_check_zooms_to_fit_its_blocks(window: MainWindow) -> None:
    doc, view = window.document, window.view
    view.fit_hall()
    whole = view.px_per_mm()
    gens = [b.id for b in doc.design.blocks.values() if b.type_id == "pwr.generator-3mw"]
    window.select_and_center(gens)
    assert doc.selection == set(gens)
    assert view.px_per_mm() > 1.5 * whole  # zoomed in, not only panned
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    for bid in gens:
        item = window.scene.block_items[bid]
        assert visible.contains(item.sceneBoundingRect())
