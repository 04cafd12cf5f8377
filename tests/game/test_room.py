"""A room and the moves of a game: each move a new room, or a refusal that changes nothing."""

from __future__ import annotations

import dataclasses
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sib_game.room import (
    MAX_NAME,
    MAX_PROPOSALS,
    LinesLocked,
    NotAdmitted,
    NotASigner,
    Room,
    RoundClosed,
    TableChanged,
)
from sib_game.rules import ROLES, SIGNING_ROLES, RedLines
from sib_model import Scenario
from sib_model.scenario import ScenarioError
from sib_model.workspace import DEFAULT_MAX_LOSS, DEFAULT_TARGET_IRR


def _open(base: Scenario | None = None) -> Room:
    return Room.new(base or Scenario()).open_round()


def _signed_by_all(room: Room) -> Room:
    for role in SIGNING_ROLES:
        room = room.accept(role, room.table)
    return room


# --- a new room ---------------------------------------------------------------------------


def test_a_new_room_puts_the_base_scenarios_terms_on_the_table_with_the_default_lines():
    room = Room.new(Scenario())
    assert (room.round, room.open, room.signed, room.accepted) == (0, False, None, ())
    assert room.table.by == "facilitator"
    assert room.table.round == 0
    assert room.table.contract["price_per_outcome"] == Scenario().price_per_outcome
    assert (room.lines.target_irr, room.lines.max_loss) == (DEFAULT_TARGET_IRR, DEFAULT_MAX_LOSS)
    assert room.lines.willingness_to_pay is None


def test_a_new_room_takes_the_deal_space_pages_terms():
    s = Scenario()
    room = Room.new(s, {"deal_target_irr": 0.08, "deal_max_loss": 0.1, "deal_test": "wtp"})
    assert (room.lines.target_irr, room.lines.max_loss) == (0.08, 0.1)
    # Under the willingness-to-pay test without a figure: the public saving per outcome.
    assert room.lines.willingness_to_pay == s.public_savings_per_outcome
    wtp = Room.new(s, {"deal_test": "wtp", "deal_wtp": 300_000.0}).lines.willingness_to_pay
    assert wtp == 300_000.0
    assert Room.new(s, {"deal_test": "net", "deal_wtp": 300_000.0}).lines.willingness_to_pay is None


# --- rounds ---------------------------------------------------------------------------------


def test_opening_a_round_numbers_it_and_a_second_click_changes_nothing():
    room = _open()
    assert (room.round, room.open) == (1, True)
    assert room.open_round() is room


def test_closing_a_round_with_all_signers_signs_the_table():
    room = _open().propose("investor", {"price_per_outcome": 350_000.0}, "our offer")
    room = _signed_by_all(room).close_round()
    assert not room.open
    assert room.signed is not None
    assert room.signed.round == 1
    assert room.signed.contract == room.table.contract
    assert room.signed.contract["price_per_outcome"] == 350_000.0


def test_closing_a_round_without_every_signer_signs_nothing():
    room = _open()
    room = room.accept("municipality", room.table).accept("investor", room.table).close_round()
    assert not room.open
    assert room.signed is None


def test_a_signed_deal_keeps_the_red_lines_it_was_signed_under():
    """Lines changed for a next round do not rewrite how the signed deal scored."""
    room = _signed_by_all(_open()).close_round()
    stricter = RedLines(target_irr=0.3, min_served_share=0.99)
    later = room.with_lines(stricter)
    assert later.lines == stricter
    assert later.signed is not None
    assert later.signed.lines == RedLines()


def test_the_next_round_sets_the_signed_deal_aside():
    room = _signed_by_all(_open()).close_round().open_round()
    assert (room.round, room.signed) == (2, None)


def test_the_red_lines_cannot_change_while_a_round_is_open():
    room = _open()
    with pytest.raises(LinesLocked):
        room.with_lines(RedLines(min_served_share=0.5))
    assert (
        room.close_round().with_lines(RedLines(min_served_share=0.5)).lines.min_served_share == 0.5
    )


# --- proposals and accepts ------------------------------------------------------------------


