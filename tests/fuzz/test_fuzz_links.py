"""Hostile links and saved files, fuzzed: never a traceback, every problem named in the
user's language, the current scenario never lost, every accepted scenario round-trips.

``make test`` runs a few dozen examples per property; ``make fuzz`` (``HYPOTHESIS_PROFILE=fuzz``)
runs thousands, with Hypothesis's statistics.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from sib_model import (
    QUERY_KEYS,
    Scenario,
    ScenarioError,
    field_of_query_key,
    scenario_from_json,
    scenario_from_query,
    scenario_to_json,
    scenario_to_query,
)
from sib_model.codec import _is_tracking, _to_text
from tests.fuzz._budget import examples
from tests.fuzz.strategies import (
    FIELD_KEYS,
    FIELDS,
    TRACKING_KEYS,
    hostile_text,
    json_value,
    link_params,
    link_value,
    number_text,
    scenario_documents,
    scenarios,
    valid_value,
)
from ui.text.translator import Translator
from ui.words.link_messages import _shown, link_problem_text

EN, DA = Translator("en"), Translator("da")
LEAD = {"en": "could not be used", "da": "kunne ikke bruges"}
IGNORED = frozenset({"lang"})


def assert_same(a: Scenario, b: Scenario) -> None:
    """Equal field by field and bit for bit (the saved file of each is the same text)."""
    assert a == b
    assert scenario_to_json(a) == scenario_to_json(b)


def read_or_refusal(make: Callable[..., Scenario], *args: Any) -> Scenario | ScenarioError:
    """The scenario ``make(*args)`` gives, or the ScenarioError it refuses with: for a hostile
    input either is a right answer, so a property checks whichever came."""
    try:
        return make(*args)
    except ScenarioError as error:
        return error


def assert_round_trips(s: Scenario) -> None:
    back, problems = scenario_from_query(scenario_to_query(s))
    assert problems == []
    assert_same(back, s)
    assert_same(scenario_from_json(scenario_to_json(s)), s)


def assert_message_is_safe_and_translated(problems: list, lang: str) -> str:
    t = EN if lang == "en" else DA
    text = link_problem_text(problems, t)
    assert LEAD[lang] in text
    # Nothing from the link reaches the page unescaped: no tag can open, no markdown link,
    # colour directive (its brackets) or LaTeX can form: each such character has its backslash.
    for special in "<>[]`*$":
        assert text.count(special) == text.count("\\" + special), special
    assert all(ch.isprintable() for ch in text)
    named = [p for p in problems if p.reason != "unknown_key"]
    unknown = [p for p in problems if p.reason == "unknown_key"]
    assert len(text) < 300 + 150 * len(named), "short, however long the link"
    for problem in named + unknown[: 3 if len(unknown) > 3 else len(unknown)]:
        assert _shown(problem.key) in text, "every problem names its key"
    if len(unknown) > 3:
        assert str(len(unknown)) in text
    return text


@settings(max_examples=examples(60, 4_000), deadline=None)
@given(params=link_params, base=scenarios())
def test_a_hostile_link_never_raises_names_each_problem_and_keeps_the_rest(
    params: dict[str, Any], base: Scenario
) -> None:
    s, problems = scenario_from_query(params, base=base, ignore=IGNORED)
    assert isinstance(s, Scenario)
    reported = {p.key for p in problems}
    assert reported <= set(params)
    for key in params:
        if key in IGNORED or _is_tracking(key):
            assert key not in reported
        elif field_of_query_key(key) is None:
            assert key in reported, "an unknown key is always reported"
    # The current scenario is never lost: a field no accepted key set keeps the base's value.
    applied = {field_of_query_key(k) for k in params if k not in reported and k not in IGNORED}
    for field in FIELDS:
        if field not in applied:
            assert getattr(s, field) == getattr(base, field)
    if problems:
        for lang in ("en", "da"):
            assert_message_is_safe_and_translated(problems, lang)
    else:
        assert all(_is_tracking(k) or k in IGNORED or k in FIELD_KEYS for k in params)
    assert_round_trips(s)


@settings(max_examples=examples(60, 2_000), deadline=None)
@given(field=st.sampled_from(FIELDS), text=number_text, base=scenarios())
def test_any_number_text_for_any_field_is_taken_exactly_or_refused_by_name(
    field: str, text: str, base: Scenario
) -> None:
    for key in {field, *[k for k in FIELD_KEYS if field_of_query_key(k) == field]}:
        s, problems = scenario_from_query({key: text}, base=base)
        if problems:
            assert [(p.key, p.reason) for p in problems] == [(key, "invalid_value")]
            assert_same(s, base)
            for lang in ("en", "da"):
                assert_message_is_safe_and_translated(problems, lang)
        else:
            assert text.strip().isascii() or text.strip() == "∞", "plain ASCII numbers only"
            assert_round_trips(s)


@settings(max_examples=examples(40, 1_000), deadline=None)
@given(s=scenarios())
def test_every_valid_scenario_round_trips_exactly_through_link_and_file(s: Scenario) -> None:
    assert_round_trips(s)


@settings(max_examples=examples(30, 500), deadline=None)
@given(
    s=scenarios(),
    tracking=st.dictionaries(st.sampled_from(TRACKING_KEYS), link_value, min_size=1),
)
def test_tracking_parameters_raise_no_warning(s: Scenario, tracking: dict[str, str]) -> None:
    back, problems = scenario_from_query({**scenario_to_query(s), **tracking})
    assert problems == []
    assert_same(back, s)


@settings(max_examples=examples(20, 500), deadline=None)
@given(
    keys=st.lists(
        hostile_text.filter(
            lambda k: bool(k) and field_of_query_key(k) is None and not _is_tracking(k)
        ),
        min_size=40,
        max_size=40,
        unique=True,
    ),
    lang=st.sampled_from(["en", "da"]),
)
def test_forty_unknown_keys_give_one_short_warning(keys: list[str], lang: str) -> None:
    s, problems = scenario_from_query(dict.fromkeys(keys, "1"))
    assert_same(s, Scenario())
    text = assert_message_is_safe_and_translated(problems, lang)
    assert text.count("40") >= 1
    assert len(text) < 300


@settings(max_examples=examples(40, 1_000), deadline=None)
@given(data=st.data(), field=st.sampled_from(FIELDS), short_first=st.booleans())
def test_a_short_and_a_long_key_for_one_field_the_first_counts(
    data: st.DataObject, field: str, short_first: bool
) -> None:
    short = QUERY_KEYS[field]
    assume(short != field)
    first, second = data.draw(valid_value(field)), data.draw(valid_value(field))
    keys = (short, field) if short_first else (field, short)
    s, problems = scenario_from_query({keys[0]: _to_text(first), keys[1]: _to_text(second)})
    assert_same(s, Scenario().replace(**{field: first}))
    assert [(p.key, p.reason) for p in problems] == [(keys[1], "duplicate")]
    for lang in ("en", "da"):
        assert_message_is_safe_and_translated(problems, lang)


# --- saved files (the JSON codec) -------------------------------------------------------------
@settings(max_examples=examples(60, 2_000), deadline=None)
@given(text=st.one_of(scenario_documents(), hostile_text, st.binary(max_size=200)))
def test_a_hostile_file_is_read_exactly_or_refused_with_a_scenario_error(text: str | bytes) -> None:
    read = read_or_refusal(scenario_from_json, text)
    if isinstance(read, ScenarioError):
        assert read.problems
        assert all(field and message for field, message in read.problems)
    else:
        assert_round_trips(read)


@settings(max_examples=examples(60, 1_500), deadline=None)
@given(field=st.sampled_from(FIELDS), value=json_value | st.sampled_from([10**5000, -0.0, 1e308]))
def test_any_python_value_for_a_field_is_taken_or_refused_naming_that_field(
    field: str, value: Any
) -> None:
    made = read_or_refusal(lambda: Scenario(**{field: value}))
    if isinstance(made, ScenarioError):
        assert [name for name, _ in made.problems] == [field]
    else:
        assert_round_trips(made)
