"""The facilitator's guide as a file to take along: one plan with the preparation checklist,
as Markdown (to paste into a document or an intranet page) or as a PDF (to print), in the
reader's language. Pure (fpdf2, no Streamlit), unit-tested.

The words are :func:`ui.words.guide.plan_text`'s, the same sentences the page shows. Each of a
block's links becomes the app's own link (:func:`ui.export.share.share_link`): opened in a new
session it shows the block's page with its example or story step, in the file's language.
The PDF is set like the handout (:mod:`ui.export.pdf`): embedded DejaVu Sans, so Danish
letters, typographic dashes and ``⌘`` print as written, the dashboard's texts without their
markdown emphasis (:func:`~ui.export.pdf.own_text`), and a block is never split across two
pages when it fits on one.
"""

from __future__ import annotations

from fpdf import FPDF
from fpdf.recorder import FPDFRecorder

from ui.export.pdf import FONT, FontedPDF
from ui.export.share import share_link
from ui.text.translator import Translator
from ui.words.guide import (
    BlockText,
    Link,
    Plan,
    link_query,
    page_of,
    plan_text,
    preparation_text,
    present_query,
)

__all__ = ["link_url", "present_url", "guide_markdown", "guide_pdf", "file_name"]


def link_url(root: str, link: Link, lang: str) -> str:
    """The address that opens ``link`` in a new session of the dashboard at ``root``."""
    return share_link(root, page_of(link).url, link_query(link, lang))


def present_url(root: str, lang: str) -> str:
    """The dashboard at ``root`` in presenter mode, in ``lang``."""
    return share_link(root, "", present_query(lang))


def file_name(plan: Plan, lang: str, extension: str) -> str:
    """``sib-guide-60-da.pdf``: the plan's minutes and language in the name."""
    return f"sib-guide-{plan.minutes}-{lang}.{extension}"


def _markdown_block(block: BlockText, root: str, t: Translator) -> list[str]:
    lines = [f"## {block.heading}", ""]
    if block.links:
        links = " · ".join(
            f"[{item.label}]({link_url(root, item.link, t.lang)})" for item in block.links
        )
        lines += [f"**{t('guide_links_title')}:** {links}", ""]
    lines += [f"**{t('guide_show')}**", "", block.show, ""]
    lines += [f"**{t('guide_ask')}**", "", *(f"- {ask}" for ask in block.asks), ""]
    lines += [f"**{t('guide_watch')}**", "", *(f"- {watch}" for watch in block.watch), ""]
    lines += [f"**{t('guide_next')}**", "", block.handover, ""]
    return lines


def guide_markdown(plan: Plan, t: Translator, root: str) -> str:
    """``plan`` with the preparation checklist as Markdown; links point at ``root``."""
    words = plan_text(plan, t)
    lines = [f"# {words.title}", "", f"*{t('page_guide')}*", "", words.intro, ""]
    lines += [f"*{t('illustrative')}*", ""]
    lines += [f"## {t('guide_prep_title')}", ""]
    lines += [f"- {item}" for item in preparation_text(t, root, present_url(root, t.lang))] + [""]
    for block in words.blocks:
        lines += _markdown_block(block, root, t)
    return "\n".join(lines).rstrip() + "\n"


class _GuidePDF(FontedPDF):
    """A4 pages in the handout's font, numbered in the footer ("2/5")."""

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, "", 8)
        self.set_text_color(110, 110, 110)
        self.cell(0, 5, f"{self.page_no()}/{{nb}}", align="C")
        self.set_text_color(0, 0, 0)


#: A document being written: the PDF itself, or its recorder while a block is kept on one page.
_Doc = FPDF | FPDFRecorder
_WIDTH = 180.0  # A4 less 15 mm margins
_LINK = (20, 80, 160)


def _words(pdf: _Doc, text: str) -> str:
    """One of the dashboard's texts as the guide draws it (a recorder draws for its PDF)."""
    target = pdf.pdf if isinstance(pdf, FPDFRecorder) else pdf
    assert isinstance(target, _GuidePDF)
    return target.words(text)


def _paragraph(pdf: _Doc, text: str, size: float = 9.5) -> None:
    pdf.set_font(FONT, "", size)
    pdf.multi_cell(_WIDTH, size * 0.5, _words(pdf, text), new_x="LMARGIN", new_y="NEXT")


def _label(pdf: _Doc, text: str) -> None:
    pdf.ln(1.2)
    pdf.set_font(FONT, "B", 9.5)
    pdf.cell(_WIDTH, 5, _words(pdf, text), new_x="LMARGIN", new_y="NEXT")


def _bullets(pdf: _Doc, items: tuple[str, ...] | list[str]) -> None:
    pdf.set_font(FONT, "", 9.5)
    for item in items:
        pdf.set_x(pdf.l_margin)
        pdf.cell(4, 4.75, "-")
        pdf.multi_cell(_WIDTH - 4, 4.75, _words(pdf, item), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(0.5)


def _pdf_block(pdf: _Doc, block: BlockText, root: str, t: Translator) -> None:
    pdf.set_fill_color(238, 240, 244)
    pdf.set_font(FONT, "B", 12)
    pdf.cell(_WIDTH, 8, " " + _words(pdf, block.heading), fill=True, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    if block.links:
        pdf.set_font(FONT, "B", 9.5)
        pdf.write(5, _words(pdf, t("guide_links_title")) + ": ")
        for k, item in enumerate(block.links):
            if k:
                pdf.set_text_color(0, 0, 0)
                pdf.write(5, " | ")
            pdf.set_font(FONT, "U", 9.5)
            pdf.set_text_color(*_LINK)
            pdf.write(5, _words(pdf, item.label), link=link_url(root, item.link, t.lang))
        pdf.set_text_color(0, 0, 0)
        pdf.ln(6)
    _label(pdf, t("guide_show"))
    _paragraph(pdf, block.show)
    _label(pdf, t("guide_ask"))
    _bullets(pdf, block.asks)
    _label(pdf, t("guide_watch"))
    _bullets(pdf, block.watch)
    _label(pdf, t("guide_next"))
    _paragraph(pdf, block.handover)
    pdf.ln(5)


def guide_pdf(plan: Plan, t: Translator, root: str) -> bytes:
    """``plan`` with the preparation checklist as an A4 PDF; links point at ``root``."""
    words = plan_text(plan, t)
    pdf = _GuidePDF()
    pdf.set_margins(15, 15, 15)
    pdf.set_auto_page_break(True, margin=18)
    pdf.set_title(pdf.words(words.title))
    pdf.add_page()
    pdf.set_font(FONT, "B", 18)
    pdf.cell(_WIDTH, 9, _words(pdf, t("page_guide")), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "B", 13)
    pdf.cell(_WIDTH, 8, _words(pdf, words.title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    _paragraph(pdf, words.intro, 10)
    pdf.set_text_color(110, 110, 110)
    _paragraph(pdf, t("illustrative"), 8)
    pdf.set_text_color(0, 0, 0)
    pdf.ln(3)
    pdf.set_font(FONT, "B", 12)
    pdf.cell(_WIDTH, 7, _words(pdf, t("guide_prep_title")), new_x="LMARGIN", new_y="NEXT")
    _bullets(pdf, preparation_text(t, root, present_url(root, t.lang)))
    pdf.ln(3)
    for block in words.blocks:
        with pdf.unbreakable() as kept:
            _pdf_block(kept, block, root, t)
    return bytes(pdf.output())
