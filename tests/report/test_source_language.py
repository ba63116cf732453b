"""Source columns in a Chinese report are in Chinese: assumption, equipment and chiller sources come from the
language pack's "sources" wordings; publication, standard and product names stay as published."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

from pypdf import PdfReader

from workbench.climate.sites import builtin_sites
from workbench.model import Catalog, Design
from workbench.report.customer_text import customer_source
from workbench.report.design_report import build_design_report
from workbench.report.options import ReportOptions
from workbench.text.language import load_language

# Names that stay as published inside a Chinese wording: publications, organisations, products, licences.
KEPT_PHRASES = ("Global Electricity Review", "National Solar Radiation Database", "ASHRAE Handbook—Fundamentals",
                "Copyright (c) 2020 Alliance for Sustainable Energy, LLC", "BSD-3-Clause", "Turner & Townsend",
                "Vera Rubin", "Rubin Ultra", "Kyber", "LBNL DC Pro", "Lei-Masanet", "EnergyPlus", "ochre-nrel",
                "Uptime Tier", "Uptime", "Schneider", "NVIDIA", "Ember", "RSMeans", "pvlib", "80 PLUS")
UNITS = frozenset({"min", "bar"})  # lower-case unit symbols of three letters ("5-10 min", "2.5 bar")


def words(text: str) -> set[str]:
    """The descriptive English words of a text: without kept names, paths and unit fractions ("L/min",
    "pvlib/data/…"), abbreviations (an upper-case letter after the first: kW, LBNL, ORv3) and units."""
    for phrase in KEPT_PHRASES:
        text = text.replace(phrase, " ")
    text = re.sub(r"\S*/\S*|\S+\.(?:csv|CSV|txt)\b", " ", text)
    return {w.lower() for w in re.findall(r"[A-Za-z]{3,}", text)
            if not any(c.isupper() for c in w[1:]) and w.lower() not in UNITS}


def shown_sources(catalog: Catalog) -> list[str]:
    """Every source a customer report can show in a source column: assumptions, block types, chiller
    part-load data and connection run prices."""
    texts = [s.source for s in catalog.parameters.values()] + [t.source for t in catalog.types.values()]
    texts += [t.cooling.part_load_source for t in catalog.types.values() if t.cooling and t.cooling.part_load_source]
    assert catalog.run_prices is not None
    texts += [p.source for p in (*catalog.run_prices.power, *catalog.run_prices.liquid)]
    return [customer_source(t) for t in texts if t]


def english_words(catalog: Catalog) -> set[str]:
    found = set().union(*(words(t) for t in shown_sources(catalog)))
    # The list is the English of the sources themselves; a few words it must hold, so it cannot come out empty.
    assert {"estimate", "installed", "loss", "price", "budget", "approach", "coefficients"} <= found
    return found


def source_columns(path: Path, headers: set[str]) -> list[str]:
    """The text under each table header in `headers`, page by page, found by the x range of its column."""
    out = []
    for page in PdfReader(str(path)).pages:
        cells: dict[tuple[float, float], str] = defaultdict(str)

        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                cells[(round(x, 1), round(y, 1))] += text

        page.extract_text(visitor_text=visit)
        rows: dict[float, set[float]] = defaultdict(set)
        for x, y in cells:
            rows[y].add(x)
        for (hx, hy), text in list(cells.items()):
            # A header row of a table has at least three columns (a key-value row has two).
            if re.sub(r"\s", "", text) in headers and len(rows[hy]) >= 3:
                right = min((x for x in rows[hy] if x > hx + 1), default=1e9)
                out.append(" ".join(t for (x, y), t in cells.items() if y < hy - 1 and hx - 1 <= x < right - 1))
    return out


def test_every_source_a_customer_can_see_has_chinese_wording(catalog: Catalog) -> None:
    zh = load_language("zh")
    english = english_words(catalog)
    left = {text: words(zh.source(text)) & english for text in shown_sources(catalog)}
    assert {text: w for text, w in left.items() if w} == {}
    # Weather sources too; a licence notice is quoted as published.
    for site in builtin_sites():
        wording = zh.source(f"{site.source}; {site.licence}")
        assert "气象站" in wording and not words(wording) & english, wording


def test_english_report_keeps_the_sources_as_written(catalog: Catalog) -> None:
    en = load_language("en")
    for text in shown_sources(catalog):
        assert en.source(text) == "; ".join(c.strip() for c in text.split(";") if c.strip())


def test_chinese_report_source_columns_have_no_english_descriptions(tmp_path: Path, sample: Design,
                                                                    catalog: Catalog) -> None:
    sample.climate.weather_path = "builtin:greensboro-nc"  # the climate section's chiller table has a source column
    out = tmp_path / "zh.pdf"
    build_design_report(sample, catalog, out, ReportOptions(lang="zh", currency="CNY", date=dt.date(2026, 12, 4)))
    zh = load_language("zh")
    columns = source_columns(out, {zh.t("col.source")})
    flat = re.sub(r"\s", "", " ".join(columns))
    # The parameter table, the equipment sources and the chiller part-load table were all found.
    assert len(columns) >= 3
    for phrase in ("基础设施设备的2-4%", "尺寸、重量、价格为工程估算", "满载COP取自设备目录", "施耐德电气WP113"):
        assert phrase in flat, phrase
    left = words(" ".join(columns)) & english_words(catalog)
    assert left == set()


def test_chinese_cells_keep_ranges_and_units_whole_and_inside_the_column() -> None:
    from reportlab.lib.units import mm

    from workbench.report.cjkwrap import atoms, break_lines
    from workbench.report.styles import Styles, cell_with_note

    assert "2-4%" in atoms("基础设施设备的 2-4%")  # "2" once ended one line and "-4%" began the next
    assert "30134-2" in atoms("ISO/IEC 30134-2")
    # A value too wide for the assumptions table's value column breaks at its space, not before "²".
    assert break_lines("1,292.4 CNY/m²", 24 * mm - 8, 7.8) == ["1,292.4", "CNY/m²"]
    width = 46 * mm - 8  # the item column of the equipment sources table, less its padding
    cell = cell_with_note("冷冻水机房空调（CRAH，300 kW）", "cool.crah-300", Styles(True).cell)
    cell.wrap(width, 1000)
    # reportlab's own CJK wrapping once drew "kW）" over "300" past the column's edge.
    assert max(cell.getActualLineWidths0()) <= width
    lines = ["".join(f.text for f in line.words) for line in cell.blPara.lines]
    assert lines == ["冷冻水机房空调（CRAH，", "300\u00a0kW）", "cool.crah-300"]
