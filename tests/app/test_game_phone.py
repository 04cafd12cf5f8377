"""AppTest of a group's page as a participant's phone shows it (issue 20, item 6): no headline
sliders on top (they do not change the room), proposal inputs that read like the table on the
table ("25 %", "0,50", "200.000"), and the room's starting terms named as such, not as a
proposal of the facilitator in round 0."""

from __future__ import annotations

import pytest

import ui.app.game
from sib_game.room import Room
from sib_game.rules import LEVERS
from tests._app import button, start, text_of
from tests.app._game import (
    DA,
    EN,
    _link,
    _move,
    _room,
    _seat,
    _stored,
)
from ui.spec import keys

pytestmark = [pytest.mark.apptest, pytest.mark.usefixtures("own_game_store")]

#: The proposal form's sliders: shares and the target group's difficulty.
SLIDER_LEVERS = ("difficulty", "success_threshold", "guarantee_share", "provider_fee_at_risk")
#: A room whose starting terms have a share and a difficulty between the form's steps.
UNEVEN = ui.app.game.Scenario(difficulty=0.47, guarantee_share=0.125, price_per_outcome=187_500)


def _lang(t) -> dict[str, str]:
    return {"lang": "da"} if t.lang == "da" else {}


def _phone(at):
    """``at`` drawn again as on a phone (what the viewport probe reports on a narrow window)."""
    at.session_state[keys.NARROW_SCREEN] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _headline_sliders_on_top(at) -> list[str]:
    widgets = [*at.main.select_slider, *at.main.slider]
    return [w.key for w in widgets if (w.key or "").startswith("phone_")]


def _table(at, t) -> dict[str, str]:
    """The table "On the table" as the page shows it: each term's label → its value's text."""
    frame = at.table[0].value
    return {label: str(frame.loc[label].iloc[0]) for label in frame.index}


def _slider(at, name: str, t):
    [found] = [w for w in at.main.select_slider if w.label == t.label(name)]
    return found


def _text_box(at, label: str):
    [found] = [w for w in at.main.text_input if w.label == label]
    return found


# --- the headline sliders ---------------------------------------------------------------------


@pytest.mark.parametrize("role", ["investor", "state", "facilitator"])
def test_a_rooms_phone_page_has_no_headline_sliders_on_top(role):
    code = _room()
    at = _phone(start(_link(code, role, lang="da"), "game"))
    assert _headline_sliders_on_top(at) == []
    # The sidebar's (a drawer on a phone) say they are not the room's.
    assert DA("sidebar_not_the_room") in [i.value for i in at.sidebar.info]


def test_the_lobby_and_other_pages_keep_them_for_phones():
    """The lobby starts a room on the sidebar's scenario: there the sliders matter."""
    lobby = _phone(start(page="game"))
    assert len(_headline_sliders_on_top(lobby)) == 3
    assert EN("sidebar_not_the_room") not in [i.value for i in lobby.sidebar.info]
    explorer = _phone(start(page="explorer"))
    assert len(_headline_sliders_on_top(explorer)) == 3


# --- the proposal form reads like the table ---------------------------------------------------


@pytest.mark.parametrize("t", [EN, DA], ids=["en", "da"])
@pytest.mark.parametrize("base", [None, UNEVEN], ids=["default", "between steps"])
def test_proposal_inputs_show_what_the_table_shows(t, base):
    code = _room(base)
    at = start(_link(code, "investor", **_lang(t)), "game")
    table = _table(at, t)
    contract = _stored(code).table.contract
    for name in SLIDER_LEVERS:
        slider = _slider(at, name, t)
        assert slider.value == contract[name]
        assert slider.format_func(slider.value) == table[t.label(name)], name
    price = _text_box(at, t.label("price_per_outcome"))
    assert price.value == t.fmt.number(contract["price_per_outcome"], 0)
    assert table[t.label("price_per_outcome")] == t.fmt.money(contract["price_per_outcome"])
    assert price.value in table[t.label("price_per_outcome")]
    cap = _text_box(at, t.label("payment_cap"))
    assert (cap.value, table[t.label("payment_cap")]) == ("", "—")


def test_in_danish_no_slider_writes_a_decimal_point_or_a_share_as_a_fraction():
    code = _room(UNEVEN)
    at = start(_link(code, "investor", lang="da"), "game")
    for name in SLIDER_LEVERS:
        options = _slider(at, name, DA).options
        assert not any("." in option for option in options), (name, options)
        if name == "difficulty":
            assert {"0,00", "0,47", "0,50", "1,00"} <= set(options)
        else:
            assert all(option.endswith(" %") for option in options), (name, options)
    assert "12,5 %" in _slider(at, "guarantee_share", DA).options
    assert _text_box(at, DA.label("price_per_outcome")).value == "187.500"


