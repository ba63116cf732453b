"""Fixtures for template, module and bundle tests: the shipped templates and a scratch folder layout."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from workbench.catalog import default_catalog  # noqa: E402
from workbench.catalog.templates import TemplateSet, discover_templates  # noqa: E402
from workbench.model.blocktype import Catalog  # noqa: E402
from workbench.paths import templates_dir  # noqa: E402

SAMPLE = "ai-liquid-hall-sample.dchall.json"  # the lead's sample: no headline figures in its meta


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return default_catalog()


@pytest.fixture
def shipped() -> TemplateSet:
    return discover_templates()


def shipped_files() -> list[Path]:
    return sorted(templates_dir().rglob("*.dchall.json"))


def listing(folder: Path) -> list[tuple[str, int]]:
    """Every path under folder with its size, to prove nothing was written."""
    if not folder.exists():
        return []
    return sorted((str(p.relative_to(folder)), p.stat().st_size if p.is_file() else -1) for p in folder.rglob("*"))
