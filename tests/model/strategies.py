"""Hypothesis strategies for scenarios, shared by the model's property tests."""

import math

from hypothesis import strategies as st

from sib_model import Scenario

contracts = st.builds(
    Scenario,
    cohort_size=st.integers(1, 300),
    referral_rate=st.floats(0.05, 1),
    success_probability=st.floats(0.01, 0.99),
    counterfactual_probability=st.floats(0, 0.9),
    difficulty=st.floats(0, 1),
    evidence_strength=st.one_of(st.floats(1, 500), st.just(math.inf)),
    duration_years=st.integers(1, 6),
    price_per_outcome=st.floats(0, 1e6),
    difficulty_premium=st.floats(0, 1),
    payment_basis=st.sampled_from(["every_outcome", "above_baseline"]),
    contract_baseline=st.one_of(st.none(), st.floats(0, 1)),
    success_threshold=st.floats(0, 1),
    payment_cap=st.one_of(st.none(), st.floats(0, 5e7)),
    delivery_cost_per_participant=st.floats(0, 2e5),
    fixed_costs=st.floats(1e4, 5e6),  # a contract with no capital is no investment
    payment_lag_years=st.integers(1, 4),
    savings_gradient=st.floats(0, 2),
    savings_years=st.integers(1, 10),
    provider_fee_at_risk=st.floats(0, 1),
    investor_return_cap=st.one_of(st.none(), st.floats(1, 3)),
    guarantee_share=st.floats(0, 1),
)


#: Cohorts small enough that a property's evaluations take milliseconds.
small_contracts = contracts.map(lambda s: s.replace(cohort_size=min(s.cohort_size, 60)))


scenario_numbers = {
    "cohort_size": st.integers(1, 10_000),
    "referral_rate": st.floats(0, 1),
    "success_probability": st.floats(0, 1),
    "difficulty": st.floats(0, 1),
    "evidence_strength": st.one_of(st.floats(0.01, 1e6), st.just(math.inf)),
    "difficulty_spread": st.floats(0, 0.5),
    "parked_share": st.floats(0, 1),
    "price_per_outcome": st.floats(0, 1e8),
    "difficulty_premium": st.floats(0, 1),
    "payment_basis": st.sampled_from(["every_outcome", "above_baseline"]),
    "contract_baseline": st.one_of(st.none(), st.floats(0, 1)),
    "payment_cap": st.one_of(st.none(), st.floats(0, 1e10)),
    "payment_lag_years": st.integers(1, 5),
    "savings_gradient": st.floats(0, 2),
    "savings_years": st.integers(1, 10),
    "municipal_share_of_savings": st.floats(0, 1),
    "state_share_of_other_savings": st.floats(0, 1),
    "investor_return_cap": st.one_of(st.none(), st.floats(1, 10)),
    "guarantee_share": st.floats(0, 1),
}