def test_a_proposal_goes_on_the_table_accepted_by_its_proposer():
    room = _open().propose("investor", {"price_per_outcome": 350_000.0, "cohort_size": 5}, " hi\n")
    assert (room.table.by, room.table.round) == ("investor", 1)
    assert "cohort_size" not in room.table.contract  # only the levers
    assert room.accepted == ("investor",)
    [proposal] = room.proposals
    assert (proposal.role, proposal.round, proposal.message) == ("investor", 1, "hi")
    # The state's signature is no part of a deal: its proposal is accepted by nobody.
    assert room.propose("state", {"price_per_outcome": 1.0}).accepted == ()


def test_a_proposal_is_refused_when_no_round_is_open():
    closed = _open().close_round()
    with pytest.raises(RoundClosed):
        closed.propose("municipality", {"price_per_outcome": 1.0}, "late")
    with pytest.raises(RoundClosed):
        Room.new(Scenario()).propose("municipality", {"price_per_outcome": 1.0})


def test_terms_the_scenario_refuses_are_refused():
    with pytest.raises(ScenarioError):
        _open().propose("investor", {"price_per_outcome": -5.0})


def test_a_room_keeps_only_its_last_proposals():
    room = _open()
    for i in range(MAX_PROPOSALS + 5):
        room = room.propose("investor", {"price_per_outcome": 100_000.0 + i}, f"offer {i}")
    assert len(room.proposals) == MAX_PROPOSALS
    assert room.proposals[-1].message == f"offer {MAX_PROPOSALS + 4}"
    assert room.proposals[0].message == "offer 5"


def test_a_proposal_arriving_after_a_group_read_the_table_is_not_accepted():
    room = _open()
    read_by_investor = room.table
    room = room.propose("municipality", {"price_per_outcome": 100_000.0}, "cheaper")
    with pytest.raises(TableChanged):
        room.accept("investor", read_by_investor)
    assert room.accepted == ("municipality",)
    # Once the investor has read the new table, its accept counts (once).
    room = room.accept("investor", room.table)
    assert room.accepted == ("municipality", "investor")
    assert room.accept("investor", room.table) is room


def test_an_accept_after_the_round_closed_or_by_the_state_is_refused():
    room = _open()
    with pytest.raises(NotASigner):
        room.accept("state", room.table)
    closed = room.close_round()
    with pytest.raises(RoundClosed):
        closed.accept("investor", closed.table)


def test_a_groups_name_is_cleaned_and_bounded():
    room = Room.new(Scenario()).named("investor", "Team\n<b>Fond</b>" + "x" * 100)
    assert room.names["investor"].startswith("Team <b>Fond</b>")
    assert len(room.names["investor"]) == MAX_NAME


def test_a_move_leaves_the_room_it_was_made_on_unchanged():
    room = _open()
    before = room.to_dict()
    room.propose("investor", {"price_per_outcome": 1.0}).named("investor", "x").close_round()
    assert room.to_dict() == before
    with pytest.raises(dataclasses.FrozenInstanceError):
        room.open = False  # type: ignore[misc]


# --- JSON -----------------------------------------------------------------------------------

#: A room as stored before the signed deal kept its red lines and before groups had names.
OLD_DOCUMENT = {
    "base": Scenario().to_dict(),
    "lines": {"target_irr": 0.08, "max_loss": 0.25},
    "round": 1,
    "open": False,
    "table": {"contract": Room.new(Scenario()).table.contract, "by": "facilitator", "round": 0},
    "accepted": ["municipality", "investor", "provider"],
    "proposals": [],
    "signed": {"contract": Room.new(Scenario()).table.contract, "round": 1},
}


def test_a_room_round_trips_through_json_in_the_documents_shape():
    room = _open().named("investor", "Fond").propose("investor", {"price_per_outcome": 3e5}, "x")
    room = _signed_by_all(room).close_round()
    doc = json.loads(json.dumps(room.to_dict(), allow_nan=False))
    assert Room.from_dict(doc) == room
    assert set(doc) == {
        "base",
        "lines",
        "round",
        "open",
        "table",
        "accepted",
        "proposals",
        "names",
        "signed",
        "keys",
        "issues",
    }
    assert set(doc["table"]) == {"contract", "by", "round"}
    assert set(doc["proposals"][0]) == {"role", "round", "contract", "message"}
    assert set(doc["signed"]) == {"contract", "round", "lines"}
    assert doc["names"] == {"investor": "Fond"}
    assert set(doc["accepted"]) == set(SIGNING_ROLES)


