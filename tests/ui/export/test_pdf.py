"""The one-page PDF handout."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from sib_model import (
    Scenario,
    evaluate,
)
from ui.export.pdf import handout_pdf, latin1, plain_latin1
from ui.text.translator import Translator
from ui.words.headline import headline_figures

EN, DA = Translator("en"), Translator("da")


NOW = Scenario(cohort_size=60, difficulty=0.7)


@pytest.mark.parametrize("t", [EN, DA])
def test_the_handout_is_one_page_with_the_headline_numbers_and_the_link(t):
    link = "https://sib.example.dk/?n=60&d=0.7&b.d=0.3"
    result = evaluate(NOW)
    reader = PdfReader(io.BytesIO(handout_pdf(NOW, result, link, t)))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    for figure in headline_figures(result.summary, t):
        assert figure.value.replace("×", "x") in text
    assert link in text.replace("\n", "")


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
    assert latin1("**Investor** – 5\\%") == "Investor - 5%"
    assert plain_latin1("**Investor** – 5\\%") == "**Investor** - 5\\%"
    assert plain_latin1("ÆØÅ æøå ☃") == "ÆØÅ æøå ?"
