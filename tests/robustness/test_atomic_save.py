"""Saving is atomic and durable: .bak, permissions, links, disk full, read-only places, leftovers of dead writers."""

from __future__ import annotations

import errno
import os
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.robustness.conftest import GOLDEN_V1, ROOT
from workbench.io import dumps, load_design, save_design
from workbench.io.atomic import host_tag, write_atomic
from workbench.model.design import Design, Site


def _design(name: str) -> Design:
    d = load_design(GOLDEN_V1).design
    d.site = Site(name=name)
    return d


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_bak_keeps_the_previous_version(tmp_path: Path) -> None:
    target = tmp_path / "hall.dchall.json"
    a, b, c = _design("A"), _design("B"), _design("C")
    save_design(a, target)
    assert not (tmp_path / "hall.dchall.json.bak").exists()
    save_design(b, target)
    assert target.read_bytes() == dumps(b)
    assert (tmp_path / "hall.dchall.json.bak").read_bytes() == dumps(a)
    save_design(c, target)
    assert (tmp_path / "hall.dchall.json.bak").read_bytes() == dumps(b)
    assert _listing(tmp_path) == ["hall.dchall.json", "hall.dchall.json.bak"]


def test_new_file_follows_umask_and_old_file_keeps_its_mode(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    os.umask(mask)
    target = tmp_path / "new.dchall.json"
    save_design(_design("A"), target)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask  # not mkstemp's private 0600
    target.chmod(0o640)
    save_design(_design("B"), target)
    assert target.stat().st_mode & 0o777 == 0o640


def test_saving_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.dchall.json"
    link = tmp_path / "link.dchall.json"
    save_design(_design("A"), real)
    link.symlink_to(real)
    save_design(_design("B"), link)
    assert link.is_symlink()
    assert load_design(real).design.site.name == "B"


def _fill_disk_after(monkeypatch: pytest.MonkeyPatch, free_bytes: int) -> None:
    """os.write accepts free_bytes in total, then fails with ENOSPC like a full disk (a short write first)."""
    real_write = os.write
    left = [free_bytes]

    def write(fd: int, data: bytes | memoryview) -> int:
        if left[0] <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        n = real_write(fd, bytes(data[: left[0]]))
        left[0] -= n
        return n

    monkeypatch.setattr(os, "write", write)


def test_disk_full_reports_and_leaves_file_and_backup_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "hall.dchall.json"
    save_design(_design("A"), target)
    save_design(_design("B"), target)
    before = _listing(tmp_path)
    file_bytes, bak_bytes = target.read_bytes(), (tmp_path / "hall.dchall.json.bak").read_bytes()
    _fill_disk_after(monkeypatch, 1000)
    with pytest.raises(OSError) as info:
        save_design(_design("C"), target)
    assert info.value.errno == errno.ENOSPC
    monkeypatch.undo()
    assert target.read_bytes() == file_bytes
    assert (tmp_path / "hall.dchall.json.bak").read_bytes() == bak_bytes
    assert _listing(tmp_path) == before  # the partial temporary file is gone


def test_fsync_failure_is_reported_and_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "hall.dchall.json"
    save_design(_design("A"), target)
    before = target.read_bytes()

    def failing_fsync(fd: int) -> None:
        raise OSError(errno.EIO, "I/O error")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(OSError):
        save_design(_design("B"), target)
    monkeypatch.undo()
    assert target.read_bytes() == before
    assert _listing(tmp_path) == ["hall.dchall.json"]


def test_real_kernel_refusal_file_size_limit(tmp_path: Path) -> None:
    """A real write error from the kernel (RLIMIT_FSIZE applies even to root): file and folder intact."""
    target = tmp_path / "hall.dchall.json"
    save_design(_design("small"), target)
    before = target.read_bytes()
    script = textwrap.dedent(f"""
        import resource, signal, sys
        sys.path.insert(0, {str(ROOT)!r})
        from workbench.io import load_design, save_design
        from workbench.model import Block
        d = load_design({str(GOLDEN_V1)!r}).design
        for i in range(3000):
            b = Block(type_id="rack.air-10kw", x_mm=float(i), y_mm=1.0, hall_id="hall-a")
            d.blocks[b.id] = b
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))
        try:
            save_design(d, {str(target)!r})
        except OSError as exc:
            print("errno", exc.errno)
        else:
            print("saved")
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == f"errno {errno.EFBIG}", out.stderr
    assert target.read_bytes() == before
    assert _listing(tmp_path) == ["hall.dchall.json"]


def test_parent_is_a_file_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(OSError):
        save_design(_design("A"), blocker / "hall.dchall.json")
    assert _listing(tmp_path) == ["not-a-folder"]


def test_target_that_is_a_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "hall.dchall.json").mkdir()
    with pytest.raises(IsADirectoryError):
        save_design(_design("A"), tmp_path / "hall.dchall.json")
    assert _listing(tmp_path) == ["hall.dchall.json"]


def test_read_only_folder_reports_and_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Root ignores chmod, so the refusal is made where the OS makes it: creating the file (EROFS)."""
    target = tmp_path / "hall.dchall.json"
    save_design(_design("A"), target)
    before = target.read_bytes()
    real_open = os.open

    def read_only_open(path: str | os.PathLike[str], flags: int, *args: int, **kw: object) -> int:
        if flags & os.O_CREAT and Path(path).parent == tmp_path:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, flags, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", read_only_open)
    with pytest.raises(OSError) as info:
        save_design(_design("B"), target)
    monkeypatch.undo()
    assert info.value.errno == errno.EROFS
    assert target.read_bytes() == before
    assert _listing(tmp_path) == ["hall.dchall.json"]


def test_leftovers_of_dead_writers_are_removed_but_live_ones_kept(tmp_path: Path, dead_pid: int) -> None:
    target = tmp_path / "hall.dchall.json"
    save_design(_design("A"), target)
    host = host_tag()
    dead = tmp_path / f".hall.dchall.json.{host}-{dead_pid}.abcd1234.tmp"
    live = tmp_path / f".hall.dchall.json.{host}-{os.getppid()}.abcd1234.tmp"
    other_host_new = tmp_path / ".hall.dchall.json.elsewhere-1.abcd1234.tmp"
    other_host_old = tmp_path / ".hall.dchall.json.elsewhere-2.abcd1234.tmp"
    for p in (dead, live, other_host_new, other_host_old):
        p.write_bytes(b"partial")
    old = time.time() - 2 * 3600
    os.utime(other_host_old, (old, old))
    save_design(_design("B"), target)
    left = set(_listing(tmp_path))
    assert dead.name not in left and other_host_old.name not in left
    assert {live.name, other_host_new.name} <= left
    assert socket.gethostname()  # the host tag comes from a real name


def test_zero_length_and_large_writes_round_trip(tmp_path: Path) -> None:
    target = tmp_path / "blob.bin"
    write_atomic(target, b"")
    assert target.read_bytes() == b""
    big = os.urandom(3_000_000)
    write_atomic(target, big)
    assert target.read_bytes() == big
    assert (tmp_path / "blob.bin.bak").read_bytes() == b""


def test_design_with_a_nan_is_refused_with_its_path_and_the_file_kept(tmp_path: Path) -> None:
    target = tmp_path / "hall.dchall.json"
    d = _design("A")
    save_design(d, target)
    before = target.read_bytes()
    next(iter(d.blocks.values())).x_mm = float("nan")
    with pytest.raises(ValueError, match=r"\$\.blocks\[0\]\.x_mm"):
        save_design(d, target)
    assert target.read_bytes() == before


def test_backup_that_already_is_the_file_leaves_no_temp(tmp_path: Path) -> None:
    """A writer killed between updating the .bak and replacing the file leaves both as one inode."""
    from workbench.io.atomic import write_atomic

    target = tmp_path / "x.dchall.json"
    target.write_bytes(b"old")
    os.link(target, tmp_path / "x.dchall.json.bak")
    write_atomic(target, b"new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.dchall.json", "x.dchall.json.bak"]
    assert target.read_bytes() == b"new" and (tmp_path / "x.dchall.json.bak").read_bytes() == b"old"
