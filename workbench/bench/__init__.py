"""Benchmarks of the workbench at campus scale (`workbench bench`), against the bare toolkits."""

from __future__ import annotations

from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run `workbench bench`; the Qt and report parts are imported only when measured."""
    from workbench.bench.cli import run

    return run(list(argv or []))
