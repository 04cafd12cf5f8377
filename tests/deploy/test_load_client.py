"""The load test's browser stand-in (``benchmarks/st_client.py``) speaks the protocol the way
the browser does for the negotiation game, and the game phase's check of the rooms
(``benchmarks/game_load.py``) finds what went wrong. No server: the websocket is a stub."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from benchmarks import game_load
from benchmarks.st_client import Session, nearest_option, option_value
from sib_game.store import MAX_PROPOSALS, GameStore
from sib_model import Scenario
from ui.app.game import new_doc, propose

ROOM_VIEW = "frag-room-view"


class StubSocket:
    """Answers every request with the next prepared run; keeps what the client sent."""

    def __init__(self, runs: list[list[ForwardMsg]]) -> None:
        self.runs = runs
        self.sent: list[BackMsg] = []
        self.inbox: list[bytes] = []

    async def send(self, data: bytes) -> None:
        self.sent.append(BackMsg.FromString(data))
        self.inbox += [m.SerializeToString() for m in self.runs.pop(0)]

    async def recv(self) -> bytes:
        return self.inbox.pop(0)


def _run(coroutine):
    """Run ``coroutine`` to its end on a fresh event loop in a thread of its own: in the whole
    suite the browser tests' Playwright (sync API) keeps a loop running in the main thread,
    where ``asyncio.run`` refuses to start."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def element(kind: str, fragment: str = "", **fields) -> ForwardMsg:
    msg = ForwardMsg()
    msg.delta.fragment_id = fragment
    getattr(msg.delta.new_element, kind).MergeFrom(
        type(getattr(msg.delta.new_element, kind))(**fields)
    )
    return msg


def finished(status: str) -> ForwardMsg:
    msg = ForwardMsg()
    msg.script_finished = ForwardMsg.ScriptFinishedStatus.Value(status)
    return msg


def timer(fragment: str) -> ForwardMsg:
    msg = ForwardMsg()
    msg.auto_rerun.fragment_id = fragment
    msg.auto_rerun.interval = 3
    return msg


def on_page(name: str, page_hash: str) -> ForwardMsg:
    msg = ForwardMsg()
    msg.navigation.page_script_hash = page_hash
    msg.navigation.app_pages.add(page_script_hash=page_hash, url_pathname=name)
    return msg


def role_page(accept_id: str, price_id: str) -> list[ForwardMsg]:
    """A group's page: the accept button inside the refreshing room view, the form outside."""
    return [
        on_page("game", "hash-game"),
        timer(ROOM_VIEW),
        element("markdown", ROOM_VIEW, body="Proposed by Investor in round 1"),
        element("button", ROOM_VIEW, id=accept_id, label="Accept"),
        element("number_input", id=price_id, label="Price", form_id="propose", data_type=1),
        element("text_input", id="message", label="Message", form_id="propose"),
        element("button", id="send", label="Send", form_id="propose", is_form_submitter=True),
        finished("FINISHED_SUCCESSFULLY"),
    ]


def connected(runs: list[list[ForwardMsg]]) -> tuple[Session, StubSocket]:
    session = Session("http://127.0.0.1:1", query="room=ABCD&role=investor", page="game")
    socket = StubSocket(runs)
    session.ws = socket  # type: ignore[assignment]
    return session, socket


def test_a_click_in_the_refreshing_view_reruns_that_fragment_on_the_same_page():
    session, socket = connected(
        [
            role_page("accept-1", "price-1"),
            [
                element("markdown", ROOM_VIEW, body="…"),
                finished("FINISHED_EARLY_FOR_RERUN"),
                *role_page("accept-2", "price-2"),
            ],
        ]
    )
    _run(session.run())
    assert session.auto_reruns == {ROOM_VIEW: 3}
    _run(session.click("Accept"))
    request = socket.sent[-1].rerun_script
    assert request.fragment_id == ROOM_VIEW
    assert request.page_script_hash == "hash-game"
    assert request.page_name == "game"
    assert [(w.id, w.trigger_value) for w in request.widget_states.widgets] == [("accept-1", True)]
    # The app's st.rerun after the click drew the whole page again, with new ids.
    assert session.widget("Accept").id == "accept-2"
    assert session.widget("Price", "propose").id == "price-2"


def test_a_refresh_replaces_only_the_fragment_and_a_full_run_resets_the_timers():
    session, socket = connected(
        [
            role_page("accept-1", "price-1"),
            [
                element("markdown", ROOM_VIEW, body="You have accepted."),
                finished("FINISHED_FRAGMENT_RUN_SUCCESSFULLY"),
            ],
            [on_page("start", "hash-start"), finished("FINISHED_SUCCESSFULLY")],
        ]
    )
    _run(session.run())
    shown = _run(session.refresh(ROOM_VIEW))
    assert socket.sent[-1].rerun_script.is_auto_rerun
    assert shown.texts == ["markdown You have accepted."]
    assert session.widget("Accept") is None  # gone from the refreshed view
    assert session.widget("Price", "propose") is not None  # the form outside it stays
    assert session.auto_reruns == {ROOM_VIEW: 3}
    _run(session.run())  # a full run that draws no refreshing view
    assert session.auto_reruns == {}
    assert session.page == "start"


