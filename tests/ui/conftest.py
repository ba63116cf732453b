"""Fixtures for the editor tests: a temporary QSettings file and the real main window (the leak check is tests/conftest.py's)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from workbench.paths import sample_design_path  # noqa: E402
from workbench.ui.main_window import MainWindow  # noqa: E402
from workbench.ui.settings import Settings  # noqa: E402


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Preferences in a temporary ini file, never the user's."""
    return Settings(tmp_path / "settings.ini")


def _close(window: MainWindow) -> None:
    window.document.undo_stack.setClean()  # no Save/Discard prompt when the fixture closes it
    window.close()
    window.deleteLater()
    QApplication.processEvents()


@pytest.fixture
def window(qtbot, settings: Settings, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The main window, shown at 1600 × 1000, on a copy of the shipped sample design.

    A copy, because opening takes the file's lock: tests must never lock the shipped file (a parallel
    test run would then find it locked and wait on the "open read-only?" question).
    """
    w = MainWindow(settings=settings)
    copy = tmp_path / sample_design_path().name
    shutil.copyfile(sample_design_path(), copy)
    assert w.open_file(copy, ask=False)
    w.document.path = None
    w.resize(1600, 1000)
    w.show()
    qtbot.waitExposed(w)
    w.document.recalculate_now()
    yield w
    _close(w)


@pytest.fixture
def empty_window(qtbot, settings: Settings) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The main window on a new design with one 20 m × 12 m hall and no blocks."""
    w = MainWindow(settings=settings)
    w.document.new()
    w.resize(1600, 1000)
    w.show()
    qtbot.waitExposed(w)
    w.view.fit_hall()
    w.document.recalculate_now()
    yield w
    _close(w)


@pytest.fixture
def type_into(qtbot):  # type: ignore[no-untyped-def]
    """type_into(field, text): replace a form field's text by typing and press Return, as a user would."""
    from PySide6.QtCore import Qt

    def type_(field, text: str) -> None:  # type: ignore[no-untyped-def]
        field.edit.setFocus()
        field.edit.selectAll()
        qtbot.keyClick(field.edit, Qt.Key.Key_Backspace)
        qtbot.keyClicks(field.edit, text)
        qtbot.keyClick(field.edit, Qt.Key.Key_Return)

    return type_
