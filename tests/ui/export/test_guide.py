"""The facilitator's guide as files: Markdown and PDF of one plan, in the reader's language,
with the app's own links."""

from __future__ import annotations

import io
from urllib.parse import parse_qs, urlsplit

import pytest
from pypdf import PdfReader

from sib_model import PRESETS, scenario_from_query
from ui.export.guide import file_name, guide_markdown, guide_pdf, link_url, present_url
from ui.text.translator import Translator
from ui.words.guide import PLANS, Link, plan_text

EN, DA = Translator("en"), Translator("da")


def _drawn(text: str) -> str:
    """A text of the plan as the PDF draws it: as written, without markdown's emphasis, in
    words (pypdf may break a line anywhere)."""
    return " ".join(text.replace("**", "").replace("*", "").split())


ROOT = "http://10.0.0.5:8501"


def _pdf_text(data: bytes) -> tuple[int, str, list[str]]:
    """Pages, text (lines joined) and link targets of a PDF."""
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() for page in reader.pages).replace("\n", " ")
    uris = [
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation.get_object()
    ]
    return len(reader.pages), " ".join(text.split()), uris


def test_a_link_is_the_apps_own_link_to_the_page_with_its_example_in_the_language():
    url = link_url(ROOT, Link("explorer", preset="aalborg"), "da")
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}" == ROOT
    assert parts.path == "/explorer"
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    assert query.pop("lang") == "da"
    assert scenario_from_query(query)[0] == PRESETS["aalborg"]
    assert link_url(ROOT, Link("story", step=1), "en") == ROOT + "/story?step=1"
    assert link_url(ROOT, Link(""), "en") == ROOT + "/"
    assert present_url(ROOT, "da") == ROOT + "/?present=1&lang=da"


@pytest.mark.parametrize("minutes", PLANS)
@pytest.mark.parametrize("t", [EN, DA])
def test_the_markdown_holds_the_checklist_and_every_block_with_its_links(t, minutes):
    plan = PLANS[minutes]
    text = guide_markdown(plan, t, ROOT)
    words = plan_text(plan, t)
    assert text.startswith(f"# {words.title}\n")
    assert f"## {t('guide_prep_title')}" in text
    assert present_url(ROOT, t.lang) in text
    for block in words.blocks:
        assert f"## {block.heading}\n" in text
        assert block.show in text
        assert block.handover in text
        assert all(f"- {ask}" in text for ask in block.asks)
        assert all(f"- {watch}" in text for watch in block.watch)
        for item in block.links:
            assert f"[{item.label}]({link_url(ROOT, item.link, t.lang)})" in text
    assert "{" not in text


def test_the_danish_markdown_is_danish():
    text = guide_markdown(PLANS[60], DA, ROOT)
    assert "# 60 minutter: den korte workshop" in text
    assert "**Spørg deltagerne**" in text
    assert "**Hold øje med**" in text
    assert "Ask the room" not in text
    assert file_name(PLANS[60], "da", "md") == "sib-guide-60-da.md"


@pytest.mark.parametrize("minutes", PLANS)
@pytest.mark.parametrize("t", [EN, DA])
def test_the_pdf_holds_every_block_on_a_few_pages_with_working_links(t, minutes):
    plan = PLANS[minutes]
    pages, text, uris = _pdf_text(guide_pdf(plan, t, ROOT))
    assert 2 <= pages <= 8
    words = plan_text(plan, t)
    for block in words.blocks:
        assert _drawn(block.heading) in text, block.heading  # "–" as "–", "ø" as "ø"
        assert _drawn(block.asks[0])[:40] in text
    expected = {link_url(ROOT, item.link, t.lang) for block in words.blocks for item in block.links}
    assert set(uris) == expected
    assert f"1/{pages}" in text  # page numbers in the footer


def test_no_block_of_the_pdf_is_split_across_two_pages():
    reader = PdfReader(io.BytesIO(guide_pdf(PLANS[90], DA, ROOT)))
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    for block in plan_text(PLANS[90], DA).blocks:
        heading = _drawn(block.heading)
        handover = _drawn(block.handover)
        on = [k for k, page in enumerate(pages) if heading in page]
        assert len(on) == 1, heading
        assert handover[-30:] in pages[on[0]], (heading, "ends on another page")


@pytest.mark.parametrize("t", [EN, DA])
def test_the_pdf_prints_the_plans_characters_as_written(t):
    # Set in the handout's DejaVu Sans: typographic dashes and quotes survive, where the
    # built-in Helvetica (Latin-1) wrote "-" and '"'.
    _, text, _ = _pdf_text(guide_pdf(PLANS[60], t, ROOT))
    assert "–" in text
    assert "“" in text
    assert "”" in text
