"""Benchmarks of the workbench at campus scale (`workbench bench`), against the bare toolkits."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any


def main(argv: Sequence[str] | None = None, scene_figures: Callable[..., Any] | None = None,
         switch_figure: Callable[..., Any] | None = None, underlay_figure: Callable[..., Any] | None = None) -> int:
    """Run `workbench bench`; scene_figures and switch_figure measure in the window (the entry point passes them)."""
    from workbench.bench.cli import run

    return run(list(argv or []), scene_figures, switch_figure, underlay_figure)
