"""AppTest of the game's screens (``ui.app.game``): the lobby, the facilitator's screen and
each group's, in both languages; the facilitator's red-line boxes; a group's moves counting only
as it saw them (an accept of the table it read, a proposal while the round is open)."""

from __future__ import annotations

import pytest

import ui.app.game
from sib_game.limits import ROOMS_PER_SESSION, Limit
from sib_game.room import Room
from sib_game.rules import ROLES, RedLineError, RedLines
from sib_model import Scenario
from tests._app import PAGES, button, sidebar_link, start, text_of
from tests.app._game import (
    _SECRETS,
    DA,
    EN,
    _goals_shown,
    _incomplete,
    _join,
    _key,
    _link,
    _move,
    _room,
    _seat,
    _stored,
)
from ui.spec import keys

pytestmark = [pytest.mark.apptest, pytest.mark.usefixtures("own_game_store")]

#: 5 % of the starters parked: 95 % served, which the provider's default 90 % accepts.
PARKING = Scenario(parked_share=0.05)


def _price(at, t=EN):
    """The proposal form's price box (a text box: "350,000" in English, "350.000" in Danish)."""
    [box] = [b for b in at.text_input if b.label == t.label("price_per_outcome")]
    return box


def _message(at, t=EN):
    [box] = [b for b in at.text_input if b.label == t("game_message")]
    return box


def _box(at, key: str, t=EN):
    found = [box for box in at.text_input if box.label == t(key)]
    assert found, (key, [box.label for box in at.text_input])
    return found[0]


def _save(at, boxes: dict[str, str], t=EN, test: str | None = None):
    for name, text in boxes.items():
        _box(at, f"game_line_{name}", t).input(text)
    if test is not None:
        [radio] = [r for r in at.radio if r.label == t("deal_test")]
        radio.set_value(test)
    button(at, "game_save_lines", t).click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


# --- every screen ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "da"])
@pytest.mark.parametrize("role", ["facilitator", "municipality", "investor", "provider", "state"])
def test_every_view_renders(lang, role):
    code = _room()
    at = start(_link(code, role, lang=lang), page="game")
    assert not at.exception
    text = text_of(at) + "\n".join(s.value for s in at.subheader)
    assert code in text
    assert ui.app.game.Translator(lang)("page_game") in text
    if role != "facilitator":
        assert ui.app.game.Translator(lang)("game_your_goal") in text


@pytest.mark.parametrize("lang", ["en", "da"])
@pytest.mark.parametrize("room", ["XXXXXXXXXXXX", "O0O0", "<script>", "K7Q", "AAAA"])
def test_bad_or_unknown_room_gives_a_short_message(lang, room):
    at = start({"room": room, "role": "investor", "lang": lang}, page="game")
    assert not at.exception
    expected = ui.app.game.Translator(lang)("game_bad_room")
    assert any(w.value == expected for w in at.warning)


def test_lobby_starts_a_room():
    at = start(page="game")
    button(at, "game_start").click().run()
    assert not at.exception
    code = at.query_params["room"]
    assert at.query_params["role"] == "facilitator"
    room = ui.app.game.store().get(code).room
    assert room.admits("facilitator", at.query_params["key"])
    assert EN("game_open_round") in [b.label for b in at.button]


def test_a_round_with_three_roles_updates_the_facilitator():
    code = _room()
    fac = start(_link(code, "facilitator"), page="game")
    button(fac, "game_open_round").click().run()
    assert _stored(code).open
    inv = start(_link(code, "investor"), page="game")
    inv.text_input[0].input("Team <b>Fond</b>")
    button(inv, "game_save_name").click().run()
    inv = start(_link(code, "investor"), page="game")
    _price(inv).input("350,000")
    _message(inv).input("Our offer")
    button(inv, "game_send_proposal").click().run()
    assert not inv.exception
    for role in ("municipality", "provider"):
        at = start(_link(code, role), page="game")
        button(at, "game_accept").click().run()
        assert not at.exception
    fac.run()
    text = text_of(fac)
    assert "Our offer" in text
    # The group's tag is escaped for markdown: shown as the characters typed, never as HTML.
    assert r"\<b\>Fond\</b\>" in text
    room = _stored(code)
    assert set(room.accepted) == {"investor", "municipality", "provider"}
    assert room.table.contract["price_per_outcome"] == 350_000.0
    button(fac, "game_close_round").click().run()
    assert _stored(code).signed.round == 1
    assert ui.app.game.Translator("en")("game_debrief") in text_of(fac)
    # Each party's debrief line sets its own figures against its own goal.
    debrief = [m.value for m in fac.markdown if f"— {EN('game_wanted')}:" in m.value]
    assert len(debrief) == 4
    for line, role in zip(debrief, ("Municipality", "Investor", "Provider", "State"), strict=True):
        assert f"**{role}" in line, line
        assert f"{EN('game_got')}: {role}:" in line, line


