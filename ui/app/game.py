"""The negotiation game's screens: lobby, facilitator, each role, debrief.

Only screens: a room and every move of the game are :mod:`sib_game.room`'s (a frozen
:class:`~sib_game.room.Room` whose methods return the next room), rooms are kept by
:mod:`sib_game.store` (shared by every session), who would sign by :mod:`sib_game.rules`. A
click here reads the room, asks it for the next one through :meth:`GameStore.change`, and draws
what came back. Every text a group types is escaped where shown.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from typing import Any, Literal
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import streamlit as st

from sib_game.access import join_code, read_join_code
from sib_game.limits import (
    ROOMS_PER_CLIENT,
    ROOMS_PER_SESSION,
    WRONG_LINKS_PER_CLIENT,
    WRONG_LINKS_PER_SESSION,
    Limit,
    client_address,
    rate_limits_on,
)
from sib_game.room import (
    MAX_NAME,
    MAX_TEXT,
    Contract,
    NotAdmitted,
    Proposer,
    Refused,
    Room,
    RoundClosed,
    Table,
    clean_text,
)
from sib_game.rules import (
    LEVERS,
    RED_LINE_LIMITS,
    ROLES,
    SIGNING_ROLES,
    RedLineError,
    RedLines,
    Role,
    apply_contract,
    checked_red_lines,
    role_figures,
    verdicts_of_figures,
)
from sib_game.store import GameStore, StoreFull, parse_code, parse_role
from sib_model import Scenario
from sib_model.scenario import ScenarioError
from ui.app import results
from ui.app.layout import show_chart
from ui.export.share import is_local, qr_png
from ui.spec import keys
from ui.spec.pages import GAME_PAGE
from ui.spec.result_types import DealTerms
from ui.text.numbers import parse_number, without_trailing_zeros
from ui.text.translator import Translator
from ui.words.link_messages import markdown_text

REFRESH_SECONDS = 3
#: A role's QR code on the facilitator's screen (CSS px): a phone held near the screen reads
#: it, and the same block fits a phone's width.
QR_WIDTH = 220
# Streamlit's own icon font (served with the app), not emoji: a projector's or a kiosk's
# browser may have no colour-emoji font and would show empty boxes.
_SIGNS = ":green[:material/check_circle:]"
_REFUSES = ":red[:material/cancel:]"
_WARNS = ":orange[:material/warning:]"


@cache
def store() -> GameStore:
    """The server's one room store (``SIB_GAME_DATABASE_URL``, else the SQLite file of
    ``SIB_GAME_DB``, else the default path)."""
    return GameStore()


def reset_store() -> None:
    """Forget the store (tests point ``SIB_GAME_DB`` at a new file)."""
    store.cache_clear()


# Bounded: every contract a group proposes is a new entry, and a server lives through many
# games (an entry is its two JSON keys, about 1 kB, and seven floats: 512 stay under 1 MB).
@lru_cache(maxsize=512)
def _figures(base_items: str, contract_items: str) -> dict[str, float]:
    base = Scenario.from_dict(json.loads(base_items))
    return role_figures(apply_contract(base, json.loads(contract_items)))


def figures(room: Room, contract: Contract) -> dict[str, float]:
    """Each role's figures under ``contract`` on the room's base scenario (cached)."""
    base = json.dumps(room.base.to_dict(), sort_keys=True)
    return _figures(base, json.dumps(contract, sort_keys=True))


def in_room(page_url: str) -> bool:
    """True when page ``page_url`` is a screen of a game room (the link names a room): the
    sidebar's scenario does not change the room there, so its headline sliders are not put
    on top of the page for phones (:func:`ui.app.sidebar.render_phone_sliders`)."""
    return page_url == GAME_PAGE and st.query_params.get("room") is not None


def esc(text: object) -> str:
    """A user's text made safe for markdown: cleaned, and every markdown and HTML character
    escaped, so a link (``[x](javascript:…)``), a colour directive (``:red[…]``) or a tag
    reads as the characters typed (HTML-escaping alone left markdown links live)."""
    return markdown_text(clean_text(text))


def role_name(room: Room, role: Proposer, t: Translator) -> str:
    """A role's name with its group's own name, if it gave one: "Investor (Team Fond)"."""
    name = room.names.get(role) if role != "facilitator" else None
    return t(f"game_role_{role}") + (f" ({esc(name)})" if name else "")


def _app_root() -> str:
    """The app's address as the browser sees it (:func:`ui.app.state.app_root`, the one the
    Share page's link starts with)."""
    from ui.app import state

    return state.app_root()


def link(code: str, role: str, token: str, lang: str) -> str:
    """The link that opens ``role``'s screen of room ``code``: its secret rides along as
    ``key`` (:mod:`sib_game.access`)."""
    tail = "" if lang == "en" else f"&lang={lang}"
    return f"{_app_root()}/game?room={code}&role={role}&key={token}{tail}"


