"""The inspector's plant section for one block: what feeds it, what it feeds (each removable), and a failure toggle."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from workbench.model.connection_edits import RemoveConnections
from workbench.model.connections import Connection, downstream, upstream
from workbench.model.design import Block
from workbench.ui.docks.roles import set_role
from workbench.ui.document import Document

MAX_ROWS = 40  # a PDU feeding 40 racks lists them; a busway feeding 400 says how many more


class ConnectionsPanel(QWidget):
    """Rows of "kind · side · other block (port)" with a remove button; every removal is one undo step."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.failures: Any = None  # ui.plant_state.FailureState, given by the plant UI once the window has it
        self.block: Block | None = None
        self.language = "en"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 4)
        layout.setSpacing(3)
        self.title = QLabel()
        set_role(self.title, "section")
        layout.addWidget(self.title)
        self.fail_box = QCheckBox()
        self.fail_box.setObjectName("fail_toggle")
        self.fail_box.toggled.connect(self._on_fail_toggled)
        layout.addWidget(self.fail_box)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        set_role(self.state_label, "muted")
        layout.addWidget(self.state_label)
        self.rows = QWidget()
        self.grid = QGridLayout(self.rows)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(1)
        self.grid.setColumnStretch(1, 1)
        layout.addWidget(self.rows)
        self.remove_buttons: dict[str, QToolButton] = {}
        self._updating = False  # the inspector refreshes this section after every undo step

    def set_failures(self, failures: Any) -> None:
        self.failures = failures
        failures.changed.connect(self._refresh_state)
        self._refresh_state()

    # --- showing -------------------------------------------------------------------------
    def refresh(self, blocks: list[Block], language: str = "en") -> None:
        """One block: its connections; several blocks: the section hides (a list of lists helps no one)."""
        self.language = language
        self.block = blocks[0] if len(blocks) == 1 else None
        self.setVisible(self.block is not None)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Connections"))
        self.fail_box.setText(self.tr("Failed (what-if; not saved)"))
        tip = self.tr("Fail this block to see which racks go dark; Plant → Clear failures restores all")
        self.fail_box.setToolTip(tip)
        self._refresh_rows()
        self._refresh_state()

    def _name(self, block_id: str) -> str:
        b = self.document.design.blocks.get(block_id)
        if b is None:
            return self.tr("missing block %1").replace("%1", block_id)
        t = self.document.catalog.get(b.type_id)
        return b.name or (t.display_name(self.language) if t else b.type_id)

    def _kind_text(self, c: Connection) -> str:
        kind = {"power": self.tr("power"), "liquid": self.tr("liquid"), "heat": self.tr("heat")}.get(c.kind, c.kind)
        return f"{kind} {c.side}" if c.side else kind

    def _refresh_rows(self, *_: object) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.deleteLater()
        self.remove_buttons.clear()
        b = self.block
        if b is None or b.id not in self.document.design.blocks:
            return
        design = self.document.design
        row = 0
        nothing = self.tr("nothing")  # outside the f-string, where lupdate finds it
        for heading, conns, other in ((self.tr("Fed by"), upstream(design, b.id), "from"),
                                      (self.tr("Feeds"), downstream(design, b.id), "to")):
            head = QLabel(f"{heading} ({len(conns)})" if conns else f"{heading}: {nothing}")
            set_role(head, "muted")
            self.grid.addWidget(head, row, 0, 1, 3)
            row += 1
            for c in conns[:MAX_ROWS]:
                far = c.from_block if other == "from" else c.to_block
                mine, theirs = (c.to_port, c.from_port) if other == "from" else (c.from_port, c.to_port)
                self.grid.addWidget(QLabel(self._kind_text(c)), row, 0)
                text = QLabel(f"{mine} ← {self._name(far)} · {theirs}" if other == "from"
                              else f"{mine} → {self._name(far)} · {theirs}")
                text.setToolTip(text.text())
                text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.grid.addWidget(text, row, 1)
                button = QToolButton()
                button.setText("✕")
                button.setAutoRaise(True)
                button.setToolTip(self.tr("Remove this connection (one undo step)"))
                button.clicked.connect(lambda _=False, cid=c.id: self.remove(cid))
                self.grid.addWidget(button, row, 2)
                self.remove_buttons[c.id] = button
                row += 1
            if len(conns) > MAX_ROWS:
                more = QLabel(self.tr("… and %1 more").replace("%1", str(len(conns) - MAX_ROWS)))
                set_role(more, "muted")
                self.grid.addWidget(more, row, 1)
                row += 1

    def _refresh_state(self, *_: object) -> None:
        b, f = self.block, self.failures
        self._updating = True
        self.fail_box.setEnabled(b is not None and f is not None)
        self.fail_box.setChecked(bool(b is not None and f is not None and b.id in f.failed))
        self._updating = False
        text = ""
        if b is not None and f is not None and f.active:
            if b.id in f.failed:
                text = self.tr("Failed.")
            elif b.id in f.dark:
                text = self.tr("Dark: loses power or cooling with the failed blocks.")
            elif b.id in f.overloaded:
                text = self.tr("Overloaded after failover.")
            elif b.id in f.not_operating:
                text = self.tr("Not operating: starved by the failed blocks.")
        self.state_label.setText(text)
        self.state_label.setVisible(bool(text))

    # --- editing -------------------------------------------------------------------------
    def remove(self, connection_id: str) -> bool:
        try:
            self.document.push(RemoveConnections([connection_id]), self.tr("Disconnect"))
        except PermissionError:
            self.state_label.setText(self.tr("The design is open read-only; save a copy to edit it."))
            self.state_label.show()
            return False
        return True

    def _on_fail_toggled(self, on: bool) -> None:
        if self._updating or self.block is None or self.failures is None:
            return
        (self.failures.fail if on else self.failures.restore)({self.block.id})