@pytest.mark.parametrize(
    ("role", "figures"),
    [
        ("municipality", "Municipality: expected net"),
        ("investor", "Investor: expected return"),
        ("provider", "Provider: own money at risk"),
        ("state", "State: saving in the state's own budget"),
    ],
)
def test_each_group_sees_its_own_figures(role, figures):
    code = _room()
    at = start(_link(code, role), page="game")
    shown = [
        m.value
        for m in at.markdown
        if m.value.startswith(("Municipality:", "Investor:", "Provider:", "State:"))
    ]
    assert len(shown) == 1, shown
    assert shown[0].startswith(figures), shown


def test_the_sidebar_link_to_a_game_view_hands_out_no_room_or_role():
    code = _room()
    at = start(_link(code, "facilitator"), page="game")
    shared = sidebar_link(at)
    assert "/game" in shared
    assert "room=" not in shared
    assert "role=" not in shared
    assert "key=" not in shared
    assert _SECRETS[code] not in shared
    assert at.query_params["room"] == code  # the address bar keeps the room
    assert at.query_params["key"] == _SECRETS[code]  # and the secret, whole


def _propose_directly(code: str, role: str, price: float) -> None:
    """Another group's proposal, made in its own session (here: straight into the store)."""
    table = _stored(code).table.contract
    ui.app.game.propose(_seat(code, role), {**table, "price_per_outcome": price}, "")


def test_a_proposal_keeps_its_terms_when_another_group_proposed_meanwhile():
    """The investor's form was drawn, then the municipality put 225,000 on the table; the
    investor's 350,000 must still be what goes out (found by the load test: the form's
    widgets had ids made from the table's values, and the server dropped what was typed)."""
    code = _room()
    _move(code, Room.open_round)
    investor = start(_link(code, "investor"), page="game")
    _propose_directly(code, "municipality", 225_000.0)
    _price(investor).input("350,000")
    _message(investor).input("Our offer")
    send = ui.app.game.Translator("en")("game_send_proposal")
    next(b for b in investor.button if b.label == send).click().run()
    assert not investor.exception
    last = _stored(code).proposals[-1]
    assert (last.role, last.contract["price_per_outcome"]) == ("investor", 350_000.0)
    assert last.message == "Our offer"


def test_the_form_starts_from_what_is_on_the_table_again_after_another_proposal():
    code = _room()
    _move(code, Room.open_round)
    provider = start(_link(code, "provider"), page="game")
    assert _stored(code).table.contract["price_per_outcome"] == 200_000.0
    assert _price(provider).value == "200,000"
    _propose_directly(code, "investor", 275_000.0)
    provider.run()
    assert _price(provider).value == "275,000"


@pytest.mark.parametrize("lang", ["en", "da"])
@pytest.mark.parametrize("role", ["municipality", "investor", "provider", "state"])
def test_each_group_sees_its_own_figures_and_no_other_in_both_languages(lang, role):
    """The line under the table is the group's own (it was its neighbour's in ROLES: the
    investor read the municipality's net and the municipality the investor's return)."""
    code = _room()
    room = _stored(code)
    t = ui.app.game.Translator(lang)
    lines = ui.app.game.figure_lines(room, room.table.contract, t)
    own_label = t(f"game_fig_{role}").split(":")[0]
    assert lines[role].startswith(own_label + ":")
    at = start(_link(code, role, lang=lang), page="game")
    shown = [m.value for m in at.markdown]
    assert lines[role] in shown
    assert not any(lines[other] in shown for other in ui.app.game.ROLES if other != role)


# --- the facilitator's red-line boxes ----------------------------------------------------------