@dataclass(frozen=True)
class Seat:
    """Who this screen is: the room's code, the role the link names and the link's secret.
    Every move a screen makes goes through :func:`_moved`, which checks the secret in the
    same write (a link revoked meanwhile moves nothing)."""

    code: str
    role: Proposer
    key: str


def seat_of(room_param: object, role_param: object, key_param: object) -> Seat | None:
    """The seat a link asks for, if the room exists and the link's ``key`` is the secret of
    the role it names; None for a bare room link, an edited role, a wrong or old secret. A
    link without ``role`` is never the facilitator's."""
    code = parse_code(room_param)
    role = parse_role(role_param)
    if code is None or role is None or not isinstance(key_param, str):
        return None
    stored = store().get(code)
    if stored is None or not stored.room.admits(role, key_param):
        return None
    return Seat(code, role, key_param)


def client() -> str:
    """This session's client address, as the limits count it
    (:func:`sib_game.limits.client_address`: behind nginx, the address nginx saw)."""
    forwarded = st.context.headers.get("X-Forwarded-For")
    return client_address(forwarded, st.context.ip_address)


def _session_id() -> str:
    """A random id of this browser session, for the limits counted per session."""
    if keys.GAME_SESSION not in st.session_state:
        st.session_state[keys.GAME_SESSION] = secrets.token_hex(8)
    return str(st.session_state[keys.GAME_SESSION])


def _buckets(kind: str, per_session: Limit, per_client: Limit) -> list[tuple[str, Limit]]:
    """The two counters an action of ``kind`` is limited by: this session's and this
    client address's (none when the limits are switched off for a load test)."""
    if not rate_limits_on():
        return []
    return [
        (f"{kind}:session:{_session_id()}", per_session),
        (f"{kind}:client:{client()}", per_client),
    ]


def _wrong_links() -> list[tuple[str, Limit]]:
    return _buckets("wrong_link", WRONG_LINKS_PER_SESSION, WRONG_LINKS_PER_CLIENT)


def _checked_seat(room_param: object, role_param: object, key_param: object) -> Seat | Limit | None:
    """The seat a link opens; None when it opens nothing; the wrong-link limit this session
    or address has reached (then the link is not even looked at). A link that opens nothing
    is counted once per session (a page drawn again with the same link in the address bar is
    not a new try)."""
    reached = store().over(_wrong_links())
    if reached is not None:
        return reached
    seat = seat_of(room_param, role_param, key_param)
    if seat is not None:
        return seat
    tried = repr((room_param, role_param, key_param))[:200]
    if st.session_state.get(keys.GAME_LINK_FAILED) != tried:
        st.session_state[keys.GAME_LINK_FAILED] = tried
        store().record(_wrong_links())
    return None


def link_params(text: str) -> tuple[str | None, str | None, str | None]:
    """The room, role and key of a role link pasted in the lobby (the whole link, or just
    its query)."""
    query = parse_qs(urlsplit(text.strip()).query or text.strip().lstrip("?"))
    room, role, key = (query.get(name, [None])[0] for name in ("room", "role", "key"))
    return room, role, key


def join_params(text: str) -> tuple[str | None, str | None, str | None]:
    """The room, role and key of what a group typed in the lobby: its link (or the link's
    query, :func:`link_params`), or its join code (:func:`sib_game.access.read_join_code`),
    whose role is the group whose secret it spells (None when it spells no group's)."""
    room, role, key = link_params(text)
    if room is not None:
        return room, role, key
    found = read_join_code(text.strip())
    if found is None:
        return None, None, None
    typed_code, key = found
    code = parse_code(typed_code)
    stored = None if code is None else store().get(code)
    if stored is None:
        return typed_code, None, key
    return typed_code, next((r for r in ROLES if stored.room.admits(r, key)), None), key


def _limit_message(limit: Limit, t: Translator) -> str:
    """What the reader is told when ``limit`` is reached."""
    if limit in (ROOMS_PER_SESSION, ROOMS_PER_CLIENT):
        return t("game_limit_rooms", n=limit.events, minutes=limit.minutes)
    return t("game_limit_links", minutes=limit.minutes)


def _go_to(seat: Seat) -> None:
    """Put ``seat`` into the address bar and draw its screen."""
    st.query_params["room"] = seat.code
    st.query_params["role"] = seat.role
    st.query_params["key"] = seat.key
    st.rerun()


# --- screens ---------------------------------------------------------------------------


def _way_back(t: Translator) -> None:
    """A button back to the room this session last had open, while its link still opens it.

    Moving to another page (the facilitator showing the Explorer, a group reading the Method)
    leaves the room's link behind in the address bar; without this the screen was lost to
    whoever had not kept the link. The seat is checked again as a link would be (a closed
    room, or a secret issued afresh meanwhile, offers nothing)."""
    remembered = st.session_state.get(keys.GAME_LAST_SEAT)
    if not isinstance(remembered, tuple) or len(remembered) != 3:
        return
    seat = seat_of(*remembered)
    if seat is None:
        st.session_state.pop(keys.GAME_LAST_SEAT, None)
        return
    label = t("game_back_to_room", code=seat.code, role=t(f"game_role_{seat.role}"))
    if st.button(label, icon=":material/undo:", help=t("game_back_to_room_help")):
        _go_to(seat)


