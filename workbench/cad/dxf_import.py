"""Read an architect's DXF as an underlay: checked file, units to millimetres, layers, segments, outlines, columns, texts.

Every way a file can be wrong (a DWG renamed to .dxf, binary garbage, a truncated file, an unknown
version, a file far too large, blocks that insert themselves) ends in DxfReadError with a message naming
the file; nothing is half read.
"""

from __future__ import annotations

import hashlib
import math
from struct import error as struct_error
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from workbench.cad.dxf_geometry import Collected, GeometryLimitError, collect
from workbench.cad.dxf_tags import DxfStructureError, RawDrawing, read_structure

MAX_DXF_BYTES = 64 * 1024 * 1024  # a 50,000-entity floor plan is about 10 MB; 64 MB holds a whole campus
BINARY_SENTINEL = b"AutoCAD Binary DXF\r\n\x1a\x00"
KNOWN_VERSIONS = {"AC1009": "R12", "AC1012": "R13", "AC1014": "R14", "AC1015": "R2000", "AC1018": "R2004",
                  "AC1021": "R2007", "AC1024": "R2010", "AC1027": "R2013", "AC1032": "R2018"}
# $INSUNITS code -> (name, millimetres per drawing unit); 0 means the file does not say.
INSUNITS_MM = {1: ("in", 25.4), 2: ("ft", 304.8), 4: ("mm", 1.0), 5: ("cm", 10.0), 6: ("m", 1000.0),
               8: ("µin", 25.4e-6), 9: ("mil", 0.0254), 10: ("yd", 914.4), 14: ("dm", 100.0)}
UNIT_MM = {name: mm for name, mm in INSUNITS_MM.values()}
DEFAULT_UNITS = "mm"  # a file without $INSUNITS is read as millimetres, and the user is told


class DxfReadError(ValueError):
    """The file cannot be used as an underlay; str() is the message for the user."""


@dataclass
class Underlay:
    """An underlay's geometry in millimetres, in the file's own coordinates (alignment is applied on top)."""

    source: str
    sha256: str
    units: str  # the units used: from $INSUNITS, or the override
    units_from_file: str  # "" when the file does not say
    version: str
    layers: list[str]
    layer_hidden: list[bool]  # off or frozen in the file
    seg: NDArray[np.float64]  # (n, 4): x0, y0, x1, y1 in mm
    seg_layer: NDArray[np.int32]
    seg_snap: NDArray[np.bool_]  # straight edges (end and mid points snap); curve pieces only draw
    points: NDArray[np.float64]  # (m, 2) curve ends and centres, for snapping
    closed: list[tuple[int, NDArray[np.float64]]]  # (layer, (k, 2) points) closed outlines
    circles: NDArray[np.float64]  # (c, 4): cx, cy, r, layer
    texts: list[tuple[int, float, float, float, float, str]]  # layer, x, y, height, rotation, text (mm)
    inserts: list[tuple[int, str, float, float, tuple[float, float, float, float]]]  # layer, block, x, y, bbox
    read: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def entity_count(self) -> int:
        return sum(self.read.values())

    @property
    def skipped_count(self) -> int:
        return sum(self.skipped.values())

    def bounds(self) -> tuple[float, float, float, float] | None:
        if not len(self.seg):
            return None
        s = self.seg
        return (float(min(s[:, 0].min(), s[:, 2].min())), float(min(s[:, 1].min(), s[:, 3].min())),
                float(max(s[:, 0].max(), s[:, 2].max())), float(max(s[:, 1].max(), s[:, 3].max())))

    def summary(self) -> str:
        """One line for the status bar and the CLI."""
        skipped = ", ".join(f"{n} {kind}" for kind, n in sorted(self.skipped.items()))
        text = (f"{Path(self.source).name}: {self.entity_count:,} entities on {len(self.layers)} layers, "
                f"units {self.units}")
        return text + (f"; skipped {skipped}" if skipped else "")


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def read_underlay(path: Path | str, units: str | None = None) -> Underlay:
    """Read a DXF file; `units` overrides the file's $INSUNITS (mm, cm, m, in, ft ...)."""
    path = Path(path)
    name = path.name
    if units is not None and units not in UNIT_MM:
        raise DxfReadError(f"unknown units {units!r} (use one of {', '.join(UNIT_MM)})")
    try:
        if path.is_dir():
            raise DxfReadError(f"{name}: is a folder, not a DXF file")
        size = path.stat().st_size
        if not path.is_file():
            raise DxfReadError(f"{name}: is not a regular file")
    except FileNotFoundError:
        raise DxfReadError(f"{name}: file not found") from None
    except OSError as exc:
        raise DxfReadError(f"{name}: cannot be read: {exc.strerror or exc}") from None
    if size > MAX_DXF_BYTES:
        raise DxfReadError(f"{name}: the file is {size / 1e6:.0f} MB, above the {MAX_DXF_BYTES // 2**20} MiB limit "
                           "for an underlay; purge unused blocks and layers in the CAD program, or export "
                           "only the floor you need")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DxfReadError(f"{name}: cannot be read: {exc.strerror or exc}") from None
    digest = hashlib.sha256(data).hexdigest()
    text = _decode(data, path)
    try:
        raw = read_structure(text)
        version = _version(raw, name)
        collected = collect(raw)
    except DxfStructureError as exc:
        raise DxfReadError(f"{name}: not a readable DXF file: {exc}") from None
    except GeometryLimitError as exc:
        raise DxfReadError(f"{name}: {exc}") from None
    except RecursionError:
        raise DxfReadError(f"{name}: blocks are nested too deeply to read") from None
    return _underlay(str(path), digest, raw, collected, version, units)


