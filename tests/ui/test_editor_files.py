"""Files through the window: save and open with the dialogs patched, the unsaved-changes prompt, settings."""

from __future__ import annotations

import argparse
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from workbench.model.design import Block
from workbench.model.edits import AddBlocks
from workbench.ui.app import open_initial, register_fonts
from workbench.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from workbench.ui.main_window import MainWindow
from workbench.ui.settings import Settings

RACK = "rack.gb200-nvl72"


def _answer(monkeypatch, button: QMessageBox.StandardButton) -> list[str]:  # type: ignore[no-untyped-def]
    asked: list[str] = []

    def question(parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_save_as_then_open_round_trip(empty_window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    w = empty_window
    w.document.push(AddBlocks([Block(RACK, 3300.0, 3600.0, name="RA01")]))
    assert w.windowTitle().startswith("New design*")
    target = tmp_path / "hall"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    w.commands["save"].trigger()
    saved = tmp_path / "hall.dchall.json"
    assert saved.exists() and not w.document.dirty
    assert w.windowTitle().startswith("hall.dchall.json —")
    assert w.settings.recent_files()[0] == str(saved.resolve())
    w.commands["new"].trigger()
    assert not w.document.design.blocks
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(saved), ""))
    w.commands["open"].trigger()
    assert [b.name for b in w.document.design.blocks.values()] == ["RA01"]
    assert len(w.scene.block_items) == 1


def test_unsaved_changes_prompt_cancel_discard_save(empty_window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    w = empty_window
    w.document.push(AddBlocks([Block(RACK, 3300.0, 3600.0)]))
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    w.commands["new"].trigger()
    assert asked and len(w.document.design.blocks) == 1  # cancelled: nothing lost
    assert not w.close()
    assert w.isVisible()
    _answer(monkeypatch, QMessageBox.StandardButton.Discard)
    w.commands["new"].trigger()
    assert not w.document.design.blocks
    w.document.push(AddBlocks([Block(RACK, 3300.0, 3600.0)]))
    _answer(monkeypatch, QMessageBox.StandardButton.Save)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "kept.dchall.json"), ""))
    w.commands["new"].trigger()
    assert (tmp_path / "kept.dchall.json").exists() and not w.document.design.blocks


def test_bad_file_shows_message_and_keeps_design(window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "broken.dchall.json"
    bad.write_text('{"format": "datahall-design", "schema_version": 1, "halls": [', "utf-8")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: shown.append(text))
    before = len(window.document.design.blocks)
    assert not window.open_file(bad)
    assert shown and "broken.dchall.json" in shown[0]
    assert len(window.document.design.blocks) == before


def test_open_initial_read_only_and_missing_file(settings: Settings, qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from workbench.paths import sample_design_path

    w = MainWindow(settings=settings)
    qtbot.addWidget(w)
    open_initial(w, argparse.Namespace(file=None, read_only=str(sample_design_path())))
    assert w.document.read_only and w.windowTitle().endswith("[read-only] — Data Hall Workbench")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: shown.append(text))
    open_initial(w, argparse.Namespace(file=str(tmp_path / "nope.dchall.json"), read_only=None))
    assert shown and "nope.dchall.json" in shown[0]
    w.document.undo_stack.setClean()
    w.close()


def test_preferences_and_layout_persist(settings: Settings, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = MainWindow(settings=settings)
    qtbot.addWidget(w)
    w.show()
    w.commands["imperial"].setChecked(True)
    w.commands["grid"].setChecked(False)
    w.close()
    assert settings.window_state() is not None and settings.window_geometry() is not None
    again = MainWindow(settings=settings)
    qtbot.addWidget(again)
    assert again.commands["imperial"].isChecked() and not again.commands["grid"].isChecked()
    assert again.view.imperial and not again.scene.grid_visible
    again.close()


def test_shortcut_sheet_comes_from_the_actions(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    rows = window.shortcut_rows()
    keys = dict((what, k) for k, what in rows)
    assert keys["Rotate 90°"] == "R" and keys["Duplicate"] == "Ctrl+D" and keys["Fit hall"] == "Home"
    assert keys["Connect tool"] == "K"  # registered by the Plant menu, not the main command table
    assert any("Pan" == what for _, what in rows)
    dialog = ShortcutsDialog(rows, window)
    assert dialog.table.rowCount() == len(rows)
    dialog.deleteLater()


def test_missing_helpers_say_not_available_and_cjk_font_registers(window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import importlib.util

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: shown.append(text))
    if importlib.util.find_spec("workbench.ui.gallery") is None:
        window.commands["module"].trigger()
        assert shown and "not available" in shown[0]
    assert "Droid Sans Fallback" in register_fonts()
