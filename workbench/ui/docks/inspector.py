"""The property inspector dock: selected blocks, or with nothing selected the hall, site and assumptions."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from workbench.model.edits import Edit
from workbench.ui.docks.base import WorkbenchDock
from workbench.ui.docks.fields import Field
from workbench.ui.docks.inspector_block import BlockPage
from workbench.ui.docks.inspector_design import DesignPage
from workbench.ui.docks.lazy_tabs import scroll
from workbench.ui.document import Document


class InspectorDock(WorkbenchDock):
    """Every accepted edit is one document.push (one undo step); refused input never reaches the model."""

    def __init__(self, main_window: QMainWindow, document: Document) -> None:
        super().__init__("InspectorDock", main_window, document)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        self.header = QLabel()
        # Font and margins rather than a style sheet: a widget with its own sheet keeps the palette it was
        # polished with, and the header's text would keep the old theme's colour after a switch.
        font = QFont()
        font.setWeight(QFont.Weight.DemiBold)
        font.setPointSize(11)
        self.header.setFont(font)
        self.header.setContentsMargins(8, 2, 8, 2)
        self.header.setIndent(QFontMetrics(font).horizontalAdvance("x") // 2)  # as QLabel indents a framed label
        self.header.setWordWrap(True)
        self.block_page = BlockPage(document)
        self.design_page = DesignPage(document)
        self.stack = QStackedWidget()
        self.stack.addWidget(scroll(self.block_page))
        self.stack.addWidget(self.design_page)
        layout.addWidget(self.header)
        layout.addWidget(self.stack, 1)
        self.setWidget(body)
        self.styled_roles(body)  # the site and proposal tabs' labels too
        self.block_page.edit_requested.connect(self._push)
        self.design_page.edit_requested.connect(self._push)
        document.selection_changed.connect(self.refresh)
        document.design_replaced.connect(self.refresh)
        document.undo_stack.indexChanged.connect(self.refresh)
        # Merged arrow nudges keep the stack index; the recalculation that follows them is our cue.
        document.results_ready.connect(self._refresh_positions)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Properties"))
        self.design_page.language = self.language
        self.block_page.retranslate_ui()
        self.design_page.retranslate_ui()
        self.refresh()

    def refresh(self, *args: object) -> None:
        d = self.document.design
        blocks = [d.blocks[i] for i in sorted(self.document.selection) if i in d.blocks]
        if blocks:
            self.stack.setCurrentIndex(0)
            if len(blocks) == 1:
                b = blocks[0]
                t = self.document.catalog.get(b.type_id)
                self.header.setText(b.name or (t.display_name(self.language) if t else b.type_id))
            else:
                self.header.setText(self.tr("{0} blocks selected").format(len(blocks)))
            self.block_page.refresh(blocks, self.language)
        else:
            self.stack.setCurrentIndex(1)
            self.header.setText(self.tr("Design: {0}").format(d.site.name))
            self.design_page.refresh()

    def _refresh_positions(self, *args: object) -> None:
        if self.stack.currentIndex() == 0 and self.document.selection:
            self.block_page.refresh_positions()

    def _push(self, edit: Edit, field: Field) -> None:
        try:
            self.document.push(edit)
        except PermissionError:
            field.show_error(self.tr("The design is open read-only; save a copy to edit it."))
