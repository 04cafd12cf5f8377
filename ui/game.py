"""The negotiation game's screens: lobby, facilitator, each role, debrief.

Rooms live in :mod:`ui.game_store` (shared by every session); the rules in
:mod:`sib_model.game`. Every text a group types is escaped where shown.
"""

from __future__ import annotations

import html
from functools import cache, lru_cache
from typing import Any

import streamlit as st

from sib_model import Scenario
from sib_model.game import (
    LEVERS,
    ROLES,
    SIGNING_ROLES,
    RedLines,
    apply_contract,
    clean_contract,
    contract_of,
    role_figures,
    verdicts_of_figures,
)
from sib_model.scenario import ScenarioError
from ui import results
from ui.game_store import (
    MAX_PROPOSALS,
    GameStore,
    StoreFull,
    clean_text,
    parse_code,
    parse_role,
)
from ui.i18n import Translator
from ui.layout import show_chart
from ui.result_types import DealTerms

REFRESH_SECONDS = 3
# Streamlit's own icon font (served with the app), not emoji: a projector's or a kiosk's
# browser may have no colour-emoji font and would show empty boxes.
_SIGNS = ":green[:material/check_circle:]"
_REFUSES = ":red[:material/cancel:]"
_WARNS = ":orange[:material/warning:]"


@cache
def store() -> GameStore:
    return GameStore()


def reset_store() -> None:
    """Forget the store (tests point ``SIB_GAME_DB`` at a new file)."""
    store.cache_clear()


def new_doc(s: Scenario, settings: dict[str, Any]) -> dict[str, Any]:
    wtp = (
        settings.get("deal_wtp", s.public_savings_per_outcome)
        if settings.get("deal_test") == "wtp"
        else None
    )
    lines = RedLines(
        target_irr=float(settings.get("deal_target_irr", 0.05)),
        max_loss=float(settings.get("deal_max_loss", 0.25)),
        willingness_to_pay=None if wtp is None else float(wtp),
    )
    return {
        "base": s.to_dict(),
        "lines": lines.to_dict(),
        "round": 0,
        "open": False,
        "table": {"contract": contract_of(s), "by": "facilitator", "round": 0},
        "accepted": [],
        "proposals": [],
        "names": {},
        "signed": None,
    }


# Bounded: every contract a group proposes is a new entry, and a server lives through many
# games (an entry is its two JSON keys, about 1 kB, and seven floats: 512 stay under 1 MB).
@lru_cache(maxsize=512)
def _figures(base_items: str, contract_items: str) -> dict[str, float]:
    import json

    base = Scenario.from_dict(json.loads(base_items))
    return role_figures(apply_contract(base, json.loads(contract_items)))


def figures(doc: dict[str, Any], contract: dict[str, Any]) -> dict[str, float]:
    import json

    return _figures(json.dumps(doc["base"], sort_keys=True), json.dumps(contract, sort_keys=True))


def esc(text: object) -> str:
    return html.escape(clean_text(text)).replace("*", "&#42;").replace("_", "&#95;")


def role_name(doc: dict[str, Any], role: str, t: Translator) -> str:
    name = doc.get("names", {}).get(role)
    return t(f"game_role_{role}") + (f" ({esc(name)})" if name else "")


def link(code: str, role: str, lang: str) -> str:
    from ui import state

    tail = "" if lang == "en" else f"&lang={lang}"
    return f"{state.app_root()}/game?room={code}&role={role}{tail}"


# --- screens ---------------------------------------------------------------------------


def lobby(s: Scenario, settings: dict[str, Any], t: Translator) -> None:
    st.markdown(t("game_intro"))
    if st.button(t("game_start"), type="primary", icon=":material/add:"):
        try:
            room = store().create(new_doc(s, settings))
        except StoreFull:
            st.error(t("game_full"))
            return
        st.query_params["room"] = room.code
        st.query_params["role"] = "facilitator"
        st.rerun()
    with st.form("game_join"):
        code = st.text_input(t("game_code"), max_chars=6)
        role = st.selectbox(t("game_your_role"), ROLES, format_func=lambda r: t(f"game_role_{r}"))
        if st.form_submit_button(t("game_join")):
            parsed = parse_code(code)
            if parsed is None or store().get(parsed) is None:
                st.warning(t("game_bad_room"))
            else:
                st.query_params["room"] = parsed
                st.query_params["role"] = str(role)
                st.rerun()


