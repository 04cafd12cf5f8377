"""The dashboard's helpers: translation tables, number formats, widget specs, URL state,
cached model calls, plain-language sentences and pure chart builders.

Dependencies point one way: ``app_pages/`` → ``ui`` → ``sib_model``. Only ``state``, ``sidebar``,
``compute``, ``layout`` and ``live_chart`` (the in-place chart component, with its JavaScript in
``live_chart.js``) import Streamlit; ``charts``, ``narrative``, ``inputs``, ``i18n`` and
``formatting`` are plain functions that tests call directly.
"""
