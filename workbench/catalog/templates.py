"""Hall and module templates: find them in every folder, read their metadata and headline figures."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.calc import calculate
from workbench.catalog.library import load_catalog
from workbench.catalog.sources import TemplateFolder, library_files, template_files, template_folders
from workbench.io import load_design
from workbench.model.blocktype import Catalog
from workbench.model.design import Design
from workbench.model.problems import InputError, Problem

KINDS = ("hall", "module")
META_KEYS = ("kind", "name", "author", "version", "licence", "created")
HEADLINE_KEYS = ("it_mw", "pue", "racks")


@dataclass
class TemplateInfo:
    """One template as the gallery shows it; `design` is the loaded file (copy before editing)."""

    path: Path
    folder: TemplateFolder
    kind: str
    name: str
    design: Design
    author: str = ""
    version: str = ""
    licence: str = ""
    created: str = ""
    description: str = ""
    it_mw: float | None = None
    pue: float | None = None
    racks: int | None = None
    unknown_types: dict[str, int] = field(default_factory=dict)  # type id -> blocks using it
    name_zh: str = ""  # meta name_zh / description_zh: the gallery's Chinese name and description
    description_zh: str = ""

    def display_name(self, lang: str = "en") -> str:
        return (self.name_zh if lang.startswith("zh") else "") or self.name

    def display_description(self, lang: str = "en") -> str:
        return (self.description_zh if lang.startswith("zh") else "") or self.description

    @property
    def stem(self) -> str:
        return self.path.name.removesuffix(".dchall.json")

    @property
    def relative_path(self) -> str:
        try:
            return self.path.relative_to(self.folder.path).as_posix()
        except ValueError:
            return self.path.name

    def matches(self, name: str) -> bool:
        wanted = name.strip().casefold()
        return wanted in (self.name.casefold(), self.stem.casefold(), self.relative_path.casefold())


@dataclass
class TemplateSet:
    """Everything discovery found: templates, the catalog they were read against, and problems."""

    templates: list[TemplateInfo]
    catalog: Catalog
    folders: list[TemplateFolder]
    library_files: list[Path]
    problems: list[Problem]

    def of_kind(self, kind: str) -> list[TemplateInfo]:
        return [t for t in self.templates if t.kind == kind]

    def find(self, name: str) -> list[TemplateInfo]:
        return [t for t in self.templates if t.matches(name)]


def discover_templates(shared: Iterable[Path | str] = (), folders: list[TemplateFolder] | None = None) -> TemplateSet:
    """Read every template in every folder; a broken file is reported and skipped, never fatal."""
    problems: list[Problem] = []
    if folders is None:
        folders = template_folders(shared, problems)
    libs = [p for f in folders for p in library_files(f)]
    catalog, lib_problems = load_catalog(extra_files=libs)
    problems += lib_problems
    templates: list[TemplateInfo] = []
    for folder in folders:
        for path in template_files(folder, problems):
            info = read_template(path, folder, catalog, problems)
            if info is not None:
                templates.append(info)
    templates.sort(key=lambda t: (KINDS.index(t.kind) if t.kind in KINDS else 9, t.it_mw or 0.0,
                                  t.name.casefold(), version_key(t.version)))
    return TemplateSet(templates, catalog, folders, libs, problems)


def read_template(path: Path, folder: TemplateFolder, catalog: Catalog,
                  problems: list[Problem]) -> TemplateInfo | None:
    """Load one template file; report what is wrong with it and return None if unusable."""
    try:
        loaded = load_design(path, catalog)
    except InputError as exc:
        first = exc.problems[0] if exc.problems else Problem(path.name, "invalid")
        more = f" (and {len(exc.problems) - 1} more problems)" if len(exc.problems) > 1 else ""
        problems.append(Problem(f"template {path}", f"skipped: {first.where}: {first.message}{more}"))
        return None
    design = loaded.design
    meta = design.meta
    unknown: dict[str, int] = {}
    for b in design.blocks.values():
        if b.type_id not in catalog.types:
            unknown[b.type_id] = unknown.get(b.type_id, 0) + 1
    name = _text(meta.get("name")) or design.site.name or path.name.removesuffix(".dchall.json")
    for type_id, count in sorted(unknown.items()):
        problems.append(Problem(f"template '{name}' ({path})",
                                f"uses block type '{type_id}' ({count} blocks), which no library defines; "
                                "those blocks are left out of its figures", "warning"))
    kind = _text(meta.get("kind"))
    if kind not in KINDS:
        kind = "module" if "modules" in path.parent.parts[-1:] else "hall"
    info = TemplateInfo(
        path=path, folder=folder, kind=kind, name=name, design=design,
        author=_text(meta.get("author")), version=_text(meta.get("version")),
        licence=_text(meta.get("licence")), created=_text(meta.get("created")),
        description=design.description, unknown_types=unknown,
        name_zh=_text(meta.get("name_zh")), description_zh=_text(meta.get("description_zh")),
    )
    figures = {k: meta.get(k) for k in HEADLINE_KEYS}
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in figures.values()):
        info.it_mw, info.pue, info.racks = float(figures["it_mw"]), float(figures["pue"]), int(figures["racks"])
    else:
        # Templates written by other tools may leave the figures out: work them out here.
        computed = headline_figures(design, catalog)
        info.it_mw, info.pue, info.racks = computed["it_mw"], computed["pue"], computed["racks"]
    return info


def headline_figures(design: Design, catalog: Catalog) -> dict[str, Any]:
    """IT MW (design load), annualised PUE at 100 % IT and the rack count, as stored in template meta."""
    results = calculate(design, catalog)
    pue = results.pue
    return {"it_mw": round(results.it_load_kw / 1000.0, 3),
            "pue": round(pue, 2) if pue is not None else 0.0,
            "racks": int(results.space.rack_count)}


def stamp_template_meta(design: Design, catalog: Catalog, *, kind: str, name: str, author: str = "",
                        version: str = "1.0.0", licence: str = "", created: str = "") -> None:
    """Write the template metadata and the headline figures (from the calculation) into design.meta."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, got {kind!r}")
    meta: dict[str, Any] = design.meta
    meta.update({"kind": kind, "name": name, "author": author, "version": version, "licence": licence,
                 "created": created})
    meta.update(headline_figures(design, catalog))


def version_key(version: str) -> tuple[tuple[int, str], ...]:
    """Sort key for versions like 1.10.2 (numeric parts compare as numbers)."""
    parts = re.split(r"[.\-+ ]", version.strip()) if version else []
    return tuple((int(p), "") if p.isdigit() else (-1, p) for p in parts)


def compare_versions(a: str, b: str) -> int:
    """-1, 0 or 1 as version a is older than, equal to or newer than b."""
    ka, kb = version_key(a), version_key(b)
    return (ka > kb) - (ka < kb)


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ("" if value is None else str(value))
