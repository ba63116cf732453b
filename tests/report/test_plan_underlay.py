"""The architect's underlay in the design report's floor plans: drawn (visible layers only, aligned, under the
halls) when the design asks for it, absent when not, and a note instead of lines when the file is missing or
changed. PDFs are built for real and read back with pypdf."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import ezdxf
import pytest
from pypdf import PdfReader
from reportlab.lib.rl_accel import fp_str

from tests.designs import place, small_hall
from workbench.cad.dxf_import import file_sha256
from workbench.model import Catalog, Design
from workbench.model.underlay import UnderlayRef
from workbench.report.design_report import build_design_report
from workbench.report.floorplan_underlay import UNDERLAY_GREY, plan_underlay
from workbench.report.options import ReportOptions

GREY_RG = fp_str(UNDERLAY_GREY.red, UNDERLAY_GREY.green, UNDERLAY_GREY.blue) + " RG"  # as reportlab writes it
WALLS = [((0, 0), (20000, 0)), ((20000, 0), (20000, 10000)), ((0, 10000), (20000, 10000)), ((0, 0), (0, 10000))]
FURNITURE = [((2000, 2000), (4000, 2000)), ((2000, 3000), (4000, 3000))]


def _dxf(path: Path) -> Path:
    doc = ezdxf.new("R2013", units=4)
    doc.layers.add("A-WALL")
    doc.layers.add("A-FURN")
    msp = doc.modelspace()
    for a, b in WALLS:
        msp.add_line(a, b, dxfattribs={"layer": "A-WALL"})
    for a, b in FURNITURE:
        msp.add_line(a, b, dxfattribs={"layer": "A-FURN"})
    doc.saveas(path)
    return path


def _design(catalog: Catalog, folder: Path, **ref: object) -> Design:
    d = small_hall(catalog)
    place(d, next(iter(t for t in catalog.types if catalog.types[t].category == "compute")), 10000, 5000)
    drawing = _dxf(folder / "architect.dxf")
    d.underlay = UnderlayRef(path="architect.dxf", sha256=file_sha256(drawing), hidden_layers=("A-FURN",),
                             **ref)  # type: ignore[arg-type]
    return d


def _underlay_paths(pdf: Path) -> list[str]:
    """The grey stroke blocks of every page: each is one path of `m`/`l` pairs stroked with S."""
    out = []
    for page in PdfReader(str(pdf)).pages:
        data = page.get_contents().get_data().decode("latin-1")  # type: ignore[union-attr]
        out += re.findall(re.escape(GREY_RG) + r"(.*?)\bS\b", data, flags=re.S)
    return out


def _text(pdf: Path) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(str(pdf)).pages)


def test_underlay_drawn_when_asked_visible_layers_only(catalog: Catalog, tmp_path: Path) -> None:
    design = _design(catalog, tmp_path, in_report=True)
    pdf = tmp_path / "on.pdf"
    build_design_report(design, catalog, pdf, ReportOptions(design_dir=str(tmp_path)))
    blocks = _underlay_paths(pdf)
    assert len(blocks) == 1  # one hall, one sheet, one batched path
    moves = re.findall(r"([-\d.]+) ([-\d.]+) m ([-\d.]+) ([-\d.]+) l", blocks[0])
    assert len(moves) == len(WALLS)  # the hidden A-FURN layer is not drawn
    # The walls coincide with the hall outline: their page extent is the hall's 20 m × 10 m at one scale.
    xs = [float(v) for m in moves for v in (m[0], m[2])]
    ys = [float(v) for m in moves for v in (m[1], m[3])]
    assert (max(xs) - min(xs)) / (max(ys) - min(ys)) == pytest.approx(2.0, rel=0.01)
    assert "architect.dxf" in _text(pdf)


def test_hidden_layer_shown_when_unhidden(catalog: Catalog, tmp_path: Path) -> None:
    design = _design(catalog, tmp_path, in_report=True)
    assert design.underlay is not None
    design.underlay = design.underlay.with_changes(hidden_layers=())
    under = plan_underlay(design.underlay, tmp_path, lambda key, **v: key)
    assert under is not None and len(under.seg) == len(WALLS) + len(FURNITURE)


def test_alignment_moves_rotates_and_scales(catalog: Catalog, tmp_path: Path) -> None:
    design = _design(catalog, tmp_path, in_report=True, scale=2.0, rotation_deg=90.0, dx_mm=100.0, dy_mm=-50.0)
    under = plan_underlay(design.underlay, tmp_path, lambda key, **v: key)
    assert under is not None
    # (20000, 0) on the drawing → 2 · R90 · (20000, 0) + (100, −50) = (100, 39950)
    assert [100.0, -50.0, 100.0, 39950.0] in under.seg.round(6).tolist()


def test_no_underlay_lines_when_not_asked(catalog: Catalog, tmp_path: Path) -> None:
    design = _design(catalog, tmp_path, in_report=False)
    pdf = tmp_path / "off.pdf"
    build_design_report(design, catalog, pdf, ReportOptions(design_dir=str(tmp_path)))
    assert _underlay_paths(pdf) == []
    assert "architect.dxf" not in _text(pdf)


@pytest.mark.parametrize("what", ["missing", "changed"])
def test_missing_or_changed_file_gives_a_note_and_no_lines(catalog: Catalog, tmp_path: Path, what: str) -> None:
    design = _design(catalog, tmp_path, in_report=True)
    drawing = tmp_path / "architect.dxf"
    if what == "missing":
        drawing.unlink()
    else:
        with drawing.open("a", encoding="utf-8") as fh:
            fh.write("999\nedited after it was attached\n")
    pdf = tmp_path / f"{what}.pdf"
    build_design_report(design, catalog, pdf, ReportOptions(design_dir=str(tmp_path)))
    assert _underlay_paths(pdf) == []
    text = _text(pdf)
    expected = "file not found (architect.dxf)" if what == "missing" else "the file has changed since it was attached"
    assert "Underlay not shown: " + expected in text
    assert "Floor plan" in text  # the plan is still there


def test_relative_path_found_beside_the_design_from_the_working_directory(catalog: Catalog, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a design folder (a report built by a script), the path is taken from the working directory."""
    design = _design(catalog, tmp_path, in_report=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    missing = plan_underlay(design.underlay, None, lambda key, **v: key)
    assert missing is not None and missing.note == "plan.underlay_missing" and not len(missing.seg)
    shutil.copy(tmp_path / "architect.dxf", elsewhere / "architect.dxf")
    found = plan_underlay(design.underlay, None, lambda key, **v: key)
    assert found is not None and len(found.seg) == len(WALLS)


def test_chinese_report_note(catalog: Catalog, tmp_path: Path) -> None:
    design = _design(catalog, tmp_path, in_report=True)
    (tmp_path / "architect.dxf").unlink()
    pdf = tmp_path / "zh.pdf"
    build_design_report(design, catalog, pdf, ReportOptions(lang="zh", design_dir=str(tmp_path)))
    assert "未显示底图" in _text(pdf).replace(" ", "")


def test_cli_report_finds_the_underlay_beside_the_design_file(catalog: Catalog, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """`workbench report` run from another folder resolves the relative path against the design file's folder."""
    from workbench.__main__ import main
    from workbench.io import save_design

    project = tmp_path / "project"
    project.mkdir()
    save_design(_design(catalog, project, in_report=True), project / "hall.dchall.json")
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "cli.pdf"
    assert main(["report", str(project / "hall.dchall.json"), "-o", str(out)]) == 0
    blocks = _underlay_paths(out)
    assert len(blocks) == 1 and len(re.findall(r" m ", blocks[0])) == len(WALLS)
