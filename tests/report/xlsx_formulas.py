"""A small evaluator of the formulas the BOM workbooks write (+ - * /, SUM, SUMIF, SUMIFS, COUNTIF, ROUND), so tests
can recompute a workbook from its own cells the way a spreadsheet would, after editing some of them.

Numbers are IEEE doubles as in a spreadsheet; ROUND rounds half away from zero on the number's 15 significant
digits, as Excel and LibreOffice do. A function or operator outside that set raises, so a formula the
evaluator does not understand fails the test instead of passing by accident.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal

from openpyxl.utils.cell import column_index_from_string, get_column_letter
from openpyxl.workbook.workbook import Workbook

_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<str>"(?:[^"]|"")*")
  | (?P<func>[A-Z][A-Z0-9.]*)(?=\()
  | (?P<ref>(?:'(?:[^']|'')+'!|[A-Za-z_][\w.]*!)?\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)
  | (?P<num>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?)
  | (?P<op>[-+*/(),])
""", re.VERBOSE)
_CELL = re.compile(r"\$?([A-Z]{1,3})\$?(\d+)")


class Range:
    """A rectangle of cells on one sheet, read row by row."""

    def __init__(self, book: Evaluator, sheet: str, first: str, last: str) -> None:
        (c0, r0), (c1, r1) = _split(first), _split(last)
        self.cells = [(sheet, f"{get_column_letter(c)}{r}") for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)]
        self.book = book

    def values(self) -> list[object]:
        return [self.book.value(s, c) for s, c in self.cells]


def _split(cell: str) -> tuple[int, int]:
    m = _CELL.fullmatch(cell)
    assert m, cell
    return column_index_from_string(m.group(1)), int(m.group(2))


def excel_round(x: float, digits: int) -> float:
    """ROUND as a spreadsheet does it: half away from zero on the 15 significant digits it keeps."""
    return float(Decimal(format(x, ".15g")).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))


def _number(v: object) -> float:
    if v is None:
        return 0.0
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise TypeError(f"not a number: {v!r}")
    return float(v)


def _matches(v: object, criterion: object) -> bool:
    if isinstance(criterion, str):
        if criterion[:1] in "<>=":
            raise NotImplementedError(f"criterion {criterion!r}")
        return isinstance(v, str) and v.casefold() == criterion.casefold()
    return v == criterion


class Evaluator:
    """The value of any cell of a workbook opened with formulas (openpyxl, data_only=False)."""

    def __init__(self, wb: Workbook) -> None:
        self.wb = wb
        self._memo: dict[tuple[str, str], object] = {}

    def value(self, sheet: str, cell: str) -> object:
        key = (sheet, cell.replace("$", ""))
        if key not in self._memo:
            raw = self.wb[sheet][key[1]].value
            self._memo[key] = self.formula(raw[1:], sheet) if isinstance(raw, str) and raw.startswith("=") else raw
        return self._memo[key]

    def formula(self, text: str, sheet: str) -> object:
        tokens = list(self._tokens(text))
        parser = _Parser(self, tokens, sheet)
        out = parser.expr()
        assert parser.i == len(tokens), f"unparsed rest of {text!r}"
        return out

    @staticmethod
    def _tokens(text: str) -> Iterator[tuple[str, str]]:
        pos = 0
        while pos < len(text):
            m = _TOKEN.match(text, pos)
            if not m:
                raise ValueError(f"cannot read {text[pos:]!r} in {text!r}")
            pos = m.end()
            if m.lastgroup != "ws":
                yield m.lastgroup or "", m.group()


class _Parser:
    def __init__(self, book: Evaluator, tokens: list[tuple[str, str]], sheet: str) -> None:
        self.book, self.tokens, self.sheet, self.i = book, tokens, sheet, 0

    def _peek(self) -> str:
        return self.tokens[self.i][1] if self.i < len(self.tokens) else ""

    def _take(self, expected: str | None = None) -> tuple[str, str]:
        tok = self.tokens[self.i]
        if expected is not None and tok[1] != expected:
            raise ValueError(f"expected {expected!r}, found {tok[1]!r}")
        self.i += 1
        return tok

    def expr(self) -> object:
        out = self.term()
        while self._peek() in ("+", "-"):
            op = self._take()[1]
            right = self.term()
            out = _number(out) + _number(right) if op == "+" else _number(out) - _number(right)
        return out

    def term(self) -> object:
        out = self.unary()
        while self._peek() in ("*", "/"):
            op = self._take()[1]
            right = self.unary()
            out = _number(out) * _number(right) if op == "*" else _number(out) / _number(right)
        return out

    def unary(self) -> object:
        if self._peek() == "-":
            self._take()
            return -_number(self.unary())
        return self.primary()

    def primary(self) -> object:
        kind, text = self._take()
        if kind == "num":
            return float(text)
        if kind == "str":
            return text[1:-1].replace('""', '"')
        if kind == "ref":
            sheet, _, cells = text.rpartition("!")
            sheet = sheet[1:-1].replace("''", "'") if sheet.startswith("'") else (sheet or self.sheet)
            if ":" in cells:
                first, last = cells.split(":")
                return Range(self.book, sheet, first.replace("$", ""), last.replace("$", ""))
            return self.book.value(sheet, cells)
        if kind == "func":
            self._take("(")
            args: list[object] = []
            while self._peek() != ")":
                args.append(self.expr())
                if self._peek() == ",":
                    self._take()
            self._take(")")
            return _call(text, args)
        if text == "(":
            out = self.expr()
            self._take(")")
            return out
        raise ValueError(f"unexpected {text!r}")


def _call(name: str, args: list[object]) -> object:
    if name == "SUM":
        return sum(_number(v) for a in args for v in (a.values() if isinstance(a, Range) else [a])
                   if not isinstance(v, str))
    if name == "ROUND":
        return excel_round(_number(args[0]), int(_number(args[1])))
    if name == "COUNTIF":
        rng, crit = args
        assert isinstance(rng, Range)
        return float(sum(_matches(v, crit) for v in rng.values()))
    if name in ("SUMIF", "SUMIFS"):
        if name == "SUMIF":
            rng, crit, total = args
            pairs, total_range = [(rng, crit)], total
        else:
            total_range, rest = args[0], args[1:]
            pairs = list(zip(rest[::2], rest[1::2]))
        assert isinstance(total_range, Range) and all(isinstance(r, Range) for r, _ in pairs)
        columns = [r.values() for r, _ in pairs]  # type: ignore[union-attr]
        return sum(_number(v) for k, v in enumerate(total_range.values())
                   if all(_matches(col[k], crit) for col, (_, crit) in zip(columns, pairs)) and not isinstance(v, str))
    raise NotImplementedError(f"function {name}")