def lobby(s: Scenario, settings: dict[str, Any], t: Translator) -> None:
    """Start a room on the sidebar's scenario, or join one with the link or join code the
    facilitator gave the group (either names the role: there is no choosing one)."""
    st.markdown(t("game_intro"))
    _way_back(t)
    if st.button(t("game_start"), type="primary", icon=":material/add:"):
        reached = store().take(_buckets("rooms", ROOMS_PER_SESSION, ROOMS_PER_CLIENT))
        if reached is not None:
            st.error(_limit_message(reached, t))
            return
        room, token = Room.with_secrets(s, settings)
        try:
            stored = store().create(room)
        except StoreFull:
            st.error(t("game_full"))
            return
        _go_to(Seat(stored.code, "facilitator", token))
    with st.form("game_join"):
        pasted = st.text_input(t("game_join_link"), max_chars=400)
        if st.form_submit_button(t("game_join")):
            seat = _checked_seat(*join_params(pasted))
            if isinstance(seat, Seat):
                _go_to(seat)
            elif seat is None:
                st.warning(t("game_link_incomplete"))
            else:
                st.error(_limit_message(seat, t))


def contract_table(contract: Contract, t: Translator) -> pd.DataFrame:
    """The contract as a two-column table, terms as its index: ``st.table`` wraps long
    values ("Every outcome") where a narrow ``st.dataframe`` column would cut them off."""
    return pd.DataFrame(contract_rows(contract, t)).set_index(t("game_lever"))


def contract_rows(contract: Contract, t: Translator) -> list[dict[str, str]]:
    """One row per lever: its label and its value as the reader writes it."""
    return [
        {t("game_lever"): t.label(name), t("game_value"): lever_text(name, contract.get(name), t)}
        for name in LEVERS
    ]


#: Levers proposed as an amount in kroner (typed in a box), with the largest amount a box takes.
MONEY_LEVERS: dict[str, float] = {"price_per_outcome": 5e6, "payment_cap": 1e9}
#: Levers proposed on a slider from 0 to 1 in steps of this size.
SLIDER_STEP = 0.05


def lever_text(name: str, value: object, t: Translator) -> str:
    """A lever's value as the table and the proposal form both write it: "200.000 kr.",
    "0,50" (the target group's difficulty), "12,5 %" (a share, with the decimals it has),
    "Every outcome", "—" for no cap. One function, so a group reads on the slider what it
    will read on the table."""
    if name == "payment_basis":
        return t(f"payment_basis_{value}")
    if value is None:
        return "—"
    number = float(value)  # type: ignore[arg-type]  # a lever's value: a number here
    if name in MONEY_LEVERS:
        return t.fmt.money(number)
    if name == "difficulty":
        digits = next((d for d in (2, 3) if abs(number - round(number, d)) < 1e-9), 4)
        return t.fmt.number(number, digits)
    return line_percent(number, t)


def slider_options(current: object) -> list[float]:
    """A lever slider's values: 0 to 1 in :data:`SLIDER_STEP` steps, and what is on the table
    when it lies between them (a scenario's 0,47 is shown as it is)."""
    options = [round(k * SLIDER_STEP, 6) for k in range(round(1 / SLIDER_STEP) + 1)]
    if isinstance(current, float | int) and 0 <= current <= 1 and current not in options:
        options = sorted({*options, float(current)})
    return options


def money_text(value: float | None, lang: str) -> str:
    """An amount as a proposal box shows it: grouped the language's way ("200.000" /
    "200,000"), empty for none (no cap)."""
    return "" if value is None else Translator(lang).fmt.number(value, 0)


def table_caption(room: Room, table: Table, t: Translator) -> str:
    """Where the table's contract came from: the room's starting terms (round 0: nobody
    proposed them), or the group that proposed it and in which round."""
    if table.round == 0:
        return t("game_starting_terms")
    return t("game_proposed_by", who=role_name(room, table.by, t), n=table.round)


def verdict_lines(room: Room, contract: Contract, t: Translator) -> str:
    """Whether each role would sign ``contract``, and why not (the facilitator's list)."""
    found = verdicts_of_figures(figures(room, contract), room.lines)
    out = []
    for role in ROLES:
        v = found[role]
        mark = _SIGNS if v.signs else _REFUSES
        why = "; ".join(t(f"game_why_{reason}") for reason in v.reasons)
        verb = t("game_would_sign") if v.signs else t("game_would_not_sign")
        out.append(
            f"- {mark} **{role_name(room, role, t)}**: {verb}" + (f" — {why}" if why else "")
        )
    return "\n".join(out)


