"""Hostile links through the whole dashboard (AppTest): the first run of a session reads the
link (``ui.app.state.start_session``), shows at most one short warning in the session's language
and draws the page with every good value of the link kept.

AppTest runs cost about a second each, so the everyday suite runs a handful; ``make fuzz``
runs more. (When uploads and the negotiation game exist, their AppTest fuzzing belongs here:
an uploaded file built by ``strategies.scenario_documents`` and a game room's inputs from
``strategies.hostile_text``.)
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sib_model import Scenario, field_of_query_key, scenario_to_query
from sib_model.codec import _is_tracking
from tests._app import chart_data, start
from tests.fuzz._budget import examples
from tests.fuzz.strategies import link_params, scenarios
from ui.spec.inputs import scenario_from_widgets, widget_values

pytestmark = pytest.mark.apptest

LEAD = {"en": "could not be used", "da": "kunne ikke bruges"}


def _shown_by_widgets(s: Scenario) -> Scenario:
    """What the sidebar can show of ``s`` (a value beyond a widget's end is clamped)."""
    return scenario_from_widgets(widget_values(s), fallback=s)


@settings(
    max_examples=examples(4, 30),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(good=scenarios(), hostile=link_params, lang=st.sampled_from(["en", "da"]))
def test_a_hostile_link_keeps_its_good_values_and_warns_once_in_the_users_language(
    good: Scenario, hostile: dict, lang: str
) -> None:
    link = scenario_to_query(good)
    taken = {field_of_query_key(key) for key in link}
    # Hostile extras that do not touch the good fields (a second key for a field the link
    # already sets is a duplicate, and the first one counts: kept too).
    extras = {
        key: value[-1] if isinstance(value, list) and value else str(value)
        for key, value in hostile.items()
        if key not in link and key != "lang" and field_of_query_key(key) not in taken
    }
    query = {**link, **extras, "lang": lang}
    at = start(query)
    assert not at.exception
    warnings = [w.value for w in at.warning]
    assert len(warnings) <= 1
    for text in warnings:
        assert LEAD[lang] in text
        assert len(text) < 2_500
        assert not re.search(r"(?<!\\)[<>\[\]`]", text), "link text shown escaped only"
    scenario = at.session_state["scenario"]
    for field in taken:
        assert getattr(scenario, field) == getattr(_shown_by_widgets(good), field)
    unknown = [k for k in extras if not _is_tracking(k) and field_of_query_key(k) is None]
    if unknown:
        assert len(warnings) == 1, "an unknown key is always mentioned"
    assert chart_data(at), "the page still draws its charts"
