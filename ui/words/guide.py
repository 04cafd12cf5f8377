"""The facilitator's guide: a 60-minute and a 90-minute workshop plan, as data.

A plan is a run of blocks whose minutes add up to the plan's length. A block names the pages
it opens (with the example or the guided story's step it starts from), and the text keys of
its title, of what the facilitator shows, of the questions to ask the room, of the
misreadings to watch for and of the handover to the next block. The sentences live in the
catalogs like every other text (``guide_<block>_title``, ``guide_ask_<question>``,
``guide_watch_<misreading>`` …). They name the dashboard's own pages, examples, tabs and
buttons through format fields that are text keys themselves (``{page_explorer}``,
``{preset_title_aalborg}``, ``{pin_baseline}``), filled from the same catalog by
:func:`guide_text`: a renamed button is renamed in the guide too, in both languages.

The page (``app_pages/guide.py``, drawn by :mod:`ui.app.guide`) and the printable files
(:mod:`ui.export.guide`) place what :func:`plan_text` writes; tests check that each plan's
blocks fill its minutes and that every page, example, step and text exists.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import Any

from sib_game.limits import IDLE_SECONDS, ROOMS_PER_SESSION
from sib_model import PRESETS, scenario_to_query
from ui.spec.pages import PAGES, Page
from ui.text.translator import Translator
from ui.words.story import STEPS

__all__ = [
    "Link",
    "Block",
    "Plan",
    "PLANS",
    "PREPARATION",
    "MISREADINGS",
    "LinkText",
    "BlockText",
    "PlanText",
    "guide_text",
    "link_label",
    "link_query",
    "present_query",
    "plan_text",
    "preparation_text",
    "page_of",
]


@dataclass(frozen=True)
class Link:
    """A page a block opens: with an example (a key of :data:`sib_model.PRESETS`) or a step of
    the guided story (1-based) put into the sliders first, or as it is. ``own_tab``: opened in
    a tab of its own with the scenario on screen (the game, whose facilitator screen is lost
    when its tab goes to another page)."""

    page: str
    preset: str | None = None
    step: int | None = None
    own_tab: bool = False


@dataclass(frozen=True)
class Block:
    """One block of a plan: ``minutes`` long, opening ``links``; ``asks`` and ``watch`` name
    questions (``guide_ask_<name>``) and misreadings (``guide_watch_<name>``). A block's own
    texts are ``guide_<key>_title``, ``_show`` (what the facilitator shows) and ``_next`` (the
    handover)."""

    key: str
    minutes: int
    links: tuple[Link, ...]
    asks: tuple[str, ...]
    watch: tuple[str, ...]

    @property
    def title_key(self) -> str:
        """The block's title."""
        return f"guide_{self.key}_title"

    @property
    def show_key(self) -> str:
        """What the facilitator shows."""
        return f"guide_{self.key}_show"

    @property
    def next_key(self) -> str:
        """The handover to the next block."""
        return f"guide_{self.key}_next"

    @property
    def ask_keys(self) -> tuple[str, ...]:
        """The questions to ask the room."""
        return tuple(f"guide_ask_{name}" for name in self.asks)

    @property
    def watch_keys(self) -> tuple[str, ...]:
        """The misreadings to watch for."""
        return tuple(f"guide_watch_{name}" for name in self.watch)

    @property
    def text_keys(self) -> tuple[str, ...]:
        """Every text key the block shows."""
        return (self.title_key, self.show_key, *self.ask_keys, *self.watch_keys, self.next_key)


