"""Every step of docs/getting-started(.zh_CN).md, done through the real window, checking the figures it promises.

The guide is read as the user reads it: each figure the window shows at a step must be written in that step's
text, in English and in Chinese. If the sample, the calculation or the window changes a figure, this fails
until the guide says what the user will see.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QMimeData, QPointF, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pypdf import PdfReader

from workbench.ui import i18n
from workbench.ui.app import _parse, open_initial
from workbench.ui.docks.metrics_widgets import CapacityRow
from workbench.ui.dialogs.getting_started import walkthrough_path
from workbench.ui.main_window import MainWindow
from workbench.ui.scene.coords import to_scene
from workbench.ui.scene.view import BLOCK_TYPE_MIME
from workbench.ui.settings import Settings

POD = "air-row-pod-20kw"
GENERATOR = "pwr.generator-3mw"
# Where step 3 says the third generator goes: the free bay below GEN-2 at the bottom right of the plant yard.
BAY = (22300.0, 44450.0)
WORDS = {
    "en": {"generators": "Generators", "not_met": "N+1 not met", "search": "generator"},
    "zh_CN": {"generators": "发电机组", "not_met": "N+1 未满足", "search": "发电机"},
}


def _steps(text: str) -> dict[int, str]:
    """The guide's sections by their number: "## 1. Open the sample" → {1: its text}."""
    parts = re.split(r"^## (\d)\. ", text, flags=re.MULTILINE)
    return {int(parts[i]): parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def _metrics(window: MainWindow):  # type: ignore[no-untyped-def]
    return next(d for d in window.docks if d.objectName() == "MetricsDock")


def _generator_row(window: MainWindow, word: str) -> CapacityRow:
    return next(r for r in _metrics(window).capacity.rows if r.unit == "kW" and r.label.endswith(word))


def _when_modal(qtbot, act: Callable[[object], None]) -> None:  # type: ignore[no-untyped-def]
    """Run `act` on the next modal dialog once it is open (exec() blocks the test until it closes)."""
    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        act(dialog)
    QTimer.singleShot(0, poll)


def _drop(window: MainWindow, mime: QMimeData, x_mm: float, y_mm: float) -> None:
    view = window.view
    pos = view.mapFromScene(to_scene(x_mm, y_mm))
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    view.dragEnterEvent(enter)
    assert enter.isAccepted()
    view.dropEvent(QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                              Qt.KeyboardModifier.NoModifier))


@pytest.fixture(params=["en", "zh_CN"])
def lang(request: pytest.FixtureRequest, qapp: QApplication):  # type: ignore[no-untyped-def]
    i18n.set_language(qapp, request.param, remember=False)
    yield request.param
    i18n.set_language(qapp, "en", remember=False)


