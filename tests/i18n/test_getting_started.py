"""Help → Getting started shows the walkthrough from docs/, in the interface language."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from workbench.ui import i18n
from workbench.ui.dialogs.getting_started import GettingStartedDialog, walkthrough_path


def test_the_walkthrough_renders_as_markdown(qtbot: QtBot) -> None:
    dialog = GettingStartedDialog()
    qtbot.addWidget(dialog)
    assert dialog.source_path.name == "getting-started.md"
    text = dialog.browser.toPlainText()
    assert "Open the sample" in text and "Insert → Module…" in text
    assert "#" not in text.splitlines()[0]  # headings were rendered, not shown as Markdown source
    assert "Design report…" in text and "简体中文" in text


def test_it_follows_the_language_live(qapp: QApplication, qtbot: QtBot) -> None:
    dialog = GettingStartedDialog()
    qtbot.addWidget(dialog)
    i18n.set_language(qapp, "zh_CN", remember=False)
    qtbot.waitUntil(lambda: dialog.windowTitle() == "入门指南")
    assert dialog.source_path == walkthrough_path("zh_CN")
    assert "插入 → 模块…" in dialog.browser.toPlainText()


def test_the_walkthrough_names_menus_that_exist() -> None:
    from workbench.ui.actions import MENUS, SPECS

    texts = {s.text.replace("&", "") for s in SPECS} | {m[1].replace("&", "") for m in MENUS}
    text = walkthrough_path("en").read_text(encoding="utf-8")
    for menu, item in (("File", "Save"), ("File", "Open…"), ("File", "New from template…"), ("Insert", "Module…"),
                       ("Insert", "Row / array…"), ("View", "Fit hall"), ("Help", "Keyboard shortcuts")):
        assert f"**{menu} → {item}**" in text or f"{menu} → {item}" in text
        assert menu in texts and item in texts, f"{menu} → {item} is not in the window's actions"
