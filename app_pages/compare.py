"""Compare: up to four pinned scenarios side by side — the inputs that differ, what each
party gets, and three charts overlaid. Pinned scenarios live in the session and in the link
(``p1=<name>&p1.d=0.2``); any one loads back into the sliders. In presenter mode the page
is the pin row, one of the three charts at a time (buttons switch) and the key sentence.

On a phone a table of four scenarios does not fit (names and values were cut mid-word):
each scenario is a card instead, its figures as lines that wrap, read from the same tables."""

from typing import Any

import streamlit as st

from sib_model import MAX_PINNED, Scenario
from ui import charts
from ui.app import presenter, results, state
from ui.app.layout import presenting, show_chart, show_key_sentence
from ui.app.viewport import narrow
from ui.spec import keys
from ui.words.comparison import ScenarioCard, differing_inputs, key_results, scenario_cards
from ui.words.link_messages import markdown_text

s, t = state.current()
NBSP = "\u00a0"


def _next_name() -> str:
    return t("compare_default_name", number=len(state.pinned()) + 1)


def _pin() -> None:
    name = st.session_state.get(keys.COMPARE_NAME, "") or _next_name()
    if state.pin_scenario(name, s):
        state.flash(keys.COMPARE_MESSAGE, "success", t("compare_pinned", name=markdown_text(name)))
        state.set_page_widget(keys.COMPARE_NAME, _next_name())
    else:
        state.flash(keys.COMPARE_MESSAGE, "warning", t("compare_full", most=MAX_PINNED))


present = presenting()
if not present:
    st.title(t("page_compare"))
    st.caption(t("illustrative"))
    st.markdown(t("compare_intro"))

state.page_widget_default(keys.COMPARE_NAME, _next_name())
name_column, button_column = st.columns([3, 1], vertical_alignment="bottom")
name_column.text_input(t("compare_name"), key=keys.COMPARE_NAME, max_chars=40)
button_column.button(t("compare_pin"), on_click=_pin, type="primary", width="stretch")
kind, message = state.take_flash(keys.COMPARE_MESSAGE)
if kind == "warning":
    st.warning(message, icon=":material/info:")
elif kind == "success":
    st.success(message, icon=":material/push_pin:")

pinned = state.pinned()
if not pinned:
    st.info(t("compare_empty"), icon=":material/push_pin:")
    st.stop()

views = [(name, results.scenario_results(scenario)) for name, scenario in pinned]
ghost = state.baseline()
label = t("baseline")
baseline_view = results.scenario_results(ghost)


def _chart(view: str, where: object = st, height: int | None = None) -> None:
    """One of the three overlaid charts: the investor's return (``irr``), the creaming
    frontier (``group``) or the municipality's net per year (``cash``)."""
    if view == "irr":
        distributions = [(name, v.result.distribution) for name, v in views]
        figure = charts.compare_return_chart(
            distributions, t, baseline=baseline_view.result.distribution
        )
        show_chart(figure, "compare_investor_irr", where, height=height)
    elif view == "group":
        frontiers = [(name, results.creaming_results(scenario)) for name, scenario in pinned]
        show_chart(
            charts.compare_frontier_chart(frontiers, t),
            "compare_frontier",
            where,
            baseline=charts.compare_frontier_chart([(label, results.creaming_results(ghost))], t),
            label=label,
            height=height,
        )
    else:
        cash = [(name, v.result.cash_flows) for name, v in views]
        show_chart(
            charts.compare_cash_chart(cash, t),
            "compare_cash_flows",
            where,
            baseline=charts.compare_cash_chart([(label, baseline_view.result.cash_flows)], t),
            label=label,
            height=height,
        )


def _pin_buttons(k: int, scenario: Scenario, where: Any) -> None:
    """Pinned scenario ``k``'s buttons: load it into the sliders, remove it."""
    where.button(
        t("compare_load"),
        key=keys.compare_load(k),
        on_click=state.load_scenario,
        args=(scenario,),
        icon=":material/upload:",
        width="stretch",
    )
    where.button(
        t("compare_remove"),
        key=keys.compare_remove(k),
        on_click=state.unpin,
        args=(k,),
        icon=":material/close:",
        width="stretch",
    )


def _lines(rows: tuple[tuple[str, str], ...]) -> str:
    """A card's rows as a list, each value kept on one line ("-6,5 mio. kr." not broken
    after "-6,5"): a label may wrap, a value never needs to on a phone."""
    return "\n".join(f"- {label}: **{value.replace(' ', NBSP)}**" for label, value in rows)


def _cards(cards: list[ScenarioCard]) -> None:
    """A phone's Compare: one bordered card per pinned scenario, its name, what each party
    gets, the inputs that differ and its two buttons side by side."""
    for k, (card, (_, scenario)) in enumerate(zip(cards, pinned, strict=True)):
        with st.container(border=True, key=keys.compare_card(k)):
            st.markdown(f"**{k + 1}. {markdown_text(card.name)}**")
            st.markdown(_lines(card.results))
            if card.inputs:
                st.caption(t("compare_inputs"))
                st.markdown(_lines(card.inputs))
            _pin_buttons(k, scenario, st.container(horizontal=True))


if present:
    view = presenter.choose_view(("irr", "group", "cash"), keys.presenter_view("compare"), t)
    show_key_sentence(presenter.compare_key_sentence([(name, v.summary) for name, v in views], t))
    _chart(view, height=presenter.PRESENT_CHART_HEIGHT - 60)
else:
    results_table = key_results([(name, view.summary) for name, view in views], t)
    inputs = differing_inputs(list(pinned), t)
    if narrow():
        st.subheader(t("compare_results"))
        _cards(scenario_cards(results_table, inputs, t))
        if inputs.empty:
            st.caption(t("compare_inputs_same"))
    else:
        for column, (k, (name, scenario)) in zip(
            st.columns(MAX_PINNED), enumerate(pinned), strict=False
        ):
            column.markdown(f"**{k + 1}. {markdown_text(name)}**")
            _pin_buttons(k, scenario, column)
        st.subheader(t("compare_results"))
        st.dataframe(results_table, hide_index=True, width="stretch")
        st.subheader(t("compare_inputs"))
        if inputs.empty:
            st.caption(t("compare_inputs_same"))
        else:
            st.dataframe(inputs, hide_index=True, width="stretch")

    st.subheader(t("compare_charts"))
    left, middle = st.columns(2)
    right, _ = st.columns(2)
    for view, where in (("irr", left), ("group", middle), ("cash", right)):
        _chart(view, where)
