"""Every word the dashboard shows, and how numbers are written.

* :mod:`ui.text.english` — the English source of every visible text, keyed by name;
* :mod:`ui.text.catalog` — the gettext catalogs (``locale/``, read with Babel) that translate
  them, and the ``python -m ui.text.catalog extract|update`` commands for translators;
* :mod:`ui.text.translator` — :class:`~ui.text.translator.Translator`, the one object pages
  and builders use to get a text in the reader's language, with its number format;
* :mod:`ui.text.numbers` — numbers, money and percentages written (and read back) the way the
  reader's language does.

May import: ``sib_model``, Babel and the standard library; never Streamlit or plotly.
"""
