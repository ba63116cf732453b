"""`workbench migrate FILE [-o OUT]`: rewrite a design file in today's schema, atomically."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from workbench.cli.common import EXIT_OK, EXIT_USAGE


def cmd_migrate(args: argparse.Namespace) -> int:
    from workbench.io import load_design
    from workbench.io.atomic import write_atomic
    from workbench.io.lock import LockedError, LockPathError, acquire
    from workbench.io.migrations import CURRENT_VERSION
    from workbench.io.project import dumps

    source = Path(args.file)
    # No catalog: migration keeps the file's content as it is (no defaults added, unknown types kept).
    loaded = load_design(source)
    for p in loaded.problems:
        print(f"workbench: {p}", file=sys.stderr)
    derived: list[str] = []
    if loaded.source_version < 2:
        # Schema 2 added the plant's connections: derive them (ports are catalog data) and say what came.
        from workbench.catalog import default_catalog
        from workbench.io.connections_doc import derive_upgrade_connections

        derived = derive_upgrade_connections(loaded.design, default_catalog())
    target = Path(args.output) if args.output else source
    data = dumps(loaded.design)
    try:
        lock = acquire(target)  # a window editing the file would later overwrite the migration, or lose its work
    except LockedError as exc:
        print(f"workbench: {target}: not rewritten: it is open by {exc.info.describe()} (process {exc.info.pid}); "
              "close it there first, or write the migrated design elsewhere with -o", file=sys.stderr)
        return EXIT_USAGE
    except LockPathError as exc:
        print(f"workbench: {exc.filename}: {exc.strerror}; cannot tell whether someone is editing {target.name}, "
              "so it was not rewritten", file=sys.stderr)
        return EXIT_USAGE
    except OSError:
        lock = None  # a folder that cannot hold a lock file: the write itself says whether it is writable
    try:
        # Rewriting in place keeps the original as FILE.bak, so a migration can always be undone by hand.
        write_atomic(target, data, keep_backup=True)
    finally:
        if lock is not None:
            lock.release()
    if loaded.source_version == CURRENT_VERSION:
        change = f"already schema version {CURRENT_VERSION}; rewritten"
    else:
        change = f"schema version {loaded.source_version} → {CURRENT_VERSION}"
    print(f"{source.name}: {change} to {target}")
    for line in derived:
        print(f"  {line}")
    return EXIT_OK


def register(subparsers: Any, commands: dict[str, Callable[[argparse.Namespace], int]]) -> None:
    p = subparsers.add_parser("migrate", help="rewrite a design file in today's schema version (atomically)")
    p.add_argument("file", help="design file (.dchall.json)")
    p.add_argument("-o", "--output", help="write here instead of replacing FILE (FILE is then left as it was)")
    commands["migrate"] = cmd_migrate