def test_a_form_submit_sends_each_value_in_its_field_and_the_trigger():
    session, socket = connected([role_page("a", "price-1"), role_page("a", "price-1")])
    _run(session.run())
    _run(session.submit("propose", "Send", {"Price": 325_000, "Message": "offer 1"}))
    states = {w.id: w for w in socket.sent[-1].rerun_script.widget_states.widgets}
    assert states["price-1"].double_value == 325_000.0
    assert states["message"].string_value == "offer 1"
    assert states["send"].trigger_value is True
    assert socket.sent[-1].rerun_script.fragment_id == ""


def test_a_disabled_or_missing_widget_is_an_error_not_a_silent_no_op():
    disabled = [
        element("button", id="b", label="Open", disabled=True),
        finished("FINISHED_SUCCESSFULLY"),
    ]
    session, _ = connected([disabled])
    _run(session.run())
    with pytest.raises(RuntimeError, match="disabled"):
        _run(session.click("Open"))
    with pytest.raises(RuntimeError, match="no widget"):
        _run(session.click("Close"))


def test_a_select_slider_is_moved_to_the_stop_nearest_the_value():
    assert option_value("53.5%") == pytest.approx(0.535)
    assert option_value("0.50") == 0.5
    assert nearest_option(["40%", "45%", "53.5%", "55%"], 0.54) == "53.5%"


@pytest.fixture
def store(tmp_path) -> GameStore:
    return GameStore(tmp_path / "game.sqlite3")


def _played(store: GameStore, proposals: list[tuple[str, float]]) -> game_load.Room:
    """A room whose round ran and closed, with ``proposals`` made in it, as the sessions
    would note them."""
    room = game_load.Room(0, code=store.create(new_doc(Scenario(), {})).code)

    def opened(doc):
        doc.update(round=1, open=True)

    store.change(room.code, opened)
    for role in ("municipality", "investor", "provider"):
        room.names[role] = f"Team {role}"
        store.change(room.code, lambda doc, r=role: doc["names"].__setitem__(r, f"Team {r}"))
    for number, (role, price) in enumerate(proposals):
        message = f"{role} offer {number}"
        store.change(room.code, lambda doc, r=role, p=price, m=message: _propose(doc, r, p, m))
        room.sent[message] = (role, price)
    store.change(room.code, lambda doc: doc.update(open=False))
    return room


def _propose(doc, role, price, message):
    contract = {**doc["table"]["contract"], "price_per_outcome": price}
    doc["table"] = {"contract": contract, "by": role, "round": 1}
    doc["accepted"] = [role]
    doc["proposals"] = [
        *doc["proposals"][-(MAX_PROPOSALS - 1) :],
        {"role": role, "round": 1, "contract": doc["table"]["contract"], "message": message},
    ]


def test_the_rooms_check_passes_when_every_proposal_is_stored_as_sent(store):
    room = _played(store, [("investor", 325_000.0), ("provider", 250_000.0)])
    lines, problems = game_load.check_rooms(store, [room])
    assert problems == []
    assert "2 proposals sent through the server, 2 recorded" in lines[0]


def test_the_rooms_check_finds_a_proposal_stored_with_other_terms_or_missing(store):
    room = _played(store, [("investor", 325_000.0)])
    room.sent["investor offer 0"] = ("investor", 350_000.0)  # what the group had typed
    room.sent["provider offer 9"] = ("provider", 250_000.0)  # sent, never stored
    _, problems = game_load.check_rooms(store, [room])
    assert any("stored as ('investor', 325000.0, 1)" in p for p in problems)
    assert any("not recorded: ['provider offer 9']" in p for p in problems)


def test_the_rooms_check_accepts_that_a_room_keeps_only_its_last_proposals(store):
    many = [("investor", 150_000.0 + 1_000 * i) for i in range(MAX_PROPOSALS + 5)]
    room = _played(store, many)
    _, problems = game_load.check_rooms(store, [room])
    assert problems == []
    assert len(store.get(room.code).doc["proposals"]) == MAX_PROPOSALS


def test_the_app_records_a_proposal_the_way_the_check_reads_it(store, monkeypatch):
    """The check reads the document ui.app.game writes: role, round, price, message."""
    monkeypatch.setattr("ui.app.game.store", lambda: store)
    room = _played(store, [])
    store.change(room.code, lambda doc: doc.update(open=True))
    table = store.get(room.code).doc["table"]["contract"]
    propose(room.code, "provider", {**table, "price_per_outcome": 275_000.0}, "provider offer 0")
    store.change(room.code, lambda doc: doc.update(open=False))
    room.sent["provider offer 0"] = ("provider", 275_000.0)
    assert game_load.check_rooms(store, [room])[1] == []