def _decode(data: bytes, path: Path) -> str:
    name = path.name
    head = data[:32]
    if head.startswith(BINARY_SENTINEL):
        return _binary_to_text(path)
    if head[:4] in (b"AC10", b"AC15", b"AC18", b"AC21", b"AC24", b"AC27", b"AC32") or head.startswith(b"AC1"):
        raise DxfReadError(f"{name}: is a DWG drawing, not DXF; save it as DXF in the CAD program "
                           "(or convert it with the free ODA File Converter)")
    if b"\x00" in data[:4096]:
        raise DxfReadError(f"{name}: is a binary file, not a DXF drawing")
    if not data.strip():
        raise DxfReadError(f"{name}: the file is empty")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        # DXF before R2007 is written in the drawing's code page; ezdxf would read $DWGCODEPAGE, but the
        # geometry is ASCII, and only texts lose accents this way.
        text = data.decode("cp1252", errors="replace")
    return text.lstrip("\ufeff")


def _binary_to_text(path: Path) -> str:
    """Binary DXF through ezdxf (rare; it has its own reader), written out as ASCII for the fast reader."""
    import io

    import ezdxf
    from ezdxf.lldxf.const import DXFError

    name = path.name
    try:
        doc = ezdxf.readfile(path)
    except (DXFError, OSError, ValueError, EOFError, IndexError, TypeError, UnicodeDecodeError, struct_error) as exc:
        raise DxfReadError(f"{name}: a binary DXF file that cannot be read ({type(exc).__name__}: {exc})") from None
    stream = io.StringIO()
    doc.write(stream)
    return stream.getvalue()


def _version(raw: RawDrawing, name: str) -> str:
    tags = raw.header.get("$ACADVER")
    if not tags:
        return "AC1009"  # very old files have no header variable for it; R12 is what they are
    version = tags[0][1].strip()
    if version not in KNOWN_VERSIONS:
        known = ", ".join(f"{v} ({r})" for v, r in KNOWN_VERSIONS.items())
        raise DxfReadError(f"{name}: unknown DXF version {version[:20]!r}; readable versions: {known}")
    return version


def _underlay(source: str, digest: str, raw: RawDrawing, c: Collected, version: str, units: str | None) -> Underlay:
    notes = []
    code_tags = raw.header.get("$INSUNITS")
    code = 0
    if code_tags:
        try:
            code = int(code_tags[0][1])
        except ValueError:
            code = 0
    from_file = INSUNITS_MM[code][0] if code in INSUNITS_MM else ""
    used = units or from_file or DEFAULT_UNITS
    if not from_file and units is None:
        notes.append(f"the file does not state its units ($INSUNITS); read as {DEFAULT_UNITS} — choose the "
                     "units if the drawing is the wrong size")
    k = UNIT_MM[used]
    seg = np.frombuffer(c.seg, dtype=np.float64).reshape(-1, 4) * k
    finite = np.isfinite(seg).all(axis=1)
    if c.loops:
        notes.append("blocks that insert themselves were drawn once: " + ", ".join(c.loops[:5]))
    hidden = [bool(raw.layers[n].frozen or raw.layers[n].off) if n in raw.layers else False for n in c.layers]
    return Underlay(
        source=source, sha256=digest, units=used, units_from_file=from_file, version=version,
        layers=list(c.layers), layer_hidden=hidden,
        seg=np.ascontiguousarray(seg[finite]),
        seg_layer=np.frombuffer(c.seg_layer, dtype=np.int32)[finite].copy(),
        seg_snap=np.frombuffer(c.seg_snap, dtype=np.int8)[finite].astype(bool),
        points=np.frombuffer(c.points, dtype=np.float64).reshape(-1, 2) * k,
        closed=[(layer, np.asarray(pts, dtype=float) * k) for layer, pts in c.closed],
        circles=(np.asarray(c.circles, dtype=float).reshape(-1, 4) * np.array([k, k, k, 1.0])),
        texts=[(layer, x * k, y * k, h * k, rot, s) for layer, x, y, h, rot, s in c.texts],
        inserts=[(layer, name, x * k, y * k, (b[0] * k, b[1] * k, b[2] * k, b[3] * k))
                 for layer, name, x, y, b in c.inserts],
        read=dict(c.read), skipped=dict(c.skipped), notes=notes,
    )


def unit_factor(units: str) -> float:
    """Millimetres per drawing unit."""
    return UNIT_MM[units]


def is_finite_box(b: tuple[float, float, float, float]) -> bool:
    return all(math.isfinite(v) for v in b)
