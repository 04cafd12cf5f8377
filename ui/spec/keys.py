"""Every session-state key of the dashboard, named once.

Streamlit keeps a session's state in one flat dictionary, shared by every page and widget, so
two modules that spell a key differently lose each other's state silently, and two that pick
the same word for different things overwrite each other. Every key therefore lives here: a
constant for a fixed key, a builder for a family of keys (one per field, lever or number box).
Code elsewhere names these, never a literal; ``tests/ui/spec/test_keys.py`` checks that no
module outside this one writes ``st.session_state["..."]`` with a literal and that no two names
here share a value.

Pure data (no Streamlit), so the pure widget specs of :mod:`ui.spec.inputs` and the page
registry of :mod:`ui.spec.pages` derive their keys from here too; reading and writing state
happens only in :mod:`ui.app` (mostly :mod:`ui.app.state`).

Link (query-string) keys are not session keys: they are the workspace codec's
(:mod:`sib_model.workspace`) plus the few named in :mod:`ui.app.state`.
"""

from __future__ import annotations

__all__ = [
    "SCENARIO",
    "INITIAL_SCENARIO",
    "PENDING_SCENARIO",
    "LINKED_SCENARIO",
    "LINK_PROBLEMS",
    "BASELINE",
    "PINNED",
    "PRESET",
    "LAST_PRESET",
    "LANG",
    "LANG_CHOSEN",
    "PRESENT",
    "NARROW_SCREEN",
    "VIEWPORT_PROBE",
    "SCRUB",
    "SCRUB_ARMED",
    "SIDEBAR_LINK",
    "RETURNS_NOTE",
    "GROUP_CAPTION",
    "EXPLORER_SENTENCES",
    "CREAMING_SENTENCES",
    "ADVANCED_OPEN",
    "PHONE_SLIDERS",
    "STORY_STEP",
    "STORY_APPLIED",
    "REALITY_OPEN",
    "EXPLORER_TAB",
    "CREAMING_TAB",
    "COMPARE_NAME",
    "COMPARE_MESSAGE",
    "SHARE_UPLOAD",
    "SHARE_MESSAGE",
    "SHARE_LINK_PAGE",
    "LAST_PAGE",
    "LOADED_PAGE",
    "LOADED_MESSAGE",
    "GUIDE_PLAN",
    "GUIDE_SCREEN_ONLY",
    "DEAL_TARGET_IRR",
    "DEAL_MAX_LOSS",
    "DEAL_TEST",
    "DEAL_WTP",
    "DEAL_SETTINGS",
    "GAME_ACCEPT_REFUSED",
    "GAME_DRAWN_OPEN",
    "GAME_FORM_SEND",
    "GAME_FORM_SHOWS",
    "GAME_FORM_LANG",
    "GAME_LINK_REISSUED",
    "GAME_CLOSE_SURE",
    "GAME_ROOM_CLOSED",
    "GAME_SESSION",
    "GAME_LINK_FAILED",
    "GAME_LAST_SEAT",
    "widget",
    "switch",
    "phone_copy",
    "box_text",
    "box_shown",
    "box_error",
    "game_form",
    "game_new_link",
    "game_role_link",
    "compare_load",
    "compare_remove",
    "compare_card",
    "story_button",
    "presenter_view",
    "uploader_words",
    "guide_block",
    "guide_open",
    "fixed_keys",
]

# --- the scenario and the workshop ----------------------------------------------------------

#: The scenario of this run (a :class:`~sib_model.Scenario`), written by ``state.publish``.
SCENARIO = "scenario"
#: The scenario the session's link opened with: link problems are shown until it changes.
INITIAL_SCENARIO = "initial_scenario"
#: A scenario a page asked to load into the sliders at the start of the next run.
PENDING_SCENARIO = "pending_scenario"
#: Whether this session's link carried a scenario (then "/" still opens the Explorer).
LINKED_SCENARIO = "linked_scenario"
#: What was wrong with the session's link (a list of ``QueryProblem``).
LINK_PROBLEMS = "link_problems"
#: The scenario drawn faintly behind every chart.
BASELINE = "baseline"
#: The Compare page's pinned scenarios, ``((name, scenario), ...)``.
PINNED = "pinned"
#: The preset selectbox (a preset's key, or "custom").
PRESET = "preset"
#: The last preset chosen, for "reset to preset".
LAST_PRESET = "last_preset"

