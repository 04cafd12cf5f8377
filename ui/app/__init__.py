"""Everything that calls Streamlit: the one layer that knows about sessions and widgets.

* :mod:`ui.app.keys` — every session-state key, named once;
* :mod:`ui.app.state` — the URL and session state, read and written only through its functions;
* :mod:`ui.app.results` — the model calls, cached and shared by every session;
* :mod:`ui.app.sidebar`, :mod:`ui.app.number_box`, :mod:`ui.app.layout`,
  :mod:`ui.app.headline`, :mod:`ui.app.page_charts`, :mod:`ui.app.presenter` — widgets and
  page furniture;
* :mod:`ui.app.live_chart`, :mod:`ui.app.viewport` — the two components, each with its
  JavaScript beside it;
* :mod:`ui.app.game` — the negotiation game's screens (its rules and rooms are ``sib_game``);
* :mod:`ui.app.guide` — the facilitator's guide page, with its print stylesheet beside it.

May import: anything in ``ui``, ``sib_model``, ``sib_game`` and Streamlit. Pages in
``app_pages/`` import from here and from the pure packages, never the other way round.
"""