def test_a_room_stored_before_names_and_the_deals_lines_still_loads():
    room = Room.from_dict(OLD_DOCUMENT)
    assert room.names == {}
    assert room.lines.target_irr == 0.08
    # Its deal was signed under the room's lines.
    assert room.signed is not None
    assert room.signed.lines == room.lines
    assert Room.from_dict(room.to_dict()) == room


@pytest.mark.parametrize(
    "broken",
    [
        {**OLD_DOCUMENT, "accepted": ["admin"]},
        {**OLD_DOCUMENT, "table": {**OLD_DOCUMENT["table"], "by": "mallory"}},
        {**OLD_DOCUMENT, "base": {"cohort_size": -1}},
        {k: v for k, v in OLD_DOCUMENT.items() if k != "table"},
    ],
)
def test_a_document_of_another_shape_is_refused(broken):
    with pytest.raises((KeyError, TypeError, ValueError)):
        Room.from_dict(broken)


_MOVES = st.lists(
    st.sampled_from(["open", "close", "propose", "accept", "name", "lines"]), max_size=12
)


@settings(max_examples=40, deadline=None)
@given(moves=_MOVES, role=st.sampled_from(SIGNING_ROLES), price=st.floats(0, 5e6))
def test_any_game_round_trips_through_json(moves, role, price):
    room = Room.new(Scenario())
    for move in moves:
        try:
            if move == "open":
                room = room.open_round()
            elif move == "close":
                room = room.close_round()
            elif move == "propose":
                room = room.propose(role, {"price_per_outcome": price}, "m")
            elif move == "accept":
                room = room.accept(role, room.table)
            elif move == "name":
                room = room.named(role, f"team {price}")
            else:
                room = room.with_lines(RedLines(target_irr=0.1))
        except (RoundClosed, LinesLocked):
            pass
    assert Room.from_dict(json.loads(json.dumps(room.to_dict()))) == room


# --- secrets: who may open which screen -------------------------------------------------------


def _locked() -> tuple[Room, str]:
    return Room.with_secrets(Scenario())


def test_each_roles_link_opens_its_own_screen_and_no_other():
    room, facilitator = _locked()
    assert room.admits("facilitator", facilitator)
    for role in ROLES:
        token = room.link_token(role, facilitator)
        assert room.admits(role, token)
        others = [other for other in ("facilitator", *ROLES) if other != role]
        assert not any(room.admits(other, token) for other in others)
    assert not any(room.admits(role, facilitator) for role in ROLES)


@pytest.mark.parametrize("token", [None, "", "wrong", "x" * 1000, 12, ["a"]])
def test_a_missing_or_wrong_secret_opens_nothing(token):
    room, _ = _locked()
    assert not any(room.admits(role, token) for role in ("facilitator", *ROLES))
    with pytest.raises(NotAdmitted):
        room.entered("facilitator", token)


def test_the_room_keeps_no_secret_in_clear():
    room, facilitator = _locked()
    text = json.dumps(room.to_dict())
    assert facilitator not in text
    assert not any(room.link_token(role, facilitator) in text for role in ROLES)
    assert Room.from_dict(json.loads(text)) == room


def test_a_fresh_link_revokes_the_old_one():
    room, facilitator = _locked()
    old = room.link_token("investor", facilitator)
    later = room.reissued("investor", facilitator)
    new = later.link_token("investor", facilitator)
    assert new != old
    assert later.admits("investor", new)
    assert not later.admits("investor", old)
    # The other groups' links still work.
    assert later.admits("provider", room.link_token("provider", facilitator))
    assert Room.from_dict(later.to_dict()).admits("investor", new)


def test_only_the_facilitator_issues_links_or_reads_them():
    room, facilitator = _locked()
    investor = room.link_token("investor", facilitator)
    with pytest.raises(NotAdmitted):
        room.reissued("municipality", investor)
    with pytest.raises(NotAdmitted):
        room.link_token("municipality", investor)


def test_a_room_stored_before_secrets_opens_to_no_link():
    room = Room.from_dict(OLD_DOCUMENT)
    assert room.keys == {}
    assert not room.admits("facilitator", "anything")
