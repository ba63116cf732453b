"""A tab widget whose pages are built the first time they are shown or asked for, each in a scroll area."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QWidget


def scroll(widget: QWidget | None = None) -> QScrollArea:
    """A frameless scroll area that resizes its page; without a page yet, one is set later with setWidget."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    if widget is not None:
        area.setWidget(widget)
    return area


class LazyTabs(QTabWidget):
    """Tabs the user may never open cost nothing at start-up: a page's builder runs when its tab is first
    shown, or when code asks for the page with ensure()."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._builders: dict[int, Callable[[], QWidget]] = {}
        self.currentChanged.connect(self.ensure)

    def add_page(self, widget: QWidget) -> int:
        return self.addTab(scroll(widget), "")

    def add_lazy(self, build: Callable[[], QWidget]) -> int:
        index = self.addTab(scroll(), "")
        self._builders[index] = build
        if self.currentIndex() == index:  # the first tab is shown at once
            self.ensure(index)
        return index

    def is_built(self, index: int) -> bool:
        return index not in self._builders

    def ensure(self, index: int) -> None:
        """Build the page of tab index now, if it is not built yet."""
        build = self._builders.pop(index, None)
        if build is None:
            return
        area = self.widget(index)
        assert isinstance(area, QScrollArea)
        area.setWidget(build())