def test_every_red_line_has_a_box():
    fields = set(RedLines.__dataclass_fields__)
    assert {name for boxes in ui.app.game.LINE_BOXES.values() for name, _ in boxes} == fields
    assert set(ui.app.game.LINE_BOXES) == set(ROLES)


def test_boxes_read_danish_and_english_and_name_what_they_cannot_read():
    texts = {
        "target_irr": "7,5",
        "max_loss": "25 %",
        "willingness_to_pay": "350.000 kr.",
        "max_provider_risk": "1.250.000",
        "min_served_share": "95",
        "min_state_saving": "0",
    }
    lines = ui.app.game.lines_from_boxes(texts, "wtp", "da")
    assert (lines.target_irr, lines.max_loss) == pytest.approx((0.075, 0.25))
    assert (lines.willingness_to_pay, lines.max_provider_risk) == (350_000.0, 1_250_000.0)
    assert lines.min_served_share == pytest.approx(0.95)
    english = {**texts, "target_irr": "7.5", "willingness_to_pay": "350,000"}
    english |= {"max_provider_risk": "1,250,000"}
    assert ui.app.game.lines_from_boxes(english, "wtp", "en") == lines
    # Under the net test the willingness to pay is not read at all.
    assert ui.app.game.lines_from_boxes({**texts, "willingness_to_pay": "?"}, "net", "da") == (
        RedLines(**{**lines.to_dict(), "willingness_to_pay": None})
    )
    with pytest.raises(RedLineError) as error:
        ui.app.game.lines_from_boxes({**texts, "max_loss": "lots", "target_irr": "45"}, "net", "da")
    assert error.value.fields == ("target_irr", "max_loss")


@pytest.mark.parametrize(
    ("value", "unit", "da", "en"),
    [
        (500_000.0, "money", "500.000", "500,000"),
        (0.05, "percent", "5", "5"),
        (0.125, "percent", "12,5", "12.5"),
        (0.0725, "percent", "7,25", "7.25"),
    ],
)
def test_a_box_shows_its_line_as_the_language_writes_it(value, unit, da, en):
    assert ui.app.game.line_text(value, unit, DA) == da
    assert ui.app.game.line_text(value, unit, EN) == en
    assert ui.app.game.read_line(da, unit, "da") == pytest.approx(value)


def test_the_facilitator_raises_the_served_share_and_the_provider_refuses():
    code = _room(PARKING)
    provider = start(_link(code, "provider"), page="game")
    assert provider.success[0].value == EN("game_you_would_sign")

    fac = start(_link(code, "facilitator"), page="game")
    _save(fac, {"min_served_share": "97"})
    assert fac.success[0].value == EN("game_lines_saved")
    assert _stored(code).lines.min_served_share == pytest.approx(0.97)
    # The facilitator's verdicts follow at once.
    assert f"**Provider**: would not sign — {EN('game_why_parked')}" in text_of(fac)

    provider.run()
    assert "at least 97% of the citizens" in text_of(provider)
    assert provider.error[0].value == EN("game_you_would_not_sign", why=EN("game_why_parked"))


def test_danish_boxes_set_the_investors_and_municipalitys_lines():
    code = _room(PARKING)
    fac = start(_link(code, "facilitator", lang="da"), page="game")
    assert _box(fac, "game_line_max_provider_risk", DA).value == "500.000"
    _save(fac, {"target_irr": "12,5", "willingness_to_pay": "300.000"}, DA, test="wtp")
    lines = _stored(code).lines
    assert (lines.target_irr, lines.willingness_to_pay) == (0.125, 300_000.0)

    investor = start(_link(code, "investor", lang="da"), page="game")
    assert "mindst 12,5 %" in text_of(investor)
    municipality = start(_link(code, "municipality", lang="da"), page="game")
    assert "Betal højst 300.000 kr. pr. ekstra effekt." in text_of(municipality)


def test_bad_boxes_are_refused_with_a_message_and_the_room_is_unchanged():
    code = _room(PARKING)
    before = ui.app.game.store().get(code)
    fac = start(_link(code, "facilitator"), page="game")
    _save(fac, {"max_loss": "lots", "min_served_share": "150", "max_provider_risk": "5e9"})
    [message] = [e.value for e in fac.error]
    assert message.startswith("The red lines were not saved (the room is unchanged)")
    for label, rest in [
        ("Highest chance of loss (%)", "from 0% to 100%"),
        ("Most own money at risk (DKK)", "from DKK 0 to DKK 100,000,000"),
        ("Fewest citizens served (% of starters)", "from 0% to 100%"),
    ]:
        assert f"{label} must be a number {rest}" in message
    assert "Lowest expected return" not in message
    after = ui.app.game.store().get(code)
    assert after == before
    assert not fac.success


