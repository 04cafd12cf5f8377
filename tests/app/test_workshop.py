"""The workshop tools through AppTest: a link carries scenario, baseline, pinned set and page
settings; the baseline is drawn behind every chart and every headline number shows its change;
the Compare page holds four scenarios and politely refuses a fifth; Share and save runs."""

from __future__ import annotations

import pytest

from sib_model import PRESETS, Scenario, Workspace, workspace_to_json, workspace_to_query
from tests._app import PAGES, chart_data, sidebar_link, slider, start
from ui.spec import keys

pytestmark = pytest.mark.apptest

WORKSHOP = Workspace(
    scenario=Scenario(cohort_size=60, difficulty=0.7),
    baseline=Scenario(difficulty=0.3),
    pinned=(
        ("easy group", Scenario(difficulty=0.2)),
        ("hard group with rate card", Scenario(difficulty=0.8, difficulty_premium=1.0)),
    ),
    settings={"deal_target_irr": 0.08, "deal_test": "wtp", "deal_wtp": 400_000.0},
)
LINK = workspace_to_query(WORKSHOP)


def _button(at, label, where=None):
    buttons = (where or at).button
    return next(b for b in buttons if b.label == label)


def _ghosts(traces):
    return [trace for trace in traces if trace.get("legendgroup") == "baseline"]


def test_a_link_reproduces_scenario_baseline_pinned_set_and_page_settings():
    at = start(LINK, page="deal-space")
    state = at.session_state
    assert state["scenario"] == WORKSHOP.scenario
    assert state["baseline"] == WORKSHOP.baseline
    assert state["pinned"] == WORKSHOP.pinned
    assert slider(at, "deal_target_irr").value == pytest.approx(0.08)
    assert at.radio(key="deal_test").value == "wtp"
    assert at.text_input(key="deal_wtp_text").value == "400,000"
    assert at.session_state["deal_wtp"] == 400_000
    assert not at.warning
    assert {k: at.query_params[k] for k in LINK} == LINK


def test_moving_a_page_setting_updates_the_link():
    at = start(page="deal-space")
    slider(at, "deal_max_loss").set_value(0.4).run()
    assert at.query_params["maxloss"] == "0.4"


def test_every_chart_on_every_page_draws_the_baseline_behind_the_scenario():
    for page in ("explorer", "creaming", "deal-space", "sensitivity", "compare"):
        at = start(LINK, page=page)
        charts = chart_data(at)
        assert charts, page
        for key, traces in charts.items():
            ghosts = _ghosts(traces)
            assert ghosts, f"{page}: {key} has no baseline"
            assert sum(bool(g.get("showlegend")) for g in ghosts) == 1


def test_without_a_pinned_baseline_the_defaults_are_the_baseline():
    at = start()
    assert not any(_ghosts(traces) for traces in chart_data(at).values())
    assert all(m.delta in (None, "") or "direct" in m.delta for m in at.metric)
    slider(at, "in_difficulty").set_value(0.8).run()
    assert all(_ghosts(traces) for traces in chart_data(at).values())
    deltas = [m.delta for m in at.metric]
    assert all(d.endswith("vs baseline") for d in deltas), deltas


def test_pin_as_baseline_then_back_to_baseline_and_back_to_preset():
    at = start()
    at.selectbox(key="preset").set_value("aalborg").run()
    slider(at, "in_difficulty").set_value(0.8).run()
    _button(at, "Pin as baseline", at.sidebar).click().run()
    pinned = PRESETS["aalborg"].replace(difficulty=0.8)
    assert at.session_state["baseline"] == pinned
    assert at.query_params["b.d"] == "0.8"
    slider(at, "in_cohort_size").set_value(40).run()
    assert all(m.delta.startswith(("+", "−", "±")) for m in at.metric)
    _button(at, "To baseline", at.sidebar).click().run()
    assert at.session_state["scenario"] == pinned
    _button(at, "To preset", at.sidebar).click().run()
    assert at.session_state["scenario"] == PRESETS["aalborg"]


def test_the_compare_page_holds_four_scenarios_and_politely_refuses_a_fifth():
    at = start(page="compare")
    assert at.info, "an empty compare page says how to pin"
    for number, difficulty in enumerate((0.1, 0.4, 0.7, 0.9), 1):
        slider(at, "in_difficulty").set_value(difficulty).run()
        at.text_input(key="compare_name").input(f"group {number}").run()
        _button(at, "Pin the scenario on screen").click().run()
        assert not at.exception
    assert [name for name, _ in at.session_state["pinned"]] == [f"group {k}" for k in range(1, 5)]
    assert at.query_params["p4"] == "group 4"
    assert at.query_params["p4.d"] == "0.9"
    results = at.dataframe[0].value
    assert list(results.columns) == ["Result", "group 1", "group 2", "group 3", "group 4"]
    assert set(chart_data(at)) == {"compare_investor_irr", "compare_frontier", "compare_cash_flows"}
    assert len(chart_data(at)["compare_frontier"]) == 5  # four scenarios and the baseline

    at.text_input(key="compare_name").input("one too many").run()
    _button(at, "Pin the scenario on screen").click().run()
    assert len(at.session_state["pinned"]) == 4
    assert "Four scenarios are pinned" in at.warning[0].value