# --- the reader --------------------------------------------------------------------------------

#: The language selector ("en" or "da"): the link's ``lang``, else the browser's locale.
LANG = "lang"
#: Whether the language was chosen (by the link's ``lang`` or the switch) rather than taken
#: from the browser's locale: a chosen language travels in links, English too.
LANG_CHOSEN = "lang_chosen"
#: Presenter mode's toggle (also the link's ``present=1``).
PRESENT = "present"
#: Whether the window is phone-narrow (reported by the viewport probe).
NARROW_SCREEN = "narrow_screen"
#: The viewport probe component's own key.
VIEWPORT_PROBE = "viewport_probe"
#: The component that redraws a page while a headline slider is dragged (ui/app/scrub.py);
#: its state says which slider's frames the page holds.
SCRUB = "scrub"
#: What the server knows of the armed slider: (the component's last ``armed`` report, the
#: slider armed, the scenario of that run) (ui/app/scrub.py, ``_armed``).
SCRUB_ARMED = "scrub_armed"
#: The sidebar's "link to this view" component (ui/app/copy_link.py).
SIDEBAR_LINK = "sidebar_link"
#: The container of the line of return figures under the headline (its text follows a
#: dragged slider: ui/app/scrub.js).
RETURNS_NOTE = "returns_note"
#: The sidebar's caption of the chosen group's p(d) and c(d) (follows a dragged slider too).
GROUP_CAPTION = "group_caption"
#: The Explorer's sentences (follow a dragged slider too).
EXPLORER_SENTENCES = "explorer_sentences"
#: The Creaming page's sentences under the frontier (follow a dragged slider too).
CREAMING_SENTENCES = "creaming_sentences"

# --- page furniture ----------------------------------------------------------------------------

#: The sidebar's "Advanced" expander (drawn only while open).
ADVANCED_OPEN = "advanced_open"
#: The container of the phone copies of the headline sliders.
PHONE_SLIDERS = "phone_sliders"
#: The guided story's step (1-based).
STORY_STEP = "story_step"
#: The step whose scenario was last put into the sliders (the room may have moved them since).
STORY_APPLIED = "story_applied"
#: The Explorer's reality-check expander.
REALITY_OPEN = "reality_open"
#: The open tab of the Explorer and of the Creaming page (lazy tabs).
EXPLORER_TAB = "explorer_tab"
CREAMING_TAB = "creaming_tab"
#: The Compare page's name box, and its one-run message after pinning.
COMPARE_NAME = "compare_name"
COMPARE_MESSAGE = "compare_message"
#: The Share page's file uploader, its one-run message, and the page its link opens.
SHARE_UPLOAD = "share_upload"
SHARE_MESSAGE = "share_message"
SHARE_LINK_PAGE = "share_link_page"
#: The last page visited other than the Share page: the page its link and saved file open.
LAST_PAGE = "last_page"
#: A saved file just loaded: the page it opens (taken by the next run) and what to say there.
LOADED_PAGE = "loaded_page"
LOADED_MESSAGE = "loaded_message"
#: The facilitator's guide: the plan shown (its length in minutes).
GUIDE_PLAN = "guide_plan"
#: The container of what the guide shows on screen only (the plan switch, the downloads, the
#: print hint): the print stylesheet leaves it out.
GUIDE_SCREEN_ONLY = "guide_screen_only"

# --- the Deal space's settings ----------------------------------------------------------------

#: The Deal space's widgets hold the model's analysis settings (``sib_model.SETTINGS``) under
#: the settings' own names, so the link and saved files carry them without a translation.
DEAL_TARGET_IRR = "deal_target_irr"
DEAL_MAX_LOSS = "deal_max_loss"
DEAL_TEST = "deal_test"
DEAL_WTP = "deal_wtp"
DEAL_SETTINGS = (DEAL_TARGET_IRR, DEAL_MAX_LOSS, DEAL_TEST, DEAL_WTP)

# --- the negotiation game's screens ------------------------------------------------------------

