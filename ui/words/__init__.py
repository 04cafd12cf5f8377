"""Sentences about a scenario: what the numbers mean, in the reader's language.

* :mod:`ui.words.headline` — the headline figures and their change against the baseline;
* :mod:`ui.words.narrative` — the plain-language sentences under each chart;
* :mod:`ui.words.comparison` — the Compare page's table of pinned scenarios;
* :mod:`ui.words.story` — the guided story's steps;
* :mod:`ui.words.guide` — the facilitator's guide: the workshop plans and their words;
* :mod:`ui.words.link_messages` — what a link or saved file got wrong, said kindly.

May import: ``sib_model``, ``ui.text``, ``ui.spec``, ``ui.charts`` (for shared names); never
Streamlit.
"""
