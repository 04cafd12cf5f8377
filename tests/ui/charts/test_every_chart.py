"""What holds for every chart: it speaks the reader's language and stays small enough to
redraw fast."""

from __future__ import annotations

from sib_model import (
    Scenario,
    deal_space,
    payoff_curve,
)
from ui import charts
from ui.text.translator import Translator

EN, DA = Translator("en"), Translator("da")


def test_every_chart_speaks_danish_in_danish(default_result):
    english = charts.investor_return_histogram(
        default_result.distribution, default_result.summary, EN
    )
    danish = charts.investor_return_histogram(
        default_result.distribution, default_result.summary, DA
    )
    assert english.layout.title.text != danish.layout.title.text
    assert danish.layout.xaxis.title.text == "Investorens afkast (IRR pr. år)"
    assert danish.layout.separators == ",."
    assert [trace.name for trace in danish.data] == ["Tab", "Pengene igen eller mere"]


def test_figures_stay_small_enough_to_redraw_fast(default_result):
    s = Scenario()
    figures = [
        charts.investor_return_histogram(default_result.distribution, default_result.summary, EN),
        charts.payoff_chart(payoff_curve(s), s, EN),
        charts.commissioner_comparison(default_result.summary, EN),
        charts.wrong_pocket_chart(default_result.summary, EN),
        charts.deal_space_heatmap(
            deal_space(s, n_prices=25, n_difficulties=21, n_simulations=300), s, EN
        ),
    ]
    for fig in figures:
        assert len(fig.to_json()) < 60_000