def figure_lines(room: Room, contract: Contract, t: Translator) -> dict[Role, str]:
    """Each role's figures under ``contract`` (what its red lines are checked on), by role
    in the order of :data:`ROLES`: a role's line is looked up by its name, never by place."""
    f = figures(room, contract)
    fmt = t.fmt
    return {
        "municipality": t(
            "game_fig_municipality",
            net=fmt.money(f["municipality_net"]),
            cost=fmt.money(f["cost_per_additional_outcome"]),
        ),
        "investor": t(
            "game_fig_investor",
            irr=fmt.percent(f["investor_irr"]),
            loss=fmt.percent(f["probability_of_loss"]),
        ),
        "provider": t(
            "game_fig_provider",
            risk=fmt.money(f["provider_risk"]),
            served=fmt.percent(f["served_share"]),
        ),
        "state": t("game_fig_state", saving=fmt.money(f["state_saving"])),
    }


def line_percent(value: float, t: Translator) -> str:
    """A red line's share with the decimals it has (up to two): "12,5 %", not "13 %" — a
    group must read the line it was given, not a rounding of it."""
    digits = next((d for d in (0, 1) if abs(value * 100 - round(value * 100, d)) < 1e-9), 2)
    return t.fmt.percent(value, digits)


def goal_text(role: Role, lines: RedLines, t: Translator) -> str:
    """What ``role`` wants under ``lines``, as its group reads it."""
    fmt = t.fmt
    if role == "investor":
        return t(
            "game_goal_investor",
            irr=line_percent(lines.target_irr, t),
            loss=line_percent(lines.max_loss, t),
        )
    if role == "municipality":
        if lines.willingness_to_pay is None:
            return t("game_goal_municipality_net")
        return t("game_goal_municipality_wtp", wtp=fmt.money(lines.willingness_to_pay))
    if role == "provider":
        return t(
            "game_goal_provider",
            risk=fmt.money(lines.max_provider_risk),
            served=line_percent(lines.min_served_share, t),
        )
    return t("game_goal_state", saving=fmt.money(lines.min_state_saving))


# --- red lines -------------------------------------------------------------------------

LineUnit = Literal["percent", "money"]
#: The facilitator's red-line boxes, role by role: the line and the unit its box reads in
#: (a share is typed as a percentage, "12,5"; money as kroner, "500.000").
LINE_BOXES: dict[str, tuple[tuple[str, LineUnit], ...]] = {
    "municipality": (("willingness_to_pay", "money"),),
    "investor": (("target_irr", "percent"), ("max_loss", "percent")),
    "provider": (("max_provider_risk", "money"), ("min_served_share", "percent")),
    "state": (("min_state_saving", "money"),),
}
_UNITS: dict[str, LineUnit] = {name: unit for boxes in LINE_BOXES.values() for name, unit in boxes}


def line_text(value: float, unit: LineUnit, t: Translator) -> str:
    """A red line as its box shows it, in the page's language: kroner grouped ("500.000"),
    a share as a percentage with at most two decimals and no trailing zeros ("12,5")."""
    if unit == "money":
        return t.fmt.number(value, 0)
    return without_trailing_zeros(t.fmt.number(value * 100, 2), t.lang)


def read_line(text: str, unit: LineUnit, lang: str) -> float | None:
    """The red line typed in a box (Danish or English; a "%" or "kr." is ignored), in the
    line's own unit (a fraction for a percentage), or None when it is not a number."""
    value = parse_number(text.replace("%", ""), lang)
    if value is None:
        return None
    return value / 100 if unit == "percent" else value


def lines_from_boxes(texts: dict[str, str], test: str, lang: str) -> RedLines:
    """The red lines a facilitator typed (``texts`` by line; ``test`` is the municipality's:
    ``"net"`` or ``"wtp"``). Raises :class:`RedLineError` naming every box that is not a
    number in its range; the willingness to pay is only read under the ``"wtp"`` test."""
    values: dict[str, Any] = {}
    unreadable: list[str] = []
    for name, unit in _UNITS.items():
        if name == "willingness_to_pay" and test != "wtp":
            values[name] = None
            continue
        value = read_line(texts.get(name, ""), unit, lang)
        if value is None:
            unreadable.append(name)
        else:
            values[name] = value
    try:
        lines = checked_red_lines(values)
    except RedLineError as error:
        unreadable.extend(error.fields)
    if unreadable:
        raise RedLineError(tuple(name for name in _UNITS if name in unreadable))
    return lines


def line_problems(error: RedLineError, t: Translator) -> str:
    """What is wrong with the boxes ``error`` names, with each box's range."""
    problems = []
    for name in error.fields:
        lo, hi = RED_LINE_LIMITS[name]
        show = t.fmt.money if _UNITS[name] == "money" else t.fmt.percent
        problems.append(
            t("game_line_range", label=t(f"game_line_{name}"), lo=show(lo), hi=show(hi))
        )
    return "; ".join(problems)