def test_while_a_round_is_open_the_lines_show_but_cannot_be_changed():
    code = _room(PARKING)
    fac = start(_link(code, "facilitator"), page="game")
    button(fac, "game_open_round").click().run()
    assert EN("game_red_lines_locked") in text_of(fac)
    assert EN("game_save_lines") not in [b.label for b in fac.button]
    assert "at least 90% of the citizens" in text_of(fac)
    button(fac, "game_close_round").click().run()
    _save(fac, {"min_state_saving": "1.000.000"}, EN)
    assert fac.error  # "1.000.000" is not an English number
    _save(fac, {"min_state_saving": "1,000,000"}, EN)
    assert _stored(code).lines.min_state_saving == 1_000_000.0
    state = start(_link(code, "state"), page="game")
    assert "at least DKK 1,000,000" in text_of(state)


# --- a group accepts what it saw -------------------------------------------------------------


def test_an_accept_is_refused_when_the_table_changed_since_it_was_drawn():
    code = _room(PARKING)
    _move(code, Room.open_round)
    investor = start(_link(code, "investor"), page="game")
    # While the investor reads, the municipality puts a lower price on the table.
    ui.app.game.propose(_seat(code, "municipality"), {"price_per_outcome": 100_000.0}, "cheaper")
    button(investor, "game_accept").click().run()
    assert investor.warning[0].value == EN("game_table_changed")
    assert _stored(code).accepted == ("municipality",)
    # Now it has seen the new table: the click counts.
    button(investor, "game_accept").click().run()
    assert _stored(code).accepted == ("municipality", "investor")
    assert not investor.warning


def test_a_proposal_after_the_round_closed_is_not_put_on_the_table():
    code = _room(PARKING)
    _move(code, Room.open_round)
    municipality = start(_link(code, "municipality"), page="game")
    _move(code, Room.close_round)  # while the group types
    # The click's run reads the closed room: the button is off, nothing is sent.
    button(municipality, "game_send_proposal").click().run()
    assert button(municipality, "game_send_proposal").disabled
    assert EN("game_status_closed", n=1) in [i.value for i in municipality.info]
    # And a proposal that reaches the room after it closed is refused, not stored.
    late = {"price_per_outcome": 1.0}
    assert not ui.app.game.propose(_seat(code, "municipality"), late, "late")
    assert _stored(code).proposals == ()


def test_a_proposal_shows_on_the_proposers_own_table_at_once():
    code = _room(PARKING)
    _move(code, Room.open_round)
    investor = start(_link(code, "investor"), page="game")
    _price(investor).input("420000")
    button(investor, "game_send_proposal").click().run()
    assert "Proposed by Investor in round 1" in text_of(investor)
    assert EN("game_you_accepted") in text_of(investor)


# --- who a link lets in ----------------------------------------------------------------------

#: The facilitator's controls: none may show on any screen but the facilitator's.
FACILITATOR_CONTROLS = (
    "game_open_round",
    "game_close_round",
    "game_save_lines",
    "game_new_link",
    "game_close_room",
)


def _controls(at) -> list[str]:
    labels = {b.label for b in at.button}
    return [key for key in FACILITATOR_CONTROLS if EN(key) in labels]


@pytest.mark.parametrize(
    "link",
    [
        pytest.param(lambda code: {"room": code}, id="bare room link"),
        pytest.param(lambda code: {"room": code, "role": "facilitator"}, id="no key"),
        pytest.param(
            lambda code: {"room": code, "role": "facilitator", "key": _key(code, "investor")},
            id="a group's key with the role edited to facilitator",
        ),
        pytest.param(
            lambda code: {"room": code, "role": "investor", "key": _key(code, "municipality")},
            id="another group's key",
        ),
        pytest.param(
            lambda code: {"room": code, "role": "facilitator", "key": "A" * 22}, id="wrong key"
        ),
        pytest.param(
            lambda code: {"room": code, "role": "admin", "key": _key(code, "facilitator")},
            id="an unknown role",
        ),
    ],
)
def test_an_incomplete_link_shows_the_lobby_and_nothing_of_the_room(link):
    code = _room(PARKING)
    at = start(link(code), page="game")
    assert _incomplete(at)
    assert _controls(at) == []
    assert _goals_shown(at, code) == []
    assert code not in "\n".join(s.value for s in at.subheader)


