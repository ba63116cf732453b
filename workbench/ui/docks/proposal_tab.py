"""The inspector's Proposal tab: scope, exclusions, terms, basis of design, revisions, sign-off and translated names."""

from __future__ import annotations

import copy

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workbench.model.proposal import ASHRAE_CLASSES, TIERS, Proposal, Revision, SignOff
from workbench.model.proposal_edits import SetProposal
from workbench.ui.document import Document

SEP = "|"  # columns of a revision or sign-off line


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


def _cols(line: str, n: int) -> list[str]:
    parts = [p.strip() for p in line.split(SEP)]
    return (parts + [""] * n)[:n]


class ProposalTab(QWidget):
    """A form over design.proposal; Apply turns it into one SetProposal edit (one undo step)."""

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self.language = "en"
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 6, 6, 6)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        box.addWidget(self.hint)
        self.form = QFormLayout()
        box.addLayout(self.form)
        self.scope, self.exclusions, self.clarifications = QPlainTextEdit(), QPlainTextEdit(), QPlainTextEdit()
        self.codes, self.revisions, self.sign_off, self.names = (QPlainTextEdit(), QPlainTextEdit(),
                                                                 QPlainTextEdit(), QPlainTextEdit())
        self.description_zh = QPlainTextEdit()
        for edit in (self.scope, self.exclusions, self.clarifications, self.codes, self.revisions, self.sign_off,
                     self.names, self.description_zh):
            edit.setMaximumHeight(90)
        self.validity = QSpinBox()
        self.validity.setRange(1, 3650)
        self.payment, self.price_basis, self.customer_logo = QLineEdit(), QLineEdit(), QLineEdit()
        self.ashrae, self.tier = QComboBox(), QComboBox()
        for value in ASHRAE_CLASSES:
            self.ashrae.addItem(value or "—", value)
        for value in TIERS:
            self.tier.addItem(value or "—", value)
        self.labels: dict[str, QLabel] = {}
        for key, widget in (("scope", self.scope), ("exclusions", self.exclusions),
                            ("clarifications", self.clarifications), ("validity", self.validity),
                            ("price_basis", self.price_basis), ("payment", self.payment), ("ashrae", self.ashrae),
                            ("tier", self.tier), ("codes", self.codes), ("revisions", self.revisions),
                            ("sign_off", self.sign_off), ("customer_logo", self.customer_logo),
                            ("names", self.names), ("description_zh", self.description_zh)):
            label = QLabel()
            self.labels[key] = label
            self.form.addRow(label, widget)
        self.apply = QPushButton()
        self.apply.clicked.connect(self.commit)
        box.addWidget(self.apply)
        box.addStretch(1)
        document.design.events.site_changed.connect(self.refresh)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.hint.setText(self.tr("One item per line. Empty lists use the standard items in the report's language. "
                             "Revisions: rev | date | author | change. Sign-off: role | name | date. "
                             "Names in Chinese: one per line, as typed = translation."))
        for key, text in (("scope", self.tr("Scope of supply")), ("exclusions", self.tr("Exclusions")),
                          ("clarifications", self.tr("Clarifications")), ("validity", self.tr("Validity (days)")),
                          ("price_basis", self.tr("Price basis")), ("payment", self.tr("Payment terms")),
                          ("ashrae", self.tr("ASHRAE class")), ("tier", self.tr("Tier intent")),
                          ("codes", self.tr("Codes and standards")), ("revisions", self.tr("Revision history")),
                          ("sign_off", self.tr("Sign-off")), ("customer_logo", self.tr("Customer logo file")),
                          ("names", self.tr("Names in Chinese")),
                          ("description_zh", self.tr("Description in Chinese"))):
            self.labels[key].setText(text)
        self.apply.setText(self.tr("Apply proposal fields"))

    # --- model -> form ----------------------------------------------------------------------
    def _name_keys(self) -> list[tuple[str, str]]:
        """(key, typed name) of every hall and power/cooling system a translation may be given for."""
        d = self.document.design
        out = [(f"hall:{h.id}", h.name) for h in d.halls]
        systems = dict.fromkeys([*d.assumptions.power_schemes, *d.assumptions.cooling_schemes])
        out += [(f"system:{name}", name) for name in systems]
        return out

    def refresh(self) -> None:
        p = self.document.design.proposal
        self.scope.setPlainText("\n".join(p.scope))
        self.exclusions.setPlainText("\n".join(p.exclusions))
        self.clarifications.setPlainText("\n".join(p.clarifications))
        self.codes.setPlainText("\n".join(p.codes))
        self.validity.setValue(p.validity_days)
        self.payment.setText(p.payment_terms)
        self.price_basis.setText(p.price_basis)
        self.customer_logo.setText(p.customer_logo_path)
        self.ashrae.setCurrentIndex(max(self.ashrae.findData(p.ashrae_class), 0))
        self.tier.setCurrentIndex(max(self.tier.findData(p.tier), 0))
        self.revisions.setPlainText("\n".join(f" {SEP} ".join((r.rev, r.date, r.author, r.change))
                                              for r in p.revisions))
        self.sign_off.setPlainText("\n".join(f" {SEP} ".join((s.role, s.name, s.date)) for s in p.sign_off))
        zh = p.names.get("zh", {})
        self.names.setPlainText("\n".join(f"{typed} = {zh.get(key, '')}" for key, typed in self._name_keys()))
        self.description_zh.setPlainText(zh.get("description", ""))

    # --- form -> edit ---------------------------------------------------------------------------
    def proposal(self) -> Proposal:
        """The proposal the form shows (the design's own translations of other languages kept)."""
        p = copy.deepcopy(self.document.design.proposal)
        p.scope, p.exclusions = _lines(self.scope.toPlainText()), _lines(self.exclusions.toPlainText())
        p.clarifications, p.codes = _lines(self.clarifications.toPlainText()), _lines(self.codes.toPlainText())
        p.validity_days = self.validity.value()
        p.payment_terms, p.price_basis = self.payment.text().strip(), self.price_basis.text().strip()
        p.customer_logo_path = self.customer_logo.text().strip()
        p.ashrae_class, p.tier = str(self.ashrae.currentData() or ""), str(self.tier.currentData() or "")
        p.revisions = [Revision(*_cols(ln, 4)) for ln in _lines(self.revisions.toPlainText())]
        p.sign_off = [SignOff(*_cols(ln, 3)) for ln in _lines(self.sign_off.toPlainText())]
        by_typed: dict[str, str] = {}
        for ln in _lines(self.names.toPlainText()):
            typed, _, translated = ln.partition("=")
            if translated.strip():
                by_typed[typed.strip()] = translated.strip()
        zh = {key: by_typed[typed] for key, typed in self._name_keys() if typed in by_typed}
        if self.description_zh.toPlainText().strip():
            zh["description"] = self.description_zh.toPlainText().strip()
        if zh:
            p.names["zh"] = zh
        else:
            p.names.pop("zh", None)
        return p

    def commit(self) -> None:
        new = self.proposal()
        if new != self.document.design.proposal:
            self.document.push(SetProposal(new), self.tr("Edit proposal fields"))
