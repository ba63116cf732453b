"""Hold Python's cyclic garbage collector while a batch of short-lived, cycle-free objects is made."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Hold the cyclic collector for the block, then restore it as it was.

    A calculation run or a file read makes no reference cycles, but their tens of thousands of short-lived
    objects would otherwise set off full collections that walk every object already alive (a large design
    and the whole window), in the middle of a drag or of start-up.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
