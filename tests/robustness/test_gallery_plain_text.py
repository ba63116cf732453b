"""Template text in the gallery is shown as written: no rich text, no image loaded from a description."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from workbench.paths import sample_design_path

pytestmark = pytest.mark.needs_qt


def test_description_with_markup_and_an_image_is_plain_text(qtbot: QtBot, tmp_path: Path) -> None:
    from workbench.catalog.templates import discover_templates
    from workbench.ui.gallery import TemplateGallery

    picture = tmp_path / "spy.png"
    image = QImage(200, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    image.save(str(picture))
    folder = tmp_path / "shared"
    folder.mkdir()
    doc = json.loads(sample_design_path().read_text("utf-8"))
    markup = f'<img src="{picture}"><b>bold</b> &amp; <a href="x">link</a>'
    doc["description"] = markup
    doc["meta"] = {**doc.get("meta", {}), "name": "Markup <i>hall</i>", "author": "<b>eve</b>", "kind": "hall"}
    (folder / "markup.dchall.json").write_text(json.dumps(doc), "utf-8")
    found = discover_templates(shared=[folder])
    dlg = TemplateGallery(found, "hall")
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.select_name("Markup <i>hall</i>")
    for label in (dlg.description, dlg.title, dlg.meta["author"][1]):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert dlg.description.text() == markup and dlg.title.text() == "Markup <i>hall</i>"
    shot = dlg.description.grab().toImage()
    reds = sum(1 for x in range(0, shot.width(), 4) for y in range(0, shot.height(), 4)
               if QColor(shot.pixel(x, y)) == QColor("red"))
    assert reds == 0  # the picture was not drawn
