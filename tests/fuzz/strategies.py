"""Hostile inputs for the fuzz tests: what a hand-edited, truncated, forwarded or malicious
link (or saved file) can hold.

Each strategy mixes values a person could type with values only an attacker or a broken
tool would send, so one run covers both: ordinary numbers inside and outside every field's
range, NaN and infinities, ``1e308``, negative zero, 5,000-digit numbers, digits of other
scripts (Arabic-Indic, full-width, Devanagari), Python's ``1_000`` grouping, whitespace and
control characters, script tags, markdown and very long text.

Uploads and the negotiation game will want the same generators: a saved file is built from
:func:`scenario_documents`, and a game room's inputs can reuse :data:`hostile_text`.
"""

from __future__ import annotations

import json
import math

from hypothesis import strategies as st

from sib_model import PRESETS, QUERY_KEYS, Scenario
from sib_model.fields import field_limits, field_specs

FIELDS = tuple(Scenario.model_fields)
#: Every key a link may use for a field: short, long and old forms.
FIELD_KEYS = tuple(
    sorted(
        {QUERY_KEYS[f] for f in FIELDS}
        | set(FIELDS)
        | {old for spec in field_specs().values() for old in spec.old_query_keys}
    )
)
TRACKING_KEYS = ("utm_source", "utm_medium", "utm_campaign", "utm_x", "fbclid", "gclid")

_OTHER_DIGITS = {
    "arabic_indic": "٠١٢٣٤٥٦٧٨٩",
    "extended_arabic_indic": "۰۱۲۳۴۵۶۷۸۹",
    "full_width": "０１２３４５６７８９",
    "devanagari": "०१२३४५६७८९",
}

HOSTILE_SNIPPETS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "**bold** _it_ `code` # head",
    "[click](javascript:alert(1))",
    ":red[alarm] :material/warning:",
    "$$\\frac{1}{0}$$",
    "{key} {0} %s %(x)s",
    "\u202egnp.exe",
    "\x00\x1b[31m",
    "'; DROP TABLE scenarios; --",
    "../../etc/passwd",
    "https://evil.example/",
)


def _other_script_number(digits: str, number: int) -> str:
    return "".join(digits[int(d)] if d.isdigit() else d for d in str(number))


#: Text that looks like a number to someone, in every shape a link can bring.
number_text = st.one_of(
    st.integers(-(10**12), 10**12).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.floats(-1e3, 1e12).map(lambda x: f"{x:.6g}"),
    st.floats(0, 1).map(lambda x: f"{x:.4f}"),
    st.sampled_from(
        [
            "nan",
            "NaN",
            "inf",
            "-inf",
            "+inf",
            "Infinity",
            "∞",
            "1e308",
            "-1e308",
            "1e309",
            "1e-400",
            "-0",
            "-0.0",
            "0x10",
            "1_000",
            "1,5",
            "½",
            " 7 ",
            "\t0.5\n",
            "",
            "none",
            "null",
            "None",
            "true",
            "False",
            "1e2",
            "50.0",
            "5e-1",
            ".5",
            "5.",
        ]
    ),
    st.integers(1, 5_000).map(lambda n: "9" * n),
    st.integers(1, 5_000).map(lambda n: "1" + "0" * n + ".5"),
    st.tuples(st.sampled_from(sorted(_OTHER_DIGITS.values())), st.integers(0, 10**6)).map(
        lambda pair: _other_script_number(*pair)
    ),
)

#: Any text at all, including the snippets above, long runs and non-BMP characters.
hostile_text = st.one_of(
    st.text(max_size=60),
    st.sampled_from(HOSTILE_SNIPPETS),
    st.tuples(st.sampled_from(HOSTILE_SNIPPETS), st.integers(1, 400)).map(lambda p: p[0] * p[1]),
    st.integers(1, 20_000).map(lambda n: "x" * n),
)

link_value = st.one_of(
    number_text, hostile_text, st.sampled_from(["every_outcome", "above_baseline"])
)

#: Keys: ours (short, long, old), tracking, and anything else.
link_key = st.one_of(
    st.sampled_from(FIELD_KEYS),
    st.sampled_from(TRACKING_KEYS),
    st.sampled_from(["lang", "preset", "page", "n ", "N", "p[]", "__proto__"]),
    hostile_text.filter(bool),
)

#: A whole link's parameters; a value may be a list (a key repeated in the query string).
link_params = st.dictionaries(
    link_key,
    st.one_of(link_value, st.lists(link_value, min_size=0, max_size=3)),
    max_size=12,
)


def valid_value(field: str) -> st.SearchStrategy:
    """Any value the field accepts, edge values included."""
    spec = field_specs()[field]
    if spec.choices:
        return st.sampled_from(spec.choices)
    lo, hi = field_limits()[field]
    annotation = Scenario.model_fields[field].annotation
    if annotation is int:
        return st.integers(int(lo), int(hi))
    upper = math.inf if hi is None else hi
    values = st.floats(lo, min(upper, 1e12), allow_nan=False)
    if spec.infinite:
        values = values | st.just(math.inf)
    if spec.optional:
        values = values | st.none()
    return values


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    """Any valid scenario: a preset or the defaults with some fields moved anywhere in range."""
    base = draw(st.sampled_from([Scenario(), *PRESETS.values()]))
    names = draw(st.lists(st.sampled_from(FIELDS), unique=True, max_size=8))
    changes = {name: draw(valid_value(name)) for name in names}
    try:
        return base.replace(**changes)
    except ValueError:  # a cross-field rule; fall back to the base
        return base


#: Anything a value in a JSON file can be.
json_value = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | number_text
    | hostile_text,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=10), children, max_size=3)
    ),
    max_leaves=8,
)


@st.composite
def scenario_documents(draw: st.DrawFn) -> str:
    """A saved scenario file, some of its fields replaced by hostile values or keys."""
    data = json.loads(_saved(draw(scenarios())))
    body = data["scenario"]
    for name in draw(st.lists(st.sampled_from(FIELDS), unique=True, max_size=4)):
        body[name] = draw(json_value)
    for key in draw(st.lists(hostile_text, max_size=2)):
        body[key] = draw(json_value)
    if draw(st.booleans()):
        data = body  # the bare form, without the envelope
    text = json.dumps(data, allow_nan=True, ensure_ascii=draw(st.booleans()))
    return draw(st.sampled_from([text, text[: draw(st.integers(0, len(text)))]]))


def _saved(s: Scenario) -> str:
    from sib_model import scenario_to_json

    return scenario_to_json(s)
