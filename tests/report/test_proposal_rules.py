"""What must never happen again in a document sent to a customer, each read back from the generated PDF, xlsx or CSV."""

from __future__ import annotations

import csv
import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from reportlab.pdfgen.canvas import Canvas

from tests.report.proposal_docs import (link_targets, missing_glyphs, outline_targets, page_fill, page_texts,
                                        squash)
from workbench.catalog import default_catalog
from workbench.io import load_design
from workbench.model import Catalog, Design
from workbench.paths import sample_design_path, templates_dir
from workbench.report.bom_csv import write_bom_csv
from workbench.report.bom_pdf import build_bom_pdf
from workbench.report.bom_xlsx import write_bom_xlsx
from workbench.report.design_report import build_design_report
from workbench.report.options import ReportOptions
from workbench.report.bom import build_bom
from workbench.report.customer_text import INTERNAL_MARKERS
from workbench.report.fonts import register_fonts
from workbench.report.formatting import Formatter
from workbench.text.language import load_language

DATE = dt.date(2026, 11, 27)
MIN_FILL = 0.3  # a page (but the cover and the last) is filled at least this far down its body
MONEY_SYMBOLS = ("US$", "€", "£", "S$", "A$", "HK$", "JP¥", "CN¥", "¥", "₹", "₩", "AED", "SAR", "CHF", "RM",
                 "GBP", "EUR", "USD", "CNY", "SGD", "NOK")


def _design(name: str, catalog: Catalog) -> Design:
    path = sample_design_path() if name == "sample" else templates_dir() / "halls" / f"{name}.dchall.json"
    return load_design(path, catalog).design


@pytest.fixture(scope="module")
def cat() -> Catalog:
    return default_catalog()


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory, cat: Catalog) -> dict[str, Path]:
    """One set of exports: the sample (EUR) and the GBP colocation hall quoted in CNY at 7.8 with factor 1.15."""
    out = tmp_path_factory.mktemp("proposal")
    sample, colo, dc800 = _design("sample", cat), _design("colocation-mixed-density", cat), \
        _design("nextgen-800vdc-hall-20mw", cat)
    quote = dict(currency="CNY", rate=7.8, price_factor=1.15, date=DATE)
    jobs = {
        "design-zh": (build_design_report, sample, ReportOptions(lang="zh", date=DATE)),
        "bom-zh": (build_bom_pdf, sample, ReportOptions(lang="zh", date=DATE)),
        "design-zh-internal": (build_design_report, sample, ReportOptions(lang="zh", date=DATE, audience="internal")),
        "dc800-zh": (build_design_report, dc800, ReportOptions(lang="zh", date=DATE)),
        "dc800-en": (build_design_report, dc800, ReportOptions(lang="en", date=DATE)),
        "quote-design": (build_design_report, colo, ReportOptions(**quote)),  # type: ignore[arg-type]
        "quote-bom": (build_bom_pdf, colo, ReportOptions(**quote)),  # type: ignore[arg-type]
        "quote-design-internal": (build_design_report, colo, ReportOptions(audience="internal", **quote)),  # type: ignore[arg-type]
        "quote-bom-internal": (build_bom_pdf, colo, ReportOptions(audience="internal", **quote)),  # type: ignore[arg-type]
    }
    paths = {}
    for key, (fn, design, opts) in jobs.items():
        paths[key] = out / f"{key}.pdf"
        fn(design, cat, paths[key], opts)
    for audience in ("customer", "internal"):
        for ext, fn in ((".xlsx", write_bom_xlsx), (".csv", write_bom_csv)):
            paths[f"quote-{audience}{ext}"] = out / f"quote-{audience}{ext}"
            fn(colo, cat, paths[f"quote-{audience}{ext}"], ReportOptions(audience=audience, **quote))  # type: ignore[arg-type]
            paths[f"aed-{audience}{ext}"] = out / f"aed-{audience}{ext}"
            fn(sample, cat, paths[f"aed-{audience}{ext}"],
               ReportOptions(audience=audience, currency="AED", rate=3.6731, price_factor=1.137, date=DATE))
    return paths


def _text(path: Path) -> str:
    return " ".join(page_texts(path))


def _xlsx_text(path: Path) -> str:
    wb = load_workbook(path)
    return " ".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None)


# --- 1. Chinese text never falls into a font without its glyphs ---------------------------------------

@pytest.mark.parametrize("key", ["design-zh", "bom-zh", "design-zh-internal", "dc800-zh"])
def test_every_text_run_of_a_chinese_report_has_its_glyphs(docs: dict[str, Path], key: str) -> None:
    assert missing_glyphs(docs[key]) == []
    contents = squash(page_texts(docs[key])[1]) if key.startswith(("design", "dc800")) else ""
    if contents:
        assert "目录" in contents and "执行摘要" in contents  # the contents page that once was all boxes


