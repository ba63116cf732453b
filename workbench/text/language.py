"""Language packs as data files (resources/i18n/report.<lang>.json): strings, source wordings, number, date and money conventions."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.paths import resources_dir

FALLBACK = "en"


def i18n_dir() -> Path:
    return resources_dir() / "i18n"


def available_languages() -> dict[str, str]:
    """Language code -> its own name, for every report.<code>.json shipped."""
    out = {}
    for path in sorted(i18n_dir().glob("report.*.json")):
        code = path.name[len("report."):-len(".json")]
        try:
            out[code] = _read(code)["meta"].get("name", code)
        except (OSError, ValueError, KeyError):
            continue
    return out


@functools.cache
def _read(code: str) -> dict[str, Any]:
    path = i18n_dir() / f"report.{code}.json"
    with path.open(encoding="utf-8") as fh:
        data = json.load(fh)
    if not isinstance(data, dict) or "strings" not in data or "meta" not in data:
        raise ValueError(f"{path}: needs 'meta' and 'strings'")
    return data


@dataclass
class Language:
    """Strings and conventions of one report language, falling back to English for missing keys."""

    code: str
    meta: dict[str, Any]
    strings: dict[str, str]
    fallback: dict[str, str] = field(default_factory=dict)
    # Source clauses as published (English) -> this language's wording; English needs none.
    sources: dict[str, str] = field(default_factory=dict)

    @property
    def cjk(self) -> bool:
        return bool(self.meta.get("cjk_wrap", False))

    def t(self, key: str, **values: Any) -> str:
        text = self.strings.get(key) or self.fallback.get(key) or key
        if values:
            try:
                return text.format(**values)
            except (KeyError, IndexError, ValueError):
                return text
        return text

    def tr(self, key: str, default: str) -> str:
        """The string for key, or default (for data-driven keys such as roles and check codes)."""
        return self.strings.get(key) or self.fallback.get(key) or default

    def has(self, key: str) -> bool:
        return key in self.strings

    def source(self, text: str) -> str:
        """A source (catalog, assumption, weather file) clause by clause in this language, where the pack's
        "sources" table words the clause; names of publications, standards and products stay as published
        inside those wordings, and a clause the table does not know stays as written."""
        sep = self.tr("source._sep", "; ")
        estimate = " engineering estimate"
        out = []
        for clause in (c.strip() for c in text.split(";")):
            if not clause:
                continue
            word = self.sources.get(clause, "")
            if not word and clause.endswith(estimate):  # "size, weight, price engineering estimate"
                what = clause[:-len(estimate)]
                word = self.tr("source._estimate_of", "{what} engineering estimate").format(
                    what=self.sources.get(what, what))
            out.append(word or clause)
        return sep.join(out)


def load_language(code: str) -> Language:
    """The language pack for code; raises ValueError naming the known codes when there is none."""
    known = available_languages()
    if code not in known:
        raise ValueError(f"unknown report language {code!r} (available: {', '.join(sorted(known))})")
    data = _read(code)
    fallback = _read(FALLBACK)["strings"] if code != FALLBACK else {}
    meta = {**_read(FALLBACK)["meta"], **data["meta"]} if code != FALLBACK else dict(data["meta"])
    return Language(code, meta, dict(data["strings"]), dict(fallback), dict(data.get("sources", {})))
