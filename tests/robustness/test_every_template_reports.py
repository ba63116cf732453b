"""Every shipped template produces its report with the defaults: no --rate, no --currency (a template in a
currency the FX table lacked, NOK, needed --rate before)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.robustness.conftest import ROOT
from workbench.catalog import default_catalog
from workbench.cli.main import run

TEMPLATES = sorted((ROOT / "templates").glob("*/*.dchall.json"))


def test_every_template_currency_has_a_rate() -> None:
    rates = default_catalog().fx_rates
    for path in TEMPLATES:
        currency = json.loads(path.read_text("utf-8-sig"))["site"].get("currency", "USD")
        assert currency in rates, f"{path.name}: no FX rate for {currency} in resources/fx_rates.json"


@pytest.mark.parametrize("path", [p for p in TEMPLATES if "halls" in p.parts], ids=lambda p: p.stem)
def test_hall_template_reports_with_defaults(path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bom.pdf"
    assert run(["report", str(path), "--kind", "bom", "-o", str(out)]) == 0, capsys.readouterr().err
    assert len(PdfReader(out).pages) >= 1
