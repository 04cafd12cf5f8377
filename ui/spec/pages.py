"""The dashboard's pages and the settings that belong to one page, stated once.

``app.py`` builds the navigation from :data:`PAGES`, the tests find pages here, and the Deal
space page's own widgets (the investor's and the municipality's terms) keep their values
across page visits because :data:`PAGE_WIDGETS` lists them with their starting values.
"""

from __future__ import annotations

from dataclasses import dataclass

from sib_model import SETTINGS
from ui.spec import keys

__all__ = [
    "Page",
    "PAGES",
    "START_PAGE",
    "STORY_PAGE",
    "EXPLORER_PAGE",
    "SHARE_PAGE",
    "GAME_PAGE",
    "PAGE_WIDGETS",
    "EXPLORER_TABS",
    "CREAMING_TABS",
    "PAGE_TABS",
    "page_of",
    "PHONE_WIDTH",
    "PRESENTER_SCREEN",
]


@dataclass(frozen=True)
class Page:
    """One page: its script, the text key of its title, its icon and its URL path."""

    path: str
    title: str
    icon: str
    url: str


#: The Explorer's charts in tabs (text key of the tab → its charts, drawn side by side): only
#: the open tab's charts are drawn, so a slider move redraws two charts, not five.
EXPLORER_TABS: dict[str, tuple[str, ...]] = {
    "explorer_tab_parties": ("explorer_investor_irr", "explorer_commissioner"),
    "explorer_tab_money": ("explorer_cash_flows", "explorer_wrong_pocket"),
    "explorer_tab_outcomes": ("explorer_payoff",),
}

#: The Creaming page's three parts in tabs (text keys of their labels), each computed and drawn
#: only while open: the parking and lever sweeps are the slowest work on any page.
CREAMING_TABS: tuple[str, ...] = (
    "creaming_tab_group",
    "creaming_tab_parking",
    "creaming_tab_levers",
)

#: Screens at most this wide (CSS px) are phones: Streamlit stacks columns below 640 px.
PHONE_WIDTH = 640

#: The screen presenter mode is laid out for (width, height in CSS px): a projector at
#: 1280×720. A larger screen shows the same layout magnified by the smaller of its two ratios
#: to this one (1920×1080: 1.5), so the back row reads what the front row of a 1280×720
#: projector reads (``ui.app.layout.PRESENTER_CSS``, the charts in ``ui/app/live_chart.js``).
PRESENTER_SCREEN = (1280, 720)

#: URL paths of the pages others link to.
START_PAGE, STORY_PAGE, EXPLORER_PAGE, GAME_PAGE, SHARE_PAGE = (
    "",
    "story",
    "explorer",
    "game",
    "share",
)

#: The pages in menu order; the first is the default page at "/" (its URL path is empty).
PAGES: tuple[Page, ...] = (
    Page("app_pages/start.py", "page_start", ":material/home:", START_PAGE),
    Page("app_pages/story.py", "page_story", ":material/slideshow:", STORY_PAGE),
    Page("app_pages/explorer.py", "page_explorer", ":material/insights:", EXPLORER_PAGE),
    Page("app_pages/creaming.py", "page_creaming", ":material/filter_alt:", "creaming"),
    Page("app_pages/deal_space.py", "page_deal_space", ":material/handshake:", "deal-space"),
    Page("app_pages/sensitivity.py", "page_sensitivity", ":material/tune:", "sensitivity"),
    Page("app_pages/game.py", "page_game", ":material/groups:", GAME_PAGE),
    Page("app_pages/compare.py", "page_compare", ":material/compare_arrows:", "compare"),
    Page("app_pages/share.py", "page_share", ":material/qr_code_2:", SHARE_PAGE),
    Page("app_pages/method.py", "page_method", ":material/menu_book:", "method"),
    Page("app_pages/guide.py", "page_guide", ":material/co_present:", "guide"),
)

#: The pages with tabs (URL path → the session key of their tabs and the text keys of the tabs'
#: labels). A saved file names the open tab by its text key, which is the same in every
#: language (the session keeps the label, which is not).
PAGE_TABS: dict[str, tuple[str, tuple[str, ...]]] = {
    EXPLORER_PAGE: (keys.EXPLORER_TAB, tuple(EXPLORER_TABS)),
    "creaming": (keys.CREAMING_TAB, CREAMING_TABS),
}


def page_of(url: str) -> Page:
    """The page at URL path ``url`` (the default page for a path no page has)."""
    return next((page for page in PAGES if page.url == url), PAGES[0])


#: Widgets that live on one page but keep their values across page visits, with the value
#: they start from (None: the page sets it from the scenario). They are the model's
#: analysis settings (``sib_model.SETTINGS``), so the link and saved files carry them.
PAGE_WIDGETS: dict[str, object] = {name: setting.default for name, setting in SETTINGS.items()}
assert set(PAGE_WIDGETS) == set(keys.DEAL_SETTINGS)
