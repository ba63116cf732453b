"""Fixtures of the scenario tests: the catalog, and the 10 MW template without its shipped options."""

from __future__ import annotations

import pytest

from workbench.catalog import default_catalog
from workbench.io import load_design
from workbench.model import Catalog, Design
from workbench.paths import templates_dir

HALL_10MW = templates_dir() / "halls" / "nvl72-hall-10mw-2n.dchall.json"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return default_catalog()


@pytest.fixture
def design(catalog: Catalog) -> Design:
    """The 10 MW template without its shipped options, so each test starts from a design with none."""
    d = load_design(HALL_10MW, catalog).design
    d.scenarios = []
    return d