@pytest.mark.parametrize("role", ["municipality", "investor", "provider", "state"])
def test_a_groups_link_shows_its_own_red_lines_and_no_control_of_the_facilitator(role):
    code = _room(PARKING)
    at = start(_link(code, role), page="game")
    assert not _incomplete(at)
    assert _controls(at) == []
    assert _goals_shown(at, code) == [role]


def test_the_facilitators_link_opens_the_facilitators_screen_with_every_groups_link():
    code = _room(PARKING)
    fac = start(_link(code, "facilitator"), page="game")
    assert set(_controls(fac)) == {
        "game_open_round",
        "game_close_round",
        "game_save_lines",
        "game_new_link",
        "game_close_room",
    }
    shown = [c.value for c in fac.code]
    for role in ROLES:
        assert any(f"room={code}&role={role}&key={_key(code, role)}" in link for link in shown)
    assert not any(_SECRETS[code] in link for link in shown)  # its own secret is not listed
    images = [e for e in fac.main if getattr(e, "type", "") == "image"]
    assert len(images) == len(ROLES)  # a QR code beside each link


def test_a_fresh_link_revokes_the_old_one_even_in_a_tab_already_open():
    code = _room(PARKING)
    old = _link(code, "investor")
    investor = start(old, page="game")
    assert _goals_shown(investor, code) == ["investor"]
    fac = start(_link(code, "facilitator"), page="game")
    fac.button(key=keys.game_new_link("investor")).click().run()
    assert not fac.exception
    assert EN("game_new_link_done", role=EN("game_role_investor")) in [s.value for s in fac.success]
    assert _key(code, "investor") != old["key"]
    # The open tab's next refresh finds its link revoked: the lobby, nothing of the room.
    investor.run()
    assert _incomplete(investor)
    assert _goals_shown(investor, code) == []
    # The old link opens nothing; the new one opens the investor's screen.
    assert _incomplete(start(old, page="game"))
    assert _goals_shown(start(_link(code, "investor"), page="game"), code) == ["investor"]


def test_a_revoked_links_moves_are_refused():
    code = _room(PARKING)
    seat = _seat(code, "investor")
    _move(code, Room.open_round)
    _move(code, lambda room: room.reissued("investor", _SECRETS[code]))
    assert not ui.app.game.propose(seat, {"price_per_outcome": 1.0}, "late")
    assert not ui.app.game.accept(seat, _stored(code).table)
    assert _stored(code).proposals == ()


def test_joining_from_the_lobby_takes_the_groups_link_and_no_choice_of_role():
    code = _room(PARKING)
    lobby = start(page="game")
    assert not lobby.main.selectbox  # no role to choose
    _join(lobby, f"http://example.org/game?room={code}&role=investor")
    assert EN("game_link_incomplete") in [w.value for w in lobby.warning]
    assert _goals_shown(lobby, code) == []
    _join(lobby, f"http://example.org/game?room={code}&role=investor&key={_key(code, 'investor')}")
    assert lobby.query_params["role"] == "investor"
    assert _goals_shown(lobby, code) == ["investor"]


def test_the_facilitator_closes_the_room_and_every_link_stops_working():
    code = _room(PARKING)
    group = _link(code, "provider")
    fac = start(_link(code, "facilitator"), page="game")
    assert button(fac, "game_close_room").disabled  # not before the confirmation
    fac.checkbox(key=keys.GAME_CLOSE_SURE).check().run()
    button(fac, "game_close_room").click().run()
    assert not fac.exception
    assert ui.app.game.store().get(code) is None
    assert EN("game_room_closed") in [i.value for i in fac.info]
    assert "room" not in fac.query_params
    at = start(group, page="game")
    assert EN("game_bad_room") in [w.value for w in at.warning]


# --- limits ----------------------------------------------------------------------------------


def _start_room(address: str, monkeypatch) -> object:
    """A new session from ``address`` that clicks "Start a new room"."""
    monkeypatch.setattr(ui.app.game, "client", lambda: address)
    at = start(page="game")
    button(at, "game_start").click().run()
    assert not at.exception
    return at