def test_the_glyph_check_catches_chinese_in_a_latin_font(tmp_path: Path) -> None:
    register_fonts()
    bad = tmp_path / "boxes.pdf"
    c = Canvas(str(bad))
    c.setFont("WB-Sans-Bold", 12)
    c.drawString(72, 700, "目录 Contents")
    c.save()
    found = missing_glyphs(bad)
    assert found and found[0][0] == 1 and found[0][1].endswith("DejaVuSans-Bold")


# --- 2. one price basis per export, applied everywhere, stated once ------------------------------------

def test_design_report_and_bom_quote_the_same_prices(docs: dict[str, Path], cat: Catalog) -> None:
    colo = _design("colocation-mixed-density", cat)
    bom = build_bom(colo, cat, ReportOptions(currency="CNY", rate=7.8, price_factor=1.15))
    fmt = Formatter(load_language("en"), "si")
    total = fmt.money(float(bom.project_total), "CNY")
    design, bill = squash(_text(docs["quote-design"])), squash(_text(docs["quote-bom"]))
    assert squash(total) in design and squash(fmt.money(float(bom.project_total), "CNY", 2)) in bill
    for cat_name, _ in bom.by_category():
        assert squash(fmt.money(float(bom.subtotal(cat_name)), "CNY")) in design
    # The selling basis includes the factor: the same lines at factor 1 would be about 15 % lower.
    at_cost = build_bom(colo, cat, ReportOptions(currency="CNY", rate=7.8))
    assert squash(fmt.money(float(at_cost.project_total), "CNY")) not in design
    # The rate is stated once per document, in the price basis.
    for key in ("quote-design", "quote-bom"):
        assert _text(docs[key]).count("1 USD = 7.8000 CNY") == 1, key


# --- 3. one currency per document ---------------------------------------------------------------------

@pytest.mark.parametrize("key", ["quote-design", "quote-bom", "quote-design-internal", "quote-bom-internal"])
def test_every_money_figure_is_in_the_export_currency(docs: dict[str, Path], key: str) -> None:
    text = _text(docs[key]).replace("1 USD = 7.8000 CNY", "")
    text = re.sub(r"Base price \(USD\)", "", text)
    foreign = [s for s in MONEY_SYMBOLS if s not in ("CN¥", "CNY", "¥")]
    for sym in foreign:
        # a symbol or code next to a number is a money figure
        hits = re.findall(rf"(?<![A-Za-z]){re.escape(sym)}\s?[0-9]|[0-9]\s?{re.escape(sym)}(?![A-Za-z])", text)
        assert not hits, (key, sym, hits[:3])
    assert "CN¥" in text
    # the GBP design's electricity price, converted: £0.18 at 7.8 / GBP rate
    cat = default_catalog()
    fmt = Formatter(load_language("en"), "si")
    price = 0.18 / cat.fx_rates["GBP"] * 7.8
    if key.startswith("quote-design"):
        assert squash(fmt.money(price, "CNY", 3)) in squash(text)


# --- 4. the customer sees selling prices only --------------------------------------------------------

INTERNAL_WORDS = ("Price factor", "price factor", "Margin (", "Unit cost", "Base price", "Catalog price",
                  "Catalog currency", "1.150", "ai_build_premium", "allowance_installation")


@pytest.mark.parametrize("key", ["quote-design", "quote-bom", "quote-customer.xlsx", "quote-customer.csv",
                                 "design-zh", "bom-zh"])
def test_customer_exports_hold_no_cost_factor_margin_or_internal_material(docs: dict[str, Path], cat: Catalog,
                                                                           key: str) -> None:
    path = docs[key]
    text = _xlsx_text(path) if path.suffix == ".xlsx" else path.read_text("utf-8-sig") if path.suffix == ".csv" \
        else _text(path)
    for word in INTERNAL_WORDS + INTERNAL_MARKERS + ("价格系数", "毛利", "单位成本"):
        assert word not in text, (key, word)
    for param in cat.parameters:  # assumption key names are ours, not the customer's
        assert param not in text, (key, param)


@pytest.mark.parametrize("key", ["quote-design-internal", "quote-bom-internal", "quote-internal.xlsx",
                                 "quote-internal.csv"])
def test_internal_exports_show_cost_factor_and_margin(docs: dict[str, Path], key: str) -> None:
    path = docs[key]
    text = _xlsx_text(path) if path.suffix == ".xlsx" else path.read_text("utf-8-sig") if path.suffix == ".csv" \
        else _text(path)
    if key != "quote-design-internal":
        assert "Margin" in text and "Unit cost" in text
    if path.suffix != ".csv":
        assert "1.15" in text or "1.150" in text


# --- 5. the 800 V DC hall agrees with itself ----------------------------------------------------------

