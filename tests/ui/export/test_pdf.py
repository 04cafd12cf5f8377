"""The one-page PDF handout."""

from __future__ import annotations

import io
import re

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from sib_model import (
    PRESETS,
    Scenario,
    evaluate,
)
from ui.export.pdf import FONT_FILES, handout_pdf, own_text, plain_latin1
from ui.text.translator import TRANSLATIONS, Translator
from ui.words.headline import headline_figures

EN, DA = Translator("en"), Translator("da")


NOW = Scenario(cohort_size=60, difficulty=0.7)


LINK = "https://sib.example.dk/?n=60&d=0.7&b.d=0.3"


def _text(s: Scenario, link: str, t: Translator) -> str:
    reader = PdfReader(io.BytesIO(handout_pdf(s, evaluate(s), link, t)))
    assert len(reader.pages) == 1
    return str(reader.pages[0].extract_text())


@pytest.mark.parametrize("t", [EN, DA])
def test_the_handout_is_one_page_with_the_headline_numbers_and_the_link(t):
    text = _text(NOW, LINK, t)
    for figure in headline_figures(evaluate(NOW).summary, t):
        assert figure.value in text
    assert LINK in text.replace("\n", "")


@pytest.mark.parametrize("t", [EN, DA])
@pytest.mark.parametrize(
    "s", [NOW, Scenario(), PRESETS["peterborough"]], ids=["now", "default", "peterborough"]
)
def test_the_handout_writes_numbers_as_the_pages_do(s, t):
    # Issue 20, item 13: the handout wrote "0%", "1,80x" and "-" where the pages write
    # "0 %", "1,14×" and "−".
    text = " ".join(_text(s, LINK, t).replace(LINK, "").split())
    summary = evaluate(s).summary
    assert t.fmt.multiple(summary["expected_money_multiple"]) in text
    assert "×" in text
    assert not re.search(r"\dx\b", text)
    assert t.fmt.percent(0) in text  # the zero line of the return chart
    assert not re.search(r"(?<![\w/])-\d", text), "a hyphen as minus"
    if t.lang == "da":
        assert not re.search(r"\d%", text)
        assert re.search(r"\d \d{3}|\d\.\d{3}", text)  # thousands grouped
    if summary["expected_commissioner_net"] < 0:
        assert t.fmt.money_millions(summary["expected_commissioner_net"]).startswith("−")
        assert t.fmt.money_millions(summary["expected_commissioner_net"]) in text


@pytest.mark.parametrize("t", [EN, DA])
@pytest.mark.parametrize("link", ["http://localhost:8501/?n=60", "http://127.0.0.1:8501/?n=60"])
def test_a_link_only_this_computer_can_open_is_not_printed_and_the_handout_says_why(link, t):
    data = handout_pdf(NOW, evaluate(NOW), link, t)
    page = PdfReader(io.BytesIO(data)).pages[0]
    text = " ".join(page.extract_text().split())
    assert "localhost" in text
    assert link not in text
    assert t("pdf_link") not in text
    assert " ".join(t("pdf_localhost").split()) in text
    assert not page.images  # no QR code of a useless link


@pytest.mark.parametrize("path", FONT_FILES.values(), ids=lambda p: p.name)
def test_the_handouts_fonts_hold_every_character_of_every_text_in_both_languages(path):
    # A text with a character the fonts lack would be drawn with "?": make them again with
    # `make pdf-fonts` after adding its range to PDF_FONT_CHARS.
    shown = frozenset(TTFont(path).getBestCmap())
    missing = {
        ch
        for texts in TRANSLATIONS.values()
        for text in texts.values()
        for ch in text
        if ord(ch) not in shown and ch not in "\n"
    }
    assert not missing


@pytest.mark.parametrize(
    "hostile",
    [
        "**big**",
        "*x*_y_",
        r"\*not\*",
        ":red[**big**]",
        "[x](javascript:alert(1))",
        "<img src=x onerror=alert(1)>",
        '=HYPERLINK("http://evil.example/","Klik")',
    ],
)
def test_a_users_text_in_the_handout_is_drawn_literally(hostile):
    # The link is the handout's one user-controlled text: no markup of any kind is applied.
    link = f"https://sib.example.dk/?p1={hostile}"
    reader = PdfReader(io.BytesIO(handout_pdf(NOW, evaluate(NOW), link, EN)))
    assert link in reader.pages[0].extract_text().replace("\n", "")


def test_only_the_dashboards_own_texts_lose_their_markdown():
    shown = frozenset(TTFont(FONT_FILES[""]).getBestCmap())
    assert own_text("**Investor** – −5\\% × 1,2", shown) == "Investor – −5% × 1,2"
    assert own_text("☃ ≥ 1", shown) == "? ≥ 1"
    assert plain_latin1("**Investor** – 5\\%") == "**Investor** - 5\\%"
    assert plain_latin1("ÆØÅ æøå ☃") == "ÆØÅ æøå ?"
