"""Bad drawings: each gets one clear message naming the file, never a hang, a crash or a half-read underlay."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import ezdxf
import pytest

from workbench.cad.dxf_export import write_dxf
from workbench.cad.dxf_import import MAX_DXF_BYTES, DxfReadError, read_underlay
from workbench.model import Catalog, Design
from workbench.text.language import Language


@pytest.fixture
def good(design: Design, catalog: Catalog, english: Language, tmp_path: Path) -> Path:
    out = tmp_path / "good.dxf"
    write_dxf(design, catalog, out, english, today=date(2026, 12, 4))
    return out


def _expect(path: Path, pattern: str) -> str:
    with pytest.raises(DxfReadError) as info:
        read_underlay(path)
    message = str(info.value)
    assert message.startswith(f"{path.name}: ")
    assert pattern in message, message
    return message


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.97])
def test_truncated(good: Path, tmp_path: Path, keep: float) -> None:
    data = good.read_bytes()
    cut = tmp_path / "cut.dxf"
    cut.write_bytes(data[: int(len(data) * keep)])
    message = _expect(cut, "not a readable DXF file")
    assert "truncated" in message


def test_dwg_renamed(tmp_path: Path) -> None:
    fake = tmp_path / "plan.dxf"
    fake.write_bytes(b"AC1032\x00\x00\x00\x00\x00\x0f\x01" + os.urandom(4000))
    _expect(fake, "is a DWG drawing, not DXF")


def test_binary_garbage(tmp_path: Path) -> None:
    junk = tmp_path / "junk.dxf"
    junk.write_bytes(os.urandom(20000))
    _expect(junk, "binary file, not a DXF drawing")


@pytest.mark.parametrize("text", ['{"format": "datahall-workbench"}', "hello\nworld\n", "0\nSECTION\n2\nHEADER\n"])
def test_not_dxf(tmp_path: Path, text: str) -> None:
    other = tmp_path / "notes.dxf"
    other.write_text(text)
    _expect(other, "not a readable DXF file")


def test_empty_and_missing(tmp_path: Path) -> None:
    (tmp_path / "empty.dxf").write_bytes(b"")
    _expect(tmp_path / "empty.dxf", "empty")
    _expect(tmp_path / "gone.dxf", "file not found")
    (tmp_path / "folder.dxf").mkdir()
    _expect(tmp_path / "folder.dxf", "is a folder")


def test_unknown_version(good: Path, tmp_path: Path) -> None:
    future = tmp_path / "future.dxf"
    future.write_bytes(good.read_bytes().replace(b"AC1027", b"AC1099", 1))
    message = _expect(future, "unknown DXF version 'AC1099'")
    assert "AC1032 (R2018)" in message


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    huge = tmp_path / "huge.dxf"
    with huge.open("wb") as fh:  # sparse: no disk used, and nothing is read
        fh.truncate(MAX_DXF_BYTES + 1)
    _expect(huge, "above the 64 MiB limit")


def test_binary_dxf_is_read(tmp_path: Path) -> None:
    doc = ezdxf.new("R2013")
    doc.header["$INSUNITS"] = 4
    doc.modelspace().add_lwpolyline([(0, 0), (5000, 0), (5000, 3000), (0, 3000)], close=True)
    path = tmp_path / "binary.dxf"
    doc.saveas(path, fmt="bin")
    assert path.read_bytes().startswith(b"AutoCAD Binary DXF")
    u = read_underlay(path)
    assert u.read == {"LWPOLYLINE": 1} and len(u.closed) == 1


def test_a_bad_number_is_read_as_zero_not_a_crash(good: Path, tmp_path: Path) -> None:
    text = good.read_text("utf-8")
    start = text.index("\nLWPOLYLINE\n")
    at = text.index("\n 10\n", start) + len("\n 10\n")
    end = text.index("\n", at)
    bad = tmp_path / "nan.dxf"
    bad.write_text(text[:at] + "not-a-number" + text[end:], "utf-8")
    assert read_underlay(bad).entity_count > 0
