"""A one-page PDF handout of one scenario for workshop participants: headline figures, the
key sentences, two small charts drawn from the same model numbers, the link as text and its
QR code. Pure (fpdf2, no Streamlit), unit-tested.

The charts are drawn with the PDF library's own lines and rectangles rather than rendered
from plotly (which would need a browser): the investor's return distribution binned by
:func:`ui.charts.weighted_histogram`, as on the Explorer, and the municipality's expected net
per year from the model's cash flows. The built-in Helvetica covers Latin-1 (æ, ø, å); the few
typographic characters outside it are written plainly.

Users' words are drawn literally: fpdf2 interprets no markup unless asked (``markdown=False``,
its default, is stated where a user's text is drawn), and the link — the one text in the
handout a user controls — goes through :func:`plain_latin1`, which changes characters Helvetica
lacks and nothing else. Only the dashboard's own texts, whose ``**bold**`` is markdown for the
screen, lose their emphasis marks (:func:`latin1`).
"""

from __future__ import annotations

import io
import re

from fpdf import FPDF

from sib_model import Scenario, ScenarioResult
from ui.charts import COLOURS, weighted_histogram
from ui.export.share import qr_png
from ui.text.translator import Translator
from ui.words.comparison import input_text
from ui.words.headline import headline_figures
from ui.words.narrative import explorer_sentences

__all__ = ["handout_pdf", "latin1", "plain_latin1"]

_PLAIN = {
    "–": "-",
    "—": "-",
    "−": "-",
    "“": '"',
    "”": '"',
    "„": '"',
    "‘": "'",
    "’": "'",
    "…": "...",
    "×": "x",
    "≥": ">=",
    "≤": "<=",
    "→": "->",
    "∞": "inf",
    "\u202f": " ",
    "\xa0": " ",
}


def plain_latin1(text: str) -> str:
    """``text`` exactly as written, in characters Helvetica can show: typographic characters
    outside Latin-1 written plainly (``–`` as ``-``), any other as ``?``. For users' text."""
    for old, new in _PLAIN.items():
        text = text.replace(old, new)
    return text.encode("latin-1", "replace").decode("latin-1")


def latin1(text: str) -> str:
    """One of the dashboard's own texts without its markdown emphasis or escapes, in
    characters Helvetica can show (never for users' text: see :func:`plain_latin1`)."""
    text = text.replace("**", "").replace("*", "")
    text = re.sub(r"\\(.)", r"\1", text)
    return plain_latin1(text)


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


def _bars(
    pdf: FPDF,
    x: float,
    y: float,
    w: float,
    h: float,
    title: str,
    values: list[float],
    colours: list[str],
    labels: list[str],
    value_labels: list[str] | None = None,
) -> None:
    """A small bar chart in the box (x, y, w, h) mm: bars from a zero line (marked "0"), the
    category labels under the box and, if given, each bar's value at its end."""
    pdf.set_font("Helvetica", "B", 9)
    pdf.set_xy(x, y)
    pdf.cell(w, 5, latin1(title))
    top, bottom = y + 11, y + h - 14
    lo, hi = min(0.0, *values), max(0.0, *values)
    span = (hi - lo) or 1.0

    def at(v: float) -> float:
        return bottom - (v - lo) / span * (bottom - top)

    pdf.set_draw_color(160, 160, 160)
    pdf.line(x, at(0.0), x + w, at(0.0))
    pdf.set_font("Helvetica", "", 7)
    pdf.set_text_color(110, 110, 110)
    pdf.set_xy(x - 6, at(0.0) - 2)
    pdf.cell(5, 4, "0", align="R")
    pdf.set_text_color(0, 0, 0)
    step = w / max(len(values), 1)
    for k, (value, colour) in enumerate(zip(values, colours, strict=True)):
        pdf.set_fill_color(*_rgb(colour))
        y0, y1 = sorted((at(0.0), at(value)))
        if y1 - y0 > 0.05:
            pdf.rect(x + k * step + step * 0.1, y0, step * 0.8, y1 - y0, style="F")
        if value_labels:
            pdf.set_font("Helvetica", "", 7)
            pdf.set_xy(x + k * step, at(value) - 4.5 if value >= 0 else at(value) + 0.5)
            pdf.cell(step, 4, latin1(value_labels[k]), align="C")
    pdf.set_font("Helvetica", "", 7)
    pdf.set_text_color(110, 110, 110)
    for k, label in enumerate(labels):
        if label:
            pdf.set_xy(x + k * step, y + h - 5)
            pdf.cell(step, 4, latin1(label), align="C")
    pdf.set_text_color(0, 0, 0)


