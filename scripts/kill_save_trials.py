#!/usr/bin/env python3
"""Kill (SIGKILL) a process in the middle of saving, many times: the file must always be the complete old or new version.

A zygote process imports the workbench once and, per trial, forks a child that saves two designs
(A, B) to the same file in a loop with save_design; the zygote SIGKILLs the child after a random
delay. After each kill the file must load and be byte-identical to A or to B, the .bak likewise,
and every leftover temporary file must be hidden (name starts with '.').

    .venv/bin/python scripts/kill_save_trials.py --trials 2000       # POSIX only (fork, SIGKILL)
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def big_design(blocks: int, variant: int) -> object:
    """A design with `blocks` racks in rows; variant 1 moves every block and renames the site."""
    from workbench.model.design import Block, Design, Hall, Site

    hall = Hall(id="hall-1", name="Hall", outline=[(0.0, 0.0), (200000.0, 0.0), (200000.0, 200000.0), (0.0, 200000.0)])
    d = Design(site=Site(name=f"Kill test variant {variant}"), halls=[hall])
    for i in range(blocks):
        b = Block(type_id="rack.gb200-nvl72", x_mm=1000.0 + (i % 150) * 700.0 + variant * 50.0,
                  y_mm=1000.0 + (i // 150) * 1500.0, rotation_deg=180 if variant and i % 2 else 0,
                  id=f"b{i:06d}", name=f"R{i:05d}-v{variant}", hall_id="hall-1", power_system="main")
        d.blocks[b.id] = b
    d.description = f"variant {variant}"
    return d


class SaveZygote:
    """The worker process; kill_after(delay) forks a saving child and SIGKILLs it after delay seconds."""

    def __init__(self, target: Path, a: Path, b: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--worker", str(target), str(a), str(b)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=str(ROOT))
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self._in: IO[str] = self.proc.stdin
        self._out: IO[str] = self.proc.stdout
        line = self._out.readline().split()
        if not line or line[0] != "ready":
            self.close()
            raise RuntimeError(f"save worker did not start: {line}")
        self.save_seconds = float(line[1])  # mean time of one save, measured by the worker

    def kill_after(self, delay_s: float, b_first: bool = True) -> None:
        self._in.write(f"{delay_s:.6f} {int(b_first)}\n")
        self._in.flush()
        reply = self._out.readline().strip()
        if reply != "killed":
            raise RuntimeError(f"save worker answered {reply!r}")

    def close(self) -> None:
        try:
            self._in.write("quit\n")
            self._in.flush()
        except (BrokenPipeError, ValueError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for stream in (self._in, self._out):
            try:
                stream.close()
            except (BrokenPipeError, OSError):
                pass


def _worker(target: Path, a: Path, b: Path) -> int:
    from workbench.io import load_design, save_design

    da, db = load_design(a).design, load_design(b).design
    start = time.perf_counter()
    for _ in range(5):
        save_design(da, target)
        save_design(db, target)
    save_design(da, target)
    mean = (time.perf_counter() - start) / 11
    print(f"ready {mean:.6f}", flush=True)
    for line in sys.stdin:
        if line.strip() == "quit":
            break
        delay_text, b_first = line.split()
        delay = float(delay_text)
        first, second = (db, da) if b_first == "1" else (da, db)
        pid = os.fork()
        if pid == 0:  # the child: save for ever until killed
            try:
                while True:
                    save_design(first, target)
                    save_design(second, target)
            finally:
                os._exit(1)
        time.sleep(delay)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        print("killed", flush=True)
    return 0


def run(trials: int, blocks: int, folder: Path, seed: int) -> dict[str, object]:
    from workbench.io import load_design, save_design

    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    a, b, target = folder / "a.dchall.json", folder / "b.dchall.json", folder / "hall.dchall.json"
    save_design(big_design(blocks, 0), a)  # type: ignore[arg-type]
    save_design(big_design(blocks, 1), b)  # type: ignore[arg-type]
    versions = {a.read_bytes(): "A", b.read_bytes(): "B"}
    save_design(load_design(a).design, target)
    zygote = SaveZygote(target, a, b)
    seen = {"A": 0, "B": 0}
    mid_write = 0
    bad: list[str] = []
    start = time.perf_counter()
    try:
        for i in range(trials):
            zygote.kill_after(rng.uniform(0.0, 2.5 * zygote.save_seconds), rng.random() < 0.5)
            data = target.read_bytes()
            which = versions.get(data)
            if which is None:
                bad.append(f"trial {i}: file is neither version ({len(data)} bytes)")
                continue
            seen[which] += 1
            load_design(target)
            bak = target.with_name(target.name + ".bak")
            if bak.exists() and bak.read_bytes() not in versions:
                bad.append(f"trial {i}: .bak is neither version")
            extra = [p.name for p in folder.iterdir() if p not in (a, b, target, bak)]
            if any(not n.startswith(".") for n in extra):
                bad.append(f"trial {i}: visible leftovers {extra}")
            mid_write += any(n.endswith(".tmp") for n in extra)
    finally:
        zygote.close()
    return {"trials": trials, "seconds": round(time.perf_counter() - start, 1), "save_ms": zygote.save_seconds * 1e3,
            "bytes": len(a.read_bytes()), "A": seen["A"], "B": seen["B"], "killed_mid_write": mid_write, "bad": bad}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--worker", nargs=3, metavar=("TARGET", "A", "B"), help=argparse.SUPPRESS)
    ap.add_argument("--trials", type=int, default=1000)
    ap.add_argument("--blocks", type=int, default=1500)
    ap.add_argument("--seed", type=int, default=int(time.time()))
    ap.add_argument("--dir", type=Path, help="working folder (default: a new temporary folder)")
    args = ap.parse_args(argv)
    if args.worker:
        return _worker(*(Path(p) for p in args.worker))
    if os.name != "posix":
        print("kill_save_trials: needs fork and SIGKILL (POSIX)", file=sys.stderr)
        return 2
    import tempfile

    folder = args.dir or Path(tempfile.mkdtemp(prefix="kill-save-"))
    r = run(args.trials, args.blocks, folder, args.seed)
    print(f"kill_save_trials: {r['trials']} kills in {r['seconds']} s; design {r['bytes']:,} bytes, one save "
          f"{r['save_ms']:.1f} ms; file was old/new version {r['A']}/{r['B']} times; "
          f"{r['killed_mid_write']} kills left a temporary file (killed mid-write); "
          f"{len(r['bad'])} failures")  # type: ignore[arg-type]
    for line in r["bad"][:20]:  # type: ignore[index]
        print("  " + line)
    return 1 if r["bad"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
