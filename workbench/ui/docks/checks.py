"""The checks dock: every design check with its severity; clicking one selects and centres its blocks."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QMainWindow,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbench.calc.checks import Check
from workbench.calc.results import Results
from workbench.text.check_text import check_heading, check_text
from workbench.ui import i18n
from workbench.ui.docks.base import WorkbenchDock
from workbench.ui.docks.colors import SEVERITY_COLORS, muted_text, swatch_icon
from workbench.ui.document import Document

SEVERITIES = ("error", "warning", "info")
CHECK_ROLE = Qt.ItemDataRole.UserRole + 1
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 2


class ChecksModel(QAbstractListModel):
    """The checks of the latest results, errors first, each said in the content language ("en" or "zh")."""

    def __init__(self, language: str = "en") -> None:
        super().__init__()
        self.checks: list[Check] = []
        self.language = language
        self._texts: dict[int, tuple[str, str]] = {}  # row -> (sentence, tooltip), made when first shown
        self._icons = {s: swatch_icon(SEVERITY_COLORS[s], 12, "circle") for s in SEVERITIES}

    def set_checks(self, checks: list[Check]) -> None:
        self.beginResetModel()
        order = {s: i for i, s in enumerate(SEVERITIES)}
        self.checks = sorted(checks, key=lambda c: order.get(c.severity, len(order)))
        self._texts.clear()
        self.endResetModel()

    def set_language(self, language: str) -> None:
        if language == self.language:
            return
        self.language = language
        self._texts.clear()
        if self.checks:
            self.dataChanged.emit(self.index(0), self.index(len(self.checks) - 1),
                                  [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole])

    def texts(self, row: int) -> tuple[str, str]:
        """The sentence and the tooltip of a row in the current language."""
        found = self._texts.get(row)
        if found is None:
            check = self.checks[row]
            sentence = check_text(check, self.language)
            found = self._texts[row] = (sentence, f"{check_heading(check, self.language)}\n{sentence}")
        return found

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.checks)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        check = self.checks[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.texts(index.row())[0]
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icons.get(check.severity)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.texts(index.row())[1]
        if role == CHECK_ROLE:
            return check
        if role == SEVERITY_ROLE:
            return check.severity
        return None


class SeverityFilter(QSortFilterProxyModel):
    def __init__(self) -> None:
        super().__init__()
        self.shown: set[str] = set(SEVERITIES)

    def set_shown(self, shown: set[str]) -> None:
        self.beginFilterChange()
        self.shown = shown
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        return self.sourceModel().index(source_row, 0, source_parent).data(SEVERITY_ROLE) in self.shown


class ChecksDock(WorkbenchDock):
    """Title carries the count; toggles filter by severity."""

    def __init__(self, main_window: QMainWindow, document: Document) -> None:
        super().__init__("ChecksDock", main_window, document)
        # The main window passes its language on; until then follow the interface's.
        self.language = i18n.content_language()
        self.model = ChecksModel(self.language)
        self.model.setParent(self)
        self._last_checks: list[Check] = []
        self.proxy = SeverityFilter()
        self.proxy.setParent(self)
        self.proxy.setSourceModel(self.model)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        bar = QHBoxLayout()
        bar.setSpacing(4)
        self.buttons: dict[str, QToolButton] = {}
        for severity in SEVERITIES:
            button = QToolButton()
            button.setCheckable(True)
            button.setChecked(True)
            button.setIcon(swatch_icon(SEVERITY_COLORS[severity], 12, "circle"))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            button.toggled.connect(self._on_filter_toggled)
            self.buttons[severity] = button
            bar.addWidget(button)
        bar.addStretch(1)
        self.view = QListView()
        self.view.setModel(self.proxy)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setAlternatingRowColors(True)
        self.view.setIconSize(QSize(12, 12))
        self.view.setSpacing(1)
        self.view.clicked.connect(self._on_clicked)
        self.view.activated.connect(self._on_clicked)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.styled(self.empty, lambda p: f"color: {muted_text(p).name()}; padding: 12px;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self.setWidget(body)
        document.results_ready.connect(self._on_results_ready)
        self.retranslate_ui()
        if document.results is not None:
            self._on_results_ready(document.results)

    def retranslate_ui(self) -> None:
        self.model.set_language(self.language)  # check sentences come from the report's language files
        self._update_texts()

    def _count(self, severity: str) -> int:
        return sum(1 for c in self.model.checks if c.severity == severity)

    def _update_texts(self) -> None:
        n = len(self.model.checks)
        self.setWindowTitle(self.tr("Checks ({0})").format(n) if n else self.tr("Checks"))
        names = {"error": self.tr("Errors {0}"), "warning": self.tr("Warnings {0}"), "info": self.tr("Info {0}")}
        tips = {"error": self.tr("Show errors"), "warning": self.tr("Show warnings"), "info": self.tr("Show notes")}
        for severity, button in self.buttons.items():
            button.setText(names[severity].format(self._count(severity)))
            button.setToolTip(tips[severity])
        if n == 0:
            self.empty.setText(self.tr("No problems found: no overlaps, clearances, capacity or floor issues."))
        else:
            self.empty.setText(self.tr("All {0} checks are hidden by the filter.").format(n))
        self.empty.setWordWrap(True)
        self.stack.setCurrentIndex(0 if self.proxy.rowCount() else 1)

    def _on_results_ready(self, results: Results) -> None:
        if results.checks != self._last_checks:  # a move that changes nothing keeps the list and its scroll
            self._last_checks = list(results.checks)
            self.model.set_checks(results.checks)
        self._update_texts()

    def _on_filter_toggled(self) -> None:
        self.proxy.set_shown({s for s, b in self.buttons.items() if b.isChecked()})
        self._update_texts()

    def visible_checks(self) -> list[Check]:
        return [self.proxy.index(r, 0).data(CHECK_ROLE) for r in range(self.proxy.rowCount())]

    def _on_clicked(self, index: QModelIndex) -> None:
        check = index.data(CHECK_ROLE)
        if isinstance(check, Check) and check.blocks:
            self.main_window.select_and_center(list(check.blocks))  # type: ignore[attr-defined]
