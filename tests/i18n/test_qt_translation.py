"""Qt's own strings (standard buttons and dialogs) follow the interface language too."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from workbench.paths import resources_dir
from workbench.ui import i18n


def test_the_shipped_qtbase_catalogue_loads_and_translates() -> None:
    path = i18n.qt_catalogue_path("qtbase", "zh_CN")
    assert path == resources_dir() / "translations" / "qtbase_zh_CN.qm"  # the bundle's copy, not PySide6's
    translator = QTranslator()
    assert translator.load(str(path))
    assert translator.translate("QPlatformTheme", "Cancel") == "取消"


def test_standard_buttons_switch_language_live(qapp: QApplication, qtbot: QtBot) -> None:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text().replace("&", "") == "Cancel"
    assert i18n.set_language(qapp, "zh_CN", remember=False) == []
    qtbot.waitUntil(lambda: cancel.text().replace("&", "") == "取消")
    i18n.set_language(qapp, "en", remember=False)
    qtbot.waitUntil(lambda: cancel.text().replace("&", "") == "Cancel")


def test_unknown_languages_fall_back_to_english(qapp: QApplication) -> None:
    assert i18n.normalise("zh-Hans") == "zh_CN"
    assert i18n.normalise("klingon") == "en"
    assert i18n.set_language(qapp, "klingon", remember=False) == []
    assert i18n.current_language() == "en"
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_content_language_follows_the_interface(qapp: QApplication) -> None:
    i18n.set_language(qapp, "zh_CN", remember=False)
    assert i18n.content_language() == "zh"
    i18n.set_language(qapp, "en", remember=False)
    assert i18n.content_language() == "en"


def test_a_missing_catalogue_is_reported_not_raised(qapp: QApplication, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_ROOT", str(tmp_path))  # an installation that lost its translations
    problems = i18n.set_language(qapp, "zh_CN", remember=False)
    # Ours are missing (the app's and the one filling qtbase's gaps); Qt's own still loads.
    assert len(problems) == 2 and "workbench_zh_CN.qm" in problems[0] and "qtbase_gaps_zh_CN.qm" in problems[1]
    assert i18n.current_language() == "zh_CN"
    # Qt's own catalogue still comes from PySide6's folder.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