def _moved(seat: Seat, move: Callable[[Room], Room]) -> bool:
    """``move`` (a function from the room to the next one) made by ``seat`` through the
    store: True when it counted, False when the room refused it
    (:class:`~sib_game.room.Refused`; :class:`~sib_game.room.NotAdmitted` when the seat's
    secret no longer opens the room). The secret is checked in the same write."""
    try:
        store().change(seat.code, lambda room: move(room.entered(seat.role, seat.key)))
    except Refused:
        return False
    return True


def set_lines(seat: Seat, lines: RedLines) -> bool:
    """Store ``lines`` in the room unless a round is open (checked in the same write, so a
    round opened from another tab meanwhile wins); True when stored."""
    return _moved(seat, lambda room: room.with_lines(lines))


def red_lines_editor(seat: Seat, room: Room, t: Translator) -> None:
    """The facilitator's red lines of every role: a form while no round is open, each role's
    goal (what its group sees) while one is."""
    lines = room.lines
    with st.expander(t("game_red_lines"), expanded=False, icon=":material/tune:"):
        if room.open:
            st.caption(t("game_red_lines_locked"))
            for role in ROLES:
                st.markdown(f"- **{t(f'game_role_{role}')}**: {goal_text(role, lines, t)}")
            return
        st.caption(t("game_red_lines_intro"))
        wtp = lines.willingness_to_pay
        if wtp is None:
            wtp = float(room.base.public_savings_per_outcome)
        current = {**lines.to_dict(), "willingness_to_pay": wtp}
        texts: dict[str, str] = {}
        test = "net" if lines.willingness_to_pay is None else "wtp"
        with st.form("game_red_lines"):
            columns = st.columns(len(LINE_BOXES))
            for column, (party, boxes) in zip(columns, LINE_BOXES.items(), strict=True):
                column.markdown(f"**{t(f'game_role_{party}')}**")
                if party == "municipality":
                    test = column.radio(
                        t("deal_test"),
                        ["net", "wtp"],
                        index=0 if test == "net" else 1,
                        format_func=lambda choice: t(f"deal_test_{choice}"),
                    )
                for name, unit in boxes:
                    texts[name] = column.text_input(
                        t(f"game_line_{name}"), line_text(float(current[name]), unit, t)
                    )
            if st.form_submit_button(t("game_save_lines"), icon=":material/save:"):
                try:
                    new = lines_from_boxes(texts, str(test), t.lang)
                except RedLineError as error:
                    st.error(t("game_lines_invalid", problems=line_problems(error, t)))
                    return
                if set_lines(seat, new):
                    st.success(t("game_lines_saved"))
                else:
                    st.warning(t("game_red_lines_locked"))


def round_status(room: Room, t: Translator) -> str:
    """The round's state in one line: signed, open or closed, with its number."""
    if room.signed is not None:
        return t("game_status_signed", n=room.signed.round)
    if room.open:
        return t("game_status_open", n=room.round)
    return t("game_status_closed", n=room.round)


def facilitator(seat: Seat, t: Translator) -> None:
    """The facilitator's screen: the round's buttons, the links, the red lines, the room."""
    stored = store().get(seat.code)
    if stored is None:
        st.warning(t("game_bad_room"))
        return
    room = stored.room
    st.subheader(t("game_room", code=seat.code))
    st.caption(t("game_room_scenario"))
    # The round's buttons first, side by side: on a projector's first screen, whatever the
    # expanders below hold (the links are open before the first round).
    with st.container(horizontal=True):
        if st.button(t("game_open_round"), disabled=room.open, icon=":material/play_arrow:"):
            _moved(seat, Room.open_round)
            st.rerun()
        if st.button(t("game_close_round"), disabled=not room.open, icon=":material/stop:"):
            _moved(seat, Room.close_round)
            st.rerun()
    role_links(seat, room, t)
    red_lines_editor(seat, room, t)
    close_room(seat, t)
    facilitator_live(seat, t)


