"""Chinese names and descriptions of the shipped templates, written into their meta by the template tools.

Kept apart from the builders so a translator edits one file. The headline figures (IT MW, racks, PUE) are filled
from the template's own calculated meta, like the English headline, so the two never disagree.
"""

from __future__ import annotations

from workbench.model.design import Design

POD_NOTE_ZH = ("排热由所在机房的冷站承担，因此单独计算时该模块会报告“无排热”“无市电侧供电”和“无备用发电”警告，"
               "其 PUE 只计入供电损耗、风机和水泵。")

# Template file stem -> (Chinese name, Chinese description after the headline; "" for no headline).
# "{design_margin}" in a description is filled from the design's design_margin assumption ("10 %").
TEXTS: dict[str, tuple[str, str]] = {
    "ai-liquid-hall-sample": (
        "AI 机房示例 — 2 MW NVL72 液冷",
        "十六台 NVL72 级机柜（132 kW）分两排布置在封闭热通道两侧，三台 1.2 MW CDU（N+1），1 MW 锂电 UPS 模块（N+1），"
        "精密空调承担剩余空气热量；室外场地布置干冷器、风冷冷水机组、变压器和发电机。"),
    "ai-pod-room-1mw": (
        "1 MW 液冷 AI 机柜间",
        "七台 GB300 NVL72 级机柜（140 kW，85 % 热量进入液冷）组成一个封闭热通道机柜组，两台 1.2 MW 设施级 CDU（N+1），"
        "两台 300 kW 精密空调承担剩余空气热量，六台 250 kVA PDU，电气室内四台 500 kW UPS 模块（N+1）配锂电池柜。"
        "室外场地布置绝热干冷器和风冷补充冷水机组、两台 3 MW 发电机和 2.5 MVA 变压器。"),
    "nvl72-hall-10mw-2n": (
        "10 MW NVL72 级机房，2N 供电",
        "七十二台 GB300 NVL72 级机柜，六排、每排十二台，热通道封闭，五台 2.5 MW CDU（N+1）和六台 500 kW 风墙（N+1）。"
        "从市电到机柜全程 2N 供电：A、B 两路市电路径各有独立的变配电场地，内设两组 10 MVA 中压开关柜、六台 2.5 MVA "
        "变压器和五台 3 MW 发电机，为各自电力走廊中的十二台 1 MW 锂电 UPS 模块和五十三台 250 kVA PDU 供电；机柜 A/B "
        "双路供电。任一侧均可在 {design_margin} 设计裕度下单独承担整个设施（IT 和制冷）的负载，因此任何单一故障或检修停运"
        "都不会使机柜断电。室外冷站布置水冷冷水机组和开式冷却塔（N+1）。"),
    "nextgen-800vdc-hall-20mw": (
        "20 MW 新一代机房，800 V 直流",
        "九十六台 Vera Rubin NVL144 级机柜（210 kW，90 % 热量进入液冷）以 800 V 直流供电，共八排；每排是独立的 800 V "
        "直流供电系统，由六台 660 kW 电源侧柜（N+1）把场地上的 415 V 交流转换为直流，这些变压器也为风机、水泵和 CDU 供电。"
        "温水回路（供水 36 °C，W40 机柜）经 CDU 接到不带冷水机组的开式冷却塔；风墙承担剩余空气热量，发电机（N+1）为全站备用。"),
    "enterprise-air-hall-2mw": (
        "2 MW 风冷企业机房",
        "七十七台 24 kW 通用机柜、六台全闪存存储机柜和网络机柜，八排布置在架空地板上，热通道封闭（滑动门和端板），"
        "周边十台 300 kW 冷冻水精密空调（N+1）。电气室内六台 500 kW UPS 模块（N+1）配锂电池柜和十二台 250 kVA PDU；"
        "室外场地三台 1.5 MW 风冷自然冷却冷水机组（N+1）。"),
    "colocation-mixed-density": (
        "托管机房，混合密度",
        "四个机笼，每柜 10 kW 至 56 kW：10 kW 和 20 kW 机柜的零售机笼、40 kW 高密度风冷机笼，以及配列间 CDU（N+1）的"
        "直接液冷 8-GPU 机笼；每对机柜排共用封闭热通道，另有运营商接入间机柜和六台 500 kW 风墙（N+1）。"
        "四台 1 MW UPS 模块组成分布式冗余（DR）供电块，十六台 250 kVA PDU；绝热干冷器配风冷冷水机组。"),
    "prefab-edge-module": (
        "预制 AI 边缘模块",
        "工厂预制的 12.2 m IT 模块，内有四台 GB200 NVL72 级机柜、两台列间 CDU（N+1）、四台列间空调和四台 400 A "
        "远程配电柜（N+1），旁边的电力模块有两台 1 MW UPS（N+1）和锂电池柜。只用干冷器（寒冷气候全年自然冷却）；"
        "边缘站点通常只配一台变压器和一台发电机（N）。"),
    "nvl72-pod-1200kw": (
        "NVL72 机柜组，1.2 MW",
        "九台 GB200 NVL72 级机柜分两排布置在封闭热通道两侧，三台 600 kW 列间 CDU（N+1），六台 50 kW 列间空调承担剩余"
        "空气热量，一台叶交换机网络机柜，冷通道上方四段 800 A 母线槽。" + POD_NOTE_ZH),
    "vera-rubin-pod-200kw-racks": (
        "Vera Rubin NVL144 机柜组，200 kW 机柜",
        "八台 Vera Rubin NVL144 级机柜（210 kW，W40 温水）分两排布置在封闭热通道两侧，四台 600 kW 列间 CDU（N+1），"
        "五台 660 kW 800 V 直流电源侧柜（N+1），七台列间空调（N+1）和一台叶交换机网络机柜。" + POD_NOTE_ZH),
    "air-row-pod-20kw": (
        "风冷机柜排组，20 kW 机柜",
        "十台 20 kW 风冷机柜和一台叶交换机机柜分两排布置在封闭热通道两侧，七台 50 kW 冷冻水列间空调（N+1）和两台 400 A "
        "远程配电柜（A 路和 B 路）。" + POD_NOTE_ZH),
    "power-block-2mw": (
        "电力模块，2 MW（UPS、电池、PDU）",
        ""),
}
POWER_BLOCK_ZH = ("为 2 MW IT 供电，不含机柜：三台 1 MW 锂电 UPS 模块（N+1，扣除 10 % 设计裕度后可用 1.8 MW）、六台电池柜和"
                  "十台 250 kVA PDU（N+1）。把它放进机房、靠近机柜组，其设备会加入机房的主供电系统。它没有自己的冷却："
                  "单独计算时会因 PDU 的少量空载损耗报告“无空气冷却”，并报告“无排热”；放入机房后由机房的冷却承担。")


def headline_zh(meta: dict[str, object]) -> str:
    it_mw, racks, pue = meta.get("it_mw"), meta.get("racks"), meta.get("pue")
    if not all(isinstance(v, (int, float)) for v in (it_mw, racks, pue)):
        return ""
    return f"IT {float(it_mw):.2f} MW，{int(racks)} 台机柜，年化 PUE {float(pue):.2f}。"  # type: ignore[arg-type]


def add_chinese(stem: str, design: Design) -> None:
    """Write meta name_zh and description_zh for a shipped template (the gallery shows them in Chinese)."""
    if stem not in TEXTS:
        raise KeyError(f"no Chinese text for template {stem!r}: add it to tools/template_text_zh.py")
    name, text = TEXTS[stem]
    # Figures the text states come from the design itself, as in the English description.
    text = text.replace("{design_margin}", f"{100 * float(design.assumptions.values['design_margin']):.0f} %")
    design.meta["name_zh"] = name
    design.meta["description_zh"] = POWER_BLOCK_ZH if stem == "power-block-2mw" else headline_zh(design.meta) + text
