"""The dashboard, in layers: pure packages that build what is shown, and one that shows it.

=============  =====================================================  ==========================
package        holds                                                  may import
=============  =====================================================  ==========================
``ui.text``    English source texts, gettext catalogs, translator,    ``sib_model``, Babel
               number formats
``ui.spec``    the inputs' widget specs, the page registry, typed     ``sib_model``
               result bundles
``ui.charts``  pure plotly figure builders, one module per page        the above, plotly
``ui.words``   sentences: headline figures, narrative, comparison,    the above
               story, link messages
``ui.export``  Excel, CSV, PDF, saved files, share link and QR        the above
``ui.app``     everything that calls Streamlit: session keys and      everything, Streamlit
               state, cached results, sidebar, widgets, layout,
               presenter mode, the game's screens, the components
=============  =====================================================  ==========================

Dependencies point one way: ``app.py`` and ``app_pages/`` → ``ui.app`` → the pure packages →
``sib_model`` and ``sib_game``. Only ``ui.app`` (and the pages) may import Streamlit; ruff's
banned-import rule and ``tests/test_layers.py`` enforce it.

Two word pairs on purpose: the model says *commissioner* and *conventional* funding (the
generic roles of DESIGN.md, in names such as ``expected_commissioner_net`` and
``conventional_cost``), while everything a person reads says *municipality* (*kommune*) and
*funding the programme directly* — the words of the people in the room. Code names follow the
model; visible texts follow the room.
"""
