"""Template and module descriptions in the gallery follow the interface language (meta name_zh, description_zh)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QApplication

from workbench.catalog.templates import discover_templates
from workbench.ui import i18n
from workbench.ui.gallery import TemplateGallery


@pytest.mark.parametrize("kind", ["hall", "module"])
def test_every_shipped_template_reads_chinese_in_the_chinese_gallery(qapp: QApplication, qtbot, kind: str) -> None:  # type: ignore[no-untyped-def]
    found = discover_templates([])
    gallery = TemplateGallery(found, kind)
    qtbot.addWidget(gallery)
    shipped = [t for t in gallery.templates if t.folder.origin == "built-in"]
    assert shipped
    try:
        i18n.set_language(qapp, "zh_CN", remember=False)
        qtbot.waitUntil(lambda: gallery.list.item(0).text().split("\n")[0] == gallery.templates[0].name_zh)
        for row, t in enumerate(gallery.templates):
            if t not in shipped:
                continue
            gallery.list.setCurrentRow(row)
            assert t.name_zh and gallery.title.text() == t.name_zh
            text = gallery.description.text()
            assert text == t.description_zh
            # Chinese prose: English words only as product names and units (NVL72, Vera Rubin, kW, PUE ...).
            chinese = len(re.findall(r"[\u4e00-\u9fff]", text))
            latin_words = re.findall(r"[A-Za-z]{3,}", text)
            assert chinese > 40 and len(latin_words) < chinese / 8, text
    finally:
        i18n.set_language(qapp, "en", remember=False)
    qtbot.waitUntil(lambda: gallery.title.text() == gallery.templates[gallery.list.currentRow()].name)
    assert gallery.description.text().startswith(gallery.templates[gallery.list.currentRow()].description[:30])


def test_every_block_type_has_a_chinese_description_in_the_palette(qapp: QApplication, qtbot) -> None:  # type: ignore[no-untyped-def]
    from workbench.catalog import default_catalog
    from workbench.ui.docks.palette import PaletteDock  # noqa: F401 - the dock whose tooltip shows it

    catalog = default_catalog()
    for t in catalog.types.values():
        assert t.description_zh, t.id
        assert t.display_description("zh") == t.description_zh and t.display_description("en") == t.description
        assert len(re.findall(r"[\u4e00-\u9fff]", t.description_zh)) >= 10, t.id
