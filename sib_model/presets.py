"""Illustrative presets drawn from published cases (the project's REFERENCES.md).

Each preset is built by a function, and the sources of its numbers are written once, right
after it, for the dashboard's readers (``_SOURCES_<preset>``, shown on the Method page):
plain English without the project's own file names, which the dashboard's Danish catalog
(``ui/text/locale``) translates like every other text. Comments in a builder add what only
a developer needs. The presets are *illustrative*: the contract terms of the Danish pilots are
not public, so prices and costs are plausible values chosen to reproduce what was published
(cohort sizes, rates achieved, shortfalls), not the real contracts. ``PRESET_DETAILS`` carries
each preset's English title, one-line story and sources.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .scenario import Scenario

__all__ = ["PRESETS", "PRESET_DETAILS", "PresetDetails"]


def article_jobs() -> Scenario:
    """100 people far from the labour market into jobs: the seed article's example and the
    model's defaults (DESIGN.md "Suggested defaults")."""
    return Scenario()


_SOURCES_ARTICLE = """\
- 100 citizens, 3 years, 40 % into work with the programme and 15 % without it: the \
article's illustrative numbers.
- Price 200,000 DKK per job, delivery 60,000 DKK per citizen, fixed costs 1 million DKK: \
chosen so that the investor's expected return (about 12 % a year) lies within the 1–20 % a \
year that Brookings reports for completed impact bonds.
- Public saving 500,000 DKK per additional job: below KORA's (2015) estimate of \
680,000–760,000 DKK over six years for a vulnerable unemployed person who gets a job, so a \
cautious figure; cash benefit is about 148,000 DKK a year (2024).
- Half of the saving lands with the municipality, the other half with the state (refunds of \
cash benefit, taxes; a job saves a region little): the "wrong pocket", an assumption to \
discuss, not a published figure. No source splits the rest between state and region for any \
preset, so every preset gives it all to the state."""


def ballerup_autism() -> Scenario:
    """A small autism-employment pilot like Ballerup / Specialisterne (Den Sociale
    Kapitalfond)."""
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


_SOURCES_BALLERUP = """\
- 10 citizens with autism on public support, 3 years, the goal a qualifying education or a \
permanent job, no payment without results: as published.
- Referral rate 0.6: half-way through, only the sixth participant had started (the shortfall \
the article describes).
- Success 50 % with the programme and 10 % without it, evidence strength 10 (a small, new \
method): assumptions.
- Price 450,000 DKK per outcome, delivery 150,000 DKK per citizen, fixed costs 300,000 DKK: \
illustrative, since the contract terms are not public.
- Public saving 600,000 DKK per additional outcome: about four years of cash benefit at about \
148,000 DKK a year (2024); the municipality's share of 0.5 is assumed."""


def aalborg_impact60() -> Scenario:
    """Vulnerable unemployed into work or education, like Aalborg / FOKUS Folkeoplysning's
    "IMPACT60" (Den Sociale Kapitalfond)."""
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


_SOURCES_AALBORG = """\
- 120 psychologically vulnerable citizens on cash benefit, not ready for a job: as published.
- 46 % self-supporting (achieved; the target was 50 %) against 23 % without the programme: \
"about twice the job centre's usual rate", as published.
- Difficulty 0.6: a group further from the labour market than the reference group. Since \
difficulty moves the rates, the reference group's rates are set so that this group has about \
46 % and 23 %.
- Price 150,000 DKK per self-supporting citizen, delivery 55,000 DKK per citizen, fixed costs \
800,000 DKK: illustrative (the terms are not public).
- Public saving 400,000 DKK per additional self-supporting citizen: less than three years of \
cash benefit (about 148,000 DKK a year, 2024) and below KORA's (2015) 680,000–760,000 DKK over \
six years."""


def peterborough_reoffending() -> Scenario:
    """A reoffending contract like Peterborough (UK, 2010): payment for improvement over a
    comparison group, with a threshold."""
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


_SOURCES_PETERBOROUGH = """\
- One cohort of 1,000 prisoners on short sentences; 74–87 % took part, hence a referral rate \
of 0.8: as published.
- The outcome is not being reconvicted. The comparison group (the contract's baseline) is \
taken to be 40 % not reconvicted, i.e. 60 % reconvicted: an assumption.
- Threshold: the pooled test of a 7.5 % cut in reconvictions (from 60 % to 55.5 % \
reconvicted) becomes a threshold of 44.5 % not reconvicted. The final result, a cut of about \
9 % (success 45.4 %), passes it and pays. Cohort 1's cut of 8.4 % (45.04 %) would pass the \
pooled test too, but not the 10 % test each cohort faced on its own (46 %): that is why \
nothing was paid for cohort 1 at first. Without the programme 40 %.
- Capital about £2.5 million per cohort (half of the £5 million from 17 trusts), about \
21 million DKK: fixed costs 5 million DKK and 20,000 DKK per participant; 4 years (the scheme \
ran 4 of 6 planned years), paid 2 years after the work (reconviction is measured after \
release).
- Price 525,000 DKK per outcome above the baseline: chosen so that the final result returns \
the investors' capital plus just over 3 % a year, as published. A cap of 40 million DKK per \
cohort (about half of the maximum of roughly £8 million): illustrative. Public saving \
400,000 DKK per avoided reconviction, of which only 30 % is taken to land in the \
commissioner's budget (in the UK the savings fell mostly to prisons, courts and police).
- The method's evidence is weak (evidence strength 300 on a rate near 45 % still spreads it \
by about ±3 points), so the pooled threshold is met in only about 6 of 10 simulated futures \
and the expected return is negative: the investors' real risk."""


