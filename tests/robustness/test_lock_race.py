"""Several real processes take over one stale lock at the same instant: exactly one of them may win, every time."""

from __future__ import annotations

import json
import multiprocessing
import os
import socket
import time
from pathlib import Path
from typing import Any

from workbench.io.lock import LockedError, acquire, lock_path, read_lock

WORKERS = int(os.environ.get("RACE_WORKERS", "6"))
TRIALS = int(os.environ.get("RACE_TRIALS", "600"))
TIME_LIMIT_S = 120.0


def _worker(design: str, start: Any, done: Any, results: Any, trials: int) -> None:
    """One racer: at every trial, try to take the lock the moment the barrier opens."""
    for trial in range(trials):
        start.wait()
        try:
            lock = acquire(design)
        except LockedError:
            results.put((trial, os.getpid(), False))
        else:
            # Still ours after everyone has finished? A racer that "won" but lost its lock file is a double win.
            results.put((trial, os.getpid(), True))
            done.wait()
            info = read_lock(design)
            results.put((trial, os.getpid(), info is not None and info.pid == os.getpid()))
            lock.release()
            done.wait()
            continue
        done.wait()
        done.wait()


def _stale_lock(design: Path, dead_pid: int, trial: int) -> None:
    info = {"user": "crashed", "host": socket.gethostname(), "pid": dead_pid, "time": time.time() - trial}
    lock_path(design).write_text(json.dumps(info), "utf-8")


def test_exactly_one_process_takes_over_a_stale_lock(tmp_path: Path, dead_pid: int) -> None:
    design = tmp_path / "race.dchall.json"
    design.write_text("{}", "utf-8")
    ctx = multiprocessing.get_context("spawn")  # real, separate interpreters, as two workbench windows are
    start, done = ctx.Barrier(WORKERS + 1), ctx.Barrier(WORKERS + 1)
    results = ctx.Queue()
    procs = [ctx.Process(target=_worker, args=(str(design), start, done, results, TRIALS)) for _ in range(WORKERS)]
    for p in procs:
        p.start()
    began = time.monotonic()
    doubles: list[int] = []
    nobody: list[int] = []
    try:
        for trial in range(TRIALS):
            with_leftovers = sorted(x.name for x in tmp_path.iterdir() if x.name != design.name)
            assert with_leftovers == [], f"trial {trial}: files left behind {with_leftovers}"
            _stale_lock(design, dead_pid, trial)
            start.wait(timeout=60)
            claims = [results.get(timeout=60) for _ in range(WORKERS)]
            winners = [pid for t, pid, won in claims if won and t == trial]
            done.wait(timeout=60)
            held = [results.get(timeout=60) for _ in winners]
            still = [pid for _t, pid, ok in held if ok]
            if len(winners) > 1 or len(still) > 1:
                doubles.append(trial)
            if not winners:
                nobody.append(trial)
            done.wait(timeout=60)
            lock_path(design).unlink(missing_ok=True)
            assert time.monotonic() - began < TIME_LIMIT_S, f"took too long: {trial} trials"
    finally:
        for p in procs:
            p.join(timeout=30)
            if p.is_alive():
                p.kill()
                p.join()
        results.close()
        results.join_thread()
    assert doubles == [], f"two processes held the lock in trials {doubles}"
    assert nobody == [], f"nobody took over the stale lock in trials {nobody}"
