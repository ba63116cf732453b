"""The self-test's Qt steps (translations, shipped font) and the `--self-test` entry that adds them to the rest."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QFontDatabase, QGuiApplication

from workbench.paths import resources_dir
from workbench.selftest import Step, check_that
from workbench.selftest import main as run_self_test

Check = Callable[[bool, str], None]
# A string every Chinese build must translate: our File menu, and Qt's own Cancel button.
APP_PROBES = (("MainWindow", "&File"), ("PreferencesDialog", "Preferences"))
QT_PROBE = ("QPlatformTheme", "Cancel")


def gui_application() -> QCoreApplication:
    """The running application, or an offscreen GUI one so fonts can be checked too."""
    return QGuiApplication.instance() or QGuiApplication([sys.argv[0]])


def check_translations(folder: Path, app_probes: Iterable[tuple[str, str]], qt_probe: tuple[str, str],
                       check: Check) -> str:
    """Load our and Qt's Chinese .qm and prove known strings come out in Chinese."""
    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
    found = []
    for file, probes in (("workbench_zh_CN.qm", tuple(app_probes)), ("qtbase_zh_CN.qm", (qt_probe,))):
        translator = QTranslator()
        check(translator.load(str(folder / file)), f"{file} does not load as a Qt translation")
        app.installTranslator(translator)
        try:
            for context, source in probes:
                text = QCoreApplication.translate(context, source)
                check(text != source and any("\u4e00" <= ch <= "\u9fff" for ch in text),
                      f"{file}: {context} '{source}' is not translated to Chinese (got {text!r})")
                found.append(f"{source.replace('&', '')} → {text.replace('&', '')}")
        finally:
            app.removeTranslator(translator)
    return ", ".join(found)


def check_font(path: Path, check: Check) -> str:
    """Register the shipped Chinese font with Qt."""
    if QGuiApplication.instance() is None:
        return "skipped: no GUI application in this process"
    font_id = QFontDatabase.addApplicationFont(str(path))
    check(font_id >= 0, f"Qt could not load the shipped Chinese font {path}")
    families = QFontDatabase.applicationFontFamilies(font_id)
    check(bool(families), "the shipped Chinese font has no family name")
    return f"registered {families[0]}"


def step_translation(_state: object) -> str:
    return check_translations(resources_dir() / "translations", APP_PROBES, QT_PROBE, check_that)


def step_font(_state: object) -> str:
    return check_font(resources_dir() / "fonts" / "DroidSansFallbackFull.ttf", check_that)


QT_STEPS: list[Step] = [("Chinese translation", step_translation), ("Chinese font", step_font)]


def main() -> int:
    """Entry for `workbench --self-test`: an offscreen GUI application so fonts can be checked too."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # headless on purpose: CI, SSH sessions, fresh installs
    app = gui_application()
    code = run_self_test(QT_STEPS)
    del app
    return code
