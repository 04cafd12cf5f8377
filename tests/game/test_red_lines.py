"""The facilitator sets every role's red lines: checked, stored in the room, read by the
verdicts and shown to each group as its goal; and a group's moves count only as it saw them
(an accept of the table it read, a proposal while the round is open)."""

from __future__ import annotations

import math

import pytest

import ui.app.game
from sib_game.rules import (
    RED_LINE_LIMITS,
    ROLES,
    RedLineError,
    RedLines,
    checked_red_lines,
    verdicts,
)
from sib_model import Scenario
from tests._app import start, text_of
from tests.game.test_game_app import button

EN = ui.app.game.Translator("en")
DA = ui.app.game.Translator("da")
#: 5 % of the starters parked: 95 % served, which the provider's default 90 % accepts.
PARKING = Scenario(parked_share=0.05)


def _room(base: Scenario = PARKING) -> str:
    return ui.app.game.store().create(ui.app.game.new_doc(base, {})).code


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


# --- the rules ------------------------------------------------------------------------------


def test_raising_the_served_share_makes_the_provider_refuse_a_parked_contract():
    assert verdicts(PARKING, RedLines())["provider"].signs  # 95 % served ≥ 90 %
    stricter = checked_red_lines({"min_served_share": 0.97})
    assert verdicts(PARKING, stricter)["provider"].reasons == ("parked",)


@pytest.mark.parametrize(
    ("values", "bad"),
    [
        ({"target_irr": 0.31}, ("target_irr",)),
        ({"max_loss": -0.01, "min_served_share": 1.5}, ("max_loss", "min_served_share")),
        ({"max_provider_risk": math.nan}, ("max_provider_risk",)),
        ({"min_state_saving": math.inf}, ("min_state_saving",)),
        ({"willingness_to_pay": "300000"}, ("willingness_to_pay",)),
        ({"target_irr": True}, ("target_irr",)),
        ({"max_loss": None}, ("max_loss",)),
    ],
)
def test_red_lines_outside_their_range_are_named(values, bad):
    with pytest.raises(RedLineError) as error:
        checked_red_lines(values)
    assert error.value.fields == bad


def test_every_red_line_has_a_range_and_a_box():
    fields = set(RedLines.__dataclass_fields__)
    assert set(RED_LINE_LIMITS) == fields
    assert {name for boxes in ui.app.game.LINE_BOXES.values() for name, _ in boxes} == fields
    assert set(ui.app.game.LINE_BOXES) == set(ROLES)


def test_red_lines_in_range_and_a_missing_willingness_to_pay():
    lines = checked_red_lines({"target_irr": 0.3, "max_loss": 0, "willingness_to_pay": None})
    assert lines == RedLines(target_irr=0.3, max_loss=0.0, willingness_to_pay=None)
    assert isinstance(lines.max_loss, float)


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


def test_lines_are_not_changed_while_a_round_is_open():
    code = _room()
    ui.app.game.store().change(code, ui.app.game._open_round)
    assert not ui.app.game.set_lines(code, RedLines(min_served_share=0.5))
    assert ui.app.game.store().get(code).doc["lines"]["min_served_share"] == 0.9
    ui.app.game.store().change(code, ui.app.game._close_round)
    assert ui.app.game.set_lines(code, RedLines(min_served_share=0.5))
    assert ui.app.game.store().get(code).doc["lines"]["min_served_share"] == 0.5


def test_a_signed_deal_keeps_the_red_lines_it_was_signed_under():
    """Lines changed for a next round do not rewrite how the signed deal scored."""
    code = _room()
    ui.app.game.store().change(code, ui.app.game._open_round)
    for role in ("municipality", "investor", "provider"):
        ui.app.game.store().change(code, lambda doc, role=role: doc["accepted"].append(role))
    ui.app.game.store().change(code, ui.app.game._close_round)
    t = ui.app.game.Translator("en")
    before = ui.app.game.debrief_lines(ui.app.game.store().get(code).doc, t)
    assert ui.app.game.set_lines(code, RedLines(target_irr=0.3, min_served_share=0.99))
    doc = ui.app.game.store().get(code).doc
    assert ui.app.game.debrief_lines(doc, t) == before
    assert doc["signed"]["lines"]["target_irr"] != doc["lines"]["target_irr"]


# --- the facilitator's form and the groups' views ------------------------------------------------


