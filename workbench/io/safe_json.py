"""JSON text read defensively: encodings, NaN/Infinity, huge numbers, repeated keys, depth, JSON paths."""

from __future__ import annotations

import codecs
import json
import math
import re
from collections.abc import Callable, Collection, Iterator
from typing import Any

from workbench.model.problems import InputError, Problem

MAX_PROBLEMS = 200
# A design is at most six levels deep (doc > halls > [i] > outline > [j] > [x, y]); anything far deeper is
# junk, and refusing it early keeps repr() and the schema validator away from Python's recursion limit.
MAX_DEPTH = 32
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class BadNumber:
    """Stands in for a number JSON may spell but a design or catalog cannot hold (NaN, 1e999, 400 digits);
    reported later with its path."""

    def __init__(self, token: str) -> None:
        self.token = token if len(token) <= 40 else token[:37] + "..."

    def __repr__(self) -> str:
        return self.token


class DuplicateKeys(dict):  # type: ignore[type-arg]
    """A JSON object in which some key appeared twice (the parser kept the last value)."""

    duplicates: list[str]


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    d = dict(pairs)
    if len(d) != len(pairs):
        dup = DuplicateKeys(d)
        seen: set[str] = set()
        repeated: set[str] = set()
        for k, _ in pairs:
            (repeated if k in seen else seen).add(k)
        dup.duplicates = sorted(repeated)
        return dup
    return d


def _parse_float(token: str) -> float | BadNumber:
    value = float(token)
    return value if math.isfinite(value) else BadNumber(token)


def _parse_int(token: str) -> int | BadNumber:
    # Python refuses to convert integers over 4,300 digits; no design or catalog figure needs more than a few.
    return int(token) if len(token) <= 30 else BadNumber(token)


def loads_keeping_damage(text: str) -> Any:
    """json.loads that keeps what is wrong for the caller to report: a bad number becomes a BadNumber and an
    object with a repeated key a DuplicateKeys; raises what json.loads raises (and RecursionError)."""
    return json.loads(text, parse_constant=BadNumber, parse_float=_parse_float, parse_int=_parse_int,
                      object_pairs_hook=_pairs)


def decode_text(raw: bytes, where: str = "$") -> str:
    """File bytes to text: UTF-8 (with or without BOM), or UTF-16/32 when a BOM says so."""
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError([Problem(where, f"damaged {codec.upper()} text at byte {exc.start}")]) from None
    if not raw.startswith(codecs.BOM_UTF8) and b"\x00" in raw[:4]:
        codec = json.detect_encoding(raw)  # UTF-16/32 without a byte-order mark, by the NUL pattern (RFC 4627)
        if codec != "utf-8":
            try:
                return raw.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError([Problem(where, f"damaged {codec.upper()} text at byte {exc.start}")]) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise InputError([Problem(f"{where} line {line}",
                                  f"is not UTF-8 text (byte {exc.start}); save the file as UTF-8")]) from None


def parse_json(text: str | bytes, where: str = "$",
               proven_clean: Callable[[Any], Collection[Any]] | None = None) -> Any:
    """Parse JSON text; raises InputError with a line and column, or with the JSON path of a bad value.

    `proven_clean`, given the parsed document, returns containers in it that the caller's own strict check
    has already proved hold nothing the damage walk looks for: only exact dict/list/str/int/float/bool/None
    values, finite numbers, no repeated keys, a few levels deep. Their contents are not walked again (on
    10,000 blocks that walk costs more than the parse). Strings are not part of that proof, so it is not
    asked when the text may hold a lone surrogate.
    """
    from_bytes = not isinstance(text, str)
    if isinstance(text, (bytes, bytearray)):
        text = decode_text(bytes(text), where)
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        doc = loads_keeping_damage(text)
    except json.JSONDecodeError as exc:
        msg = "the file is empty" if not text.strip() else f"not valid JSON: {exc.msg}"
        if exc.pos >= len(text.rstrip()) and text.strip():
            msg += " (the file ends early; it may be truncated)"
        raise InputError([Problem(f"{where} line {exc.lineno} column {exc.colno}", msg)]) from None
    except RecursionError:
        raise InputError([Problem(f"{where} {_too_deep_at(text)}",
                                  f"nesting is too deep (a design is at most {MAX_DEPTH} levels deep)")]) from None
    except ValueError as exc:
        raise InputError([Problem(where, str(exc))]) from None
    # Lone surrogates only arrive as \\udXXX escapes, or as themselves in text handed over as str: text
    # decoded here from bytes cannot hold one (the strict decoders refuse them), nor can ASCII text
    # (isascii() is a flag, not a scan). Searching 7 MB of text costs ~40 ms, so search only when needed.
    check_text = bool(_SURROGATE_ESCAPE.search(text)
                      or (not from_bytes and not text.isascii() and _SURROGATE.search(text)))
    skip = () if check_text or proven_clean is None else proven_clean(doc)
    problems = _damage(doc, where, check_text, {id(node) for node in skip})
    if problems:
        raise InputError(problems)
    return doc


