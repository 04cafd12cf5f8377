"""Illustrative presets drawn from published cases (REFERENCES.md).

Each preset is built by a function whose docstring gives the source of every number. They are
*illustrative*: the contract terms of the Danish pilots are not public, so prices and costs are
plausible values chosen to reproduce what was published (cohort sizes, rates achieved,
shortfalls), not the real contracts. ``PRESET_DETAILS`` carries the English title and one-line
story shown in the app (the dashboard's Danish catalog, ``ui/text/locale``, translates them).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass

from .scenario import Scenario

__all__ = ["PRESETS", "PRESET_DETAILS", "PresetDetails"]


def article_jobs() -> Scenario:
    """100 people far from the labour market into jobs — the seed article's example and the
    model's defaults (DESIGN.md "Suggested defaults").

    - cohort 100, 3 years, success 40 % vs 15 % without: the article's illustrative numbers.
    - price 200,000 DKK per job outcome; delivery 60,000 DKK per citizen; fixed 1m DKK: chosen
      so the expected investor IRR (about 12 %) sits inside Brookings' published range of
      1–20 % for completed impact bonds.
    - public saving 500,000 DKK per additional job: below KORA (2015)'s 680–760k DKK over six
      years for a vulnerable unemployed person in work, i.e. a cautious figure; cash benefit is
      about 148,000 DKK a year (2024).
    - half of the saving lands with the municipality, the other half with the state (state
      refunds of cash benefit and taxes; a job saves a region little): the "wrong pocket",
      an assumption to discuss, not a published figure (REFERENCES.md gives no split between
      state and region for any preset, so every preset keeps the default, all to the state).
    """
    return Scenario()


def ballerup_autism() -> Scenario:
    """A small autism-employment pilot like Ballerup / Specialisterne (Den Sociale Kapitalfond).

    - 10 citizens with autism on public support, 3 years, goal a qualifying education or a
      permanent job, no cure no pay: as published.
    - referral rate 0.6: at half-time only the 6th participant had started (the seed article's
      referral shortfall).
    - success 50 % vs 10 % without, evidence strength 10 (a small, new method): assumptions.
    - price 450,000 DKK per outcome, delivery 150,000 DKK per citizen, fixed 300,000 DKK:
      illustrative, since the contract terms are not public.
    - public saving 600,000 DKK per additional outcome: about four years of cash benefit at
      about 148,000 DKK a year (2024); municipal share 0.5 assumed.
    """
    return Scenario(
        cohort_size=10,
        referral_rate=0.6,
        success_probability=0.5,
        counterfactual_probability=0.10,
        evidence_strength=10.0,
        duration_years=3,
        price_per_outcome=450_000,
        delivery_cost_per_participant=150_000,
        fixed_costs=300_000,
        public_savings_per_outcome=600_000,
        municipal_share_of_savings=0.5,
    )


def aalborg_impact60() -> Scenario:
    """Vulnerable unemployed into work or education, like Aalborg / FOKUS Folkeoplysning's
    "IMPACT60" (Den Sociale Kapitalfond).

    - 120 psychologically vulnerable citizens on cash benefit, not job-ready: as published.
    - success 46 % (achieved; the target was 50 %) vs 23 % without: "about twice the job
      centre's usual rate" (published).
    - difficulty 0.6: a group further from the labour market than the reference group; since
      difficulty moves the rates, the reference-group rates are set so that the chosen group
      has about 46 % and 23 %.
    - price 150,000 DKK per self-supporting citizen, delivery 55,000 DKK per citizen, fixed
      800,000 DKK: illustrative (terms not public).
    - public saving 400,000 DKK per additional self-supporting citizen: under three years of
      cash benefit (about 148,000 DKK a year, 2024) and below KORA (2015)'s 680–760k DKK over
      six years.
    """
    return Scenario(
        cohort_size=120,
        success_probability=0.535,
        counterfactual_probability=0.28,
        difficulty=0.6,
        evidence_strength=40.0,
        duration_years=3,
        price_per_outcome=150_000,
        delivery_cost_per_participant=55_000,
        fixed_costs=800_000,
        public_savings_per_outcome=400_000,
    )


def peterborough_reoffending() -> Scenario:
    """A reoffending contract like Peterborough (UK, 2010): payment for improvement over a
    comparison group, with a threshold.

    - one cohort of 1,000 short-sentence prisoners; engagement 74–87 %, so referral rate 0.8:
      as published.
    - outcome = not reconvicted; comparison group (contract baseline) 40 % not reconvicted
      — an assumption, i.e. 60 % reconvicted.
    - threshold: the pooled test of a 7.5 % cut in reconvictions (60 % → 55.5 % reconvicted)
      becomes a threshold of 44.5 % not reconvicted. The final result, about a 9 % cut
      (success 45.4 %), passes it and pays; cohort 1's 8.4 % cut (45.04 %) would pass the
      pooled test too, but not the 10 % test each cohort faced alone (46 %) — which is why
      nothing was paid for cohort 1 at first. Counterfactual 40 %.
    - capital about £2.5m per cohort (half of £5m from 17 trusts) ≈ 21m DKK: fixed 5m DKK and
      20,000 DKK per participant; 4 years (the scheme ran 4 of 6 planned years), paid 2 years
      after delivery (reconviction is measured after release).
    - price 525,000 DKK per outcome above the baseline: chosen so that the final result
      returns the investors' capital plus just over 3 % a year, as published; cap 40m DKK
      per cohort (about half of the roughly £8m maximum): illustrative. Public saving
      400,000 DKK per avoided reconviction, of which only 30 % is taken to land in the
      commissioner's budget (in the UK case the savings fell mostly to prisons, courts and
      police, outside it).
    - the method's evidence is weak (evidence strength 300 on a rate near 45 % still spreads
      it by about ±3 points), so the pooled threshold is met in only about 6 of 10 simulated
      futures and the expected return is negative: the investors' real risk.
    """
    return Scenario(
        cohort_size=1000,
        referral_rate=0.8,
        success_probability=0.454,
        counterfactual_probability=0.40,
        evidence_strength=300.0,
        duration_years=4,
        payment_lag_years=2,
        price_per_outcome=525_000,
        payment_basis="above_baseline",
        contract_baseline=0.40,
        success_threshold=0.445,
        payment_cap=40_000_000,
        delivery_cost_per_participant=20_000,
        fixed_costs=5_000_000,
        public_savings_per_outcome=400_000,
        municipal_share_of_savings=0.3,
    )


def utah_preschool() -> Scenario:
    """A preschool contract like Utah's (2013), where the contract baseline made the
    commissioner pay for deadweight.

    - 110 children flagged at risk of special education; 1 needed it, and payments were made
      for the other 109: as published, so success 99 %.
    - counterfactual 97 %: experts judged that good preschool cuts special-education use by at
      most about half, so without it perhaps 2–4 of 110 would have needed it (an assumption in
      that spirit).
    - contract baseline 0: the contract counted every flagged child who did not need special
      education as an outcome, i.e. assumed all would have needed it.
    - price 30,000 DKK per outcome, delivery 25,000 DKK per child, fixed 300,000 DKK:
      illustrative, scaled from the $7m deal, and priced so that the investors' expected
      return (about 6 % a year) sits inside the published 1–20 % range, near the senior
      lender's reported interest of about 5 %; evidence strength 200 (the screening result
      was very stable); public saving 100,000 DKK per child truly kept out of special
      education.
    """
    return Scenario(
        cohort_size=110,
        success_probability=0.99,
        counterfactual_probability=0.97,
        evidence_strength=200.0,
        difficulty_slope=3.0,
        duration_years=3,
        price_per_outcome=30_000,
        payment_basis="above_baseline",
        contract_baseline=0.0,
        delivery_cost_per_participant=25_000,
        fixed_costs=300_000,
        public_savings_per_outcome=100_000,
        municipal_share_of_savings=0.8,
    )


def rate_card_hard_group() -> Scenario:
    """A rate card that pays more for harder cases, as in Buenos Aires (2018) and the Danish
    homelessness projects split by difficulty.

    - Buenos Aires paid about 40 % more per job for "very vulnerable" than for "vulnerable"
      young people: a premium of 1 pays 1 + 1 × (0.9 − 0.5) = 1.4 times the reference price
      at difficulty 0.9 (a very vulnerable group), 40 % more; at this preset's group
      (difficulty 0.6, somewhat harder than the reference) 1.1 times.
    - paid only for outcomes above the baseline (the group's true counterfactual), at a
      reference price of 320,000 DKK: about what the article's programme needs to be
      financeable on that basis (DESIGN.md; the reference group then earns about 12 % a
      year). Issue 16: the preset used to pay 320,000 DKK for *every* outcome, where the
      reference group would earn 69 % — the price of one basis on the other.
    - the premium is what makes the harder group financeable: without it the investor's
      expected return on this group is negative (about −2.5 %), with it positive (about
      6 %, inside Brookings' 1–20 % range); a test checks both.
    - INDIGO lists two Danish homelessness projects for young people split into "less
      vulnerable" (7.3m DKK) and "most vulnerable" (15.9m DKK): pricing by difficulty is real.
    - otherwise the article's example (the defaults).
    """
    return Scenario(
        difficulty=0.6,
        difficulty_premium=1.0,
        price_per_outcome=320_000,
        payment_basis="above_baseline",
    )


@dataclass(frozen=True)
class PresetDetails:
    """What the app shows about a preset: a title and a one-line story (``{"en": ...}``; the
    dashboard's translation catalog holds the other languages), and the sources of its numbers
    (the builder's docstring)."""

    key: str
    title: dict[str, str]
    story: dict[str, str]
    sources: str


_BUILDERS: dict[str, tuple[Callable[[], Scenario], dict[str, str], dict[str, str]]] = {
    "article": (
        article_jobs,
        {"en": "100 into jobs (the article)"},
        {"en": "The reference picture: a moderately proven method, paid per job."},
    ),
    "ballerup": (
        ballerup_autism,
        {"en": "Autism pilot, 10 (Ballerup-like)"},
        {"en": "A tiny cohort and a referral shortfall: only 6 of 10 started."},
    ),
    "aalborg": (
        aalborg_impact60,
        {"en": "Vulnerable jobless, 120 (Aalborg-like)"},
        {"en": "46 % self-supporting, about twice the job centre's usual rate."},
    ),
    "peterborough": (
        peterborough_reoffending,
        {"en": "Reoffending, threshold (Peterborough-like)"},
        {"en": "Paid only above a comparison group and past a threshold."},
    ),
    "utah": (
        utah_preschool,
        {"en": "Preschool, low baseline (Utah-like)"},
        {"en": "The contract pays for children who would have been fine anyway."},
    ),
    "rate_card": (
        rate_card_hard_group,
        {"en": "Hard group, rate card"},
        {"en": "Paying more for harder cases to counter creaming."},
    ),
}

#: Short key → illustrative scenario.
PRESETS: dict[str, Scenario] = {key: build() for key, (build, _, _) in _BUILDERS.items()}

#: Short key → title, story and sources for the app.
PRESET_DETAILS: dict[str, PresetDetails] = {
    key: PresetDetails(key, title, story, inspect.getdoc(build) or "")
    for key, (build, title, story) in _BUILDERS.items()
}