def test_800v_report_states_the_800v_bus_and_names_the_sidecars(docs: dict[str, Path]) -> None:
    text = _text(docs["dc800-en"])
    assert "DC bus 800 V: 96 racks" in text and "4,375" not in text and "DC bus 48 V" not in text
    assert "Power sidecar (AC to 800 V DC)" in text
    rows = re.findall(r"dc-row\d \S+ \S+", text)
    assert rows and not any(" UPS " in r + " " for r in rows)
    for name in ("Input voltage not available", "Rack input voltage mismatch", "No AC supply for mechanical loads"):
        assert name not in text  # the voltage checks find the chain consistent
    zh = squash(_text(docs["dc800-zh"]))
    assert "直流母线800V：96个机柜" in zh and "电源侧柜" in zh


# --- document quality: links, outline, page fill ------------------------------------------------------

@pytest.mark.parametrize("key", ["design-zh", "quote-design", "dc800-en"])
def test_outline_and_contents_links_resolve_to_their_headings(docs: dict[str, Path], key: str) -> None:
    pages = page_texts(docs[key])
    outline = outline_targets(docs[key])
    assert len(outline) >= 10
    for title, page in outline:
        assert squash(title)[:12] in squash(pages[page - 1]), (title, page)
    links = link_targets(docs[key], 2)
    assert links == sorted(links) and set(links) == {p for _, p in outline}
    assert len(set(links)) > 3


@pytest.mark.parametrize("key", ["design-zh", "quote-design", "quote-bom", "quote-bom-internal", "dc800-en",
                                 "design-zh-internal"])
def test_no_near_empty_pages_but_the_cover_and_the_last(docs: dict[str, Path], key: str) -> None:
    fill = page_fill(docs[key])
    inner = fill[1:-1] if key.startswith(("design", "quote-design", "dc800")) else fill[:-1]
    low = [(i + 2, round(f, 2)) for i, f in enumerate(inner) if f < MIN_FILL]
    assert not low, low


# --- BOM arithmetic at a non-round rate and factor -------------------------------------------------------

def test_bom_lines_and_totals_add_exactly_at_aed_3_6731_times_1_137(docs: dict[str, Path]) -> None:
    with docs["aed-customer.csv"].open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    head = rows[0]
    q, u, e = head.index("Quantity"), head.index("Unit price (AED)"), head.index("Extended (AED)")
    lines = [r for r in rows[1:] if r[q] and r[u]]
    assert lines
    for r in lines:
        assert Decimal(r[u]) * int(r[q]) == Decimal(r[e])
        assert Decimal(r[u]) == Decimal(r[u]).quantize(Decimal("0.01"))
    equipment = next(r for r in rows if r[0].startswith("Equipment total"))
    assert Decimal(equipment[e]) == sum(Decimal(r[e]) for r in lines)
    project = rows[-1]
    between = rows[rows.index(equipment) + 1:-1]
    assert Decimal(project[e]) == Decimal(equipment[e]) + sum(Decimal(r[e]) for r in between)
    wb = load_workbook(docs["aed-customer.xlsx"], data_only=True)  # the cached values beside the formulas
    detail = wb["Detail"]
    total = Decimal(0)
    for row in detail.iter_rows(min_row=2, values_only=True):
        if row[3] is None or row[5] is None:
            continue
        unit, ext = Decimal(str(row[5])), Decimal(str(row[6]))
        assert unit * row[3] == ext
        total += ext
    assert total == Decimal(equipment[e])


def test_internal_xlsx_prices_are_formulas_of_the_rate_and_factor_cells(docs: dict[str, Path]) -> None:
    wb = load_workbook(docs["aed-internal.xlsx"])
    summary, detail = wb["Summary"], wb["Detail"]
    labels = {str(r[0].value): r[1] for r in summary.iter_rows() if r[0].value}
    rate_cell, factor_cell = labels["Rate (AED per USD)"], labels["Price factor"]
    assert rate_cell.value == pytest.approx(3.6731) and factor_cell.value == pytest.approx(1.137)
    head = [c.value for c in detail[1]]
    cost_col, price_col = head.index("Unit cost (AED)") + 1, head.index("Unit price (AED)") + 1
    cost_formula = detail.cell(2, cost_col).value
    price_formula = detail.cell(2, price_col).value
    assert f"Summary'!{rate_cell.coordinate.replace('B', '$B$')}" in cost_formula.replace("$B", "$B")
    assert "ROUND(" in cost_formula and "ROUND(" in price_formula and "$B$" in price_formula
    # Recompute the cached values from the formulas' own inputs: they agree to the cent.
    cached = load_workbook(docs["aed-internal.xlsx"], data_only=True)["Detail"]
    base_col = head.index("Base price (USD)") + 1
    premium = load_workbook(docs["aed-internal.xlsx"], data_only=True)["Summary"]
    prem = next(r[1].value for r in premium.iter_rows() if r[0].value == "Cost premium (AI build, logistics)")
    for r in range(2, cached.max_row):
        base = cached.cell(r, base_col).value
        if base is None:
            continue
        cost = Decimal(repr(base * 3.6731 * (1 + prem))).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
        assert Decimal(str(cached.cell(r, cost_col).value)) == cost
        price = Decimal(repr(float(cost) * 1.137)).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
        assert Decimal(str(cached.cell(r, price_col).value)) == price


