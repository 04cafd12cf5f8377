"""The dashboard's helpers: texts and their catalogs, number formats, widget specs, URL state,
cached model calls, headline figures, plain-language sentences and pure chart builders.

Dependencies point one way: ``app_pages/`` → ``ui`` → ``sib_model``. Only ``state``,
``sidebar``, ``results``, ``headline``, ``layout`` and ``live_chart`` (the in-place chart
component, with its JavaScript in ``live_chart.js``) import Streamlit; ``charts``,
``narrative``, ``inputs``, ``i18n``, ``catalog``, ``link_messages``, ``result_types``, ``pages``
and ``formatting`` are plain functions and data that tests call directly.

Two word pairs on purpose: the model says *commissioner* and *conventional* funding (the
generic roles of DESIGN.md, in names such as ``expected_commissioner_net`` and
``conventional_cost``), while everything a person reads says *municipality* (*kommune*) and
*funding the programme directly* — the words of the people in the room. Code names follow the
model; visible texts follow the room.
"""
