"""Shared test setup: offscreen Qt, isolated user folders, the shipped catalog and a small hall, and no window left
open by a Qt test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from tests.designs import catalog, empty  # noqa: F401  (fixtures for every folder; a folder may offer its own)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The calculation keeps what it read from each block object (calc/block_columns.py): in tests it also reads
# every block afresh and fails where code changed a block in place instead of putting a changed copy.
os.environ.setdefault("WORKBENCH_VERIFY_CACHES", "1")


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user's data, settings or templates from a test."""
    home = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("WORKBENCH_USER_DIR", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("WORKBENCH_TEMPLATE_PATH", raising=False)


def _visible_top_levels() -> set[Any]:
    """Open windows, dialogs and menus (stray parentless child widgets are the docks' concern)."""
    from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMenu

    return {w for w in QApplication.topLevelWidgets()
            if w.isVisible() and isinstance(w, (QMainWindow, QDialog, QMenu))}


@pytest.fixture(autouse=True)
def _no_leaked_windows(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every test that drives Qt (it asks for qtbot) must close each window, dialog and menu it opens."""
    if "qtbot" not in request.fixturenames:
        yield
        return
    from PySide6.QtWidgets import QApplication

    before = _visible_top_levels() if QApplication.instance() else set()
    yield
    app = QApplication.instance()
    if app is None:
        return
    app.processEvents()
    leaked = _visible_top_levels() - before
    for w in leaked:
        w.close()
    assert not leaked, f"top-level widgets left open: {[(type(w).__name__, w.objectName()) for w in leaked]}"
