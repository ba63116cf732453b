"""Numbers, units, money and dates per language; escaping; Chinese wrapping keeps numbers with their units."""

from __future__ import annotations

import datetime as dt

import pytest
from reportlab.platypus import Paragraph

from workbench.report.fonts import CJK, markup
from workbench.report.formatting import Formatter
from workbench.text.language import available_languages, load_language
from workbench.report.styles import Styles


@pytest.fixture(params=["en", "zh"])
def fmt(request: pytest.FixtureRequest) -> Formatter:
    return Formatter(load_language(request.param), "si")


def test_languages_are_data_files_with_the_same_keys() -> None:
    langs = available_languages()
    assert {"en", "zh"} <= set(langs)
    en, zh = load_language("en"), load_language("zh")
    assert set(en.strings) == set(zh.strings)
    assert all(zh.strings[k] for k in zh.strings)
    with pytest.raises(ValueError, match="available"):
        load_language("xx")


def test_dates_and_money() -> None:
    en = Formatter(load_language("en"))
    zh = Formatter(load_language("zh"))
    day = dt.date(2026, 11, 27)
    assert en.date(day) == "27 November 2026"
    assert zh.date(day) == "2026年11月27日"
    assert zh.money(1234567.8, "CNY") == "¥1,234,568"
    assert en.money(1234567.8, "CNY") == "CN¥1,234,568"
    assert en.money(-5, "EUR") == "-€5"
    assert en.money(10, "XYZ") == "XYZ\u00a010"


def test_units_si_and_imperial() -> None:
    si = Formatter(load_language("en"), "si")
    imp = Formatter(load_language("en"), "imperial")
    assert si.qty("area", 100.0) == "100\u00a0m²"
    assert imp.qty("area", 100.0) == "1,076\u00a0ft²"
    assert imp.qty("floor", 1.0, 2) == "20.89\u00a0lb/ft²"
    assert imp.qty("airflow", 1699.0) == "1,000\u00a0CFM"
    assert imp.qty("coolant", 378.5411784) == "100\u00a0gpm"
    assert imp.length_mm(30480.0) == "100\u00a0ft"
    assert imp.length_mm(30000.0) == "98\u00a0ft 5\u00a0in"
    assert imp.qty("weight", 1000.0) == "2,205\u00a0lb"
    assert si.num(-0.0001, 2) == "0.00" and si.num(None) == "—" and si.pct(0.955) == "96\u00a0%"  # ISO 80000: a space before %
    with pytest.raises(ValueError):
        Formatter(load_language("en"), "cubits")


def test_markup_escapes_and_switches_font() -> None:
    assert markup("<b>&x</b>") == "&lt;b&gt;&amp;x&lt;/b&gt;"
    assert markup("a\x00b\tc") == "ab c"
    assert markup("机柜 R1") == f'<font name="{CJK}">机柜</font> R1'


def test_chinese_wrapping_never_splits_a_number_from_its_unit() -> None:
    zh = Formatter(load_language("zh"))
    styles = Styles(cjk=True)
    figures = [zh.qty("power", 1234.0 + i * 111, 0) for i in range(40)]
    text = "负载" + "，".join(f"系统{i}为{f}" for i, f in enumerate(figures))
    for width in (80, 101, 137, 173, 230):
        para = styles.p(text, styles.body)
        para.wrap(width, 10_000)
        lines = [" ".join("".join(f.text for f in w[1:]) if isinstance(w, list) else w for w in line[1])
                 if isinstance(line, tuple) else "".join(getattr(f, "text", "") for f in line.words)
                 for line in para.blPara.lines]
        assert "".join(lines) == text
        for before, after in zip(lines, lines[1:]):
            assert not (before[-1:].isdigit() and after.startswith("kW")), (width, before, after)
            assert not (before[-1:].isdigit() and after[:1].isdigit()), (width, before, after)
