"""Issue 21: the frames a dragged headline slider shows are the page the script draws.

One true number: the frame of a grid value must equal, figure for figure and text for text,
what a rerun at that value draws. The frames are built by ``ui.app.scrub.frames_json``; the
page by the app in AppTest, its slider moved to the same value.
"""

from __future__ import annotations

import json

import pytest

from sib_model import PRESETS, Scenario
from tests._app import HEADLINE_SLIDERS, button, charts, open_tab, slider, start
from ui.app import scrub
from ui.app.scrub import FRAME_LIMIT, ScrubView, frames_json, markdown_segments, slider_grid
from ui.spec import keys
from ui.spec.inputs import HEADLINE_FIELDS, INPUTS
from ui.spec.pages import EXPLORER_TABS

pytestmark = pytest.mark.apptest

EXPLORER_ORDER = (0, 1, 2, 3, 4, 5)
EXPLORER_TEXTS = (keys.RETURNS_NOTE, keys.GROUP_CAPTION, keys.EXPLORER_SENTENCES)


def _frames(view: ScrubView, field: str, s: Scenario, baseline: Scenario, lang: str) -> dict:
    grid = slider_grid(field, s, view.present, view.frames)
    base = s.replace(**{field: type(getattr(s, field))(grid[0])})
    frames = json.loads(frames_json(view, field, base, baseline, lang, grid))
    frames["charts"] = {key: _expand(c) for key, c in frames["charts"].items()}
    return frames


def _expand(changes: list[dict]) -> list[dict]:
    """Every frame of a chart whole again, as scrub.js's ``expand`` builds it."""
    frames: list[dict] = []
    for change in changes:
        if "whole" in change:
            frames.append(change["whole"])
            continue
        earlier = frames[change["ref"]]
        data = [t or earlier["data"][i] for i, t in enumerate(change["data"])]
        layout = {**earlier["layout"], **change["layout"]}
        frames.append({**earlier, "data": data, "layout": layout})
    return frames


def _metrics(at) -> list[list[str]]:
    return [[m.value, m.delta or ""] for m in at.main.metric]


def _one(values: list[str], starts: tuple[str, ...]) -> str:
    found = [v for v in values if v.startswith(starts)]
    assert len(found) == 1, values
    return found[0]


def _words(at, sentences: str = keys.EXPLORER_SENTENCES) -> dict[str, list[str] | None]:
    """The words that follow a drag, as drawn (their markdown cut as scrub.js sees it): the
    line of return figures, the sidebar's group caption and the page's sentences."""
    return {
        keys.RETURNS_NOTE: markdown_segments(
            _one([c.value for c in at.main.caption], ("Typical", "Typisk"))
        ),
        keys.GROUP_CAPTION: markdown_segments(
            _one([c.value for c in at.sidebar.caption], ("Chosen group", "Valgt målgruppe"))
        ),
        sentences: markdown_segments(_one([m.value for m in at.main.markdown], ("- ",))),
    }


def _move(at, field: str, value: float):
    key = INPUTS[field].key
    slider(at, key).set_value(int(value) if field == "cohort_size" else value).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("lang", ["en", "da"])
