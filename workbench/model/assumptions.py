"""The effective assumptions: the catalog's defaults overlaid with a design's own values, merged in one place."""

from __future__ import annotations

from workbench.model.blocktype import Catalog
from workbench.model.design import Design


def effective_assumptions(design: Design, catalog: Catalog) -> dict[str, float]:
    """Every parameter the calculation reads: the catalog default unless the design sets its own value.

    Values the design holds for parameters the catalog does not know are kept (the file layer warns
    about them); the calculation, the report, the canvas and the file layer all read assumptions here.
    """
    values = catalog.default_assumptions()
    values.update(design.assumptions.values)
    return values


def fill_defaults(design: Design, catalog: Catalog) -> None:
    """Store the effective value of every parameter the design does not set yet, keeping the values it has."""
    values = design.assumptions.values
    for key, value in effective_assumptions(design, catalog).items():
        values.setdefault(key, value)