def utah_preschool() -> Scenario:
    """A preschool contract like Utah's (2013), where the contract baseline made the
    commissioner pay for deadweight."""
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


_SOURCES_UTAH = """\
- 110 children flagged as at risk of needing special education; 1 needed it, and payments \
were made for the other 109: as published, hence success 99 %.
- 97 % without the programme: experts judged that good preschool at most halves the use of \
special education, so without it perhaps 2–4 of the 110 would have needed it (an assumption \
in that spirit).
- Contract baseline 0: the contract counted every flagged child who did not need special \
education as an outcome, as if all of them would have needed it.
- Price 30,000 DKK per outcome, delivery 25,000 DKK per child, fixed costs 300,000 DKK: \
illustrative, scaled from the USD 7 million deal, and priced so that the investors' expected \
return (about 6 % a year) lies within the published 1–20 %, near the senior lender's reported \
interest of about 5 %. Evidence strength 200 (the screening result was very stable); public \
saving 100,000 DKK per child truly kept out of special education."""


def rate_card_hard_group() -> Scenario:
    """A rate card that pays more for harder cases, as in Buenos Aires (2018) and the Danish
    homelessness projects split by difficulty."""
    # The price of 320,000 DKK is for outcomes above the baseline (DESIGN.md). Issue 16: the
    # preset used to pay it for *every* outcome, where the reference group would earn 69 %:
    # the price of one basis on the other. tests/model/test_presets.py checks the returns.
    return Scenario(
        difficulty=0.6,
        difficulty_premium=1.0,
        price_per_outcome=320_000,
        payment_basis="above_baseline",
    )


_SOURCES_RATE_CARD = """\
- Buenos Aires (2018) paid about 40 % more per job for "very vulnerable" than for \
"vulnerable" young people. A premium of 1 pays 1 + 1 × (0.9 − 0.5) = 1.4 times the reference \
price at difficulty 0.9 (a very vulnerable group), 40 % more; at this preset's group \
(difficulty 0.6, somewhat harder than the reference group) 1.1 times.
- Paid only for outcomes above the baseline (the group's true counterfactual), at a \
reference price of 320,000 DKK: about what the article's programme needs to be financeable on \
that basis (the reference group then earns about 12 % a year).
- The premium is what makes the harder group financeable: without it the investor's expected \
return on this group is negative (about −2.5 % a year), with it positive (about 6 %, within \
the 1–20 % that Brookings reports).
- The INDIGO database of impact bonds lists two Danish homelessness projects for young people \
split into "less vulnerable" (7.3 million DKK) and "most vulnerable" (15.9 million DKK): \
pricing by difficulty is real.
- Otherwise the article's example (the defaults)."""


@dataclass(frozen=True)
class PresetDetails:
    """What the app shows about a preset, in English (``{"en": ...}``; the dashboard's
    translation catalog holds the other languages): a title, a one-line story, and the sources
    of its numbers (a markdown list)."""

    key: str
    title: dict[str, str]
    story: dict[str, str]
    sources: dict[str, str]


#: Short key → (builder, title, story, sources), the English of each.
_BUILDERS: dict[str, tuple[Callable[[], Scenario], str, str, str]] = {
    "article": (
        article_jobs,
        "100 into jobs (the article)",
        "The reference picture: a moderately proven method, paid per job.",
        _SOURCES_ARTICLE,
    ),
    "ballerup": (
        ballerup_autism,
        "Autism pilot, 10 (Ballerup-like)",
        "A tiny cohort and a referral shortfall: only 6 of 10 started.",
        _SOURCES_BALLERUP,
    ),
    "aalborg": (
        aalborg_impact60,
        "Vulnerable jobless, 120 (Aalborg-like)",
        "46 % self-supporting, about twice the job centre's usual rate.",
        _SOURCES_AALBORG,
    ),
    "peterborough": (
        peterborough_reoffending,
        "Reoffending, threshold (Peterborough-like)",
        "Paid only above a comparison group and past a threshold.",
        _SOURCES_PETERBOROUGH,
    ),
    "utah": (
        utah_preschool,
        "Preschool, low baseline (Utah-like)",
        "The contract pays for children who would have been fine anyway.",
        _SOURCES_UTAH,
    ),
    "rate_card": (
        rate_card_hard_group,
        "Hard group, rate card",
        "Paying more for harder cases to counter creaming.",
        _SOURCES_RATE_CARD,
    ),
}

#: Short key → illustrative scenario.
PRESETS: dict[str, Scenario] = {key: entry[0]() for key, entry in _BUILDERS.items()}

#: Short key → title, story and sources for the app.
PRESET_DETAILS: dict[str, PresetDetails] = {
    key: PresetDetails(key, {"en": title}, {"en": story}, {"en": sources})
    for key, (_, title, story, sources) in _BUILDERS.items()
}
