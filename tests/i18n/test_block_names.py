"""Catalog names (palette, inspector, canvas labels) follow the interface language when it switches."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from workbench.ui import i18n
from workbench.ui.docks.base import WorkbenchDock
from workbench.ui.main_window import MainWindow
from workbench.ui.settings import Settings


def _languages(window: MainWindow) -> set[str]:
    docks = [d for d in window.docks if isinstance(d, WorkbenchDock)]
    assert docks, "the window has no workbench docks"
    return {window.scene.language, *(d.language for d in docks)}


def test_block_names_switch_with_the_interface(qapp: QApplication, qtbot: QtBot, settings: Settings) -> None:
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    assert _languages(window) == {"en"}
    i18n.set_language(qapp, "zh_CN", settings)
    qtbot.waitUntil(lambda: _languages(window) == {"zh"})
    i18n.set_language(qapp, "en", settings)
    qtbot.waitUntil(lambda: _languages(window) == {"en"})


def test_a_window_opened_in_chinese_starts_with_chinese_names(qapp: QApplication, qtbot: QtBot,
                                                              settings: Settings) -> None:
    i18n.set_language(qapp, "zh_CN", settings)
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    assert _languages(window) == {"zh"}
