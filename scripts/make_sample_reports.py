#!/usr/bin/env python3
"""Regenerate the sample reports in docs/ (en and zh; customer and internal; USD, CNY, EUR, AED; SI and imperial)
and a contact sheet of the Chinese report's pages (docs/sample-report-zh-contact.png).

Usage: .venv/bin/python scripts/make_sample_reports.py [--pages DIR]   (--pages: also keep every page as PNG there)
Needs pdftoppm (Debian package poppler-utils) for the page images.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbench.catalog import default_catalog  # noqa: E402
from workbench.io import load_design  # noqa: E402
from workbench.paths import sample_design_path, templates_dir  # noqa: E402
from workbench.report.bom_csv import write_bom_csv  # noqa: E402
from workbench.report.bom_pdf import build_bom_pdf  # noqa: E402
from workbench.report.bom_xlsx import write_bom_xlsx  # noqa: E402
from workbench.report.design_report import build_design_report  # noqa: E402
from workbench.report.options import ReportOptions  # noqa: E402

DOCS = ROOT / "docs"
SAMPLES = DOCS / "samples"
DATE = dt.date(2026, 12, 4)


def jobs() -> list[tuple[str, str, object, dict[str, object]]]:
    """(output path under docs/, design, writer, options)."""
    sample = str(sample_design_path())
    dc800 = str(templates_dir() / "halls" / "nextgen-800vdc-hall-20mw.dchall.json")
    colo = str(templates_dir() / "halls" / "colocation-mixed-density.dchall.json")
    aed = dict(currency="AED", rate=3.6731, price_factor=1.137)
    return [
        ("sample-report.pdf", sample, build_design_report, dict(lang="en")),
        ("sample-report-zh.pdf", sample, build_design_report, dict(lang="zh", currency="CNY")),
        ("samples/design-en-internal-eur.pdf", sample, build_design_report, dict(lang="en", audience="internal")),
        ("samples/design-en-usd-imperial-800vdc.pdf", dc800, build_design_report, dict(lang="en", units="imperial")),
        ("samples/design-zh-cny-800vdc.pdf", dc800, build_design_report, dict(lang="zh", currency="CNY", rate=7.1,
                                                                              price_factor=1.15)),
        ("samples/design-en-aed-colocation.pdf", colo, build_design_report, dict(lang="en", **aed)),
        ("samples/bom-en-customer-aed.pdf", colo, build_bom_pdf, dict(lang="en", **aed)),
        ("samples/bom-en-internal-aed.pdf", colo, build_bom_pdf, dict(lang="en", audience="internal", **aed)),
        ("samples/bom-zh-customer-cny.pdf", sample, build_bom_pdf, dict(lang="zh", currency="CNY")),
        ("samples/bom-en-customer-aed.xlsx", colo, write_bom_xlsx, dict(lang="en", **aed)),
        ("samples/bom-en-internal-aed.xlsx", colo, write_bom_xlsx, dict(lang="en", audience="internal", **aed)),
        ("samples/bom-zh-customer-cny.csv", sample, write_bom_csv, dict(lang="zh", currency="CNY")),
        ("samples/bom-en-internal-aed.csv", colo, write_bom_csv, dict(lang="en", audience="internal", **aed)),
    ]


def render(pdf: Path, folder: Path, dpi: int) -> list[Path]:
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise SystemExit("pdftoppm not found: apt-get install poppler-utils")
    subprocess.run([exe, "-png", "-r", str(dpi), str(pdf), str(folder / pdf.stem)], check=True)
    return sorted(folder.glob(f"{pdf.stem}-*.png"))


def contact_sheet(pages: list[Path], out: Path, columns: int = 6) -> None:
    from PIL import Image, ImageDraw

    images = [Image.open(p).convert("RGB") for p in pages]
    cell_w = max(i.width for i in images)
    cell_h = max(i.height for i in images)
    rows = (len(images) + columns - 1) // columns
    pad = 12
    sheet = Image.new("RGB", (columns * (cell_w + pad) + pad, rows * (cell_h + pad + 14) + pad), "#d9dee3")
    draw = ImageDraw.Draw(sheet)
    for n, img in enumerate(images):
        x = pad + (n % columns) * (cell_w + pad)
        y = pad + (n // columns) * (cell_h + pad + 14)
        sheet.paste(img, (x + (cell_w - img.width) // 2, y))
        draw.text((x, y + cell_h + 1), str(n + 1), fill="#1d2733")
    sheet.save(out, optimize=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", help="also write every page of every PDF as PNG into this folder")
    args = ap.parse_args(argv)
    SAMPLES.mkdir(exist_ok=True)
    cat = default_catalog()
    designs: dict[str, object] = {}
    for rel, path, writer, opts in jobs():
        design = designs.setdefault(path, load_design(path, cat).design)
        out = DOCS / rel
        writer(design, cat, out, ReportOptions(date=DATE, **opts))  # type: ignore[operator, arg-type]
        print(f"wrote {out.relative_to(ROOT)} ({out.stat().st_size // 1024} KB)")
    with tempfile.TemporaryDirectory() as tmp:
        zh_pages = render(DOCS / "sample-report-zh.pdf", Path(tmp), 40)
        contact_sheet(zh_pages, DOCS / "sample-report-zh-contact.png")
        print(f"wrote docs/sample-report-zh-contact.png ({len(zh_pages)} pages)")
    if args.pages:
        folder = Path(args.pages)
        folder.mkdir(parents=True, exist_ok=True)
        for rel, *_ in jobs():
            if rel.endswith(".pdf"):
                render(DOCS / rel, folder, 60)
        print(f"pages as PNG in {folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
