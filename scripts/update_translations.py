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
import ast
import json
import re
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


EXTRA = ROOT / "build" / "i18n" / "extra_strings.py"


def _translate_context(node: ast.AST) -> str | None:
    """The literal context of a `QCoreApplication.translate("Ctx", ...)` call, else None."""
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "translate"
            and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
        return node.args[0].value
    return None


def _aliases(tree: ast.Module) -> dict[str, str]:
    """Module functions like `def _tr(text): return QCoreApplication.translate("Ctx", text)` -> {"_tr": "Ctx"}."""
    out = {}
    for fn in tree.body:
        if isinstance(fn, ast.FunctionDef):
            for node in ast.walk(fn):
                if isinstance(node, ast.Return) and node.value is not None:
                    context = _translate_context(node.value)
                    if context is not None:
                        out[fn.name] = context
    return out


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


# `obj.<attribute>.tr("...")` runs tr() of another object, whose class names the context at run time;
# lupdate would file these under "obj.attribute", so they are re-filed under the class here.
OBJECT_CONTEXTS = {"editor": "Editor", "window": "MainWindow", "main_window": "MainWindow"}
Message = tuple[str, str, str, bool]  # context, source, disambiguation, numerus


def _message(context: str, call: ast.Call, first: int) -> Message | None:
    """The message of a translate-like call whose source text is argument `first`, if it is a literal."""
    args = call.args[first:]
    text = _literal(args[0]) if args else None
    if text is None:
        return None
    disambiguation = (_literal(args[1]) or "") if len(args) > 1 else ""
    return context, text, disambiguation, len(args) > 2


def alias_strings(path: Path) -> tuple[list[Message], list[str]]:
    """Messages lupdate cannot file correctly (translate aliases, another object's tr) and, as warnings,
    the places that translate a variable, whose strings must come from table_strings()."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    aliases = _aliases(tree)
    found: list[Message] = []
    dynamic: list[str] = []
    where = f"{path.relative_to(ROOT)}"
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else (func.attr if isinstance(func, ast.Attribute) else "")
        if name in aliases:
            message = _message(aliases[name], node, 0)
            if message is None:
                dynamic.append(f"{where}:{node.lineno}: {name}(<variable>)")
            else:
                found.append(message)
        elif name == "tr" and isinstance(func, ast.Attribute):
            owner = func.value
            owner_name = owner.attr if isinstance(owner, ast.Attribute) else (
                owner.id if isinstance(owner, ast.Name) else "")
            if owner_name in OBJECT_CONTEXTS:
                message = _message(OBJECT_CONTEXTS[owner_name], node, 0)
                if message is not None:
                    found.append(message)
            elif owner_name not in ("self", "super"):
                dynamic.append(f"{where}:{node.lineno}: {ast.unparse(owner)}.tr(...) (context unknown)")
            if _literal(node.args[0]) is None:
                dynamic.append(f"{where}:{node.lineno}: tr(<variable>)")
    return found, dynamic


TABLE_MODULES = {"workbench/ui/actions.py", "workbench/ui/main_window.py"}  # their run-time translations come from table_strings()


def table_strings() -> list[Message]:
    """Strings kept in data tables and translated at run time (the window's actions, menus and gestures)."""
    sys.path.insert(0, str(ROOT))
    from workbench.ui import actions

    texts = []
    for spec in actions.SPECS:
        texts += [spec.text] + ([spec.tip] if spec.tip else [])
    texts += [text for pair in actions.GESTURES for text in pair]
    # The window titles its menus with self.tr(title): context MainWindow.
    menus = [("MainWindow", title, "", False) for _key, title, _items in actions.MENUS]
    return [("Actions", text, "", False) for text in texts] + menus


def write_extra_strings() -> list[str]:
    """Write the messages lupdate cannot find as translate() calls; returns the dynamic call sites."""
    messages: list[Message] = []
    dynamic: list[str] = []
    for path in sorted(SOURCES.rglob("*.py")):
        found, dyn = alias_strings(path)
        messages += found
        dynamic += [d for d in dyn if d.split(":")[0] not in TABLE_MODULES]
    messages += table_strings()
    EXTRA.parent.mkdir(parents=True, exist_ok=True)
    lines = ["# Generated by scripts/update_translations.py for lupdate; never run, never edited.",
             "from PySide6.QtCore import QCoreApplication", ""]
    for context, text, disambiguation, numerus in dict.fromkeys(messages):
        extra = f", {disambiguation!r}, 2" if numerus else (f", {disambiguation!r}" if disambiguation else "")
        lines.append(f"QCoreApplication.translate({context!r}, {text!r}{extra})")
    EXTRA.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return dynamic


def drop_misfiled_contexts(ts: Path) -> None:
    """Remove contexts lupdate named after an expression ("self.editor", "window"): write_extra_strings re-files them."""
    text = ts.read_text(encoding="utf-8")
    names = "|".join(re.escape(n) for n in OBJECT_CONTEXTS)
    pattern = rf"<context>\s*<name>(?:[^<]*\.[^<]*|{names})</name>.*?</context>\n?"
    cleaned = re.sub(pattern, "", text, flags=re.S)
    if cleaned != text:
        ts.write_text(cleaned, encoding="utf-8")


def run_lupdate(lang: str) -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))
    sources.append(str(EXTRA.relative_to(ROOT)))
    # -no-obsolete: strings removed from the code leave the .ts; -locations absolute names file and line for translators.
    cmd = [_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "absolute", *sources,
           "-ts", str(ts_path(lang).relative_to(ROOT))]
    subprocess.run(cmd, cwd=ROOT, check=True)
    drop_misfiled_contexts(ts_path(lang))


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
    for site in write_extra_strings():
        print(f"  translated at run time (check its strings reach the .ts): {site}")
    for lang in LANGUAGES:
        run_lupdate(lang)
        if args.fill:
            mapping = json.loads(args.fill.read_text(encoding="utf-8"))
            print(f"{ts_path(lang).name}: filled {fill(ts_path(lang), mapping)} messages from {args.fill}")
            run_lupdate(lang)  # back to lupdate's own layout, so the next refresh shows no spurious diff
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
