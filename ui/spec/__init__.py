"""What the dashboard offers, as data: its inputs (each field's widget, derived from the
model's field declarations), its pages, and the bundles of results a page draws from.

* :mod:`ui.spec.inputs` — one :class:`~ui.spec.inputs.InputSpec` per scenario field;
* :mod:`ui.spec.pages` — the page registry (path, title key, icon);
* :mod:`ui.spec.result_types` — typed bundles of model results handed to chart builders.

May import: ``sib_model`` and the standard library; never Streamlit.
"""
