#!/usr/bin/env python3
"""Fuzz the design loader with mutated copies of valid files; it must return a Design or raise InputError.

Mutations: bit flips, byte overwrites with JSON-significant bytes, insertions, deletions, truncations,
splices of two files, BOMs and junk; and JSON-level edits (values replaced by other types, huge numbers,
NaN/Infinity, keys removed or added, ids duplicated, lists emptied or repeated, deep nesting, unknown
block types, other schema versions). A loaded design must also save and load back to the same content.

    .venv/bin/python scripts/fuzz_loader.py --seconds 300          # a long run; prints inputs tried
    .venv/bin/python scripts/fuzz_loader.py --count 2000 --seed 1  # what the test suite does
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from workbench.catalog import default_catalog  # noqa: E402
from workbench.io import design_to_dict, dumps, loads_design  # noqa: E402
from workbench.model.blocktype import Catalog  # noqa: E402
from workbench.model.design import Design  # noqa: E402
from workbench.model.problems import InputError  # noqa: E402

INTERESTING_BYTES = b'"{}[],:\\0-+.eE \n\t\x00\xff\xc3\x80\xef\xbb\xbfnNtfI'
INTERESTING_VALUES: list[Any] = [
    None, True, False, 0, -1, 1, 0.5, -0.0, 1e308, -1e308, 10**20, 2**63, 1e-320, "", "x", "0", "NaN",
    "é漢字", "a" * 300, [], {}, [[]], [0, 0], [[0, 0], [1, 1], [0, 1]], {"x_mm": 1}, 90, 45, "2N", "rack.gb200-nvl72",
    "../../etc/passwd",
]
NUMBER_TOKENS = ["NaN", "Infinity", "-Infinity", "1e999", "-1e999", "9" * 400, "1" * 5000, "1e-999", "0e0", "-0"]


def seed_files() -> list[bytes]:
    files = [ROOT / "tests" / "data" / "design-v1.dchall.json",
             *sorted((ROOT / "templates").rglob("*.dchall.json"))]
    return [p.read_bytes() for p in files if p.is_file()]


class Mutator:
    def __init__(self, seeds: list[bytes], rng: random.Random) -> None:
        self.seeds = seeds
        self.docs = [json.loads(s) for s in seeds]
        self.rng = rng
        self.byte_ops: list[Callable[[bytes], bytes]] = [
            self.flip_bits, self.overwrite, self.insert, self.delete, self.truncate, self.duplicate,
            self.splice, self.bom, self.junk]
        self.json_ops: list[Callable[[Any], Any]] = [
            self.replace_value, self.drop_key, self.add_key, self.repeat_item, self.empty_container,
            self.wrap, self.duplicate_id, self.unknown_type, self.version, self.nest]

    def mutate(self) -> tuple[str, bytes]:
        rng = self.rng
        i = rng.randrange(len(self.seeds))
        if rng.random() < 0.45:
            op = rng.choice(self.byte_ops)
            data = self.seeds[i]
            for _ in range(rng.choice((1, 1, 1, 2, 4))):
                data = op(data)
            return op.__name__, data
        doc = copy.deepcopy(self.docs[i])
        names = []
        for _ in range(rng.choice((1, 1, 2, 3))):
            jop = rng.choice(self.json_ops)
            names.append(jop.__name__)
            doc = jop(doc)
        text = json.dumps(doc, ensure_ascii=rng.random() < 0.3, allow_nan=True, indent=rng.choice((None, 1)))
        if rng.random() < 0.15:
            text = self.number_token(text)
            names.append("number_token")
        return "+".join(names), text.encode("utf-8", errors="surrogatepass")

    # --- byte level --------------------------------------------------------------------------
    def _pos(self, data: bytes) -> int:
        return self.rng.randrange(len(data) + 1)

    def flip_bits(self, data: bytes) -> bytes:
        if not data:
            return data
        b = bytearray(data)
        for _ in range(self.rng.randint(1, 8)):
            b[self.rng.randrange(len(b))] ^= 1 << self.rng.randrange(8)
        return bytes(b)

    def overwrite(self, data: bytes) -> bytes:
        if not data:
            return data
        b = bytearray(data)
        b[self.rng.randrange(len(b))] = self.rng.choice(INTERESTING_BYTES)
        return bytes(b)

    def insert(self, data: bytes) -> bytes:
        p = self._pos(data)
        chunk = bytes(self.rng.choice(INTERESTING_BYTES) for _ in range(self.rng.randint(1, 16)))
        return data[:p] + chunk + data[p:]

    def delete(self, data: bytes) -> bytes:
        p = self._pos(data)
        return data[:p] + data[p + self.rng.randint(1, 64):]

    def truncate(self, data: bytes) -> bytes:
        return data[: self._pos(data)]

    def duplicate(self, data: bytes) -> bytes:
        a = self._pos(data)
        b = min(len(data), a + self.rng.randint(1, 200))
        return data[:b] + data[a:b] + data[b:]

    def splice(self, data: bytes) -> bytes:
        other = self.rng.choice(self.seeds)
        return data[: self._pos(data)] + other[self._pos(other):]

    def bom(self, data: bytes) -> bytes:
        boms = [b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00"]
        if self.rng.random() < 0.5:
            return self.rng.choice(boms) + data
        text = data.decode("utf-8", errors="replace")
        codec = self.rng.choice(["utf-16", "utf-32", "utf-16-le", "utf-16-be", "latin-1", "cp1252"])
        return text.encode(codec, errors="replace")

    def junk(self, data: bytes) -> bytes:
        size = self.rng.choice((10, 1000, 100_000, 2_000_000))
        junk = self.rng.randbytes(size) if self.rng.random() < 0.5 else b"x" * size
        return data + junk if self.rng.random() < 0.5 else junk + data

    # --- JSON level ----------------------------------------------------------------------------
    def _nodes(self, doc: Any) -> list[tuple[Any, Any]]:
        """(container, key) pairs for every value inside doc."""
        out: list[tuple[Any, Any]] = []
        stack = [doc]
        while stack:
            node = stack.pop()
            items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
            for k, v in items:
                out.append((node, k))
                if isinstance(v, (dict, list)):
                    stack.append(v)
        return out

    def _pick(self, doc: Any) -> tuple[Any, Any] | None:
        nodes = self._nodes(doc)
        return self.rng.choice(nodes) if nodes else None

    def replace_value(self, doc: Any) -> Any:
        pick = self._pick(doc)
        if pick is None:
            return self.rng.choice(INTERESTING_VALUES)
        container, key = pick
        container[key] = copy.deepcopy(self.rng.choice(INTERESTING_VALUES + [float("nan"), float("inf")]))
        return doc

    def drop_key(self, doc: Any) -> Any:
        dicts = [(c, k) for c, k in self._nodes(doc) if isinstance(c, dict)]
        if dicts:
            c, k = self.rng.choice(dicts)
            c.pop(k, None)
        return doc

    def add_key(self, doc: Any) -> Any:
        dicts = [c for c, _ in self._nodes(doc) if isinstance(c, dict)] or ([doc] if isinstance(doc, dict) else [])
        if dicts:
            self.rng.choice(dicts)[self.rng.choice(["zz_unknown", "x_mm", "id", "type", "hall", "überfeld"])] = \
                copy.deepcopy(self.rng.choice(INTERESTING_VALUES))
        return doc

    def repeat_item(self, doc: Any) -> Any:
        lists = [c[k] for c, k in self._nodes(doc) if isinstance(c[k], list) and c[k]]
        if lists:
            lst = self.rng.choice(lists)
            lst.extend(copy.deepcopy(lst[: self.rng.randint(1, len(lst))]) * self.rng.choice((1, 1, 50)))
        return doc

    def empty_container(self, doc: Any) -> Any:
        conts = [(c, k) for c, k in self._nodes(doc) if isinstance(c[k], (list, dict))]
        if conts:
            c, k = self.rng.choice(conts)
            c[k] = type(c[k])()
        return doc

    def wrap(self, doc: Any) -> Any:
        pick = self._pick(doc)
        if pick is None:
            return [doc]
        c, k = pick
        c[k] = self.rng.choice(([c[k]], {"value": c[k]}))
        return doc

    def duplicate_id(self, doc: Any) -> Any:
        if isinstance(doc, dict):
            items = [x for key in ("blocks", "halls", "modules") if isinstance(doc.get(key), list)
                     for x in doc[key] if isinstance(x, dict)]
            if len(items) >= 2:
                a, b = self.rng.sample(items, 2)
                b["id"] = a.get("id")
        return doc

    def unknown_type(self, doc: Any) -> Any:
        if isinstance(doc, dict) and isinstance(doc.get("blocks"), list):
            for b in doc["blocks"]:
                if isinstance(b, dict) and self.rng.random() < 0.3:
                    b["type"] = self.rng.choice(["rack.future-9000", "", "x" * 300, "pwr.ups-1mw-li"])
        return doc

    def version(self, doc: Any) -> Any:
        if isinstance(doc, dict):
            doc["schema_version"] = self.rng.choice([0, 2, 99, -1, 1.0, "1", None, True, 10**30, [1]])
        return doc

    def nest(self, doc: Any) -> Any:
        pick = self._pick(doc)
        if pick is not None:
            c, k = pick
            value: Any = c[k]
            for _ in range(self.rng.choice((5, 40, 200))):
                value = [value]
            c[k] = value
        return doc

    def number_token(self, text: str) -> str:
        for key in ("x_mm", "y_mm", "floor_rating_kn_m2", "it_utilisation", "misc_kw", "electricity_price_per_kwh"):
            marker = f'"{key}": '
            at = text.find(marker)
            if at >= 0 and self.rng.random() < 0.5:
                start = at + len(marker)
                end = start
                while end < len(text) and text[end] in "0123456789+-.eE":
                    end += 1
                if end > start:
                    return text[:start] + self.rng.choice(NUMBER_TOKENS) + text[end:]
        return text


def check(data: bytes, catalog: Catalog, calc: bool = False) -> str:
    """'loaded' or 'rejected'; raises AssertionError (or whatever escaped the loader) on a bug."""
    try:
        loaded = loads_design(data, catalog, where="fuzz")
    except InputError as exc:
        assert exc.problems, "InputError without problems"
        for p in exc.problems:
            assert isinstance(p.where, str) and p.where and isinstance(p.message, str) and p.message, p
        return "rejected"
    assert isinstance(loaded.design, Design)
    saved = dumps(loaded.design)  # what loads must save
    again = loads_design(saved, catalog, where="fuzz-resaved")
    assert design_to_dict(again.design) == design_to_dict(loaded.design), "save -> load changed the design"
    if calc:  # whatever opens must also calculate: the window recalculates right after opening
        from workbench.calc import calculate

        calculate(loaded.design, catalog)
    return "loaded"


def run(count: int | None, seconds: float | None, seed: int, catalog: Catalog | None = None,
        out_dir: Path | None = None, progress: bool = False, seeds: list[bytes] | None = None,
        calc: bool = False) -> dict[str, Any]:
    catalog = catalog or default_catalog()
    rng = random.Random(seed)
    mutator = Mutator(seeds or seed_files(), rng)
    outcomes: Counter[str] = Counter()
    failures: list[dict[str, Any]] = []
    start = time.perf_counter()
    tried = 0
    next_report = start + 10
    while (count is None or tried < count) and (seconds is None or time.perf_counter() - start < seconds):
        name, data = mutator.mutate()
        tried += 1
        try:
            outcomes[check(data, catalog, calc)] += 1
        except Exception as exc:  # the whole point: anything else is a finding
            failures.append({"mutation": name, "error": f"{type(exc).__name__}: {exc}"[:500],
                             "traceback": traceback.format_exc()})
            if out_dir is not None:
                out_dir.mkdir(parents=True, exist_ok=True)
                (out_dir / f"crash-{len(failures):04d}.bin").write_bytes(data)
        if progress and time.perf_counter() > next_report:
            next_report += 10
            print(f"  {tried:,} inputs, {dict(outcomes)}, {len(failures)} failures", flush=True)
    return {"tried": tried, "seconds": round(time.perf_counter() - start, 1), "outcomes": dict(outcomes),
            "failures": failures, "seed": seed}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, help="run this long")
    ap.add_argument("--count", type=int, help="try this many inputs")
    ap.add_argument("--seed", type=int, default=int(time.time()))
    ap.add_argument("--calc", action="store_true", help="also run the calculation on every design that loads")
    ap.add_argument("--out", type=Path, default=Path("fuzz-failures"), help="where failing inputs are written")
    args = ap.parse_args(argv)
    if args.seconds is None and args.count is None:
        args.seconds = 60.0
    result = run(args.count, args.seconds, args.seed, out_dir=args.out, progress=True, calc=args.calc)
    print(f"fuzz_loader: {result['tried']:,} inputs tried in {result['seconds']} s (seed {result['seed']}): "
          f"{result['outcomes'].get('loaded', 0):,} loaded, {result['outcomes'].get('rejected', 0):,} rejected "
          f"with InputError, {len(result['failures'])} failures")
    for f in result["failures"][:10]:
        print(f"--- {f['mutation']}: {f['error']}\n{f['traceback']}")
    return 1 if result["failures"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
