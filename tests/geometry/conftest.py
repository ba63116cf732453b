"""Fixtures for geometry tests: the shipped catalog, loaded once."""

from __future__ import annotations

import pytest

from workbench.catalog import default_catalog
from workbench.model import Catalog


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return default_catalog()
