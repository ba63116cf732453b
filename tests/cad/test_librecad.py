"""Real CAD programs: LibreCAD renders our export (dxf2pdf), and the hundreds of DXF files in LibreCAD's library
(Debian package librecad-data, written by many programs and people) each open as an underlay or get a message."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from workbench.cad.dxf_export import write_dxf
from workbench.cad.dxf_import import DxfReadError, read_underlay
from workbench.model import Catalog, Design
from workbench.text.language import Language

LIBRARY = Path("/usr/share/librecad/library")


def test_librecad_renders_the_export(design: Design, catalog: Catalog, chinese: Language, tmp_path: Path) -> None:
    librecad = shutil.which("librecad")
    assert librecad, "LibreCAD is needed for this test: apt-get install -y librecad"
    out = tmp_path / "plan.dxf"
    write_dxf(design, catalog, out, chinese, today=date(2026, 12, 4))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(tmp_path)}
    run = subprocess.run([librecad, "dxf2pdf", "-a", str(out)], cwd=tmp_path, env=env, capture_output=True,
                         text=True, timeout=120)
    pdf = out.with_suffix(".pdf")
    assert run.returncode == 0, run.stderr
    assert pdf.exists(), run.stdout + run.stderr
    page = PdfReader(pdf).pages[0]
    content = page.get_contents().get_data()  # type: ignore[union-attr]
    # Line work in the page: hundreds of stroked path segments (walls, racks, aisles, dimensions, title block).
    assert content.count(b" l\n") + content.count(b" l ") > 300
    if shutil.which("pdftoppm"):  # the picture looked at for the README (docs/images/dxf-librecad.png)
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", str(pdf), str(tmp_path / "page")], check=True,
                       timeout=60)
        assert (tmp_path / "page.png").stat().st_size > 5000


def test_every_librecad_library_file_opens_or_says_why() -> None:
    files = sorted(LIBRARY.rglob("*.dxf"))
    assert len(files) > 1000, "LibreCAD's library is needed: apt-get install -y librecad (librecad-data)"
    opened, refused, drawn = 0, [], 0
    for path in files:
        try:
            u = read_underlay(path)
        except DxfReadError as exc:
            assert str(exc).startswith(path.name + ": ")
            refused.append(str(exc))
            continue
        opened += 1
        if len(u.seg) or len(u.circles) or u.texts:
            drawn += 1
        assert all(n > 0 for n in u.read.values())
    assert refused == []  # every one of them reads today; a future failure must still be a message
    assert opened == len(files) and drawn >= len(files) - 10
