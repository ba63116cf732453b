"""The design report PDF: numbers equal the calculation, fonts are embedded, both languages complete."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.report.conftest import REPORT_DATE, pdf_text, squash
from workbench.calc import calculate
from workbench.model import Catalog, Design
from workbench.report.design_report import build_design_report
from workbench.report.options import ReportOptions
from workbench.report.bom import build_bom
from workbench.report.formatting import Formatter
from workbench.text.language import load_language


def _fonts(reader: PdfReader) -> list[tuple[str, object]]:
    """(name, FontDescriptor or None) of every font used on every page, including descendant CID fonts."""
    found = []
    for page in reader.pages:
        res = page.get("/Resources")
        fonts = res.get_object().get("/Font") if res else None
        for _, ref in (fonts.get_object().items() if fonts else []):
            font = ref.get_object()
            for f in [font] + [d.get_object() for d in font.get("/DescendantFonts", [])]:
                desc = f.get("/FontDescriptor")
                if f.get("/Subtype") == "/Type0":
                    continue
                found.append((str(f.get("/BaseFont")), desc.get_object() if desc else None))
    return found


@pytest.mark.parametrize("key", ["design-en", "design-zh", "bom-en", "bom-zh"])
def test_every_font_is_embedded(built: dict[str, Path], key: str) -> None:
    fonts = _fonts(PdfReader(str(built[key])))
    assert fonts
    for name, desc in fonts:
        assert desc is not None, f"{name} has no font descriptor (a base-14 font?)"
        assert "/FontFile2" in desc or "/FontFile3" in desc, f"{name} is not embedded"
        assert "Helvetica" not in name and "Times" not in name


def test_english_report_numbers_equal_the_calculation(built: dict[str, Path], sample: Design,
                                                      catalog: Catalog) -> None:
    r = calculate(sample, catalog)
    fmt = Formatter(load_language("en"), "si")
    text = pdf_text(built["design-en"])
    flat = squash(text)
    assert "Capacity" in text and "Executive summary" in text and "Assumptions and methodology" in text
    assert f"PUE, annualised at 100 % IT load {fmt.pue(r.pue)}" in text
    assert fmt.pue(r.pue_peak) in text and fmt.pue(r.pue_at_load) in text
    assert f"Racks in total {r.space['rack_count']}" in text
    bom = build_bom(sample, catalog, ReportOptions())
    assert squash(fmt.money(float(bom.project_total), bom.currency)) in flat
    assert squash(fmt.qty("power", r.it_load_kw, 0)) in flat
    assert squash(fmt.qty("energy", r.energy["annual_facility_mwh"], 0)) in flat
    for e in r.power["systems"]:
        assert squash(f"{fmt.num(e['installed_kw'])}{fmt.num(e['usable_kw'])}{fmt.num(e['load_kw'])}"
                      f"{fmt.pct(e['utilisation'])}") in flat
    assert "Page 2 of" in text
    assert fmt.date(REPORT_DATE) == "27 November 2026" and "27 November 2026" in text


def test_every_parameter_and_formula_is_in_the_methodology(built: dict[str, Path], catalog: Catalog,
                                                          sample: Design, tmp_path: Path) -> None:
    """The customer reads every parameter by its label with its source (no key names, no in-house tags);
    the internal report adds the keys."""
    from workbench.report.customer_text import customer_source

    flat = squash(pdf_text(built["design-en"]))
    for key, spec in catalog.parameters.items():
        assert squash(spec.label["en"])[:30] in flat, key
        assert squash(customer_source(spec.source))[:30] in flat, key
        assert key not in flat, key
    for formula in ("Q=P_liquid/(ρ·c_p·ΔT)", "PUE=1+Σ(pPUE_i−1)", "WP113"):
        assert formula in flat
    internal = tmp_path / "internal.pdf"
    build_design_report(sample, catalog, internal, ReportOptions(audience="internal", date=REPORT_DATE))
    flat = squash(pdf_text(internal))
    for key in catalog.parameters:
        assert squash(key) in flat, key


def test_chinese_report_has_chinese_labels_and_block_names(built: dict[str, Path], sample: Design,
                                                           catalog: Catalog) -> None:
    zh = load_language("zh")
    flat = squash(pdf_text(built["design-zh"]))
    for key in ("capacity.title", "pue.title", "summary.title", "method.title", "equipment.schedule", "toc.title"):
        assert squash(zh.t(key)) in flat, key
    gb200 = catalog.types["rack.gb200-nvl72"].name["zh"]
    assert squash(gb200) in flat
    r = calculate(sample, catalog)
    fmt = Formatter(zh, "si")
    assert fmt.pue(r.pue) in flat
    assert "2026年11月27日" in flat
    bom = build_bom(sample, catalog, ReportOptions(lang="zh"))
    assert squash(fmt.money(float(bom.project_total), bom.currency)) in flat


def test_imperial_units_and_fixed_scale_tiles(tmp_path: Path, sample: Design, catalog: Catalog) -> None:
    fit = tmp_path / "fit.pdf"
    tiled = tmp_path / "tiled.pdf"
    build_design_report(sample, catalog, fit, ReportOptions(units="imperial"))
    build_design_report(sample, catalog, tiled, ReportOptions(units="imperial", scale="100"))
    text = pdf_text(fit)
    assert "ft²" in text and "CFM" in text and "gpm" in text and "lb/ft²" in text
    assert len(PdfReader(str(tiled)).pages) > len(PdfReader(str(fit)).pages)
    assert "sheet 2 of" in pdf_text(tiled)


def test_currency_conversion_in_the_design_report(tmp_path: Path, sample: Design, catalog: Catalog) -> None:
    out = tmp_path / "cny.pdf"
    build_design_report(sample, catalog, out, ReportOptions(currency="CNY", rate=7.0))
    fmt = Formatter(load_language("en"), "si")
    bom = build_bom(sample, catalog, ReportOptions(currency="CNY", rate=7.0))
    assert squash(fmt.money(float(bom.project_total), "CNY")) in squash(pdf_text(out))


def test_bad_options_raise_and_leave_the_old_file(tmp_path: Path, sample: Design, catalog: Catalog) -> None:
    out = tmp_path / "r.pdf"
    out.write_bytes(b"old")
    with pytest.raises(ValueError, match="language"):
        build_design_report(sample, catalog, out, ReportOptions(lang="xx"))
    with pytest.raises(ValueError, match="exchange rate"):
        build_design_report(sample, catalog, out, ReportOptions(currency="XYZ"))
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]