#: An accept was refused because the table changed (shown once).
GAME_ACCEPT_REFUSED = "game_accept_refused"
#: Whether the group's screen last drew an open round (the proposal form refills when it opens).
GAME_DRAWN_OPEN = "game_drawn_open"
#: The proposal form's send button, and the table the form was filled from.
GAME_FORM_SEND = "game_form_send"
GAME_FORM_SHOWS = "game_form_shows"
#: The language the proposal form's amounts were written in ("200.000" or "200,000").
GAME_FORM_LANG = "game_form_lang"
#: The role whose link the facilitator just issued afresh (a one-run message).
GAME_LINK_REISSUED = "game_link_reissued"
#: The facilitator's "yes, close the room" confirmation box.
GAME_CLOSE_SURE = "game_close_sure"
#: The room was just closed by its facilitator (a one-run message on the lobby).
GAME_ROOM_CLOSED = "game_room_closed"
#: A random id of the browser session: the game's limits count per session (sib_game.limits).
GAME_SESSION = "game_session"
#: The last link that opened nothing, already counted against the wrong-link limits.
GAME_LINK_FAILED = "game_link_failed"
#: The room, role and secret this session last had open (code, role, key): leaving the game
#: page for another drops them from the address bar, and the lobby offers the way back.
GAME_LAST_SEAT = "game_last_seat"

# --- families of keys --------------------------------------------------------------------------


def widget(field: str) -> str:
    """The sidebar widget of a scenario field (``in_<field>``): stable across pages and
    languages, and what :func:`ui.spec.inputs.scenario_from_widgets` reads."""
    return f"in_{field}"


def switch(field: str) -> str:
    """The on/off switch of an optional or unbounded field (``in_<field>_switch``)."""
    return f"in_{field}_switch"


def phone_copy(key: str) -> str:
    """The phone copy of a headline slider whose own key is ``key``."""
    return f"phone_{key}"


def box_text(key: str) -> str:
    """The text box of a number box whose number lives under ``key``."""
    return f"{key}_text"


def box_shown(key: str) -> str:
    """The (value, language) a number box's text was last written for."""
    return f"{key}_shown"


def box_error(key: str) -> str:
    """Whether a number box holds text that is not a number in its range."""
    return f"{key}_error"


def game_form(lever: str) -> str:
    """The game's proposal-form widget of one contract lever."""
    return f"game_form_{lever}"


def game_new_link(role: str) -> str:
    """The facilitator's "new link" button of one role."""
    return f"game_new_link_{role}"


def game_role_link(role: str) -> str:
    """The facilitator's block of one role's link: its QR code, the link, the join code."""
    return f"game_role_link_{role}"


def compare_load(index: int) -> str:
    """The Compare page's "load into the sliders" button of pinned scenario ``index``."""
    return f"compare_load_{index}"


def compare_remove(index: int) -> str:
    """The Compare page's "remove" button of pinned scenario ``index``."""
    return f"compare_remove_{index}"


def compare_card(index: int) -> str:
    """The Compare page's card of pinned scenario ``index`` on a phone (a container)."""
    return f"compare_card_{index}"


def story_button(place: str, action: str) -> str:
    """One of the guided story's buttons (``action``: back, next, explore, again) in the row
    at ``place`` (top or end of the step): the two rows need keys of their own."""
    return f"story_{place}_{action}"


def presenter_view(page: str) -> str:
    """The view a page shows in presenter mode (one chart at a time)."""
    return f"present_{page}_view"


def uploader_words(key: str) -> str:
    """The component that puts the page's words into the file uploader under ``key``."""
    return f"{key}_words"


def guide_block(number: int) -> str:
    """The container of the facilitator's guide's block ``number`` (the print stylesheet keeps
    each whole on a page)."""
    return f"guide_block_{number}"


def guide_open(block: int, link: int) -> str:
    """The facilitator's guide's button that opens link ``link`` of block ``block``."""
    return f"guide_open_{block}_{link}"


def fixed_keys() -> dict[str, str]:
    """Every fixed key by its constant's name (for the registry's own tests)."""
    return {
        name: value
        for name, value in globals().items()
        if name.isupper() and isinstance(value, str)
    }