@pytest.mark.parametrize("field", HEADLINE_FIELDS)
def test_a_frame_is_the_page_a_rerun_draws_at_its_value(field, lang):
    at = start({"lang": lang} if lang != "en" else None)
    s = at.session_state[keys.SCENARIO]
    view = ScrubView(
        "explorer", EXPLORER_TABS["explorer_tab_parties"], EXPLORER_ORDER, texts=EXPLORER_TEXTS
    )
    frames = _frames(view, field, s, Scenario(), lang)
    values = frames["values"]
    assert 2 < len(values) <= FRAME_LIMIT
    # Two grid values away from the scenario's own, one on each side of it.
    for index in (len(values) // 5, 3 * len(values) // 4):
        _move(at, field, values[index])
        drawn = charts(at)
        for key in view.charts:
            assert frames["charts"][key][index] == drawn[key], (field, values[index], key)
        assert frames["metrics"][index] == _metrics(at), (field, values[index])
        assert frames["texts"][index] == _words(at), (field, values[index])


def test_frames_carry_the_baseline_ghost_and_the_changes_from_it():
    at = start()
    # A pinned baseline that differs from what the frames show: every frame has the ghost
    # traces and the "vs baseline" changes, as the settled page has.
    _move(at, "difficulty", 0.8)
    button(at, "pin_baseline").click().run()
    baseline = at.session_state[keys.BASELINE]
    assert baseline.difficulty == 0.8
    s = at.session_state[keys.SCENARIO]
    view = ScrubView("explorer", EXPLORER_TABS["explorer_tab_parties"], EXPLORER_ORDER)
    frames = _frames(view, "success_probability", s, baseline, "en")
    index = frames["values"].index(0.6)
    _move(at, "success_probability", 0.6)
    drawn = charts(at)
    for key in view.charts:
        assert frames["charts"][key][index] == drawn[key]
    assert frames["metrics"][index] == _metrics(at)
    assert any(delta for _, delta in frames["metrics"][index])


def test_other_tabs_presenter_mode_and_the_creaming_frontier_are_framed_alike():
    at = start()
    open_tab(at, keys.EXPLORER_TAB, "explorer_tab_money")
    s = at.session_state[keys.SCENARIO]
    view = ScrubView("explorer", EXPLORER_TABS["explorer_tab_money"], EXPLORER_ORDER)
    frames = _frames(view, "cohort_size", s, Scenario(), "en")
    index = frames["values"].index(200.0)
    _move(at, "cohort_size", 200)
    drawn = charts(at)
    for key in view.charts:
        assert frames["charts"][key][index] == drawn[key]

    at = start({"present": "1"})
    s = at.session_state[keys.SCENARIO]
    view = ScrubView("explorer", ("explorer_investor_irr",), (0, 1, 2), True, 430)
    frames = _frames(view, "difficulty", s, Scenario(), "en")
    index = frames["values"].index(0.7)
    _move(at, "difficulty", 0.7)
    assert frames["charts"]["explorer_investor_irr"][index] == charts(at)["explorer_investor_irr"]
    assert frames["metrics"][index] == _metrics(at)

    at = start(page="creaming")
    s = at.session_state[keys.SCENARIO]
    view = ScrubView("creaming", ("creaming_frontier",), (0, 1, 2), frames=21)
    frames = _frames(view, "success_probability", s, Scenario(), "en")
    index = frames["values"].index(0.55)
    _move(at, "success_probability", 0.55)
    assert frames["charts"]["creaming_frontier"][index] == charts(at)["creaming_frontier"]
    assert frames["metrics"][index] == _metrics(at)


def _near(at, field: str) -> list:
    """The keyboard neighbours' frames the page sends once slider ``field`` is armed: they are
    built after a run, in a worker thread, and the next run sends them."""
    at.session_state[keys.SCRUB] = {"armed": field}
    at.run()
    scrub._AHEAD.submit(lambda: None).result(timeout=60)
    at.run()
    return _scrub_data(at)["near"]


def _scrub_data(at) -> dict:
    found = [e for e in at.get("bidi_component") if e.proto.component_name == "sib_scrub"]
    assert len(found) == 1
    return json.loads(found[0].proto.json)


def test_only_the_armed_sliders_frames_go_to_the_browser():
    at = start()
    data = _scrub_data(at)
    # Before the reader comes near a slider: the success slider's frames.
    assert data["armed"] == "success_probability"
    assert json.loads(data["frames"])["field"] == "success_probability"
    assert set(data["fields"]) == set(HEADLINE_FIELDS)
    assert data["fields"]["cohort_size"]["options"] is None  # a plain slider: the value
    assert data["fields"]["success_probability"]["options"][40] == 0.4
    # What the component reports when the pointer comes over the success slider.
    at.session_state[keys.SCRUB] = {"armed": "cohort_size"}
    at.run()
    data = _scrub_data(at)
    assert data["armed"] == "cohort_size"
    assert json.loads(data["frames"])["field"] == "cohort_size"


def test_a_preset_between_steps_keeps_its_grid():
    # Aalborg's 53.5 % lies between the slider's steps: the grid is the steps' all the same.
    s = PRESETS["aalborg"]
    assert slider_grid("success_probability", s, False) == slider_grid(
        "success_probability", Scenario(), False
    )
    assert set(HEADLINE_SLIDERS) == {INPUTS[f].key for f in HEADLINE_FIELDS}


def test_a_key_press_finds_its_frame_sent_and_the_run_draws_the_same_figures():
    # The Explorer sends the armed slider's two keyboard neighbours with every run: their
    # charts as the very JSON texts the run at that value sends, and their figures.
    at = start()
    near = _near(at, "cohort_size")
    assert [value for value, *_ in near] == [99.0, 101.0]
    value, figures, metrics, texts = near[1]
    _move(at, "cohort_size", value)
    drawn = charts(at)
    assert {key: json.loads(text) for key, text in figures.items()} == {
        key: drawn[key] for key in figures
    }
    assert metrics == _metrics(at)
    assert texts == {key: _words(at)[key] for key in texts}
    # On a select slider, the neighbours are its options either side.
    assert [value for value, *_ in _near(at, "success_probability")] == [0.39, 0.41]


def test_a_value_the_browser_passes_on_is_held_like_the_sliders_own():
    # scrub.js reports a thumb's value the script never heard of ("heal"); the server takes
    # it only where the slider itself could hold it.
    s = Scenario()
    assert scrub.healed_value("success_probability", 0.55, s, False, 0.4) == 0.55
    assert scrub.healed_value("success_probability", 0.5500000000001, s, False, 0.4) == 0.55
    assert scrub.healed_value("cohort_size", 150, s, False, 100) == 150
    assert scrub.healed_value("cohort_size", 150.0, s, False, 100) == 150
    for field, value in [
        ("success_probability", 0.555),  # between the slider's steps
        ("success_probability", 1.5),
        ("success_probability", float("nan")),
        ("success_probability", True),
        ("success_probability", "0.5"),
        ("cohort_size", 150.5),
        ("cohort_size", 0),
        ("cohort_size", 10**9),
        ("cohort_size", float("inf")),
        ("difficulty", None),
    ]:
        assert scrub.healed_value(field, value, s, False, None) is None, (field, value)
    # Presenter mode's larger steps (5 %): 53 % is no option there.
    assert scrub.healed_value("success_probability", 0.53, s, False, 0.4) == 0.53
    assert scrub.healed_value("success_probability", 0.53, s, True, 0.4) is None
    assert scrub.healed_value("success_probability", 0.55, s, True, 0.4) == 0.55


def test_on_creaming_a_key_press_finds_the_frontier_and_figures_the_run_draws():
    # The Creaming page frames the keyboard neighbours too (built ahead: the sweep of the new
    # value is done before the key press's run asks for it).
    at = start(page="creaming")
    near = _near(at, "difficulty")
    assert [value for value, *_ in near] == [0.49, 0.51]
    value, figures, metrics, texts = near[0]
    _move(at, "difficulty", value)
    drawn = charts(at)
    assert set(figures) == {"creaming_frontier"}
    assert json.loads(figures["creaming_frontier"]) == drawn["creaming_frontier"]
    assert metrics == _metrics(at)
    assert set(texts) == {keys.RETURNS_NOTE, keys.GROUP_CAPTION, keys.CREAMING_SENTENCES}
    assert texts == _words(at, keys.CREAMING_SENTENCES)


def test_builds_ahead_are_dropped_not_queued_when_the_worker_is_behind(monkeypatch):
    # A room's load: the worker is busy and four builds wait; a fifth is dropped (its run
    # builds what it needs), and the count goes down as builds finish.
    import threading

    release = threading.Event()
    monkeypatch.setattr(scrub, "_build_ahead", lambda *args: release.wait(10))
    s = Scenario()
    for _ in range(scrub._AHEAD_QUEUE + 3):
        scrub._build_later(ScrubView("explorer", (), ()), "cohort_size", [s], s, "en")
    assert scrub._ahead_waiting == scrub._AHEAD_QUEUE
    release.set()
    scrub._AHEAD.submit(lambda: None).result(timeout=30)
    assert scrub._ahead_waiting == 0


def test_words_are_cut_as_the_browser_holds_them_or_not_at_all():
    assert markdown_segments("Typical (median) return 12.4% a year · 1.14× back.") == [
        "Typical (median) return 12.4% a year · 1.14× back."
    ]
    assert markdown_segments("- In **7 of 10** futures\n- It costs **DKK 716,000 more**.") == [
        "In ",
        "7 of 10",
        " futures",
        "It costs ",
        "DKK 716,000 more",
        ".",
    ]
    # Anything markdown might draw as something else is not followed (the words wait for the
    # release, dimmed).
    for markdown in [
        "a \\*literal\\* star",
        "*italic*",
        "**unbalanced",
        "snake_case",
        "[a link](https://example.org)",
        "`code`",
        "<b>html</b>",
        "# heading",
        "1. first",
        "price $5 and $6",
        "an :material/info: icon",
        "a | table",
        "~~struck~~",
        "&amp;",
    ]:
        assert markdown_segments(markdown) is None, markdown


@pytest.mark.parametrize("lang", ["en", "da"])
def test_every_presets_words_can_follow_a_drag(lang):
    # Words that cannot be cut are dimmed while dragging instead of following: none of the
    # presets' should be, in either language.
    for name, s in PRESETS.items():
        for key, words in scrub.TEXTS.items():
            assert markdown_segments(words(s, lang)) is not None, (name, key, words(s, lang))


def test_the_slider_just_moved_is_armed_until_the_browser_names_another():
    # The browser names a slider once it has been still for a moment (after the release's
    # run): meanwhile the run of a move sends the moved slider's frames, not those of the
    # slider armed before (which would be built afresh for a scenario nobody drags in).
    at = start()
    assert _scrub_data(at)["armed"] == "success_probability"
    _move(at, "cohort_size", 150)
    data = _scrub_data(at)
    assert data["armed"] == "cohort_size"
    assert json.loads(data["frames"])["field"] == "cohort_size"
    # A report naming a slider wins, also one naming the slider an earlier report named.
    at.session_state[keys.SCRUB] = {"armed": {"field": "difficulty", "n": 1}}
    at.run()
    assert _scrub_data(at)["armed"] == "difficulty"
    _move(at, "success_probability", 0.5)
    assert _scrub_data(at)["armed"] == "success_probability"
    at.session_state[keys.SCRUB] = {"armed": {"field": "difficulty", "n": 2}}
    at.run()
    assert _scrub_data(at)["armed"] == "difficulty"
    # A run that moves no headline slider keeps the armed one.
    open_tab(at, keys.EXPLORER_TAB, "explorer_tab_money")
    assert _scrub_data(at)["armed"] == "difficulty"


def test_a_move_names_its_slider_only_when_it_alone_changed():
    s = Scenario()
    assert scrub.moved_field(None, s) is None
    assert scrub.moved_field(s, s) is None
    assert scrub.moved_field(s, s.replace(cohort_size=150)) == "cohort_size"
    assert scrub.moved_field(s, s.replace(cohort_size=150, difficulty=0.7)) is None
    assert scrub.moved_field(s, s.replace(difficulty=0.7, discount_rate=0.05)) is None
