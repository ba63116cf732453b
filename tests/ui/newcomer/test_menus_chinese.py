"""Every menu, walked in Chinese and in English: no English left in Chinese, one accelerator per letter per menu."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QMenu

from workbench.ui import i18n
from workbench.ui.main_window import MainWindow

# Latin a Chinese engineer's menu keeps: file formats, units and acronyms.
ZH_ALLOWED = {"PDF", "PUE", "UPS", "CDU", "IT", "BOM", "DC", "kW", "mm", "DXF", "CSV", "xlsx", "SST", "N"}


def _entries(menu: QMenu, path: str) -> Iterator[tuple[str, QMenu, str]]:
    """(menu path, menu, action text) for every action, submenus included, as the user opens them."""
    menu.aboutToShow.emit()  # menus filled on demand (Open Recent) fill now
    for action in menu.actions():
        if action.isSeparator():
            continue
        yield path, menu, action.text()
        if action.menu() is not None:
            yield from _entries(action.menu(), f"{path} → {action.text()}")


def _menus(window: MainWindow) -> Iterator[tuple[str, QMenu, str]]:
    for top in window.menuBar().actions():
        yield "menu bar", window.menuBar(), top.text()  # type: ignore[misc]
        yield from _entries(top.menu(), top.text())


def _duplicates(window: MainWindow) -> list[str]:
    seen: dict[tuple[int, str], str] = {}
    out = []
    for path, menu, text in _menus(window):
        m = re.search(r"&([^&\s])", text.replace("&&", ""))
        if m is None:
            continue
        key = (id(menu), m.group(1).upper())
        if key in seen:
            out.append(f"{path}: '{seen[key]}' and '{text}' share &{m.group(1)}")
        seen.setdefault(key, text)
    return out


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    assert i18n.set_language(qapp, "zh_CN", remember=False) == []
    yield
    i18n.set_language(qapp, "en", remember=False)


def test_every_menu_speaks_chinese(window: MainWindow, chinese: None) -> None:
    english = []
    count = 0
    for path, menu, text in _menus(window):
        count += 1
        if menu is window.recent_menu and re.match(r"&\d ", text):
            continue  # a recent file's name and folder are the user's, in any language
        words = set(re.findall(r"[A-Za-z]{2,}", re.sub(r"\(&\w\)", "", text).replace("&", ""))) - ZH_ALLOWED
        if words:
            english.append(f"{path}: {text!r} {sorted(words)}")
    assert count > 50  # every menu was walked, submenus included
    assert not english, "English left in the Chinese menus:\n" + "\n".join(english)


def test_no_two_items_of_a_menu_share_an_accelerator_in_chinese(window: MainWindow, chinese: None) -> None:
    assert _duplicates(window) == []


def test_no_two_items_of_a_menu_share_an_accelerator_in_english(window: MainWindow) -> None:
    assert _duplicates(window) == []


def test_undo_names_its_step_in_chinese(window: MainWindow, chinese: None, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.document.set_selection({next(iter(window.document.design.blocks))})
    window.editor.nudge(1, 0)
    qtbot.waitUntil(lambda: window.menus["edit"].title() == "编辑(&E)")
    assert window.commands["undo"].text() == "撤销 微移 1 个块(&U)"


def test_qt_own_file_dialog_speaks_chinese(qtbot, chinese: None) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog, QLabel

    dialog = QFileDialog(None, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # Qt's own widgets, as on a plain X11 desktop
    qtbot.addWidget(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels, labels
    assert "Look in:" not in labels
