"""Design checks said in a report language: English equals the engine's message, Chinese is all Chinese."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.report.conftest import REPORT_DATE, pdf_text, squash
from workbench.calc import calculate
from workbench.calc.checks import Check
from workbench.catalog import new_design
from workbench.model import Block, Catalog, Column, Design, Door, Hall
from workbench.report.design_report import build_design_report
from workbench.report.options import ReportOptions
from workbench.text.check_text import check_text, template_key
from workbench.text.language import Language, load_language

# Every sentence the engine can say: (code, form); form "" is the code's plain sentence.
ALL_FORMS = {("overlap", ""), ("overlap", "column"), ("outside_hall", ""), ("clearance", ""),
             ("floor_overload", ""), ("over_capacity", ""), ("redundancy", ""), ("no_power", ""),
             ("no_power", "default"), ("no_cooling", "air"), ("no_cooling", "liquid"), ("no_heat_rejection", ""),
             ("liquid_class", ""), ("unknown_type", ""), ("door_blocked", ""), ("no_utility_supply", ""),
             ("no_backup", ""), ("unfed_voltage", ""), ("rack_bus_mismatch", ""), ("no_ac_for_mechanical", ""),
             # the connected plant (calc/plant.py, calc/graph.py)
             ("no_power_path", ""), ("no_cooling_path", ""), ("single_corded_2n", ""), ("loop_no_heat_rejection", ""),
             ("device_overloaded", ""), ("voltage_mismatch", "acdc"), ("voltage_mismatch", "voltage"),
             ("power_loop", ""), ("bad_connection", "missing"), ("bad_connection", "self"),
             ("bad_connection", "duplicate"), ("bad_connection", "port"), ("bad_connection", "kind"),
             ("bad_connection", "direction")}
# Latin words a Chinese engineering text keeps: units and equipment acronyms.
ZH_ALLOWED = {"kW", "kN", "mm", "UPS", "PDU", "CDU", "IT"}
# Parameters that are user data or identifiers, shown as typed in every language.
USER_DATA = ("block", "other", "hall", "type", "door", "name", "names", "from", "to")


def _design(catalog: Catalog) -> Design:
    d = new_design(catalog)
    d.halls = [Hall(id="h1", name="1号机房", outline=[(0, 0), (40000, 0), (40000, 20000), (0, 20000)])]
    return d


def _put(d: Design, type_id: str, x: float, y: float, name: str, rot: int = 0, **kw: object) -> Block:
    b = Block(type_id=type_id, x_mm=x, y_mm=y, rotation_deg=rot, hall_id="h1", name=name, **kw)  # type: ignore[arg-type]
    d.blocks[b.id] = b
    return b


def geometry_design(catalog: Catalog) -> Design:
    """Overlap, a rack on a column, one outside the hall, front and rear clearance, floor overload, unknown type,
    a rack in a door's delivery path."""
    d = _design(catalog)
    d.halls[0].floor_type, d.halls[0].floor_rating_kn_m2 = "raised", 12.0
    d.halls[0].columns.append(Column(x_mm=10000, y_mm=3000))
    d.halls[0].doors.append(Door(id="D1", x_mm=35000, y_mm=20000, width_mm=1800, rotation_deg=0))
    _put(d, "rack.air-20kw", 35000, 19000, "R8")  # just inside the top-wall door
    _put(d, "rack.air-20kw", 3000, 3000, "R1")
    _put(d, "rack.air-20kw", 3300, 3000, "R2")
    _put(d, "rack.air-20kw", 10000, 3000, "R3")
    _put(d, "rack.air-20kw", 39900, 3000, "R4")
    _put(d, "rack.air-20kw", 15000, 5000, "R5")
    _put(d, "rack.air-20kw", 15000, 3400, "R6")  # in R5's front aisle
    _put(d, "rack.air-20kw", 20000, 5000, "R7")
    _put(d, "struct.column-600", 20000, 6100, "K1")  # behind R7, in its rear clearance
    _put(d, "rack.gb200-nvl72", 25000, 10000, "G1")
    _put(d, "rack.does-not-exist", 30000, 15000, "X1")
    return d


def capacity_design(catalog: Catalog) -> Design:
    """Redundancy and installed capacity broken in every domain, named systems without supply, hot water."""
    d = _design(catalog)
    d.assumptions.power_schemes["main"] = "N+1"
    d.assumptions.values["facility_water_supply_c"] = 40.0
    for i in range(13):
        _put(d, "rack.air-40kw", 1000 + 600 * i, 3000, f"A{i}")  # 520 kW of air-cooled IT
    for i in range(4):
        _put(d, "rack.gb200-nvl72", 1000 + 600 * i, 9000, f"G{i}")
    _put(d, "rack.air-20kw", 20000, 9000, "B1", power_system="B2")
    _put(d, "rack.gb200-nvl72", 22000, 9000, "L1", cooling_loop="L2")
    for i in range(3):  # 1500 kW installed, not enough for N+1
        _put(d, "pwr.ups-500kw", 3000 + 2000 * i, 15000, f"U{i}")
    _put(d, "pwr.pdu-250kva", 10000, 15000, "P1")
    _put(d, "cool.crah-150", 14000, 15000, "C1")
    _put(d, "cool.cdu-inrow-200", 18000, 15000, "D1")
    _put(d, "cool.drycooler-1000", 25000, 18000, "F1", rot=180)
    return d