def role_links(seat: Seat, room: Room, t: Translator) -> None:
    """Each group's link as a QR code the facilitator shows that group, as text and as a join
    code to type (for a laptop without a camera), with a button that issues the group a fresh
    link (the old one stops opening the room: for a link that went to the wrong group). A
    warning when the links point to this computer (localhost), which no group's device
    reaches, as on the Share page."""
    root = _app_root()
    with st.expander(t("game_links"), expanded=room.round == 0):
        st.caption(t("game_links_private"))
        if is_local(root):
            st.warning(t("share_localhost"), icon=":material/warning:")
        st.markdown(
            t(
                "game_join_by_code",
                address=esc(f"{root}/game"),
                join=t("game_join_link"),
                code=seat.code,
            )
        )
        for role in ROLES:
            token = room.link_token(role, seat.key)
            url = link(seat.code, role, token, t.lang)
            name = t(f"game_role_{role}")
            with st.container(border=True, key=keys.game_role_link(role)):
                st.markdown(f"**{name}**")
                qr, text = st.columns([2, 3])
                qr.image(
                    qr_png(url, scale=8),
                    caption=t("game_qr_caption", role=name),
                    alt=t("game_qr_alt", role=name, code=seat.code),
                    width=QR_WIDTH,
                    output_format="PNG",
                )
                text.code(url, language=None, wrap_lines=True)
                text.markdown(t("game_join_code", code=f"`{join_code(seat.code, token)}`"))
                if text.button(
                    t("game_new_link"),
                    key=keys.game_new_link(role),
                    icon=":material/autorenew:",
                    help=t("game_new_link_help"),
                ):
                    _moved(seat, partial(Room.reissued, role=role, facilitator_token=seat.key))
                    st.session_state[keys.GAME_LINK_REISSUED] = role
                    st.rerun()
        reissued = st.session_state.pop(keys.GAME_LINK_REISSUED, None)
        if reissued in ROLES:
            st.success(t("game_new_link_done", role=t(f"game_role_{reissued}")))


def close_room(seat: Seat, t: Translator) -> None:
    """Close the room for everyone (every link stops working), after a confirmation."""
    with st.expander(t("game_close_room"), icon=":material/lock:"):
        sure = st.checkbox(t("game_close_room_sure"), key=keys.GAME_CLOSE_SURE)
        if st.button(t("game_close_room"), disabled=not sure, type="primary"):
            stored = store().get(seat.code)
            if stored is not None and stored.room.admits("facilitator", seat.key):
                store().delete(seat.code)
            for name in ("room", "role", "key"):
                st.query_params.pop(name, None)
            st.session_state[keys.GAME_ROOM_CLOSED] = True
            st.rerun()


def _room_now(seat: Seat, t: Translator) -> Room | None:
    """The room as it is now, with the round's status shown; None (and a short message) when
    the room has gone (expired, or removed). When the seat's link no longer opens the room
    (a fresh link was issued), the whole page is drawn again: it then shows the lobby."""
    stored = store().get(seat.code)
    if stored is None:
        st.warning(t("game_bad_room"))
        return None
    if not stored.room.admits(seat.role, seat.key):
        st.rerun()
    st.info(round_status(stored.room, t))
    return stored.room


@st.fragment(run_every=REFRESH_SECONDS)
def facilitator_live(seat: Seat, t: Translator) -> None:
    """The facilitator's view of the room, refreshed every few seconds: the table, who would
    sign it, the proposals, the debrief and the deal zone."""
    room = _room_now(seat, t)
    if room is None:
        return
    table = room.table
    left, right = st.columns([2, 3])
    with left:
        st.markdown(f"#### {t('game_on_table')}")
        st.caption(table_caption(room, table, t))
        st.table(contract_table(table.contract, t))
        accepted = ", ".join(role_name(room, r, t) for r in room.accepted) or "—"
        st.markdown(t("game_accepted_by", who=accepted))
    with right:
        st.markdown(f"#### {t('game_who_signs')}")
        st.markdown(verdict_lines(room, table.contract, t))
        per_role = figure_lines(room, table.contract, t).values()
        st.markdown("\n".join(f"- {line}" for line in per_role))
    if room.signed is not None:
        debrief(room, t)
    st.markdown(f"#### {t('game_proposals')}")
    shown = list(reversed(room.proposals))[:10]
    if not shown:
        st.caption(t("game_no_proposals"))
    for p in shown:
        message = f": “{esc(p.message)}”" if p.message else ""
        st.markdown(f"- {t('game_round_n', n=p.round)} · **{role_name(room, p.role, t)}**{message}")
    lines = room.lines
    s = apply_contract(room.base, table.contract)
    terms = DealTerms(lines.target_irr, lines.max_loss, lines.willingness_to_pay)
    st.markdown(f"#### {t('game_deal_zone')}")
    show_chart(results.page_chart("deal_space_heatmap", s, t.lang, terms), "game_deal_space")


def debrief_lines(room: Room, t: Translator) -> list[str]:
    """The signed deal against what each party wanted: one line per role.

    Judged by the red lines in force when the deal was signed: the facilitator may change
    them for a next round, and that must not rewrite how the signed deal scored."""
    deal = room.signed
    assert deal is not None, "a debrief needs a signed deal"
    found = verdicts_of_figures(figures(room, deal.contract), deal.lines)
    return [
        f"- {_SIGNS if found[role].signs else _WARNS} **{role_name(room, role, t)}** — "
        f"{t('game_wanted')}: {goal_text(role, deal.lines, t)} {t('game_got')}: {line}"
        for role, line in figure_lines(room, deal.contract, t).items()
    ]


def debrief(room: Room, t: Translator) -> None:
    """The signed deal against what each party wanted."""
    st.markdown(f"### {t('game_debrief')}")
    for line in debrief_lines(room, t):
        st.markdown(line)


