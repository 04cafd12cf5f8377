"""The one place that turns the URL into session state and back.

The scenario lives in session state (``ui.spec.keys.SCENARIO``) and in the query string (the
model's compact codec plus ``lang`` when not English or chosen), so a copied link reproduces
the view.
Pages never write session state themselves: they call the functions here. Flow of every
script run, driven by ``app.py``:

1. :func:`start_session` (first run only): read the link leniently with
   ``scenario_from_query``; bad keys and values fall back to valid ones and are kept as
   ``link_problems`` to show in a short, translated warning. The language is the link's
   ``lang``, else the browser's locale (``st.context.locale``: Danish for ``da*``).
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
from ui.spec.pages import (
    EXPLORER_PAGE,
    PAGE_TABS,
    PAGES,
    SHARE_PAGE,
    START_PAGE,
    STORY_PAGE,
    Page,
    page_of,
)
from ui.text.translator import LANGUAGES, Translator, language_of_locale
from ui.words.link_messages import value_text
from ui.words.story import STEPS, step_number

__all__ = [
    "start_session",
    "scenario_from_session",
    "publish",
    "translator",
    "choose_language",
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
    "open_tab",
    "visit",
    "last_page",
    "open_loaded_page",
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
    # The link's language wins; without one, the browser's (Danish for a Danish locale).
    default = language_of_locale(st.context.locale)
    lang = str(params.get(LANG_PARAM, default))
    if lang not in LANGUAGES:
        problems.append(QueryProblem(LANG_PARAM, lang[:40], "invalid_value", "en, da"))
        lang = default
    st.session_state[keys.LANG] = lang
    st.session_state[keys.LANG_CHOSEN] = params.get(LANG_PARAM) in LANGUAGES
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


#: Widgets whose options are shown as words or numbers of the page's language (``format_func``):
#: the presets, the Share page's page, every input (its select slider reads "40 %" in Danish,
#: "40%" in English) and its phone copy, the Deal space's terms, presenter mode's views.
_WORDED_WIDGETS: tuple[str, ...] = (
    keys.PRESET,
    keys.SHARE_LINK_PAGE,
    *WIDGET_KEYS,
    *(keys.phone_copy(key) for key in WIDGET_KEYS),
    *keys.DEAL_SETTINGS,
    *(keys.presenter_view(page.url) for page in PAGES),
)


def choose_language() -> None:
    """Callback of the language switch: the language is the user's choice from now on (links
    carry it, English too), and every widget that shows its options in words gets its value
    set anew, in the new language's words.

    Streamlit keeps such a widget's value as the text of the chosen option. Switched to
    Danish, a select box went on showing "100 into jobs (the article)", and a select slider
    holding "40%" found no such option among "0 %" … "100 %" and fell back to its first one,
    which the next run then took for the user's move. Read here, in the callback, each value
    is still read in the old language's words; written back, it is sent in the new ones."""
    st.session_state[keys.LANG_CHOSEN] = True
    for key in _WORDED_WIDGETS:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


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
    """Everything a link or a saved file carries; a file also the page ``page`` (a URL path)
    and that page's open tab."""
    return Workspace(
        st.session_state.get(keys.SCENARIO, Scenario()),
        baseline(),
        pinned(),
        page_settings(),
        page,
        open_tab(page),
    )


def open_tab(page: str) -> str:
    """The open tab of page ``page`` (URL path) by its text key; "" for a page without tabs
    or before one was chosen (the first is open then). The session keeps the tab's label,
    in the language it was clicked in."""
    tab_key, tabs = PAGE_TABS.get(page, ("", ()))
    label = st.session_state.get(tab_key) if tab_key else None
    labels = {Translator(lang)(tab): tab for lang in LANGUAGES for tab in tabs}
    return labels.get(label, "") if isinstance(label, str) else ""


def visit(page: str) -> None:
    """Note the page (URL path) of this run, before it is drawn: the last page other than
    the Share page is the one the Share page's link and saved file open."""
    if page != SHARE_PAGE and st.session_state.get(keys.LAST_PAGE) != page:
        st.session_state[keys.LAST_PAGE] = page
        # The Share page's choice starts from this page on the next visit.
        st.session_state.pop(keys.SHARE_LINK_PAGE, None)


def last_page() -> Page:
    """The last page visited other than the Share page (the Start page at first)."""
    return page_of(st.session_state.get(keys.LAST_PAGE, START_PAGE))


def apply_workspace(ws: Workspace, message: str = "") -> None:
    """Callback: a loaded file replaces scenario, baseline, pinned set and page settings, and
    the next run opens the page and tab it was saved on (the Explorer for a file of the
    Start page, as for a link with a scenario), saying ``message`` there."""
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
    page = ws.page or EXPLORER_PAGE
    tab_key, tabs = PAGE_TABS.get(page, ("", ()))
    if tab_key:
        st.session_state[tab_key] = translator()(ws.tab or tabs[0])
    st.session_state[keys.LOADED_PAGE] = page
    st.session_state[keys.LOADED_MESSAGE] = message


def open_loaded_page(current: str) -> None:
    """After a file was loaded (:func:`apply_workspace`): switch to the page it opens, and
    there say what was loaded, in a toast at the top of the screen (the Share page's
    message, halfway down, was out of sight)."""
    page = st.session_state.get(keys.LOADED_PAGE)
    if page is None:
        return
    if page_of(page).url != current:
        st.switch_page(page_of(page).path)
    del st.session_state[keys.LOADED_PAGE]
    message = st.session_state.pop(keys.LOADED_MESSAGE, "")
    if message:
        st.toast(message, icon=":material/check:", duration="long")


def link_params(s: Scenario, *, shared: bool = False) -> dict[str, str]:
    """The query string of the view with scenario ``s``: workspace and language.

    The address bar keeps a game room, role and secret, and presenter mode; a ``shared`` link
    (the sidebar's "link to this view" and the Share page's link and QR code, often on a
    projected screen) leaves them out: the game's keys would hand every reader the
    facilitator's view of the room (groups get their own links from the facilitator), and
    presenter mode would give a hundred phones the projector's layout with no navigation."""
    wanted = workspace_to_query(dataclasses.replace(workspace(), scenario=s))
    lang = st.session_state.get(keys.LANG, "en")
    if lang != "en" or st.session_state.get(keys.LANG_CHOSEN):
        wanted[LANG_PARAM] = lang
    for key in () if shared else GAME_KEYS:
        if key in st.query_params:
            wanted[key] = str(st.query_params[key])[:MAX_TOKEN_LENGTH]
    if st.session_state.get(keys.PRESENT) and not shared:
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