def bare_design(catalog: Catalog) -> Design:
    """One air-cooled rack with nothing to power or cool it."""
    d = _design(catalog)
    _put(d, "rack.air-20kw", 5000, 5000, "R1")
    return d


def voltage_design(catalog: Catalog) -> Design:
    """Solid-state transformers (800 V DC only) feeding AC-input sidecars, 48 V racks behind them, a CDU."""
    d = _design(catalog)
    _put(d, "pwr.sst-5mw", 30000, 15000, "SST1")
    for i in range(2):
        _put(d, "pwr.sidecar-800v", 1000 + 600 * i, 3000, f"SC{i}")
    _put(d, "rack.gb200-nvl72", 3000, 3000, "G1")
    _put(d, "cool.cdu-inrow-200", 18000, 15000, "D1")
    return d


def plant_design(catalog: Catalog) -> Design:
    """Drawn connections with every graph finding: no power or cooling path, a single cord under 2N, an
    overloaded PDU, AC/DC and voltage mismatches, a power loop, and each kind of unusable edge."""
    from workbench.calc.autoconnect_rules import new_connection as edge

    d = _design(catalog)
    d.assumptions.power_schemes["main"] = "2N"
    mv = _put(d, "pwr.mv-switchgear", 30000, 18000, "中压柜")
    tx = _put(d, "pwr.transformer-2500kva", 26000, 18000, "变压器")
    tx2 = _put(d, "pwr.transformer-2500kva", 26000, 14000, "变压器二")
    ups = _put(d, "pwr.ups-1mw-li", 22000, 18000, "不间断电源")
    pdu = _put(d, "pwr.pdu-250kva", 18000, 18000, "配电柜")
    racks = [_put(d, "rack.gb200-nvl72", 2000 + 600 * i, 3000, f"柜{i}") for i in range(3)]
    lone = _put(d, "rack.gb200-nvl72", 9000, 3000, "孤柜")
    sc = _put(d, "pwr.sidecar-800v", 12000, 3000, "侧柜")
    u2, p2 = _put(d, "pwr.ups-500kw", 22000, 14000, "环一"), _put(d, "pwr.pdu-250kva", 18000, 14000, "环二")
    _put(d, "cool.cdu-1200", 14000, 9000, "冷分配")
    _put(d, "cool.drycooler-1000", 30000, 9000, "干冷器", cooling_loop="另一环路")  # serves another loop only
    conns = [edge("power", mv.id, "out", tx.id, "A"), edge("power", tx.id, "out", ups.id, "A"),
             edge("power", ups.id, "out", pdu.id, "A")]
    conns += [edge("power", pdu.id, "out", r.id, "A", "A") for r in racks]  # 3 × 132 kW on a 225 kW PDU, A only
    conns += [edge("power", sc.id, "out", pdu.id, "A"),  # 800 V DC into an AC input
              edge("power", tx.id, "out", tx.id, "A"),  # a block on itself
              edge("power", tx.id, "out", ups.id, "A").__class__("dup", "power", tx.id, "out", ups.id, "A"),
              edge("power", tx.id, "out", tx2.id, "A"),  # LV AC into an MV input
              edge("power", pdu.id, "out", racks[0].id, "nowhere"),  # no such port
              edge("liquid", pdu.id, "out", racks[1].id, "liquid"),  # a power port on a liquid edge
              edge("power", racks[2].id, "A", pdu.id, "A"),  # an input used as an output
              edge("power", "gone", "out", lone.id, "A"),  # a missing block
              edge("power", u2.id, "out", p2.id, "A"), edge("power", p2.id, "out", u2.id, "A")]  # a loop
    d.connections = {c.id: c for c in conns}
    return d


@pytest.fixture(scope="module")
def checks(catalog: Catalog) -> list[Check]:
    out: list[Check] = []
    for build in (geometry_design, capacity_design, bare_design, voltage_design, plant_design):
        out += calculate(build(catalog), catalog).checks
    return out


def _form(c: Check) -> tuple[str, str]:
    return c.code, str(c.param_dict().get("form", ""))


def test_the_designs_raise_every_sentence_and_every_domain(checks: list[Check]) -> None:
    assert {_form(c) for c in checks} == ALL_FORMS
    capacity = [c for c in checks if c.code in ("over_capacity", "redundancy")]
    assert {c.param_dict()["domain"] for c in capacity} == {"power", "air", "liquid", "heat_rejection"}
    assert {c.param_dict()["side"] for c in checks if c.code == "clearance"} == {"front", "rear"}


