"""What the contract does with a result: payments, capital, cash flows and each party's net.

Everything here is a deterministic function of a :class:`~sib_model.cohort.CohortOutcomes`
(arrays of any broadcastable shape), so the same code settles exact pair tables, simulated
futures, price grids and the payoff curve. DESIGN.md, steps 4–10 and the second step::

    payable   = Σ_i tilt_i · S_i                      (every_outcome)
              = max(0, Σ_i tilt_i · (S_i − n_i·b_i))  (above_baseline; b = baseline or c(d_i))
    paid only if n > 0 and S / n ≥ threshold
    P         = min(cap, price · payable, return_cap · capital)
    capital   = fixed_costs + delivery_cost_per_participant · (served
                + parked_service_cost_share · parked)      (a parked citizen's minimum service)
    investor and provider are repaid pro rata to the capital each put in;
    guarantor = min(investor's shortfall, guarantee_share · investor's capital)
    saving    = municipality's share m(d), the state's (1 − m(d))·q, the region's
                (1 − m(d))·(1 − q) of the public saving (q = state_share_of_other_savings;
                m(d) = municipal_share_of_savings + municipal_share_gradient · (d − 0.5),
                clipped to [0, 1]); the three add up
    guarantee = paid by ``guarantee_payer`` (the state or the municipality) and counted in
                that party's net; society's net counts it as the transfer it is (the public
                pays, the investor receives), and ``public_net`` (all public budgets) bears it

Money is conserved: municipality + state + region + investor + provider = society (with the
investor's and provider's nominal flows at a zero discount rate; a Hypothesis property).

Timing (yearly, T = duration_years, L = payment_lag_years, Y = savings_years): fixed costs at
year 0, delivery costs evenly over years 0…T−1, outcome payments evenly over years L…L+T−1,
a guarantee paid in the last payment year. The public saving of an additional outcome
accrues evenly over Y years from the year the outcome is paid for; with Y = 1 cost and saving
fall in the same years. The lag is at least a year, so the investor's flows always run from
outlays to receipts and the IRR exists whenever something comes back.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .cohort import CohortOutcomes
from .irr import irr
from .scenario import Scenario

__all__ = [
    "Settlement",
    "settle",
    "year_weights",
    "investor_cash_flows",
    "last_payment_year",
    "LOSS_TOLERANCE",
    "lost_money",
]

Array = NDArray[np.float64]

#: How far below 1 a money multiple must be to count as a loss. A full guarantee pays back
#: exactly what was put in, but computed as a sum of floats it lands a rounding error either
#: side of 1 (0.9999999999999998): counted as it stood, a fully guaranteed investor showed a
#: 20 % risk of loss, and that risk rose with more success (Hypothesis found the case).
LOSS_TOLERANCE = 1e-9


def lost_money(moic: ArrayLike) -> NDArray[np.bool_]:
    """Whether each future's money multiple means the investor got back less than it put in
    (beyond rounding: :data:`LOSS_TOLERANCE`)."""
    return np.asarray(moic, dtype=float) < 1.0 - LOSS_TOLERANCE


def year_weights(s: Scenario) -> tuple[Array, Array, Array, Array]:
    """Share of delivery costs, of outcome payments and of savings falling in each year, and
    the discount factor of each year: four arrays over the contract's horizon of
    T + L + Y − 1 years."""
    horizon = s.duration_years + s.payment_lag_years + s.savings_years - 1
    years = np.arange(horizon)
    delivery = np.where(years < s.duration_years, 1.0 / s.duration_years, 0.0)
    payment = np.where(
        (years >= s.payment_lag_years) & (years < s.payment_lag_years + s.duration_years),
        1.0 / s.duration_years,
        0.0,
    )
    savings = np.convolve(payment, np.full(s.savings_years, 1.0 / s.savings_years))[:horizon]
    discount = (1.0 + s.discount_rate) ** -years.astype(float)
    return delivery, payment, savings, discount


def last_payment_year(s: Scenario) -> int:
    """The year of the last outcome payment, when a guarantee settles."""
    return s.payment_lag_years + s.duration_years - 1


@dataclass(frozen=True)
class Settlement:
    """Each party's money for given cohort outcomes (DKK; present values where named ``_pv``;
    nominal otherwise). All arrays share the broadcast shape of the inputs.

    The investor's figures (``investor_received``, ``investor_profit``, ``investor_moic``,
    ``investor_irr``) include what a guarantor pays it; ``investor_moic_unguaranteed`` is the
    money multiple from outcome payments alone."""

    starters: Array
    served: Array
    parked: Array
    outcomes: Array
    counterfactual_outcomes: Array
    additional_outcomes: Array
    payable_outcomes: Array
    threshold_met: NDArray[np.bool_]
    payment_capped: NDArray[np.bool_]
    return_capped: NDArray[np.bool_]
    payment: Array
    capital: Array
    investor_capital: Array
    provider_capital: Array
    investor_payment: Array
    guarantor_payment: Array
    investor_received: Array
    provider_payment: Array
    investor_profit: Array
    investor_moic: Array
    investor_moic_unguaranteed: Array
    investor_irr: Array
    provider_net: Array
    commissioner_payment_pv: Array
    commissioner_saving_pv: Array
    commissioner_net: Array
    conventional_cost_pv: Array
    conventional_net: Array
    public_saving_pv: Array
    state_saving_pv: Array
    region_saving_pv: Array
    guarantor_payment_pv: Array
    state_net: Array
    public_net: Array
    society_net: Array

    def as_columns(self) -> dict[str, Array]:
        """Name → array, in declaration order: the columns of a draws table."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


