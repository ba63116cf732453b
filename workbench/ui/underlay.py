"""The window's underlay: follows the design's underlay reference, reads the DXF (once per file and units), keeps
the canvas item, the snap targets and a status line; every change to the reference is a model edit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication

from workbench.cad.align import Similarity
from workbench.cad.dxf_import import DxfReadError, Underlay, file_sha256, read_underlay
from workbench.geometry.segment_snap import SnapIndex, snap_index
from workbench.io.underlay_doc import resolve_path, stored_path
from workbench.model.design import Design
from workbench.model.underlay import UnderlayRef
from workbench.model.underlay_edit import SetUnderlay
from workbench.ui.scene.underlay_item import UnderlayItem

SNAP_PX = 10.0  # a drawing point within this many screen pixels of the cursor pulls it


def alignment_of(ref: UnderlayRef) -> Similarity:
    return Similarity(ref.scale, ref.rotation_deg, ref.dx_mm, ref.dy_mm)


class UnderlayController(QObject):
    """One per window; `underlay` is the geometry read (None when there is none or it cannot be read)."""

    changed = Signal()  # the reference, the geometry or the status changed: panels refresh
    message = Signal(str)  # for the status bar

    def __init__(self, window) -> None:  # type: ignore[no-untyped-def]
        super().__init__(window)
        self.window = window
        self.document = window.document
        self.scene = window.scene
        self.underlay: Underlay | None = None
        self.item: UnderlayItem | None = None
        self.status = ""  # "" when all is well, else what is wrong (missing file, changed file, unreadable)
        self.snap_enabled = False
        self._key: tuple[str, str] | None = None  # (resolved path, units) of the geometry held
        self._snap: SnapIndex | None = None
        self._design: Design | None = None
        self.document.design_replaced.connect(self._on_design_replaced)
        self.document.path_changed.connect(lambda _p: self.refresh())
        self._on_design_replaced()

    # --- following the model ---------------------------------------------------------------
    @property
    def ref(self) -> UnderlayRef | None:
        return self.document.design.underlay

    def _on_design_replaced(self) -> None:
        if self._design is not None:
            self._design.events.underlay_changed.disconnect(self.refresh)
        self._design = self.document.design
        self._design.events.underlay_changed.connect(self.refresh)
        self._drop()  # another design (or the same file opened again): read the drawing afresh, it may have changed
        self.refresh()

    def refresh(self) -> None:
        """Bring the canvas in line with the reference: read the file if it changed, then layers and alignment."""
        ref = self.ref
        if ref is None:
            self._drop()
            self.status = ""
            self.changed.emit()
            return
        path = resolve_path(ref, self.document.path)
        key = (str(path), ref.units)
        if key != self._key:
            self._drop()
            self._key = key
            self._load(path, ref)
        if self.item is not None and self.underlay is not None:
            hidden = {i for i, name in enumerate(self.underlay.layers) if name in set(ref.hidden_layers)}
            self.item.set_hidden_layers(hidden)
            self.item.set_alignment(alignment_of(ref))
            self.item.setVisible(ref.visible)
            self._snap = None  # visible layers or alignment changed: targets are rebuilt on the next snap
        self.changed.emit()

    def _load(self, path: Path, ref: UnderlayRef) -> None:
        if not path.exists():
            self.status = self.tr("Underlay file not found: %1").replace("%1", ref.path)
            self.message.emit(self.status)
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.underlay = read_underlay(path, ref.units or None)
        except DxfReadError as exc:
            self.underlay = None
            self.status = self.tr("Underlay cannot be read: %1").replace("%1", str(exc))
            self.message.emit(self.status)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.status = ""
        if ref.sha256 and ref.sha256 != self.underlay.sha256:
            self.status = self.tr("The underlay file has changed since it was attached: %1").replace("%1", ref.path)
            self.message.emit(self.status)
        self.item = UnderlayItem(self.underlay, getattr(self.scene.theme, "dark", False))
        self.scene.addItem(self.item)

    def _drop(self) -> None:
        if self.item is not None:
            self.scene.removeItem(self.item)
        self.item, self.underlay, self._snap, self._key = None, None, None, None

    # --- commands (each one undo step) -----------------------------------------------------
    def attach(self, path: Path) -> bool:
        """Read a DXF and make it the design's underlay; on a bad file say why and change nothing."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            underlay = read_underlay(path)
        except DxfReadError as exc:
            self.message.emit(str(exc))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        hidden = tuple(name for name, off in zip(underlay.layers, underlay.layer_hidden) if off)
        ref = UnderlayRef(path=stored_path(path, self.document.path), sha256=underlay.sha256,
                          hidden_layers=hidden, **self._first_placement(underlay))
        # The geometry just read is reused by refresh() instead of reading the file twice.
        self._drop()
        self._key = (str(resolve_path(ref, self.document.path)), ref.units)
        self.underlay = underlay
        self.item = UnderlayItem(underlay, getattr(self.scene.theme, "dark", False))
        self.scene.addItem(self.item)
        if not self.window.editor.push(SetUnderlay(ref, text=self.tr("Attach underlay"))):
            self._drop()
            return False
        self.message.emit(underlay.summary())
        for note in underlay.notes:
            self.message.emit(note)
        return True

    def _first_placement(self, u: Underlay) -> dict[str, float]:
        """Drawings far from the halls (survey coordinates) start with their corner at the first hall's corner."""
        box = u.bounds()
        design = self.document.design
        if box is None or not design.halls:
            return {}
        xs = [x for h in design.halls for x, _ in h.outline]
        ys = [y for h in design.halls for _, y in h.outline]
        hx0, hy0, hx1, hy1 = min(xs), min(ys), max(xs), max(ys)
        overlaps = box[0] < hx1 and box[2] > hx0 and box[1] < hy1 and box[3] > hy0
        return {} if overlaps else {"dx_mm": hx0 - box[0], "dy_mm": hy0 - box[1]}

    def change(self, text: str, **changes: object) -> bool:
        ref = self.ref
        if ref is None:
            return False
        return bool(self.window.editor.push(SetUnderlay(ref.with_changes(**changes), text=text)))

    def set_layer_hidden(self, name: str, hidden: bool) -> bool:
        ref = self.ref
        if ref is None or (name in ref.hidden_layers) == hidden:
            return False
        layers = [n for n in ref.hidden_layers if n != name] + ([name] if hidden else [])
        text = self.tr("Hide drawing layer %1") if hidden else self.tr("Show drawing layer %1")
        return self.change(text.replace("%1", name), hidden_layers=tuple(layers))

    def set_units(self, units: str) -> bool:
        return self.change(self.tr("Underlay units"), units=units)

    def set_alignment(self, t: Similarity) -> bool:
        return self.change(self.tr("Align underlay"), scale=t.scale, rotation_deg=t.rotation_deg, dx_mm=t.dx_mm,
                           dy_mm=t.dy_mm)

    def remove(self) -> bool:
        if self.ref is None:
            return False
        return bool(self.window.editor.push(SetUnderlay(None, text=self.tr("Remove underlay"))))

    def relink(self, path: Path) -> bool:
        """Point a missing or moved underlay at a file again, keeping its alignment."""
        if self.ref is None:
            return self.attach(path)
        try:
            digest = file_sha256(path)
        except OSError as exc:
            self.message.emit(f"{path.name}: {exc.strerror or exc}")
            return False
        return self.change(self.tr("Relink underlay"), path=stored_path(path, self.document.path), sha256=digest)

    # --- queries ---------------------------------------------------------------------------
    def alignment(self) -> Similarity:
        ref = self.ref
        return alignment_of(ref) if ref is not None else Similarity()

    def visible_layers(self) -> set[int]:
        if self.underlay is None:
            return set()
        hidden = set(self.ref.hidden_layers) if self.ref else set()
        return {i for i, name in enumerate(self.underlay.layers) if name not in hidden}

    def snap_targets(self) -> SnapIndex | None:
        """End points, midpoints and crossings of the visible layers, in model mm (built on first use)."""
        u = self.underlay
        if u is None or self.ref is None or not self.ref.visible:
            return None
        if self._snap is None:
            import numpy as np

            visible = np.isin(u.seg_layer, sorted(self.visible_layers()))
            t = self.alignment()
            seg = t.apply(u.seg[visible]) if visible.any() else u.seg[:0]
            pts = t.apply(u.points) if len(u.points) else u.points
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self._snap = snap_index(seg, u.seg_snap[visible], pts)
            finally:
                QGuiApplication.restoreOverrideCursor()
        return self._snap

    def snap(self, x_mm: float, y_mm: float, mm_per_px: float) -> tuple[float, float] | None:
        """The drawing point near (x, y) when snapping to the drawing is on, else None."""
        if not self.snap_enabled:
            return None
        targets = self.snap_targets()
        if targets is None:
            return None
        hit = targets.nearest(x_mm, y_mm, SNAP_PX * mm_per_px)
        return None if hit is None else (hit[0], hit[1])
