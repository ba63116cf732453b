"""`workbench report` and `workbench bom`: good arguments write files; bad ones exit 2 with a message."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from workbench.__main__ import main
from workbench.paths import sample_design_path

SAMPLE = str(sample_design_path())


def test_report_design_and_bom_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.pdf"
    assert main(["report", SAMPLE, "-o", str(out), "--lang", "zh", "--units", "imperial", "--scale", "200"]) == 0
    assert len(PdfReader(str(out)).pages) > 5
    bom = tmp_path / "b.pdf"
    assert main(["report", SAMPLE, "-o", str(bom), "--kind", "bom", "--currency", "cny", "--rate", "7",
                 "--margin", "1.2"]) == 0
    assert "wrote" in capsys.readouterr().out


def test_bom_xlsx_and_csv(tmp_path: Path) -> None:
    assert main(["bom", SAMPLE, "-o", str(tmp_path / "b.xlsx"), "--margin", "1.1"]) == 0
    assert load_workbook(tmp_path / "b.xlsx").sheetnames == ["Summary", "Detail"]
    assert main(["bom", SAMPLE, "-o", str(tmp_path / "b.csv")]) == 0
    assert (tmp_path / "b.csv").read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize("args, message", [
    (["report", "missing.dchall.json", "-o", "{d}/r.pdf"], "not found"),
    (["report", SAMPLE, "-o", "{d}/r.docx"], "must end in .pdf"),
    (["report", SAMPLE, "-o", "{d}/r.pdf", "--lang", "tlh"], "language 'tlh' is not available"),
    (["report", SAMPLE, "-o", "{d}/r.pdf", "--currency", "XYZ"], "no exchange rate for XYZ"),
    (["report", SAMPLE, "-o", "{d}/r.pdf", "--currency", "12345"], "three-letter"),
    (["report", SAMPLE, "-o", "{d}/r.pdf", "--rate", "7"], "--rate needs --currency"),
    (["report", SAMPLE, "-o", "{d}/r.pdf", "--logo", "{d}/none.png"], "logo file not found"),
    (["report", SAMPLE, "-o", "{d}/no/such/dir/r.pdf"], "does not exist"),
    (["bom", SAMPLE, "-o", "{d}/b.pdf"], "must end in .xlsx or .csv"),
    (["report", "{d}/broken.dchall.json", "-o", "{d}/r.pdf"], "not valid JSON"),
])
def test_bad_input_exits_2_with_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str],
                                          message: str) -> None:
    (tmp_path / "broken.dchall.json").write_text("{oops", encoding="utf-8")
    argv = [a.replace("{d}", str(tmp_path)) for a in args]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not list(tmp_path.glob("*.pdf"))


@pytest.mark.parametrize("args", [
    ["report", SAMPLE, "-o", "x.pdf", "--rate", "-3", "--currency", "CNY"],
    ["report", SAMPLE, "-o", "x.pdf", "--units", "furlongs"],
    ["report", SAMPLE, "-o", "x.pdf", "--scale", "1:50"],
    ["bom", SAMPLE, "-o", "x.xlsx", "--margin", "abc"],
    ["report", SAMPLE],
])
def test_bad_arguments_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(args)
    assert exc.value.code == 2
    assert "error:" in capsys.readouterr().err


def test_audience_plan_paper_and_currency_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv_out = tmp_path / "i.csv"
    assert main(["bom", SAMPLE, "-o", str(csv_out), "--audience", "internal", "--margin", "1.15"]) == 0
    assert "Margin (" in csv_out.read_text("utf-8-sig")
    pdf = tmp_path / "a3.pdf"
    assert main(["report", SAMPLE, "-o", str(pdf), "--plan-paper", "A3"]) == 0
    assert any(round(float(p.mediabox.width)) == 1191 for p in PdfReader(str(pdf)).pages)
    capsys.readouterr()
    assert main(["bom", SAMPLE, "-o", str(tmp_path / "x.csv"), "--currency", "XYZ"]) == 2
    assert "no exchange rate for XYZ" in capsys.readouterr().err
    assert main(["bom", SAMPLE, "-o", str(tmp_path / "x.csv"), "--currency", "USD", "--rate", "7"]) == 2
    assert "rate of USD is 1" in capsys.readouterr().err
    assert not (tmp_path / "x.csv").exists()
