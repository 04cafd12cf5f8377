"""What the contract does with a result: payments, capital, cash flows and each party's net.

Everything here is a deterministic function of the number of starters ``n`` and outcomes ``S``
(arrays of any broadcastable shape), so the same code settles simulated draws, exact grids and
the payoff curve. DESIGN.md, steps 4–10::

    payable   = S                        (every_outcome)
              = max(0, S − n·b)          (above_baseline; b = contract baseline or c(d))
    paid only if n > 0 and S / n ≥ threshold
    P         = min(cap, payable · price(d))
    capital   = fixed_costs + n · delivery_cost_per_participant
    investor and provider are repaid pro rata to the capital each put in.

Timing (yearly, T = duration_years, L = payment_lag_years): fixed costs at year 0, delivery
costs evenly over years 0…T−1, outcome payments evenly over years L…L+T−1. The public saving
of an additional outcome is assumed to arrive when it is paid for (same years as P), which
keeps the commissioner's comparison of cost and saving like for like. The lag is at least a
year, so the investor's flows always run from outlays to receipts and the IRR exists whenever
something is paid.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .irr import irr
from .scenario import Scenario
from .targeting import baseline_rate_at, counterfactual_probability_at, price_at

__all__ = ["Settlement", "settle", "year_weights"]

Array = NDArray[np.float64]


def year_weights(s: Scenario) -> tuple[Array, Array, Array]:
    """Share of delivery costs and of outcome payments falling in each year, and the
    discount factor of each year: three arrays of length T + L."""
    years = np.arange(s.duration_years + s.payment_lag_years)
    delivery = np.where(years < s.duration_years, 1.0 / s.duration_years, 0.0)
    payment = np.where(years >= s.payment_lag_years, 1.0 / s.duration_years, 0.0)
    discount = (1.0 + s.discount_rate) ** -years.astype(float)
    return delivery, payment, discount


@dataclass(frozen=True)
class Settlement:
    """Each party's money for given starters and outcomes (DKK; present values where named
    ``_pv``; nominal otherwise). All arrays share the broadcast shape of the inputs."""

    starters: Array
    outcomes: Array
    counterfactual_outcomes: Array
    additional_outcomes: Array
    payable_outcomes: Array
    threshold_met: NDArray[np.bool_]
    payment_capped: NDArray[np.bool_]
    payment: Array
    capital: Array
    investor_capital: Array
    provider_capital: Array
    investor_payment: Array
    provider_payment: Array
    investor_profit: Array
    investor_moic: Array
    investor_irr: Array
    provider_net: Array
    commissioner_payment_pv: Array
    commissioner_saving_pv: Array
    commissioner_net: Array
    conventional_cost_pv: Array
    conventional_net: Array
    society_net: Array

    def as_columns(self) -> dict[str, Array]:
        """Name → array, in declaration order: the columns of a draws table."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


def investor_cash_flows(s: Scenario, investor_capital_delivery: ArrayLike,
                        investor_payment: ArrayLike) -> Array:
    """Yearly investor flows, shape (..., T + L): fixed costs and its share of delivery out,
    its share of outcome payments in."""
    delivery, payment, _ = year_weights(s)
    flows = (-np.asarray(investor_capital_delivery, dtype=float)[..., None] * delivery
             + np.asarray(investor_payment, dtype=float)[..., None] * payment)
    flows[..., 0] -= s.fixed_costs
    return flows


def settle(s: Scenario, starters: ArrayLike, outcomes: ArrayLike,
           difficulty: ArrayLike | None = None,
           price_per_outcome: ArrayLike | None = None) -> Settlement:
    """Settle the contract for ``starters`` and ``outcomes`` (any broadcastable shapes).

    ``difficulty`` and ``price_per_outcome`` override the scenario's, so an analysis can sweep
    them without building a scenario per point.
    """
    d = s.difficulty if difficulty is None else difficulty
    c = counterfactual_probability_at(s, d)
    b = baseline_rate_at(s, d)
    price = price_at(s, d, price_per_outcome)
    n = np.asarray(starters, dtype=float)
    S = np.asarray(outcomes, dtype=float)
    # Every result takes the full broadcast shape, e.g. draws × prices for the deal space.
    shape = np.broadcast_shapes(n.shape, S.shape, c.shape, price.shape)
    n, S = np.broadcast_to(n, shape), np.broadcast_to(S, shape)

    counterfactual = n * c
    additional = S - counterfactual
    if s.payment_basis == "every_outcome":
        payable = S
    else:
        payable = np.maximum(0.0, S - n * b)
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(n > 0, S / np.where(n > 0, n, 1.0), 0.0)
    # A tiny tolerance keeps "exactly at the threshold" paid despite rounding in S / n.
    threshold_met = (n > 0) & (rate >= s.success_threshold - 1e-12)
    uncapped = np.where(threshold_met, payable * price, 0.0)
    cap = np.inf if s.payment_cap is None else s.payment_cap
    payment = np.minimum(uncapped, cap)
    capped = uncapped > cap

    delivery_total = n * s.delivery_cost_per_participant
    provider_capital = s.provider_fee_at_risk * delivery_total
    investor_delivery = delivery_total - provider_capital
    investor_capital = s.fixed_costs + investor_delivery
    capital = investor_capital + provider_capital
    with np.errstate(divide="ignore", invalid="ignore"):
        investor_share = np.where(capital > 0, investor_capital / capital, 1.0)
        moic = np.where(capital > 0, payment / capital, np.nan)
    investor_payment = payment * investor_share
    provider_payment = payment - investor_payment

    flows = investor_cash_flows(s, investor_delivery, investor_payment)
    investor_irr = np.asarray(irr(flows), dtype=float).reshape(n.shape)
    # Nothing paid back on money put in is a total loss: −100 %, not "undefined".
    investor_irr = np.where((investor_payment <= 0) & (investor_capital > 0), -1.0,
                            investor_irr)
    investor_moic = np.where(investor_capital > 0, moic, np.nan)

    delivery_w, payment_w, discount = year_weights(s)
    payment_pv_factor = float(payment_w @ discount)
    delivery_pv_factor = float(delivery_w @ discount)
    public_saving_pv = additional * s.public_savings_per_outcome * payment_pv_factor
    commissioner_payment_pv = payment * payment_pv_factor
    commissioner_saving_pv = public_saving_pv * s.municipal_share_of_savings
    conventional_cost_pv = s.fixed_costs + delivery_total * delivery_pv_factor

    return Settlement(
        starters=n,
        outcomes=S,
        counterfactual_outcomes=counterfactual,
        additional_outcomes=additional,
        payable_outcomes=payable,
        threshold_met=threshold_met,
        payment_capped=capped,
        payment=payment,
        capital=capital,
        investor_capital=investor_capital,
        provider_capital=provider_capital,
        investor_payment=investor_payment,
        provider_payment=provider_payment,
        investor_profit=investor_payment - investor_capital,
        investor_moic=investor_moic,
        investor_irr=investor_irr,
        provider_net=provider_payment - provider_capital,
        commissioner_payment_pv=commissioner_payment_pv,
        commissioner_saving_pv=commissioner_saving_pv,
        commissioner_net=commissioner_saving_pv - commissioner_payment_pv,
        conventional_cost_pv=conventional_cost_pv,
        conventional_net=commissioner_saving_pv - conventional_cost_pv,
        society_net=public_saving_pv - conventional_cost_pv,
    )
