"""Any user text (markup-like, any script, very long) and an empty design give complete reports."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.report.conftest import pdf_text, squash
from workbench.catalog import new_design
from workbench.model import Block, Catalog, Design
from workbench.model.edits import SetSiteField
from workbench.report.bom_csv import write_bom_csv
from workbench.report.bom_pdf import build_bom_pdf
from workbench.report.bom_xlsx import write_bom_xlsx
from workbench.report.design_report import build_design_report
from workbench.report.formatting import CELL_TEXT_CHARS
from workbench.report.options import ReportOptions

NASTY = {
    "name": "<b>Hall</b> & <font name=\"x\">Co</font> <para> 数据中心 &amp; Ω",
    "customer": "A&B <script>alert(1)</script> Ltd. — Ünïcødé",
    "location": "Zürich <br/> & 上海",
    "notes": "line one <i>not italic</i>\nline two & <unclosed\n第三行：功率 100kW",
}


def _nasty(design: Design) -> Design:
    for field, value in NASTY.items():
        SetSiteField(field, value).apply(design)
    return design


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_markup_like_text_is_printed_literally(tmp_path: Path, sample: Design, catalog: Catalog, lang: str) -> None:
    design = _nasty(sample)
    first = next(iter(design.blocks.values()))
    first.name = "<RA&01>"
    out = tmp_path / "r.pdf"
    build_design_report(design, catalog, out, ReportOptions(lang=lang))
    flat = squash(pdf_text(out))
    for value in NASTY.values():
        for line in value.split("\n"):
            assert squash(line) in flat, line
    assert "&amp;amp;" not in flat and "&lt;" not in flat


def test_very_long_names_wrap_without_loss(tmp_path: Path, sample: Design, catalog: Catalog) -> None:
    long_latin = "Extremely-long-project-name-" * 30
    long_cjk = "超长客户名称测试" * 40
    SetSiteField("name", long_latin).apply(sample)
    SetSiteField("customer", long_cjk).apply(sample)
    next(iter(sample.blocks.values())).name = "X" * 400
    out = tmp_path / "r.pdf"
    build_design_report(sample, catalog, out, ReportOptions(lang="zh"))
    flat = squash(pdf_text(out))
    assert long_latin in flat and long_cjk in flat
    bom = tmp_path / "b.pdf"
    build_bom_pdf(sample, catalog, bom, ReportOptions())
    # A table cell keeps CELL_TEXT_CHARS characters and ends the rest with an ellipsis, never a layout error.
    bom_text = squash(pdf_text(bom))
    kept = long_cjk[: CELL_TEXT_CHARS - 1]
    assert kept in bom_text and long_cjk not in bom_text and "…" in bom_text


def test_empty_design_builds_every_output(tmp_path: Path, catalog: Catalog) -> None:
    design = new_design(catalog)
    for lang in ("en", "zh"):
        build_design_report(design, catalog, tmp_path / f"r-{lang}.pdf", ReportOptions(lang=lang))
        build_bom_pdf(design, catalog, tmp_path / f"b-{lang}.pdf", ReportOptions(lang=lang))
    write_bom_xlsx(design, catalog, tmp_path / "b.xlsx", ReportOptions())
    write_bom_csv(design, catalog, tmp_path / "b.csv", ReportOptions())
    assert "no IT load yet" in pdf_text(tmp_path / "r-en.pdf")
    assert load_workbook(tmp_path / "b.xlsx")["Detail"].max_row == 2
    no_halls = new_design(catalog)
    no_halls.halls = []
    build_design_report(no_halls, catalog, tmp_path / "nohall.pdf", ReportOptions())


def test_unknown_block_type_is_left_out_with_a_note(tmp_path: Path, sample: Design, catalog: Catalog) -> None:
    b = Block("vendor.not-in-catalog", x_mm=1000, y_mm=1000, hall_id=sample.halls[0].id, name="mystery")
    sample.blocks[b.id] = b
    out = tmp_path / "b.pdf"
    build_bom_pdf(sample, catalog, out, ReportOptions())
    assert "1 block(s) of types missing from the catalog" in pdf_text(out)
    build_design_report(sample, catalog, tmp_path / "r.pdf", ReportOptions())
    assert "Unknown block type" in pdf_text(tmp_path / "r.pdf")


def _images_on_cover(path: Path) -> list[str]:
    from pypdf import PdfReader

    xobjects = PdfReader(str(path)).pages[0]["/Resources"].get("/XObject")
    return [str(v.get_object().get("/Subtype")) for v in xobjects.get_object().values()] if xobjects else []


def test_logo_from_option_and_broken_design_logo(tmp_path: Path, sample: Design, catalog: Catalog) -> None:
    import zlib
    import struct

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\x0b\x4f\x71" * 40 for _ in range(20))
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 40, 20, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    logo = tmp_path / "logo.png"
    logo.write_bytes(png)
    with_logo = tmp_path / "with.pdf"
    build_design_report(sample, catalog, with_logo, ReportOptions(logo_path=str(logo)))
    without = tmp_path / "without.pdf"
    build_design_report(sample, catalog, without, ReportOptions())
    assert _images_on_cover(with_logo) == ["/Image"] and _images_on_cover(without) == []
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"not a png")
    SetSiteField("logo_path", str(bad)).apply(sample)
    build_design_report(sample, catalog, tmp_path / "bad-logo.pdf", ReportOptions())
    SetSiteField("logo_path", str(tmp_path / "missing.png")).apply(sample)
    build_design_report(sample, catalog, tmp_path / "missing-logo.pdf", ReportOptions())
