"""Fixtures for the dock tests: a real Document, a stand-in main window that records its calls, the docks."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow  # noqa: E402

from workbench.catalog import new_design  # noqa: E402
from workbench.model.design import Block  # noqa: E402
from workbench.paths import sample_design_path  # noqa: E402
from workbench.ui.docks import add_default_docks, create_docks  # noqa: E402
from workbench.ui.document import Document  # noqa: E402


# The offscreen platform warns whenever a top-level window's size hints change; it says nothing
# about our code. (Better in pyproject: qt_log_ignore = ["propagateSizeHints"] for the whole suite.)
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.path).startswith(here):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


class StandInWindow(QMainWindow):
    """The three things the docks need from the main window; it records the calls it gets."""

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self.calls: list[tuple[str, object]] = []
        self.setCentralWidget(QLabel("canvas"))

    def place_block_at_center(self, type_id: str) -> None:
        self.calls.append(("place", type_id))

    def select_and_center(self, block_ids: list[str]) -> None:
        self.calls.append(("select", list(block_ids)))


def _dispose(doc: Document) -> None:
    # QUndoStack's destructor clears a dirty stack and emits cleanChanged into Document's lambda,
    # which then touches the half-deleted Document; cut that connection first.
    doc.undo_stack.cleanChanged.disconnect()
    doc.deleteLater()


@pytest.fixture
def sample_document(qtbot: object) -> Iterator[Document]:
    doc = Document()
    doc.open(sample_design_path())
    doc.recalculate_now()
    yield doc
    _dispose(doc)


@pytest.fixture
def small_document(qtbot: object) -> Iterator[Document]:
    """An empty hall from new_design; tests add blocks through edits."""
    doc = Document()
    doc.new(new_design(doc.catalog))
    doc.recalculate_now()
    yield doc
    _dispose(doc)


def make_window(qtbot: object, document: Document) -> tuple[StandInWindow, dict[str, QDockWidget]]:
    window = StandInWindow(document)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    docks = create_docks(window, document)
    add_default_docks(window, docks)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)  # type: ignore[attr-defined]
    return window, {d.objectName(): d for d in docks}


@pytest.fixture
def sample_window(qtbot: object, sample_document: Document) -> tuple[StandInWindow, dict[str, QDockWidget]]:
    return make_window(qtbot, sample_document)


@pytest.fixture
def small_window(qtbot: object, small_document: Document) -> tuple[StandInWindow, dict[str, QDockWidget]]:
    return make_window(qtbot, small_document)


def rack(x_mm: float, y_mm: float, name: str = "", type_id: str = "rack.gb200-nvl72") -> Block:
    return Block(type_id=type_id, x_mm=x_mm, y_mm=y_mm, name=name)