def contract_rows(contract: dict[str, Any], t: Translator) -> list[dict[str, str]]:
    rows = []
    for name in LEVERS:
        value = contract.get(name)
        if name == "payment_basis":
            shown = t(f"payment_basis_{value}")
        elif value is None:
            shown = "—"
        elif name in ("price_per_outcome", "payment_cap"):
            shown = t.fmt.money(float(value))
        elif name == "difficulty":
            shown = t.fmt.number(float(value), 2)
        else:
            shown = t.fmt.percent(float(value))
        rows.append({t("game_lever"): t.label(name), t("game_value"): shown})
    return rows


def verdict_lines(doc: dict[str, Any], contract: dict[str, Any], t: Translator) -> str:
    lines = RedLines.from_dict(doc["lines"])
    found = verdicts_of_figures(figures(doc, contract), lines)
    out = []
    for role in ROLES:
        v = found[role]
        mark = _SIGNS if v.signs else _REFUSES
        why = "; ".join(t(f"game_why_{reason}") for reason in v.reasons)
        verb = t("game_would_sign") if v.signs else t("game_would_not_sign")
        out.append(f"- {mark} **{role_name(doc, role, t)}**: {verb}" + (f" — {why}" if why else ""))
    return "\n".join(out)


def figure_lines(doc: dict[str, Any], contract: dict[str, Any], t: Translator) -> list[str]:
    """Each role's figures under ``contract``, one line per role in the order of ``ROLES``
    (a role's view and the debrief pick their line by that order)."""
    f = figures(doc, contract)
    fmt = t.fmt
    by_role = {
        "investor": t(
            "game_fig_investor",
            irr=fmt.percent(f["investor_irr"]),
            loss=fmt.percent(f["probability_of_loss"]),
        ),
        "municipality": t(
            "game_fig_municipality",
            net=fmt.money(f["municipality_net"]),
            cost=fmt.money(f["cost_per_additional_outcome"]),
        ),
        "provider": t(
            "game_fig_provider",
            risk=fmt.money(f["provider_risk"]),
            served=fmt.percent(f["served_share"]),
        ),
        "state": t("game_fig_state", saving=fmt.money(f["state_saving"])),
    }
    return [by_role[role] for role in ROLES]


def goal_text(role: str, doc: dict[str, Any], t: Translator) -> str:
    lines = RedLines.from_dict(doc["lines"])
    fmt = t.fmt
    if role == "investor":
        return t(
            "game_goal_investor",
            irr=fmt.percent(lines.target_irr),
            loss=fmt.percent(lines.max_loss),
        )
    if role == "municipality":
        if lines.willingness_to_pay is None:
            return t("game_goal_municipality_net")
        return t("game_goal_municipality_wtp", wtp=fmt.money(lines.willingness_to_pay))
    if role == "provider":
        return t(
            "game_goal_provider",
            risk=fmt.money(lines.max_provider_risk),
            served=fmt.percent(lines.min_served_share),
        )
    return t("game_goal_state", saving=fmt.money(lines.min_state_saving))


def round_status(doc: dict[str, Any], t: Translator) -> str:
    if doc.get("signed"):
        return t("game_status_signed", n=doc["signed"]["round"])
    if doc["open"]:
        return t("game_status_open", n=doc["round"])
    return t("game_status_closed", n=doc["round"])


def facilitator(code: str, t: Translator) -> None:
    room = store().get(code)
    if room is None:
        st.warning(t("game_bad_room"))
        return
    doc = room.doc
    st.subheader(t("game_room", code=code))
    with st.expander(t("game_links"), expanded=doc["round"] == 0):
        for role in ROLES:
            st.markdown(f"**{t(f'game_role_{role}')}**")
            st.code(link(code, role, t.lang), language=None)
    left, right = st.columns(2)
    if left.button(t("game_open_round"), disabled=doc["open"], icon=":material/play_arrow:"):
        store().change(code, _open_round)
        st.rerun()
    if right.button(t("game_close_round"), disabled=not doc["open"], icon=":material/stop:"):
        store().change(code, _close_round)
        st.rerun()
    facilitator_live(code, t)


def _room_now(code: str, t: Translator) -> dict[str, Any] | None:
    """The room's document as it is now, with the round's status shown; None (and a short
    message) when the room has gone (expired, or removed)."""
    room = store().get(code)
    if room is None:
        st.warning(t("game_bad_room"))
        return None
    st.info(round_status(room.doc, t))
    return room.doc


