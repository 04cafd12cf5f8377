"""Plain-language sentences about a result, for people who do not read charts first.

Pure functions of the model's summary (or frontier, or deal grid) and a translator; the
pages only place the text.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from sib_model import Scenario

from .charts import ZONES, deal_zones
from .i18n import Translator

__all__ = ["money_back_sentence", "explorer_sentences", "creaming_sentence", "deal_sentences"]


def money_back_sentence(probability_of_loss: float, t: Translator) -> str:
    """"In 7 of 10 simulated futures the investor gets its money back" (rounded to tenths;
    "all" and "none" only when strictly true)."""
    back = 1.0 - probability_of_loss
    if back >= 1.0:
        return t("say_money_back_all")
    if back <= 0.0:
        return t("say_money_back_none")
    k = min(9, max(1, round(back * 10)))
    return t("say_money_back", k=k)


def explorer_sentences(summary: dict, s: Scenario, t: Translator) -> list[str]:
    """The Explorer's story: investor, municipality vs direct funding, wrong pocket,
    deadweight, the provider's risk, and threshold and cap when they matter."""
    f = t.fmt
    invested = summary["expected_investor_capital"] > 0
    sentences = [money_back_sentence(summary["probability_of_loss"], t) if invested
                 else t("say_investor_no_capital")]
    diff = summary["expected_commissioner_net"] - summary["expected_conventional_net"]
    key = "say_commissioner_better" if diff >= 0 else "say_commissioner_worse"
    sentences.append(t(key, diff=f.money(abs(diff))))
    sentences.append(t("say_wrong_pocket", share=f.percent(s.municipal_share_of_savings),
                       society=f.money(summary["expected_society_net"])))
    if summary["expected_additional_outcomes"] <= 0:
        sentences.append(t("say_no_effect"))
    elif not math.isnan(summary["deadweight_share"]):
        sentences.append(t("say_deadweight", share=f.percent(summary["deadweight_share"])))
    if s.provider_fee_at_risk == 0:
        sentences.append(t("say_provider_no_risk"))
    else:
        sentences.append(t("say_provider_risk", share=f.percent(s.provider_fee_at_risk),
                           net=f.money(summary["expected_provider_net"])))
    if s.success_threshold > 0:
        sentences.append(t("say_threshold", share=f.percent(summary["probability_threshold_met"])))
    if s.payment_cap is not None:
        sentences.append(t("say_cap", share=f.percent(summary["probability_payment_capped"])))
    return sentences


def creaming_sentence(frontier: pd.DataFrame, t: Translator) -> str:
    """The two preferred difficulties and the gap between them, in words."""
    f = t.fmt
    di = frontier.attrs["investor_preferred_difficulty"]
    dc = frontier.attrs["commissioner_preferred_difficulty"]
    if math.isnan(di) and math.isnan(dc):
        return t("say_creaming_none")
    if math.isnan(di):
        return t("say_creaming_no_investor", dc=f.number(dc, 2))
    if math.isnan(dc):
        return t("say_creaming_no_additional", di=f.number(di, 2))
    if abs(dc - di) < 1e-9:
        return t("say_creaming_aligned", di=f.number(di, 2))
    investor_row = frontier.loc[frontier["investor_preferred"]].iloc[0]
    commissioner_row = frontier.loc[frontier["commissioner_preferred"]].iloc[0]
    return t("say_creaming_gap", di=f.number(di, 2), dc=f.number(dc, 2),
             gap=f.number(abs(dc - di), 2),
             irr=f.percent(investor_row["expected_investor_irr"], 1),
             cost=f.money(commissioner_row["cost_per_additional_outcome"]))


def deal_sentences(grid: pd.DataFrame, s: Scenario, t: Translator) -> list[str]:
    """Which zone the current scenario falls in, and the prices that make a deal for the
    chosen group (the grid's nearest difficulty)."""
    f = t.fmt
    difficulties = np.sort(grid["difficulty"].unique())
    nearest = float(difficulties[np.argmin(np.abs(difficulties - s.difficulty))])
    column = grid[np.isclose(grid["difficulty"], nearest)].sort_values("price_per_outcome")
    prices = column["price_per_outcome"].to_numpy()
    here = column.iloc[int(np.argmin(np.abs(prices - s.price_per_outcome)))]
    zone = int(deal_zones(here.to_frame().T).iloc[0])
    sentences = [t("say_deal_here", zone=t(ZONES[zone]))]
    deal_prices = column.loc[column["deal"], "price_per_outcome"]
    if deal_prices.empty:
        sentences.append(t("say_deal_no_price", d=f.number(nearest, 2)))
    else:
        sentences.append(t("say_deal_prices", d=f.number(nearest, 2),
                           lo=f.money(deal_prices.min()), hi=f.money(deal_prices.max())))
    return sentences
