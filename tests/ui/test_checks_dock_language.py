"""The checks dock says each check in the interface language and switches with it live."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from workbench.model.design import Block
from workbench.model.edits import AddBlocks
from workbench.text.check_text import check_text
from workbench.ui import i18n
from workbench.ui.docks import ChecksDock
from workbench.ui.main_window import MainWindow

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def english_after() -> Iterator[None]:
    """Whatever a test switches to, the next test starts in English."""
    yield
    i18n.set_language(QApplication.instance(), "en", remember=False)  # type: ignore[arg-type]


def _shown(dock: ChecksDock) -> dict[str, tuple[str, str]]:
    """Code and first block of each visible check -> (text shown, tooltip)."""
    out = {}
    for row in range(dock.proxy.rowCount()):
        index = dock.proxy.index(row, 0)
        check = index.data(Qt.ItemDataRole.UserRole + 1)
        out[f"{check.code}:{check.blocks[:1]}"] = (index.data(Qt.ItemDataRole.DisplayRole),
                                                   index.data(Qt.ItemDataRole.ToolTipRole))
    return out


def test_checks_follow_the_interface_language(qtbot, empty_window: MainWindow,  # type: ignore[no-untyped-def]
                                              english_after: None) -> None:
    w = empty_window
    dock = next(d for d in w.docks if isinstance(d, ChecksDock))
    hall = w.document.design.halls[0].id
    a = Block(type_id="rack.air-40kw", x_mm=3000, y_mm=3000, name="R1", hall_id=hall)
    b = Block(type_id="rack.air-40kw", x_mm=3300, y_mm=3000, name="R2", hall_id=hall)
    with qtbot.waitSignal(w.document.results_ready, timeout=3000):
        w.document.push(AddBlocks([a, b]))
    checks = w.document.results.checks
    overlap = next(c for c in checks if c.code == "overlap")
    assert {c.code for c in checks} >= {"overlap", "no_power", "no_cooling"}

    english = _shown(dock)
    assert sorted(text for text, _ in english.values()) == sorted(c.message for c in checks)

    i18n.set_language(QApplication.instance(), "zh_CN", remember=False)
    qtbot.waitUntil(lambda: dock.language == "zh", timeout=3000)
    chinese = _shown(dock)
    assert set(chinese) == set(english)
    for c in checks:
        text, tip = chinese[f"{c.code}:{c.blocks[:1]}"]
        assert text == check_text(c, "zh") and HAN.search(text), text
        assert text in tip and HAN.search(tip.split("\n")[0])
    text, tip = chinese[f"overlap:{overlap.blocks[:1]}"]
    assert text == "R1 与 R2 位置重叠"
    assert tip.startswith("错误 · 位置重叠 · 2 个设备单元")  # blocks are 设备单元, pods 模块

    i18n.set_language(QApplication.instance(), "en", remember=False)
    qtbot.waitUntil(lambda: dock.language == "en", timeout=3000)
    assert _shown(dock) == english
