"""The optional "climate" part of a project file: weather reference, loop temperatures, IT load profile."""

from __future__ import annotations

from typing import Any

from workbench.model.climate import LoopSettings, SiteClimate

# Added to the design schema's properties (resources/schema/design-*.schema.json) as "climate".
SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "weather_path": {"type": "string", "maxLength": 4096},
        "weather_sha256": {"type": "string", "maxLength": 64},
        "loops": {"type": "object", "maxProperties": 200, "additionalProperties": {
            "type": "object", "additionalProperties": False, "required": ["kind"],
            "properties": {"kind": {"enum": ["warm", "chilled", "condenser"]},
                           "supply_c": {"type": "number", "minimum": -20, "maximum": 90},
                           "return_c": {"type": "number", "minimum": -20, "maximum": 95}}}},
        "profile_kind": {"enum": ["constant", "weekly", "monthly", "hourly"]},
        "profile_weekly": {"type": "array", "maxItems": 168, "items": {"type": "number", "minimum": 0, "maximum": 1}},
        "profile_monthly": {"type": "array", "maxItems": 12, "items": {"type": "number", "minimum": 0, "maximum": 1}},
        "profile_hourly": {"type": "array", "maxItems": 8784, "items": {"type": "number", "minimum": 0, "maximum": 1}},
        "profile_source": {"type": "string", "maxLength": 4096},
    },
}


def climate_to_dict(c: SiteClimate) -> dict[str, Any]:
    doc: dict[str, Any] = {"weather_path": c.weather_path, "weather_sha256": c.weather_sha256,
                           "loops": {}, "profile_kind": c.profile_kind}
    for name, loop in c.loops.items():
        entry: dict[str, Any] = {"kind": loop.kind}
        if loop.supply_c is not None:
            entry["supply_c"] = loop.supply_c
        if loop.return_c is not None:
            entry["return_c"] = loop.return_c
        doc["loops"][name] = entry
    for key in ("profile_weekly", "profile_monthly", "profile_hourly"):
        if getattr(c, key):
            doc[key] = list(getattr(c, key))
    if c.profile_source:
        doc["profile_source"] = c.profile_source
    return doc


def climate_from_dict(doc: dict[str, Any] | None) -> SiteClimate:
    if not doc:
        return SiteClimate()
    loops = {name: LoopSettings(kind=str(v.get("kind", "warm")),
                                supply_c=float(v["supply_c"]) if "supply_c" in v else None,
                                return_c=float(v["return_c"]) if "return_c" in v else None)
             for name, v in doc.get("loops", {}).items()}
    return SiteClimate(
        weather_path=str(doc.get("weather_path", "")), weather_sha256=str(doc.get("weather_sha256", "")),
        loops=loops, profile_kind=str(doc.get("profile_kind", "constant")),
        profile_weekly=[float(x) for x in doc.get("profile_weekly", [])],
        profile_monthly=[float(x) for x in doc.get("profile_monthly", [])],
        profile_hourly=[float(x) for x in doc.get("profile_hourly", [])],
        profile_source=str(doc.get("profile_source", "")),
    )