def test_pinned_scenarios_survive_page_and_language_changes_and_load_back():
    at = start(LINK, page="compare")
    at.switch_page("app_pages/explorer.py").run()
    at.radio(key="lang").set_value("da").run()
    at.switch_page("app_pages/compare.py").run()
    assert at.session_state["pinned"] == WORKSHOP.pinned
    assert at.title[0].value == "Sammenlign"
    at.button(key="compare_load_1").click().run()
    assert at.session_state["scenario"] == WORKSHOP.pinned[1][1]
    at.button(key="compare_remove_0").click().run()
    assert at.session_state["pinned"] == WORKSHOP.pinned[1:]
    assert "p2" not in at.query_params
    assert at.query_params["p1"] == "hard group with rate card"


def test_a_phone_sees_each_pinned_scenario_as_a_card_with_its_buttons():
    at = start(LINK, page="compare")
    at.session_state[keys.NARROW_SCREEN] = True  # what the viewport probe reports on a phone
    at.run()
    assert not at.exception
    assert not at.dataframe  # four columns of a table do not fit a phone
    shown = "\n".join(m.value for m in at.markdown)
    for k, (name, _) in enumerate(WORKSHOP.pinned, 1):
        assert f"**{k}. {name}**" in shown
    assert shown.count("Chance the investor loses money") == len(WORKSHOP.pinned)
    at.button(key="compare_load_1").click().run()
    assert at.session_state["scenario"] == WORKSHOP.pinned[1][1]
    at.button(key="compare_remove_0").click().run()
    assert at.session_state["pinned"] == WORKSHOP.pinned[1:]


def test_the_share_page_shows_the_link_its_qr_code_and_every_download():
    at = start(LINK, page="share")
    assert not at.exception
    link = at.code[-1].value
    assert link.startswith("http://")
    assert "b.d=0.3" in link
    assert "p1=easy+group" in link
    assert "tirr=0.08" in link
    # The QR code, drawn with a text alternative (st.image cannot give one).
    images = [h.proto.body for h in at.get("html") if 'class="sib-image"' in h.proto.body]
    assert len(images) == 1
    assert 'alt="QR code: scan it' in images[0]
    assert len(at.get("download_button")) == 4


def test_a_link_with_a_bad_baseline_value_warns_and_names_the_prefixed_key():
    at = start({"b.d": "7", "p1.n": "5"})
    warning = at.warning[0].value
    assert "b.d" in warning.replace("\\", "")
    assert "p1" in warning
    assert at.session_state["baseline"] == Scenario()


def test_a_pinned_name_from_a_link_cannot_dress_up_the_page():
    at = start({"p1": "![x](http://example.com/t.png) <b>bold</b>"}, page="compare")
    shown = "\n".join(m.value for m in at.markdown)
    assert "![x](" not in shown
    assert "<b>" not in shown
    assert at.session_state["pinned"][0][0] == "![x](http://example.com/t.png) <b>bold</b>"[:40]


def test_the_sidebar_link_opens_the_page_it_is_on():
    at = start({"d": "0.7"}, page="creaming")
    link = sidebar_link(at)
    assert link.endswith("/creaming?d=0.7")


def test_shared_links_and_the_qr_code_never_carry_presenter_mode():
    """Issue 20, item 4: a facilitator sharing from presenter mode must not send every phone
    into the projector's layout; the facilitator's own address bar keeps it."""
    at = start({"present": "1", "d": "0.7"}, page="share")
    assert at.query_params["present"] in ("1", ["1"])
    for link in (at.main.code[0].value, sidebar_link(at)):
        assert "d=0.7" in link
        assert "present" not in link


def test_the_share_page_opens_the_page_the_user_came_from():
    at = start({"d": "0.7"}, page="creaming")
    at.switch_page(PAGES["share"]).run()
    assert at.selectbox(key=keys.SHARE_LINK_PAGE).value.url == "creaming"
    assert "/creaming?d=0.7" in at.main.code[0].value


def _upload(at, ws, name="saved.json"):
    at.file_uploader(key=keys.SHARE_UPLOAD).upload(name, workspace_to_json(ws).encode())
    return at.run()


def test_a_loaded_file_opens_the_page_and_tab_it_was_saved_on_and_says_so_there():
    """Issue 20, item 2 (the real-browser test saves the file too)."""
    saved = Workspace(
        Scenario(cohort_size=250, success_probability=0.63, difficulty=0.3),
        settings={"deal_target_irr": 0.08},
        page="explorer",
        tab="explorer_tab_money",
    )
    at = _upload(start({"lang": "da"}, page="share"), saved)
    assert not at.exception
    assert at.title[0].value == "Udforsk"
    assert at.session_state[keys.EXPLORER_TAB] == "Penge pr. år og lomme"
    assert at.session_state["scenario"] == saved.scenario
    assert at.session_state["deal_target_irr"] == pytest.approx(0.08)
    assert "„saved\\.json“ er indlæst" in at.toast[0].value  # markdown-escaped name
    assert not at.success  # nothing left halfway down the Share page


def test_a_file_of_the_start_page_or_from_before_opens_the_explorer():
    at = _upload(start(page="share"), Workspace(Scenario(cohort_size=250)))
    assert at.title[0].value == "Explorer"
    assert at.session_state[keys.EXPLORER_TAB] == "Investor and municipality"


def test_a_file_naming_a_page_the_dashboard_lacks_is_refused_on_the_share_page():
    at = _upload(start(page="share"), Workspace(Scenario(cohort_size=250), page="share"))
    assert at.title[0].value == "Share and save"
    assert "was not loaded" in at.error[0].value
    assert at.session_state["scenario"] == Scenario()
