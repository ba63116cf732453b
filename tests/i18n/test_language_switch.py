"""Preferences → Language switches the window's texts live, and the choice is remembered."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from workbench.ui import i18n
from workbench.ui.main_window import MainWindow
from workbench.ui.dialogs.preferences import PreferencesDialog, logo_path, shared_template_folders
from workbench.ui.settings import Settings


def _titles(window: MainWindow) -> list[str]:
    return [window.menus[key].title() for key in ("file", "edit", "view", "insert", "help")]


def test_switching_to_chinese_changes_the_menus_live(qapp: QApplication, qtbot: QtBot, settings: Settings) -> None:
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    assert _titles(window) == ["&File", "&Edit", "&View", "&Insert", "&Help"]
    english_actions = window.commands["save_as"].text()
    assert i18n.set_language(qapp, "zh_CN", settings) == []
    qtbot.waitUntil(lambda: _titles(window)[0] == "文件(&F)")
    assert _titles(window) == ["文件(&F)", "编辑(&E)", "视图(&V)", "插入(&I)", "帮助(&H)"]
    assert window.commands["save_as"].text() == "另存为(&A)…" != english_actions
    i18n.set_language(qapp, "en", settings)
    qtbot.waitUntil(lambda: _titles(window)[0] == "&File")


def test_the_choice_is_remembered(qapp: QApplication, settings: Settings) -> None:
    i18n.set_language(qapp, "zh_CN", settings)
    assert i18n.saved_language(settings) == "zh_CN"
    i18n.set_language(qapp, "en", settings, remember=False)
    assert i18n.install_saved_language(qapp, settings) == []
    assert i18n.current_language() == "zh_CN"


def test_the_preferences_combo_switches_live_and_cancel_restores(qapp: QApplication, qtbot: QtBot,
                                                                 settings: Settings) -> None:
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    dialog = PreferencesDialog(settings, window)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Preferences"
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    qtbot.waitUntil(lambda: dialog.windowTitle() == "首选项")
    assert _titles(window)[0] == "文件(&F)"
    assert dialog.units.itemText(0).startswith("公制")  # its own combos retranslate, keeping the choice
    dialog.reject()
    qtbot.waitUntil(lambda: _titles(window)[0] == "&File")
    assert i18n.saved_language(settings) == "en"


def test_ok_saves_every_preference(qapp: QApplication, qtbot: QtBot, settings: Settings, tmp_path: Path) -> None:
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n")
    with qtbot.waitSignal(dialog.preferences_changed):
        dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
        dialog.units.setCurrentIndex(dialog.units.findData("imperial"))
        dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
        dialog.grid.setValue(300)
        dialog.add_folder_path(str(tmp_path))
        dialog.logo.setText(str(logo))
        assert dialog.apply()
    reread = Settings(settings.qsettings.fileName())
    assert (reread.imperial, reread.theme, reread.grid_mm) == (True, "dark", 300.0)
    assert shared_template_folders(reread) == [str(tmp_path)]
    assert logo_path(reread) == str(logo)
    assert i18n.saved_language(reread) == "zh_CN"


def test_a_bad_logo_is_refused_with_a_message(qtbot: QtBot, settings: Settings, tmp_path: Path) -> None:
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.logo.setText(str(tmp_path / "missing.png"))
    assert not dialog.apply()
    assert "missing.png" in dialog.message.text()
    assert logo_path(settings) == ""
    (tmp_path / "notes.txt").write_text("x")
    dialog.logo.setText(str(tmp_path / "notes.txt"))
    assert not dialog.apply() and ".txt" in dialog.message.text()


def test_an_offline_shared_folder_is_kept_with_a_warning(qtbot: QtBot, settings: Settings, tmp_path: Path) -> None:
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    offline = str(tmp_path / "share-offline")
    dialog.add_folder_path(offline)
    dialog.add_folder_path(offline)  # no duplicates
    assert dialog.apply()
    assert shared_template_folders(settings) == [offline]
    assert "share-offline" in dialog.message.text()
