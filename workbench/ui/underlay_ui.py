"""Wires DXF into the window: File → Export → DXF drawing…, File → Import → DXF underlay…, View → Snap to drawing,
the underlay controller and its dock."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMainWindow

from workbench.ui.underlay import UnderlayController
from workbench.ui.underlay_dock import UnderlayDock


def _t(text: str) -> str:
    return QCoreApplication.translate("Underlay", text)


def install_underlay_ui(window) -> UnderlayController:  # type: ignore[no-untyped-def]
    controller = UnderlayController(window)
    dock = UnderlayDock(window, controller)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    if "InspectorDock" in {d.objectName() for d in window.docks}:
        inspector = next(d for d in window.docks if d.objectName() == "InspectorDock")
        window.tabifyDockWidget(inspector, dock)
        inspector.raise_()
    window.docks.append(dock)
    window.underlay_dock = dock
    controller.message.connect(window.show_message)
    window.editor.drawing_snap = controller.snap
    a = window.commands
    a.bind("export_dxf", window._guarded(lambda: export_dxf(window)))
    a.bind("import_underlay", window._guarded(lambda: import_underlay(window, controller)))

    def set_snap(on: bool) -> None:
        controller.snap_enabled = on
        if on and controller.underlay is not None:
            controller.snap_targets()  # build the targets now, not on the first click
        if dock.snap.isChecked() != on:
            dock.snap.setChecked(on)
        window.show_message(_t("Snap to drawing: on") if on else _t("Snap to drawing: off"))

    a.bind("snap_drawing", set_snap)
    dock.snap.toggled.connect(a["snap_drawing"].setChecked)
    return controller


def import_underlay(window: QMainWindow, controller: UnderlayController) -> bool:
    path, _ = QFileDialog.getOpenFileName(window, _t("Import DXF underlay"), str(_start_folder(window)),
                                          _t("DXF drawings (*.dxf)"))
    if not path:
        return False
    done = controller.attach(Path(path))
    if done:
        window.underlay_dock.show()  # type: ignore[attr-defined]
        window.underlay_dock.raise_()  # type: ignore[attr-defined]
    return done


def export_dxf(window, path: str | Path | None = None) -> Path | None:  # type: ignore[no-untyped-def]
    """Ask where (unless given) and write the design as DXF in the interface language; returns the path written."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QMessageBox

    from workbench.cad.dxf_export import write_dxf
    from workbench.text.language import load_language
    from workbench.ui import i18n

    doc = window.document
    if path is None:
        stem = doc.path.name.removesuffix(".dchall.json") if doc.path else (doc.design.site.name or "design")
        suggested = _start_folder(window) / f"{stem}.dxf"
        chosen, _ = QFileDialog.getSaveFileName(window, _t("Export DXF drawing"), str(suggested),
                                                _t("DXF drawings (*.dxf)"))
        if not chosen:
            return None
        path = chosen if chosen.lower().endswith(".dxf") else chosen + ".dxf"
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        result = write_dxf(doc.design, doc.catalog, path, load_language(i18n.content_language()))
    except (OSError, ValueError) as exc:
        QMessageBox.warning(window, _t("Export DXF drawing"), str(exc))
        return None
    finally:
        QGuiApplication.restoreOverrideCursor()
    window.show_message(_t("%1: %2 blocks, %3 halls, units %4, 1:%5").replace("%1", Path(path).name)
                        .replace("%2", str(result.inserts)).replace("%3", str(result.halls))
                        .replace("%4", result.units).replace("%5", str(result.scale)))
    return Path(path)


def _start_folder(window) -> Path:  # type: ignore[no-untyped-def]
    doc_path = window.document.path
    return doc_path.parent if doc_path else Path.home()
