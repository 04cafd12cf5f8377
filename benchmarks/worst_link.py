"""The costliest valid link, per page: how much server CPU one run can be made to take.

A link's values only have to be valid for the server to compute them, and every variation
is a new cache entry, so the cost of the worst valid link bounds what a stranger (or a tab
left open on a projector) can take from a two-core server. Run from the repository root::

    .venv/bin/python -m benchmarks.worst_link            # search, then every page at the worst
    .venv/bin/python -m benchmarks.worst_link --quick    # the known heavy link only

How: each page's first run through Streamlit's AppTest (the real page scripts, no browser),
with every cache cleared first, timed as process CPU time, once per open tab for the pages
whose tabs are drawn only while open. The search starts from the heaviest link known
(issue 19: ``n=10000&spread=0.5&sy=10&T=10&grad=2&slope=10``) and moves one field at a time
to whichever end of its range costs most on the Creaming page (its three tabs together), the
page with the heaviest analyses; then every page is measured at the link found. Prints a
Markdown table; ``--out`` also writes it to a file.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

from sib_model import Scenario, scenario_to_query
from sib_model.fields import field_limits, field_specs
from ui.spec import keys
from ui.spec.pages import CREAMING_TABS, EXPLORER_TABS, PAGES
from ui.text.translator import Translator

APP = str(Path(__file__).resolve().parents[1] / "app.py")
#: The heaviest link reported in issue 19.
KNOWN_HEAVY = {"n": "10000", "spread": "0.5", "sy": "10", "T": "10", "grad": "2", "slope": "10"}
#: Pages and their lazily drawn tabs (tab key, text keys); pages without tabs have none.
TABS = {
    "explorer": (keys.EXPLORER_TAB, tuple(EXPLORER_TABS)),
    "creaming": (keys.CREAMING_TAB, CREAMING_TABS),
}
#: Fields whose value changes how much the model computes (sizes, strata, years, sampling).
SEARCHED = (
    "cohort_size",
    "referral_rate",
    "difficulty_spread",
    "parked_share",
    "evidence_strength",
    "duration_years",
    "savings_years",
    "payment_lag_years",
    "difficulty_slope",
    "savings_gradient",
    "difficulty_premium",
    "success_threshold",
    "payment_basis",
)


def _ends(field: str) -> list[object]:
    """The two ends of a field's range (its choices, for a choice field)."""
    spec = field_specs()[field]
    if spec.choices:
        return list(spec.choices)
    lo, hi = field_limits()[field]
    upper = spec.control.upper if hi is None else hi
    if spec.infinite:
        return [lo if lo and lo > 0 else 0.5, math.inf]
    return [lo, upper]


def _run(query: dict[str, str], page: str, tab: str | None) -> float:
    """CPU seconds of one run of ``page`` for a session opened with ``query`` as its link,
    with every cache cleared just before (so nothing is reused from an earlier run)."""
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()  # a session's first run lands on the Explorer (the link carries a scenario)
    at.switch_page(next(p.path for p in PAGES if p.url == page))
    if tab is not None:
        tab_key, _ = TABS[page]
        at.session_state[tab_key] = Translator("en")(tab)
    st.cache_data.clear()
    st.cache_resource.clear()
    start = time.process_time()
    at.run()
    spent = time.process_time() - start
    if at.exception:
        raise RuntimeError(f"{page} {tab}: {at.exception[0].value}")
    return spent


def page_cost(query: dict[str, str], page: str) -> dict[str, float]:
    """CPU seconds of ``page`` per open tab (one entry "" for a page without tabs)."""
    if page in TABS:
        return {tab: _run(query, page, tab) for tab in TABS[page][1]}
    return {"": _run(query, page, None)}


def _query(s: Scenario) -> dict[str, str]:
    return scenario_to_query(s)


def search(start: Scenario) -> Scenario:
    """One pass over :data:`SEARCHED`, each field moved to its costlier end on Creaming."""
    worst = start
    cost = sum(page_cost(_query(worst), "creaming").values())
    for field in SEARCHED:
        for value in _ends(field):
            if getattr(worst, field) == value:
                continue
            try:
                candidate = worst.replace(**{field: value})
            except ValueError:
                continue
            spent = sum(page_cost(_query(candidate), "creaming").values())
            print(f"  {field}={value}: {spent:.2f} s", file=sys.stderr)
            if spent > cost:
                worst, cost = candidate, spent
    return worst


def report(queries: dict[str, dict[str, str]]) -> str:
    """A Markdown table: each link's CPU seconds per page and tab."""
    rows = ["| link | page | tab | CPU s |", "|---|---|---|---|"]
    for name, query in queries.items():
        for page in (p.url for p in PAGES if p.url not in ("", "share", "method")):
            for tab, spent in page_cost(query, page).items():
                rows.append(f"| {name} | {page} | {tab or '–'} | {spent:.2f} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="measure the known heavy link only")
    parser.add_argument("--out", type=Path, help="also write the table to this file")
    args = parser.parse_args(argv)
    known = Scenario().replace(
        cohort_size=10_000,
        difficulty_spread=0.5,
        savings_years=10,
        duration_years=10,
        savings_gradient=2,
        difficulty_slope=10,
    )
    queries = {"issue 19's link": _query(known)}
    if not args.quick:
        found = search(known)
        queries["worst found"] = _query(found)
        print("worst found:", "&".join(f"{k}={v}" for k, v in _query(found).items()))
    table = report(queries)
    print(table)
    if args.out:
        args.out.write_text(table + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
