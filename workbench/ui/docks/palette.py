"""The palette dock: the block catalog by category, searchable, to drag or double-click onto the hall."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QDrag, QFont, QPainter, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from workbench.model.blocktype import CATEGORIES, BlockType
from workbench.ui.docks.base import WorkbenchDock
from workbench.ui.docks.colors import category_color, muted_text, swatch_icon
from workbench.ui.document import Document

BLOCK_TYPE_MIME = "application/x-datahall-block-type"
TYPE_ROLE = Qt.ItemDataRole.UserRole + 1  # the type id (type rows only)
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2  # lower-case id + every name, for the search box
FIGURES_ROLE = Qt.ItemDataRole.UserRole + 3  # the key-figure line under the name
CATEGORY_ROLE = Qt.ItemDataRole.UserRole + 4


def block_type_mime(type_id: str) -> QMimeData:
    """The drag payload the canvas accepts: the UTF-8 type id under our MIME type."""
    mime = QMimeData()
    mime.setData(BLOCK_TYPE_MIME, QByteArray(type_id.encode("utf-8")))
    return mime


class PaletteModel(QStandardItemModel):
    """Category rows holding type rows; type rows drag as BLOCK_TYPE_MIME."""

    def mimeTypes(self) -> list[str]:
        return [BLOCK_TYPE_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData | None:
        for index in indexes:
            type_id = index.data(TYPE_ROLE)
            if type_id:
                return block_type_mime(str(type_id))
        return None


class PaletteFilter(QSortFilterProxyModel):
    """Keeps type rows whose id or names contain every search word; categories show if a child does."""

    def __init__(self) -> None:
        super().__init__()
        self._words: list[str] = []
        self.setRecursiveFilteringEnabled(True)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.lower().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        haystack = index.data(SEARCH_ROLE)
        if not self._words:
            return True
        if haystack is None:  # a category row: shown only through a matching child
            return False
        return all(w in haystack for w in self._words)


class PaletteDelegate(QStyledItemDelegate):
    """Draws a type row as a colour bar, the name and a muted line of key figures."""

    ROW_HEIGHT_PX = 40

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if index.data(TYPE_ROLE):
            size.setHeight(max(self.ROW_HEIGHT_PX, option.fontMetrics.height() * 2 + 10))
        else:
            size.setHeight(max(size.height(), 26))
        return size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        if not index.data(TYPE_ROLE):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget else None
        opt.text = ""
        opt.icon = type(opt.icon)()
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        r = option.rect
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        color = category_color(str(index.data(CATEGORY_ROLE)))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRoundedRect(QRect(r.left() + 2, r.top() + 6, 4, r.height() - 12), 2, 2)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_color = option.palette.highlightedText().color() if selected else option.palette.text().color()
        fm = option.fontMetrics
        left = r.left() + 12
        width = r.width() - 16
        painter.setPen(text_color)
        name = fm.elidedText(str(index.data(Qt.ItemDataRole.DisplayRole)), Qt.TextElideMode.ElideRight, width)
        painter.drawText(QRect(left, r.top() + 4, width, fm.height()), Qt.AlignmentFlag.AlignLeft, name)
        small = QFont(option.font)
        small.setPointSizeF(max(6.0, option.font.pointSizeF() * 0.88))
        painter.setFont(small)
        painter.setPen(text_color if selected else muted_text(option.palette))
        figures = painter.fontMetrics().elidedText(str(index.data(FIGURES_ROLE) or ""), Qt.TextElideMode.ElideRight, width)
        painter.drawText(QRect(left, r.top() + 4 + fm.height() + 1, width, painter.fontMetrics().height()),
                         Qt.AlignmentFlag.AlignLeft, figures)
        painter.restore()


class PaletteView(QTreeView):
    """Starts a QDrag carrying the type id, with a small swatch of the block as the drag image."""

    def startDrag(self, supported: Qt.DropAction) -> None:
        index = self.currentIndex()
        type_id = index.data(TYPE_ROLE)
        if not type_id:
            return
        drag = QDrag(self)
        drag.setMimeData(block_type_mime(str(type_id)))
        color = category_color(str(index.data(CATEGORY_ROLE)))
        pm = QPixmap(36, 24)
        pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        p.setPen(color.darker(140))
        p.setBrush(color.lighter(115))
        p.drawRect(0, 0, 35, 23)
        p.end()
        drag.setPixmap(pm)
        drag.exec(Qt.DropAction.CopyAction)


class PaletteDock(WorkbenchDock):
    """Lists the catalog; drag a type onto the hall, or double-click to place it at the view centre."""

    def __init__(self, main_window: QMainWindow, document: Document) -> None:
        super().__init__("PaletteDock", main_window, document)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_changed)
        self.model = PaletteModel(self)
        self.proxy = PaletteFilter()
        self.proxy.setParent(self)
        self.proxy.setSourceModel(self.model)
        self.view = PaletteView()
        self.view.setModel(self.proxy)
        self.view.setHeaderHidden(True)
        self.view.setItemDelegate(PaletteDelegate(self.view))
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setUniformRowHeights(False)
        self.view.setIndentation(10)
        self.view.setMinimumWidth(280)  # room for the longest names without eliding most of them
        self.view.activated.connect(self._on_activated)
        self.count_label = QLabel()
        self.styled(self.count_label, lambda p: f"color: {muted_text(p).name()};")
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)
        self.setWidget(body)
        self._build()
        self.document.design_replaced.connect(self._on_design_replaced)
        self.retranslate_ui()

    # --- building ------------------------------------------------------------------------
    def _build(self) -> None:
        self.model.clear()
        self._category_items: dict[str, QStandardItem] = {}
        self._type_items: dict[str, QStandardItem] = {}
        types = sorted(self.document.catalog.types.values(), key=lambda t: (CATEGORIES.index(t.category)
                                                                             if t.category in CATEGORIES else 99))
        for category in CATEGORIES:
            item = QStandardItem()
            item.setIcon(swatch_icon(category_color(category)))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = item.font()
            font.setBold(True)
            item.setFont(font)
            self._category_items[category] = item
        for t in types:
            child = QStandardItem()
            child.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled)
            child.setData(t.id, TYPE_ROLE)
            child.setData(t.category, CATEGORY_ROLE)
            child.setData(" ".join([t.id, *t.name.values()]).lower(), SEARCH_ROLE)
            self._category_items.get(t.category, self._category_items["structure"]).appendRow(child)
            self._type_items[t.id] = child
        for item in self._category_items.values():
            if item.rowCount():
                self.model.appendRow(item)
        self.view.expandAll()

    def _on_design_replaced(self) -> None:
        # The catalog object is shared; only rebuild if a design brought a different one.
        if set(self._type_items) != set(self.document.catalog.types):
            self._build()
            self.retranslate_ui()

    # --- texts ---------------------------------------------------------------------------
    def category_title(self, category: str) -> str:
        titles = {
            "compute": self.tr("Compute"),
            "network": self.tr("Network"),
            "storage": self.tr("Storage"),
            "power": self.tr("Power"),
            "cooling": self.tr("Cooling"),
            "structure": self.tr("Structure"),
        }
        return titles.get(category, category)

    def key_figures(self, t: BlockType) -> str:
        """The figures an engineer picks a type by: its kW and its footprint."""
        parts: list[str] = []
        if t.rack is not None:
            parts.append(self.tr("{0} kW IT").format(f"{t.rack.it_kw:,g}"))
            if t.rack.liquid_fraction >= 0.5:
                parts.append(self.tr("liquid"))
        if t.power is not None and t.power.rating_kw:
            parts.append(self.tr("{0} kW").format(f"{t.power.rating_kw:,.0f}"))
        if t.cooling is not None:
            c = t.cooling
            if c.air_kw:
                parts.append(self.tr("{0} kW air").format(f"{c.air_kw:,.0f}"))
            if c.liquid_kw:
                parts.append(self.tr("{0} kW liquid").format(f"{c.liquid_kw:,.0f}"))
            if c.heat_rejection_kw:
                parts.append(self.tr("{0} kW rejection").format(f"{c.heat_rejection_kw:,.0f}"))
        parts.append(self.tr("{0} × {1} mm").format(f"{t.width_mm:,.0f}", f"{t.depth_mm:,.0f}"))
        return " · ".join(parts)

    def _tooltip(self, t: BlockType) -> str:
        lines = [f"<b>{t.display_name(self.language)}</b>", f"<code>{t.id}</code>"]
        if t.description:
            lines.append(t.display_description(self.language))
        lines.append(self.tr("Footprint {0} × {1} mm, height {2} mm, {3} kg").format(
            f"{t.width_mm:,.0f}", f"{t.depth_mm:,.0f}", f"{t.height_mm:,.0f}", f"{t.weight_kg:,.0f}"))
        if t.price.amount:
            lines.append(self.tr("Price {0} {1} ({2})").format(f"{t.price.amount:,.0f}", t.price.currency,
                                                               t.price.basis))
        if t.source:
            lines.append(self.tr("Source: {0}").format(t.source))
        return "<br>".join(lines)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Block palette"))
        self.search.setPlaceholderText(self.tr("Search id or name (English / 中文)"))
        self.view.setToolTip("")
        for category, item in self._category_items.items():
            item.setText(f"{self.category_title(category)}  ({item.rowCount()})")
        for type_id, item in self._type_items.items():
            t = self.document.catalog.types[type_id]
            item.setText(t.display_name(self.language))
            item.setData(self.key_figures(t), FIGURES_ROLE)
            item.setToolTip(self._tooltip(t))
        self._update_count()

    # --- behaviour -----------------------------------------------------------------------
    def _on_search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self.view.expandAll()
        self._update_count()

    def visible_type_ids(self) -> list[str]:
        """Type ids currently shown, in display order."""
        ids: list[str] = []
        for r in range(self.proxy.rowCount()):
            parent = self.proxy.index(r, 0)
            for c in range(self.proxy.rowCount(parent)):
                ids.append(str(self.proxy.index(c, 0, parent).data(TYPE_ROLE)))
        return ids

    def _update_count(self) -> None:
        shown, total = len(self.visible_type_ids()), len(self._type_items)
        if shown == total:
            self.count_label.setText(self.tr("{0} block types · drag onto the hall or double-click").format(total))
        elif shown == 0:
            self.count_label.setText(self.tr("No block type matches “{0}”").format(self.search.text()))
        else:
            self.count_label.setText(self.tr("{0} of {1} block types").format(shown, total))

    def _on_activated(self, index: QModelIndex) -> None:
        type_id = index.data(TYPE_ROLE)
        if type_id:
            self.main_window.place_block_at_center(str(type_id))  # type: ignore[attr-defined]
