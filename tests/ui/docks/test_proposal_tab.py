"""The Proposal tab: typed fields become one undoable edit, reach the saved file and the report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.report.proposal_docs import page_texts, squash
from workbench.io.project import loads_design, dumps
from workbench.report.design_report import build_design_report
from workbench.report.options import ReportOptions
from workbench.ui.docks.proposal_tab import ProposalTab
from workbench.ui.document import Document


def test_fields_become_one_undoable_edit_and_reach_file_and_report(qtbot: Any, tmp_path: Path) -> None:
    doc = Document()
    tab = ProposalTab(doc)
    qtbot.addWidget(tab)
    tab.refresh()
    hall = doc.design.halls[0]
    tab.exclusions.setPlainText("Civil works\nHV connection")
    tab.payment.setText("30 % with order, 70 % on delivery")
    tab.validity.setValue(60)
    tab.tier.setCurrentIndex(tab.tier.findData("III"))
    tab.ashrae.setCurrentIndex(tab.ashrae.findData("A1"))
    tab.codes.setPlainText("GB 50174-2017\nNFPA 75")
    tab.revisions.setPlainText("A | 2026-11-01 | Li Wei | First issue\nB | 2026-11-20 | Li Wei | Cooling N+1")
    tab.names.setPlainText(tab.names.toPlainText().replace(f"{hall.name} = ", f"{hall.name} = 一号机房"))
    tab.description_zh.setPlainText("一个两排机柜的示例机房。")
    tab.apply.click()
    p = doc.design.proposal
    assert p.exclusions == ["Civil works", "HV connection"] and p.validity_days == 60 and p.tier == "III"
    assert [r.rev for r in p.revisions] == ["A", "B"] and p.revisions[1].change == "Cooling N+1"
    assert p.names["zh"] == {f"hall:{hall.id}": "一号机房", "description": "一个两排机柜的示例机房。"}
    assert doc.undo_stack.count() == 1
    again = loads_design(dumps(doc.design)).design
    assert again.proposal == p
    out = tmp_path / "zh.pdf"
    build_design_report(doc.design, doc.catalog, out, ReportOptions(lang="zh"))
    text = squash(" ".join(page_texts(out)))
    assert "HVconnection" in text and "30%withorder" in text and "GB50174-2017" in text and "TierIII" in text
    assert "CoolingN+1" in text and "60天" in text and "平面图——一号机房" in text and "一个两排机柜的示例机房。" in text
    doc.undo_stack.undo()
    assert doc.design.proposal.exclusions == [] and tab.exclusions.toPlainText() == ""
