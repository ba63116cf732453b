#!/usr/bin/env python3
"""Screenshots of what a newcomer sees first (1920 × 1080): the sample in English and Chinese, a canvas menu.

Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/newcomer_screenshots.py [OUT_DIR]   (default: docs/)
Writes screenshot-main.png, screenshot-main-zh.png and screenshot-context-menu.png; the window has no saved
layout (the defaults a fresh install shows) and opens the sample as `python3 dev.py run` does.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint  # noqa: E402
from PySide6.QtGui import QContextMenuEvent, QPainter, QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _settle(app: QApplication, rounds: int = 8) -> None:
    for _ in range(rounds):
        app.processEvents()


def _window(app: QApplication):  # type: ignore[no-untyped-def]
    from workbench.ui.app import _parse, open_initial
    from workbench.ui.main_window import MainWindow
    from workbench.ui.settings import Settings

    w = MainWindow(settings=Settings(Path(tempfile.mkdtemp()) / "settings.ini"))
    w.resize(1920, 1080)
    w.show()
    open_initial(w, _parse([]))
    _settle(app)
    w.document.recalculate_now()
    _settle(app)
    w.fit_main_hall()
    _settle(app)
    return w


def _context_menu_shot(app: QApplication, w, out: Path) -> None:  # type: ignore[no-untyped-def]
    from workbench.ui.scene.coords import to_scene

    rack = next(b for b in w.document.design.blocks.values() if b.name == "RA04")
    pos = w.view.mapFromScene(to_scene(rack.x_mm, rack.y_mm))
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, w.view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(w.view.viewport(), event)
    _settle(app)
    menu = w.view.context_menu
    assert menu is not None
    shot = w.grab()
    painter = QPainter(shot)
    at = w.view.viewport().mapTo(w, pos) + QPoint(2, 2)
    painter.drawPixmap(at, menu.grab())  # a popup is its own window: paint it where it opened
    painter.end()
    shot.save(str(out))
    menu.close()


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs"
    app = QApplication.instance() or QApplication([])
    from workbench.ui import i18n

    i18n.register_fonts()
    i18n.set_language(app, "en", remember=False)
    w = _window(app)
    w.grab().save(str(out / "screenshot-main.png"))
    _context_menu_shot(app, w, out / "screenshot-context-menu.png")
    w.document.undo_stack.setClean()
    w.close()
    i18n.set_language(app, "zh_CN", remember=False)
    w = _window(app)
    w.grab().save(str(out / "screenshot-main-zh.png"))
    w.document.undo_stack.setClean()
    w.close()
    i18n.set_language(app, "en", remember=False)
    for name in ("screenshot-main.png", "screenshot-main-zh.png", "screenshot-context-menu.png"):
        size = QPixmap(str(out / name)).size()
        print(f"{out / name}: {size.width()} × {size.height()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
