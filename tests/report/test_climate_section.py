"""The report's climate section, read back from real PDFs in English and Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from workbench.calc import calculate
from workbench.catalog import default_catalog
from workbench.climate.sites import year_or_none
from workbench.io import load_design
from workbench.paths import sample_design_path
from workbench.report.design_report import build_design_report
from workbench.report.options import ReportOptions


def _text(path: Path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(str(path)).pages)


@pytest.mark.parametrize("lang, title, words", [
    ("en", "Site climate and the hourly year", ("Design conditions", "Hours in each cooling mode", "ISO/IEC 30134-2",
                                               "NREL TMY3 station 723170", "Chiller part-load performance")),
    ("zh", "站点气候与逐时全年计算", ("设计工况", "各冷却模式的小时数", "ISO/IEC 30134-2", "723170")),
])
def test_climate_pages_say_what_the_year_gave(tmp_path: Path, lang: str, title: str, words: tuple[str, ...]) -> None:
    catalog = default_catalog()
    design = load_design(sample_design_path(), catalog).design
    design.climate.weather_path = "builtin:greensboro-nc"
    out = tmp_path / f"r-{lang}.pdf"
    build_design_report(design, catalog, out, ReportOptions(lang=lang))
    text = _text(out)
    assert title in text
    for w in words:
        assert w in text
    r = calculate(design, catalog, weather=year_or_none("builtin:greensboro-nc"))
    assert r.annual is not None
    # The month table and the year's figures carry the calculation's numbers.
    for pue in (r.annual.pue, r.annual.monthly_pue[6], r.annual.worst_hour_pue):
        assert f"{pue:.3f}" in text
    air = {lp.name: lp for lp in r.annual.loops}["air"]
    assert f"{air.hours_free:,}" in text and f"{air.hours_mechanical:,}" in text


def test_no_weather_file_no_climate_pages(tmp_path: Path) -> None:
    catalog = default_catalog()
    design = load_design(sample_design_path(), catalog).design
    out = tmp_path / "r.pdf"
    build_design_report(design, catalog, out, ReportOptions(lang="en"))
    assert "Site climate and the hourly year" not in _text(out)
