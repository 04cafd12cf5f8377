"""The one place that turns the URL into session state and back.

The scenario lives in ``st.session_state["scenario"]`` and in the query string (the model's
compact codec plus ``lang`` when not English), so a copied link reproduces the view. Flow of
every script run, driven by ``app.py``:

1. :func:`start_session` (first run only): read the link leniently with
   ``scenario_from_query``; bad keys and values fall back to valid ones and are kept as
   ``link_problems`` to show in a short, translated warning.
2. :func:`scenario_from_session`: the widgets' values (already updated by the browser) give
   the current scenario; they are written back so every widget keeps its state across
   pages and language changes.
3. :func:`publish`: store the scenario and mirror it into ``st.query_params``.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import streamlit as st
from streamlit import config

from sib_model import (
    MAX_PINNED,
    PRESETS,
    QUERY_KEYS,
    SETTINGS,
    QueryProblem,
    Scenario,
    Workspace,
    workspace_from_query,
    workspace_to_query,
)
from sib_model.workspace import clean_name
from ui.app.layout import PRESENT_KEY
from ui.export import share
from ui.spec.inputs import WIDGET_KEYS, scenario_from_widgets, widget_values
from ui.spec.pages import PAGES, STORY_PAGE
from ui.text.translator import LANGUAGES, Translator
from ui.words.link_messages import value_text
from ui.words.story import step_number

__all__ = [
    "start_session",
    "scenario_from_session",
    "publish",
    "translator",
    "current",
    "apply_preset",
    "matching_preset",
    "keep_page_widgets",
    "page_widget_default",
    "link_problems",
    "baseline",
    "ghost",
    "pinned",
    "pin_baseline",
    "reset_to_baseline",
    "reset_to_preset",
    "pin_scenario",
    "unpin",
    "load_scenario",
    "workspace",
    "apply_workspace",
    "link_params",
    "app_root",
    "load_next_run",
    "LANG_KEY",
    "STEP_KEY",
    "STORY_STEP_KEY",
    "STORY_APPLIED_KEY",
    "PRESET_KEY",
    "CUSTOM_PRESET",
]

LANG_KEY = "lang"
#: The guided story's step in the link (``?step=4``): read once, written on the story page only.
STEP_KEY = "step"
STORY_STEP_KEY = "story_step"
#: The step whose scenario was last put into the sliders (the room may have moved them since).
STORY_APPLIED_KEY = "story_applied"
#: Whether this session's link carried a scenario (then "/" still opens the Explorer).
LINKED_SCENARIO_KEY = "linked_scenario"
_PENDING_KEY = "pending_scenario"
PRESET_KEY = "preset"
SCENARIO_KEY = "scenario"
CUSTOM_PRESET = "custom"
BASELINE_KEY = "baseline"
PINNED_KEY = "pinned"
_LAST_PRESET_KEY = "last_preset"
_PROBLEMS_KEY = "link_problems"
_INITIAL_KEY = "initial_scenario"
#: Link keys of the negotiation game (``?room=K7QX&role=investor``), kept as they are.
GAME_KEYS = ("room", "role")


def start_session() -> None:
    """Read the link once per session: scenario, language and any problems with them."""
    if SCENARIO_KEY in st.session_state:
        st.session_state.pop(LINKED_SCENARIO_KEY, None)  # only the first run follows the link
        return
    params = st.query_params.to_dict()
    ws, problems = workspace_from_query(
        params, ignore=frozenset({LANG_KEY, STEP_KEY, PRESENT_KEY, *GAME_KEYS})
    )
    st.session_state[LINKED_SCENARIO_KEY] = bool(
        set(params) - {LANG_KEY, STEP_KEY, PRESENT_KEY, *GAME_KEYS}
    )
    if STEP_KEY in params:
        st.session_state[STORY_STEP_KEY] = step_number(params[STEP_KEY])
    scenario = ws.scenario
    st.session_state[BASELINE_KEY] = ws.baseline
    st.session_state[PINNED_KEY] = ws.pinned
    st.session_state.update(ws.settings)
    st.session_state[_LAST_PRESET_KEY] = matching_preset(scenario)
    lang = str(params.get(LANG_KEY, "en"))
    if lang not in LANGUAGES:
        problems.append(QueryProblem(LANG_KEY, lang[:40], "invalid_value", "en, da"))
        lang = "en"
    st.session_state[LANG_KEY] = lang
    st.session_state[PRESENT_KEY] = str(params.get(PRESENT_KEY, "")) in ("1", "true", "yes")
    st.session_state.update(widget_values(scenario))
    # What the widgets can show (a clamped value) is the scenario from now on; say so, since
    # the link then no longer reproduces exactly what it asked for.
    shown = scenario_from_widgets(widget_values(scenario), fallback=scenario)
    t = Translator(lang)
    for field, value in scenario.to_dict().items():
        if getattr(shown, field) != value:
            problems.append(
                QueryProblem(
                    QUERY_KEYS[field],
                    value_text(value, t),
                    "adjusted",
                    value_text(getattr(shown, field), t),
                )
            )
    scenario = shown
    st.session_state[SCENARIO_KEY] = scenario
    st.session_state[_INITIAL_KEY] = scenario
    st.session_state[_PROBLEMS_KEY] = problems


def translator() -> Translator:
    return Translator(st.session_state.get(LANG_KEY, "en"))


def current() -> tuple[Scenario, Translator]:
    """The scenario and translator of this run, for pages."""
    return st.session_state[SCENARIO_KEY], translator()


def scenario_from_session() -> Scenario:
    """The scenario the widgets hold now (a widget whose value cannot be used shows the
    scenario's value again)."""
    pending = st.session_state.pop(_PENDING_KEY, None)
    if pending is not None:
        _load(pending)
    fallback = st.session_state.get(SCENARIO_KEY, Scenario())
    previous = {key: st.session_state[key] for key in WIDGET_KEYS if key in st.session_state}
    scenario = scenario_from_widgets(previous, fallback=fallback)
    # Write back only what differs (a clamped or missing value): every write makes the browser
    # re-render that widget, and rewriting all of them cost about 170 ms per slider move.
    _set_changed({**widget_values(scenario, previous), PRESET_KEY: matching_preset(scenario)})
    return scenario


def _set_changed(values: dict[str, Any]) -> None:
    for key, value in values.items():
        if key not in st.session_state or st.session_state[key] != value:
            st.session_state[key] = value


def matching_preset(s: Scenario) -> str:
    """The key of the preset equal to ``s``, or ``"custom"``."""
    return next((key for key, preset in PRESETS.items() if preset == s), CUSTOM_PRESET)


def apply_preset() -> None:
    """Callback of the preset selectbox: load the chosen preset into the widgets."""
    key = st.session_state.get(PRESET_KEY)
    if key not in PRESETS:
        return
    st.session_state[_LAST_PRESET_KEY] = key
    _load(PRESETS[key])


def _load(s: Scenario) -> None:
    """Put ``s`` into the sidebar's widgets (from a callback, before they are drawn)."""
    previous = {k: st.session_state[k] for k in WIDGET_KEYS if k in st.session_state}
    _set_changed(widget_values(s, previous))


def load_next_run(s: Scenario) -> None:
    """Put ``s`` into the sidebar's widgets at the start of the next run (for a page, whose
    run comes after the widgets are drawn; it then calls ``st.rerun``)."""
    st.session_state[_PENDING_KEY] = s


def baseline() -> Scenario:
    """The scenario drawn faintly behind every chart: the defaults until one is pinned."""
    found: Scenario = st.session_state.get(BASELINE_KEY, Scenario())
    return found


def ghost() -> Scenario | None:
    """The baseline when it differs from the scenario on screen (then charts draw it)."""
    b = baseline()
    return None if b == st.session_state.get(SCENARIO_KEY) else b


def pinned() -> tuple[tuple[str, Scenario], ...]:
    """The pinned scenarios of the Compare page, (name, scenario) each, at most four."""
    found: tuple[tuple[str, Scenario], ...] = st.session_state.get(PINNED_KEY, ())
    return found


def pin_baseline() -> None:
    """Callback: the scenario on screen becomes the baseline."""
    st.session_state[BASELINE_KEY] = st.session_state.get(SCENARIO_KEY, Scenario())


def reset_to_baseline() -> None:
    """Callback: the sliders go back to the baseline."""
    _load(baseline())


def reset_to_preset() -> None:
    """Callback: the sliders go back to the last preset chosen (the defaults if none)."""
    _load(PRESETS.get(st.session_state.get(_LAST_PRESET_KEY, ""), Scenario()))


def pin_scenario(name: str, s: Scenario) -> bool:
    """Pin ``s`` under ``name`` (a name used already is replaced); False when four are pinned
    already and the name is new."""
    name = clean_name(name) or str(len(pinned()) + 1)
    kept = [(n, scenario) for n, scenario in pinned() if n != name]
    if len(kept) >= MAX_PINNED:
        return False
    st.session_state[PINNED_KEY] = (*kept, (name, s))
    return True


def unpin(index: int) -> None:
    st.session_state[PINNED_KEY] = tuple(p for k, p in enumerate(pinned()) if k != index)


def load_scenario(s: Scenario) -> None:
    """Callback: put ``s`` (a pinned scenario, say) into the sliders."""
    _load(s)


def page_settings() -> dict[str, float | str]:
    """The page settings the user has set (the willingness to pay only when it differs from
    the scenario's saving, which is where the page starts it)."""
    s = st.session_state.get(SCENARIO_KEY, Scenario())
    settings = {
        name: st.session_state[name] for name in SETTINGS if st.session_state.get(name) is not None
    }
    if settings.get("deal_wtp") == float(s.public_savings_per_outcome):
        del settings["deal_wtp"]
    return settings


def workspace(page: str = "") -> Workspace:
    """Everything a link or a saved file carries."""
    return Workspace(
        st.session_state.get(SCENARIO_KEY, Scenario()),
        baseline(),
        pinned(),
        page_settings(),
        page,
    )


def apply_workspace(ws: Workspace) -> None:
    """Callback: a loaded file replaces scenario, baseline, pinned set and page settings."""
    _load(ws.scenario)
    st.session_state[BASELINE_KEY] = ws.baseline
    st.session_state[PINNED_KEY] = ws.pinned
    # Settings the file leaves out go back to where the page starts them.
    for name, setting in SETTINGS.items():
        if name in ws.settings:
            st.session_state[name] = ws.settings[name]
        elif setting.default is not None:
            st.session_state[name] = setting.default
        else:
            st.session_state.pop(name, None)


def link_params(s: Scenario, *, shared: bool = False) -> dict[str, str]:
    """The query string of the view with scenario ``s``: workspace and language.

    The address bar keeps a game room and role; a ``shared`` link (the sidebar's "link to
    this view", often on a projected screen) leaves them out, or it would hand every reader
    the facilitator's view of the room (groups get their own links from the facilitator)."""
    wanted = workspace_to_query(dataclasses.replace(workspace(), scenario=s))
    lang = st.session_state.get(LANG_KEY, "en")
    if lang != "en":
        wanted[LANG_KEY] = lang
    for key in () if shared else GAME_KEYS:
        if key in st.query_params:
            wanted[key] = str(st.query_params[key])[:20]
    if st.session_state.get(PRESENT_KEY):
        wanted[PRESENT_KEY] = "1"
    return wanted


def app_root() -> str:
    """The app's address as the browser sees it, without page or query (``st.context.url``;
    in a run without a browser, the configured server address)."""
    port = config.get_option("server.port") or 8501
    host = config.get_option("browser.serverAddress") or "localhost"
    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    fallback = f"http://{host}:{port}" + (f"/{base}" if base else "")
    return share.app_root(st.context.url, [page.url for page in PAGES], fallback)


def publish(s: Scenario, page: str = "") -> None:
    """Store the scenario of this run and mirror it, the baseline, the pinned set, the page
    settings and the language into the URL (on the story page, its step too)."""
    st.session_state[SCENARIO_KEY] = s
    wanted = link_params(s)
    if page == STORY_PAGE and STORY_STEP_KEY in st.session_state:
        wanted[STEP_KEY] = str(st.session_state[STORY_STEP_KEY])
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def keep_page_widgets(keys: tuple[str, ...]) -> None:
    """Keep the state of widgets that live on one page only (Streamlit forgets a widget's
    value when a run does not draw it, e.g. after visiting another page)."""
    for key in keys:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def link_problems() -> list[QueryProblem]:
    """Problems of the session's link, while the user has not yet changed the scenario."""
    if st.session_state.get(SCENARIO_KEY) != st.session_state.get(_INITIAL_KEY):
        return []
    problems: list[QueryProblem] = st.session_state.get(_PROBLEMS_KEY, [])
    return problems


def page_widget_default(key: str, default: Any) -> None:
    """Give a page's own widget its starting value once (never both value= and state)."""
    if key not in st.session_state:
        st.session_state[key] = default
