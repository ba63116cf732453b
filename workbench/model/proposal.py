"""What a proposal says besides the engineering: scope, exclusions, terms, revisions, sign-off, basis of design, names."""

from __future__ import annotations

from dataclasses import dataclass, field

# Keys of the default scope, exclusion and clarification items; the reports word them per language
# (report i18n "proposal.default.<key>"), so a new design reads sensibly in English and Chinese alike.
DEFAULT_SCOPE = ("equipment", "design_basis", "factory_tests")
DEFAULT_EXCLUSIONS = ("building_works", "installation", "commissioning", "taxes", "freight", "permits", "it_software")
DEFAULT_CLARIFICATIONS = ("budgetary", "quantities_from_layout", "site_conditions")
ASHRAE_CLASSES = ("", "A1", "A2", "A3", "A4", "H1")
TIERS = ("", "I", "II", "III", "IV")


@dataclass
class Revision:
    rev: str = "A"
    date: str = ""  # ISO date as typed (YYYY-MM-DD)
    author: str = ""
    change: str = ""


@dataclass
class SignOff:
    role: str = ""  # e.g. "Prepared by", "Checked by", "Approved by", "Accepted for the customer"
    name: str = ""
    date: str = ""


@dataclass
class Proposal:
    """Optional proposal fields of a design; empty lists mean "the defaults" (DEFAULT_*) in the reader's language.

    `names` holds optional translated names: language -> {"hall:<id>": ..., "system:<code>": ...,
    "description": ...}; the names the user typed stay as entered and are shown where no translation exists.
    """

    scope: list[str] = field(default_factory=list)
    exclusions: list[str] = field(default_factory=list)
    clarifications: list[str] = field(default_factory=list)
    validity_days: int = 90
    payment_terms: str = ""
    price_basis: str = ""  # delivery terms, e.g. "FCA factory, Incoterms 2020"
    revisions: list[Revision] = field(default_factory=list)
    sign_off: list[SignOff] = field(default_factory=list)
    customer_logo_path: str = ""
    ashrae_class: str = ""
    tier: str = ""
    codes: list[str] = field(default_factory=list)  # standards and codes named by the user
    names: dict[str, dict[str, str]] = field(default_factory=dict)

    def is_default(self) -> bool:
        return self == Proposal()

    def name_in(self, lang: str, key: str, default: str) -> str:
        """The translated name of a hall ("hall:<id>") or system ("system:<code>"), or the typed one."""
        return self.names.get(lang, {}).get(key) or default
