"""Connection.many makes the same connections as the constructor, and refuses what the constructor refuses."""

from __future__ import annotations

import pytest

from workbench.model.connections import Connection


def _columns(rows: list[tuple[str, ...]]) -> list[list[str]]:
    return [list(col) for col in zip(*rows)]


def test_many_equals_one_by_one() -> None:
    rows = [("c1", "power", "ups1", "out", "r1", "in_a", "A"), ("c2", "liquid", "cdu1", "sec", "r1", "liq", ""),
            ("c3", "heat", "dc1", "loop", "cdu1", "pri", "")]
    made = Connection.many(*_columns(rows))
    assert made == [Connection(*r) for r in rows]
    assert all(type(c) is Connection for c in made)
    with pytest.raises(AttributeError):  # still frozen
        made[0].kind = "heat"  # type: ignore[misc]


@pytest.mark.parametrize("bad", [("kind", "steam"), ("side", "C"), ("kind", ["power"])])
def test_many_refuses_with_the_constructors_message(bad: tuple[str, object]) -> None:
    field, value = bad
    rows = [["c1", "power", "a", "out", "b", "in", ""], ["c2", "power", "a", "out", "c", "in", "B"]]
    rows[1][1 if field == "kind" else 6] = value  # type: ignore[call-overload]
    with pytest.raises(ValueError) as many:
        Connection.many(*_columns([tuple(r) for r in rows]))  # type: ignore[misc]
    with pytest.raises(ValueError) as one:
        Connection(*rows[1])  # type: ignore[arg-type]
    assert str(many.value) == str(one.value)


def test_columns_of_different_lengths_are_refused() -> None:
    with pytest.raises(ValueError, match="differ in length"):
        Connection.many(["c1"], ["power"], ["a"], ["out"], ["b"], ["in"], [])
