"""Fixtures for the language tests: isolated settings, and English restored after every test."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# Every test here drives Qt: the no-Qt run (tests/test_layers.py) leaves the folder out.
def _qt_available() -> bool:
    try:
        return all(importlib.util.find_spec(name) is not None for name in ("PySide6", "pytestqt"))
    except ImportError:  # the no-Qt run's import blocker raises instead of answering None
        return False


if not _qt_available():
    collect_ignore_glob = ["test_*.py"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/i18n/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.needs_qt)


@pytest.fixture
def settings(tmp_path: Path) -> Any:
    from workbench.ui.settings import Settings

    return Settings(tmp_path / "settings.ini")


@pytest.fixture(autouse=True)
def _english_afterwards(qapp: Any) -> Iterator[None]:
    """Translators are process-wide: leave the next test in English whatever this one did."""
    from workbench.ui import i18n

    i18n.register_fonts()
    yield
    i18n.set_language(qapp, "en", remember=False)
