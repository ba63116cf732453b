"""The common dock base: an object name for saved layouts, live retranslation and a UI language."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from workbench.ui.docks.roles import follow_roles, style_roles
from workbench.ui.document import Document


StyleFn = Callable[[QPalette], str]
_PALETTE_EVENTS = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)


class WorkbenchDock(QDockWidget):
    """Subclasses build widgets in __init__, set every text in retranslate_ui().

    Style sheets that need colours take them from the palette through styled(), and are rebuilt
    when the palette changes, so the docks follow a switch between the light and dark themes;
    styled_roles() does the same for the form's role labels without a style sheet.
    """

    def __init__(self, object_name: str, main_window: QMainWindow, document: Document,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent or main_window)
        self.setObjectName(object_name)
        self.main_window = main_window
        self.document = document
        self.language = "en"
        self._styled: list[tuple[QWidget, StyleFn]] = []
        self._role_roots: list[QWidget] = []

    def styled(self, widget: QWidget, style_fn: StyleFn) -> None:
        """Give widget the style sheet style_fn(palette), now and after every palette change."""
        self._styled.append((widget, style_fn))
        widget.setStyleSheet(style_fn(self.palette()))

    def styled_roles(self, root: QWidget) -> None:
        """Give root's role labels (see roles.py) their look, now and after every palette change.

        Cheaper than a style sheet on root, which would send every descendant through QStyleSheetStyle.
        Labels that other code gave a role by setting the property keep following later changes of it.
        """
        self._role_roots.append(root)
        follow_roles(root, self.palette())

    def apply_palette(self) -> None:
        palette = self.palette()
        for widget, style_fn in self._styled:
            text = style_fn(palette)
            if widget.styleSheet() != text:
                widget.setStyleSheet(text)
        for root in self._role_roots:
            style_roles(root, palette)

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def set_language(self, language: str) -> None:
        """Switch catalog names and parameter labels ("en" or "zh"); Qt strings follow the translator."""
        if language != self.language:
            self.language = language
            self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() in _PALETTE_EVENTS:
            self.apply_palette()
        super().changeEvent(event)
