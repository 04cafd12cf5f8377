"""The game's pure rules (who signs, why not) and its SQLite store."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sib_game.rules import RedLines, clean_contract, verdicts, verdicts_of_figures
from sib_game.store import (
    ALPHABET,
    MAX_TEXT,
    GameStore,
    StaleVersion,
    StoreFull,
    clean_text,
    parse_code,
    parse_role,
)
from sib_model import Scenario

OK = {
    "investor_irr": 0.10,
    "probability_of_loss": 0.10,
    "municipality_net": 1.0,
    "cost_per_additional_outcome": 200_000.0,
    "provider_risk": 0.0,
    "served_share": 1.0,
    "state_saving": 1.0,
}


def test_hand_checked_figures_everybody_signs():
    found = verdicts_of_figures(OK, RedLines())
    assert all(v.signs and not v.reasons for v in found.values())


@pytest.mark.parametrize(
    ("change", "role", "reason"),
    [
        ({"investor_irr": 0.04}, "investor", "irr"),
        ({"investor_irr": math.nan}, "investor", "irr"),
        ({"probability_of_loss": 0.30}, "investor", "loss"),
        ({"municipality_net": -1.0}, "municipality", "net"),
        ({"provider_risk": 600_000.0}, "provider", "risk"),
        ({"served_share": 0.8}, "provider", "parked"),
        ({"state_saving": -1.0}, "state", "state_saving"),
    ],
)
def test_one_red_line_crossed(change, role, reason):
    found = verdicts_of_figures({**OK, **change}, RedLines())
    assert found[role].reasons == (reason,) and not found[role].signs
    assert all(v.signs for r, v in found.items() if r != role)


def test_willingness_to_pay_replaces_the_net_test():
    lines = RedLines(willingness_to_pay=150_000.0)
    assert verdicts_of_figures({**OK, "municipality_net": -5.0}, lines)["municipality"].reasons == (
        "wtp",
    )
    lines = RedLines(willingness_to_pay=250_000.0)
    assert verdicts_of_figures({**OK, "municipality_net": -5.0}, lines)["municipality"].signs


def test_the_default_scenario():
    # evaluate(Scenario()): IRR 12 %, P(loss) 26 %, municipal net −1.65 m DKK, no provider
    # money at risk, everybody served, 5.9 m DKK saved outside the municipality.
    found = verdicts(Scenario(), RedLines())
    assert found["investor"].reasons == ("loss",)
    assert found["municipality"].reasons == ("net",)
    assert found["provider"].signs and found["state"].signs
    # All delivery costs funded by the provider: 6 m DKK at risk.
    assert verdicts(Scenario(provider_fee_at_risk=1.0), RedLines())["provider"].reasons == ("risk",)
    # Three times the price: the investor is happy, the municipality is not.
    tripled = Scenario().replace(price_per_outcome=Scenario().price_per_outcome * 3)
    assert verdicts(tripled, RedLines())["investor"].signs


def test_clean_contract_keeps_only_levers():
    clean = clean_contract({"price_per_outcome": 1.0, "cohort_size": 5, "evil": 1}, Scenario())
    assert clean["price_per_outcome"] == 1.0 and "cohort_size" not in clean


# --- store ----------------------------------------------------------------------------


class Clock:
    now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_create_join_update_and_stale_version(tmp_path):
    store = GameStore(tmp_path / "g.sqlite3")
    room = store.create({"a": 1})
    assert parse_code(room.code) == room.code
    assert store.get(room.code.lower()).doc == {"a": 1}
    newer = store.update(room, {"a": 2})
    assert newer.version == 2
    with pytest.raises(StaleVersion):
        store.update(room, {"a": 3})
    assert store.get(room.code).doc == {"a": 2}
    # A second store on the same file (another replica) sees the same rooms.
    assert GameStore(tmp_path / "g.sqlite3").get(room.code).version == 2


def test_rooms_expire_when_idle(tmp_path):
    clock = Clock()
    store = GameStore(tmp_path / "g.sqlite3", clock=clock, idle_seconds=100)
    room = store.create({})
    clock.now += 99
    store.change(room.code, lambda doc: doc.update(x=1))  # touched again
    clock.now += 99
    assert store.get(room.code) is not None
    clock.now += 101
    assert store.get(room.code) is None
    assert store.count() == 0


def test_at_most_max_rooms(tmp_path):
    store = GameStore(tmp_path / "g.sqlite3", max_rooms=3)
    codes = {store.create({}).code for _ in range(3)}
    assert len(codes) == 3
    with pytest.raises(StoreFull):
        store.create({})


def test_unknown_and_bad_codes(tmp_path):
    store = GameStore(tmp_path / "g.sqlite3")
    assert store.get("QQQQ") is None
    for bad in ["", "ABC", "ABCDEFG", "O0O0", "IIII", "K7QX", "AB CD", None, 12, "ÄÄÄÄ"]:
        assert parse_code(bad) is None
        assert store.get(bad) is None
    assert parse_code(" k7qx ".replace("7", "M")) == "KMQX"
    assert parse_role("Investor") == "investor" and parse_role("admin") is None


def test_clean_text_limits_and_strips_controls():
    assert clean_text("a\x00b\nc\u2028d") == "a b c d"
    assert len(clean_text("x" * 10_000)) == MAX_TEXT
    assert clean_text(None) == ""


# --- hostile input (Hypothesis) ---------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=60), st.binary(max_size=20), st.integers(), st.none()))
def test_parse_functions_never_raise(raw):
    code = parse_code(raw)
    assert code is None or (4 <= len(code) <= 6 and set(code) <= set(ALPHABET))
    assert parse_role(raw) in (None, "facilitator", "municipality", "investor", "provider", "state")
    text = clean_text(raw)
    assert len(text) <= MAX_TEXT and not any(ord(ch) < 32 for ch in text)


@settings(max_examples=60, deadline=None)
@given(code=st.text(max_size=30), name=st.text(max_size=500))
def test_hostile_codes_and_names_against_a_store(tmp_path_factory, code, name):
    store = GameStore(tmp_path_factory.mktemp("g") / "g.sqlite3")
    room = store.create({"names": {}})
    assert store.get(code) is None or parse_code(code) == room.code
    store.change(room.code, lambda doc: doc["names"].update(x=clean_text(name, 40)))
    assert len(store.get(room.code).doc["names"]["x"]) <= 40
