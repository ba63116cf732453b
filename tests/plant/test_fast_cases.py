"""The fast N-1 cases (calc/n1.py) give exactly what the full failure analysis gives."""

from __future__ import annotations

import random

import numpy as np
import pytest

from tests.plant.test_properties import HALLS, _wired
from workbench.calc.contingency import infrastructure_components
from workbench.calc.failure import FailureAnalysis
from workbench.calc.n1 import FastCases
from workbench.catalog import default_catalog


@pytest.mark.parametrize("path", HALLS, ids=lambda p: p.name)
def test_every_single_failure_and_sampled_pairs_match_the_full_analysis(path) -> None:  # type: ignore[no-untyped-def]
    fa = FailureAnalysis(_wired(path), default_catalog())
    fast = FastCases(fa)
    comps = [fa.g.row[c] for c in infrastructure_components(fa)]
    rng = random.Random(7)
    cases = [[c] for c in comps] + [rng.sample(comps, 2) for _ in range(25)] + [rng.sample(comps, 4) for _ in range(10)]
    rack = fa.g.is_rack
    for failed in cases:
        mask = np.zeros(fa.g.n, dtype=bool)
        mask[failed] = True
        st, flow = fa.evaluate(mask)
        assert flow is not None
        dark = np.flatnonzero(rack & ((~st.powered & ~fa.normal_dark_power) | (~st.cooled & ~fa.normal_dark_cooling)))
        over = [(r, float(flow.load_kw[r])) for r in flow.overloaded().tolist() if r not in fa.normal_over]
        got = fast.case(failed)
        assert list(got.dark) == dark.tolist(), [fa.g.ids[f] for f in failed]
        assert [r for r, _ in got.overloads] == [r for r, _ in over]
        for (_, a), (_, b) in zip(got.overloads, over):
            assert a == pytest.approx(b, rel=1e-6)
