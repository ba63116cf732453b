"""Start the window: the application object, the shipped CJK font, and the design to open."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from workbench.paths import resources_dir, sample_design_path
from workbench.ui.settings import APPLICATION, ORGANISATION, Settings
from workbench.ui.theme import apply_widget_palette, theme_named

CJK_FONT = "DroidSansFallbackFull.ttf"
QUIT_WHEN_SHOWN_ENV = "WORKBENCH_QUIT_WHEN_SHOWN"  # set by `workbench bench` to time start-up
COLLECTOR_BACKSTOP_MS = 10_000  # the garbage collector is back on by then, whatever happened to the first run


def register_fonts() -> list[str]:
    """Register the shipped fonts so Chinese renders on machines without CJK fonts; returns families."""
    families: list[str] = []
    for name in (CJK_FONT,):
        path = resources_dir() / "fonts" / name
        if path.exists():
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                families += QFontDatabase.applicationFontFamilies(font_id)
    return families


def ensure_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0] if sys.argv else "workbench", *(argv or [])])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    return app


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="workbench", add_help=True)
    parser.add_argument("file", nargs="?", help="design file (.dchall.json) to open")
    parser.add_argument("--read-only", dest="read_only", metavar="FILE", help="open FILE without allowing edits")
    args, _unknown = parser.parse_known_args(argv)  # Qt's own options (-platform ...) pass through
    return args


def open_initial(window: object, args: argparse.Namespace) -> None:
    """Open the named file (or the sample); on failure show why and keep an empty design."""
    from workbench.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    target = args.read_only or args.file
    path = Path(target) if target else sample_design_path()
    if not path.exists():
        QMessageBox.critical(window, window.tr("Cannot open design"),
                             window.tr("%1 does not exist.").replace("%1", str(path)))
        return
    if window.open_file(path, ask=False) and args.read_only:
        window.document.read_only = True
        window.files.release()  # a viewer must not keep colleagues from editing the file
        window.update_title()
    if not target:
        # The sample is a starting point, not the user's file: Save must ask where to put it.
        window.files.release()
        window.document.path = None
        window.document.path_changed.emit("")


def missing_platform_libraries(argv: list[str]) -> str | None:
    """Say what to install when Qt's xcb plugin would abort for a missing system library (None: all there)."""
    from workbench.ui.system_libraries import check_before_qt

    import PySide6

    qt_folder = Path(PySide6.__file__).resolve().parent / "Qt" / "lib"
    bundle = Path(getattr(sys, "_MEIPASS", qt_folder))  # a PyInstaller bundle ships its own copies
    return check_before_qt(os.environ, argv, extra_folders=(qt_folder, bundle))


def run_app(argv: list[str]) -> int:
    """Run the workbench window; argv holds the arguments after the program name."""
    from workbench.ui.main_window import MainWindow

    args = _parse(list(argv))
    if QApplication.instance() is None:
        problem = missing_platform_libraries(list(argv))
        if problem:
            print(problem, file=sys.stderr)
            return 1
    app = ensure_app()
    settings = Settings()
    from PySide6.QtGui import QIcon

    from workbench.ui import i18n

    for problem in i18n.install_saved_language(app, settings):  # also registers the CJK font as fallback
        print(f"workbench: {problem}", file=sys.stderr)
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "workbench.png")))
    apply_widget_palette(app, theme_named(settings.theme))
    window = MainWindow(settings=settings)
    from workbench.ui.autosave import offer_recovery
    from workbench.ui.crash import install_exception_hook

    window.exception_hook = install_exception_hook(window)  # kept: it owns the log handler
    recovered = offer_recovery(window)
    if recovered is not None:
        window.open_recovered(recovered)
    else:
        open_initial(window, args)
    window.show()
    when_first_shown(window, gc.enable)  # workbench/__main__.py held the collector through start-up
    QTimer.singleShot(COLLECTOR_BACKSTOP_MS, gc.enable)  # should the first figures never come (a failed run)
    if os.environ.get(QUIT_WHEN_SHOWN_ENV):
        report_when_shown(window)
    return int(app.exec())


def when_first_shown(window: object, action: Callable[[], object]) -> None:
    """Run action once the shown window has the opened design's first figures (at once if it has them)."""
    from workbench.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    doc = window.document
    if not doc.recalc_pending:  # figures already shown, or none coming (nothing opened): never wait for them
        action()
        return

    def once(*_: object) -> None:
        doc.results_ready.disconnect(once)
        action()

    doc.results_ready.connect(once)


def report_when_shown(window: object) -> None:
    """Start-up benchmark: once the window shows the opened design with its figures, print SHOWN_MARK and quit.

    The clock stops at the mark, not at the process's exit: tearing down a closed window is no wait a user sees.
    """
    from workbench.bench.views import SHOWN_MARK
    from workbench.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)

    def shown() -> None:
        window.repaint()  # the first frame, painted now rather than whenever the event loop gets to it
        print(SHOWN_MARK, flush=True)
        window.close()

    when_first_shown(window, lambda: QTimer.singleShot(0, shown))  # after every dock has shown the figures
