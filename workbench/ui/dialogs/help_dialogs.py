"""Help → Getting started and About."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from workbench import __version__


def _t(text: str) -> str:
    return QCoreApplication.translate("HelpDialogs", text)


def getting_started_html() -> str:
    return _t(
        "<h3>Getting started</h3>"
        "<ol>"
        "<li><b>Look around.</b> Wheel zooms at the cursor; drag with the middle button or Space + drag to pan; "
        "<b>Home</b> fits the halls.</li>"
        "<li><b>Lay blocks.</b> Drag a block type from the Palette onto the hall, or double-click it to place one "
        "at the centre. <b>Insert → Row / array</b> lays whole rows as hot/cold aisle pairs.</li>"
        "<li><b>Arrange.</b> Click or drag a window to select; drag to move (snaps to the 600 mm tiles and to "
        "neighbouring edges, hold Shift to place freely); arrows nudge, <b>R</b> rotates, <b>Ctrl+D</b> "
        "duplicates.</li>"
        "<li><b>Read the numbers.</b> The Metrics panel follows every edit: IT load, PUE, power and cooling "
        "capacity with redundancy. Red outlines mark overlaps, blocks outside a hall, blocked service "
        "clearances and floor overloads; the Checks panel lists them.</li>"
        "<li><b>Shape the room.</b> Insert → Hall outline draws or reshapes halls; Column and Door add the "
        "building's fixed parts.</li>"
        "</ol>"
        "<p>Every change can be undone (Ctrl+Z). Help → Keyboard shortcuts lists all keys.</p>"
    )


def show_getting_started(parent: QWidget) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle(_t("Getting started"))
    box.setTextFormat(box.textFormat().RichText)
    box.setText(getting_started_html())
    box.exec()
    box.deleteLater()


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, _t("About Data Hall Workbench"), _t(
        "<b>Data Hall Workbench</b> %1<br>Lay out AI data halls like bricks and see capacity, "
        "redundancy and PUE as you go.<br><br>Licensed under Apache-2.0. Chinese text uses Droid Sans "
        "Fallback (Apache-2.0).").replace("%1", __version__))