def _group(seat: Seat) -> Role:
    """The role of a group's seat (never the facilitator's)."""
    assert seat.role != "facilitator", "a group's screen"
    return seat.role


def propose(seat: Seat, contract: Contract, message: str) -> bool:
    """Put the seat's contract on the table (True), unless no round is open or its link no
    longer opens the room (False); raises ``ScenarioError`` for terms the scenario refuses."""
    role = _group(seat)
    try:
        store().change(
            seat.code,
            lambda room: room.entered(role, seat.key).propose(role, contract, message),
        )
    except (RoundClosed, NotAdmitted):
        return False
    return True


def accept(seat: Seat, seen: Table) -> bool:
    """The seat's group accepts the table it saw (``seen``, as its screen drew it); False
    when the room refused (:meth:`Room.accept <sib_game.room.Room.accept>` says why)."""
    return _moved(seat, lambda room: room.accept(_group(seat), seen))


def _accept_clicked(seat: Seat, seen: Table) -> None:
    """The accept button's callback: a refusal is shown once, in the run it causes."""
    if not accept(seat, seen):
        st.session_state[keys.GAME_ACCEPT_REFUSED] = True


def set_name(seat: Seat, name: str) -> None:
    """Call the seat's group ``name`` in the room."""
    _moved(seat, lambda room: room.named(_group(seat), name))


def role_view(seat: Seat, t: Translator) -> None:
    """A group's screen: its name, the room as it sees it, and the proposal form."""
    role = _group(seat)
    stored = store().get(seat.code)
    if stored is None:
        st.warning(t("game_bad_room"))
        return
    room = stored.room
    st.subheader(t("game_you_are", role=t(f"game_role_{role}"), code=seat.code))
    st.session_state[keys.GAME_DRAWN_OPEN] = room.open
    with st.form("game_name"):
        name = st.text_input(t("game_group_name"), max_chars=MAX_NAME)
        if st.form_submit_button(t("game_save_name")):
            set_name(seat, name)
    role_live(seat, t)
    st.markdown(f"#### {t('game_propose')}")
    _fill_form(seat.code, room.table.contract, t.lang)
    with st.form("game_propose"):
        texts = _proposal_widgets(t)
        message = st.text_input(
            t("game_message"), max_chars=MAX_TEXT, key=keys.game_form("message")
        )
        send = st.form_submit_button(
            t("game_send_proposal"), disabled=not room.open, key=keys.GAME_FORM_SEND
        )
        if send:
            values = _read_proposal(texts, t)
            if isinstance(values, str):
                st.warning(values)
                return
            try:
                placed = propose(seat, values, message)
            except (ScenarioError, KeyError):
                st.warning(t("game_bad_proposal"))
            else:
                if placed:
                    # Drawn again at once, so the group sees its own proposal on the table
                    # (the table above was drawn before this form was read).
                    st.rerun()
                st.warning(t("game_round_closed_proposal"))


def _proposal_widgets(t: Translator) -> dict[str, Any]:
    """The proposal form's widgets, in the table's order, two to a row (a phone stacks them
    row by row: the same order again). Amounts are text boxes written the language's way
    ("200.000"), shares and the difficulty select sliders that read as the table does ("25 %",
    "0,50"; Streamlit's own slider writes "0.25" in every language). Returns what each holds
    (an amount as its text, read by :func:`_read_proposal`)."""
    key = keys.game_form
    got: dict[str, Any] = {}
    for pair in (LEVERS[i : i + 2] for i in range(0, len(LEVERS), 2)):
        for column, name in zip(st.columns(2), pair, strict=False):
            label = t.label(name)
            if name in MONEY_LEVERS:
                got[name] = column.text_input(
                    label,
                    key=key(name),
                    placeholder="—" if name == "payment_cap" else None,
                    help=t("game_cap_help") if name == "payment_cap" else None,
                )
            elif name == "payment_basis":
                got[name] = column.radio(
                    label,
                    ["every_outcome", "above_baseline"],
                    format_func=lambda v: t(f"payment_basis_{v}"),
                    key=key(name),
                )
            else:
                got[name] = column.select_slider(
                    label,
                    slider_options(st.session_state.get(key(name))),
                    format_func=partial(lever_text, name, t=t),
                    key=key(name),
                )
    return got


def _read_proposal(texts: dict[str, Any], t: Translator) -> Contract | str:
    """The contract the form holds, its amounts read the way the page's language writes them
    (Danish "200.000" or "200000"; no cap when the cap's box is empty or 0); or what to tell
    the group when an amount is not a number in its box's range."""
    values: Contract = dict(texts)
    for name, top in MONEY_LEVERS.items():
        text = str(texts.get(name) or "").replace("—", "").strip()
        amount = 0.0 if not text and name == "payment_cap" else parse_number(text, t.lang)
        if amount is None or not 0 <= amount <= top:
            return t("game_line_range", label=t.label(name), lo=t.fmt.money(0), hi=t.fmt.money(top))
        values[name] = amount
    values["payment_cap"] = values["payment_cap"] or None
    return values