def test_a_danish_proposal_is_read_the_danish_way():
    code = _room()
    _move(code, Room.open_round)
    at = start(_link(code, "investor", lang="da"), "game")
    _text_box(at, DA.label("price_per_outcome")).input("350.000")
    _text_box(at, DA.label("payment_cap")).input("1.500.000")
    _slider(at, "guarantee_share", DA).set_value(0.25)
    _slider(at, "difficulty", DA).set_value(0.7)
    button(at, "game_send_proposal", DA).click().run()
    assert not at.exception
    proposed = _stored(code).proposals[-1].contract
    assert proposed["price_per_outcome"] == 350_000.0
    assert proposed["payment_cap"] == 1_500_000.0
    assert (proposed["guarantee_share"], proposed["difficulty"]) == (0.25, 0.7)
    # And the table writes it back the same way as the form did.
    table = _table(at, DA)
    assert table[DA.label("guarantee_share")] == "25 %"
    assert table[DA.label("difficulty")] == "0,70"
    assert table[DA.label("price_per_outcome")] == "350.000 kr."


@pytest.mark.parametrize("typed", ["abc", "-5", "99.999.999.999"])
def test_an_amount_that_is_not_one_is_refused_and_says_why(typed):
    code = _room()
    _move(code, Room.open_round)
    at = start(_link(code, "investor", lang="da"), "game")
    _text_box(at, DA.label("price_per_outcome")).input(typed)
    button(at, "game_send_proposal", DA).click().run()
    assert not at.exception
    assert _stored(code).proposals == ()
    [warning] = at.warning
    assert DA.label("price_per_outcome") in warning.value


def test_amounts_are_written_again_when_the_language_changes():
    """ "350.000" in a Danish box reads 350 in English: on a change of language the amounts
    are written again the new language's way, never read the old one's. (What the form held
    when it was last sent; a form's edits not yet sent stay in the browser until then.)"""
    code = _room()
    _move(code, Room.open_round)
    at = start(_link(code, "investor", lang="da"), "game")
    _text_box(at, DA.label("price_per_outcome")).input("350.000")
    _text_box(at, DA.label("payment_cap")).input("ingen")  # refused: nothing goes out
    button(at, "game_send_proposal", DA).click().run()
    assert _stored(code).proposals == ()
    at.sidebar.radio(key=keys.LANG).set_value("en").run()
    assert not at.exception
    assert _text_box(at, EN.label("price_per_outcome")).value == "350,000"
    _text_box(at, EN.label("payment_cap")).input("")
    button(at, "game_send_proposal").click().run()
    assert _stored(code).proposals[-1].contract["price_per_outcome"] == 350_000.0


def test_every_lever_is_in_the_form_in_the_tables_order():
    code = _room()
    at = start(_link(code, "investor"), "game")
    price = EN.label("price_per_outcome")
    form = next(
        f
        for f in at.main
        if getattr(f, "type", "") == "form" and any(getattr(w, "label", "") == price for w in f)
    )
    labels = [getattr(w, "label", None) for w in form]
    inputs = [label for label in labels if label in {EN.label(name) for name in LEVERS}]
    assert inputs == [EN.label(name) for name in LEVERS]


# --- the starting terms -----------------------------------------------------------------------


@pytest.mark.parametrize("t", [EN, DA], ids=["en", "da"])
@pytest.mark.parametrize("role", ["investor", "facilitator"])
def test_the_starting_terms_are_called_so_not_a_facilitators_proposal(t, role):
    code = _room()
    at = start(_link(code, role, **_lang(t)), "game")
    captions = [c.value for c in at.caption]
    assert t("game_starting_terms") in captions
    assert not any(t("game_role_facilitator") in c for c in captions)
    assert t("game_proposed_by", who=t("game_role_facilitator"), n=0) not in text_of(at)
    # Once a group proposes, the table says who and when.
    _move(code, Room.open_round)
    ui.app.game.propose(_seat(code, "provider"), dict(_stored(code).table.contract), "")
    at.run()
    expected = t("game_proposed_by", who=t("game_role_provider"), n=1)
    assert expected in [c.value for c in at.caption]
    assert t("game_starting_terms") not in [c.value for c in at.caption]