def investor_cash_flows(
    s: Scenario,
    investor_capital_delivery: ArrayLike,
    investor_payment: ArrayLike,
    guarantor_payment: ArrayLike = 0.0,
) -> Array:
    """Yearly investor flows, shape (..., horizon): fixed costs and its share of delivery out,
    its share of outcome payments in, and a guarantee in the last payment year."""
    delivery, payment, _, _ = year_weights(s)
    flows = (
        -np.asarray(investor_capital_delivery, dtype=float)[..., None] * delivery
        + np.asarray(investor_payment, dtype=float)[..., None] * payment
    )
    flows[..., 0] -= s.fixed_costs
    flows[..., last_payment_year(s)] += np.asarray(guarantor_payment, dtype=float)
    return flows


def settle(
    s: Scenario,
    cohort: CohortOutcomes,
    price_per_outcome: ArrayLike | None = None,
    *,
    with_irr: bool = True,
) -> Settlement:
    """Settle the contract for ``cohort`` (any broadcastable shapes).

    ``price_per_outcome`` overrides the scenario's reference price, so the deal space can
    settle one set of futures at a whole row of prices at once. ``with_irr=False`` leaves
    the IRR out (NaN) — the one costly figure — for callers that need only the regime.
    """
    price = np.asarray(
        s.price_per_outcome if price_per_outcome is None else price_per_outcome, dtype=float
    )
    # Every result takes the full broadcast shape, e.g. futures × prices for the deal space.
    shape = np.broadcast_shapes(cohort.starters.shape, price.shape)
    n, served, parked, S, counterfactual, units, saving_units, municipal_units = (
        np.broadcast_to(np.asarray(a, dtype=float), shape)
        for a in (
            cohort.starters,
            cohort.served,
            cohort.parked,
            cohort.outcomes,
            cohort.counterfactual_outcomes,
            cohort.payable_units,
            cohort.saving_units,
            cohort.municipal_saving_units,
        )
    )

    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(n > 0, S / np.where(n > 0, n, 1.0), 0.0)
    # A tiny tolerance keeps "exactly at the threshold" paid despite rounding in S / n.
    threshold_met = (n > 0) & (rate >= s.success_threshold - 1e-12)
    uncapped = np.where(threshold_met, units * price, 0.0)
    cap = np.inf if s.payment_cap is None else s.payment_cap
    payment = np.minimum(uncapped, cap)
    capped = uncapped > cap

    delivery_total = (served + s.parked_service_cost_share * parked) * (
        s.delivery_cost_per_participant
    )
    provider_capital = s.provider_fee_at_risk * delivery_total
    investor_delivery = delivery_total - provider_capital
    investor_capital = s.fixed_costs + investor_delivery
    capital = investor_capital + provider_capital
    if s.investor_return_cap is not None:
        # Payments beyond the return cap are not made: the commissioner keeps them.
        allowed = s.investor_return_cap * capital
        return_capped = payment > allowed
        payment = np.minimum(payment, allowed)
    else:
        return_capped = np.zeros(shape, dtype=bool)
    with np.errstate(divide="ignore", invalid="ignore"):
        investor_share = np.where(capital > 0, investor_capital / capital, 1.0)
    investor_payment = payment * investor_share
    provider_payment = payment - investor_payment
    shortfall = np.maximum(0.0, investor_capital - investor_payment)
    guarantor_payment = np.minimum(shortfall, s.guarantee_share * investor_capital)
    received = investor_payment + guarantor_payment

    if with_irr:
        flows = investor_cash_flows(s, investor_delivery, investor_payment, guarantor_payment)
        investor_irr = np.asarray(irr(flows), dtype=float).reshape(shape)
    else:
        investor_irr = np.full(shape, np.nan)
    # Nothing paid back on money put in is a total loss: −100 %, not "undefined".
    investor_irr = np.where((received <= 0) & (investor_capital > 0), -1.0, investor_irr)
    with np.errstate(divide="ignore", invalid="ignore"):
        investor_moic = np.where(investor_capital > 0, received / investor_capital, np.nan)
        unguaranteed = np.where(investor_capital > 0, investor_payment / investor_capital, np.nan)

    delivery_w, payment_w, savings_w, discount = year_weights(s)
    payment_pv_factor = float(np.dot(payment_w, discount))
    delivery_pv_factor = float(np.dot(delivery_w, discount))
    savings_pv_factor = float(np.dot(savings_w, discount))
    public_saving_pv = saving_units * s.public_savings_per_outcome * savings_pv_factor
    commissioner_payment_pv = payment * payment_pv_factor
    commissioner_saving_pv = municipal_units * s.public_savings_per_outcome * savings_pv_factor
    # The wrong pocket, split: what the commissioner does not keep goes to the state and the
    # region; the region's part is the remainder, so the three pockets hold the whole saving.
    other_saving_pv = public_saving_pv - commissioner_saving_pv
    state_saving_pv = other_saving_pv * s.state_share_of_other_savings
    region_saving_pv = other_saving_pv - state_saving_pv
    conventional_cost_pv = s.fixed_costs + delivery_total * delivery_pv_factor
    guarantor_payment_pv = guarantor_payment * float(discount[last_payment_year(s)])
    municipality_guarantees = s.guarantee_payer == "municipality"
    commissioner_net = (
        commissioner_saving_pv
        - commissioner_payment_pv
        - (guarantor_payment_pv if municipality_guarantees else 0.0)
    )
    state_net = state_saving_pv - (0.0 if municipality_guarantees else guarantor_payment_pv)

    return Settlement(
        starters=n,
        served=served,
        parked=parked,
        outcomes=S,
        counterfactual_outcomes=counterfactual,
        additional_outcomes=S - counterfactual,
        payable_outcomes=units,
        threshold_met=threshold_met,
        payment_capped=capped,
        return_capped=return_capped,
        payment=payment,
        capital=capital,
        investor_capital=investor_capital,
        provider_capital=provider_capital,
        investor_payment=investor_payment,
        guarantor_payment=guarantor_payment,
        investor_received=received,
        provider_payment=provider_payment,
        investor_profit=received - investor_capital,
        investor_moic=investor_moic,
        investor_moic_unguaranteed=unguaranteed,
        investor_irr=investor_irr,
        provider_net=provider_payment - provider_capital,
        commissioner_payment_pv=commissioner_payment_pv,
        commissioner_saving_pv=commissioner_saving_pv,
        commissioner_net=commissioner_net,
        conventional_cost_pv=conventional_cost_pv,
        conventional_net=commissioner_saving_pv - conventional_cost_pv,
        public_saving_pv=public_saving_pv,
        state_saving_pv=state_saving_pv,
        region_saving_pv=region_saving_pv,
        guarantor_payment_pv=guarantor_payment_pv,
        state_net=state_net,
        public_net=commissioner_net + state_net + region_saving_pv,
        society_net=public_saving_pv - conventional_cost_pv,
    )
