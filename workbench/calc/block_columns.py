"""What the calculation reads from each block, kept per design so a block object is read once, not every run.

A full recalculation of a campus used to spend a quarter of its time reading 10,000 blocks' fields into arrays,
though an assumption edit, a connection edit or a scenario switch leaves almost every block the very object it
was. Edits never change a block in place (model/edits.py puts a changed copy under the block's id, as the
canvas's footprint table also relies on), so a block that is the same object as last time has the same fields.
The rows of such blocks are taken from the last reading; only the others are read.

Set WORKBENCH_VERIFY_CACHES=1 (the test suite does) to read every block afresh as well and fail loudly when
a kept row differs: that is code changing a block in place.
"""

from __future__ import annotations

import os
import weakref
from dataclasses import dataclass, field
from itertools import repeat
from operator import is_

import numpy as np
from numpy.typing import NDArray

from workbench.model.design import Block, Design

F = NDArray[np.float64]
I = NDArray[np.int64]
Key = tuple[str, str, str, str]  # type, hall, power system, cooling loop
VERIFY_ENV = "WORKBENCH_VERIFY_CACHES"


@dataclass
class Columns:
    """Per block, in design order: its id, combination code (into keys), position, rotation and overrides."""

    blocks: list[Block]
    ids: list[str]
    code: I  # index into keys
    keys: list[Key]  # every (type, hall, system, loop) combination this design's blocks have had
    x: F
    y: F
    rotation: I
    overrides: list[dict[str, float]]
    number: dict[Key, int] = field(default_factory=dict)  # keys[i] -> i


class _Kept:
    """One design's last reading, held without keeping the design alive."""

    def __init__(self, design: Design, columns: Columns) -> None:
        self.ref = weakref.ref(design)
        self.columns = columns


_KEPT: dict[int, _Kept] = {}


def block_columns(design: Design, keep: bool = True) -> Columns:
    """The design's blocks as columns; rows of blocks that are the very objects read last time are reused.

    The arrays returned are the caller's own (a move writes positions into them in place).
    """
    blocks = list(design.blocks.values())
    kept = _KEPT.get(id(design)) if keep else None
    last = kept.columns if kept is not None and kept.ref() is design else None
    if last is not None and len(last.blocks) == len(blocks) and all(map(is_, last.blocks, blocks)):
        out = Columns(blocks, last.ids, last.code, last.keys, last.x, last.y, last.rotation, last.overrides,
                      last.number)  # nothing changed: the usual full recalculation after a non-block edit
    else:
        out = _read(blocks, last)
    if keep:
        if kept is None or kept.ref() is not design:
            # A snapshot of the items (list() runs in C, so a worker thread's run cannot change the dict under
            # it), and pop: that thread may have dropped the same entry.
            for k in [k for k, old in list(_KEPT.items()) if old.ref() is None]:
                _KEPT.pop(k, None)  # designs that are gone
            _KEPT[id(design)] = _Kept(design, out)
        else:
            kept.columns = out
    if os.environ.get(VERIFY_ENV):
        _verify(out)
    return Columns(out.blocks, list(out.ids), out.code.copy(), out.keys, out.x.copy(), out.y.copy(),
                   out.rotation.copy(), list(out.overrides), out.number)


def forget(design: Design) -> None:
    """Drop what was read from the design's blocks: its next snapshot reads every block (the bench's cold run)."""
    _KEPT.pop(id(design), None)


def _read(blocks: list[Block], last: Columns | None) -> Columns:
    n = len(blocks)
    ids = [b.id for b in blocks]
    number: dict[Key, int] = dict(last.number) if last is not None else {}
    keys: list[Key] = list(last.keys) if last is not None else []
    reuse = np.zeros(n, dtype=bool)
    src = np.full(n, -1, dtype=np.int64)
    if last is not None and last.blocks:
        row = dict(zip(last.ids, range(len(last.ids))))
        src = np.fromiter(map(row.get, ids, repeat(-1)), dtype=np.int64, count=n)
        # An id the last reading lacked maps to row -1, whose block has another id: the identity test fails.
        reuse = np.fromiter(map(is_, map(last.blocks.__getitem__, src.tolist()), blocks), dtype=bool, count=n)
    if reuse.all() and last is not None:
        return Columns(blocks, ids, last.code[src], keys, last.x[src], last.y[src], last.rotation[src],
                       [last.overrides[i] for i in src.tolist()], number)
    fresh = np.flatnonzero(~reuse).tolist()
    if len(fresh) == n:  # nothing to keep: read every block in one comprehension per field (the cheapest way)
        first = number.setdefault
        code = np.fromiter([first((b.type_id, b.hall_id, b.power_system, b.cooling_loop), len(number))
                            for b in blocks], dtype=np.int64, count=n)
        x = np.fromiter([b.x_mm for b in blocks], dtype=float, count=n)
        y = np.fromiter([b.y_mm for b in blocks], dtype=float, count=n)
        rotation = np.fromiter([b.rotation_deg for b in blocks], dtype=np.int64, count=n)
        overrides = [b.overrides for b in blocks]
    else:
        assert last is not None
        rows = np.flatnonzero(reuse)
        old = src[rows]
        code, x, y, rotation = (np.empty(n, dtype=np.int64), np.empty(n), np.empty(n),
                                np.empty(n, dtype=np.int64))
        code[rows], x[rows], y[rows], rotation[rows] = last.code[old], last.x[old], last.y[old], last.rotation[old]
        overrides = [last.overrides[i] if i >= 0 else {} for i in src.tolist()]
        for i in fresh:
            b = blocks[i]
            code[i] = number.setdefault((b.type_id, b.hall_id, b.power_system, b.cooling_loop), len(number))
            x[i], y[i], rotation[i] = b.x_mm, b.y_mm, b.rotation_deg
            overrides[i] = b.overrides
    keys.extend(list(number)[len(keys):])  # the combinations first seen now
    return Columns(blocks, ids, code, keys, x, y, rotation, overrides, number)


def _verify(c: Columns) -> None:
    """Fail when a kept row no longer matches its block: something changed a block in place."""
    fresh = _read(c.blocks, None)
    got = [c.keys[k] for k in c.code.tolist()]
    want = [fresh.keys[k] for k in fresh.code.tolist()]
    for i, b in enumerate(c.blocks):
        if (c.ids[i] != fresh.ids[i] or got[i] != want[i] or c.x[i] != fresh.x[i] or c.y[i] != fresh.y[i]
                or c.rotation[i] != fresh.rotation[i] or c.overrides[i] is not b.overrides):
            raise AssertionError(f"block {b.id!r} was changed in place after the calculation read it; "
                                 "edits must put a changed copy in the design (model/edits.py)")
