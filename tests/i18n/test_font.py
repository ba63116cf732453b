"""Chinese renders with the shipped font: it registers, it is the fallback, and it has every glyph we use."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtGui import QFont, QFontDatabase, QRawFont
from PySide6.QtWidgets import QApplication

from workbench.paths import resources_dir
from workbench.ui import i18n

FONT = resources_dir() / "fonts" / i18n.CJK_FONT_FILE


def test_the_shipped_font_registers_with_qt(qapp: QApplication) -> None:
    families = i18n.register_fonts()
    assert families == [i18n.CJK_FONT_FAMILY]
    assert i18n.CJK_FONT_FAMILY in QFontDatabase.families()
    # The family came from our file (an application font), not only from the system.
    font_id = QFontDatabase.addApplicationFont(str(FONT))
    assert font_id >= 0 and QFontDatabase.applicationFontFamilies(font_id) == [i18n.CJK_FONT_FAMILY]
    QFontDatabase.removeApplicationFont(font_id)


def test_the_application_font_falls_back_to_it(qapp: QApplication) -> None:
    i18n.register_fonts()
    assert i18n.CJK_FONT_FAMILY in QApplication.font().families()
    assert i18n.CJK_FONT_FAMILY.lower() in [s.lower() for s in QFont.substitutes("Sans Serif")]


def test_every_chinese_character_of_the_interface_has_a_glyph() -> None:
    raw = QRawFont(str(FONT), 12.0)
    assert raw.isValid()
    text = "".join(t.text or "" for t in ET.parse(resources_dir() / "translations" / "workbench_zh_CN.ts").iter()
                   if t.tag in ("translation", "numerusform"))
    text += "".join(i18n.LANGUAGES.values())
    missing = sorted({ch for ch in text if ord(ch) > 0x2E80 and not raw.supportsCharacter(ord(ch))})
    assert not missing, f"no glyph in {FONT.name} for: {''.join(missing)}"
