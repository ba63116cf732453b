"""Fixtures for the editor tests: a temporary QSettings file, the real main window on the sample, a leak check."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMenu, QWidget  # noqa: E402

from workbench.paths import sample_design_path  # noqa: E402
from workbench.ui.main_window import MainWindow  # noqa: E402
from workbench.ui.settings import Settings  # noqa: E402


def _visible_top_levels() -> set[QWidget]:
    """Open windows and dialogs (stray parentless child widgets are the docks' concern)."""
    return {w for w in QApplication.topLevelWidgets()
            if w.isVisible() and isinstance(w, (QMainWindow, QDialog, QMenu))}


@pytest.fixture(autouse=True)
def _no_leaked_windows(request: pytest.FixtureRequest) -> Iterator[None]:
    """Editor tests must close every window and dialog they open."""
    if not request.node.path.name.startswith("test_editor_"):
        yield
        return
    app = QApplication.instance()
    before = _visible_top_levels() if app else set()
    yield
    if app is None:
        return
    app.processEvents()
    leaked = _visible_top_levels() - before
    for w in leaked:
        w.close()
    assert not leaked, f"top-level widgets left open: {[(type(w).__name__, w.objectName(), w.metaObject().className()) for w in leaked]}"


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
def window(qtbot, settings: Settings) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The main window, shown at 1600 × 1000, on the shipped sample design."""
    w = MainWindow(settings=settings)
    assert w.open_file(sample_design_path(), ask=False)
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
