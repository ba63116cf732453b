"""Design report and bill-of-materials PDFs, spreadsheet and CSV BOMs, in any shipped report language (reportlab, no Qt)."""

from __future__ import annotations

import importlib
from typing import Any

# Loaded on first use: the interface needs only the language files and check sentences at start-up,
# and reportlab and xlsxwriter would add a tenth of a second before the window shows.
_HOMES = {
    "ReportOptions": "options", "available_languages": "i18n", "build_bom_pdf": "bom_pdf",
    "build_design_report": "design_report", "write_bom_csv": "bom_csv", "write_bom_xlsx": "bom_xlsx",
}
__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'workbench.report' has no attribute {name!r}")
    return getattr(importlib.import_module(f"workbench.report.{home}"), name)
