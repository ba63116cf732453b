"""The layering holds: import contracts and strict types pass, and everything outside tests/ui runs with Qt unavailable."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts() -> None:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or "lint-imports"
    p = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stdout + p.stderr
    assert "0 broken" in p.stdout


def test_core_packages_type_check_strictly(tmp_path: Path) -> None:
    # ARCHITECTURE.md: mypy --strict on model, calc and io; the files and flags live in pyproject.toml.
    p = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache")], cwd=ROOT,
                       capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stdout[-4000:] + p.stderr[-2000:]
    assert "Success" in p.stdout


def _uses_qt(path: Path) -> bool:
    text = path.read_text("utf-8")
    return any(word in text for word in ("import PySide6", "from PySide6", "qtbot", "from workbench.ui",
                                         "import workbench.ui"))


def test_headless_suite_runs_without_qt() -> None:
    if os.environ.get("WORKBENCH_NOQT_RUN"):
        return  # this test is itself running inside the no-Qt run
    env = {**os.environ, "PYTHONPATH": str(ROOT / "tests" / "noqt"), "WORKBENCH_NOQT_RUN": "1"}
    env.pop("QT_QPA_PLATFORM", None)
    # Everything outside tests/ui, less any test module that drives Qt itself (it says so by importing it).
    targets = [str(p) for p in sorted((ROOT / "tests").rglob("test_*.py"))
               if "ui" not in p.relative_to(ROOT / "tests").parts[:1] and not _uses_qt(p)]
    p = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:pytest-qt", "-p", "no:cacheprovider",
         "-c", str(ROOT / "tests" / "noqt" / "pytest.ini"), "--rootdir", str(ROOT), "-m", "not needs_qt",
         *targets],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=1200)
    tail = p.stdout[-3000:] + p.stderr[-3000:]
    assert p.returncode == 0, tail
    assert " passed" in p.stdout and "PySide6" not in p.stderr, tail
    assert len(targets) >= 10
