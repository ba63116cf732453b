"""Interface language: installs our and Qt's translators, switches live, and registers the shipped CJK font."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QObject, QTranslator, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from workbench.paths import resources_dir
from workbench.ui.settings import Settings

LANGUAGE_KEY = "ui/language"
DEFAULT_LANGUAGE = "en"
# Code -> name shown in the language chooser, each in its own language so anyone can find theirs.
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}
# Qt's own catalogues: qtbase covers the standard dialogs and buttons (Open, Save, Cancel ...).
# qtbase_gaps (ours, resources/translations) fills what Qt's catalogue misses, e.g. "&Look in:" since Qt 6.
QT_CATALOGUES = ("qtbase", "qtbase_gaps")
APP_CATALOGUE = "workbench"
# Shipped so Chinese renders on a machine with no CJK fonts (Apache-2.0, TrueType outlines).
CJK_FONT_FILE = "DroidSansFallbackFull.ttf"
CJK_FONT_FAMILY = "Droid Sans Fallback"


class _LanguageNotifier(QObject):
    """Tells non-widget objects (graphics scenes, models) that the language changed; widgets use changeEvent."""

    language_changed = Signal(str)


_notifier: _LanguageNotifier | None = None
_installed: list[QTranslator] = []  # kept referenced: a collected QTranslator would vanish from the app
_current = DEFAULT_LANGUAGE


def notifier() -> _LanguageNotifier:
    global _notifier
    if _notifier is None:
        _notifier = _LanguageNotifier()
    return _notifier


def translations_dir() -> Path:
    return resources_dir() / "translations"


def normalise(lang: str | None) -> str:
    """Map "zh", "zh_CN", "zh-Hans" ... to a supported code; anything unknown becomes English."""
    s = (lang or "").replace("-", "_").strip()
    if s.lower().startswith("zh"):
        return "zh_CN"
    return s if s in LANGUAGES else DEFAULT_LANGUAGE


def current_language() -> str:
    """The interface language now installed ("en" or "zh_CN")."""
    return _current


def content_language() -> str:
    """The language code the catalog and reports use ("en" or "zh") for the interface language."""
    return "zh" if _current.startswith("zh") else "en"


def qt_catalogue_path(name: str, lang: str) -> Path | None:
    """Qt's own .qm for `name` ("qtbase"): our shipped copy first, then PySide6's translations folder."""
    file = f"{name}_{lang}.qm"
    for folder in (translations_dir(), Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))):
        if (folder / file).is_file():
            return folder / file
    return None


def app_catalogue_path(lang: str) -> Path:
    return translations_dir() / f"{APP_CATALOGUE}_{lang}.qm"


def load_translator(path: Path, parent: QObject | None = None) -> QTranslator | None:
    """A QTranslator loaded from `path`, or None when the file is missing or not a valid .qm."""
    translator = QTranslator(parent)
    if path.is_file() and translator.load(str(path)):
        return translator
    return None


def set_language(app: QCoreApplication, lang: str, settings: Settings | None = None,
                 remember: bool = True) -> list[str]:
    """Switch the interface language live; every widget gets QEvent.LanguageChange and retranslates.

    Returns a list of problems (catalogues that could not be loaded); the switch still happens with what loaded.
    """
    global _current
    code = normalise(lang)
    # Set first: widgets may retranslate synchronously inside installTranslator and ask content_language().
    _current = code
    for translator in _installed:
        app.removeTranslator(translator)
        translator.deleteLater()
    _installed.clear()
    problems: list[str] = []
    if code != DEFAULT_LANGUAGE:
        paths: list[tuple[str, Path | None]] = [(APP_CATALOGUE, app_catalogue_path(code))]
        paths += [(name, qt_catalogue_path(name, code)) for name in QT_CATALOGUES]
        for name, path in paths:
            translator = load_translator(path, app) if path else None
            if translator is None:
                problems.append(f"translation {name}_{code}.qm could not be loaded from {path or translations_dir()}")
                continue
            app.installTranslator(translator)
            _installed.append(translator)
    if remember:
        (settings or Settings()).qsettings.setValue(LANGUAGE_KEY, code)
    notifier().language_changed.emit(code)
    return problems


def saved_language(settings: Settings | None = None) -> str:
    """The language chosen last time, or English."""
    value = (settings or Settings()).qsettings.value(LANGUAGE_KEY, DEFAULT_LANGUAGE)
    return normalise(str(value or DEFAULT_LANGUAGE))


def install_saved_language(app: QCoreApplication, settings: Settings | None = None) -> list[str]:
    """Call once at start-up, after the QApplication exists: registers the font, installs the saved language."""
    register_fonts()
    return set_language(app, saved_language(settings), settings, remember=False)


_font_families: list[str] | None = None


def register_fonts() -> list[str]:
    """Register the shipped CJK font and make it the fallback for Chinese; returns its family names.

    Idempotent; needs a QGuiApplication. An empty list means the font file is missing or unreadable.
    """
    global _font_families
    if _font_families is not None:
        return _font_families
    if not isinstance(QCoreApplication.instance(), QGuiApplication):
        return []  # a headless QCoreApplication has no font database
    path = resources_dir() / "fonts" / CJK_FONT_FILE
    font_id = QFontDatabase.addApplicationFont(str(path)) if path.is_file() else -1
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if families:
        # The application font keeps its own family first and falls back to ours for glyphs it lacks;
        # substitutions cover widgets that name a family explicitly (QFont("Sans Serif") ...).
        app_font = QGuiApplication.font()
        if families[0] not in app_font.families():
            app_font.setFamilies([*(app_font.families() or [app_font.family()]), families[0]])
            QGuiApplication.setFont(app_font)
        for base in {app_font.family(), "Sans Serif", "sans-serif", "DejaVu Sans", "Helvetica", "Arial", "Segoe UI"}:
            if families[0].lower() not in [s.lower() for s in QFont.substitutes(base)]:
                QFont.insertSubstitution(base, families[0])
    _font_families = list(families)
    return _font_families

