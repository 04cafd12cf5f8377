"""The one place that turns the URL into session state and back.

The scenario lives in session state (``ui.spec.keys.SCENARIO``) and in the query string (the
model's compact codec plus ``lang`` when not English), so a copied link reproduces the view.
Pages never write session state themselves: they call the functions here. Flow of every
script run, driven by ``app.py``:

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

from sib_game.access import MAX_TOKEN_LENGTH
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
from ui.export import share
from ui.spec import keys
from ui.spec.inputs import WIDGET_KEYS, scenario_from_widgets, widget_values
from ui.spec.pages import PAGES, STORY_PAGE
from ui.text.translator import LANGUAGES, Translator
from ui.words.link_messages import value_text
from ui.words.story import STEPS, step_number

__all__ = [
    "start_session",
    "scenario_from_session",
    "publish",
    "translator",
    "current",
    "apply_preset",
    "open_preset",
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
    "story_step",
    "open_story_step",
    "followed_linked_scenario",
    "flash",
    "take_flash",
    "set_page_widget",
    "CUSTOM_PRESET",
]

#: Link keys this module reads besides the workspace's: the language, the guided story's
#: step (``?step=4``: read once, written on the story page only) and presenter mode.
LANG_PARAM = "lang"
STEP_PARAM = "step"
PRESENT_PARAM = "present"
CUSTOM_PRESET = "custom"
#: Link keys of the negotiation game (``?room=K7QX&role=investor&key=…``), kept as they are.
GAME_KEYS = ("room", "role", "key")


def start_session() -> None:
    """Read the link once per session: scenario, language and any problems with them."""
    if keys.SCENARIO in st.session_state:
        st.session_state.pop(keys.LINKED_SCENARIO, None)  # only the first run follows the link
        return
    params = st.query_params.to_dict()
    ws, problems = workspace_from_query(
        params, ignore=frozenset({LANG_PARAM, STEP_PARAM, PRESENT_PARAM, *GAME_KEYS})
    )
    st.session_state[keys.LINKED_SCENARIO] = bool(
        set(params) - {LANG_PARAM, STEP_PARAM, PRESENT_PARAM, *GAME_KEYS}
    )
    if STEP_PARAM in params:
        st.session_state[keys.STORY_STEP] = step_number(params[STEP_PARAM])
    scenario = ws.scenario
    st.session_state[keys.BASELINE] = ws.baseline
    st.session_state[keys.PINNED] = ws.pinned
    st.session_state.update(ws.settings)
    st.session_state[keys.LAST_PRESET] = matching_preset(scenario)
    lang = str(params.get(LANG_PARAM, "en"))
    if lang not in LANGUAGES:
        problems.append(QueryProblem(LANG_PARAM, lang[:40], "invalid_value", "en, da"))
        lang = "en"
    st.session_state[keys.LANG] = lang
    st.session_state[keys.PRESENT] = str(params.get(PRESENT_PARAM, "")) in ("1", "true", "yes")
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
    st.session_state[keys.SCENARIO] = scenario
    st.session_state[keys.INITIAL_SCENARIO] = scenario
    st.session_state[keys.LINK_PROBLEMS] = problems


def translator() -> Translator:
    return Translator(st.session_state.get(keys.LANG, "en"))


def current() -> tuple[Scenario, Translator]:
    """The scenario and translator of this run, for pages."""
    return st.session_state[keys.SCENARIO], translator()


def scenario_from_session() -> Scenario:
    """The scenario the widgets hold now (a widget whose value cannot be used shows the
    scenario's value again)."""
    pending = st.session_state.pop(keys.PENDING_SCENARIO, None)
    if pending is not None:
        _load(pending)
    fallback = st.session_state.get(keys.SCENARIO, Scenario())
    previous = {key: st.session_state[key] for key in WIDGET_KEYS if key in st.session_state}
    scenario = scenario_from_widgets(previous, fallback=fallback)
    # Write back only what differs (a clamped or missing value): every write makes the browser
    # re-render that widget, and rewriting all of them cost about 170 ms per slider move.
    _set_changed({**widget_values(scenario, previous), keys.PRESET: matching_preset(scenario)})
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
    key = st.session_state.get(keys.PRESET)
    if key not in PRESETS:
        return
    st.session_state[keys.LAST_PRESET] = key
    _load(PRESETS[key])


def open_preset(key: str) -> None:
    """Callback: load preset ``key`` into the sliders, as choosing it in the sidebar does (the
    facilitator's guide opens a block's page with its example)."""
    if key in PRESETS:
        st.session_state[keys.LAST_PRESET] = key
        _load(PRESETS[key])


def _load(s: Scenario) -> None:
    """Put ``s`` into the sidebar's widgets (from a callback, before they are drawn)."""
    previous = {k: st.session_state[k] for k in WIDGET_KEYS if k in st.session_state}
    _set_changed(widget_values(s, previous))


def load_next_run(s: Scenario) -> None:
    """Put ``s`` into the sidebar's widgets at the start of the next run (for a page, whose
    run comes after the widgets are drawn; it then calls ``st.rerun``)."""
    st.session_state[keys.PENDING_SCENARIO] = s


def baseline() -> Scenario:
    """The scenario drawn faintly behind every chart: the defaults until one is pinned."""
    found: Scenario = st.session_state.get(keys.BASELINE, Scenario())
    return found


def ghost() -> Scenario | None:
    """The baseline when it differs from the scenario on screen (then charts draw it)."""
    b = baseline()
    return None if b == st.session_state.get(keys.SCENARIO) else b


def pinned() -> tuple[tuple[str, Scenario], ...]:
    """The pinned scenarios of the Compare page, (name, scenario) each, at most four."""
    found: tuple[tuple[str, Scenario], ...] = st.session_state.get(keys.PINNED, ())
    return found


def pin_baseline() -> None:
    """Callback: the scenario on screen becomes the baseline."""
    st.session_state[keys.BASELINE] = st.session_state.get(keys.SCENARIO, Scenario())


def reset_to_baseline() -> None:
    """Callback: the sliders go back to the baseline."""
    _load(baseline())


def reset_to_preset() -> None:
    """Callback: the sliders go back to the last preset chosen (the defaults if none)."""
    _load(PRESETS.get(st.session_state.get(keys.LAST_PRESET, ""), Scenario()))


def pin_scenario(name: str, s: Scenario) -> bool:
    """Pin ``s`` under ``name`` (a name used already is replaced); False when four are pinned
    already and the name is new."""
    name = clean_name(name) or str(len(pinned()) + 1)
    kept = [(n, scenario) for n, scenario in pinned() if n != name]
    if len(kept) >= MAX_PINNED:
        return False
    st.session_state[keys.PINNED] = (*kept, (name, s))
    return True


def unpin(index: int) -> None:
    st.session_state[keys.PINNED] = tuple(p for k, p in enumerate(pinned()) if k != index)


def load_scenario(s: Scenario) -> None:
    """Callback: put ``s`` (a pinned scenario, say) into the sliders."""
    _load(s)


def page_settings() -> dict[str, float | str]:
    """The page settings the user has set (the willingness to pay only when it differs from
    the scenario's saving, which is where the page starts it)."""
    s = st.session_state.get(keys.SCENARIO, Scenario())
    settings = {
        name: st.session_state[name] for name in SETTINGS if st.session_state.get(name) is not None
    }
    if settings.get("deal_wtp") == float(s.public_savings_per_outcome):
        del settings["deal_wtp"]
    return settings


def workspace(page: str = "") -> Workspace:
    """Everything a link or a saved file carries."""
    return Workspace(
        st.session_state.get(keys.SCENARIO, Scenario()),
        baseline(),
        pinned(),
        page_settings(),
        page,
    )


def apply_workspace(ws: Workspace) -> None:
    """Callback: a loaded file replaces scenario, baseline, pinned set and page settings."""
    _load(ws.scenario)
    st.session_state[keys.BASELINE] = ws.baseline
    st.session_state[keys.PINNED] = ws.pinned
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

    The address bar keeps a game room, role and secret; a ``shared`` link (the sidebar's
    "link to this view", often on a projected screen) leaves them out, or it would hand every
    reader the facilitator's view of the room (groups get their own links from the
    facilitator)."""
    wanted = workspace_to_query(dataclasses.replace(workspace(), scenario=s))
    lang = st.session_state.get(keys.LANG, "en")
    if lang != "en":
        wanted[LANG_PARAM] = lang
    for key in () if shared else GAME_KEYS:
        if key in st.query_params:
            wanted[key] = str(st.query_params[key])[:MAX_TOKEN_LENGTH]
    if st.session_state.get(keys.PRESENT):
        wanted[PRESENT_PARAM] = "1"
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
    st.session_state[keys.SCENARIO] = s
    wanted = link_params(s)
    if page == STORY_PAGE and keys.STORY_STEP in st.session_state:
        wanted[STEP_PARAM] = str(st.session_state[keys.STORY_STEP])
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
    if st.session_state.get(keys.SCENARIO) != st.session_state.get(keys.INITIAL_SCENARIO):
        return []
    problems: list[QueryProblem] = st.session_state.get(keys.LINK_PROBLEMS, [])
    return problems


def page_widget_default(key: str, default: Any) -> None:
    """Give a page's own widget its starting value once (never both value= and state)."""
    if key not in st.session_state:
        st.session_state[key] = default