_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _too_deep_at(text: str) -> str:
    """Line and column where nesting first passes MAX_DEPTH (only run after the parser gave up)."""
    depth = 0
    for m in _TOKEN.finditer(text):
        ch = m.group()
        if ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line = text.count("\n", 0, m.start()) + 1
                return f"line {line} column {m.start() - (text.rfind(chr(10), 0, m.start()) + 1) + 1}"
        elif ch in "]}":
            depth -= 1
    return "$"


def walk(doc: Any) -> Iterator[tuple[tuple[Any, ...], Any, int]]:
    """Every node with its path parts and depth, without recursion."""
    stack: list[tuple[tuple[Any, ...], Any, int]] = [((), doc, 0)]
    while stack:
        path, node, depth = stack.pop()
        yield path, node, depth
        if depth > MAX_DEPTH:
            continue
        if isinstance(node, dict):
            stack.extend(((*path, k), v, depth + 1) for k, v in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend(((*path, i), v, depth + 1) for i, v in reversed(list(enumerate(node))))


def _damage(doc: Any, where: str, check_text: bool, skip: Collection[int] = ()) -> list[Problem]:
    """What JSON allows but no design holds: NaN/Infinity, huge numbers, repeated keys, lone surrogates, depth.

    Only containers get a path built; scalars are checked in place, so a million-entry list costs a
    fraction of a second. Strings are searched only when the text holds a surrogate escape at all.
    Containers whose id() is in `skip` were proved clean by the caller (see parse_json) and are passed over.
    """
    problems: list[Problem] = []
    stack: list[tuple[Any, tuple[Any, ...], int]] = [(doc, (), 0)]
    while stack and len(problems) < MAX_PROBLEMS:
        node, path, depth = stack.pop()
        if skip and id(node) in skip:
            continue
        if type(node) is BadNumber:
            problems.append(_bad_number(where, path, node))
            continue
        if type(node) is str:
            if check_text and _SURROGATE.search(node):
                problems.append(Problem(f"{where}: {json_path(path)}", _SURROGATE_MSG))
            continue
        if not isinstance(node, (dict, list)):
            continue
        if depth >= MAX_DEPTH:
            problems.append(Problem(f"{where}: {json_path(path)}",
                                    f"nested deeper than {MAX_DEPTH} levels; this is not a design"))
            continue
        if isinstance(node, dict):
            if isinstance(node, DuplicateKeys):
                problems.append(Problem(f"{where}: {json_path(path)}", "key " + ", ".join(
                    repr(k) for k in node.duplicates) + " appears more than once; which value is meant is unclear"))
            if check_text and any(_SURROGATE.search(k) for k in node):
                problems.append(Problem(f"{where}: {json_path(path)}", "a key " + _SURROGATE_MSG.removeprefix("text ")))
            items: Any = node.items()
        else:
            items = enumerate(node)
        children = []
        for k, v in items:
            tv = type(v)
            if tv is dict or tv is list or tv is DuplicateKeys or tv is BadNumber or (check_text and tv is str):
                children.append((v, (*path, k), depth + 1))
        stack.extend(reversed(children))  # document order, so the first problem is the earliest
    return problems


_SURROGATE_MSG = "text contains a broken character escape (lone UTF-16 surrogate)"


def _bad_number(where: str, path: tuple[Any, ...], node: BadNumber) -> Problem:
    at = f"{where}: {json_path(path)}"
    if node.token.lstrip("-") in ("NaN", "Infinity"):
        return Problem(at, f"{node.token} is not a number a design can hold; use a finite value")
    return Problem(at, f"the number {node.token} is out of range")


def json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def clip(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if isinstance(value, (str, int, float, bool)) or value is None \
        else json_type(value)
    return text if len(text) <= 60 else text[:57] + "..."


def json_path(parts: Any) -> str:
    out = "$"
    for p in parts:
        if isinstance(p, int):
            out += f"[{p}]"
        elif isinstance(p, str) and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", p):
            out += f".{p}"
        else:
            out += f"[{json.dumps(clip(p) if isinstance(p, str) else str(p), ensure_ascii=False)}]"
    return out
