"""Headless `workbench --self-test`: proves an installed build works end to end, step by step, exit 1 on failure."""

from __future__ import annotations

import math
import os
import sys
import tempfile
import time
import traceback
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from workbench import __version__
from workbench.paths import app_root, resources_dir, sample_design_path

RACK_TYPE = "rack.air-20kw"
RACKS_IN_ROW = 10
RACK_PITCH_MM = 600.0


class SelfTestError(Exception):
    """One step found something wrong; the message says what."""


def check_that(ok: bool, message: str) -> None:
    """Fail the step with this message unless ok."""
    if not ok:
        raise SelfTestError(message)


class _State:
    """What the steps hand to each other."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.catalog: Any = None
        self.design: Any = None
        self.results: Any = None


def step_resources(st: _State) -> str:
    root = resources_dir()
    needed = [root / "catalog", root / "fonts" / "DroidSansFallbackFull.ttf", root / "fonts" / "DejaVuSans.ttf",
              root / "translations" / "workbench_zh_CN.qm", root / "translations" / "qtbase_zh_CN.qm",
              root / "schema" / "design-1.schema.json", root / "icons" / "workbench.png", sample_design_path(),
              app_root() / "docs" / "getting-started.md"]
    missing = [str(p) for p in needed if not p.exists()]
    check_that(not missing, "missing from the installation: " + ", ".join(missing))
    return f"resources in {root}"


def step_catalog(st: _State) -> str:
    from workbench.catalog import default_catalog

    st.catalog = default_catalog()
    check_that(RACK_TYPE in st.catalog.types, f"catalog has no {RACK_TYPE}")
    return f"{len(st.catalog.types)} block types"


def step_design(st: _State) -> str:
    from workbench.catalog import new_design
    from workbench.model import Block, Hall
    from workbench.model.edits import AddBlocks, AddHall, CompoundEdit, MoveBlocks, SetBlockField
    from workbench.model.history import History

    design = new_design(st.catalog)
    history = History(design)
    hall = Hall(id="selftest-hall", name="Self-test hall",
                outline=[(0.0, 0.0), (12000.0, 0.0), (12000.0, 8000.0), (0.0, 8000.0)])
    history.push(AddHall(hall))
    racks = [Block(type_id=RACK_TYPE, x_mm=1500.0 + i * RACK_PITCH_MM, y_mm=3000.0, hall_id=hall.id,
                   name=f"R{i + 1:02d}") for i in range(RACKS_IN_ROW)]
    ups = Block(type_id="pwr.ups-500kw", x_mm=9500.0, y_mm=6500.0, hall_id=hall.id, name="UPS-A")
    crahs = [Block(type_id="cool.crah-150", x_mm=2000.0 + i * 4000.0, y_mm=7000.0, hall_id=hall.id,
                   name=f"CRAH-{i + 1}") for i in range(2)]
    history.push(CompoundEdit([AddBlocks(racks), AddBlocks([ups, *crahs])], "Place a row"))
    ids = [r.id for r in racks]
    history.push(MoveBlocks(ids, [(r.x_mm, r.y_mm + 600.0) for r in racks]))
    history.push(SetBlockField(ids[:1], "name", ["R01-GPU"]))
    check_that(history.undo() and design.blocks[ids[0]].name == "R01", "undo of a rename did not restore the name")
    check_that(history.redo() and design.blocks[ids[0]].name == "R01-GPU", "redo of a rename did not re-apply it")
    check_that(design.blocks[ids[0]].y_mm == 3600.0, "moving the row did not move the racks")
    st.design = design
    return f"{len(design.blocks)} blocks placed, moved, renamed, undone and redone"


def step_calculate(st: _State) -> str:
    from workbench.calc import calculate

    st.results = r = calculate(st.design, st.catalog)
    expected_kw = RACKS_IN_ROW * st.catalog.types[RACK_TYPE].rack.it_kw
    check_that(r.it_load_kw > 0, f"IT load is {r.it_load_kw} kW")
    check_that(r.space.rack_count == RACKS_IN_ROW, f"rack count {r.space.rack_count}, expected {RACKS_IN_ROW}")
    check_that(math.isfinite(r.pue) and 1.0 < r.pue < 3.0, f"PUE {r.pue} is not plausible")
    return f"IT {r.it_load_kw:.0f} kW of {expected_kw:.0f} kW installed, PUE {r.pue:.2f}, {len(r.checks)} checks"


def step_save_load(st: _State) -> str:
    from workbench.io import load_design, save_design

    path = st.folder / "selftest.dchall.json"
    save_design(st.design, path)
    loaded = load_design(path, st.catalog)
    check_that(len(loaded.design.blocks) == len(st.design.blocks), "the saved file lost blocks")
    return f"saved and reloaded {path.name} ({path.stat().st_size} bytes)"


def step_pdf_zh(st: _State) -> str:
    from workbench.report.design_report import build_design_report
    from workbench.report.options import ReportOptions

    st.design.site.name = "自检数据中心"
    st.design.site.customer = "测试客户"
    out = st.folder / "selftest-zh.pdf"
    build_design_report(st.design, st.catalog, out, ReportOptions(lang="zh"))
    data = out.read_bytes()
    check_that(data.startswith(b"%PDF-"), "the report is not a PDF")
    # reportlab embeds TrueType subsets as FontFile2; the CJK font must be one of them.
    check_that(b"/FontFile2" in data, "the PDF embeds no TrueType font")
    check_that(b"DroidSansFallback" in data or b"WB-CJK" in data, "the PDF does not embed the Chinese font")
    return f"{out.name}: {len(data) // 1024} KB, Chinese font embedded"


def step_xlsx(st: _State) -> str:
    from workbench.report.bom_xlsx import write_bom_xlsx
    from workbench.report.options import ReportOptions

    out = st.folder / "selftest-bom.xlsx"
    write_bom_xlsx(st.design, st.catalog, out, ReportOptions(lang="zh"))
    with zipfile.ZipFile(out) as z:
        names = set(z.namelist())
        check_that("xl/workbook.xml" in names, "the xlsx has no workbook")
        strings = z.read("xl/sharedStrings.xml").decode("utf-8") if "xl/sharedStrings.xml" in names else ""
    check_that(RACK_TYPE in strings, f"the BOM spreadsheet does not list {RACK_TYPE}")
    check_that("机柜" in strings, "the Chinese BOM spreadsheet has no Chinese rack name (机柜)")
    return f"{out.name}: {out.stat().st_size // 1024} KB"


Step = tuple[str, Callable[[Any], str]]  # (name, the step given the shared state)
STEPS: list[Step] = [
    ("resources", step_resources),
    ("catalog", step_catalog),
    ("design and edits", step_design),
    ("calculation", step_calculate),
    ("save and load", step_save_load),
    ("Chinese PDF report", step_pdf_zh),
    ("BOM spreadsheet", step_xlsx),
]  # the window package adds its Qt steps (translations, font): workbench/ui/selftest_qt.py


def run(out: Callable[[str], None] = print, keep_folder: Path | None = None,
        steps: Sequence[Step] = tuple(STEPS)) -> int:
    """Run every step (a failure does not stop the others); 0 when all pass, 1 otherwise."""
    failures = 0
    out(f"workbench {__version__} self-test ({sys.platform}, Python {sys.version.split()[0]}, "
        f"{'frozen' if getattr(sys, 'frozen', False) else 'source'})")
    with tempfile.TemporaryDirectory(prefix="workbench-selftest-") as tmp:
        st = _State(keep_folder or Path(tmp))
        st.folder.mkdir(parents=True, exist_ok=True)
        for number, (name, step) in enumerate(steps, 1):
            start = time.perf_counter()
            try:
                detail = step(st)
            except SelfTestError as exc:
                failures += 1
                out(f"[{number}/{len(steps)}] FAIL {name}: {exc}")
                continue
            except Exception as exc:  # noqa: BLE001 - the self-test reports any failure instead of stopping
                failures += 1
                out(f"[{number}/{len(steps)}] FAIL {name}: {type(exc).__name__}: {exc}")
                out(traceback.format_exc(limit=4).rstrip())
                continue
            out(f"[{number}/{len(steps)}] ok   {name} ({(time.perf_counter() - start) * 1000:.0f} ms): {detail}")
    out("self-test passed" if not failures else f"self-test FAILED: {failures} of {len(steps)} steps")
    return 0 if not failures else 1


def main(extra_steps: Sequence[Step] = ()) -> int:
    """Entry for `workbench --self-test`; the window package calls it with its Qt steps (ui/selftest_qt.main)."""
    try:
        code = run(steps=[*STEPS, *extra_steps])
        sys.stdout.flush()
    except BrokenPipeError:  # output piped into `head` and cut off: not every step ran, so not a pass
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # as the Python docs advise
        code = 1
    return code


if __name__ == "__main__":
    raise SystemExit(main())
