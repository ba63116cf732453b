"""Design report and bill-of-materials PDFs, spreadsheet and CSV BOMs, in any shipped report language (reportlab, no Qt).

Import what you need from its module (report.options, report.design_report, report.bom_pdf, report.bom_csv,
report.bom_xlsx): the window only loads reportlab when it exports. Languages and check sentences live below,
in workbench.text.
"""
