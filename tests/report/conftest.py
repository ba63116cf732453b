"""Fixtures for report tests: the sample design, its results, and report PDFs built once per session."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from workbench.catalog import default_catalog
from workbench.io import load_design
from workbench.model import Catalog, Design
from workbench.paths import sample_design_path
from workbench.report.bom_pdf import build_bom_pdf
from workbench.report.design_report import build_design_report
from workbench.report.options import ReportOptions

REPORT_DATE = dt.date(2026, 11, 27)


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return default_catalog()


@pytest.fixture
def sample(catalog: Catalog) -> Design:
    return load_design(sample_design_path(), catalog).design


def pdf_text(path: Path) -> str:
    """All page text with runs of whitespace (including no-break spaces) collapsed to one space."""
    reader = PdfReader(str(path))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return re.sub(r"[\s\u00a0]+", " ", text)


def squash(text: str) -> str:
    """Text without any whitespace, for strings a line break may split (CJK text, wrapped cells)."""
    return re.sub(r"[\s\u00a0]+", "", text)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample's design report in English and Chinese and its BOM PDF, built once."""
    catalog = default_catalog()
    design = load_design(sample_design_path(), catalog).design
    out = tmp_path_factory.mktemp("reports")
    paths = {}
    for lang in ("en", "zh"):
        paths[f"design-{lang}"] = out / f"design-{lang}.pdf"
        build_design_report(design, catalog, paths[f"design-{lang}"], ReportOptions(lang=lang, date=REPORT_DATE))
        paths[f"bom-{lang}"] = out / f"bom-{lang}.pdf"
        build_bom_pdf(design, catalog, paths[f"bom-{lang}"], ReportOptions(lang=lang, date=REPORT_DATE))
    return paths