def handout_pdf(s: Scenario, result: ScenarioResult, link: str, t: Translator) -> bytes:
    """One A4 page describing scenario ``s`` (its ``result`` from :func:`sib_model.evaluate`)."""
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(False)
    pdf.set_margins(15, 15, 15)
    pdf.add_page()
    pdf.set_title(latin1(t("pdf_title")))
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 9, latin1(t("pdf_title")), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 8)
    pdf.set_text_color(110, 110, 110)
    pdf.multi_cell(0, 4, latin1(t("illustrative")), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(2)

    summary = result.summary
    figures = headline_figures(summary, t)
    width = (pdf.w - 30) / 3
    for row in range(2):
        top = pdf.get_y()
        for k, figure in enumerate(figures[row * 3 : row * 3 + 3]):
            pdf.set_xy(15 + k * width, top)
            pdf.set_font("Helvetica", "", 8)
            pdf.cell(width, 4, latin1(figure.label))
            pdf.set_xy(15 + k * width, top + 4)
            pdf.set_font("Helvetica", "B", 14)
            pdf.cell(width, 8, latin1(figure.value))
        pdf.set_xy(15, top + 14)

    pdf.set_font("Helvetica", "", 9)
    for sentence in explorer_sentences(summary, s, t):
        pdf.multi_cell(0, 4.4, "- " + latin1(sentence), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(0.6)
    changed = s.changed_fields()
    pdf.set_font("Helvetica", "", 8)
    inputs = ", ".join(f"{t.label(f)} = {input_text(f, v, t)}" for f, v in changed.items())
    pdf.multi_cell(
        0,
        4,
        latin1(t("pdf_inputs", inputs=inputs) if changed else t("pdf_inputs_none")),
        new_x="LMARGIN",
        new_y="NEXT",
    )

    top = pdf.get_y() + 6
    distribution = result.distribution
    edges, totals = weighted_histogram(
        distribution["investor_irr"].to_numpy(), distribution["probability"].to_numpy()
    )
    centres = (edges[:-1] + edges[1:]) / 2
    every = max(1, len(centres) // 5)
    _bars(
        pdf,
        15,
        top,
        85,
        55,
        t("chart_irr_title"),
        [float(v) for v in totals],
        [COLOURS["loss"] if c < 0 else COLOURS["gain"] for c in centres],
        [t.fmt.percent(float(c)) if k % every == 0 else "" for k, c in enumerate(centres)],
    )
    cash = result.cash_flows
    _bars(
        pdf,
        110,
        top,
        85,
        55,
        t("chart_compare_cash_title"),
        [float(v) for v in cash["commissioner_net"]],
        [COLOURS["commissioner"]] * len(cash),
        [f"{t('col_year')} {int(y)}" for y in cash["year"]],
        [t.fmt.money_millions(float(v)) for v in cash["commissioner_net"]],
    )

    qr_top = top + 64
    pdf.set_xy(15, qr_top)
    pdf.set_font("Helvetica", "B", 10)
    pdf.cell(120, 5, latin1(t("pdf_link")), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Courier", "", 7.5)
    pdf.set_x(15)
    pdf.multi_cell(120, 3.6, plain_latin1(link), markdown=False)
    pdf.image(io.BytesIO(qr_png(link, scale=8)), x=140, y=qr_top, w=55, h=55)
    return bytes(pdf.output())
