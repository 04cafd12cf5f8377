"""A one-page PDF handout of one scenario for workshop participants: headline figures, the
key sentences, two small charts drawn from the same model numbers, the link as text and its
QR code. Pure (fpdf2, no Streamlit), unit-tested.

The charts are drawn with the PDF library's own lines and rectangles rather than rendered
from plotly (which would need a browser): the investor's return distribution binned by
:func:`ui.charts.weighted_histogram`, as on the Explorer, and the municipality's expected net
per year from the model's cash flows. Every number is written by the reader's
:class:`~ui.text.numbers.NumberFormat`, as on the pages: ``0 %``, ``1,14×``, ``−1,7 mio. kr.``.

The text is set in DejaVu Sans, embedded (subsets of the fonts in ``fonts/``, with their
licence; ``make pdf-fonts`` makes them again): the PDF's built-in Helvetica covers Latin-1
only, which has no typographic minus (U+2212), so a handout in Helvetica had to write ``-``
where the pages write ``−``. A test checks that the fonts hold every character of every text
in both languages.

Users' words are drawn literally: fpdf2 interprets no markup unless asked (``markdown=False``,
its default, is stated where a user's text is drawn), and the link — the one text in the
handout a user controls — goes through :func:`plain_latin1` and is set in the built-in
Courier. Only the dashboard's own texts, whose ``**bold**`` is markdown for the screen, lose
their emphasis marks (:func:`own_text`). A link only this computer can open (``localhost``) is
not printed: the handout says why instead, as the Share page does.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import TTFFont

from sib_model import Scenario, ScenarioResult
from ui.charts import COLOURS, weighted_histogram
from ui.export.share import is_local, qr_png
from ui.text.translator import Translator
from ui.words.comparison import input_text
from ui.words.headline import headline_figures
from ui.words.narrative import explorer_sentences

__all__ = ["handout_pdf", "plain_latin1", "own_text", "FONT_FILES", "FONT", "FontedPDF"]

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


def _unmarked(text: str) -> str:
    """A text of the dashboard without its markdown emphasis and escapes."""
    text = text.replace("**", "").replace("*", "")
    return re.sub(r"\\(.)", r"\1", text)


#: The handout's font family and its files (style → file): subsets of DejaVu Sans.
FONT = "DejaVuSans"
_FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT_FILES = {"": _FONT_DIR / "DejaVuSans.ttf", "B": _FONT_DIR / "DejaVuSans-Bold.ttf"}


def own_text(text: str, shown: frozenset[int]) -> str:
    """One of the dashboard's own texts without its markdown, in the characters of the
    handout's font (``shown``: its code points): a character it lacks is written plainly
    (as :func:`plain_latin1` would) or as ``?`` — never, the font test makes sure, one of the
    catalog's."""
    text = _unmarked(text)
    if all(ord(ch) in shown for ch in text):
        return text
    return "".join(
        ch if ord(ch) in shown else _PLAIN.get(ch, ch if ch.isascii() else "?") for ch in text
    )


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


class FontedPDF(FPDF):
    """A4 pages in the handout's font (:data:`FONT_FILES`), with :meth:`words` for the
    dashboard's own texts: the handout and the facilitator's guide are set alike."""

    def __init__(self) -> None:
        """A document with the fonts embedded and no page yet."""
        super().__init__(format="A4", unit="mm")
        for style, path in FONT_FILES.items():
            self.add_font(FONT, style, str(path))
        font = self.fonts[FONT.lower()]
        assert isinstance(font, TTFFont)
        #: The code points the font can draw (see :func:`own_text`).
        self.shown = frozenset(font.cmap)

    def words(self, text: str) -> str:
        """``text`` (the dashboard's own) as the PDF draws it: :func:`own_text`."""
        return own_text(text, self.shown)


class _Handout(FontedPDF):
    """The handout's one page."""

    def __init__(self) -> None:
        super().__init__()
        self.set_auto_page_break(False)
        self.set_margins(15, 15, 15)
        self.add_page()

    def style(self, size: float, bold: bool = False) -> None:
        self.set_font(FONT, "B" if bold else "", size)


