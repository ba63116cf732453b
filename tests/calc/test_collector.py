"""The collector held by a calculation or a file read comes back as it was, also when they fail."""

from __future__ import annotations

import gc

import pytest

from workbench.calc.collector import collector_paused


@pytest.mark.parametrize("before", [True, False])
def test_the_collector_is_held_then_restored_as_it_was(before: bool) -> None:
    (gc.enable if before else gc.disable)()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled() is before
        with pytest.raises(ValueError), collector_paused():
            raise ValueError("a bad file")
        assert gc.isenabled() is before
    finally:
        gc.enable()