def _fill_form(code: str, table: Contract, lang: str) -> None:
    """Start the proposal form from what is on the table, again whenever the table has changed
    since the form last took it, but never in the run of the form's own submit (the group's
    terms are read from it in that run). When only the page's language changed, the amounts
    typed so far are written again the new language's way ("200.000" read as Danish is
    "200,000" in English, not 200).

    The form's widgets have keys (:func:`ui.spec.keys.game_form`): a widget's id then stays
    the same when what is on the table changes. (Without a key the id is made from the
    widget's arguments, the table's value among them: a proposal by another group between
    drawing the form and sending it gave the form's widgets new ids, and the server dropped
    what this group had typed for the table's value — their proposal went out with the other
    group's terms.)"""
    if st.session_state.get(keys.GAME_FORM_SEND):
        return
    shows = f"{code}:{sorted(table.items())}"
    written_in = st.session_state.get(keys.GAME_FORM_LANG, lang)
    st.session_state[keys.GAME_FORM_LANG] = lang
    if st.session_state.get(keys.GAME_FORM_SHOWS) == shows:
        if written_in != lang:
            for name in MONEY_LEVERS:
                typed = str(st.session_state.get(keys.game_form(name), ""))
                amount = parse_number(typed, written_in)
                if amount is not None:
                    st.session_state[keys.game_form(name)] = money_text(amount, lang)
        return
    st.session_state[keys.GAME_FORM_SHOWS] = shows
    for name in LEVERS:
        value = table.get(name)
        if name in MONEY_LEVERS:
            start: object = money_text(None if value is None else float(value), lang)
        elif name == "payment_basis":
            start = str(value)
        else:
            start = float(value)  # type: ignore[arg-type]  # a share or the difficulty
        st.session_state[keys.game_form(name)] = start


@st.fragment(run_every=REFRESH_SECONDS)
def role_live(seat: Seat, t: Translator) -> None:
    """A group's view of the room, refreshed every few seconds: its goal (its own red lines,
    no other group's), the table, its own figures and verdict, the debrief, and the accept
    button."""
    role = _group(seat)
    room = _room_now(seat, t)
    if room is None:
        return
    if room.open != st.session_state.get(keys.GAME_DRAWN_OPEN, room.open):
        # The facilitator opened or closed a round since the proposal form (outside this
        # fragment) was drawn: draw it again, or its button would stay as it was.
        st.rerun()
    # Here, not above the name box: the facilitator may change the red lines between rounds.
    st.markdown(f"**{t('game_your_goal')}** {goal_text(role, room.lines, t)}")
    table = room.table
    st.markdown(f"#### {t('game_on_table')}")
    st.caption(table_caption(room, table, t))
    st.table(contract_table(table.contract, t))
    own = verdicts_of_figures(figures(room, table.contract), room.lines)[role]
    st.markdown(figure_lines(room, table.contract, t)[role])
    if own.signs:
        st.success(t("game_you_would_sign"))
    else:
        st.error(
            t("game_you_would_not_sign", why="; ".join(t(f"game_why_{r}") for r in own.reasons))
        )
    if room.signed is not None:
        debrief(room, t)
    if role in SIGNING_ROLES:
        if role in room.accepted:
            st.caption(t("game_you_accepted"))
        else:
            # The table goes with the button as it is drawn now, so the click accepts what
            # this screen shows (a callback's arguments are bound when the button is drawn).
            st.button(
                t("game_accept"),
                disabled=not room.open,
                icon=":material/check:",
                on_click=_accept_clicked,
                args=(seat, table),
            )
        if st.session_state.pop(keys.GAME_ACCEPT_REFUSED, False):
            st.warning(t("game_table_changed"))


def page(s: Scenario, settings: dict[str, Any], t: Translator) -> None:
    """The game page: the lobby, or the screen the link's room, role and secret open.

    A link opens a screen only with the secret of the role it names: a bare room link, an
    edited role or a wrong or old secret says the link is incomplete and shows the lobby, never
    the facilitator's screen or another group's red lines."""
    if st.session_state.pop(keys.GAME_ROOM_CLOSED, False):
        st.info(t("game_room_closed"))
    raw_room = st.query_params.get("room")
    if raw_room is None:
        lobby(s, settings, t)
        return
    seat = _checked_seat(raw_room, st.query_params.get("role"), st.query_params.get("key"))
    if not isinstance(seat, Seat):
        if seat is not None:
            st.error(_limit_message(seat, t))
        elif (code := parse_code(raw_room)) is None or store().get(code) is None:
            st.warning(t("game_bad_room"))
        else:
            st.warning(t("game_link_incomplete"))
        lobby(s, settings, t)
        return
    st.session_state[keys.GAME_LAST_SEAT] = (seat.code, seat.role, seat.key)
    if seat.role == "facilitator":
        facilitator(seat, t)
    else:
        role_view(seat, t)
