"""The Deal space heatmap: which prices and cohorts every party would sign."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from sib_model import (
    Scenario,
)
from sib_model.analysis_deal_space import ZONES
from ui.charts.theme import ZONE_COLOURS, base_layout, figure_of
from ui.text.translator import Translator

__all__ = [
    "ZONE_TEXT",
    "deal_space_heatmap",
]


#: Text key of each deal-space zone (``sib_model.analysis_deal_space.ZONES``, in order).
ZONE_TEXT = dict(
    zip(ZONES, ("zone_neither", "zone_investor", "zone_commissioner", "zone_deal"), strict=True)
)


def deal_space_heatmap(grid: pd.DataFrame, s: Scenario, t: Translator) -> go.Figure:
    """Price × difficulty coloured by who would sign, with the current scenario marked."""
    prices = np.sort(grid["price_per_outcome"].unique())
    difficulties = np.sort(grid["difficulty"].unique())
    wide = grid.pivot(index="price_per_outcome", columns="difficulty")

    def cells(column: str) -> np.ndarray:
        return wide[column].loc[prices, difficulties].to_numpy()

    zone, irr, loss, net = (
        cells(c)
        for c in (
            "zone",
            "expected_investor_irr",
            "probability_of_loss",
            "expected_commissioner_net",
        )
    )
    names = [t(ZONE_TEXT[z]) for z in ZONES]
    zone_names = np.array(names, dtype=object)[zone.astype(int)]
    hover = (
        f"%{{text}}<br>{t('hover_irr')}: {t.fmt.hover_percent('customdata[0]')}"
        f"<br>{t('hover_loss')}: {t.fmt.hover_percent('customdata[1]', 0)}"
        f"<br>{t('hover_net')}: %{{customdata[2]}}<extra></extra>"
    )
    # The municipality's net as every other page writes it (NumberFormat.amount), not d3's
    # kroner: in the current scenario's cell it is the headline's figure (one true number).
    net_text = np.array([[t.fmt.amount(v) for v in row] for row in net], dtype=object)
    scale = []
    for k, colour in enumerate(ZONE_COLOURS):
        scale += [[k / 4, colour], [(k + 1) / 4, colour]]
    data = [
        dict(
            type="heatmap",
            x=difficulties,
            y=prices,
            z=zone,
            zmin=-0.5,
            zmax=3.5,
            colorscale=scale,
            text=zone_names,
            hovertemplate=hover,
            customdata=np.dstack([irr * 100, loss * 100, net_text]),
            # The zones are named in the legend below the plot, not in a colour bar beside
            # it: there, the zone names took half a phone's width from the plot.
            showscale=False,
            colorbar=dict(tickvals=[0, 1, 2, 3], ticktext=names, thickness=14),
        ),
        dict(
            type="scatter",
            x=[s.difficulty],
            y=[s.price_per_outcome],
            mode="markers",
            name=t("current_scenario"),
            marker=dict(symbol="x", size=14, color="black", line=dict(width=2, color="white")),
            hovertext=[f"{t('current_scenario')}: {t.fmt.money(s.price_per_outcome)}"],
            hoverinfo="text",
        ),
        *(
            dict(
                type="scatter",
                x=[None],
                y=[None],
                mode="markers",
                name=name,
                marker=dict(symbol="square", size=14, color=colour),
                hoverinfo="skip",
            )
            for name, colour in zip(names, ZONE_COLOURS, strict=True)
        ),
    ]
    layout = base_layout(
        t,
        t("chart_deal_title"),
        height=520,
        margin=dict(l=60, r=10, t=60, b=120),
        xaxis=dict(title=dict(text=t("chart_difficulty_x"))),
        yaxis=dict(title=dict(text=t("chart_price_y")), tickformat=",.0f"),
    )
    return figure_of(data, layout)
