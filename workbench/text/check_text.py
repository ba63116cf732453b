"""A design check said in a report language, from the templates in resources/i18n/report.<lang>.json."""

from __future__ import annotations

import functools
from collections.abc import Callable

from workbench.calc.checks import Check
from workbench.text.language import FALLBACK, Language, available_languages, load_language

# Template keys: "check_msg.<code>", or "check_msg.<code>.<form>" when the check has a "form" parameter.
# Besides its own parameters a template may use "<name>_text", the word for a coded parameter in the
# template's language: the English sentences name roles and systems by their codes ("ups", "main"),
# other languages by the names the report tables use (UPS, 主供电).


def _role_text(lang: Language, role: str) -> str:
    if role.startswith("utility:"):
        kind = role.split(":", 1)[1]
        return lang.tr(f"kind.{kind}", kind)
    return lang.tr(f"role.{role}", lang.tr(f"kind.{role}", role))


TextFn = Callable[[Language, str], "str | None"]


def _word(prefix: str) -> TextFn:
    def text(lang: Language, value: str) -> str | None:
        return lang.strings.get(f"{prefix}.{value}") or lang.fallback.get(f"{prefix}.{value}")
    return text


def _voltages(lang: Language, value: str) -> str:
    """A comma list of voltage classes ("ac_lv, dc_800") in words of the language."""
    sep = lang.tr("voltage._sep", ", ")
    return sep.join(lang.tr(f"voltage.{c.strip()}", c.strip()) for c in value.split(",") if c.strip())


# Parameter -> how its "_text" is found; None (no word) leaves "_text" out, so a template using it falls back.
_TEXTS: dict[str, TextFn] = {
    "domain": _word("check_domain"),
    "side": _word("check_side"),
    "role": _role_text,
    "system": lambda lang, v: lang.tr(f"system.{v}", v),
    "loop": lambda lang, v: lang.tr(f"system.{v}", v),
    "takes": _voltages,
    "have": _voltages,
    "delivers": _voltages,
}


@functools.lru_cache(maxsize=8)
def _language(code: str) -> Language | None:
    known = available_languages()
    for candidate in (code, code.replace("-", "_").split("_")[0]):
        if candidate in known:
            return load_language(candidate)
    return None


def template_key(check: Check) -> str:
    form = check.param_dict().get("form")
    return f"check_msg.{check.code}.{form}" if form else f"check_msg.{check.code}"


def check_text(check: Check, lang: Language | str) -> str:
    """The check's sentence in lang (a Language or a code such as "zh" or "zh_CN").

    Falls back to the check's English message when the language, its template or a parameter the
    template names is missing, or the template does not fit the values: never raises.
    """
    language = _language(lang) if isinstance(lang, str) else lang
    if language is None:
        return check.message
    template = language.strings.get(template_key(check))
    if not template:
        return check.message
    values = check.param_dict()
    for name, find in _TEXTS.items():
        value = values.get(name)
        if isinstance(value, str):
            text = find(language, value)
            if text is not None:
                values[f"{name}_text"] = text
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError, TypeError, AttributeError):
        return check.message


def check_heading(check: Check, lang: Language | str) -> str:
    """Severity, the check's name and how many blocks it involves, e.g. "错误 · 位置重叠 · 2 个模块"."""
    language = (_language(lang) if isinstance(lang, str) else lang) or load_language(FALLBACK)
    return " · ".join((language.tr(f"severity.{check.severity}", check.severity),
                       language.tr(f"check.{check.code}", check.code),
                       language.t("checks.blocks", n=len(check.blocks))))
