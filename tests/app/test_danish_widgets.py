"""Issue 10, item 5: in Danish no slider shows an English decimal point or percent sign."""

from __future__ import annotations

import re

import pytest

from tests._app import slider, start
from ui.inputs import INPUTS, is_select_slider

FRACTIONAL = [field for field, spec in INPUTS.items() if is_select_slider(spec)]
ENGLISH_NUMBER = re.compile(r"\d\.\d|\d,\d{3}\b|\d%")


def test_fractional_sliders_read_danish_in_danish():
    at = start({"lang": "da"})
    for field in FRACTIONAL:
        options = slider(at, f"in_{field}").options
        bad = [o for o in options if ENGLISH_NUMBER.search(o)]
        assert not bad, (field, bad[:3])
    assert "40 %" in slider(at, "in_success_probability").options
    assert "0,50" in slider(at, "in_difficulty").options


def test_fractional_sliders_read_english_in_english():
    at = start()
    assert "40%" in slider(at, "in_success_probability").options
    assert "0.50" in slider(at, "in_difficulty").options


@pytest.mark.parametrize("lang", ["en", "da"])
def test_select_sliders_still_give_the_model_floats(lang):
    at = start({"lang": lang, "p": "0.535"})
    assert slider(at, "in_success_probability").value == pytest.approx(0.535)
    slider(at, "in_success_probability").set_value(0.6).run()
    assert not at.exception
    assert at.session_state["scenario"].success_probability == pytest.approx(0.6)
    assert at.query_params["p"] in ("0.6", ["0.6"])
