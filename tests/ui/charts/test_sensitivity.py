"""The Sensitivity page's tornado and the input values it names."""

from __future__ import annotations

import numpy as np
import pytest

from sib_model import (
    Scenario,
    sensitivity,
)
from ui import charts
from ui.text.translator import Translator

EN, DA = Translator("en"), Translator("da")


def test_tornado_puts_the_largest_swing_on_top_with_translated_labels():
    table = sensitivity(Scenario(), n_simulations=2_000)
    fig = charts.tornado_chart(table, "expected_investor_irr", EN, top=5)
    rows = table[table["metric"] == "expected_investor_irr"].head(5)
    assert fig.data[0].y[-1] == EN.label(rows["field"].iloc[0])
    low = np.array(fig.data[0].x)
    assert low[-1] == pytest.approx(
        (rows["low_result"].iloc[0] - rows["base_result"].iloc[0]) * 100
    )


def test_format_input_value_uses_each_fields_unit():
    assert charts.format_input_value("price_per_outcome", 200_000, DA) == "200.000 kr."
    assert charts.format_input_value("referral_rate", 0.6, EN) == "60.0%"
    assert charts.format_input_value("cohort_size", 120, EN) == "120"
