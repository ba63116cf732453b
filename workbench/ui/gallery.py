"""The template gallery (File → New from template, Insert → Module) and the module commands of the editor."""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QFrame, QGridLayout, QHBoxLayout, QInputDialog, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from workbench.catalog.bundles import ImportResult, import_bundle
from workbench.catalog.sources import user_templates_dir
from workbench.catalog.templates import TemplateInfo, TemplateSet, discover_templates
from workbench.io import dumps, load_design
from workbench.io.atomic import write_atomic
from workbench.model.blocktype import Catalog
from workbench.model.design import Design
from workbench.editing.modules import explode_edit, module_path, module_template, modules_of
from workbench.model.problems import InputError
from workbench.ui.dialogs.bundle_export_dialog import BundleExportDialog, ExportOutcome
from workbench.ui.document import Document
from workbench.ui.i18n import content_language
from workbench.ui.theme import LIGHT

THUMB = QSize(112, 72)
PREVIEW = QSize(460, 270)
TEMPLATE_ONLY_META = ("kind", "it_mw", "pue", "racks", "accepted_warnings", "name_zh", "description_zh")


def _tr(text: str) -> str:
    return QCoreApplication.translate("TemplateGallery", text)


# --- thumbnails, painted from the model ------------------------------------------------------------

def paint_design(painter: QPainter, rect: QRectF, design: Design, catalog: Catalog) -> None:
    """Draw the first hall's outline and block footprints, fitted into rect (model y points up)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.fillRect(rect, QColor(LIGHT.canvas))
    if not design.halls:
        painter.restore()
        return
    hall = design.halls[0]
    xs = [p[0] for p in hall.outline]
    ys = [p[1] for p in hall.outline]
    x0, y0, w, h = min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)
    pad = 6.0
    scale = min((rect.width() - 2 * pad) / max(w, 1.0), (rect.height() - 2 * pad) / max(h, 1.0))
    ox = rect.left() + (rect.width() - w * scale) / 2
    oy = rect.top() + (rect.height() + h * scale) / 2

    def to_view(x: float, y: float) -> tuple[float, float]:
        return ox + (x - x0) * scale, oy - (y - y0) * scale

    painter.setPen(QPen(QColor(LIGHT.wall), 1.2))
    painter.setBrush(QColor(LIGHT.floor))
    painter.drawPolygon(QPolygonF([QPointF(*to_view(x, y)) for x, y in hall.outline]))
    for b in design.blocks.values():
        if b.hall_id not in ("", hall.id):
            continue
        t = catalog.types.get(b.type_id)
        category = t.category if t else "structure"
        bw = b.overrides.get("width_mm", t.width_mm if t else 600.0)
        bd = b.overrides.get("depth_mm", t.depth_mm if t else 600.0)
        if b.rotation_deg in (90, 270):
            bw, bd = bd, bw
        left, top = to_view(b.x_mm - bw / 2, b.y_mm + bd / 2)
        box = QRectF(left, top, max(bw * scale, 0.8), max(bd * scale, 0.8))
        if t is None:
            painter.setPen(QPen(QColor(LIGHT.error), 1.0))
            painter.setBrush(QColor(LIGHT.error).lighter(170))
        else:
            painter.setPen(QPen(LIGHT.category_edge(category), 0.6))
            painter.setBrush(QColor(LIGHT.categories.get(category, LIGHT.categories["structure"])))
        painter.drawRect(box)
    painter.restore()


def thumbnail(design: Design, catalog: Catalog, size: QSize = THUMB) -> QPixmap:
    pixmap = QPixmap(size)
    pixmap.fill(QColor(LIGHT.canvas))
    painter = QPainter(pixmap)
    paint_design(painter, QRectF(0, 0, size.width(), size.height()), design, catalog)
    painter.end()
    return pixmap


# --- the gallery dialog ----------------------------------------------------------------------------


def plain_tooltip(text: str) -> str:
    """A tooltip that shows text literally (Qt renders a tooltip that looks like HTML as HTML)."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>" if text else ""

