"""Inputs the schema accepts must calculate and report, and the schema refuses what the program cannot take,
naming the field: huge k in N+k, fractions above 1, denormal ratings, 1e9 kW racks, very long text."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from workbench.cli.main import run
from workbench.model.design import MAX_REDUNDANT_K, parse_scheme
from workbench.paths import sample_design_path

Edit = Callable[[dict[str, Any]], None]


def _design(tmp_path: Path, edit: Edit) -> Path:
    doc = json.loads(sample_design_path().read_text("utf-8"))
    edit(doc)
    path = tmp_path / "edge.dchall.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    return path


def _first(doc: dict[str, Any], prefix: str) -> dict[str, Any]:
    return next(b for b in doc["blocks"] if b["type"].startswith(prefix))


def _finite(node: Any) -> bool:
    if isinstance(node, float):
        return math.isfinite(node)
    if isinstance(node, dict):
        return all(_finite(v) for v in node.values())
    if isinstance(node, list):
        return all(_finite(v) for v in node)
    return True


REFUSED: dict[str, tuple[Edit, str]] = {
    "huge k": (lambda d: d["assumptions"]["power_schemes"].__setitem__("main", "N+99999999999999999999"),
               "$.assumptions.power_schemes.main"),
    "huge k, 2(N+k)": (lambda d: d["assumptions"]["cooling_schemes"].__setitem__("air", "2(N+100)"),
                       "$.assumptions.cooling_schemes.air"),
    "fraction above 1": (lambda d: _first(d, "rack").setdefault("overrides", {}).__setitem__("liquid_fraction", 1e7),
                         ".overrides.liquid_fraction"),
    "denormal rating": (lambda d: _first(d, "pwr.transformer").setdefault("overrides", {}).__setitem__("rating_kw", 5e-324),
                        ".overrides.rating_kw"),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
@pytest.mark.parametrize("command", [["validate"], ["calc", "--json"], ["report", "-o", "r.pdf"], ["migrate"]])
def test_refused_with_the_field_named(case: str, command: list[str], tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    edit, field = REFUSED[case]
    path = _design(tmp_path, edit)
    argv = [command[0], str(path), *[str(tmp_path / a) if a.endswith(".pdf") else a for a in command[1:]]]
    assert run(argv) == 2
    err = capsys.readouterr().err
    assert field in err and "unexpected" not in err and "Traceback" not in err, err


def test_parser_bounds_k() -> None:
    assert parse_scheme("N+99") == ("N+k", MAX_REDUNDANT_K)
    assert parse_scheme("2(N+1)") == ("2(N+k)", 1)
    for bad in ("N+100", "N+99999999999999999999", "2(N+1000)", "N+\u0661"):
        with pytest.raises(ValueError):
            parse_scheme(bad)


def _all_racks_1e9(doc: dict[str, Any]) -> None:
    for b in doc["blocks"]:
        if b["type"].startswith("rack"):
            b.setdefault("overrides", {})["it_kw"] = 1e9


def test_racks_at_the_schema_maximum_are_refused_with_the_reason(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """1e9 kW per rack on a 2 MW plant: the loss models overflow. Refused, naming the result and the cause."""
    path = _design(tmp_path, _all_racks_1e9)
    for argv in (["calc", "--json", str(path)], ["validate", str(path)], ["report", str(path), "-o",
                                                                           str(tmp_path / "r.pdf")]):
        assert run(argv) == 2
        err = capsys.readouterr().err
        assert "edge.dchall.json: results." in err and "beyond what the equipment models" in err, err
        assert "unexpected" not in err
    assert not (tmp_path / "r.pdf").exists()


def test_n_plus_99_calculates_finite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _design(tmp_path, lambda d: d["assumptions"]["power_schemes"].__setitem__("main", "N+99"))
    assert run(["calc", "--json", str(path)]) == 0
    assert _finite(json.loads(capsys.readouterr().out))


LONG_TEXT: dict[str, tuple[Edit, str]] = {
    "customer 10,000 characters": (lambda d: d["site"].__setitem__("customer", "W" * 10000), "WWWW"),
    "hall name 5,000 characters": (lambda d: d["halls"][0].__setitem__("name", "H" * 5000), "HHHH"),
}


@pytest.mark.parametrize("case", sorted(LONG_TEXT))
def test_long_text_is_cut_with_an_ellipsis_in_every_output(case: str, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    edit, marker = LONG_TEXT[case]
    path = _design(tmp_path, edit)
    pdf = tmp_path / "r.pdf"
    assert run(["report", str(path), "-o", str(pdf)]) == 0, capsys.readouterr().err
    text = "".join(page.extract_text() or "" for page in PdfReader(pdf).pages)
    assert marker in text and "…" in text
    bom = tmp_path / "b.pdf"
    assert run(["report", str(path), "--kind", "bom", "-o", str(bom)]) == 0, capsys.readouterr().err
    for out in ("b.xlsx", "b.csv"):
        assert run(["bom", str(path), "-o", str(tmp_path / out)]) == 0, (out, capsys.readouterr().err)


@pytest.mark.parametrize("zeroed", ["cool.chiller", "cool.drycooler"])
def test_heat_rejection_units_overridden_to_zero_calculate(zeroed: str, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """Found by scripts/fuzz_designs.py: every chiller (or every free cooler) at 0 kW divided by zero."""
    def edit(doc: dict[str, Any]) -> None:
        for b in doc["blocks"]:
            if b["type"].startswith(zeroed):
                b.setdefault("overrides", {})["heat_rejection_kw"] = 0.0

    path = _design(tmp_path, edit)
    assert run(["calc", "--json", str(path)]) == 0, capsys.readouterr().err
    assert _finite(json.loads(capsys.readouterr().out))
