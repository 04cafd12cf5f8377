"""Model results shared by the chart tests (simulated once per module)."""

import pytest

from sib_model import Scenario, simulate


@pytest.fixture(scope="module")
def default_result():
    """The default scenario's simulated contracts: draws enough for every histogram."""
    return simulate(Scenario(), n_simulations=4_000, seed=1)
