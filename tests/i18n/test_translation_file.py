"""The committed zh_CN .ts is complete and well-formed, and the shipped .qm was compiled from it."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from workbench.paths import resources_dir

TS = resources_dir() / "translations" / "workbench_zh_CN.ts"
QM = TS.with_suffix(".qm")
PLACEHOLDER = re.compile(r"%n|%\d|\{[^{}]*\}")
HAN = re.compile(r"[\u4e00-\u9fff]")


def _messages() -> list[tuple[str, str, ET.Element, bool]]:
    out = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            out.append((name, message.findtext("source", ""), message.find("translation"),
                        message.get("numerus") == "yes"))
    return out


def _forms(translation: ET.Element) -> list[str]:
    return [n.text or "" for n in translation.iter("numerusform")] or [translation.text or ""]


def test_the_ts_has_many_messages_and_names_chinese() -> None:
    root = ET.parse(TS).getroot()
    assert root.get("language") == "zh_CN"
    assert len(_messages()) > 300


def test_no_message_is_unfinished_or_empty() -> None:
    bad = []
    for context, source, translation, _numerus in _messages():
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
            bad.append(f"{context}: {source!r} ({None if translation is None else translation.get('type')})")
        elif not all(f.strip() for f in _forms(translation)):
            bad.append(f"{context}: {source!r} (empty)")
    assert not bad, "untranslated:\n" + "\n".join(bad)


def test_translations_keep_placeholders_and_accelerators() -> None:
    bad = []
    for context, source, translation, _numerus in _messages():
        assert translation is not None
        for text in _forms(translation):
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
                bad.append(f"{context}: {source!r} -> {text!r} (placeholders)")
            if re.search(r"&\w", source) and not re.search(r"&\w", text):
                bad.append(f"{context}: {source!r} -> {text!r} (lost the & accelerator)")
    assert not bad, "\n".join(bad)


def test_translations_are_chinese_where_the_source_has_words() -> None:
    # Units, codes, file filters and placeholders ("{0} kW", "PUE", "PDF (*.pdf)") may stay as they are.
    untranslated = [f"{c}: {s!r}" for c, s, t, _n in _messages()
                    if t is not None and "(*." not in s and len(re.findall(r"[A-Za-z]{3,}", PLACEHOLDER.sub("", s))) >= 2
                    and not any(HAN.search(f) for f in _forms(t))]
    assert not untranslated, "still English:\n" + "\n".join(untranslated)


def test_the_qm_was_compiled_from_the_current_ts() -> None:
    translator = QTranslator()
    assert translator.load(str(QM))
    stale = []
    for context, source, translation, numerus in _messages():
        assert translation is not None
        expected = _forms(translation)[0]
        got = translator.translate(context, source, None, 1 if numerus else -1)
        if got != expected:
            stale.append(f"{context}: {source!r}: .qm has {got!r}, .ts has {expected!r}")
    assert not stale, "run scripts/update_translations.py:\n" + "\n".join(stale[:20])


@pytest.mark.parametrize("path", [QM, resources_dir() / "translations" / "qtbase_zh_CN.qm"])
def test_the_translation_files_are_shipped(path: Path) -> None:
    assert path.is_file() and path.stat().st_size > 1000


def test_every_literal_handed_to_tr_in_the_window_is_in_the_ts() -> None:
    """lupdate misses a tr('…') written inside an f-string; such a message would show in English in Chinese.
    Every literal the window passes to self.tr() must be a source text of the .ts."""
    sources = {source for _, source, _, _ in _messages()}
    call = re.compile(r"""\bself\.tr\(\s*(["'])((?:(?!\1)[^\\]|\\.)*)\1\s*[,)]""")
    missing, seen = [], 0
    for path in sorted((resources_dir().parent / "workbench" / "ui").rglob("*.py")):
        for m in call.finditer(path.read_text(encoding="utf-8")):
            seen += 1
            text = m.group(2).encode().decode("unicode_escape") if "\\" in m.group(2) else m.group(2)
            if text not in sources:
                missing.append(f"{path.name}: {text!r}")
    assert seen > 300 and not missing, (seen, missing)
