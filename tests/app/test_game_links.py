"""AppTest of the facilitator's links for the groups (issue 20, item 5): a QR code per role
that decodes to that role's own link, with a text alternative; the Share page's warning when
the links point to localhost; the line that tells a group without a camera to join at /game
with its join code, and the lobby taking that code."""

from __future__ import annotations

import io

import pytest
import zxingcpp
from PIL import Image

import ui.app.game
from sib_game.access import join_code
from sib_game.rules import ROLES
from tests._app import start
from tests.app._game import (
    DA,
    EN,
    _goals_shown,
    _incomplete,
    _join,
    _key,
    _link,
    _room,
)
from ui.spec import keys

pytestmark = [pytest.mark.apptest, pytest.mark.usefixtures("own_game_store")]


@pytest.fixture
def drawn_qr_codes(monkeypatch) -> list[tuple[str, bytes]]:
    """Every QR code the game's screens draw, with the text it was made of."""
    drawn: list[tuple[str, bytes]] = []
    make = ui.app.game.qr_png

    def recording(text: str, scale: int = 10) -> bytes:
        png = make(text, scale=scale)
        drawn.append((text, png))
        return png

    monkeypatch.setattr(ui.app.game, "qr_png", recording)
    return drawn


def _decoded(png: bytes) -> str:
    [found] = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    return found.text


def _images(at) -> list:
    return [e for e in at.main if getattr(e, "type", "") == "image"]


@pytest.mark.parametrize("t", [EN, DA], ids=["en", "da"])
def test_each_role_has_a_qr_code_of_its_own_link_with_a_text_alternative(t, drawn_qr_codes):
    code = _room()
    fac = start(_link(code, "facilitator", **({"lang": "da"} if t.lang == "da" else {})), "game")
    links = {role: ui.app.game.link(code, role, _key(code, role), t.lang) for role in ROLES}
    shown = [c.value for c in fac.main.code]
    assert all(link in shown for link in links.values())
    # Each QR code drawn decodes to one role's link, the one shown beside it; never the
    # facilitator's (its secret is not on the screen at all).
    decoded = [_decoded(png) for _, png in drawn_qr_codes]
    assert sorted(decoded) == sorted(links.values())
    assert not any(_key(code, "facilitator") in text for text in decoded)
    # Each image says what it is, to a screen reader (alt) and to everyone (caption).
    images = [image.proto.imgs[0] for image in _images(fac)]
    assert [image.alt for image in images] == [
        t("game_qr_alt", role=t(f"game_role_{role}"), code=code) for role in ROLES
    ]
    assert [image.caption for image in images] == [
        t("game_qr_caption", role=t(f"game_role_{role}")) for role in ROLES
    ]


def test_a_groups_screen_shows_no_qr_code_and_no_link(drawn_qr_codes):
    code = _room()
    group = start(_link(code, "investor"), "game")
    assert not _images(group)
    assert drawn_qr_codes == []
    assert not any(f"role={role}" in c.value for c in group.main.code for role in ROLES)


def test_localhost_links_carry_the_share_pages_warning():
    # AppTest has no browser: the address is the server's own, http://localhost:8501.
    code = _room()
    fac = start(_link(code, "facilitator"), "game")
    assert all("://localhost:" in c.value for c in fac.main.code if "role=" in c.value)
    assert EN("share_localhost") in [w.value for w in fac.warning]


def test_links_on_the_network_carry_no_localhost_warning(monkeypatch):
    monkeypatch.setattr(ui.app.game, "_app_root", lambda: "http://10.20.30.40:8501")
    code = _room()
    fac = start(_link(code, "facilitator"), "game")
    shown = [c.value for c in fac.main.code if "role=" in c.value]
    assert len(shown) == len(ROLES)
    assert all(link.startswith("http://10.20.30.40:8501/game?room=") for link in shown)
    assert EN("share_localhost") not in [w.value for w in fac.warning]


@pytest.mark.parametrize("t", [EN, DA], ids=["en", "da"])
def test_the_facilitator_reads_how_a_group_joins_at_game_with_the_rooms_code(t):
    code = _room()
    fac = start(_link(code, "facilitator", **({"lang": "da"} if t.lang == "da" else {})), "game")
    text = [m.value for m in fac.main.markdown]
    line = next((m for m in text if t("game_join_link") in m), None)
    assert line is not None, text
    assert "localhost:8501/game" in line.replace("\\", "")  # the address, markdown-escaped
    assert code in line
    # Each role's join code beside its link, starting with the room's code.
    for role in ROLES:
        expected = t("game_join_code", code=f"`{join_code(code, _key(code, role))}`")
        assert expected in text
    assert fac.main.container(key=keys.game_role_link("investor")) is not None


def test_a_group_joins_with_its_join_code_typed_as_read():
    code = _room()
    lobby = start(page="game")
    typed = join_code(code, _key(code, "provider")).lower().replace("-", " ")
    _join(lobby, typed)
    assert not lobby.exception
    assert lobby.query_params["role"] == "provider"
    assert lobby.query_params["key"] == _key(code, "provider")
    assert _goals_shown(lobby, code) == ["provider"]


def test_a_join_code_that_spells_no_groups_secret_opens_nothing():
    code = _room()
    lobby = start(page="game")
    # The facilitator's own secret spelt as a join code: a join code opens groups' screens only.
    _join(lobby, join_code(code, _key(code, "facilitator")))
    assert _incomplete(lobby)
    assert "role" not in lobby.query_params
    _join(lobby, join_code(code, _key(code, "investor")).replace(code, "ACDE", 1))
    assert EN("game_start") in [b.label for b in lobby.button]
    assert "role" not in lobby.query_params
