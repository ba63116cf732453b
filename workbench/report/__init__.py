"""Design report and bill-of-materials PDFs, spreadsheet and CSV BOMs, in any shipped report language (reportlab, no Qt)."""

from workbench.report.bom_csv import write_bom_csv
from workbench.report.bom_pdf import build_bom_pdf
from workbench.report.bom_xlsx import write_bom_xlsx
from workbench.report.design_report import build_design_report
from workbench.report.i18n import available_languages
from workbench.report.options import ReportOptions

__all__ = ["ReportOptions", "available_languages", "build_bom_pdf", "build_design_report", "write_bom_csv",
           "write_bom_xlsx"]