def test_english_templates_reproduce_the_message_exactly(checks: list[Check]) -> None:
    en = load_language("en")
    for c in checks:
        assert template_key(c) in en.strings, template_key(c)
        assert check_text(c, en) == c.message
        assert check_text(c, "en") == c.message


def test_chinese_has_no_english_words_left(checks: list[Check]) -> None:
    zh = load_language("zh")
    for c in checks:
        assert template_key(c) in zh.strings, template_key(c)
        text = check_text(c, zh)
        assert text != c.message and re.search(r"[\u4e00-\u9fff]", text), text
        rest = text
        for name in USER_DATA:
            value = c.param_dict().get(name)
            if isinstance(value, str):
                rest = rest.replace(value, " ")
        words = set(re.findall(r"[A-Za-z]{2,}", rest)) - ZH_ALLOWED
        assert not words, f"{text!r} keeps English words {words}"


def test_chinese_numbers_are_formatted_as_in_english(checks: list[Check]) -> None:
    for c in checks:
        numbers = re.findall(r"\d+(?:\.\d+)?", c.message)
        zh = check_text(c, "zh_CN")  # the interface's code works too
        for n in numbers:
            assert n in zh, (n, zh)


def test_chinese_examples_read_as_engineering_chinese(checks: list[Check]) -> None:
    by_form = {_form(c): check_text(c, "zh") for c in checks}
    assert by_form[("overlap", "")] == "R1 与 R2 位置重叠"
    assert by_form[("overlap", "column")] == "R3 与建筑柱冲突"
    clearance = {check_text(c, "zh") for c in checks if c.code == "clearance"}
    assert clearance == {"R5 的前部维护通道间距不足：被 R6 占用", "R7 的后部维护通道间距不足：被 K1 占用"}
    redundancy = next(check_text(c, "zh") for c in checks
                      if c.code == "redundancy" and c.param_dict()["domain"] == "power")
    assert redundancy.startswith("供电系统“主供电”（UPS）N+1 冗余不满足")


def test_missing_template_or_parameter_falls_back_to_english() -> None:
    zh = load_language("zh")
    check = Check("error", "overlap", "A overlaps B", ("a", "b"), (("block", "A"), ("other", "B")))
    assert check_text(check, zh) == "A 与 B 位置重叠"
    # No template for this code in the language.
    bare = Language("zh", dict(zh.meta), {k: v for k, v in zh.strings.items() if k != "check_msg.overlap"},
                    dict(zh.fallback))
    assert check_text(check, bare) == "A overlaps B"
    # A parameter the template names is missing, or has the wrong type for its format.
    assert check_text(Check("error", "overlap", "A overlaps B", ("a",), (("block", "A"),)), zh) == "A overlaps B"
    odd = Check("error", "floor_overload", "english", ("a",),
                (("block", "A"), ("load_kn_m2", "heavy"), ("rating_kn_m2", 12.0), ("hall", "H")))
    assert check_text(odd, zh) == "english"
    # A code nobody knows, a check without parameters, a language that is not shipped.
    assert check_text(Check("info", "new_code", "something new"), zh) == "something new"
    assert check_text(Check("error", "overlap", "no params"), zh) == "no params"
    assert check_text(check, "xx") == "A overlaps B"


def test_params_are_in_the_json_and_do_not_change_equality(checks: list[Check]) -> None:
    c = next(c for c in checks if c.code == "redundancy")
    d = c.to_dict()
    assert d["params"]["scheme"] == "N+1" and isinstance(d["params"]["load_kw"], float)
    assert set(d) == {"severity", "code", "message", "blocks", "params"}
    same = Check(c.severity, c.code, c.message, c.blocks)
    assert same == c and hash(same) == hash(c)


def test_chinese_report_prints_the_chinese_check_sentences(catalog: Catalog, tmp_path: Path) -> None:
    d = _design(catalog)
    d.assumptions.power_schemes["main"] = "N+1"
    for i in range(13):
        _put(d, "rack.air-40kw", 1000 + 600 * i, 3000, f"A{i}")
    _put(d, "rack.air-40kw", 1300, 3000, "X")  # overlaps A0 and A1
    for i in range(2):
        _put(d, "pwr.ups-500kw", 3000 + 2000 * i, 15000, f"U{i}")
    found = calculate(d, catalog).checks
    overlap = next(c for c in found if c.code == "overlap")
    redundancy = next(c for c in found if c.code == "redundancy")
    out = tmp_path / "zh.pdf"
    build_design_report(d, catalog, out, ReportOptions(lang="zh", date=REPORT_DATE))
    flat = squash(pdf_text(out))
    for c in (overlap, redundancy):
        zh = check_text(c, "zh")
        assert re.search(r"[\u4e00-\u9fff]", zh)
        assert squash(zh) in flat, zh
        assert squash(c.message) not in flat
    assert "位置重叠" in flat and "冗余不满足" in flat
