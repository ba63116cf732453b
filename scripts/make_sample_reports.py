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


DESCRIPTIONS_ZH = {
    "ai-liquid-hall-sample": (
        "16 个 NVL72 级机柜（132 kW），两排布置并封闭热通道；三台 1.2 MW CDU（N+1）、1 MW 锂电 UPS 模块（N+1），"
        "机房空调承担剩余空气热量，室外设备场地设干冷器及风冷冷水机组。"),
    "nextgen-800vdc-hall-20mw": (
        "IT 负载 20.28 MW，共 108 个机柜，全年 PUE 1.06。96 个 Vera Rubin NVL144 级机柜（210 kW，90% 热量由液冷带走）"
        "以 800 V 直流供电，分八排布置；每排为一个独立的 800 V 直流供电系统，设六台 660 kW 电源侧柜（N+1），将室外场地"
        "十二台 2.5 MVA 变压器（N+1）提供的 415 V 交流电转换为直流，变压器同时为风机、水泵及 CDU 供电。温水回路（供水"
        " 36 °C，W40 级机柜）经十台 2.5 MW CDU（N+1）接至开式冷却塔，不设冷水机组；八台 500 kW 风墙承担剩余空气热量。"
        "十台 3 MW 发电机组（N+1）为全场提供备用电源。"),
}


def with_proposal(design: object, path: str = "") -> object:
    """The sample's proposal fields as a sales engineer fills them (the shipped template leaves them empty)."""
    from workbench.model.proposal import Revision, SignOff

    p = design.proposal  # type: ignore[attr-defined]
    p.payment_terms = "30 % with order, 60 % on delivery, 10 % on acceptance"
    p.price_basis = "FCA factory, Incoterms 2020; budget prices"
    p.ashrae_class, p.tier = "A1", "III"
    p.codes = ["ASHRAE TC9.9 (2021)", "EN 50600", "GB 50174-2017", "NFPA 75"]
    p.revisions = [Revision("A", "2026-11-20", "Workbench team", "First issue"),
                   Revision("B", "2026-12-04", "Workbench team", "Allowances and basis of design added")]
    p.sign_off = [SignOff("Prepared by", "Workbench team", "2026-12-04"), SignOff("Checked by", "", ""),
                  SignOff("Accepted for the customer", "", "")]
    halls = {h.name: h.id for h in design.halls}  # type: ignore[attr-defined]
    names = {f"hall:{hid}": zh for name, hid in halls.items()
             for typed, zh in (("Data hall 1", "一号数据机房"), ("Data hall", "数据机房"), ("Plant yard", "室外设备场地"))
             if name == typed}
    names["system:main"] = "主系统"
    stem = Path(path).name.split(".")[0]
    if stem in DESCRIPTIONS_ZH:
        names["description"] = DESCRIPTIONS_ZH[stem]
    p.names = {"zh": names}
    if stem == "ai-liquid-hall-sample":  # a commissioning agent's quote: an allowance as a fixed amount (USD)
        design.assumptions.fixed_usd["allowance_commissioning"] = 240_000.0  # type: ignore[attr-defined]
    return design


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
        design = designs.setdefault(path, with_proposal(load_design(path, cat).design, path))
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
