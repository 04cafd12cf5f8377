"""Screenshots and sizes of the screens of issue 20 (items 7, 8, 10, 11), in Danish.

Run from the repository root::

    .venv/bin/python -m benchmarks.layout_screens after [--app DIR] [--out DIR]

``--app DIR`` takes the app from a plain copy of other code (``git archive main | tar -x -C
DIR``), for the "before" shots. Each shot is written as ``<prefix>_<screen>.png`` (cropped,
128 colours, so they stay small) into ``benchmarks/results/screens-issue20/``; the sizes
measured are printed as JSON:

* desktop 1280×720, the Explorer: the top of its charts (px from the top of the window);
* projector 1920×1080, the Explorer in presenter mode: the smallest metric label, badge and
  sidebar text (px), the chart's top, bottom and height;
* phone 390×844, story steps 4 and 11 scrolled to their end: each Next / onward button's top
  (negative: above the screen) and whether it is greyed out;
* phone 390×844, Compare with four pinned scenarios and the Start page (shots only).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from PIL import Image
from playwright.sync_api import sync_playwright

from tests.browser import streamlit_harness as harness

OUT = harness.REPO_ROOT / "benchmarks" / "results" / "screens-issue20"
PINNED = "p1=Let+gruppe&p1.d=0.2&p2=Standard&p3=Sv%C3%A6r+gruppe&p3.d=0.8&p4=Stor+kohorte&p4.n=300&"
_TO_THE_END = """() => {
  for (const el of [document.scrollingElement, ...document.querySelectorAll(
      '[data-testid=stMain], [data-testid=stAppViewContainer]')])
    if (el) el.scrollTop = el.scrollHeight;
}"""
_PRESENTER = """() => {
  const size = el => parseFloat(getComputedStyle(el).fontSize);
  const shown = el => el.getBoundingClientRect().height > 0;
  const sidebar = [...document.querySelectorAll('[data-testid=stSidebarContent] *')].filter(
    el => shown(el) && el.getBoundingClientRect().top < innerHeight
      && [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()));
  const chart = document.querySelector('.js-plotly-plot').getBoundingClientRect();
  return {
    label: Math.min(...[...document.querySelectorAll('[data-testid=stMetricLabel] p')].map(size)),
    badge: Math.min(...[...document.querySelectorAll('[data-testid=stMetricDelta] div')].map(size)),
    sidebar: Math.min(...sidebar.map(size)),
    chart: [chart.top, chart.bottom, chart.height].map(Math.round),
  };
}"""
_WAY_ON = """() => [...document.querySelectorAll('.stMain button')]
  .filter(b => /Næste|Videre til Udforsk/.test(b.innerText))
  .map(b => [b.innerText.split('\\n').pop(), Math.round(b.getBoundingClientRect().top),
             b.disabled])"""


def _small(path: Path, crop: tuple[int, int, int, int] | None = None, scale: float = 1.0) -> None:
    image = Image.open(path).convert("RGB")
    if crop:
        image = image.crop(crop)
    if scale != 1.0:
        image = image.resize((int(image.width * scale), int(image.height * scale)), Image.LANCZOS)
    image.quantize(colors=128, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


def _settle(page: Any, charts: int = 1) -> None:
    """Idle, and idle again after the viewport probe's rerun (a phone's layout)."""
    harness.wait_until_idle(page, min_charts=charts, timeout_ms=90_000)
    page.wait_for_timeout(1500)
    harness.wait_until_idle(page, min_charts=charts)
    harness.assert_no_exception(page, page.url)


def shoot(prefix: str, app: Path, out: Path) -> dict[str, Any]:
    out.mkdir(parents=True, exist_ok=True)
    found: dict[str, Any] = {}
    with harness.StreamlitServer("app.py", cwd=app) as url, sync_playwright() as playwright:
        browser = harness.launch_chromium(playwright)

        def tab(width: int, height: int) -> Any:
            context = browser.new_context(
                viewport={"width": width, "height": height}, locale="da-DK"
            )
            context.set_default_timeout(60_000)
            return context.new_page()

        page = tab(1280, 720)
        page.goto(f"{url}/explorer?lang=da")
        _settle(page, 2)
        found["desktop_explorer_chart_tops"] = page.evaluate(
            "() => [...document.querySelectorAll('.js-plotly-plot')]"
            ".map(gd => Math.round(gd.getBoundingClientRect().top))"
        )
        shot = out / f"{prefix}_desktop-1280x720-explorer.png"
        page.screenshot(path=str(shot))
        _small(shot)

        page = tab(1920, 1080)
        page.goto(f"{url}/explorer?lang=da&present=1")
        _settle(page)
        found["projector_presenter"] = page.evaluate(_PRESENTER)
        shot = out / f"{prefix}_projector-1920x1080-explorer.png"
        page.screenshot(path=str(shot))
        _small(shot, scale=0.5)

        page = tab(390, 844)
        for step in (4, 11):
            page.goto(f"{url}/story?lang=da&step={step}")
            _settle(page)
            page.evaluate(_TO_THE_END)
            page.wait_for_timeout(400)
            found[f"phone_story_{step}_at_the_end"] = page.evaluate(_WAY_ON)
            shot = out / f"{prefix}_phone-390x844-story-step{step}-end.png"
            page.screenshot(path=str(shot))
            _small(shot)

        page.goto(f"{url}/compare?{PINNED}lang=da")
        _settle(page)
        shot = out / f"{prefix}_phone-390x844-compare.png"
        harness.full_page_screenshot(page, shot, max_height=6000)
        top, end = page.evaluate(
            """() => [document.querySelector('.stMain h1').getBoundingClientRect().top,
                      [...document.querySelectorAll('.stMain h3')]
                        .find(h => /Side om side/.test(h.innerText)).getBoundingClientRect().top]"""
        )
        _small(shot, crop=(0, max(0, int(top) - 10), 390, int(end) + 60))

        page.goto(f"{url}/?lang=da")
        _settle(page, 0)
        shot = out / f"{prefix}_phone-390x844-start.png"
        harness.full_page_screenshot(page, shot, max_height=6000)
        heading = page.evaluate(
            "() => [...document.querySelectorAll('.stMain h2')]"
            ".find(h => /store spørgsmål/.test(h.innerText)).getBoundingClientRect().top"
        )
        _small(shot, crop=(0, 0, 390, int(heading) + 300), scale=0.75)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("prefix", help="before or after: the start of each file's name")
    parser.add_argument("--app", type=Path, default=harness.REPO_ROOT, help="the app's folder")
    parser.add_argument("--out", type=Path, default=OUT, help="where the PNGs go")
    args = parser.parse_args()
    print(json.dumps(shoot(args.prefix, args.app.resolve(), args.out), ensure_ascii=False))


if __name__ == "__main__":
    main()
