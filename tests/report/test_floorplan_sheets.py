"""Floor plan sheets read back: A3 for large halls, legends of what is drawn, every name shown or listed, dimensions in frame."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from tests.report.proposal_docs import squash
from workbench.catalog import default_catalog
from workbench.io import load_design
from workbench.model import Catalog, Design
from workbench.paths import sample_design_path, templates_dir
from workbench.report.design_report import build_design_report
from workbench.report.floorplan import abbreviate
from workbench.report.options import ReportOptions


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Design, Catalog]]:
    cat = default_catalog()
    out = tmp_path_factory.mktemp("plans")
    found = {}
    for key, path, opts in (
            ("dc800", templates_dir() / "halls" / "nextgen-800vdc-hall-20mw.dchall.json", ReportOptions()),
            ("dc800-a4", templates_dir() / "halls" / "nextgen-800vdc-hall-20mw.dchall.json",
             ReportOptions(plan_paper="A4")),
            ("sample", sample_design_path(), ReportOptions())):
        design = load_design(path, cat).design
        pdf = out / f"{key}.pdf"
        build_design_report(design, cat, pdf, opts)
        found[key] = (pdf, design, cat)
    return found


def _plan_pages(pdf: Path) -> list[tuple[int, object]]:
    reader = PdfReader(str(pdf))
    return [(i, p) for i, p in enumerate(reader.pages) if p.mediabox.width > p.mediabox.height
            and "Floor plan" in (p.extract_text() or "")]


def test_large_halls_get_a3_unless_a4_is_asked_for(built: dict) -> None:
    a3 = _plan_pages(built["dc800"][0])
    assert a3 and all(round(float(p.mediabox.width)) == 1191 for _, p in a3)
    assert all("on A3" in (p.extract_text() or "") for _, p in a3)
    a4 = _plan_pages(built["dc800-a4"][0])
    assert a4 and all(round(float(p.mediabox.width)) == 842 for _, p in a4)
    small = _plan_pages(built["sample"][0])  # a 2 MW hall fits A4 at 1:200 or better
    assert small and all(round(float(p.mediabox.width)) == 842 for _, p in small)


def test_legends_list_only_what_is_drawn(built: dict) -> None:
    pdf, design, cat = built["dc800"]
    for (_, page), hall in zip(_plan_pages(pdf), design.halls):
        text = page.extract_text() or ""
        assert ("Column" in text) == bool(hall.columns), hall.name
        assert ("Door" in text) == bool(hall.doors), hall.name
        racks = any(cat.types[b.type_id].is_rack for b in design.blocks.values() if b.hall_id == hall.id)
        assert ("Cold aisle" in text) == racks, hall.name  # service zones come with the racks here


def test_every_block_name_is_shown_shortened_or_listed(built: dict) -> None:
    pdf, design, cat = built["dc800"]
    for (_, page), hall in zip(_plan_pages(pdf), design.halls):
        flat = squash(page.extract_text() or "")
        for b in design.blocks.values():
            if b.hall_id != hall.id or not b.name:
                continue
            assert squash(b.name) in flat or squash(abbreviate(b.name)) in flat, b.name


def test_dimension_text_stays_inside_the_frame(built: dict) -> None:
    pdf, design, _ = built["sample"]
    for _, page in _plan_pages(pdf):
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        spots: list[tuple[float, float, str]] = []

        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
            if text.strip().endswith(" m") and text.strip()[0].isdigit():
                x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
                y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
                spots.append((x, y, text))
        page.extract_text(visitor_text=visit)
        assert spots
        for x, y, text in spots:
            assert 18 * mm - 1 <= x <= w - 18 * mm + 1 and 18 * mm - 1 <= y <= h - 18 * mm + 1, (text, x, y)
