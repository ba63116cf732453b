"""The many repeated entities (INSERTs with ATTRIBs, clearance outlines) written straight as DXF group codes.

ezdxf builds a Python object per entity and checks every attribute as it writes: about 2 ms per block
with six attributes, 20 s for a 10,000-block campus. These are the group codes ezdxf itself writes for
these entities (the tests read every file back with ezdxf and audit it), produced by string formatting,
with handles taken from the document's own handle counter so they never collide.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ezdxf.document import Drawing

MAX_TEXT = 250  # a DXF string value holds at most 255 bytes in older readers


@dataclass(frozen=True)
class InsertSpec:
    """One placed block: where, how turned and scaled, on which layer, with which attribute values."""

    block: str
    layer: str
    x: float
    y: float
    rotation: float
    xscale: float
    yscale: float
    attribs: tuple[tuple[str, str, bool], ...]  # (tag, value, visible)
    text_height: float
    text_rotation: float


class Handles:
    """Consecutive handles taken from a document's counter; `close` moves the counter past them."""

    def __init__(self, doc: Drawing) -> None:
        self._doc = doc
        self._next = int(str(doc.entitydb.handles), 16)

    def __call__(self) -> str:
        h = self._next
        self._next += 1
        return "%X" % h

    def close(self) -> None:
        self._doc.entitydb.handles.reset("%X" % self._next)


def clean_text(value: str) -> str:
    """A single-line DXF string: no control characters, at most MAX_TEXT bytes of UTF-8."""
    if len(value) <= MAX_TEXT // 4 and value.isprintable():
        return value
    text = "".join(ch if ch >= " " else " " for ch in value)
    data = text.encode("utf-8")[:MAX_TEXT]
    return data.decode("utf-8", errors="ignore")


def insert_text(specs: Iterable[InsertSpec], owner: str, next_handle: Handles, style: str) -> str:
    """The ENTITIES-section text of every INSERT, its ATTRIBs and closing SEQEND."""
    out: list[str] = []
    add = out.append
    for s in specs:
        h = next_handle()
        add(f"  0\nINSERT\n  5\n{h}\n330\n{owner}\n100\nAcDbEntity\n  8\n{s.layer}\n100\nAcDbBlockReference\n"
            f" 66\n1\n  2\n{s.block}\n 10\n{s.x!r}\n 20\n{s.y!r}\n 30\n0.0\n")
        if s.xscale != 1.0:
            add(f" 41\n{s.xscale!r}\n")
        if s.yscale != 1.0:
            add(f" 42\n{s.yscale!r}\n")
        if s.rotation:
            add(f" 50\n{s.rotation!r}\n")
        for tag, value, visible in s.attribs:
            add(f"  0\nATTRIB\n  5\n{next_handle()}\n330\n{owner}\n100\nAcDbEntity\n  8\n{s.layer}\n100\nAcDbText\n"
                f" 10\n{s.x!r}\n 20\n{s.y!r}\n 30\n0.0\n 40\n{s.text_height!r}\n  1\n{clean_text(value)}\n"
                f" 50\n{s.text_rotation!r}\n  7\n{style}\n 72\n1\n 11\n{s.x!r}\n 21\n{s.y!r}\n 31\n0.0\n"
                f"100\nAcDbAttribute\n  2\n{tag}\n 70\n{0 if visible else 1}\n 74\n2\n")
        add(f"  0\nSEQEND\n  5\n{next_handle()}\n330\n{h}\n100\nAcDbEntity\n  8\n{s.layer}\n")
    return "".join(out)


def polyline_text(rings: Iterable[Sequence[tuple[float, float]]], layer: str, owner: str,
                  next_handle: Handles) -> str:
    """Closed LWPOLYLINEs (flag 1) through each ring's points."""
    out: list[str] = []
    add = out.append
    for ring in rings:
        add(f"  0\nLWPOLYLINE\n  5\n{next_handle()}\n330\n{owner}\n100\nAcDbEntity\n  8\n{layer}\n"
            f"100\nAcDbPolyline\n 90\n{len(ring)}\n 70\n1\n")
        for x, y in ring:
            add(f" 10\n{float(x)!r}\n 20\n{float(y)!r}\n")
    return "".join(out)


def line_text(lines: Iterable[tuple[float, float, float, float]], layer: str, owner: str,
              next_handle: Handles) -> str:
    """LINE entities from (x0, y0, x1, y1)."""
    return "".join(
        f"  0\nLINE\n  5\n{next_handle()}\n330\n{owner}\n100\nAcDbEntity\n  8\n{layer}\n100\nAcDbLine\n"
        f" 10\n{float(x0)!r}\n 20\n{float(y0)!r}\n 30\n0.0\n 11\n{float(x1)!r}\n 21\n{float(y1)!r}\n 31\n0.0\n"
        for x0, y0, x1, y1 in lines)


def splice_entities(text: str, extra: str) -> str:
    """The document's DXF text with `extra` entity text appended to its ENTITIES section."""
    start = text.index("  0\nSECTION\n  2\nENTITIES\n")
    end = text.index("  0\nENDSEC\n", start)
    return text[:end] + extra + text[end:]
