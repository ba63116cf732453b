"""Edit → Preferences… and Help → Getting started work from the main window."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from workbench.ui.dialogs.getting_started import GettingStartedDialog
from workbench.ui.main_window import MainWindow
from workbench.ui.dialogs.preferences import PreferencesDialog
from workbench.ui.settings import Settings


def _close_modal() -> None:
    modal = QApplication.activeModalWidget()
    if modal is not None:
        modal.close()


def _open(qapp: QApplication, qtbot: QtBot, window: MainWindow, key: str, kind: type) -> object:
    """Trigger the command and return the dialog it shows; a modal dialog of another kind fails, not hangs."""
    guard = QTimer()
    guard.setInterval(1000)
    guard.timeout.connect(_close_modal)
    guard.start()
    try:
        window.commands[key].trigger()
        qtbot.waitUntil(lambda: any(isinstance(w, kind) and w.isVisible() for w in qapp.topLevelWidgets()))
    finally:
        guard.stop()
    return next(w for w in qapp.topLevelWidgets() if isinstance(w, kind) and w.isVisible())


def test_preferences_apply_to_the_open_window(qapp: QApplication, qtbot: QtBot, settings: Settings) -> None:
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    window.show()
    dialog = _open(qapp, qtbot, window, "preferences", PreferencesDialog)
    assert isinstance(dialog, PreferencesDialog)
    dialog.grid.setValue(300)
    dialog.units.setCurrentIndex(dialog.units.findData("imperial"))
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: window.editor.grid_mm == 300.0)
    assert window.view.imperial and window.commands["imperial"].isChecked()
    assert window.scene.theme.dark and window.commands["dark_theme"].isChecked()


def test_getting_started_opens_the_walkthrough(qapp: QApplication, qtbot: QtBot, settings: Settings) -> None:
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    window.show()
    dialog = _open(qapp, qtbot, window, "getting_started", GettingStartedDialog)
    assert isinstance(dialog, GettingStartedDialog)
    assert "Insert → Module…" in dialog.browser.toPlainText()
    dialog.close()
