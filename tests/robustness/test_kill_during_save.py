"""A process SIGKILLed while saving leaves the complete old or the complete new file, never a mix."""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

from tests.robustness.conftest import load_script
from workbench.io.atomic import host_tag
from workbench.io.lock import pid_alive
from workbench.io import load_design, save_design

TRIALS = 200
BLOCKS = 400  # ~80 kB: one save (dumps, write, fsync, rename) takes a few ms


def test_sigkill_in_the_middle_of_saving_200_times(tmp_path: Path) -> None:
    kst = load_script("kill_save_trials")
    a, b, target = tmp_path / "a.dchall.json", tmp_path / "b.dchall.json", tmp_path / "hall.dchall.json"
    save_design(kst.big_design(BLOCKS, 0), a)
    save_design(kst.big_design(BLOCKS, 1), b)
    version_a, version_b = a.read_bytes(), b.read_bytes()
    assert version_a != version_b
    save_design(load_design(a).design, target)
    bak = tmp_path / "hall.dchall.json.bak"
    rng = random.Random(20251127)
    seen = {"old/new A": 0, "old/new B": 0, "temp left (killed mid-write)": 0}
    zygote = kst.SaveZygote(target, a, b)
    start = time.perf_counter()
    try:
        for trial in range(TRIALS):
            zygote.kill_after(rng.uniform(0.0, 2.5 * zygote.save_seconds), rng.random() < 0.5)
            data = target.read_bytes()
            assert data in (version_a, version_b), f"trial {trial}: the file is neither complete version"
            seen["old/new A" if data == version_a else "old/new B"] += 1
            assert load_design(target).design.site.name.startswith("Kill test variant")
            if bak.exists():
                assert bak.read_bytes() in (version_a, version_b), f"trial {trial}: .bak is damaged"
            others = [p.name for p in tmp_path.iterdir() if p not in (a, b, target, bak)]
            assert all(n.startswith(".") and not n.endswith(".dchall.json") for n in others), others
            seen["temp left (killed mid-write)"] += any(n.endswith(".tmp") for n in others)
    finally:
        zygote.close()
    elapsed = time.perf_counter() - start
    # Kills must really land inside saves, or this test proves nothing.
    assert seen["temp left (killed mid-write)"] >= TRIALS // 10, seen
    assert seen["old/new A"] and seen["old/new B"], seen
    # The next save by a live process clears what the killed writers left.
    save_design(load_design(a).design, target)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert [n for n in names if not n.startswith(".")] == ["a.dchall.json", "b.dchall.json", "hall.dchall.json",
                                                           "hall.dchall.json.bak"]
    # A leftover may stay only while its pid names a live process other than us (the pid was reused),
    # since a save cannot tell that writer from a live one.
    for name in (n for n in names if n.startswith(".")):
        pid = int(name.split(f"{host_tag()}-", 1)[1].split(".", 1)[0])
        assert pid != os.getpid() and pid_alive(pid), name
    print(f"{TRIALS} kills in {elapsed:.1f} s, one save {zygote.save_seconds * 1e3:.1f} ms: {seen}")