def _bars(
    pdf: _Handout,
    box: tuple[float, float, float, float],
    title: str,
    values: list[float],
    colours: list[str],
    labels: list[str],
    zero: str,
    value_labels: list[str] | None = None,
) -> None:
    """A small bar chart in the ``box`` (x, y, w, h) mm: bars from a zero line marked
    ``zero`` (the formatted zero of the chart's unit), the category labels under the box and,
    if given, each bar's value at its end."""
    x, y, w, h = box
    pdf.style(9, bold=True)
    pdf.set_xy(x, y)
    pdf.cell(w, 5, pdf.words(title))
    top, bottom = y + 11, y + h - 14
    lo, hi = min(0.0, *values), max(0.0, *values)
    span = (hi - lo) or 1.0

    def at(v: float) -> float:
        return bottom - (v - lo) / span * (bottom - top)

    pdf.set_draw_color(160, 160, 160)
    pdf.line(x, at(0.0), x + w, at(0.0))
    pdf.style(7)
    pdf.set_text_color(110, 110, 110)
    pdf.set_xy(x - 11, at(0.0) - 2)
    pdf.cell(10, 4, pdf.words(zero), align="R")
    pdf.set_text_color(0, 0, 0)
    step = w / max(len(values), 1)
    # Value labels share one size, as large as lets the widest fit its bar (at most 7 pt).
    size = 7.0
    pdf.style(size)
    while value_labels and size > 4.5:
        if max(pdf.get_string_width(pdf.words(label)) for label in value_labels) <= step * 0.95:
            break
        size -= 0.5
        pdf.style(size)
    for k, (value, colour) in enumerate(zip(values, colours, strict=True)):
        pdf.set_fill_color(*_rgb(colour))
        y0, y1 = sorted((at(0.0), at(value)))
        if y1 - y0 > 0.05:
            pdf.rect(x + k * step + step * 0.1, y0, step * 0.8, y1 - y0, style="F")
        if value_labels:
            pdf.style(size)
            pdf.set_xy(x + k * step, at(value) - 4.5 if value >= 0 else at(value) + 0.5)
            pdf.cell(step, 4, pdf.words(value_labels[k]), align="C")
    pdf.style(7)
    pdf.set_text_color(110, 110, 110)
    for k, label in enumerate(labels):
        if label:
            pdf.set_xy(x + k * step, y + h - 5)
            pdf.cell(step, 4, pdf.words(label), align="C")
    pdf.set_text_color(0, 0, 0)


def handout_pdf(s: Scenario, result: ScenarioResult, link: str, t: Translator) -> bytes:
    """One A4 page describing scenario ``s`` (its ``result`` from :func:`sib_model.evaluate`),
    with ``link`` (the Share page's) and its QR code, unless only this computer can open it."""
    pdf = _Handout()
    pdf.set_title(pdf.words(t("pdf_title")))
    pdf.style(16, bold=True)
    pdf.cell(0, 9, pdf.words(t("pdf_title")), new_x="LMARGIN", new_y="NEXT")
    pdf.style(8)
    pdf.set_text_color(110, 110, 110)
    pdf.multi_cell(0, 4, pdf.words(t("illustrative")), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(2)

    summary = result.summary
    figures = headline_figures(summary, t)
    width = (pdf.w - 30) / 3
    for row in range(2):
        top = pdf.get_y()
        for k, figure in enumerate(figures[row * 3 : row * 3 + 3]):
            pdf.set_xy(15 + k * width, top)
            pdf.style(8)
            pdf.cell(width, 4, pdf.words(figure.label))
            pdf.set_xy(15 + k * width, top + 4)
            pdf.style(14, bold=True)
            pdf.cell(width, 8, pdf.words(figure.value))
        pdf.set_xy(15, top + 14)

    pdf.style(9)
    for sentence in explorer_sentences(summary, s, t):
        pdf.multi_cell(0, 4.4, "• " + pdf.words(sentence), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(0.6)
    changed = s.changed_fields()
    pdf.style(8)
    inputs = ", ".join(f"{t.label(f)} = {input_text(f, v, t)}" for f, v in changed.items())
    pdf.multi_cell(
        0,
        4,
        pdf.words(t("pdf_inputs", inputs=inputs) if changed else t("pdf_inputs_none")),
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
        (15, top, 85, 55),
        t("chart_irr_title"),
        [float(v) for v in totals],
        [COLOURS["loss"] if c < 0 else COLOURS["gain"] for c in centres],
        [t.fmt.percent(float(c)) if k % every == 0 else "" for k, c in enumerate(centres)],
        t.fmt.percent(0.0),  # the bars are shares of the futures
    )
    cash = result.cash_flows
    _bars(
        pdf,
        (110, top, 85, 55),
        t("chart_compare_cash_title"),
        [float(v) for v in cash["commissioner_net"]],
        [COLOURS["commissioner"]] * len(cash),
        [f"{t('col_year')} {int(y)}" for y in cash["year"]],
        t.fmt.number(0.0),
        [t.fmt.money_millions(float(v)) for v in cash["commissioner_net"]],
    )

    qr_top = top + 64
    pdf.set_xy(15, qr_top)
    if is_local(link):
        # A link to localhost opens on the presenter's laptop only: no link, no QR code, and
        # the reason, as the Share page gives it.
        pdf.style(9)
        pdf.multi_cell(120, 4.4, pdf.words(t("pdf_localhost")), new_x="LMARGIN", new_y="NEXT")
        return bytes(pdf.output())
    pdf.style(10, bold=True)
    pdf.cell(120, 5, pdf.words(t("pdf_link")), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Courier", "", 7.5)
    pdf.set_x(15)
    pdf.multi_cell(120, 3.6, plain_latin1(link), markdown=False)
    pdf.image(io.BytesIO(qr_png(link, scale=8)), x=140, y=qr_top, w=55, h=55)
    return bytes(pdf.output())