@st.fragment(run_every=REFRESH_SECONDS)
def facilitator_live(code: str, t: Translator) -> None:
    doc = _room_now(code, t)
    if doc is None:
        return
    table = doc["table"]
    left, right = st.columns([2, 3])
    with left:
        st.markdown(f"#### {t('game_on_table')}")
        st.caption(t("game_proposed_by", who=role_name(doc, table["by"], t), n=table["round"]))
        st.dataframe(contract_rows(table["contract"], t), hide_index=True, width="stretch")
        accepted = ", ".join(role_name(doc, r, t) for r in doc["accepted"]) or "—"
        st.markdown(t("game_accepted_by", who=accepted))
    with right:
        st.markdown(f"#### {t('game_who_signs')}")
        st.markdown(verdict_lines(doc, table["contract"], t))
        st.markdown("\n".join(f"- {line}" for line in figure_lines(doc, table["contract"], t)))
    if doc.get("signed"):
        debrief(doc, t)
    st.markdown(f"#### {t('game_proposals')}")
    shown = [p for p in reversed(doc["proposals"])][:10]
    if not shown:
        st.caption(t("game_no_proposals"))
    for p in shown:
        message = f": “{esc(p.get('message'))}”" if p.get("message") else ""
        st.markdown(
            f"- {t('game_round_n', n=p['round'])} · **{role_name(doc, p['role'], t)}**{message}"
        )
    lines = RedLines.from_dict(doc["lines"])
    s = apply_contract(Scenario.from_dict(doc["base"]), table["contract"])
    terms = DealTerms(lines.target_irr, lines.max_loss, lines.willingness_to_pay)
    st.markdown(f"#### {t('game_deal_zone')}")
    show_chart(results.page_chart("deal_space_heatmap", s, t.lang, terms), "game_deal_space")


def debrief(doc: dict[str, Any], t: Translator) -> None:
    st.markdown(f"### {t('game_debrief')}")
    contract = doc["signed"]["contract"]
    f = figures(doc, contract)
    found = verdicts_of_figures(f, RedLines.from_dict(doc["lines"]))
    for role, line in zip(ROLES, figure_lines(doc, contract, t), strict=True):
        mark = _SIGNS if found[role].signs else _WARNS
        st.markdown(
            f"- {mark} **{role_name(doc, role, t)}** — {t('game_wanted')}: "
            f"{goal_text(role, doc, t)} {t('game_got')}: {line}"
        )


def _open_round(doc: dict[str, Any]) -> None:
    if not doc["open"]:
        doc["round"] += 1
        doc["open"] = True
        doc["signed"] = None


def _close_round(doc: dict[str, Any]) -> None:
    doc["open"] = False
    if set(SIGNING_ROLES) <= set(doc["accepted"]):
        doc["signed"] = {"contract": doc["table"]["contract"], "round": doc["round"]}


def propose(code: str, role: str, contract: dict[str, Any], message: str) -> None:
    def edit(doc: dict[str, Any]) -> None:
        if not doc["open"]:
            return
        clean = clean_contract(contract, Scenario.from_dict(doc["base"]))
        doc["table"] = {"contract": clean, "by": role, "round": doc["round"]}
        doc["accepted"] = [role] if role in SIGNING_ROLES else []
        doc["proposals"] = [
            *doc["proposals"][-(MAX_PROPOSALS - 1) :],
            {
                "role": role,
                "round": doc["round"],
                "contract": clean,
                "message": clean_text(message),
            },
        ]

    store().change(code, edit)


def accept(code: str, role: str) -> None:
    def edit(doc: dict[str, Any]) -> None:
        if doc["open"] and role in SIGNING_ROLES and role not in doc["accepted"]:
            doc["accepted"].append(role)

    store().change(code, edit)


def set_name(code: str, role: str, name: str) -> None:
    def edit(doc: dict[str, Any]) -> None:
        doc["names"][role] = clean_text(name, 40)

    store().change(code, edit)


