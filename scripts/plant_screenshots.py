#!/usr/bin/env python3
"""Screenshots of the connected plant for the README (1920 × 1080): overlay, single-line diagram, a failure.

Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/plant_screenshots.py [OUT_DIR]   (default: docs/)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TEN_MW = ROOT / "templates" / "halls" / "nvl72-hall-10mw-2n.dchall.json"


def _window(path: Path):  # type: ignore[no-untyped-def]
    from workbench.ui.main_window import MainWindow
    from workbench.ui.settings import Settings

    w = MainWindow(settings=Settings(Path(tempfile.mkdtemp()) / "settings.ini"))
    w.resize(1920, 1080)
    w.show()
    assert w.open_file(path, ask=False), path
    w.document.path = None
    QApplication.processEvents()
    w.document.recalculate_now()
    QApplication.processEvents()
    return w


def _of_kind(w, kind: str) -> list[str]:  # type: ignore[no-untyped-def]
    d, cat = w.document.design, w.document.catalog
    return [b.id for b in d.blocks.values() if cat.get(b.type_id) is not None and cat.get(b.type_id).kind == kind]


def _settle(w) -> None:  # type: ignore[no-untyped-def]
    for _ in range(5):
        QApplication.processEvents()


def overlay(out: Path) -> None:
    from workbench.paths import sample_design_path

    w = _window(sample_design_path())
    for kind in ("power", "liquid", "heat"):
        w.plant.actions[f"overlay_{kind}"].setChecked(True)
    w.fit_main_hall()
    racks = [b for b in w.document.design.blocks.values() if w.document.catalog.get(b.type_id).is_rack]
    w.plant.overlay.set_hovered(racks[len(racks) // 3].id)  # a rack under the cursor: its whole path lights up
    _settle(w)
    w.grab().save(str(out / "screenshot-plant-overlay.png"))
    w.document.undo_stack.setClean()
    w.close()


def single_line(out: Path) -> None:
    w = _window(TEN_MW)
    dock = w.plant.diagram
    w.plant.show_dock(dock)
    w.resizeDocks([dock], [600], Qt.Orientation.Vertical)
    _settle(w)
    dock.rebuild()
    dock.views["power"].fit()
    ups = _of_kind(w, "ups")
    w.fit_main_hall()
    w.document.set_selection({ups[0]})  # selected on the plan, marked in the diagram
    _settle(w)
    dock.views["power"].fit()
    _settle(w)
    w.grab().save(str(out / "screenshot-plant-single-line.png"))
    w.document.undo_stack.setClean()
    w.close()


def failure(out: Path) -> None:
    from workbench.paths import sample_design_path

    w = _window(sample_design_path())
    dock = w.plant.diagram
    w.plant.show_dock(dock)
    w.resizeDocks([dock], [480], Qt.Orientation.Vertical)
    _settle(w)
    # Two of the four UPS modules of an N+1 bus fail: the survivors cannot carry the load, the racks go dark.
    ups = sorted(_of_kind(w, "ups"), key=lambda i: w.document.design.blocks[i].name)[:2]
    w.plant.failures.fail(ups)
    dock.rebuild()
    view = dock.views["power"]
    view.fit()
    node = dock.scenes["power"].nodes[ups[0]]
    view.centerOn(node.pos().x(), node.pos().y() + 130)  # the failed modules and the racks they darken
    w.fit_main_hall()
    _settle(w)
    w.plant.failures.refresh()  # the status bar message
    _settle(w)
    w.grab().save(str(out / "screenshot-plant-failure.png"))
    w.document.undo_stack.setClean()
    w.close()


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"
    out.mkdir(parents=True, exist_ok=True)
    QApplication.instance() or QApplication([])
    overlay(out)
    single_line(out)
    failure(out)
    print(f"wrote {out}/screenshot-plant-{{overlay,single-line,failure}}.png")


if __name__ == "__main__":
    main()
