"""Numbers as Danish and English readers expect them (Babel locales da_DK and en_GB)."""

from __future__ import annotations

import math

import pytest

from ui.text.numbers import _MONEY_PATTERN, LOCALES, MINUS, NumberFormat, parse_number

DA, EN = NumberFormat("da"), NumberFormat("en")


def test_danish_money_uses_dots_for_thousands_and_kr_after():
    assert DA.money(1_234_567) == "1.234.567 kr."


def test_english_money_puts_the_currency_code_first_with_commas():
    assert EN.money(1_234_567) == "DKK 1,234,567"


@pytest.mark.parametrize(("fmt", "expected"), [(DA, "−1.643.741 kr."), (EN, "−DKK 1,643,741")])
def test_negative_money_rounds_to_whole_kroner(fmt, expected):
    assert fmt.money(-1_643_741.4) == expected


@pytest.mark.parametrize(("fmt", "expected"), [(DA, "−1,6 mio. kr."), (EN, "−DKK 1.6m")])
def test_millions_for_headlines(fmt, expected):
    assert fmt.money_millions(-1_643_741) == expected


@pytest.mark.parametrize("fmt", [DA, EN])
def test_a_negative_number_starts_with_the_typographic_minus_as_the_charts_ticks_do(fmt):
    shown = [
        fmt.money(-5),
        fmt.money_millions(-2_500_000),
        fmt.percent(-0.221, 1),
        fmt.number(-1234.5, 1),
        fmt.multiple(-1.5),
        fmt.number(-math.inf),
    ]
    for text in shown:
        assert text.startswith(MINUS), text
        assert "-" not in text, text
    assert parse_number(fmt.money(-5), fmt.lang) == -5  # a number box reads it back


@pytest.mark.parametrize("fmt", [DA, EN])
def test_a_number_that_rounds_to_zero_has_no_sign(fmt):
    assert fmt.money(-0.4) == fmt.money(0)
    assert fmt.money_millions(-0.0) == fmt.money_millions(0)
    assert fmt.percent(-0.00001) == fmt.percent(0) == ("0 %" if fmt.lang == "da" else "0%")
    assert fmt.number(-0.004, 2) == fmt.number(0, 2)
    assert fmt.multiple(-0.0) == fmt.multiple(0)


@pytest.mark.parametrize(
    ("fmt", "digits", "expected"),
    [(DA, 0, "12 %"), (DA, 1, "12,4 %"), (EN, 0, "12%"), (EN, 1, "12.4%")],
)
def test_percentages_follow_each_languages_habit(fmt, digits, expected):
    assert fmt.percent(0.1241, digits) == expected


def test_numbers_and_money_multiples():
    assert DA.number(1234.5, 1) == "1.234,5"
    assert EN.number(1234.5, 1) == "1,234.5"
    assert DA.multiple(1.1467) == "1,15×"
    assert EN.number(math.inf) == "∞"


@pytest.mark.parametrize("value", [None, math.nan])
def test_missing_values_show_a_dash_not_nan(value):
    for fmt in (DA, EN):
        assert fmt.money(value) == fmt.percent(value) == fmt.number(value) == "–"


def test_cost_per_additional_outcome_of_infinity_is_not_shown_as_a_number():
    assert DA.money(math.inf) == "–"


def test_chart_separators_and_hover_templates_match_the_text():
    assert DA.plotly_separators == ",."
    assert EN.plotly_separators == ".,"
    assert DA.hover_money("y") == "%{y:,.0f} kr."
    assert EN.hover_money("y") == "DKK %{y:,.0f}"
    assert DA.hover_percent("customdata[0]") == "%{customdata[0]:,.1f} %"


def test_unknown_language_falls_back_to_english_locale():
    assert NumberFormat("xx").locale == "en_GB"


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("200.000", "da", 200_000),
        ("200000", "da", 200_000),
        ("1.234,5", "da", 1234.5),
        ("1,5", "da", 1.5),
        ("1.5", "da", 1.5),
        ("200,000", "en", 200_000),
        ("DKK 1,500.25", "en", 1500.25),
        ("200 000 kr.", "da", 200_000),
        ("", "da", None),
        ("abc", "en", None),
        ("1,2,3.4.5", "en", None),
        ("inf", "en", None),
    ],
)
def test_a_typed_number_is_read_in_its_language_or_refused(text, lang, value):
    assert parse_number(text, lang) == value


@pytest.mark.parametrize("lang", ["en", "da"])
def test_numbers_read_exactly_as_babels_own_format_functions_write_them(lang):
    """NumberFormat applies Babel's patterns parsed once (ui/text/numbers.py): the very text
    format_currency, format_percent and format_decimal give for the value as shown (rounded to
    the digits written, no sign on a zero), with the typographic minus."""
    from babel.numbers import format_currency, format_decimal, format_percent

    fmt, locale = NumberFormat(lang), LOCALES[lang]
    space = " " if lang == "da" else ""

    def plain(text: str) -> str:
        return text.replace("\xa0", " ").replace("\u202f", " ").replace("-", MINUS)

    def shown(value: float, digits: int) -> float:
        rounded = round(value, digits)
        return 0.0 if rounded == 0 else rounded

    values = [0.0, -0.0, 1, -1, 0.125, 0.005, 0.0049999, 0.995, 2.5, 3.5, 1e-9, 1e12]
    values += [x * 1234.5678 for x in range(-40, 41)] + [x / 997 for x in range(-40, 41)]
    for value in values:
        money = format_currency(
            shown(value, 0),
            "DKK",
            format=_MONEY_PATTERN[lang],
            locale=locale,
            currency_digits=False,
        )
        assert fmt.money(value) == plain(money)
        for digits in (0, 1, 2):
            decimals = "." + "0" * digits if digits else ""
            as_percent = shown(value * 100, digits) / 100
            percent = format_percent(as_percent, f"#,##0{decimals}{space}%", locale=locale)
            assert fmt.percent(value, digits) == plain(percent)
            assert fmt.number(value, digits) == plain(
                format_decimal(shown(value, digits), f"#,##0{decimals}", locale=locale)
            )