def test_the_facilitator_raises_the_served_share_and_the_provider_refuses():
    code = _room()
    provider = start({"room": code, "role": "provider"}, page="game")
    assert provider.success[0].value == EN("game_you_would_sign")

    fac = start({"room": code, "role": "facilitator"}, page="game")
    _save(fac, {"min_served_share": "97"})
    assert fac.success[0].value == EN("game_lines_saved")
    assert ui.app.game.store().get(code).doc["lines"]["min_served_share"] == pytest.approx(0.97)
    # The facilitator's verdicts follow at once.
    assert f"**Provider**: would not sign — {EN('game_why_parked')}" in text_of(fac)

    provider.run()
    assert "at least 97% of the citizens" in text_of(provider)
    assert provider.error[0].value == EN("game_you_would_not_sign", why=EN("game_why_parked"))


def test_danish_boxes_set_the_investors_and_municipalitys_lines():
    code = _room()
    fac = start({"room": code, "role": "facilitator", "lang": "da"}, page="game")
    assert _box(fac, "game_line_max_provider_risk", DA).value == "500.000"
    _save(fac, {"target_irr": "12,5", "willingness_to_pay": "300.000"}, DA, test="wtp")
    lines = RedLines.from_dict(ui.app.game.store().get(code).doc["lines"])
    assert (lines.target_irr, lines.willingness_to_pay) == (0.125, 300_000.0)

    investor = start({"room": code, "role": "investor", "lang": "da"}, page="game")
    assert "mindst 12,5 %" in text_of(investor)
    municipality = start({"room": code, "role": "municipality", "lang": "da"}, page="game")
    assert "Betal højst 300.000 kr. pr. ekstra effekt." in text_of(municipality)


def test_bad_boxes_are_refused_with_a_message_and_the_room_is_unchanged():
    code = _room()
    before = ui.app.game.store().get(code)
    fac = start({"room": code, "role": "facilitator"}, page="game")
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
    assert (after.version, after.doc) == (before.version, before.doc)
    assert not fac.success


def test_while_a_round_is_open_the_lines_show_but_cannot_be_changed():
    code = _room()
    fac = start({"room": code, "role": "facilitator"}, page="game")
    button(fac, "game_open_round").click().run()
    assert EN("game_red_lines_locked") in text_of(fac)
    assert EN("game_save_lines") not in [b.label for b in fac.button]
    assert "at least 90% of the citizens" in text_of(fac)
    button(fac, "game_close_round").click().run()
    _save(fac, {"min_state_saving": "1.000.000"}, EN)
    assert fac.error  # "1.000.000" is not an English number
    _save(fac, {"min_state_saving": "1,000,000"}, EN)
    assert ui.app.game.store().get(code).doc["lines"]["min_state_saving"] == 1_000_000.0
    state = start({"room": code, "role": "state"}, page="game")
    assert "at least DKK 1,000,000" in text_of(state)


# --- a group accepts what it saw -------------------------------------------------------------


def test_an_accept_is_refused_when_the_table_changed_since_it_was_drawn():
    code = _room()
    ui.app.game.store().change(code, ui.app.game._open_round)
    investor = start({"room": code, "role": "investor"}, page="game")
    # While the investor reads, the municipality puts a lower price on the table.
    ui.app.game.propose(code, "municipality", {"price_per_outcome": 100_000.0}, "cheaper")
    button(investor, "game_accept").click().run()
    assert investor.warning[0].value == EN("game_table_changed")
    assert ui.app.game.store().get(code).doc["accepted"] == ["municipality"]
    # Now it has seen the new table: the click counts.
    button(investor, "game_accept").click().run()
    assert ui.app.game.store().get(code).doc["accepted"] == ["municipality", "investor"]
    assert not investor.warning


def test_a_proposal_after_the_round_closed_is_not_put_on_the_table():
    code = _room()
    ui.app.game.store().change(code, ui.app.game._open_round)
    municipality = start({"room": code, "role": "municipality"}, page="game")
    ui.app.game.store().change(code, ui.app.game._close_round)  # while the group types
    # The click's run reads the closed room: the button is off, nothing is sent.
    button(municipality, "game_send_proposal").click().run()
    assert button(municipality, "game_send_proposal").disabled
    assert EN("game_status_closed", n=1) in [i.value for i in municipality.info]
    # And a proposal that reaches the room after it closed is refused, not stored.
    assert not ui.app.game.propose(code, "municipality", {"price_per_outcome": 1.0}, "late")
    assert ui.app.game.store().get(code).doc["proposals"] == []


def test_a_proposal_shows_on_the_proposers_own_table_at_once():
    code = _room()
    ui.app.game.store().change(code, ui.app.game._open_round)
    investor = start({"room": code, "role": "investor"}, page="game")
    investor.number_input[0].set_value(420_000.0)
    button(investor, "game_send_proposal").click().run()
    assert "Proposed by Investor in round 1" in text_of(investor)
    assert EN("game_you_accepted") in text_of(investor)
