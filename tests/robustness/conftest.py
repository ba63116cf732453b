"""Fixtures for the robustness tests: the golden file, designs of any size, dead pids and dialog clicks."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from workbench.catalog import default_catalog
from workbench.model import Catalog

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
GOLDEN_V1 = DATA / "design-v1.dchall.json"


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return default_catalog()


@pytest.fixture
def golden_copy(tmp_path: Path) -> Path:
    target = tmp_path / "golden.dchall.json"
    shutil.copyfile(GOLDEN_V1, target)
    return target


@pytest.fixture
def dead_pid() -> int:
    """The pid of a process that has just ended (so it is not running on this host)."""
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True)
    return int(proc.stdout)


def load_script(name: str) -> ModuleType:
    """Import one of scripts/*.py as a module (they are standalone tools, not a package)."""
    path = ROOT / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"wb_script_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def click_on_exec(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], list[str]]:
    """Make QMessageBox.exec click the button with this object name; returns the texts each box showed."""
    from PySide6.QtWidgets import QAbstractButton, QMessageBox

    shown: list[str] = []

    def arm(object_name: str) -> list[str]:
        def fake_exec(box: QMessageBox) -> int:
            shown.append(f"{box.text()}\n{box.informativeText()}")
            button = box.findChild(QAbstractButton, object_name)
            assert button is not None, f"no button {object_name!r}"
            button.click()
            return 0

        monkeypatch.setattr(QMessageBox, "exec", fake_exec)
        return shown

    return arm
