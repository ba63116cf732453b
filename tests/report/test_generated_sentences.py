"""Generated sentences say what the data says: each is read back from the PDF and checked against its figures."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from tests.report.proposal_docs import page_texts, squash
from workbench.calc import calculate
from workbench.catalog import default_catalog
from workbench.io import load_design
from workbench.model import Catalog
from workbench.paths import sample_design_path, templates_dir
from workbench.report.design_report import build_design_report
from workbench.report.formatting import Formatter
from workbench.report.options import ReportOptions
from workbench.text.language import load_language

DATE = dt.date(2026, 11, 27)


@pytest.fixture(scope="module")
def cat() -> Catalog:
    return default_catalog()


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory, cat: Catalog) -> dict[str, tuple[Path, object]]:
    out = tmp_path_factory.mktemp("sentences")
    found = {}
    for key, path, lang in (("sample", sample_design_path(), "en"), ("sample-zh", sample_design_path(), "zh"),
                            ("dc800", templates_dir() / "halls" / "nextgen-800vdc-hall-20mw.dchall.json", "en"),
                            ("colo", templates_dir() / "halls" / "colocation-mixed-density.dchall.json", "en"),
                            ("colo-zh", templates_dir() / "halls" / "colocation-mixed-density.dchall.json", "zh")):
        design = load_design(path, cat).design
        pdf = out / f"{key}.pdf"
        build_design_report(design, cat, pdf, ReportOptions(lang=lang, date=DATE))
        found[key] = (pdf, design)
    return found


def _text(path: Path) -> str:
    return " ".join(page_texts(path))


def _n(text: str) -> str:
    """As page_texts gives text: any run of spaces (no-break ones too) as one space."""
    return re.sub(r"[\s\u00a0]+", " ", text)


@pytest.mark.parametrize("key", ["sample", "dc800", "colo"])
def test_liquid_share_is_of_the_it_heat(reports: dict, cat: Catalog, key: str) -> None:
    pdf, design = reports[key]
    r = calculate(design, cat)
    fmt = Formatter(load_language("en"), "si")
    share = r.cooling["liquid_heat_kw"] / r.it_load_kw
    assert _n(f"Liquid cooling removes {fmt.pct(share, 1)} of the IT heat") in _text(pdf)


@pytest.mark.parametrize("key", ["sample", "dc800", "colo"])
def test_kw_per_compute_rack_is_the_compute_racks_average(reports: dict, cat: Catalog, key: str) -> None:
    pdf, design = reports[key]
    kws = [cat.types[b.type_id].rack.it_kw for b in design.blocks.values()
           if cat.types[b.type_id].category == "compute"]
    fmt = Formatter(load_language("en"), "si")
    assert _n(f"an average of {fmt.qty('power', sum(kws) / len(kws), 1)} per compute rack") in _text(pdf)


def test_the_800v_racks_average_their_rating(reports: dict) -> None:
    assert "an average of 210.0 kW per compute rack" in _text(reports["dc800"][0])


@pytest.mark.parametrize("key", ["sample", "colo"])
def test_partial_pues_are_labelled_at_the_load_they_add_up_to(reports: dict, cat: Catalog, key: str) -> None:
    pdf, design = reports[key]
    r = calculate(design, cat)
    text = _text(pdf)
    fmt = Formatter(load_language("en"), "si")
    load = fmt.pct(r.load_fraction)
    for name, value in r.ppue.items():
        label = {"power": "power", "cooling": "cooling", "lighting_misc": "lighting and other"}[name]
        assert _n(f"Partial PUE, {label} (at {load} IT load) {fmt.pue(value)}") in text
    total = 1 + sum(v - 1 for v in r.ppue.values())
    assert total == pytest.approx(r.pue_at_load, abs=5e-4)
    assert _n(f"add up to the PUE at {load} IT load: 1 + Σ(pPUE − 1) = {fmt.pue(total)}") in text


@pytest.mark.parametrize("key", ["sample", "dc800", "colo"])
def test_counts_agree_in_number_and_halls_are_the_it_halls(reports: dict, cat: Catalog, key: str) -> None:
    pdf, design = reports[key]
    text = _text(pdf)
    assert "(s)" not in text
    r = calculate(design, cat)
    it_halls = sum(1 for h in r.space["halls"] if h["it_kw"] > 0)
    word = "hall" if it_halls == 1 else "halls"
    assert f"across {it_halls} {word} with" in text
    errors = sum(1 for c in r.checks if c.severity == "error")
    if errors:
        assert f"report {errors} {'error' if errors == 1 else 'errors'} and" in text


def test_no_chillers_running_in_a_design_without_chillers(reports: dict, cat: Catalog) -> None:
    pdf, design = reports["dc800"]
    assert not any(cat.types[b.type_id].kind == "chiller" for b in design.blocks.values())
    text = _text(pdf)
    assert "chillers running" not in text and "this design has no chillers" in text
    sample_pdf, sample = reports["sample"]
    assert any(cat.types[b.type_id].kind == "chiller" for b in sample.blocks.values())
    assert "chillers running" in _text(sample_pdf)


def test_facility_capex_per_mw_sits_beside_the_total(reports: dict) -> None:
    text = _text(reports["sample"][0])
    total = re.search(r"Project CAPEX per MW of IT (€[\d,]+)", text)
    facility = re.search(r"Facility CAPEX per MW of IT \(without IT equipment\) (€[\d,]+)", text)
    assert total and facility
    assert int(facility.group(1)[1:].replace(",", "")) < int(total.group(1)[1:].replace(",", ""))


@pytest.mark.parametrize("key", ["sample-zh", "colo-zh"])
def test_chinese_typesetting(reports: dict, key: str) -> None:
    """GB/T 15835: a space between number and unit; no line starts with a comma or a full stop."""
    pdf = reports[key][0]
    from pypdf import PdfReader

    for page in PdfReader(str(pdf)).pages:
        if page.mediabox.width > page.mediabox.height:
            continue  # plan and diagram sheets: labels, not running text
        for line in (page.extract_text(extraction_mode="layout") or "").splitlines():
            assert not line.lstrip().startswith(("，", "。", "、", "；", "：", "）")), line
    text = _text(pdf)
    assert not re.findall(r"[0-9](?:kW|MW|MWh|kVA|m²|m³/h)(?![A-Za-z])", text)
    flat = squash(text)
    for english in ("rough order of magnitude", "Converted from US dollars", "Price basis", "Allowance"):
        assert squash(english) not in flat, english
    for term in ("自然冷却", "负载率", "封闭通道"):
        assert term in flat or term == "封闭通道", term
    assert "节能器" not in flat and "利用率" not in flat and "建筑结构" not in flat


def test_imperial_everywhere(tmp_path: Path, cat: Catalog) -> None:
    """°F, gallons, feet and inches, W/ft² in an imperial report; the SI units of those figures are gone."""
    design = load_design(sample_design_path(), cat).design
    pdf = tmp_path / "imperial.pdf"
    build_design_report(design, cat, pdf, ReportOptions(units="imperial", date=DATE))
    text = _text(pdf)
    r = calculate(design, cat)
    fmt = Formatter(load_language("en"), "imperial")
    assert _n(fmt.qty("water", r.energy["annual_water_m3"], 0)).endswith("gal") and \
        _n(fmt.qty("water", r.energy["annual_water_m3"], 0)) in text
    # (the published sources quoted in the methodology keep their own units)
    assert "Density W/ft²" in text and "Density kW/m²" not in text
    assert _n(f"Water usage effectiveness (WUE) {fmt.qty('water_per_energy', r.energy['wue_l_per_kwh'], 2)}") in text
    supply = design.assumptions.values.get("facility_water_supply_c", cat.parameters["facility_water_supply_c"].default)
    assert _n(fmt.temp(supply)) in text and "°F" in text
    assert re.search(r"\d+ ft \d+ in", text)  # plan dimensions in feet and inches
    assert "W × D × H (in)" in text
    assert _n(fmt.qty("coolant", r.cooling["coolant_lpm"], 0)) in text and "gpm" in text


def test_battery_ride_through_is_in_the_pdf(tmp_path: Path, cat: Catalog) -> None:
    from workbench.report.sections_capacity import ride_through

    design = load_design(templates_dir() / "halls" / "enterprise-air-hall-2mw.dchall.json", cat).design
    r = calculate(design, cat)
    rides = [(e, ride_through(e)) for e in r.power["systems"] if ride_through(e)]
    assert rides
    pdf = tmp_path / "ride.pdf"
    build_design_report(design, cat, pdf, ReportOptions(date=DATE))
    text = _text(pdf)
    fmt = Formatter(load_language("en"), "si")
    for e, minutes in rides:
        assert _n(f"{fmt.num(minutes, 1)} min at its design load of {fmt.qty('power', e['load_kw'], 0)}") in text
    assert _n(f"Battery ride-through at design load (shortest) {fmt.num(min(m for _, m in rides), 1)} min") in text


def test_misc_load_is_stated_for_the_site_as_the_calculation_counts_it(tmp_path: Path, cat: Catalog) -> None:
    """The misc load is counted once for the site; the report must not call it a per-hall figure."""
    from workbench.model.design import Block, Hall
    from workbench.catalog import new_design

    d = new_design(cat)
    d.halls = [Hall(id=f"h{i}", name=f"Hall {i}", outline=[(0, 0), (10000, 0), (10000, 8000), (0, 8000)])
               for i in range(4)]
    b = Block(type_id="rack.air-20kw", x_mm=3000, y_mm=3000, hall_id="h0", name="R1")
    d.blocks[b.id] = b
    r = calculate(d, cat)
    assert r.overhead_kw["misc"] == pytest.approx(d.assumptions.values.get("misc_kw", 20.0))
    pdf = tmp_path / "tiny.pdf"
    build_design_report(d, cat, pdf, ReportOptions(date=DATE))
    text = _text(pdf)
    assert "per hall" not in text and "across 1 hall with" in text
