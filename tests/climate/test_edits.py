"""Climate edits apply, revert and apply again to the same design (no Qt)."""

from __future__ import annotations

import copy

import pytest

from workbench.model.climate import LoopSettings
from workbench.model.climate_edits import SetLoadProfile, SetLoopTemperatures, SetWeather
from workbench.model.design import Design


@pytest.mark.parametrize("edit", [
    SetWeather("builtin:denver-co", "abc"),
    SetLoopTemperatures("liquid", "warm", 36.0, 46.0),
    SetLoopTemperatures("air", "chilled", 18.0, None),
    SetLoadProfile("monthly", monthly=[0.2] * 6 + [0.9] * 6),
])
def test_apply_revert_apply(edit: object) -> None:
    d = Design()
    d.climate.loops["air"] = LoopSettings("chilled", 15.0, 21.0)
    seen: list[str] = []
    d.events.site_changed.connect(lambda: seen.append("x"))
    before = copy.deepcopy(d.climate)
    edit.apply(d)  # type: ignore[attr-defined]
    after = copy.deepcopy(d.climate)
    assert after != before
    edit.revert(d)  # type: ignore[attr-defined]
    assert d.climate == before
    edit.apply(d)  # type: ignore[attr-defined]
    assert d.climate == after and len(seen) == 3


def test_bad_loop_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="must be warmer than supply"):
        SetLoopTemperatures("liquid", "warm", 40.0, 35.0)
    with pytest.raises(ValueError, match="not a loop kind"):
        SetLoopTemperatures("liquid", "lukewarm", 30.0, 40.0)
    with pytest.raises(ValueError, match="not a load profile"):
        SetLoadProfile("yearly")
