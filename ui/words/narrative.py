"""Plain-language sentences about a result, for people who do not read charts first.

Pure functions of the model's summary (or frontier, or deal grid) and a translator; the pages
only place the text. A sentence is derived from the same figure the metric beside it shows,
rounded the same honest way, so a sentence never contradicts its number: "in 1 of 100
futures" next to a 99 % chance of loss, "almost every future" next to a 0 % one that is not
quite zero.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from sib_model import CreamingFrontier, ParkingFrontier, Preference, Scenario
from sib_model.analysis_deal_space import ZONES
from sib_model.reality import Check
from sib_model.summary import Summary
from ui.charts import ZONE_TEXT
from ui.text.numbers import NumberFormat
from ui.text.translator import Translator

__all__ = [
    "money_back_sentence",
    "preference_words",
    "preference_words_share",
    "explorer_sentences",
    "creaming_sentences",
    "parking_sentences",
    "deal_sentences",
    "sib_extra_cost_sentence",
    "discount_rate_words",
    "wrong_pocket_sentence",
    "deadweight_shown",
    "sib_vs_direct_difference",
    "reality_sentence",
]


def money_back_sentence(probability_of_loss: float, t: Translator) -> str:
    """How often the investor gets its money back, in words that agree with the loss
    percentage shown beside it (whole per cent).

    "every"/"no" only when strictly true; "almost every" and "fewer than 1 in 100" where the
    percentage rounds to 0 % or 100 % without being exact; "k of 100" near the ends, where
    tenths would round a 96 % loss chance to "1 of 10 get their money back"; "k of 10"
    elsewhere — the tenths then always lie within five points of the percentage."""
    back = 1.0 - probability_of_loss
    if back >= 1.0:
        return t("say_money_back_all")
    if back <= 0.0:
        return t("say_money_back_none")
    if back >= 0.995:
        return t("say_money_back_almost_all")
    if back < 0.005:
        return t("say_money_back_almost_none")
    if back < 0.095 or back > 0.905:
        return t("say_money_back_hundredths", k=round(back * 100))
    return t("say_money_back", k=round(back * 10))


def deadweight_shown(summary: Summary) -> float:
    """The deadweight share, or NaN where the programme adds no outcomes (a share of
    outcomes that are all deadweight says nothing new)."""
    if summary["expected_additional_outcomes"] <= 0:
        return math.nan
    return summary["deadweight_share"]


def sib_vs_direct_difference(summary: Summary) -> float:
    """The municipality's expected net under the SIB minus funding the programme directly
    (present values; positive: the SIB is better for the municipality)."""
    return summary["expected_commissioner_net"] - summary["expected_conventional_net"]


def discount_rate_words(s: Scenario, f: NumberFormat) -> str:
    """The scenario's ``discount_rate`` as the sidebar and the inputs' tables show it
    ("3.0%", :func:`ui.charts.format_input_value`), for the sentences that say their amounts
    are present values."""
    return f.percent(s.discount_rate, 1)


def sib_extra_cost_sentence(summary: Summary, s: Scenario, t: Translator) -> str:
    """SIB against direct funding, naming what the difference is: what the municipality
    saves by paying only for outcomes, or what it pays extra — the investor's expected
    profit, which is a premium for risk only where the investor can lose (a chance of loss
    that shows as at least 1 %).

    Two amounts of one thing: the difference is a present value (the municipality's flows
    discounted at ``discount_rate``), the investor's profit is nominal (its money back minus
    its capital, undiscounted) and so larger; the sentence says which is which (issue 20,
    item 12: "716.024 kr. more … 1.000.000 kr. over the years")."""
    f = t.fmt
    difference = sib_vs_direct_difference(summary)
    profit = summary["expected_investor_profit"]
    loss = summary["probability_of_loss"]
    words = {"diff": f.amount(abs(difference)), "discount_rate": discount_rate_words(s, f)}
    if difference >= 0:
        return t("say_commissioner_better", **words)
    if summary["expected_investor_capital"] <= 0 or profit <= 0:
        return t("say_commissioner_worse_timing", **words)
    if loss < 0.005:  # shown as 0 %: the investor practically cannot lose
        return t("say_commissioner_worse_profit", profit=f.amount(profit), **words)
    return t("say_commissioner_worse_risk", profit=f.amount(profit), loss=f.percent(loss), **words)


def wrong_pocket_sentence(summary: Summary, s: Scenario, t: Translator) -> str:
    """Where the expected public saving lands — the municipality, the state, the region —
    in the same kroner the wrong-pocket chart shows (:func:`ui.charts.wrong_pocket_chart`),
    naming only the pockets that get something; and what the programme is worth to society.
    """
    f = t.fmt
    public = summary["expected_public_saving_pv"]
    society = f.amount(summary["expected_society_net"])
    rate = discount_rate_words(s, f)
    if public <= 0:
        return t("say_wrong_pocket_no_saving", society=society, discount_rate=rate)
    if s.municipal_share_of_savings >= 1:
        return t(
            "say_wrong_pocket_none", public=f.amount(public), society=society, discount_rate=rate
        )
    if s.state_share_of_other_savings >= 1:
        key = "say_wrong_pocket_state"
    elif s.state_share_of_other_savings <= 0:
        key = "say_wrong_pocket_region"
    else:
        key = "say_wrong_pocket"
    return t(
        key,
        share=f.percent(s.municipal_share_of_savings),
        public=f.amount(public),
        municipality=f.amount(summary["expected_commissioner_saving_pv"]),
        state=f.amount(summary["expected_state_saving_pv"]),
        region=f.amount(summary["expected_region_saving_pv"]),
        society=society,
        discount_rate=rate,
    )


def explorer_sentences(summary: Summary, s: Scenario, t: Translator) -> list[str]:
    """The Explorer's story: investor, municipality vs direct funding, wrong pocket,
    deadweight, the provider's risk, a guarantor, parking, and threshold and caps when they
    matter."""
    f = t.fmt
    invested = summary["expected_investor_capital"] > 0
    sentences = [
        money_back_sentence(summary["probability_of_loss"], t)
        if invested
        else t("say_investor_no_capital")
    ]
    sentences.append(sib_extra_cost_sentence(summary, s, t))
    sentences.append(wrong_pocket_sentence(summary, s, t))
    deadweight = deadweight_shown(summary)
    if math.isnan(deadweight):
        sentences.append(t("say_no_effect"))
    else:
        sentences.append(t("say_deadweight", share=f.percent(deadweight)))
    if s.parked_share > 0:
        sentences.append(
            t(
                "say_parked",
                share=f.percent(s.parked_share),
                served=f.number(summary["expected_served"], 0),
                starters=f.number(summary["expected_starters"], 0),
            )
        )
    if s.provider_fee_at_risk == 0:
        sentences.append(t("say_provider_no_risk"))
    else:
        sentences.append(
            t(
                "say_provider_risk",
                share=f.percent(s.provider_fee_at_risk),
                net=f.amount(summary["expected_provider_net"]),
            )
        )
    if s.guarantee_share > 0:
        sentences.append(
            t(
                "say_guarantee",
                share=f.percent(s.guarantee_share),
                pays=f.percent(summary["probability_guarantor_pays"]),
                cost=f.amount(summary["expected_guarantor_payment"]),
                unguaranteed=f.percent(summary["probability_of_loss_unguaranteed"]),
                payer=t(
                    "guarantee_borne_by_state"
                    if s.guarantee_payer == "state"
                    else "guarantee_borne_by_municipality"
                ),
            )
        )
    if s.success_threshold > 0:
        sentences.append(t("say_threshold", share=f.percent(summary["probability_threshold_met"])))
    if s.payment_cap is not None:
        sentences.append(t("say_cap", share=f.percent(summary["probability_payment_capped"])))
    if s.investor_return_cap is not None:
        sentences.append(
            t(
                "say_return_cap",
                multiple=f.multiple(s.investor_return_cap),
                share=f.percent(summary["probability_return_capped"]),
            )
        )
    return sentences


def preference_words(preference: Preference, t: Translator) -> str:
    """ "difficulty 0,20" or why there is no preference."""
    if preference.clear:
        return t("prefers_at", at=t.fmt.number(preference.at, 2))
    return t(f"prefers_{preference.reason}")


def creaming_sentences(frontier: CreamingFrontier, t: Translator) -> list[str]:
    """Each party's preferred group by its own objective, the gap between the investor and
    the municipality, and where value for money is best."""
    f = t.fmt
    investor, municipality = frontier.investor, frontier.municipality
    sentences = [
        t(
            "say_prefers_investor",
            where=preference_words(investor, t),
            irr=f.percent(investor.result, 1),
        )
        if investor.clear
        else t("say_prefers_investor_none", why=preference_words(investor, t)),
        t(
            "say_prefers_municipality",
            where=preference_words(municipality, t),
            net=f.amount(municipality.result),
        )
        if municipality.clear
        else t("say_prefers_municipality_none", why=preference_words(municipality, t)),
        t("say_prefers_society", where=preference_words(frontier.society, t)),
    ]
    if investor.clear and municipality.clear:
        gap = municipality.at - investor.at
        if abs(gap) < 1e-9:
            sentences.append(t("say_creaming_aligned"))
        elif gap > 0:
            sentences.append(t("say_creaming_gap", gap=f.number(gap, 2)))
        else:
            sentences.append(t("say_creaming_reversed", gap=f.number(-gap, 2)))
    if frontier.value_for_money.clear:
        sentences.append(
            t(
                "say_value_for_money",
                at=f.number(frontier.value_for_money.at, 2),
                cost=f.amount(frontier.value_for_money.result),
            )
        )
    return sentences


def parking_sentences(frontier: ParkingFrontier, s: Scenario, t: Translator) -> list[str]:
    """Whether this contract rewards parking the hardest citizens, and what each party
    prefers."""
    f = t.fmt
    table = frontier.table
    none = table.loc[table["parked_share"] == 0].iloc[0]
    everyone = table.loc[table["parked_share"] == 1].iloc[0]
    sentences = [
        t(
            "say_parking_rewarded",
            at=f.percent(frontier.investor.at),
            irr=f.percent(frontier.investor.result, 1),
            irr0=f.percent(none["expected_investor_irr"], 1),
            profit_at=f.percent(frontier.investor_by_profit.at),
        )
        if frontier.contract_rewards_parking
        else t("say_parking_not_rewarded")
    ]
    sentences.append(
        t(
            "say_parking_municipality",
            where=preference_words_share(frontier.municipality, t),
            net0=f.amount(none["expected_commissioner_net"]),
            net1=f.amount(everyone["expected_commissioner_net"]),
        )
    )
    if s.payment_basis == "every_outcome":
        sentences.append(
            t(
                "say_parking_deadweight",
                dw0=f.percent(none["deadweight_share"]),
                dw1=f.percent(everyone["deadweight_share"]),
            )
        )
    return sentences


def preference_words_share(preference: Preference, t: Translator) -> str:
    """ "20 % parked" or why there is no preference: :func:`preference_words` for a parking
    sweep, whose axis is a share of the cohort rather than a difficulty."""
    if preference.clear:
        return t("prefers_share", at=t.fmt.percent(preference.at))
    return t(f"prefers_{preference.reason}")


def deal_sentences(grid: pd.DataFrame, s: Scenario, t: Translator) -> list[str]:
    """Which zone the current scenario falls in, and the prices that make a deal for the
    chosen group (the grid's nearest difficulty)."""
    f = t.fmt
    difficulties = np.sort(grid["difficulty"].unique())
    nearest = float(difficulties[np.argmin(np.abs(difficulties - s.difficulty))])
    column = grid[np.isclose(grid["difficulty"], nearest)].sort_values("price_per_outcome")
    prices = column["price_per_outcome"].to_numpy()
    here = column.iloc[int(np.argmin(np.abs(prices - s.price_per_outcome)))]
    sentences = [t("say_deal_here", zone=t(ZONE_TEXT[ZONES[int(here["zone"])]]))]
    deal_prices = column.loc[column["deal"], "price_per_outcome"]
    if deal_prices.empty:
        sentences.append(t("say_deal_no_price", d=f.number(nearest, 2)))
    else:
        sentences.append(
            t(
                "say_deal_prices",
                d=f.number(nearest, 2),
                lo=f.amount(deal_prices.min()),
                hi=f.amount(deal_prices.max()),
            )
        )
    return sentences


def reality_sentence(checks: list[Check], t: Translator) -> str:
    """Which of the scenario's figures lie outside what real contracts have shown."""
    outside = [t(f"reality_{check.benchmark.key}") for check in checks if check.verdict != "within"]
    if not outside:
        return t("say_reality_all_within")
    return t("say_reality_outside", count=len(outside), total=len(checks), names=", ".join(outside))
