"""The reality check as a table: the scenario's figures beside published benchmarks."""

from __future__ import annotations

import pandas as pd

from sib_model.reality import Check
from ui.text.translator import Translator

__all__ = [
    "reality_table",
]


def _benchmark_value(unit: str, value: float, t: Translator) -> str:
    if unit == "money":
        return t.fmt.amount(value)
    if unit == "fraction":
        return t.fmt.percent(value, 1)
    if unit == "ratio":
        return t("reality_times", value=t.fmt.number(value, 1))
    return t.fmt.number(value)


def reality_table(checks: list[Check], t: Translator) -> pd.DataFrame:
    """Each published figure beside the scenario's: the figure, this scenario's value, the
    published range, where the scenario sits and the source, in the reader's language."""
    rows = []
    for check in checks:
        b = check.benchmark
        rows.append(
            {
                t("reality_figure"): t(f"reality_{b.key}"),
                t("reality_this"): _benchmark_value(b.unit, check.value, t),
                t("reality_published"): (
                    f"{_benchmark_value(b.unit, b.low, t)} – {_benchmark_value(b.unit, b.high, t)}"
                ),
                t("reality_where"): t(f"reality_{check.verdict}"),
                t("reality_source"): t(f"reality_source_{b.key}"),
            }
        )
    return pd.DataFrame(rows)
