"""Help → Getting started: the five-minute walkthrough (docs/getting-started.md) shown as Markdown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from workbench.paths import app_root
from workbench.ui import i18n

WALKTHROUGH_NAME = "getting-started"


def walkthrough_path(lang: str) -> Path:
    """The walkthrough in `lang` ("zh_CN" → getting-started.zh_CN.md) when it exists, else the English one."""
    docs = app_root() / "docs"
    localised = docs / f"{WALKTHROUGH_NAME}.{lang}.md"
    return localised if lang != i18n.DEFAULT_LANGUAGE and localised.is_file() else docs / f"{WALKTHROUGH_NAME}.md"


class GettingStartedDialog(QDialog):
    """A non-modal reader for the walkthrough, so the user can follow it in the window behind."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("GettingStartedDialog")
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(self.buttons)
        self.resize(720, 640)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Getting started"))
        path = walkthrough_path(i18n.current_language())
        self.browser.setSearchPaths([str(path.parent)])  # images next to the text resolve
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            text = self.tr("The walkthrough could not be read from {0} ({1}).").format(path, exc.strerror or exc)
        self.browser.setMarkdown(text)
        self.source_path = path

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def show_getting_started(parent: QWidget | None = None) -> GettingStartedDialog:
    dialog = GettingStartedDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
