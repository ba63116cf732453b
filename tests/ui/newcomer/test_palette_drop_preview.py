"""A palette drag shows the block to scale, snapped, with its clearances, red exactly where the checks will object."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent

from workbench.ui.main_window import MainWindow
from workbench.ui.scene.coords import to_model, to_scene
from workbench.ui.scene.view import BLOCK_TYPE_MIME

RACK = "rack.gb200-nvl72"
PLACEMENT = {"overlap", "outside_hall", "clearance", "door_blocked"}


def _mime(type_id: str) -> QMimeData:
    mime = QMimeData()
    mime.setData(BLOCK_TYPE_MIME, QByteArray(type_id.encode()))
    return mime


def _enter(window: MainWindow, mime: QMimeData, x: float, y: float) -> None:
    pos = window.view.mapFromScene(to_scene(x, y))
    event = QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    window.view.dragEnterEvent(event)
    assert event.isAccepted()


def _move(window: MainWindow, mime: QMimeData, x: float, y: float) -> None:
    pos = window.view.mapFromScene(to_scene(x, y))
    window.view.dragMoveEvent(QDragMoveEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                             Qt.KeyboardModifier.NoModifier))


def _drop(window: MainWindow, mime: QMimeData, x: float, y: float) -> None:
    pos = window.view.mapFromScene(to_scene(x, y))
    window.view.dropEvent(QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                     Qt.KeyboardModifier.NoModifier))


def test_the_preview_is_the_block_to_scale_with_its_clearances(window: MainWindow) -> None:
    window.view.fit_hall()
    mime = _mime("cool.cdu-1200")
    _enter(window, mime, 20000, 12000)
    preview = window.view.drop_preview
    assert preview is not None and preview.item.isVisible()
    rect = preview.item.rect()
    assert (rect.width(), rect.height()) == (1200.0, 1200.0)  # to scale, not a generic square
    x, y = to_model(preview.item.pos())
    assert (x - 600) % 600 == 0 and (y - 600) % 600 == 0  # snapped: the corner on a floor tile
    assert preview.zones.rects  # the service clearance zones are drawn
    assert not preview.flagged and preview.item.preview_severity is None
    window.view.dragLeaveEvent(QDragLeaveEvent())
    assert window.view.drop_preview is None and preview.item.scene() is None


@pytest.mark.parametrize(("where", "x", "y"), [
    ("free floor", 20000.0, 12600.0),
    ("on a column", 10000.0, 3000.0),
    ("in the door's clear zone", 1200.0, 700.0),
    ("on the racks", 8000.0, 7000.0),
    ("through the wall", 29900.0, 12000.0),
    ("in a rack's service clearance", 8000.0, 5600.0),
])
def test_the_preview_and_the_checks_agree(window: MainWindow, qtbot, where: str, x: float, y: float) -> None:  # type: ignore[no-untyped-def]
    doc = window.document
    window.view.fit_hall()
    mime = _mime(RACK)
    _enter(window, mime, 15000, 15000)
    _move(window, mime, x, y)
    preview = window.view.drop_preview
    assert preview is not None
    red = preview.flagged
    assert (preview.item.preview_severity == "error") is red
    with qtbot.waitSignal(doc.results_ready, timeout=5000):
        _drop(window, mime, x, y)
    new = next(iter(doc.selection))
    assert to_model(window.scene.block_items[new].pos()) == preview.position  # it landed where it was shown
    objected = any(c.code in PLACEMENT and new in c.blocks for c in doc.results.checks)
    assert red is objected, where
    assert red is (where != "free floor"), where