def test_customer_xlsx_offers_no_rate_or_factor_inputs(docs: dict[str, Path]) -> None:
    summary = load_workbook(docs["aed-customer.xlsx"])["Summary"]
    numbers = [c.value for row in summary.iter_rows() for c in row if isinstance(c.value, (int, float))]
    assert 3.6731 not in numbers and 1.137 not in numbers
    text = _xlsx_text(docs["aed-customer.xlsx"])
    assert "1 USD = 3.6731 AED" in text  # stated as the basis, not offered as an input


# --- input checks -------------------------------------------------------------------------------------

def test_unknown_currency_and_a_usd_rate_other_than_1_get_clear_messages(tmp_path: Path, cat: Catalog) -> None:
    sample = _design("sample", cat)
    with pytest.raises(ValueError, match="no exchange rate for XYZ: give one"):
        build_design_report(sample, cat, tmp_path / "a.pdf", ReportOptions(currency="XYZ"))
    with pytest.raises(ValueError, match="rate of USD is 1 by definition"):
        write_bom_csv(sample, cat, tmp_path / "a.csv", ReportOptions(currency="USD", rate=7.0))
    with pytest.raises(ValueError, match="audience must be one of customer, internal"):
        write_bom_xlsx(sample, cat, tmp_path / "a.xlsx", ReportOptions(audience="partner"))
    assert list(tmp_path.iterdir()) == []


# --- cover and tables ------------------------------------------------------------------------------------

@pytest.mark.parametrize("key", ["dc800-en", "dc800-zh", "design-zh", "quote-design"])
def test_cover_figures_and_title_never_break_inside_number_and_unit(docs: dict[str, Path], key: str) -> None:
    from pypdf import PdfReader

    lines = [ln.strip() for ln in (PdfReader(str(docs[key])).pages[0].extract_text() or "").splitlines()]
    for i, ln in enumerate(lines):
        # a line never ends with a bare number whose unit went to the next line
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if re.search(r"[0-9]$", ln):
            assert not re.match(r"^(?:V|kV|MW|kW|M|万|亿|百万|%)(?:\b|$|\s|元|美元)", nxt), (ln, nxt)
    if key.startswith("dc800"):
        assert any("800 V" in ln for ln in lines)  # the title keeps "800 V" together
    if key in ("design-zh", "dc800-zh"):
        assert any(re.search(r"[0-9.]+ ?(?:亿|万)(?:元|美元|欧元)", ln) for ln in lines)  # money in 万/亿


def test_long_tables_repeat_their_header_row(docs: dict[str, Path]) -> None:
    pages = [squash(p) for p in page_texts(docs["quote-design-internal"])]
    header = squash("Group Parameter Value Source")
    spanning = [i for i, p in enumerate(pages) if header in p]
    assert len(spanning) >= 2 and spanning == list(range(spanning[0], spanning[0] + len(spanning)))


def test_a_split_table_never_leaves_a_page_with_one_or_two_rows() -> None:
    from reportlab.lib.units import mm as _mm

    from workbench.report.styles import MIN_SPLIT_ROWS, Styles, data_table

    s = Styles(False)
    rows = [[f"row {i}", str(i)] for i in range(20)]
    table = data_table(s, ["Item", "Value"], rows, [80 * _mm, 40 * _mm], "LR")
    _, full = table.wrap(120 * _mm, 10000)
    row_h = full / 21
    for keep in range(1, 20):  # room for the header and `keep` rows
        parts = table.split(120 * _mm, row_h * (keep + 1) + 1)
        if len(parts) == 2:
            assert len(parts[0]._cellvalues) - 1 >= MIN_SPLIT_ROWS and len(parts[1]._cellvalues) - 1 >= MIN_SPLIT_ROWS
        else:
            assert keep < MIN_SPLIT_ROWS and parts == []


def test_the_bom_total_row_never_stands_alone(docs: dict[str, Path]) -> None:
    from pypdf import PdfReader

    last = PdfReader(str(docs["bom-zh"])).pages[-1].extract_text() or ""
    if "暂列项目" in last:  # the allowance table continues here: with company
        assert "暂列费用合计" in last and "设备合计" in last and "项目总投资" in last
