"""A fast reader of ASCII DXF structure: group-code pairs split into header variables, layers, blocks and entities.

ezdxf builds a checked Python object for every entity (6 s for a 50,000-entity plan on this machine);
an underlay needs only a few group codes of a few entity types, so the file is split into (code, value)
pairs once and each entity is kept as its raw pairs for dxf_geometry to interpret.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

Tags = list[tuple[int, str]]


class DxfStructureError(ValueError):
    """The text is not a well-formed DXF file; the message says where and why."""


class RawEntity:
    """One entity: its type and its group codes, sliced from the file's pairs when first asked for."""

    __slots__ = ("kind", "_codes", "_values", "_start", "_end", "_tags")

    def __init__(self, kind: str, codes: list[int], values: list[str], start: int, end: int) -> None:
        self.kind = kind
        self._codes, self._values, self._start, self._end = codes, values, start, end
        self._tags: Tags | None = None

    @property
    def tags(self) -> Tags:
        if self._tags is None:
            self._tags = list(zip(self._codes[self._start:self._end], self._values[self._start:self._end]))
        return self._tags

    @property
    def line(self) -> int:
        """1-based line of the entity's "0" group, for messages."""
        return 2 * self._start - 1


@dataclass
class RawBlock:
    name: str
    base: tuple[float, float]
    entities: list[RawEntity] = field(default_factory=list)


@dataclass
class RawLayer:
    name: str
    color: int = 7
    frozen: bool = False
    off: bool = False


@dataclass
class RawDrawing:
    header: dict[str, Tags]
    layers: dict[str, RawLayer]
    blocks: dict[str, RawBlock]
    entities: list[RawEntity]
    stray_groups: int = 0  # groups found between sections and passed over


def pairs(text: str) -> tuple[list[int], list[str]]:
    """Group codes and values; raises DxfStructureError naming the first line that is not a group code."""
    if "\r" in text:  # one pass in C, not a check per line
        text = text.replace("\r\n", "\n")
    lines = text.split("\n")
    if lines and lines[-1].strip() == "":
        lines.pop()
    if len(lines) % 2:
        raise DxfStructureError(f"line {len(lines)}: the file ends in the middle of a group (truncated?)")
    raw_codes = lines[0::2]
    try:
        codes = list(map(int, raw_codes))
    except ValueError:
        for i, c in enumerate(raw_codes):
            try:
                int(c)
            except ValueError:
                shown = c.strip()[:40]
                raise DxfStructureError(f"line {2 * i + 1}: expected a group code (a whole number), found {shown!r}") \
                    from None
        raise
    values = lines[1::2]
    return codes, values


def read_structure(text: str) -> RawDrawing:
    """Split DXF text into its sections; raises DxfStructureError for a file that is not DXF or is cut short."""
    codes, values = pairs(text)
    n = len(codes)
    if n == 0 or codes[0] not in (0, 999):
        raise DxfStructureError("line 1: a DXF file starts with a '0 SECTION' group; this is not a DXF file")
    header: dict[str, Tags] = {}
    layers: dict[str, RawLayer] = {}
    blocks: dict[str, RawBlock] = {}
    entities: list[RawEntity] = []
    i = 0
    saw_eof = False
    started = False
    stray = 0
    while i < n:
        code, value = codes[i], values[i].strip()
        if code == 999:
            i += 1
            continue
        if value == "EOF" and code == 0:
            saw_eof = True
            break
        if code != 0 or value != "SECTION" or i + 1 >= n or codes[i + 1] != 2:
            if not started:
                raise DxfStructureError(f"line {2 * i + 1}: expected '0 SECTION', found {value[:40]!r}")
            # Groups between sections: some writers (dxflib) close the header early and carry on with its
            # variables. CAD programs read past them, and so do we.
            stray += 1
            i += 1
            continue
        started = True
        name = values[i + 1].strip()
        end = _section_end(codes, values, i + 2)
        if name == "HEADER":
            header = _header(codes, values, i + 2, end)
        elif name == "TABLES":
            layers = _layers(codes, values, i + 2, end)
        elif name == "BLOCKS":
            blocks = _blocks(codes, values, i + 2, end)
        elif name == "ENTITIES":
            entities = _entities(codes, values, i + 2, end)
        i = end + 1
    if not saw_eof:
        raise DxfStructureError("the file ends without '0 EOF' (truncated?)")
    return RawDrawing(header, layers, blocks, entities, stray)


def _section_end(codes: list[int], values: list[str], start: int) -> int:
    for j in range(start, len(codes)):
        if codes[j] == 0 and values[j].strip() == "ENDSEC":
            return j
    raise DxfStructureError(f"line {2 * start - 1}: a section has no ENDSEC (the file is truncated)")


def _header(codes: list[int], values: list[str], start: int, end: int) -> dict[str, Tags]:
    out: dict[str, Tags] = {}
    current: Tags | None = None
    for j in range(start, end):
        if codes[j] == 9:
            current = out.setdefault(values[j].strip(), [])
        elif current is not None:
            current.append((codes[j], values[j]))
    return out


def _split(codes: list[int], values: list[str], start: int, end: int) -> list[RawEntity]:
    """Every "0" group starts a new entity; its tags run to the next "0"."""
    zeros = (np.flatnonzero(np.asarray(codes[start:end], dtype=np.int64) == 0) + start).tolist()
    bounds = zeros[1:] + [end]
    return [RawEntity(values[z].strip(), codes, values, z + 1, e) for z, e in zip(zeros, bounds)]


def _entities(codes: list[int], values: list[str], start: int, end: int) -> list[RawEntity]:
    return _split(codes, values, start, end)


def _layers(codes: list[int], values: list[str], start: int, end: int) -> dict[str, RawLayer]:
    out: dict[str, RawLayer] = {}
    for e in _split(codes, values, start, end):
        if e.kind != "LAYER":
            continue
        tags = dict(e.tags)
        name = tags.get(2, "").strip()
        if not name:
            continue
        try:
            color = int(tags.get(62, "7"))
            flags = int(tags.get(70, "0"))
        except ValueError:
            color, flags = 7, 0
        out[name] = RawLayer(name, abs(color) or 7, bool(flags & 1), color < 0)
    return out


def _blocks(codes: list[int], values: list[str], start: int, end: int) -> dict[str, RawBlock]:
    out: dict[str, RawBlock] = {}
    current: RawBlock | None = None
    for e in _split(codes, values, start, end):
        if e.kind == "BLOCK":
            tags = dict(e.tags)
            try:
                base = (float(tags.get(10, 0.0)), float(tags.get(20, 0.0)))
            except ValueError:
                base = (0.0, 0.0)
            current = RawBlock(tags.get(2, "").strip(), base)
            out[current.name] = current
        elif e.kind == "ENDBLK":
            current = None
        elif current is not None:
            current.entities.append(e)
    return out
