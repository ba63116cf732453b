"""Source texts as a customer may read them: no in-house tags ([E], [T/E]) and no references to internal files."""

from __future__ import annotations

import re

# "[E]", "[P]/[T]", "[T/E]": the catalog's evidence tags, an in-house convention.
_TAGS = re.compile(r"\s*\[[PTE](?:/[PTE])*\](?:/\[[PTE](?:/[PTE])*\])*")
# "via engineering.md §3 and §5", "per engineering.md §3", "engineering.md §6": our internal reference notes.
_INTERNAL_REF = re.compile(r"\s*(?:(?:via|per|context)\s+)?engineering\.md(?:\s*§\s*\d+(?:\s*(?:and|,)\s*§\s*\d+)*)?")
_EMPTY_PARENS = re.compile(r"\(\s*\)")
_SPACES = re.compile(r"\s{2,}")
# A clause quoting a price in some currency ("about 1-4 USD/m³ in OECD cities"): a customer document
# shows money in its own currency only.
_MONEY_CLAUSE = re.compile(r",?[^;,()]*\b(?:USD|EUR|GBP|CNY|US\$)\b[^;,()]*")
# Words that are in-house shorthand for an estimate.
_ESTIMATE = re.compile(r"\bindustry estimate\b", re.I)

# What a customer document must never contain (the tests scan for these).
INTERNAL_MARKERS = ("engineering.md", "[E]", "[T]", "[P]", "[T/E]")


def customer_source(text: str) -> str:
    """A catalog or assumption source without evidence tags or internal file references."""
    out = _TAGS.sub("", text or "")
    out = _INTERNAL_REF.sub("", out)
    out = _MONEY_CLAUSE.sub("", out)
    out = _EMPTY_PARENS.sub("", out)
    out = _ESTIMATE.sub("engineering estimate", out)
    out = _SPACES.sub(" ", out).strip(" ;,")
    return out.replace(" ;", ";").replace(" ,", ",").replace(" )", ")")


def without_money(text: str) -> str:
    """A source without clauses quoting prices in some currency (internal documents keep everything else)."""
    return _SPACES.sub(" ", _MONEY_CLAUSE.sub("", text or "")).strip(" ;,")