def set_page_widget(key: str, value: Any) -> None:
    """Callback: give a page's own widget ``value`` (e.g. a fresh name after pinning)."""
    st.session_state[key] = value


def flash(key: str, kind: str, message: str) -> None:
    """Keep a message under ``key`` for the next run to show once (a callback's result)."""
    st.session_state[key] = (kind, message)


def take_flash(key: str) -> tuple[str | None, str | None]:
    """The message kept by :func:`flash` under ``key``, forgotten as it is shown."""
    found: tuple[str | None, str | None] = st.session_state.pop(key, (None, None))
    return found


def story_step() -> int:
    """The guided story's step (1 until one is chosen)."""
    return int(st.session_state.get(keys.STORY_STEP, 1))


def story_step_applied() -> bool:
    """Whether the story step's scenario has been put into the sliders already."""
    return bool(st.session_state.get(keys.STORY_APPLIED) == story_step())


def open_story_step(number: int, *, now: bool = True) -> None:
    """Open step ``number`` of the story and put its scenario into the sliders: at once from a
    callback (``now``), or at the start of the next run from a page (which then reruns)."""
    st.session_state[keys.STORY_STEP] = number
    st.session_state[keys.STORY_APPLIED] = number
    scenario = STEPS[number - 1].scenario
    if now:
        _load(scenario)
    else:
        load_next_run(scenario)


def followed_linked_scenario() -> bool:
    """True once, on the first run of a session whose link carried a scenario (so "/" opens
    the Explorer for it)."""
    return bool(st.session_state.pop(keys.LINKED_SCENARIO, False))
