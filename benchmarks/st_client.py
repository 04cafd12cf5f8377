"""A minimal Streamlit browser, in Python: one session over ``/_stcore/stream``.

The browser and the server talk protobuf over one websocket: the browser sends ``BackMsg``
(``rerun_script`` with the query string, the page and every widget's value), the server
answers with ``ForwardMsg``: ``new_session``, ``delta`` (one element drawn), ...,
``script_finished``. This client does the same with the ``websockets`` package and
``streamlit.proto``, so a load test can drive hundreds of real sessions on two cores without
a browser: the server does exactly the work it does for a browser (script run, figures,
session state); only the drawing in the browser is left out.

Beyond the sidebar sliders it plays the other parts of a browser the negotiation game needs:

- a page of ``st.navigation`` is asked for by its URL path (``page="game"``), as the browser
  does from its address bar;
- every widget a run draws is noted by its label and form (:class:`Widget`), since the
  game's widgets have no keys and their ids change with their arguments (a proposal moves
  the number box's default, and so its id): an action always uses the ids of the last run;
- a click (:meth:`Session.click`) is a ``trigger_value`` on the button's id, a form's submit
  button (:meth:`Session.submit`) the same with the form's values beside it, and a widget
  inside an ``st.fragment`` is sent with that fragment's id, so only the fragment reruns;
- ``st.fragment(run_every=…)`` is driven by the browser, not the server: the server names the
  fragment and its interval (an ``auto_rerun`` message) and the browser asks for a rerun of
  it each interval (:meth:`Session.refresh`, ``is_auto_rerun``).

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

#: The three headline sliders (their keys, as ``ui.spec.inputs`` names them).
SLIDERS = ("in_cohort_size", "in_success_probability", "in_difficulty")


#: Widgets the client can set, and the ``WidgetState`` field each one's value travels in.
_VALUE_FIELDS = {"number_input", "slider", "text_input", "checkbox"}


class SessionError(RuntimeError):
    """The app showed an exception, the run did not finish, or the connection failed."""


@dataclass(frozen=True)
class Widget:
    """A widget as the last run drew it."""

    id: str
    kind: str  # the element's type: "button", "number_input", "slider", ...
    label: str
    form: str = ""  # the st.form it belongs to ("" outside forms)
    fragment: str = ""  # the st.fragment that drew it ("" for the script's body)
    disabled: bool = False
    float_value: bool = True  # number_input: a float (double_value) or an int (int_value)


@dataclass
class RunResult:
    """One script run as the client saw it."""

    seconds: float
    status: str
    figures: str  # fingerprint of what the run showed: metrics, text and the charts' data
    exceptions: list[str] = field(default_factory=list)
    upstream: str = ""
    texts: list[str] = field(default_factory=list)  # what went into the fingerprint
    alerts: list[str] = field(default_factory=list)  # st.info/warning/error/success bodies


def sticky_cookie(base_url: str) -> str:
    """What a browser's first request brings back: the proxy's sticky cookie, if any
    (``deploy/nginx.conf`` sets ``sib_replica``); empty against a bare server."""
    with urllib.request.urlopen(base_url + "/_stcore/health", timeout=10) as response:
        cookies = response.headers.get_all("Set-Cookie") or []
    return "; ".join(c.split(";", 1)[0] for c in cookies)


class Session:
    """One browser tab: connect, run the app, move sliders, read what each run shows."""

    def __init__(
        self, base_url: str, query: str = "", cookie: str = "", page: str = "", locale: str = ""
    ) -> None:
        parts = urlsplit(base_url)
        self.base_url = base_url.rstrip("/")
        self.locale = locale  # the browser's language ("da-DK"), as st.context.locale reads it
        scheme = "wss" if parts.scheme == "https" else "ws"
        self.ws_url = f"{scheme}://{parts.netloc}{parts.path.rstrip('/')}/_stcore/stream"
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.query = query
        self.cookie = cookie
        self.page = page  # the page's URL path ("game"); "" is the default page
        self.page_script_hash = ""  # the page's id, once a run has named it
        self.ws: websockets.ClientConnection | None = None
        self.widget_ids: dict[str, str] = {}
        self.slider_options: dict[str, list[str]] = {}  # a select slider's stops, as shown
        self.widgets: dict[tuple[str, str], Widget] = {}  # (form, label) → widget
        self.auto_reruns: dict[str, float] = {}  # fragment id → seconds between reruns
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

    async def run(
        self,
        changes: dict[str, float] | None = None,
        timeout: float = 60,
        *,
        extra: list[WidgetState] | None = None,
        fragment_id: str = "",
        auto: bool = False,
    ) -> RunResult:
        """Ask for a script run (the first one, or after moving sliders) and read until it
        finishes. Seconds are from sending the request to the ``script_finished`` message.

        ``extra`` widget states go along (a click, a form's values); ``fragment_id`` asks for a
        rerun of that fragment only (``auto``: the browser's timer of ``run_every``)."""
        if self.ws is None:
            raise SessionError("not connected")
        self.values.update(changes or {})
        message = BackMsg()
        state = message.rerun_script
        state.query_string = self.query
        # As the browser: the page by its id once known (a rerun the app asks for, st.rerun
        # after a click in a fragment, stays on it), by its path before.
        state.page_name = self.page
        state.page_script_hash = self.page_script_hash
        state.fragment_id = fragment_id
        state.is_auto_rerun = auto
        # What the browser says of itself with every run (st.context): the address in its
        # address bar, without the query (the app builds its links from it), and its language.
        state.context_info.url = f"{self.base_url}/{self.page}"
        if self.locale:
            state.context_info.locale = self.locale
        for key, value in self.values.items():
            if key in self.widget_ids:
                widget = WidgetState(id=self.widget_ids[key])
                if key in self.slider_options:  # a select slider: the stop's text
                    widget.string_array_value.data.append(
                        nearest_option(self.slider_options[key], value)
                    )
                else:
                    widget.double_array_value.data.append(value)
                state.widget_states.widgets.append(widget)
        state.widget_states.widgets.extend(extra or [])
        started = time.perf_counter()
        await self.ws.send(message.SerializeToString())
        return await self._read_run(started, timeout, fragment_id)

    def widget(self, label: str, form: str = "") -> Widget | None:
        """The widget labelled ``label`` (in ``form``) as the last run drew it, or None."""
        return self.widgets.get((form, label))

    async def click(self, label: str, timeout: float = 60) -> RunResult:
        """Click the button labelled ``label`` (inside a fragment: a rerun of that fragment,
        unless the app asks for more)."""
        button = self._usable(label, "")
        trigger = WidgetState(id=button.id)
        trigger.trigger_value = True
        return await self.run(timeout=timeout, extra=[trigger], fragment_id=button.fragment)

    async def submit(
        self, form: str, button: str, values: dict[str, float | str | bool], timeout: float = 60
    ) -> RunResult:
        """Fill the form's widgets named by their labels in ``values`` and press its submit
        button labelled ``button``: one run, with every value and the submit's trigger."""
        states = [self._state(self._usable(label, form), value) for label, value in values.items()]
        trigger = WidgetState(id=self._usable(button, form).id)
        trigger.trigger_value = True
        return await self.run(timeout=timeout, extra=[*states, trigger])

    async def refresh(self, fragment_id: str, timeout: float = 60) -> RunResult:
        """What the browser's ``run_every`` timer sends: a rerun of that fragment."""
        return await self.run(timeout=timeout, fragment_id=fragment_id, auto=True)

    def _usable(self, label: str, form: str) -> Widget:
        found = self.widget(label, form)
        if found is None:
            raise SessionError(f"no widget {label!r} (form {form!r}) on the page")
        if found.disabled:
            raise SessionError(f"widget {label!r} is disabled")
        return found

    @staticmethod
    def _state(widget: Widget, value: float | str | bool) -> WidgetState:
        state = WidgetState(id=widget.id)
        if widget.kind not in _VALUE_FIELDS:
            raise SessionError(f"cannot set a {widget.kind} ({widget.label!r})")
        if widget.kind == "text_input":
            state.string_value = str(value)
        elif widget.kind == "checkbox":
            state.bool_value = bool(value)
        elif widget.kind == "slider":
            state.double_array_value.data.append(float(value))
        elif widget.float_value:
            state.double_value = float(value)
        else:
            state.int_value = int(value)
        return state

    async def _read_run(self, started: float, timeout: float, fragment_id: str = "") -> RunResult:
        assert self.ws is not None
        shown: list[str] = []
        exceptions: list[str] = []
        alerts: list[str] = []
        drawn: list[Widget] = []
        timers: dict[str, float] = {}  # run_every fragments this run announced
        deadline = started + timeout
        while True:
            msg = await self._next_message(deadline, f"no script_finished within {timeout:.0f} s")
            kind = msg.WhichOneof("type")
            if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                self._note_element(
                    msg.delta.new_element, msg.delta.fragment_id, shown, exceptions, alerts, drawn
                )
            elif kind in ("page_info_changed", "navigation"):
                self._note_address(msg)
            elif kind == "auto_rerun":
                timers[msg.auto_rerun.fragment_id] = msg.auto_rerun.interval
            elif kind == "stop_auto_rerun":
                for stopped in msg.stop_auto_rerun.fragment_ids:
                    self.auto_reruns.pop(stopped, None)
            elif kind == "script_finished":
                status = ForwardMsg.ScriptFinishedStatus.Name(msg.script_finished)
                if status == "FINISHED_EARLY_FOR_RERUN":
                    # The app reran itself (a query-string rewrite, st.rerun after a click);
                    # what the stopped run drew is replaced by what the next one draws.
                    drawn.clear()
                    timers.clear()
                    continue
                ran = fragment_id if status == "FINISHED_FRAGMENT_RUN_SUCCESSFULLY" else ""
                self._note_widgets(drawn, ran)
                # As the browser does: a full run announces every run_every fragment it drew
                # (the others' timers stop: the server drops a rerun of a fragment it no
                # longer has, without an answer); a fragment's run, only itself.
                self.auto_reruns = {**self.auto_reruns, **timers} if ran else timers
                return RunResult(
                    time.perf_counter() - started,
                    status,
                    hashlib.sha256("\n".join(shown).encode()).hexdigest()[:16],
                    exceptions,
                    self.upstream,
                    shown,
                    alerts,
                )

    async def _next_message(self, deadline: float, late: str) -> ForwardMsg:
        """The server's next message, counted in :attr:`bytes_received`; a SessionError saying
        ``late`` once ``deadline`` (a :func:`time.perf_counter` time) has passed."""
        assert self.ws is not None
        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            raise SessionError(late)
        try:
            data = await asyncio.wait_for(self.ws.recv(), remaining)
        except TimeoutError:
            raise SessionError(late) from None
        self.bytes_received += len(data)
        return ForwardMsg.FromString(data if isinstance(data, bytes) else data.encode())

    def _note_address(self, msg: ForwardMsg) -> None:
        """What a browser's address bar would show after ``msg``, which a reconnect (or reload)
        sends back: the query string the app mirrors its scenario into, and the page the run
        drew (st.switch_page may have moved it)."""
        if msg.WhichOneof("type") == "page_info_changed":
            self.query = msg.page_info_changed.query_string
            return
        self.page_script_hash = msg.navigation.page_script_hash
        for app_page in msg.navigation.app_pages:
            if app_page.page_script_hash == msg.navigation.page_script_hash:
                self.page = app_page.url_pathname

    def _note_widgets(self, drawn: list[Widget], fragment_id: str) -> None:
        """After a full run the page holds exactly what it drew; after a fragment's run the
        fragment's widgets are replaced and the rest of the page stays."""
        if fragment_id:
            self.widgets = {k: w for k, w in self.widgets.items() if w.fragment != fragment_id}
        else:
            self.widgets = {}
        for widget in drawn:  # labels repeated in one form: the last one drawn wins
            self.widgets[(widget.form, widget.label)] = widget

    def _note_element(
        self,
        element,
        fragment_id: str,
        shown: list[str],
        exceptions: list[str],
        alerts: list[str],
        drawn: list[Widget],
    ) -> None:
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
        elif kind == "bidi_component" and body.component_name == "sib_live_chart":
            # An in-place chart: its figure's JSON. (Not the sidebar's copy-link component,
            # whose link names the address the session reached: each replica's own, directly.)
            shown.append(f"chart {body.json}")
        elif kind == "alert":
            alerts.append(body.body)
        widget_id = getattr(body, "id", "")
        if widget_id and hasattr(body, "label"):
            drawn.append(
                Widget(
                    widget_id,
                    kind,
                    body.label,
                    getattr(body, "form_id", ""),
                    fragment_id,
                    bool(getattr(body, "disabled", False)),
                    kind != "number_input" or body.data_type == body.FLOAT,
                )
            )
        if kind == "slider" and widget_id:
            for key in SLIDERS:
                if widget_id.endswith("-" + key):
                    self._note_slider(key, body)

    def _note_slider(self, key: str, body) -> None:
        self.widget_ids[key] = body.id
        if body.type != body.SELECT_SLIDER:
            self.slider_options.pop(key, None)
            self.values.setdefault(key, body.value[0] if body.value else body.default[0])
            return
        # The sidebar's fractional sliders are select sliders (so that they read in the
        # page's language): the browser sends the text of the chosen stop.
        options = list(body.options)
        self.slider_options[key] = options
        shown = body.raw_value[0] if body.raw_value else options[int(body.default[0])]
        self.values.setdefault(key, option_value(shown))


def option_value(text: str) -> float:
    """A select slider's stop as the English page writes it ("53.5%", "0.50") → its value."""
    plain = text.replace(",", "").replace("\u00a0", "").replace(" ", "")
    if plain.endswith("%"):
        return float(plain[:-1]) / 100
    return float(plain)


def nearest_option(options: list[str], value: float) -> str:
    """The stop of a select slider closest to ``value`` (what a drag to it lands on)."""
    return min(options, key=lambda text: abs(option_value(text) - value))
