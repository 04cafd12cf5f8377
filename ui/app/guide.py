"""The facilitator's guide page: the preparation checklist and the chosen plan's blocks,
each with buttons that open its page, plus the plan as a PDF or Markdown file and a print
stylesheet (``guide_print.css``, beside this file).

The words are :mod:`ui.words.guide`'s and the files :mod:`ui.export.guide`'s. A block's
button opens its page in this tab, in the same session (the baseline and the pinned scenarios
stay): an example or a story step is put into the sliders first, as the sidebar's example box
or the story's own buttons do. The game opens in a tab of its own with the scenario on screen:
its facilitator screen lives in that tab's address, and leaving the game page in that tab
would leave the room.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from sib_model import Scenario
from ui.app import state
from ui.export.guide import file_name, guide_markdown, guide_pdf, present_url
from ui.export.share import is_local, share_link
from ui.spec import keys
from ui.text.translator import Translator
from ui.words.guide import (
    PLANS,
    BlockText,
    LinkText,
    guide_text,
    page_of,
    plan_text,
    preparation_text,
)

__all__ = ["PRINT_CSS", "show_guide"]

#: The print stylesheet: on paper, the guide without the sidebar, the buttons and the
#: downloads, each block kept on one page.
PRINT_CSS = (Path(__file__).with_name("guide_print.css")).read_text(encoding="utf-8")


def _open_button(item: LinkText, key: str, s: Scenario, root: str, t: Translator) -> None:
    """One link of a block: a page as it is, a page with an example or a story step put into
    the sliders first, or the game in a new tab with the scenario on screen."""
    link, page = item.link, page_of(item.link)
    if link.own_tab:
        url = share_link(root, page.url, state.link_params(s, shared=True))
        st.link_button(item.label, url, icon=page.icon)
    elif link.preset is not None:
        if st.button(
            item.label, key=key, icon=page.icon, on_click=state.open_preset, args=(link.preset,)
        ):
            st.switch_page(page.path)
    elif link.step is not None:
        if st.button(
            item.label, key=key, icon=page.icon, on_click=state.open_story_step, args=(link.step,)
        ):
            st.switch_page(page.path)
    else:
        st.page_link(page.path, label=item.label, icon=page.icon)


def _block(number: int, block: BlockText, s: Scenario, root: str, t: Translator) -> None:
    with st.container(border=True, key=keys.guide_block(number)):
        st.subheader(block.heading)
        if block.links:
            with st.container(horizontal=True):
                for k, item in enumerate(block.links):
                    _open_button(item, keys.guide_open(number, k), s, root, t)
        st.markdown(f"**{t('guide_show')}**\n\n{block.show}")
        ask, watch = st.columns(2)
        ask.markdown(f"**{t('guide_ask')}**\n\n" + "\n".join(f"- {a}" for a in block.asks))
        watch.markdown(f"**{t('guide_watch')}**\n\n" + "\n".join(f"- {w}" for w in block.watch))
        st.markdown(f"**{t('guide_next')}**\n\n{block.handover}")


def show_guide(s: Scenario, t: Translator) -> None:
    """The guide page for scenario ``s`` (the one the game's button takes along)."""
    st.html(f"<style>{PRINT_CSS}</style>")
    st.title(t("page_guide"))
    st.markdown(guide_text(t, "guide_intro"))
    root = state.app_root()
    with st.container(key=keys.GUIDE_SCREEN_ONLY):
        state.page_widget_default(keys.GUIDE_PLAN, next(iter(PLANS)))
        minutes = st.radio(
            t("guide_plan"),
            tuple(PLANS),
            format_func=lambda m: t("guide_plan_option", minutes=m),
            key=keys.GUIDE_PLAN,
            horizontal=True,
        )
        plan = PLANS[minutes]
        with st.container(horizontal=True):
            st.download_button(
                t("guide_download_pdf"),
                lambda: guide_pdf(plan, t, root),
                file_name=file_name(plan, t.lang, "pdf"),
                mime="application/pdf",
                icon=":material/picture_as_pdf:",
                on_click="ignore",
            )
            st.download_button(
                t("guide_download_md"),
                lambda: guide_markdown(plan, t, root).encode("utf-8"),
                file_name=file_name(plan, t.lang, "md"),
                mime="text/markdown",
                icon=":material/description:",
                help=t("guide_download_md_help"),
                on_click="ignore",
            )
        st.caption(t("guide_print_hint"))

    st.header(t("guide_prep_title"))
    if is_local(root):
        st.warning(t("share_localhost"), icon=":material/wifi_off:")
    prep = preparation_text(t, root, present_url(root, t.lang))
    st.markdown("\n".join(f"- {item}" for item in prep))

    words = plan_text(plan, t)
    st.header(words.title)
    st.markdown(words.intro)
    for number, block in enumerate(words.blocks, 1):
        _block(number, block, s, root, t)