class TemplateGallery(QDialog):
    """Lists templates of one kind with thumbnail, metadata and key figures; `selected()` is the choice."""

    def __init__(self, found: TemplateSet, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.found = found
        self.kind = kind
        self.templates = found.of_kind(kind)
        self.setMinimumSize(1000, 640)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.list = QListWidget()
        self.list.setIconSize(THUMB)
        self.list.setSpacing(2)
        self.list.setUniformItemSizes(True)
        self.list.currentRowChanged.connect(self._show)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.search)
        lv.addWidget(self.list)

        self.preview = QLabel()
        self.preview.setFixedSize(PREVIEW)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.caption = QLabel()
        self.caption.setStyleSheet("color: #5b636d;")
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.figures: dict[str, tuple[QLabel, QLabel]] = {}
        tiles = QGridLayout()
        tiles.setHorizontalSpacing(10)
        for col, key in enumerate(("it_mw", "pue", "racks")):
            value, caption = QLabel(), QLabel()
            vf = value.font()
            vf.setPointSizeF(vf.pointSizeF() * 1.6)
            vf.setBold(True)
            value.setFont(vf)
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption.setStyleSheet("color: #5b636d;")
            frame = QFrame()
            frame.setObjectName("tile")
            frame.setStyleSheet("#tile { background: #f1f4f8; border: 1px solid #d5dae1; border-radius: 6px; }")
            fl = QVBoxLayout(frame)
            fl.setContentsMargins(8, 6, 8, 6)
            fl.addWidget(value)
            fl.addWidget(caption)
            tiles.addWidget(frame, 0, col)
            self.figures[key] = (value, caption)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.meta: dict[str, tuple[QLabel, QLabel]] = {}
        for key in ("author", "version", "licence", "created", "source"):
            label, value = QLabel(), QLabel()
            value.setTextFormat(Qt.TextFormat.PlainText)  # template authors write these: never markup
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(label, value)
            self.meta[key] = (label, value)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.addWidget(self.title)
        rv.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignHCenter)
        under = QHBoxLayout()
        under.addWidget(self.caption, 1)
        under.addWidget(self.legend)
        rv.addLayout(under)
        rv.addLayout(tiles)
        rv.addWidget(self.description, 1)
        rv.addLayout(self.form)

        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([400, 560])
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(f"color: {LIGHT.warning};")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self._import_clicked)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self._export_clicked)
        self.exported: ExportOutcome | None = None
        self.status = QLabel()  # the last export's summary, in the window's language
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()
        # Text from template files is shown as it is written: a QLabel's default (AutoText) would render
        # "<b>" as bold and load a local <img>.
        for shown in (self.title, self.caption, self.description, self.problems, self.status,
                      *(value for value, _caption in self.figures.values())):
            shown.setTextFormat(Qt.TextFormat.PlainText)
        bottom = QHBoxLayout()
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.problems, 1)
        bottom.addWidget(self.buttons)
        outer = QVBoxLayout(self)
        outer.addWidget(split, 1)
        outer.addWidget(self.status)
        outer.addLayout(bottom)
        self._fill()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        hall = self.kind == "hall"
        self.setWindowTitle(self.tr("New from template") if hall else self.tr("Insert module"))
        self.search.setPlaceholderText(self.tr("Filter by name, author or description"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Create") if hall else self.tr("Insert"))
        self.import_button.setText(self.tr("Import bundle…"))
        self.export_button.setText(self.tr("Export bundle…"))
        self.status.setText(self.exported.summary() if self.exported else "")
        self.status.setVisible(self.exported is not None)
        captions = {"it_mw": self.tr("IT MW"), "pue": self.tr("PUE (annual)"), "racks": self.tr("racks")}
        for key, (_value, caption) in self.figures.items():
            caption.setText(captions[key])
        labels = {"author": self.tr("Author"), "version": self.tr("Version"), "licence": self.tr("Licence"),
                  "created": self.tr("Created"), "source": self.tr("Source folder")}
        for key, (label, _value) in self.meta.items():
            label.setText(labels[key] + ":")
        n = len(self.found.problems)
        self.problems.setText(self.tr("%n problem(s) while reading templates (see tooltip)", "", n) if n else "")
        self.problems.setToolTip(plain_tooltip("\n".join(str(p) for p in self.found.problems[:40])))
        for i, t in enumerate(self.templates):  # names in the new language (Chinese names from meta name_zh)
            if self.list.item(i) is not None:
                self.list.item(i).setText(self._item_text(t))
        self._show(self.list.currentRow())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _fill(self) -> None:
        self.list.clear()
        for t in self.templates:
            item = QListWidgetItem(QIcon(thumbnail(t.design, self.found.catalog)), self._item_text(t))
            item.setToolTip(plain_tooltip(str(t.path)))
            item.setSizeHint(QSize(320, THUMB.height() + 10))
            self.list.addItem(item)
        if self.templates:
            self.list.setCurrentRow(0)

    def _item_text(self, t: TemplateInfo) -> str:
        return f"{t.display_name(content_language())}\n{_figures_line(t)}"

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for i, t in enumerate(self.templates):
            hay = f"{t.name} {t.name_zh} {t.author} {t.description} {t.description_zh} {t.folder.path}".casefold()
            self.list.item(i).setHidden(bool(needle) and needle not in hay)

    def _show(self, row: int) -> None:
        t = self.templates[row] if 0 <= row < len(self.templates) else None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(t is not None)
        if t is None:
            self.title.setText(self.tr("No templates found") if not self.templates else "")
            self.preview.clear()
            self.description.setText("")
            return
        self.title.setText(t.display_name(content_language()))
        self.preview.setPixmap(thumbnail(t.design, self.found.catalog, PREVIEW))
        self.caption.setText(self._caption(t))
        self.legend.setText(self._legend(t))
        self.figures["it_mw"][0].setText(f"{t.it_mw:.2f}" if t.it_mw is not None else "—")
        self.figures["pue"][0].setText(f"{t.pue:.2f}" if t.pue else "—")
        self.figures["racks"][0].setText(str(t.racks) if t.racks is not None else "—")
        text = t.display_description(content_language()) or self.tr("(no description)")
        if t.unknown_types:
            missing = ", ".join(sorted(t.unknown_types))
            text += "\n\n" + self.tr("Uses block types no library defines: %1").replace("%1", missing)
        self.description.setText(text)
        origin = {"built-in": self.tr("built-in"), "user": self.tr("user"), "shared": self.tr("shared")}
        values = {"author": t.author, "version": t.version, "licence": t.licence, "created": t.created,
                  "source": f"{origin.get(t.folder.origin, t.folder.origin)} — {t.folder.path}"}
        for key, (_label, value) in self.meta.items():
            value.setText(values[key] or "—")

    def _caption(self, t: TemplateInfo) -> str:
        hall = t.design.halls[0]
        xs = [p[0] for p in hall.outline]
        ys = [p[1] for p in hall.outline]
        text = f"{hall.name} · {(max(xs) - min(xs)) / 1000:.1f} × {(max(ys) - min(ys)) / 1000:.1f} m"
        others = len(t.design.halls) - 1
        if others:
            text += " · " + self.tr("+ %n more area(s)", "", others)
        return text

    def _legend(self, t: TemplateInfo) -> str:
        names = {"compute": self.tr("compute"), "network": self.tr("network"), "storage": self.tr("storage"),
                 "power": self.tr("power"), "cooling": self.tr("cooling")}
        hall = t.design.halls[0].id
        present = {self.found.catalog.types[b.type_id].category for b in t.design.blocks.values()
                   if b.type_id in self.found.catalog.types and b.hall_id in ("", hall)}
        return "&nbsp;&nbsp;".join(f"<span style='color:{LIGHT.categories[c]}'>■</span> {names[c]}"
                                   for c in names if c in present)

    def selected(self) -> TemplateInfo | None:
        row = self.list.currentRow()
        return self.templates[row] if 0 <= row < len(self.templates) else None

    def select_name(self, name: str) -> bool:
        for i, t in enumerate(self.templates):
            if t.matches(name):
                self.list.setCurrentRow(i)
                return True
        return False

    def _import_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import template bundle"), "",
                                              self.tr("Template bundles (*.zip)"))
        if path and import_bundle_interactive(self, Path(path)) is not None:
            self.found = discover_templates([f.path for f in self.found.folders if f.origin == "shared"])
            self.templates = self.found.of_kind(self.kind)
            self._fill()
            self.retranslate_ui()

    def _export_clicked(self) -> None:
        current = self.selected()
        shared = next((f.path for f in self.found.folders if f.origin == "shared"), None)  # Browse starts there
        dialog = BundleExportDialog(self.found, [current] if current else [], self, start_folder=shared)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.outcome is not None:
                self.exported = dialog.outcome
                self.retranslate_ui()
        finally:
            dialog.deleteLater()


def _figures_line(t: TemplateInfo) -> str:
    if not t.it_mw:
        return _tr("no IT load (infrastructure block)")
    pue = f"PUE {t.pue:.2f}" if t.pue else "PUE —"
    racks = _tr("%1 racks").replace("%1", str(t.racks or 0))
    return f"{t.it_mw or 0:.2f} MW IT · {pue} · {racks}"


def import_bundle_interactive(parent: QWidget | None, path: Path, dest: Path | None = None) -> ImportResult | None:
    """Import a bundle; when templates already exist, ask with a message box (replace, keep both, cancel)."""
    try:
        result = import_bundle(path, dest, "ask")
        if result.needs_decision:
            box = QMessageBox(QMessageBox.Icon.Question, _tr("Templates already exist"),
                              _tr("Some templates in this bundle already exist:") + "\n\n"
                              + "\n".join(c.describe() for c in result.conflicts), parent=parent)
            replace = box.addButton(_tr("Replace"), QMessageBox.ButtonRole.DestructiveRole)
            both = box.addButton(_tr("Keep both"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            if box.clickedButton() is replace:
                result = import_bundle(path, dest, "replace")
            elif box.clickedButton() is both:
                result = import_bundle(path, dest, "keep-both")
            else:
                return None
    except InputError as exc:
        QMessageBox.warning(parent, _tr("Bundle refused"), _tr("Nothing was written:") + "\n\n"
                            + "\n".join(f"{p.where}: {p.message}" for p in exc.problems[:20]))
        return None
    return result


# --- the commands ----------------------------------------------------------------------------------

def _shared(shared: Iterable[str | Path] | None) -> list[str | Path]:
    if shared is not None:
        return list(shared)
    from workbench.ui.dialogs.preferences import shared_template_folders
    from workbench.ui.settings import Settings

    return list(shared_template_folders(Settings()))


def new_from_template(parent: QWidget | None, document: Document, shared: Iterable[str | Path] | None = None) -> bool:
    """File → New from template: pick a hall template and start a new, unsaved design from it."""
    dialog = TemplateGallery(discover_templates(_shared(shared)), "hall", parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.selected() is None:
            return False
        info = dialog.selected()
        assert info is not None
        if document.dirty and QMessageBox.question(
                parent, _tr("Discard changes?"),
                _tr("The open design has unsaved changes. Start a new design from the template anyway?")
        ) != QMessageBox.StandardButton.Yes:
            return False
        return apply_hall_template(parent, document, info)
    finally:
        dialog.deleteLater()


def apply_hall_template(parent: QWidget | None, document: Document, info: TemplateInfo) -> bool:
    """Replace the document's design with a fresh copy of the template (read again from its file)."""
    try:
        design = load_design(info.path, document.catalog).design
    except InputError as exc:
        QMessageBox.warning(parent, _tr("Template cannot be opened"), str(exc))
        return False
    for key in TEMPLATE_ONLY_META:
        design.meta.pop(key, None)
    design.meta["template"] = f"{info.name} {info.version}".strip()
    document.new(design)
    return True


def insert_module(parent: QWidget | None, document: Document, shared: Iterable[str | Path] | None = None,
                  cursor: tuple[float, float] | None = None) -> bool:
    """Insert → Module: pick a module template and place it as one undoable brick in a free spot
    (in the hall under `cursor` when it is over one, else halls holding racks first)."""
    dialog = TemplateGallery(discover_templates(_shared(shared)), "module", parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.selected() is None:
            return False
        info = dialog.selected()
        assert info is not None
        return place_module(parent, document, info, cursor)
    finally:
        dialog.deleteLater()


def place_module(parent: QWidget | None, document: Document, info: TemplateInfo,
                 cursor: tuple[float, float] | None = None) -> bool:
    """Place the module where the placement rules find room; when nothing fits, say which halls were tried."""
    from workbench.editing.free_spot import place_module as find_place

    placed = find_place(document.design, document.catalog, info.design, cursor, info.name)
    if placed.edit is None:
        QMessageBox.information(parent, _tr("No free space"), no_room_text(info.display_name(content_language()),
                                                                          placed.tried))
        return False
    document.push(placed.edit)
    added = placed.edit.edits[1]
    document.set_selection([b.id for b in getattr(added, "blocks", [])])
    return True


def no_room_text(module: str, tried: Iterable[object]) -> str:
    """Which halls were searched for room and why each had none, in the interface language."""
    lines = [_tr("%1 does not fit anywhere without overlapping equipment, columns, door zones or service "
                 "clearances. Halls tried:").replace("%1", module)]
    for t in tried:
        w, d = t.need_m  # type: ignore[attr-defined]
        if t.reason == "too_small":  # type: ignore[attr-defined]
            hw, hd = t.hall_m  # type: ignore[attr-defined]
            why = _tr("%1 × %2 m, smaller than the module's %3 × %4 m").replace("%1", f"{hw:g}").replace(
                "%2", f"{hd:g}").replace("%3", f"{w:g}").replace("%4", f"{d:g}")
        else:
            why = _tr("no free %1 × %2 m spot").replace("%1", f"{w:g}").replace("%2", f"{d:g}")
        lines.append(f"• {t.name}: {why}")  # type: ignore[attr-defined]
    lines.append(_tr("Make room, draw a larger hall, or point at a hall and insert again."))
    return "\n".join(lines)


def explode_selected_module(document: Document) -> int:
    """Turn the modules of the selected blocks back into single blocks (one undo step); returns how many."""
    count = len(modules_of(document.design, document.selection))
    edit = explode_edit(document.design, document.selection)
    if edit is not None:
        document.push(edit)
    return count


def save_selection_as_module(parent: QWidget | None, document: Document, name: str | None = None,
                             folder: Path | None = None) -> Path | None:
    """Save the selected blocks as a module template in the user's folder; never overwrites silently."""
    if not document.selection:
        QMessageBox.information(parent, _tr("Save as module"), _tr("Select the blocks of the module first."))
        return None
    if name is None:
        name, ok = QInputDialog.getText(parent, _tr("Save as module"), _tr("Module name:"))
        if not ok:
            return None
    name = name.strip()
    if not name:
        return None
    module = module_template(document.design, document.selection, document.catalog, name=name,
                             created=date.today().isoformat())
    module.description = _tr("Saved from a selection of %1 blocks.").replace("%1", str(len(module.blocks)))
    target = module_path(folder or user_templates_dir() / "modules", name)
    if target.exists() and QMessageBox.question(
            parent, _tr("Replace module?"),
            _tr("A module file %1 already exists. Replace it?").replace("%1", target.name)
    ) != QMessageBox.StandardButton.Yes:
        return None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, dumps(module), keep_backup=True)
    except OSError as exc:
        QMessageBox.warning(parent, _tr("Save as module"), f"{target}: {exc.strerror or exc}")
        return None
    return target


__all__ = ["TemplateGallery", "new_from_template", "insert_module", "save_selection_as_module",
           "explode_selected_module", "import_bundle_interactive", "paint_design", "thumbnail"]
