"""What to tell a user whose link could not be used as it stands — short, translated, safe.

A link is read leniently (``sib_model.scenario_from_query``): every good value counts, and
each bad key comes back as a :class:`~sib_model.QueryProblem`. This module turns those
problems into one sentence in the user's language. Everything taken from the link is shown
cut short, on one line and with markdown and HTML escaped, so a hostile link cannot dress up
the page; many unknown keys make one short remark, not a wall of text.
"""

from __future__ import annotations

import math
import re
from typing import Any

from sib_model import SETTINGS, QueryProblem, field_of_query_key
from sib_model.fields import field_limits, field_specs
from ui.text.translator import Translator

__all__ = ["link_problem_text", "value_text", "field_label_text", "markdown_text"]

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")
_SHOWN_LENGTH = 30
#: Unknown keys named one by one; beyond this many, they are counted instead.
_NAMED_UNKNOWN = 3


def _shown(text: str) -> str:
    """Hostile text from a link made safe to show: short, one line, no markdown or HTML."""
    text = "".join(ch for ch in str(text) if ch.isprintable())
    if len(text) > _SHOWN_LENGTH:
        text = text[:_SHOWN_LENGTH] + "…"
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def markdown_text(text: str) -> str:
    """Text from a link or a file (a pinned scenario's name) made safe inside markdown:
    printable, with markdown and HTML characters escaped; not shortened."""
    text = "".join(ch for ch in str(text) if ch.isprintable())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def value_text(value: Any, t: Translator) -> str:
    """A scenario value as the user's language writes it."""
    if isinstance(value, float) and not math.isinf(value):
        return t.fmt.number(value, 0 if value.is_integer() else 3)
    return str(value)


_PREFIX = re.compile(r"^(?:b|p[0-9]+)\.")
_SETTING_OF_KEY = {setting.query_key: name for name, setting in SETTINGS.items()}


def field_label_text(where: str, t: Translator) -> str:
    """A place in a saved file in the user's words: ``baseline.cohort_size`` → "Cohort size
    (baseline)", ``deal_max_loss`` → its page setting's label."""
    prefix, _, name = where.rpartition(".")
    if name in SETTINGS:
        label = t(name)
    elif name in field_specs():
        label = t.label(name)
    else:
        label = _shown(name)
    if prefix == "baseline":
        return f"{label} ({t('file_where_baseline')})"
    if prefix.startswith("pinned"):
        return f"{label} ({t('file_where_pinned')} {prefix.removeprefix('pinned').strip()})"
    return label


def _allowed_of_key(key: str, t: Translator) -> str:
    """What a link's key accepts: a field (also behind the baseline's ``b.`` or a pinned
    scenario's ``p1.``), a page setting, a pinned scenario's name, or the language."""
    if re.fullmatch(r"p[0-9]+", key):
        return t("allowed_pin_name")
    if key in _SETTING_OF_KEY:
        setting = SETTINGS[_SETTING_OF_KEY[key]]
        if setting.choices:
            return t(
                "allowed_choice", choices=", ".join(t(f"deal_test_{c}") for c in setting.choices)
            )
        lo, hi = (
            t.fmt.number(v, 0 if float(v).is_integer() else 2) for v in (setting.lo, setting.hi)
        )
        return t("allowed_number", lo=lo, hi=hi)
    return _allowed(field_of_query_key(_PREFIX.sub("", key)), t)


def _allowed(field: str | None, t: Translator) -> str:
    """What the field accepts, in words of the user's language."""
    if field is None:
        return t("allowed_lang")
    spec = field_specs()[field]
    if spec.choices:
        return t("allowed_choice", choices=", ".join(t(f"{field}_{c}") for c in spec.choices))
    if spec.infinite:
        return t("allowed_evidence")
    lo, hi = field_limits()[field]
    whole = spec.control.display in ("count", "years")
    text = t(
        "allowed_whole" if whole else "allowed_number",
        lo=t.fmt.number(lo, 0 if float(lo or 0).is_integer() else 2),
        hi=t.fmt.number(hi, 0 if float(hi or 0).is_integer() else 2),
    )
    return t("allowed_optional", range=text) if spec.optional else text


def link_problem_text(problems: list[QueryProblem], t: Translator) -> str:
    """One translated sentence listing what in the link could not be used."""
    items = []
    unknown = [p for p in problems if p.reason == "unknown_key"]
    if len(unknown) > _NAMED_UNKNOWN:
        items.append(
            t(
                "link_unknown_keys",
                count=len(unknown),
                keys=", ".join(_shown(p.key) for p in unknown[:_NAMED_UNKNOWN]),
            )
        )
    else:
        items += [t("link_unknown_key", key=_shown(p.key)) for p in unknown]
    for problem in problems:
        key = _shown(problem.key)
        if problem.reason == "unknown_key":
            continue
        if problem.reason == "adjusted":
            items.append(
                t(
                    "link_adjusted",
                    key=key,
                    value=_shown(problem.value),
                    used=_shown(problem.allowed),
                )
            )
        elif problem.reason == "duplicate":
            items.append(t("link_duplicate", key=key, used=_shown(problem.allowed)))
        else:
            items.append(
                t(
                    "link_invalid_value",
                    key=key,
                    value=_shown(problem.value),
                    allowed=_allowed_of_key(problem.key, t),
                )
            )
    return t("link_problems", items="; ".join(items))
