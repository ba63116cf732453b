"""The gallery's "Export bundle…" with real widgets: tick, fill in, write, read back, import; refusals keep inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from tests.templates.conftest import listing
from workbench.catalog.bundles import import_bundle, read_bundle
from workbench.catalog.templates import TemplateSet, discover_templates
from workbench.paths import templates_dir
from workbench.ui import i18n
from workbench.ui.dialogs.bundle_export_dialog import BundleExportDialog
from workbench.ui.gallery import TemplateGallery
from workbench.ui.theme import LIGHT

pytestmark = pytest.mark.needs_qt  # left out of the no-Qt run (tests/test_layers.py)

POD = templates_dir() / "modules" / "nvl72-pod-1200kw.dchall.json"


def inputs(dlg: BundleExportDialog) -> dict[str, object]:
    return {**{k: e.text() for k, e in dlg.fields.items()}, "description": dlg.description.toPlainText(),
            "path": dlg.path.text(), "ticked": [t.name for t in dlg.ticked()]}


def fill(qtbot: QtBot, dlg: BundleExportDialog, path: Path, **typed: str) -> None:
    """Type into the form as a user would (keyClicks), replacing what is there."""
    for key, text in typed.items():
        if key == "description":
            dlg.description.setPlainText(text)
            continue
        edit = dlg.fields[key]
        edit.selectAll()
        qtbot.keyClicks(edit, text)
    dlg.path.setText(str(path))


@pytest.fixture
def orphan_shared(tmp_path: Path) -> TemplateSet:
    """A shared folder with a pod whose first rack is a type no library defines, next to the shipped set."""
    shared = tmp_path / "shared"
    shared.mkdir()
    doc = json.loads(POD.read_text("utf-8"))
    doc["blocks"][0]["type"] = "acme.missing-rack"
    doc["meta"]["name"] = "Orphan pod"
    (shared / "orphan-pod.dchall.json").write_text(json.dumps(doc), "utf-8")
    return discover_templates([shared])


def test_gallery_exports_two_templates_that_import_elsewhere(qtbot: QtBot, tmp_path: Path,
                                                             shipped: TemplateSet) -> None:
    gallery = TemplateGallery(shipped, "module")
    qtbot.addWidget(gallery)
    assert gallery.export_button.text() == "Export bundle…"
    assert gallery.select_name("NVL72 pod, 1.2 MW")
    out = tmp_path / "share" / "megawatt-pods"  # no suffix typed: .zip is added
    seen: dict[str, object] = {}

    def drive() -> None:
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, BundleExportDialog):
            if dlg is not None:  # an unexpected message box must fail the test, not hang it
                seen["unexpected"] = dlg.windowTitle()
                dlg.close()
            QTimer.singleShot(10, drive)
            return
        seen["preticked"] = [t.name for t in dlg.ticked()]
        seen["licence"] = dlg.fields["licence"].text()
        fill(qtbot, dlg, out, name="Megawatt pods", author="Team lead", description="Pods for the Q3 halls.")
        dlg.set_ticked(["NVL72 pod, 1.2 MW", "ai-pod-room-1mw"])
        seen["author_after_ticks"] = dlg.fields["author"].text()
        qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, drive)
    gallery.export_button.click()  # runs the modal dialog until drive() presses Export
    assert "unexpected" not in seen
    assert seen["preticked"] == ["NVL72 pod, 1.2 MW"]  # the gallery's current template starts ticked
    assert seen["licence"] == "CC-BY-4.0"  # the licence defaults to the first template's
    assert seen["author_after_ticks"] == "Team lead"  # ticking more never overwrites what was typed

    zipped = out.with_name("megawatt-pods.zip")
    assert zipped.is_file() and not out.exists()
    status = gallery.status.text()
    assert gallery.status.isVisibleTo(gallery) and str(zipped) in status
    assert "2 template(s)" in status and "NVL72 pod, 1.2 MW" in status and "1 MW liquid-cooled AI pod room" in status

    bundle = read_bundle(zipped)
    m = bundle.manifest
    assert (m["name"], m["version"], m["author"], m["licence"], m["description"]) == (
        "Megawatt pods", "1.0.0", "Team lead", "CC-BY-4.0", "Pods for the Q3 halls.")
    assert sorted(f.path for f in bundle.files) == ["halls/ai-pod-room-1mw.dchall.json",
                                                    "modules/nvl72-pod-1200kw.dchall.json"]
    fresh = tmp_path / "colleague"
    result = import_bundle(zipped, fresh)
    assert len(result.written) == 2 and not result.conflicts
    found = discover_templates([fresh])
    imported = sorted(t.name for t in found.templates if t.folder.path == fresh)
    assert imported == ["1 MW liquid-cooled AI pod room", "NVL72 pod, 1.2 MW"]
    assert not found.problems


def test_a_template_with_an_unknown_block_type_is_refused_and_inputs_stay(
        qtbot: QtBot, tmp_path: Path, orphan_shared: TemplateSet) -> None:
    dlg = BundleExportDialog(orphan_shared, orphan_shared.find("Orphan pod"))
    qtbot.addWidget(dlg)
    dlg.show()
    out = tmp_path / "out" / "orphan.zip"
    fill(qtbot, dlg, out, name="Orphans", version="2.3.4", author="Me", licence="MIT", description="Keep me.")
    before = inputs(dlg)
    files_before = listing(tmp_path)
    qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    assert dlg.isVisible() and dlg.result() != QDialog.DialogCode.Accepted and dlg.outcome is None
    text = dlg.message.text()
    assert dlg.message.isVisible() and "Nothing was written" in text
    assert "template 'Orphan pod'" in text and "acme.missing-rack" in text and "no library defines" in text
    assert inputs(dlg) == before
    assert listing(tmp_path) == files_before
    row = next(i for i, t in enumerate(dlg.templates) if t.name == "Orphan pod")
    assert dlg.tree.topLevelItem(row).foreground(0).color().name() == LIGHT.error
    assert "no library defines" in dlg.tree.topLevelItem(row).toolTip(0)

    dlg.set_ticked(["air-row-pod-20kw"])  # the user swaps the template and tries again: nothing retyped
    qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    assert dlg.result() == QDialog.DialogCode.Accepted and out.is_file()
    assert read_bundle(out).manifest["description"] == "Keep me."


def test_an_unwritable_destination_is_reported_and_inputs_stay(qtbot: QtBot, tmp_path: Path,
                                                               shipped: TemplateSet) -> None:
    dlg = BundleExportDialog(shipped, shipped.find("air-row-pod-20kw"))
    qtbot.addWidget(dlg)
    dlg.show()
    blocker = tmp_path / "notes.txt"
    blocker.write_text("a file, not a folder", "utf-8")
    fill(qtbot, dlg, blocker / "pods.zip", author="Me")
    before = inputs(dlg)
    qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    assert dlg.isVisible() and dlg.outcome is None
    assert f"{blocker} is a file, not a folder" in dlg.message.text()
    assert inputs(dlg) == before

    too_long = tmp_path / ("x" * 300 + ".zip")  # no file system takes a 304-byte name; even stat() fails
    dlg.path.setText(str(too_long))
    qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    assert dlg.isVisible() and dlg.outcome is None
    assert f"cannot write {too_long}" in dlg.message.text() and "too long" in dlg.message.text()
    assert dlg.fields["author"].text() == "Me"
    assert listing(tmp_path) == [("notes.txt", blocker.stat().st_size)]  # no temp file left behind


def test_a_template_deleted_from_the_shared_folder_meanwhile_is_reported(qtbot: QtBot, tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    copy = shared / "pod-copy.dchall.json"
    copy.write_text(POD.read_text("utf-8").replace('"name": "NVL72 pod, 1.2 MW"', '"name": "Pod copy"'), "utf-8")
    found = discover_templates([shared])
    dlg = BundleExportDialog(found, found.find("Pod copy"))
    qtbot.addWidget(dlg)
    out = tmp_path / "pods.zip"
    dlg.path.setText(str(out))
    copy.unlink()  # a colleague tidies the shared drive while the dialog is open
    assert not dlg.export()
    assert f"cannot read {copy}" in dlg.message.text()
    assert not out.exists() and dlg.fields["name"].text() == "Pod copy"


def test_missing_inputs_are_listed_before_anything_is_tried(qtbot: QtBot, shipped: TemplateSet) -> None:
    dlg = BundleExportDialog(shipped)
    qtbot.addWidget(dlg)
    dlg.fields["version"].clear()
    assert not dlg.export()
    text = dlg.message.text()
    assert "Tick at least one template" in text and "version" in text and "Choose where to save" in text
    assert dlg.fields["licence"].text() == "" and dlg.pick_label.text() == "Templates to include (0 ticked):"


def test_cancel_writes_nothing(qtbot: QtBot, tmp_path: Path, shipped: TemplateSet) -> None:
    dlg = BundleExportDialog(shipped, shipped.find("NVL72 pod, 1.2 MW"))
    qtbot.addWidget(dlg)
    dlg.show()
    fill(qtbot, dlg, tmp_path / "never.zip", name="Never")
    qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert dlg.result() == QDialog.DialogCode.Rejected and dlg.outcome is None
    assert listing(tmp_path) == []


def test_an_existing_bundle_is_replaced_only_when_the_user_says_so(qtbot: QtBot, tmp_path: Path,
                                                                   shipped: TemplateSet) -> None:
    out = tmp_path / "pods.zip"
    out.write_bytes(b"an older bundle")
    dlg = BundleExportDialog(shipped, shipped.find("NVL72 pod, 1.2 MW"))
    qtbot.addWidget(dlg)
    dlg.path.setText(str(out))
    asked: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, lambda: answer(button))
            return
        asked.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.No))
    assert not dlg.export()
    assert out.read_bytes() == b"an older bundle" and str(out) in asked[0]
    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Yes))
    assert dlg.export()
    assert read_bundle(out).manifest["name"] == "NVL72 pod, 1.2 MW"


def test_the_dialog_follows_a_live_language_switch(qapp: QApplication, qtbot: QtBot, shipped: TemplateSet) -> None:
    dlg = BundleExportDialog(shipped, shipped.find("NVL72 pod, 1.2 MW"))
    qtbot.addWidget(dlg)
    assert dlg.windowTitle() == "Export template bundle"
    try:
        assert i18n.set_language(qapp, "zh_CN", remember=False) == []
        qtbot.waitUntil(lambda: dlg.windowTitle() != "Export template bundle")
        assert dlg.export_button.text() == "导出"
        assert "1" in dlg.pick_label.text() and [t.name for t in dlg.ticked()] == ["NVL72 pod, 1.2 MW"]
    finally:
        i18n.set_language(qapp, "en", remember=False)
    qtbot.waitUntil(lambda: dlg.windowTitle() == "Export template bundle")


def test_a_screenshot_of_the_dialog_is_tidy(qtbot: QtBot, tmp_path: Path, shipped: TemplateSet) -> None:
    dlg = BundleExportDialog(shipped, shipped.find("NVL72 pod, 1.2 MW") + shipped.find("ai-pod-room-1mw"))
    qtbot.addWidget(dlg)
    dlg.path.setText(str(tmp_path / "pods.zip"))
    dlg.show()
    qtbot.waitExposed(dlg)
    image = dlg.grab()
    assert image.save(str(tmp_path / "bundle-export-dialog.png"))
    # Every form label ends where the fields begin: the form is aligned, not ragged.
    rights = {dlg.labels[k].geometry().right() for k in ("name", "version", "author", "licence", "path")}
    lefts = {w.geometry().left() for w in (*dlg.fields.values(), dlg.description, dlg.path)}
    assert len(lefts) == 1 and max(rights) < min(lefts)
    assert dlg.tree.header().sectionSize(0) > 250  # the names column gets the room
    assert dlg.export_button.isDefault() and not dlg.browse_button.autoDefault()  # Enter exports