def test_a_session_over_its_room_limit_is_told_so_and_makes_no_room(monkeypatch):
    monkeypatch.setattr(ui.app.game, "client", lambda: "198.51.100.1")
    at = start(page="game")
    for _ in range(ROOMS_PER_SESSION.events):
        button(at, "game_start").click().run()
        at.query_params.clear()  # back to the lobby, as "Start a new room" again would be
        at.run()
    assert ui.app.game.store().count() == ROOMS_PER_SESSION.events
    button(at, "game_start").click().run()
    limit = EN("game_limit_rooms", n=ROOMS_PER_SESSION.events, minutes=10)
    assert limit in [e.value for e in at.error]
    assert ui.app.game.store().count() == ROOMS_PER_SESSION.events
    assert "room" not in at.query_params


def test_another_client_still_starts_a_room_while_one_is_over_its_limit(monkeypatch):
    small = Limit("rooms_per_client", 2, 600, "client", "a smaller limit for the test")
    monkeypatch.setattr(ui.app.game, "ROOMS_PER_CLIENT", small)
    for _ in range(2):
        assert "room" in _start_room("198.51.100.1", monkeypatch).query_params
    refused = _start_room("198.51.100.1", monkeypatch)  # a new tab of the same address
    assert EN("game_limit_rooms", n=2, minutes=10) in [e.value for e in refused.error]
    assert "room" not in refused.query_params
    other = _start_room("203.0.113.7", monkeypatch)
    assert not other.error
    assert other.query_params["role"] == "facilitator"


def test_wrong_links_are_limited_and_then_not_even_a_right_link_is_looked_at(monkeypatch):
    small = Limit("wrong_links_per_session", 3, 600, "session", "a smaller limit for the test")
    monkeypatch.setattr(ui.app.game, "WRONG_LINKS_PER_SESSION", small)
    monkeypatch.setattr(ui.app.game, "client", lambda: "198.51.100.1")
    code = _room(PARKING)
    at = start(page="game")
    for attempt in range(3):
        _join(at, f"?room={code}&role=facilitator&key=guess{attempt}")
        assert EN("game_link_incomplete") in [w.value for w in at.warning]
    _join(at, f"?room={code}&role=investor&key={_key(code, 'investor')}")
    assert EN("game_limit_links", minutes=10) in [e.value for e in at.error]
    assert _goals_shown(at, code) == []
    # Another client is not held up by it.
    monkeypatch.setattr(ui.app.game, "client", lambda: "203.0.113.7")
    assert _goals_shown(start(_link(code, "investor"), page="game"), code) == ["investor"]


def test_a_wrong_link_left_in_the_address_bar_counts_once():
    code = _room(PARKING)
    at = start({"room": code, "role": "investor", "key": "wrong"}, page="game")
    for _ in range(15):  # the page drawn again and again (sidebar moves, language, …)
        at.run()
    assert EN("game_link_incomplete") in [w.value for w in at.warning]
    assert not at.error


def _leave_for(at, page: str):
    """Another page, as the browser goes there: the room's link is left behind."""
    at.switch_page(PAGES[page]).run()
    for name in ("room", "role", "key"):
        at.query_params.pop(name, None)
    return at


@pytest.mark.parametrize("role", ["facilitator", "investor"])
def test_a_screen_left_for_another_page_is_one_button_away(role):
    code = _room()
    at = start(_link(code, role), page="game")
    _leave_for(at, "explorer")
    at.switch_page(PAGES["game"]).run()
    back = EN("game_back_to_room", code=code, role=EN(f"game_role_{role}"))
    [button_back] = [b for b in at.button if b.label == back]
    button_back.click().run()
    assert not at.exception
    assert (at.query_params["room"], at.query_params["role"]) == (code, role)
    assert at.query_params["key"] == _key(code, role)
    assert back not in [b.label for b in at.button]  # on the room's screen now


def test_a_closed_room_offers_no_way_back():
    code = _room()
    at = start(_link(code, "investor"), page="game")
    _leave_for(at, "method")
    ui.app.game.store().delete(code)  # the facilitator closed the room meanwhile
    at.switch_page(PAGES["game"]).run()
    assert not any(b.label.startswith("Back to room") for b in at.button)
    assert keys.GAME_LAST_SEAT not in at.session_state