@dataclass(frozen=True)
class Plan:
    """A workshop plan of ``minutes``: its blocks in order (texts ``guide_plan_<minutes>_title``
    and ``_intro``)."""

    minutes: int
    blocks: tuple[Block, ...]

    @property
    def title_key(self) -> str:
        """The plan's title."""
        return f"guide_plan_{self.minutes}_title"

    @property
    def intro_key(self) -> str:
        """Who and what the plan is for."""
        return f"guide_plan_{self.minutes}_intro"

    def schedule(self) -> list[tuple[int, int, Block]]:
        """Each block with the minute it starts and the minute it ends."""
        rows: list[tuple[int, int, Block]] = []
        start = 0
        for block in self.blocks:
            rows.append((start, start + block.minutes, block))
            start += block.minutes
        return rows


#: The misreadings every plan must warn about (``guide_watch_<name>``): deadweight, creaming,
#: parking, the investor's risk, present value against nominal sums, and the saving that lands
#: in another public budget.
MISREADINGS = ("deadweight", "creaming", "parking", "risk", "present_value", "wrong_pocket")

_START, _STORY, _EXPLORER, _CREAMING = "", "story", "explorer", "creaming"
_COMPARE, _GAME, _SHARE = "compare", "game", "share"

# --- the blocks ------------------------------------------------------------------------------


def _welcome(minutes: int) -> Block:
    return Block(
        "welcome",
        minutes,
        (Link(_START), Link(_SHARE)),
        ("who_in_room", "pay_for_results"),
        ("provider_risk", "phones"),
    )


def _story(minutes: int) -> Block:
    # Steps 1-6: investor, municipality, deadweight, creaming, parking, the wrong pocket. The
    # levers (7-11) come back in the game, and on the 90-minute plan in Creaming's levers tab.
    return Block(
        "story",
        minutes,
        (Link(_STORY, step=1),),
        ("would_you_invest", "why_dearer", "who_anyway", "whose_pocket"),
        ("risk", "deadweight", "present_value"),
    )


def _explorer(minutes: int) -> Block:
    return Block(
        "explorer",
        minutes,
        (Link(_EXPLORER, preset="aalborg"),),
        ("cohort_halved", "council_number", "method_weaker"),
        ("baseline_ghost", "wrong_pocket"),
    )


def _compare(minutes: int) -> Block:
    return Block(
        "compare",
        minutes,
        (Link(_COMPARE), Link(_COMPARE, preset="rate_card")),
        ("sign_which", "what_differs"),
        ("same_numbers", "present_value"),
    )


def _debrief(minutes: int) -> Block:
    return Block(
        "debrief",
        minutes,
        (Link(_COMPARE), Link(_SHARE)),
        ("sign_for_real", "counterfactual", "take_home"),
        ("illustrative",),
    )


PLANS: dict[int, Plan] = {
    60: Plan(
        60,
        (
            _welcome(5),
            _story(12),
            _explorer(10),
            Block(
                "creaming",
                8,
                (Link(_CREAMING),),
                ("which_group", "stop_parking"),
                ("creaming", "parking"),
            ),
            _compare(5),
            Block(
                "game_short",
                13,
                (Link(_GAME, own_tab=True),),
                ("red_line_blocked", "gave_up"),
                ("room_scenario", "private_links", "no_deal"),
            ),
            _debrief(7),
        ),
    ),
    90: Plan(
        90,
        (
            _welcome(5),
            _story(15),
            _explorer(12),
            Block(
                "creaming_levers",
                12,
                (Link(_CREAMING),),
                ("which_group", "stop_parking", "lever_cost"),
                ("creaming", "parking"),
            ),
            _compare(8),
            Block(
                "game_setup",
                5,
                (Link(_GAME, own_tab=True),),
                ("state_seat", "red_lines_real"),
                ("room_scenario", "private_links"),
            ),
            Block(
                "game_rounds",
                20,
                (),
                ("red_line_blocked", "which_term", "gave_up"),
                ("no_deal", "citizens"),
            ),
            _debrief(13),
        ),
    ),
}

#: The preparation checklist, in order (``guide_prep_<name>``).
PREPARATION = ("address", "language", "present", "game_tab", "rooms", "save", "print")

# --- the words -------------------------------------------------------------------------------


