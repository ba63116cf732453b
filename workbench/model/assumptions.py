"""The effective assumptions: the catalog's defaults overlaid with a design's own values, merged in one place."""

from __future__ import annotations

from workbench.model.blocktype import Catalog
from workbench.model.design import Design


def effective_assumptions(design: Design, catalog: Catalog) -> dict[str, float]:
    """Every parameter the calculation reads: the catalog default unless the design sets its own value.

    Values the design holds for parameters the catalog does not know are kept (the file layer warns
    about them). The calculation, the report, the canvas, the inspector and the scenarios read here.
    """
    values = catalog.default_assumptions()
    values.update(design.assumptions.values)
    return values


def fill_defaults(values: dict[str, float], catalog: Catalog) -> None:
    """Store the default of every parameter `values` (a design's or a scenario's) does not set yet.

    Loading and new designs do this so a saved file lists every parameter it was calculated with.
    """
    for key, value in catalog.default_assumptions().items():
        values.setdefault(key, value)
