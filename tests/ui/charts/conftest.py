"""Model results shared by the chart tests (simulated once per module)."""

import pytest

from sib_model import Scenario, simulate
from ui.charts import theme


@pytest.fixture(autouse=True)
def every_figure_checked(monkeypatch):
    """The app builds figures without plotly's property checks (``theme.VALIDATE``); every
    chart test builds them with the checks, so a wrong property fails here."""
    monkeypatch.setattr(theme, "VALIDATE", True)


@pytest.fixture(scope="module")
def default_result():
    """The default scenario's simulated contracts: draws enough for every histogram."""
    return simulate(Scenario(), n_simulations=4_000, seed=1)
