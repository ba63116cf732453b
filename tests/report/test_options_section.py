"""The design report's options comparison, read back from the PDF in English and Chinese."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from workbench.catalog import default_catalog
from workbench.io import load_design, save_design
from workbench.model.edits import RemoveBlocks, SetAssumption, SetSiteField
from workbench.paths import templates_dir
from workbench.scenarios import operations as ops
from workbench.scenarios.compare import compare


@pytest.fixture(scope="module")
def options_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    catalog = default_catalog()
    design = load_design(templates_dir() / "halls" / "nvl72-hall-10mw-2n.dchall.json", catalog).design
    for shipped in list(design.scenarios):  # the template's own options; these tests bring theirs
        ops.delete(design, shipped.id).apply(design)
    ops.create(design, "Dear power").apply(design)
    SetSiteField("electricity_price_per_kwh", 0.21).apply(design)
    SetAssumption("grid_co2_kg_per_kwh", 0.35).apply(design)
    ops.switch(design, "").apply(design)
    ops.create(design, "Fewer UPS").apply(design)
    RemoveBlocks([b.id for b in design.blocks.values() if b.type_id.startswith("pwr.ups")][:2]).apply(design)
    ops.switch(design, "").apply(design)
    path = tmp_path_factory.mktemp("opts") / "options.dchall.json"
    save_design(design, path)
    return path


def _report(path: Path, out: Path, *extra: str) -> str:
    p = subprocess.run([sys.executable, "-m", "workbench", "report", str(path), "-o", str(out), *extra],
                       capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    return "\n".join(page.extract_text() for page in PdfReader(str(out)).pages)


def _compact(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_the_report_compares_the_options_with_figures_that_match_the_calculation(options_file: Path, tmp_path: Path) -> None:
    text = _compact(_report(options_file, tmp_path / "en.pdf"))
    assert "Options compared" in text and "Key differences" in text
    design = load_design(options_file, default_catalog()).design
    c = compare(design, default_catalog(), ["Base", "Dear power", "Fewer UPS"])
    base, dear, fewer = c.options
    # Sentences quote the figures they are built from.
    more = round(dear.economics.tco - base.economics.tco)
    assert f"Dear power against Base design: costs US${more:,} more over 10 years" in text
    less_capex = round(base.economics.capex - fewer.economics.capex)
    assert f"Fewer UPS against Base design: costs US${less_capex:,} less to build" in text
    assert f"US${round(dear.economics.tco):,}" in text  # the table's TCO cell


def test_the_user_picks_which_options_go_in(options_file: Path, tmp_path: Path) -> None:
    text = _compact(_report(options_file, tmp_path / "two.pdf", "--scenarios", "Base,Fewer UPS"))
    assert "Options compared" in text and "Dear power" not in text
    none = _compact(_report(options_file, tmp_path / "none.pdf", "--scenarios", "none"))
    assert "Options compared" not in none
    bad = subprocess.run([sys.executable, "-m", "workbench", "report", str(options_file), "-o", str(tmp_path / "x.pdf"),
                          "--scenarios", "Base,Mars"], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "Mars" in bad.stderr and not (tmp_path / "x.pdf").exists()


def test_chinese_options_section(options_file: Path, tmp_path: Path) -> None:
    text = _compact(_report(options_file, tmp_path / "zh.pdf", "--lang", "zh"))
    assert "方案比较" in text and "主要差异" in text and "基准方案" in text
    assert "Options compared" not in text and "Key differences" not in text


def test_one_workbook_with_a_sheet_per_option_and_a_comparison(options_file: Path, tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "options.xlsx"
    p = subprocess.run([sys.executable, "-m", "workbench", "bom", str(options_file), "-o", str(out), "--scenarios",
                        "all", "--margin", "1.1"], capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    formulas = openpyxl.load_workbook(out)
    values = openpyxl.load_workbook(out, data_only=True)
    assert formulas.sheetnames == ["Options compared", "Base design", "Dear power", "Fewer UPS"]
    cmp_f, cmp_v = formulas["Options compared"], values["Options compared"]
    labels = [cmp_v.cell(r, 1).value for r in range(1, cmp_v.max_row + 1)]
    capex_row = labels.index("CAPEX, total equipment (USD)") + 1
    total_row = cmp_v.max_row
    for col, sheet in enumerate(formulas.sheetnames[1:], start=2):
        # The comparison's equipment total is a formula pointing at the option's own sheet ...
        assert cmp_f.cell(total_row, col).value == f"='{sheet}'!F{values[sheet].max_row}"
        # ... whose lines add up to it, at the selling prices (margin 1.1) the CAPEX row also uses.
        lines = [values[sheet].cell(r, 6).value for r in range(2, values[sheet].max_row)]
        assert sum(lines) == pytest.approx(values[sheet].cell(values[sheet].max_row, 6).value)
        assert cmp_v.cell(capex_row, col).value == pytest.approx(cmp_v.cell(total_row, col).value, rel=1e-9)
    csv = subprocess.run([sys.executable, "-m", "workbench", "bom", str(options_file), "-o", str(tmp_path / "x.csv"),
                          "--scenarios", "all"], capture_output=True, text=True, timeout=120)
    assert csv.returncode == 2 and ".xlsx" in csv.stderr
