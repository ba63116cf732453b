"""Time the design report, BOM PDF, xlsx and CSV of a generated 10,000-block design (run: python tests/report/bench_reports.py)."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from workbench.catalog import default_catalog, new_design
from workbench.model.design import Block, Design, Hall


def big_design(n_blocks: int = 10_000) -> Design:
    """Rows of racks facing each other across cold aisles, CDUs at the row ends, power and cooling plant."""
    catalog = default_catalog()
    design = new_design(catalog)
    hall = Hall(name="Hall A", outline=[(0.0, 0.0), (160_000.0, 0.0), (160_000.0, 140_000.0), (0.0, 140_000.0)])
    design.halls = [hall]
    blocks: dict[str, Block] = {}
    per_row = 240
    row = 0
    while len(blocks) < n_blocks - 200:
        y = 3_000.0 + (row // 2) * 6_000.0 + (row % 2) * 1_200.0
        rot = 180 if row % 2 else 0
        for i in range(per_row):
            if len(blocks) >= n_blocks - 200:
                break
            tid = "net.leaf-tor" if i % 40 == 0 else "rack.gb200-nvl72"
            b = Block(tid, x_mm=5_000.0 + i * 600.0 + (100.0 if tid.startswith("net") else 0.0), y_mm=y,
                      rotation_deg=rot, name=f"R{row:02d}-{i:03d}", hall_id=hall.id)
            blocks[b.id] = b
        row += 1
    for i in range(200):
        tid = ("cool.cdu-2500", "pwr.ups-1mw-li", "pwr.pdu-250kva", "cool.crah-300")[i % 4]
        b = Block(tid, x_mm=152_000.0, y_mm=2_000.0 + i * 650.0, rotation_deg=90, name=f"P{i:03d}",
                  hall_id=hall.id)
        blocks[b.id] = b
    design.blocks = blocks
    return design


def main() -> int:
    from workbench.report.bom_csv import write_bom_csv
    from workbench.report.bom_pdf import build_bom_pdf
    from workbench.report.bom_xlsx import write_bom_xlsx
    from workbench.report.design_report import build_design_report
    from workbench.report.options import ReportOptions

    catalog = default_catalog()
    design = big_design()
    out = Path(tempfile.mkdtemp())
    print(f"{len(design.blocks)} blocks")
    for lang in ("en", "zh"):
        opts = ReportOptions(lang=lang)
        for name, fn, file in (("design report", build_design_report, "r.pdf"), ("BOM PDF", build_bom_pdf, "b.pdf"),
                               ("BOM xlsx", write_bom_xlsx, "b.xlsx"), ("BOM csv", write_bom_csv, "b.csv")):
            t0 = time.perf_counter()
            fn(design, catalog, out / f"{lang}-{file}", opts)
            dt = time.perf_counter() - t0
            size = (out / f"{lang}-{file}").stat().st_size
            print(f"{lang} {name:14s} {dt:6.2f} s  {size / 1024:8.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
