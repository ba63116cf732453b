"""Check sentences and language packs live below the report: the window phrases checks without loading the PDF package."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.calc.checks import Check
from workbench.text.check_text import check_text
from workbench.text.language import available_languages, load_language

ROOT = Path(__file__).resolve().parents[2]


def test_a_check_is_phrased_in_each_shipped_language_from_the_text_package() -> None:
    check = Check("error", "door_blocked", "R1 stands in the 1,500 mm clear zone inside door D1 of Hall 1", ("b",),
                  (("block", "R1"), ("door", "D1"), ("hall", "Hall 1"), ("depth_mm", 1500.0), ("width_mm", 1800.0)))
    assert check_text(check, "en") == check.message
    zh = check_text(check, "zh_CN")
    assert zh != check.message and "D1" in zh and "R1" in zh
    assert {"en", "zh"} <= set(available_languages())
    with pytest.raises(ValueError, match="unknown report language 'xx'"):
        load_language("xx")


@pytest.mark.needs_qt
def test_the_window_and_its_canvas_start_without_the_report_package() -> None:
    code = ("import sys, workbench.ui.main_window, workbench.ui.scene.hall_scene, workbench.ui.docks.checks; "
            "print(sorted({m.split('.')[0] if m.startswith('reportlab') else m for m in sys.modules "
            "if m.startswith(('workbench.report', 'reportlab'))}))")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "[]"
