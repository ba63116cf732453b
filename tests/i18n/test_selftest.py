"""The bundle's --self-test passes from a checkout (the frozen build runs it in installers/ci_bundle.sh)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from workbench.selftest import STEPS, run
from workbench.ui.selftest_qt import QT_STEPS


def test_every_self_test_step_passes(qapp: QApplication, tmp_path: Path) -> None:
    lines: list[str] = []
    assert run(lines.append, keep_folder=tmp_path, steps=[*STEPS, *QT_STEPS]) == 0, "\n".join(lines)
    assert lines[-1] == "self-test passed"
    assert sum(" ok " in line for line in lines) == len(STEPS) + len(QT_STEPS) == 9
    pdf = (tmp_path / "selftest-zh.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-")


def test_a_failing_step_makes_it_fail(qapp: QApplication, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("WORKBENCH_ROOT", str(tmp_path))  # an installation with its resources missing
    lines: list[str] = []
    assert run(lines.append, keep_folder=tmp_path / "out") == 1
    assert any("FAIL resources" in line for line in lines)
    assert lines[-1].startswith("self-test FAILED")
