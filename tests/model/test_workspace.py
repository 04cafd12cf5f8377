"""The workshop's document (scenario, baseline, pinned set, page settings): one codec for the
link and the file, round trips, compact links, strict files that name what is wrong."""

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sib_model import (
    PRESETS,
    Scenario,
    Workspace,
    WorkspaceError,
    scenario_to_json,
    workspace_from_json,
    workspace_from_query,
    workspace_to_json,
    workspace_to_query,
)
from tests.model.strategies import scenario_numbers

scenarios = st.fixed_dictionaries({}, optional=scenario_numbers).map(lambda f: Scenario(**f))
names = st.text(
    st.characters(codec="utf-8", categories=("L", "N", "Zs", "P")), min_size=1, max_size=40
).map(lambda s: " ".join(s.split()))
workspaces = st.builds(
    Workspace,
    scenario=scenarios,
    baseline=scenarios,
    pinned=st.lists(st.tuples(names.filter(bool), scenarios), max_size=4).map(tuple),
    settings=st.fixed_dictionaries(
        {},
        optional={
            "deal_target_irr": st.floats(0, 0.3),
            "deal_max_loss": st.floats(0, 1),
            "deal_test": st.sampled_from(["net", "wtp"]),
            "deal_wtp": st.floats(0, 1e8),
        },
    ),
    page=st.sampled_from(["", "explorer", "compare", "deal-space"]),
    tab=st.sampled_from(["", "explorer_tab_money", "creaming_tab_levers"]),
)


@settings(max_examples=40, deadline=None)
@given(workspaces)
def test_every_workspace_round_trips_through_its_file_exactly(ws):
    text = workspace_to_json(ws)
    assert workspace_from_json(text) == ws
    assert workspace_from_json(text.encode("utf-8")) == ws


@settings(max_examples=40, deadline=None)
@given(workspaces)
def test_every_workspace_round_trips_through_its_link(ws):
    restored, problems = workspace_from_query(workspace_to_query(ws))
    assert problems == []
    assert restored.scenario == ws.scenario
    assert restored.baseline == ws.baseline
    assert restored.pinned == ws.pinned
    defaults = {"deal_target_irr": 0.05, "deal_max_loss": 0.25, "deal_test": "net"}
    expected = {k: v for k, v in ws.settings.items() if defaults.get(k) != v}
    assert dict(restored.settings) == expected


def test_the_link_is_compact_prefixed_and_writes_nothing_for_defaults():
    assert workspace_to_query(Workspace()) == {}
    ws = Workspace(
        scenario=Scenario(cohort_size=60),
        baseline=Scenario(difficulty=0.8),
        pinned=(("easy group", Scenario(difficulty=0.2)), ("hard", Scenario())),
        settings={"deal_target_irr": 0.08, "deal_test": "net"},
    )
    assert workspace_to_query(ws) == {
        "n": "60",
        "b.d": "0.8",
        "p1": "easy group",
        "p1.d": "0.2",
        "p2": "hard",
        "tirr": "0.08",
    }


def test_a_bad_key_in_a_link_costs_only_that_key():
    ws, problems = workspace_from_query(
        {"n": "60", "b.d": "7", "p1": "easy", "p1.d": "0.2", "p2.n": "3", "tirr": "9", "p1.zz": "1"}
    )
    assert ws.scenario == Scenario(cohort_size=60)
    assert ws.baseline == Scenario()
    assert ws.pinned == (("easy", Scenario(difficulty=0.2)),)
    assert {p.key for p in problems} == {"b.d", "p2", "tirr", "p1.zz"}


def test_a_fifth_pinned_scenario_in_a_link_is_dropped_and_reported():
    params = {f"p{k}": f"s{k}" for k in range(1, 6)}
    ws, problems = workspace_from_query(params)
    assert len(ws.pinned) == 4
    assert [p.key for p in problems] == ["p5"]
    with pytest.raises(WorkspaceError, match="too_many_pinned"):
        Workspace(pinned=tuple((str(k), Scenario()) for k in range(5)))


def test_version_one_files_still_load():
    s = PRESETS["aalborg"]
    assert workspace_from_json(scenario_to_json(s)) == Workspace(scenario=s)
    bare = json.dumps({"cohort_size": 12})
    assert workspace_from_json(bare) == Workspace(scenario=Scenario(cohort_size=12))


def test_infinite_evidence_survives_the_file():
    ws = Workspace(baseline=Scenario(evidence_strength=math.inf))
    assert workspace_from_json(workspace_to_json(ws)) == ws


def test_a_file_keeps_the_page_and_tab_it_was_saved_on_and_older_files_have_none():
    ws = Workspace(Scenario(cohort_size=250), page="explorer", tab="explorer_tab_money")
    document = json.loads(workspace_to_json(ws))
    assert (document["page"], document["tab"]) == ("explorer", "explorer_tab_money")
    assert workspace_from_json(json.dumps(document)) == ws
    del document["tab"]  # a file saved before files kept the tab
    assert workspace_from_json(json.dumps(document)).tab == ""


def _file(**changes):
    document = json.loads(workspace_to_json(Workspace(pinned=(("a", Scenario()),))))
    document.update(changes)
    return json.dumps(document)


@pytest.mark.parametrize(
    ("content", "reason", "where"),
    [
        (b"x" * 100_001, "too_large", ""),
        ("{not json", "not_json", ""),
        ("[" * 5000 + "]" * 5000, "too_deep", ""),
        ('{"sib_scenario": 2, "scenario": {"a": [[[[[[[1]]]]]]]}}', "too_deep", ""),
        ('{"sib_scenario": 2, "scenario": {"cohort_size": ' + "9" * 5000 + "}}", "", ""),
        ("\udcff".encode("utf-8", "surrogatepass"), "not_utf8", ""),
        (b'{"cohort_size": "\xff"}', "not_utf8", ""),
        ('{"name": "a shopping list"}', "foreign", ""),
        ("[1, 2, 3]", "foreign", ""),
        (_file(sib_scenario=3), "future_version", ""),
        (_file(scenario={"cohort_size": 0}), "bad_value", "cohort_size"),
        (_file(baseline={"difficulty": 2}), "bad_value", "baseline.difficulty"),
        (_file(settings={"deal_max_loss": 5}), "bad_value", "deal_max_loss"),
        (_file(pinned=[{"name": str(k), "scenario": {}} for k in range(5)]), "too_many_pinned", ""),
        (_file(extra=1), "foreign", "extra"),
        (_file(tab="Money <b>"), "foreign", "tab"),
        (_file(page="../etc"), "foreign", "page"),
    ],
)
def test_a_bad_file_is_refused_naming_what_is_wrong(content, reason, where):
    with pytest.raises(WorkspaceError) as caught:
        workspace_from_json(content)
    if reason:
        assert caught.value.reason == reason
    else:  # a 5,000-digit number: too long to read, or out of range: never a crash
        assert caught.value.reason in {"number_too_long", "bad_value"}
    assert caught.value.where == where
