"""SIB Scenario Explorer's model of a social impact bond (*social investering*).

Pure Python on numpy, scipy, pandas and pydantic. May import only those and the standard
library: never a user interface (Streamlit, plotly, ``ui``) nor the game (``sib_game``).
See DESIGN.md for the domain and the equations; each module's docstring gives the part it
holds.

Names follow DESIGN.md's roles: the *commissioner* pays for outcomes (in Denmark a
municipality, which is what the dashboard calls it) and *conventional* funding is the
commissioner paying for the same programme directly (the dashboard's "funding it directly").
"""

from .analysis_creaming import CreamingFrontier, creaming_frontier
from .analysis_deal_space import deal_space
from .analysis_parking import ParkingFrontier, can_park, parking_frontier
from .analysis_payoff import payoff_curve
from .analysis_sensitivity import sensitivity
from .codec import (
    QUERY_KEYS,
    QueryProblem,
    field_of_query_key,
    scenario_from_json,
    scenario_from_query,
    scenario_to_json,
    scenario_to_query,
)
from .irr import irr
from .preferences import Preference
from .presets import PRESET_DETAILS, PRESETS, PresetDetails
from .scenario import FIELD_LIMITS, Scenario, ScenarioError
from .simulation import ScenarioResult, SimulationResult, evaluate, simulate
from .summary import Summary
from .targeting import counterfactual_probability_at, price_at, success_probability_at
from .workspace import (
    MAX_PINNED,
    SETTINGS,
    Workspace,
    WorkspaceError,
    workspace_from_json,
    workspace_from_query,
    workspace_to_json,
    workspace_to_query,
)

__all__ = [
    "Scenario",
    "ScenarioError",
    "FIELD_LIMITS",
    "evaluate",
    "simulate",
    "ScenarioResult",
    "SimulationResult",
    "Summary",
    "payoff_curve",
    "creaming_frontier",
    "CreamingFrontier",
    "parking_frontier",
    "can_park",
    "ParkingFrontier",
    "Preference",
    "deal_space",
    "sensitivity",
    "PRESETS",
    "PRESET_DETAILS",
    "PresetDetails",
    "irr",
    "success_probability_at",
    "counterfactual_probability_at",
    "price_at",
    "scenario_to_query",
    "scenario_from_query",
    "scenario_to_json",
    "scenario_from_json",
    "QueryProblem",
    "QUERY_KEYS",
    "field_of_query_key",
    "Workspace",
    "WorkspaceError",
    "workspace_to_query",
    "workspace_from_query",
    "workspace_to_json",
    "workspace_from_json",
    "MAX_PINNED",
    "SETTINGS",
]
