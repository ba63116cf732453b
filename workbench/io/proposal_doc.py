"""The optional "proposal" part of a project file: scope, exclusions, terms, revisions, sign-off, basis of design, names."""

from __future__ import annotations

from typing import Any

from workbench.model.proposal import ASHRAE_CLASSES, TIERS, Proposal, Revision, SignOff

_TEXT = {"type": "string", "maxLength": 4000}
_LINES = {"type": "array", "maxItems": 200, "items": _TEXT}
# Added to the design schema's properties (resources/schema/design-2.schema.json) as "proposal".
SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "scope": _LINES, "exclusions": _LINES, "clarifications": _LINES,
        "validity_days": {"type": "integer", "minimum": 1, "maximum": 3650},
        "payment_terms": _TEXT, "price_basis": _TEXT,
        "revisions": {"type": "array", "maxItems": 500, "items": {
            "type": "object", "additionalProperties": False,
            "properties": {"rev": {"type": "string", "maxLength": 40}, "date": {"type": "string", "maxLength": 40},
                           "author": {"type": "string", "maxLength": 200}, "change": _TEXT}}},
        "sign_off": {"type": "array", "maxItems": 20, "items": {
            "type": "object", "additionalProperties": False,
            "properties": {"role": {"type": "string", "maxLength": 200}, "name": {"type": "string", "maxLength": 200},
                           "date": {"type": "string", "maxLength": 40}}}},
        "customer_logo_path": {"type": "string", "maxLength": 4096},
        "ashrae_class": {"enum": list(ASHRAE_CLASSES)},
        "tier": {"enum": list(TIERS)},
        "codes": _LINES,
        "names": {"type": "object", "maxProperties": 20, "additionalProperties": {
            "type": "object", "maxProperties": 10000, "additionalProperties": _TEXT}},
    },
}


def proposal_to_dict(p: Proposal) -> dict[str, Any]:
    """Only what differs from the defaults, so a file without proposal fields stays as it was."""
    default = Proposal()
    doc: dict[str, Any] = {}
    for key in ("scope", "exclusions", "clarifications", "validity_days", "payment_terms", "price_basis",
                "customer_logo_path", "ashrae_class", "tier", "codes"):
        value = getattr(p, key)
        if value != getattr(default, key):
            doc[key] = list(value) if isinstance(value, list) else value
    if p.revisions:
        doc["revisions"] = [{"rev": r.rev, "date": r.date, "author": r.author, "change": r.change} for r in p.revisions]
    if p.sign_off:
        doc["sign_off"] = [{"role": s.role, "name": s.name, "date": s.date} for s in p.sign_off]
    if p.names:
        doc["names"] = {lang: dict(names) for lang, names in p.names.items()}
    return doc


def proposal_from_dict(doc: dict[str, Any] | None) -> Proposal:
    """A Proposal from a validated document part (None or missing keys: the defaults)."""
    if not doc:
        return Proposal()
    return Proposal(
        scope=[str(x) for x in doc.get("scope", [])],
        exclusions=[str(x) for x in doc.get("exclusions", [])],
        clarifications=[str(x) for x in doc.get("clarifications", [])],
        validity_days=int(doc.get("validity_days", 90)),
        payment_terms=str(doc.get("payment_terms", "")),
        price_basis=str(doc.get("price_basis", "")),
        revisions=[Revision(str(r.get("rev", "")), str(r.get("date", "")), str(r.get("author", "")),
                            str(r.get("change", ""))) for r in doc.get("revisions", [])],
        sign_off=[SignOff(str(s.get("role", "")), str(s.get("name", "")), str(s.get("date", "")))
                  for s in doc.get("sign_off", [])],
        customer_logo_path=str(doc.get("customer_logo_path", "")),
        ashrae_class=str(doc.get("ashrae_class", "")),
        tier=str(doc.get("tier", "")),
        codes=[str(x) for x in doc.get("codes", [])],
        names={str(lang): {str(k): str(v) for k, v in names.items()} for lang, names in doc.get("names", {}).items()},
    )
