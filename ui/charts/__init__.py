"""Chart builders: model results in, plotly figures out. No Streamlit here.

One module per page or chart family; :mod:`~ui.charts.theme` holds the shared look and
:mod:`~ui.charts.baseline` the grey baseline drawn behind any chart. Every builder is a pure
function of model results and a :class:`~ui.text.translator.Translator` (which carries the
number format), so it can be unit-tested without a server and the same result always gives
the same figure. Histograms are drawn from the model's compact ``distribution`` table (one
row per distinct outcome, weighted by its probability), never from raw draws, to keep each
figure a few kilobytes. Money on axes is in DKK million; exact amounts are in the hover
text, formatted for the reader's language.

The package re-exports every builder and the few shared names pages and other packages
use; the theme's building blocks stay in :mod:`ui.charts.theme`.

May import: ``sib_model``, ``ui.text``, ``ui.spec``, plotly, numpy, pandas.
"""

from ui.charts.baseline import GHOST, add_baseline
from ui.charts.compare import (
    SERIES_COLOURS,
    compare_cash_chart,
    compare_frontier_chart,
    compare_return_chart,
)
from ui.charts.creaming import (
    creaming_chart,
    lever_chart,
    lever_table,
    parking_chart,
    parking_lever_table,
)
from ui.charts.deal_space import ZONE_TEXT, deal_space_heatmap
from ui.charts.explorer import (
    cash_flow_chart,
    commissioner_comparison,
    investor_return_histogram,
    payoff_chart,
    wrong_pocket_chart,
)
from ui.charts.reality import reality_table
from ui.charts.sensitivity import format_input_value, tornado_chart
from ui.charts.theme import COLOURS, OKABE_ITO, presenter_figure, weighted_histogram

__all__ = [
    "COLOURS",
    "OKABE_ITO",
    "presenter_figure",
    "weighted_histogram",
    "GHOST",
    "add_baseline",
    "investor_return_histogram",
    "commissioner_comparison",
    "wrong_pocket_chart",
    "payoff_chart",
    "cash_flow_chart",
    "creaming_chart",
    "parking_chart",
    "lever_chart",
    "lever_table",
    "parking_lever_table",
    "ZONE_TEXT",
    "deal_space_heatmap",
    "format_input_value",
    "tornado_chart",
    "SERIES_COLOURS",
    "compare_return_chart",
    "compare_frontier_chart",
    "compare_cash_chart",
    "reality_table",
]
