"""AppTest: the game's lobby, facilitator and role views in both languages, and a round."""

from __future__ import annotations

import pytest

import ui.game
from tests._app import start, text_of


@pytest.fixture(autouse=True)
def own_store(tmp_path, monkeypatch):
    monkeypatch.setenv("SIB_GAME_DB", str(tmp_path / "game.sqlite3"))
    ui.game.reset_store()
    yield
    ui.game.reset_store()


def _room() -> str:
    at = start(page="game")
    at.button[0].click().run()
    assert not at.exception
    return (
        at.query_params["room"][0]
        if isinstance(at.query_params["room"], list)
        else at.query_params["room"]
    )


@pytest.mark.parametrize("lang", ["en", "da"])
@pytest.mark.parametrize("role", ["facilitator", "municipality", "investor", "provider", "state"])
def test_every_view_renders(lang, role):
    code = ui.game.store().create(ui.game.new_doc(__import__("sib_model").Scenario(), {})).code
    at = start({"room": code, "role": role, "lang": lang}, page="game")
    assert not at.exception
    text = text_of(at) + "\n".join(s.value for s in at.subheader)
    assert code in text
    assert ui.game.Translator(lang)("page_game") in text
    if role != "facilitator":
        assert ui.game.Translator(lang)("game_your_goal") in text


@pytest.mark.parametrize("lang", ["en", "da"])
@pytest.mark.parametrize("room", ["XXXXXXXXXXXX", "O0O0", "<script>", "K7Q", "AAAA"])
def test_bad_or_unknown_room_gives_a_short_message(lang, room):
    at = start({"room": room, "role": "investor", "lang": lang}, page="game")
    assert not at.exception
    expected = ui.game.Translator(lang)("game_bad_room")
    assert any(w.value == expected for w in at.warning)


def test_lobby_starts_a_room():
    at = start(page="game")
    at.button[0].click().run()
    assert not at.exception
    code = at.query_params["room"]
    assert ui.game.store().get(code) is not None


def test_a_round_with_three_roles_updates_the_facilitator():
    from sib_model import Scenario

    code = ui.game.store().create(ui.game.new_doc(Scenario(), {})).code
    fac = start({"room": code, "role": "facilitator"}, page="game")
    fac.button[0].click().run()  # open a round
    assert ui.game.store().get(code).doc["open"]
    inv = start({"room": code, "role": "investor"}, page="game")
    inv.text_input[0].input("Team <b>Fond</b>")
    inv.button[0].click().run()  # save name (form submit)
    inv = start({"room": code, "role": "investor"}, page="game")
    inv.number_input[0].set_value(350_000.0)
    inv.text_input[1].input("Our offer")
    submits = [b for b in inv.button if b.label == ui.game.Translator("en")("game_send_proposal")]
    submits[0].click().run()
    assert not inv.exception
    for role in ("municipality", "provider"):
        at = start({"room": code, "role": role}, page="game")
        accept = [b for b in at.button if b.label == ui.game.Translator("en")("game_accept")]
        accept[0].click().run()
        assert not at.exception
    fac.run()
    text = text_of(fac)
    assert "Our offer" in text
    assert "&lt;b&gt;Fond&lt;/b&gt;" in text
    doc = ui.game.store().get(code).doc
    assert set(doc["accepted"]) == {"investor", "municipality", "provider"}
    assert doc["table"]["contract"]["price_per_outcome"] == 350_000.0
    close = [b for b in fac.button if b.label == ui.game.Translator("en")("game_close_round")]
    close[0].click().run()
    assert ui.game.store().get(code).doc["signed"]["round"] == 1
    assert ui.game.Translator("en")("game_debrief") in text_of(fac)
