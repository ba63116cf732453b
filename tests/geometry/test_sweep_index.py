"""The sweep-and-prune overlap search finds exactly the pairs a test of every pair finds."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.geometry.sweep_index import SweepIndex, brute_pairs, grown_pairs, pairs, sort_pairs


def _boxes(seed: int, n: int, spread_mm: float, tall: bool) -> np.ndarray:
    rng = np.random.default_rng(seed)
    x0 = rng.uniform(0, spread_mm, n).round(-1)
    y0 = rng.uniform(0, spread_mm, n).round(-1)
    w = rng.choice([600.0, 800.0, 1200.0, 2400.0, 12000.0], n)
    h = rng.choice([600.0, 1200.0, 30000.0 if tall else 1200.0], n)
    return np.column_stack((x0, y0, x0 + w, y0 + h))


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(0, 300), m=st.integers(0, 300),
       spread=st.sampled_from([2000.0, 20000.0, 200000.0]), tall=st.booleans(),
       strip=st.sampled_from([None, 700.0, 5000.0]))
def test_sweep_equals_every_pair_tested(seed: int, n: int, m: int, spread: float, tall: bool,
                                        strip: float | None) -> None:
    boxes = _boxes(seed, n, spread, tall)
    query = _boxes(seed + 1, m, spread, not tall)
    expected = brute_pairs(query, boxes)
    expected = sort_pairs(expected[:, 0], expected[:, 1])
    found = SweepIndex(boxes, strip).pairs(query)
    assert np.array_equal(found, expected)
    assert np.array_equal(pairs(query, boxes), expected)


def test_touching_rows_are_not_pairs_and_a_real_overlap_is() -> None:
    # A row of ten 600 mm racks edge to edge, then one rack pushed 100 mm into its neighbour.
    x = np.arange(10) * 600.0
    row = np.column_stack((x, np.zeros(10), x + 600.0, np.full(10, 1200.0)))
    assert len(SweepIndex(row).pairs(row, skip_same=True)) == 0
    row[4, [0, 2]] -= 100.0
    found = SweepIndex(row).pairs(row, skip_same=True).tolist()
    assert found == [[3, 4], [4, 3]]


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(0, 300), m=st.integers(0, 20),
       spread=st.sampled_from([2000.0, 20000.0, 200000.0]), tall=st.booleans(),
       strip=st.sampled_from([None, 700.0, 5000.0]))
def test_the_self_join_of_grown_boxes_finds_every_pair_tested(seed: int, n: int, m: int, spread: float, tall: bool,
                                                               strip: float | None) -> None:
    # Footprints grown by random front/rear depths (as service zones grow them), plus extra zones (doors).
    boxes = _boxes(seed, n, spread, tall)
    rng = np.random.default_rng(seed)
    grow = rng.choice([0.0, 600.0, 1200.0], (n, 2))
    grown = boxes + np.column_stack((np.zeros(n), -grow[:, 0], np.zeros(n), grow[:, 1]))
    extra = _boxes(seed + 2, m, spread, False)
    queries = np.concatenate((grown, extra))
    expected = brute_pairs(queries, boxes)
    expected = expected[expected[:, 0] != expected[:, 1]]
    found = grown_pairs(grown, boxes, extra, strip_mm=strip)
    assert np.array_equal(sort_pairs(found[:, 0], found[:, 1]), sort_pairs(expected[:, 0], expected[:, 1]))