def page_of(link: Link) -> Page:
    """The registered page a link opens (``KeyError`` for a page that does not exist)."""
    return {page.url: page for page in PAGES}[link.page]


def _facts() -> dict[str, str]:
    """Numbers the texts quote from where they are decided (the game's limits)."""
    return {
        "rooms": str(ROOMS_PER_SESSION.events),
        "window": str(ROOMS_PER_SESSION.minutes),
        "hours": str(IDLE_SECONDS // 3600),
    }


def guide_text(t: Translator, key: str, **values: str) -> str:
    """Text ``key`` in ``t``'s language with its fields filled: a field that is a text key (a
    page, an example, a button) by that text, the game's limits by their numbers, and the rest
    (the app's address) from ``values``."""
    fields = {name for _, name, _, _ in string.Formatter().parse(t(key)) if name}
    filled: dict[str, Any] = {**_facts(), **values}
    filled.update({name: t(name) for name in fields - set(filled)})
    return t(key, **filled)


def link_label(link: Link, t: Translator) -> str:
    """What a link's button says: the page, and the example or step it starts from, or that
    it opens in a new tab."""
    page = t(page_of(link).title)
    if link.own_tab:
        return t("guide_link_new_tab", page=page)
    if link.preset is not None:
        return t("guide_link", page=page, what=t.preset_title(link.preset))
    if link.step is not None:
        return t("guide_link", page=page, what=t(f"story_{STEPS[link.step - 1].key}_title"))
    return page


def _language(lang: str) -> dict[str, str]:
    return {} if lang == "en" else {"lang": lang}


def link_query(link: Link, lang: str) -> dict[str, str]:
    """The query string that opens ``link`` in a new session: the example's inputs, the story's
    step and the language (the link keys :mod:`ui.app.state` reads; the guide's AppTest opens
    the app with each)."""
    query = scenario_to_query(PRESETS[link.preset]) if link.preset is not None else {}
    if link.step is not None:
        query["step"] = str(link.step)
    return {**query, **_language(lang)}


def present_query(lang: str) -> dict[str, str]:
    """The query string that opens the dashboard in presenter mode, in ``lang``."""
    return {"present": "1", **_language(lang)}


@dataclass(frozen=True)
class LinkText:
    """A link as shown: its label and the link it stands for."""

    label: str
    link: Link


@dataclass(frozen=True)
class BlockText:
    """A block in words: its place in the plan (minutes), heading, links and sentences."""

    start: int
    end: int
    heading: str
    links: tuple[LinkText, ...]
    show: str
    asks: tuple[str, ...]
    watch: tuple[str, ...]
    handover: str


@dataclass(frozen=True)
class PlanText:
    """A plan in words: title, introduction and blocks."""

    minutes: int
    title: str
    intro: str
    blocks: tuple[BlockText, ...]


def plan_text(plan: Plan, t: Translator) -> PlanText:
    """Every sentence of ``plan`` in ``t``'s language."""
    blocks = tuple(
        BlockText(
            start,
            end,
            t("guide_block_heading", start=start, end=end, title=guide_text(t, block.title_key)),
            tuple(LinkText(link_label(link, t), link) for link in block.links),
            guide_text(t, block.show_key),
            tuple(guide_text(t, key) for key in block.ask_keys),
            tuple(guide_text(t, key) for key in block.watch_keys),
            guide_text(t, block.next_key),
        )
        for start, end, block in plan.schedule()
    )
    return PlanText(plan.minutes, t(plan.title_key), guide_text(t, plan.intro_key), blocks)


def preparation_text(t: Translator, address: str, present_link: str) -> list[str]:
    """The preparation checklist: ``address`` is the dashboard's address, ``present_link``
    the same in presenter mode."""
    return [
        guide_text(t, f"guide_prep_{item}", address=address, present_link=present_link)
        for item in PREPARATION
    ]
