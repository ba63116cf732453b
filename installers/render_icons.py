"""Render the app icon from resources/icons/workbench.svg to PNG, ICO (Windows) and ICNS (macOS) with Qt offscreen."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(ICONS / "workbench.svg"))
    if not renderer.isValid():
        print(f"render_icons: {ICONS / 'workbench.svg'} is not a valid SVG", file=sys.stderr)
        return 1
    outputs = {"workbench.png": 256, "workbench-48.png": 48, "workbench.ico": 256, "workbench.icns": 512}
    for name, size in outputs.items():
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        if not image.save(str(ICONS / name)):
            print(f"render_icons: could not write {ICONS / name}", file=sys.stderr)
            return 1
        print(f"wrote {ICONS / name} ({size} px)")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
