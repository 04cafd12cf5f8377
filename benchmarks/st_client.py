"""A minimal Streamlit browser, in Python: one session over ``/_stcore/stream``.

The browser and the server talk protobuf over one websocket: the browser sends ``BackMsg``
(``rerun_script`` with the query string, the page and every widget's value), the server
answers with ``ForwardMsg``: ``new_session``, ``delta`` (one element drawn), ...,
``script_finished``. This client does the same with the ``websockets`` package and
``streamlit.proto``, so a load test can drive hundreds of real sessions on two cores without
a browser: the server does exactly the work it does for a browser (script run, figures,
session state); only the drawing in the browser is left out.

Used by ``benchmarks/load_test.py`` and ``deploy/two_replicas.py``.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

#: The three headline sliders (their keys, as ``ui.inputs`` names them).
SLIDERS = ("in_cohort_size", "in_success_probability", "in_difficulty")


class SessionError(RuntimeError):
    """The app showed an exception, the run did not finish, or the connection failed."""


@dataclass
class RunResult:
    """One script run as the client saw it."""

    seconds: float
    status: str
    figures: str  # fingerprint of what the run showed: metrics, text and the charts' data
    exceptions: list[str] = field(default_factory=list)
    upstream: str = ""


def sticky_cookie(base_url: str) -> str:
    """What a browser's first request brings back: the proxy's sticky cookie, if any
    (``deploy/nginx.conf`` sets ``sib_replica``); empty against a bare server."""
    with urllib.request.urlopen(base_url + "/_stcore/health", timeout=10) as response:
        cookies = response.headers.get_all("Set-Cookie") or []
    return "; ".join(c.split(";", 1)[0] for c in cookies)


class Session:
    """One browser tab: connect, run the app, move sliders, read what each run shows."""

    def __init__(self, base_url: str, query: str = "", cookie: str = "") -> None:
        parts = urlsplit(base_url)
        scheme = "wss" if parts.scheme == "https" else "ws"
        self.ws_url = f"{scheme}://{parts.netloc}{parts.path.rstrip('/')}/_stcore/stream"
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.query = query
        self.cookie = cookie
        self.ws: websockets.ClientConnection | None = None
        self.widget_ids: dict[str, str] = {}
        self.values: dict[str, float] = {}
        self.upstream = ""
        self.bytes_received = 0

    async def connect(self) -> None:
        headers = {"Cookie": self.cookie} if self.cookie else {}
        self.ws = await websockets.connect(
            self.ws_url,
            subprotocols=["streamlit"],  # type: ignore[list-item]
            origin=self.origin,  # type: ignore[arg-type]
            additional_headers=headers,
            max_size=None,
            open_timeout=30,
            ping_interval=None,
        )
        response = self.ws.response
        self.upstream = response.headers.get("X-Upstream", "") if response else ""

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
            self.ws = None

    async def run(self, changes: dict[str, float] | None = None, timeout: float = 60) -> RunResult:
        """Ask for a script run (the first one, or after moving sliders) and read until it
        finishes. Seconds are from sending the request to the ``script_finished`` message."""
        if self.ws is None:
            raise SessionError("not connected")
        self.values.update(changes or {})
        message = BackMsg()
        state = message.rerun_script
        state.query_string = self.query
        for key, value in self.values.items():
            if key in self.widget_ids:
                widget = WidgetState(id=self.widget_ids[key])
                widget.double_array_value.data.append(value)
                state.widget_states.widgets.append(widget)
        started = time.perf_counter()
        await self.ws.send(message.SerializeToString())
        return await self._read_run(started, timeout)

    async def _read_run(self, started: float, timeout: float) -> RunResult:
        assert self.ws is not None
        shown: list[str] = []
        exceptions: list[str] = []
        deadline = started + timeout
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise SessionError(f"no script_finished within {timeout:.0f} s")
            try:
                data = await asyncio.wait_for(self.ws.recv(), remaining)
            except TimeoutError:
                raise SessionError(f"no script_finished within {timeout:.0f} s") from None
            self.bytes_received += len(data)
            msg = ForwardMsg.FromString(data if isinstance(data, bytes) else data.encode())
            kind = msg.WhichOneof("type")
            if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                self._note_element(msg.delta.new_element, shown, exceptions)
            elif kind == "page_info_changed":
                # The app mirrors its scenario into the URL; a browser's address bar follows,
                # and a reconnect (or reload) sends it back.
                self.query = msg.page_info_changed.query_string
            elif kind == "script_finished":
                status = ForwardMsg.ScriptFinishedStatus.Name(msg.script_finished)
                if status == "FINISHED_EARLY_FOR_RERUN":
                    continue  # the app reran itself (a query-string rewrite); read on
                return RunResult(
                    time.perf_counter() - started,
                    status,
                    hashlib.sha256("\n".join(shown).encode()).hexdigest()[:16],
                    exceptions,
                    self.upstream,
                )

    def _note_element(self, element, shown: list[str], exceptions: list[str]) -> None:
        kind = element.WhichOneof("type")
        if kind is None:
            return
        body = getattr(element, kind)
        if kind == "exception":
            exceptions.append(f"{body.type}: {body.message}"[:300])
        elif kind == "metric":
            shown.append(f"metric {body.label} = {body.body}")
        elif kind == "markdown":
            shown.append(f"markdown {body.body}")
        elif kind == "bidi_component":  # an in-place chart: its figure's JSON
            shown.append(f"chart {body.json}")
        widget_id = getattr(body, "id", "")
        if kind == "slider" and widget_id:
            for key in SLIDERS:
                if widget_id.endswith("-" + key):
                    self.widget_ids[key] = widget_id
                    self.values.setdefault(key, body.value[0] if body.value else body.default[0])