def role_view(code: str, role: str, t: Translator) -> None:
    room = store().get(code)
    if room is None:
        st.warning(t("game_bad_room"))
        return
    doc = room.doc
    st.subheader(t("game_you_are", role=t(f"game_role_{role}"), code=code))
    st.markdown(f"**{t('game_your_goal')}** {goal_text(role, doc, t)}")
    with st.form("game_name"):
        name = st.text_input(t("game_group_name"), max_chars=40)
        if st.form_submit_button(t("game_save_name")):
            set_name(code, role, name)
    role_live(code, role, t)
    st.markdown(f"#### {t('game_propose')}")
    _fill_form(code, doc["table"]["contract"])
    key = _FORM_KEY.format
    with st.form("game_propose"):
        values: dict[str, Any] = {}
        a, b = st.columns(2)
        values["price_per_outcome"] = a.number_input(
            t.label("price_per_outcome"),
            0.0,
            5e6,
            step=10_000.0,
            format="%.0f",
            key=key("price_per_outcome"),
        )
        values["difficulty"] = b.slider(
            t.label("difficulty"), 0.0, 1.0, step=0.05, key=key("difficulty")
        )
        values["payment_basis"] = a.radio(
            t.label("payment_basis"),
            ["every_outcome", "above_baseline"],
            format_func=lambda v: t(f"payment_basis_{v}"),
            key=key("payment_basis"),
        )
        values["success_threshold"] = b.slider(
            t.label("success_threshold"), 0.0, 1.0, step=0.05, key=key("success_threshold")
        )
        cap = a.number_input(
            t.label("payment_cap") + " (0 = —)",
            0.0,
            1e9,
            step=100_000.0,
            format="%.0f",
            key=key("payment_cap"),
        )
        values["payment_cap"] = cap or None
        values["guarantee_share"] = b.slider(
            t.label("guarantee_share"), 0.0, 1.0, step=0.05, key=key("guarantee_share")
        )
        values["provider_fee_at_risk"] = a.slider(
            t.label("provider_fee_at_risk"), 0.0, 1.0, step=0.05, key=key("provider_fee_at_risk")
        )
        message = st.text_input(t("game_message"), max_chars=200, key=key("message"))
        if st.form_submit_button(t("game_send_proposal"), disabled=not doc["open"], key=_FORM_SEND):
            try:
                propose(code, role, values, message)
            except (ScenarioError, KeyError):
                st.warning(t("game_bad_proposal"))


#: The proposal form's widgets have keys: a widget's id then stays the same when what is on
#: the table changes. (Without a key the id is made from the widget's arguments, the table's
#: value among them: a proposal by another group between drawing the form and sending it gave
#: the form's widgets new ids, and the server dropped what this group had typed for the
#: table's value — their proposal went out with the other group's terms.)
_FORM_KEY = "game_form_{}"
_FORM_SEND = "game_form_send"
_FORM_SHOWS = "game_form_shows"


def _fill_form(code: str, table: dict[str, Any]) -> None:
    """Start the proposal form from what is on the table, again whenever the table has changed
    since the form last took it, but never in the run of the form's own submit (the group's
    terms are read from it in that run)."""
    shows = f"{code}:{sorted(table.items())}"
    if st.session_state.get(_FORM_SHOWS) == shows or st.session_state.get(_FORM_SEND):
        return
    st.session_state[_FORM_SHOWS] = shows
    start = {
        "price_per_outcome": float(table["price_per_outcome"]),
        "difficulty": float(table["difficulty"]),
        "payment_basis": str(table["payment_basis"]),
        "success_threshold": float(table["success_threshold"]),
        "payment_cap": float(table["payment_cap"] or 0.0),
        "guarantee_share": float(table["guarantee_share"]),
        "provider_fee_at_risk": float(table["provider_fee_at_risk"]),
    }
    for lever, value in start.items():
        st.session_state[_FORM_KEY.format(lever)] = value


@st.fragment(run_every=REFRESH_SECONDS)
def role_live(code: str, role: str, t: Translator) -> None:
    doc = _room_now(code, t)
    if doc is None:
        return
    table = doc["table"]
    st.markdown(f"#### {t('game_on_table')}")
    st.caption(t("game_proposed_by", who=role_name(doc, table["by"], t), n=table["round"]))
    st.dataframe(contract_rows(table["contract"], t), hide_index=True, width="stretch")
    f = figures(doc, table["contract"])
    own = verdicts_of_figures(f, RedLines.from_dict(doc["lines"]))[role]  # type: ignore[index]
    line = figure_lines(doc, table["contract"], t)[list(ROLES).index(role)]  # type: ignore[arg-type]
    st.markdown(line)
    if own.signs:
        st.success(t("game_you_would_sign"))
    else:
        st.error(
            t("game_you_would_not_sign", why="; ".join(t(f"game_why_{r}") for r in own.reasons))
        )
    if doc.get("signed"):
        debrief(doc, t)
    if role in SIGNING_ROLES:
        if role in doc["accepted"]:
            st.caption(t("game_you_accepted"))
        elif st.button(t("game_accept"), disabled=not doc["open"], icon=":material/check:"):
            accept(code, role)
            st.rerun()


def page(s: Scenario, settings: dict[str, Any], t: Translator) -> None:
    raw_room = st.query_params.get("room")
    raw_role = st.query_params.get("role")
    if raw_room is None:
        lobby(s, settings, t)
        return
    code = parse_code(raw_room)
    role = parse_role(raw_role) if raw_role is not None else "facilitator"
    if code is None or role is None or store().get(code) is None:
        st.warning(t("game_bad_room"))
        lobby(s, settings, t)
        return
    if role == "facilitator":
        facilitator(code, t)
    else:
        role_view(code, role, t)
