#!/usr/bin/env python3
"""Refresh resources/translations/*.ts from the UI sources with lupdate, then compile the .qm files with lrelease.

Usage: .venv/bin/python scripts/update_translations.py [--fill MAP.json] [--check]
  lupdate keeps every existing translation; new strings arrive marked unfinished for a translator.
  --fill MAP.json   fill unfinished messages from {"Context|source": "译文"} or {"source": "译文"}
  --check           exit 1 (and list them) when a message is still unfinished or empty
Open the .ts in Qt Linguist (.venv/bin/pyside6-linguist) to translate by hand.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "workbench" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease next to this Python (the venv), else on PATH."""
    for candidate in (BIN / name, BIN / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        sys.exit(f"update_translations: {name} not found; install PySide6 into the venv first")
    return found


def ts_path(lang: str) -> Path:
    return TRANSLATIONS / f"workbench_{lang}.ts"


def run_lupdate(lang: str) -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))
    # -no-obsolete: strings removed from the code leave the .ts; -locations absolute names file and line for translators.
    cmd = [_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "absolute", *sources,
           "-ts", str(ts_path(lang).relative_to(ROOT))]
    subprocess.run(cmd, cwd=ROOT, check=True)


def run_lrelease(lang: str) -> Path:
    qm = ts_path(lang).with_suffix(".qm")
    subprocess.run([_tool("pyside6-lrelease"), str(ts_path(lang)), "-qm", str(qm)], cwd=ROOT, check=True)
    return qm


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished, non-empty translation."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            source = message.findtext("source", "")
            if translation is None:
                out.append((name, source))
                continue
            kind = translation.get("type", "")
            if kind in ("vanished", "obsolete"):
                continue
            forms = [n.text or "" for n in translation.iter("numerusform")] or [translation.text or ""]
            if kind == "unfinished" or not all(f.strip() for f in forms):
                out.append((name, source))
    return out


def fill(ts: Path, mapping: dict[str, str]) -> int:
    """Write translations from `mapping` into unfinished messages; returns how many were filled."""
    tree = ET.parse(ts)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            if translation is None or translation.get("type") not in ("unfinished", None):
                continue
            if translation.get("type") is None and (translation.text or "").strip():
                continue
            text = mapping.get(f"{name}|{source}", mapping.get(source))
            if not text:
                continue
            if message.get("numerus") == "yes":
                for child in list(translation):
                    translation.remove(child)
                ET.SubElement(translation, "numerusform").text = text
            else:
                translation.text = text
            translation.attrib.pop("type", None)
            filled += 1
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return filled


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fill", type=Path, help="JSON map of translations for unfinished messages")
    parser.add_argument("--check", action="store_true", help="fail when a message is unfinished")
    args = parser.parse_args(argv)
    status = 0
    for lang in LANGUAGES:
        run_lupdate(lang)
        if args.fill:
            mapping = json.loads(args.fill.read_text(encoding="utf-8"))
            print(f"{ts_path(lang).name}: filled {fill(ts_path(lang), mapping)} messages from {args.fill}")
        qm = run_lrelease(lang)
        left = unfinished(ts_path(lang))
        print(f"{qm.name}: compiled; {len(left)} messages unfinished")
        for context, source in left:
            print(f"  unfinished: {context}: {source!r}")
        if args.check and left:
            status = 1
    return status


if __name__ == "__main__":
    raise SystemExit(main())