def test_the_getting_started_guide_works_as_written(lang: str, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    steps = _steps(walkthrough_path(lang).read_text(encoding="utf-8"))
    assert sorted(steps) == [1, 2, 3, 4, 5]
    words = WORDS[lang]
    window = MainWindow(settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    doc = window.document
    try:
        # --- 1. Open the sample: as an untitled copy, with the figures of the table --------------------
        open_initial(window, _parse([]))
        assert doc.path is None and len(doc.design.halls) == 2
        with qtbot.waitSignal(doc.results_ready, timeout=5000):
            doc.request_recalc(full=True)
        tiles = _metrics(window).tiles
        it_kw = tiles["it_load"][1].text().replace(" kW", "")
        pue = tiles["pue"][1].text()
        gen = _generator_row(window, words["generators"])
        assert it_kw in steps[1] and pue in steps[1], (it_kw, pue)
        gen_line = f"{gen.load:,.0f}", f"{gen.capacity:,.0f}", f"{100 * gen.load / gen.capacity:.0f} %"
        for figure in gen_line:
            assert figure in steps[1], figure
        assert gen.ok

        # --- 2. Add a pod: Insert → Module…, pick the air-cooled row pod, Insert -----------------------
        def pick_pod(dialog: object) -> None:
            gallery = dialog
            row = next(i for i, t in enumerate(gallery.templates) if t.stem == POD)  # type: ignore[attr-defined]
            name = gallery.templates[row].display_name(i18n.content_language())  # type: ignore[attr-defined]
            assert name in steps[2], name  # the guide names the pod as the gallery does
            gallery.list.setCurrentRow(row)  # type: ignore[attr-defined]
            gallery.buttons.button(QDialogButtonBox.StandardButton.Ok).click()  # type: ignore[attr-defined]

        _when_modal(qtbot, pick_pod)
        with qtbot.waitSignal(doc.results_ready, timeout=10000):
            window.commands["module"].trigger()
        pod = [doc.design.blocks[i] for i in doc.selection]
        assert len(pod) > 10 and {doc.design.hall_of(b).name for b in pod} == {"Data hall 1"}
        placement = {"overlap", "outside_hall", "clearance", "door_blocked"}
        assert not [c for c in doc.results.checks if c.code in placement and set(c.blocks) & doc.selection]

        # --- 3. Watch PUE and capacity change; fix the generators -------------------------------------
        it_kw = tiles["it_load"][1].text().replace(" kW", "")
        pue = tiles["pue"][1].text()
        assert it_kw in steps[3] and pue in steps[3], (it_kw, pue)
        gen = _generator_row(window, words["generators"])
        assert not gen.ok and gen.status == words["not_met"] and gen.status in steps[3]
        assert f"{gen.load:,.0f}" in steps[3] and f"{gen.capacity:,.0f}" in steps[3]
        # The Checks panel shows the error; clicking it selects and zooms to the blocks involved.
        checks = next(d for d in window.docks if d.objectName() == "ChecksDock")
        shown = checks.visible_checks()
        row = next(i for i, c in enumerate(shown) if c.code == "redundancy")
        index = checks.view.model().index(row, 0)
        scale = window.view.px_per_mm()
        qtbot.mouseClick(checks.view.viewport(), Qt.MouseButton.LeftButton,
                         pos=checks.view.visualRect(index).center())
        assert doc.selection == set(shown[row].blocks) and window.view.px_per_mm() != scale
        # The palette search finds the generator; drag it into the free bay of the plant yard.
        palette = next(d for d in window.docks if d.objectName() == "PaletteDock")
        palette.search.clear()
        if words["search"].isascii():
            qtbot.keyClicks(palette.search, words["search"])
        else:
            palette.search.insert(words["search"])  # what an input method commits; QTest types ASCII only
        assert words["search"] in steps[3]
        assert GENERATOR in palette.visible_type_ids()
        name = doc.catalog.types[GENERATOR].display_name(i18n.content_language())
        assert name in steps[3], name
        mime = QMimeData()
        mime.setData(BLOCK_TYPE_MIME, QByteArray(GENERATOR.encode()))
        window.view.fit_hall()
        with qtbot.waitSignal(doc.results_ready, timeout=5000):
            _drop(window, mime, *BAY)
        new = [doc.design.blocks[i] for i in doc.selection]
        assert [b.type_id for b in new] == [GENERATOR] and doc.design.hall_of(new[0]).name == "Plant yard"
        gen = _generator_row(window, words["generators"])
        share = round(100 * gen.load / gen.capacity)
        assert gen.ok and f"{share} %" in steps[3], share
        codes = {c.code for c in doc.results.checks}
        assert "redundancy" not in codes
        assert not [c for c in doc.results.checks if c.code in placement and new[0].id in c.blocks]

        # --- 4. Export a Chinese proposal: File → Export → Design report…, 简体中文, Export -----------
        out = tmp_path / "proposal.pdf"

        def export(dialog: object) -> None:
            d = dialog
            d.lang.setCurrentIndex(d.lang.findData("zh"))  # type: ignore[attr-defined]
            assert d.lang.currentText() == "简体中文" and "简体中文" in steps[4]  # type: ignore[attr-defined]
            d.output.setText(str(out))  # type: ignore[attr-defined]
            button = d.buttons.button(QDialogButtonBox.StandardButton.Ok)  # type: ignore[attr-defined]
            assert button.text().replace("&", "") in steps[4]  # the guide says which button to press
            button.click()

        _when_modal(qtbot, export)
        window.commands["export_design"].trigger()
        job = window.export_job
        assert job is not None
        qtbot.waitUntil(lambda: job.done_box is not None, timeout=60000)  # type: ignore[attr-defined]
        text = "".join(page.extract_text() for page in PdfReader(str(out)).pages[:3])
        assert re.search(r"[\u4e00-\u9fff]{4}", text)
        job.done_box.close()  # type: ignore[attr-defined]

        # --- 5. Where next: the commands it names exist where it says -----------------------------------
        for key in ("preferences", "shortcuts"):
            assert window.commands[key].text().replace("&", "").split("(")[0].strip().rstrip("…") in steps[5]
    finally:
        doc.undo_stack.setClean()
        window.close()
