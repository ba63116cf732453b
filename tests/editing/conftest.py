"""Fixtures for the editing operations: the shipped catalog and a small hall with a column and a door."""

from __future__ import annotations

import copy
from collections.abc import Callable

import pytest

from workbench.catalog import default_catalog, new_design
from workbench.io import design_to_dict
from workbench.model import Catalog, Column, Design, Door, Hall
from workbench.model.edits import Edit


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return default_catalog()


@pytest.fixture
def hall_design(catalog: Catalog) -> Design:
    d = new_design(catalog)
    d.halls = [Hall(id="h1", name="Hall 1", outline=[(0.0, 0.0), (20000.0, 0.0), (20000.0, 12000.0), (0.0, 12000.0)],
                    columns=[Column(id="c1", x_mm=6000.0, y_mm=6000.0)],
                    doors=[Door(id="d1", x_mm=10000.0, y_mm=0.0)]),
               Hall(id="h2", name="Hall 2", outline=[(30000.0, 0.0), (40000.0, 0.0), (40000.0, 9000.0), (30000.0, 9000.0)])]
    return d


def state(design: Design) -> dict[str, object]:
    """Everything a project file would hold: what apply and revert must restore exactly."""
    return copy.deepcopy(design_to_dict(design))


@pytest.fixture
def round_trip() -> Callable[[Design, Edit], dict[str, object]]:
    """apply → revert → apply: revert restores the design exactly, the second apply redoes the first."""
    def run(design: Design, edit: Edit) -> dict[str, object]:
        before = state(design)
        edit.apply(design)
        after = state(design)
        assert after != before, "the edit changed nothing"
        edit.revert(design)
        assert state(design) == before
        edit.apply(design)
        assert state(design) == after
        return after
    return run
