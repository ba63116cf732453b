"""Line breaking for Chinese text that never separates a number from its unit or splits a Latin word."""

from __future__ import annotations

import re
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.platypus import Paragraph

from workbench.report.fonts import LATIN_BOLD, clean, markup, mixed_width

# A number or a range ("2-4") with its unit (optionally one space between), a Latin word, a run of spaces, or
# any single character.
_ATOM = re.compile(
    r"[-+]?[0-9][0-9,.:]*(?:[-–~～][0-9][0-9,.:]*)?(?:\s?(?:%|‰|°C|[A-Za-zµ°Ω][A-Za-z0-9µ°Ω²³/·_]*))?"
    r"|[A-Za-z][A-Za-z0-9_\-.'’/²³+]*"
    r"|\s+"
    r"|.", re.S)


# Never at the start of a line (GB/T 15834 practice): reportlab's table misses the full-width comma and others.
_CANNOT_START = set(ALL_CANNOT_START) | set("，。、；：！？）］｝」』】》〉”’％·…")
_CANNOT_END = set(ALL_CANNOT_END) | set("（［｛「『【《〈“‘")


def atoms(text: str) -> list[str]:
    """Unbreakable pieces; closing punctuation joins the piece before it, opening punctuation the piece after."""
    out: list[str] = []
    carry = ""
    for m in _ATOM.finditer(text):
        tok = m.group(0)
        if carry:
            tok, carry = carry + tok, ""
        if len(tok) == 1 and tok in _CANNOT_END:
            carry = tok
            continue
        if out and tok[0] in _CANNOT_START and not tok.isspace():
            out[-1] += tok
        else:
            out.append(tok)
    if carry:
        out.append(carry)
    return out


def break_lines(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Greedy lines of at most width points; an atom wider than a line is cut by characters."""
    lines: list[str] = []
    for para in clean(text).split("\n"):
        line, used = "", 0.0
        for atom in _fitting(atoms(para), width, size, bold):
            w = mixed_width(atom, size, bold)
            if not line and atom.isspace():
                continue
            if used + w <= width or not line:
                if w > width:  # too long on its own (a very long name): cut it
                    for ch in atom:
                        cw = mixed_width(ch, size, bold)
                        if line and used + cw > width:
                            lines.append(line)
                            line, used = "", 0.0
                        line += ch
                        used += cw
                    continue
                line += atom
                used += w
            else:
                lines.append(line.rstrip())
                line, used = ("", 0.0) if atom.isspace() else (atom, w)
        lines.append(line.rstrip())
    return lines


def _fitting(pieces: list[str], width: float, size: float, bold: bool) -> list[str]:
    """Atoms, with one wider than a whole line split at its spaces ("1,292.4 CNY/m²" in a narrow column
    goes to two lines at the space, not with "²" alone on the second)."""
    out: list[str] = []
    for atom in pieces:
        if " " in atom.strip() and mixed_width(atom, size, bold) > width:
            out += [p for p in re.split(r"( )", atom) if p]
        else:
            out.append(atom)
    return out


class CJKParagraph(Paragraph):
    """A paragraph of user or generated text broken by break_lines() at the width it is given."""

    def __init__(self, text: object, style: ParagraphStyle, tail: str = "") -> None:
        self._plain = clean(text)
        self._cjk_style = style
        self._tail = tail  # safe markup on a line of its own after the text (a small grey note); not re-broken
        self._for_width: float | None = None
        plain_style = ParagraphStyle(style.name + "-pre", parent=style, wordWrap=None)
        self._plain_style = plain_style
        super().__init__(markup(self._plain) + (f"<br/>{tail}" if tail else ""), plain_style)

    def wrap(self, availWidth: float, availHeight: float) -> Any:  # noqa: N803 (reportlab API)
        style = self._cjk_style
        width = availWidth - style.leftIndent - style.rightIndent - 0.01
        if width != self._for_width:
            self._for_width = width
            bold = style.fontName == LATIN_BOLD
            lines = break_lines(self._plain, max(width, style.fontSize), style.fontSize, bold)
            self._broken = "<br/>".join([markup(ln) for ln in lines] + ([self._tail] if self._tail else []))
            Paragraph.__init__(self, self._broken, self._plain_style)
        return super().wrap(availWidth, availHeight)

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803 (reportlab API)
        # The lines are already broken; a plain Paragraph of them splits across pages like any other.
        self.wrap(availWidth, availHeight)
        plain = Paragraph(self._broken, self._plain_style)
        plain.wrap(availWidth, availHeight)
        return plain.split(availWidth, availHeight)
