"""The report's plant pages: vector single-line diagram, cooling schematic and N-1 summary, in English and Chinese."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.report.conftest import REPORT_DATE, squash
from workbench.calc.autoconnect_rules import derive_connections
from workbench.calc.contingency import contingency
from workbench.catalog import default_catalog
from workbench.io import load_design
from workbench.model import Catalog, Design
from workbench.paths import sample_design_path
from workbench.report.design_report import build_design_report
from workbench.report.options import ReportOptions

TITLES = {"en": ("Single-line diagram", "Cooling schematic", "N-1 contingency summary", "Single points of failure",
                 "Concurrently maintainable", "Fault tolerant", "not an Uptime Institute certification"),
          "zh": ("单线图", "冷却原理图", "N-1故障分析摘要", "单点故障", "可同时维护", "容错", "并非UptimeInstitute认证")}


def _wired(catalog: Catalog) -> Design:
    design = load_design(sample_design_path(), catalog).design
    design.connections.clear()
    for c in derive_connections(design, catalog).connections:
        design.connections[c.id] = c
    return design


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> tuple[Design, Catalog, dict[str, Path]]:
    catalog = default_catalog()
    design = _wired(catalog)
    out = tmp_path_factory.mktemp("plant-reports")
    paths = {}
    for lang in ("en", "zh"):
        paths[lang] = out / f"plant-{lang}.pdf"
        build_design_report(design, catalog, paths[lang], ReportOptions(lang=lang, date=REPORT_DATE))
    return design, catalog, paths


def _pages(path: Path) -> list[str]:
    return [squash(p.extract_text() or "") for p in PdfReader(str(path)).pages]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_plant_pages_are_present_in_both_languages(reports, lang: str) -> None:  # type: ignore[no-untyped-def]
    design, catalog, paths = reports
    pages = _pages(paths[lang])
    text = "".join(pages)
    for title in TITLES[lang]:
        assert squash(title) in text, title
    # The diagram pages name every device of the power chain and are drawn as vectors, not pictures.
    level = {"en": "Distribution", "zh": "配电"}[lang]
    sld = [i for i, p in enumerate(pages) if squash(TITLES[lang][0]) in p and level in p]  # not the contents
    assert sld
    reader = PdfReader(str(paths[lang]))
    sld_text = "".join(pages[i] for i in sld)
    for b in design.blocks.values():
        t = catalog.get(b.type_id)
        if t is not None and t.kind in ("ups", "pdu", "transformer", "mv-switchgear"):
            assert squash(b.name) in sld_text, b.name
    for i in sld:
        assert not reader.pages[i].images  # vectors: no embedded bitmap
    assert "kW" in sld_text and "N+1" in sld_text  # ratings, loads and redundancy labels


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_n1_summary_states_the_calculated_spofs_and_verdicts(reports, lang: str) -> None:  # type: ignore[no-untyped-def]
    design, catalog, paths = reports
    r = contingency(design, catalog)
    assert r.spofs  # the sample's single MV switchgear (scheme N) darkens everything
    text = "".join(_pages(paths[lang]))
    start = text.rindex(squash(TITLES[lang][2]))  # the section, not its contents line
    summary = text[start:start + 3000]
    for s in r.spofs:
        name = design.blocks[s.block_id].name
        assert squash(name) in summary
        assert f"{round(s.it_kw_lost):,}" in summary
    verdict = {"en": ("Holds", "Doesnothold"), "zh": ("满足", "不满足")}[lang]
    word = verdict[0] if r.concurrently_maintainable.holds else verdict[1]
    assert word in summary
    assert re.search(r"\d", summary)


def test_no_connections_means_no_plant_pages(tmp_path: Path) -> None:
    catalog = default_catalog()
    design = load_design(sample_design_path(), catalog).design
    design.connections.clear()
    out = tmp_path / "plain.pdf"
    build_design_report(design, catalog, out, ReportOptions(lang="en", date=REPORT_DATE))
    assert "Single-line diagram" not in "".join(_pages(out))
