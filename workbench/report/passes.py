"""Which pass of a multi-pass PDF build is running, so flowables may skip drawing pages that are thrown away."""

from __future__ import annotations

from typing import Any


def layout_pass(canv: Any) -> bool:
    """True while a multi-pass build (pdfdoc.ReportDoc.multiBuild) runs its first pass.

    Its pages are thrown away: the page total is unknown until the pass ends, so another pass always follows.
    A flowable whose drawing changes no layout (a floor plan, a diagram sheet, a table's cells) may skip
    drawing then: on a campus that is about a third of the report's time.
    """
    doc = getattr(canv, "_doctemplate", None)
    return bool(getattr(doc, "in_multi_build", False)) and getattr(doc, "passes_started", 0) == 1
