"""Writers that must refuse, and say which file: a design a live editor holds (migrate), a symlink loop, a full
disk, a .bak that cannot be written, a read-only file; and the CLI's last-resort handler for anything else."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.robustness.conftest import ROOT
from workbench.cli.main import run
from workbench.io import atomic
from workbench.io.atomic import write_atomic
from workbench.io.lock import lock_path

HOLDER = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from workbench.io.lock import acquire
lock = acquire(sys.argv[1])
print("locked", flush=True)
sys.stdin.readline()
"""


def test_migrate_refuses_a_file_a_live_editor_holds_and_names_the_holder(
        golden_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = golden_copy.read_bytes()
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(golden_copy)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
        assert run(["migrate", str(golden_copy)]) == 2
        err = capsys.readouterr().err
        assert str(golden_copy) in err and f"process {proc.pid}" in err and "not rewritten" in err
        assert golden_copy.read_bytes() == before and not golden_copy.with_name(golden_copy.name + ".bak").exists()
    finally:
        proc.kill()
        proc.wait()
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                stream.close()
    # The holder was killed: its lock is stale, and migrate takes it over, rewrites, and lets it go.
    assert run(["migrate", str(golden_copy)]) == 0
    assert not lock_path(golden_copy).exists()


def test_migrate_to_a_symlink_loop_says_so(golden_copy: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    loop = tmp_path / "loop.dchall.json"
    os.symlink(loop, loop)
    assert run(["migrate", str(golden_copy), "-o", str(loop)]) == 2
    err = capsys.readouterr().err
    assert str(loop) in err and "loop" in err and "Traceback" not in err and "unexpected" not in err
    assert run(["migrate", str(loop)]) == 2  # as the source, too
    assert "loop.dchall.json" in capsys.readouterr().err


def test_a_full_disk_names_the_file(golden_copy: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    def full(fd: int, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))  # what os.write raises: no file name

    monkeypatch.setattr(atomic, "_write_all", full)
    before = golden_copy.read_bytes()
    assert run(["migrate", str(golden_copy)]) == 2
    err = capsys.readouterr().err
    assert f"workbench: {golden_copy}: No space left on device" in err and ": :" not in err
    assert golden_copy.read_bytes() == before
    assert sorted(p.name for p in golden_copy.parent.iterdir()) == [golden_copy.name]


def test_a_backup_that_cannot_be_written_is_named(golden_copy: Path) -> None:
    bak = golden_copy.with_name(golden_copy.name + ".bak")
    bak.mkdir()  # something in the way of the .bak
    (bak / "keep").write_text("x")
    with pytest.raises(OSError) as caught:
        write_atomic(golden_copy, b"{}")
    assert caught.value.filename == str(bak) and "backup" in str(caught.value)
    assert ".tmp" not in str(caught.value)


def test_a_read_only_file_is_not_replaced(golden_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    golden_copy.chmod(0o444)
    before = golden_copy.read_bytes()
    with pytest.raises(PermissionError) as caught:
        write_atomic(golden_copy, b"{}")
    assert caught.value.filename == str(golden_copy) and "read-only" in str(caught.value)
    assert run(["migrate", str(golden_copy)]) == 2
    assert "read-only" in capsys.readouterr().err
    assert golden_copy.read_bytes() == before and (golden_copy.stat().st_mode & 0o777) == 0o444


def test_the_cli_last_resort_prints_one_line_and_a_log_path(monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    import workbench.calc

    def broken(*args: object, **kwargs: object) -> object:
        raise ZeroDivisionError("a bug nobody has found yet")

    monkeypatch.setattr(workbench.calc, "calculate", broken)
    from workbench.paths import sample_design_path

    assert run(["calc", str(sample_design_path())]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert "unexpected error: ZeroDivisionError: a bug nobody has found yet" in err
    log = Path(err.rsplit("details in ", 1)[1].strip())
    assert "Traceback" in log.read_text("utf-8") and "a bug nobody has found yet" in log.read_text("utf-8")
