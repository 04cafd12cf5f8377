"""Every word the dashboard shows, in English and Danish.

Pages, the sidebar and the chart builders look text up here through a :class:`Translator`
(``t("key", **values)``) and never carry literal sentences of their own. The texts themselves
live in gettext catalogs (see :mod:`ui.text.catalog`): the English source in
:mod:`ui.text.english` (and the preset titles, stories and sources in
:mod:`sib_model.presets`), the Danish in
``ui/text/locale/da/LC_MESSAGES/messages.po``, one file a translator opens. Each message's
``msgctxt`` is the key used here and its ``msgid`` the English text; keys rather than English
msgids keep every call site unchanged when English is reworded, and keep two texts with the same
English apart.

The tables below are views of the catalogs, built once per process:

- ``TEXT``: labels, sentences and titles, by key;
- ``FIELD_TEXT``: the label and the plain-language help of every scenario input;
- ``GLOSSARY``: the domain words of DESIGN.md, Danish ↔ English.

Sentences use ``str.format`` fields; a test checks that both languages of a key use the
same fields.
"""

from __future__ import annotations

import re

from sib_model import PRESET_DETAILS
from ui.text import english as texts
from ui.text.catalog import translations
from ui.text.numbers import NumberFormat

__all__ = [
    "LANGUAGES",
    "TEXT",
    "FIELD_TEXT",
    "GLOSSARY",
    "TRANSLATIONS",
    "Translator",
    "language_of_locale",
]

_ABBREVIATION_THEN_STOP = re.compile(r"(\bkr\.|\bmio\.|\bmia\.|\bpr\.)\.")
#: A percentile of a figure, as the summary names it (``investor_irr_p10``).
_PERCENTILE = re.compile(r"(?P<figure>\w+)_p(?P<level>\d\d)")

#: Language code → its name in that language (the options of the language switch).
LANGUAGES = {"en": "English", "da": "Dansk"}


def language_of_locale(locale: str | None) -> str:
    """The dashboard's language for a browser's locale (``navigator.language``, a BCP 47 tag
    such as ``da-DK``): Danish for any Danish tag (``da``, ``da-DK``, ``da_DK``), English for
    every other and for none."""
    primary = (locale or "").strip().replace("_", "-").split("-")[0].lower()
    return primary if primary in LANGUAGES else "en"


#: Labels, sentences and titles: key → language → text.
TEXT: dict[str, dict[str, str]] = {
    key: {lang: translations(lang)[key] for lang in LANGUAGES} for key in texts.TEXT
}

#: Label and plain-language help of every scenario input: field → part → language → text.
FIELD_TEXT: dict[str, dict[str, dict[str, str]]] = {
    field: {
        part: {lang: translations(lang)[f"{part}_{field}"] for lang in LANGUAGES}
        for part in ("label", "help")
    }
    for field in texts.FIELD_LABELS
}

#: Danish ↔ English domain words (DESIGN.md), as (Danish, English) rows.
GLOSSARY: tuple[tuple[str, str], ...] = tuple(
    (translations("da")[f"glossary_{name}"], english) for name, english in texts.GLOSSARY.items()
)

#: The same words per language (``TRANSLATIONS["da"]["label_cohort_size"]``), for tools and
#: tests that want one language's whole vocabulary.
TRANSLATIONS: dict[str, dict[str, str]] = {lang: translations(lang) for lang in LANGUAGES}


class Translator:
    """Looks text up in the catalogs for one language and formats numbers for it.

    ``t("key", name=value)`` fills a sentence's fields; ``t.fmt`` is the matching
    :class:`~ui.text.numbers.NumberFormat`. Unknown languages fall back to English.
    """

    def __init__(self, lang: str = "en") -> None:
        """A translator for ``lang``; any other code (from a link, say) gives English rather
        than an error, so a bad ``lang=`` never stops a page."""
        self.lang = lang if lang in LANGUAGES else "en"
        self.fmt = NumberFormat(self.lang)
        self._texts = translations(self.lang)

    def __call__(self, key: str, /, **values: object) -> str:
        """The text of ``key`` with ``values`` filled into its ``{fields}``. A missing key is
        a KeyError: the catalog tests make sure every key has a text in every language."""
        text = self._texts[key]
        if not values:
            return text
        # A Danish amount ends in the abbreviation "kr."; at the end of a sentence its point is
        # the sentence's full stop too ("… 797.139 kr." rather than "… 797.139 kr..").
        return _ABBREVIATION_THEN_STOP.sub(r"\1", text.format(**values))

    def label(self, field: str) -> str:
        """A scenario field's label in the sidebar, tables and exports."""
        return self._texts[f"label_{field}"]

    def help(self, field: str) -> str:
        """A scenario field's help in plain words (the ``?`` next to its widget)."""
        return self._texts[f"help_{field}"]

    def result(self, name: str) -> str:
        """The label of one of the model's results (a :class:`~sib_model.summary.Summary` key,
        a column of a frontier table): its own text ``result_<name>``, or one built around the
        label of a figure of one future — ``expected_<figure>``, ``<figure>_p10``,
        ``<figure>_standard_error``. A name with no label is a KeyError: a test labels every
        summary key in both languages."""
        texts = self._texts
        if f"result_{name}" in texts:
            return texts[f"result_{name}"]
        percentile = _PERCENTILE.fullmatch(name)
        if percentile:
            key, figure = "figure_percentile", percentile["figure"]
        elif name.endswith("_standard_error"):
            key, figure = "figure_standard_error", name.removesuffix("_standard_error")
        elif name.startswith("expected_"):
            key, figure = "figure_expected", name.removeprefix("expected_")
        else:
            raise KeyError(name)
        label = texts[f"result_{figure}"]
        level = int(percentile["level"]) if percentile else 0
        return self(key, figure=label, percentile=level)

    def preset_title(self, key: str) -> str:
        """A preset's title; for a key that names no preset, the words for the user's own
        scenario, which is what a changed preset has become."""
        if key not in PRESET_DETAILS:
            return self("preset_custom")
        return self._texts[f"preset_title_{key}"]

    def preset_story(self, key: str) -> str:
        """A preset's story (where its numbers come from); empty for the user's own scenario."""
        return self._texts[f"preset_story_{key}"] if key in PRESET_DETAILS else ""

    def preset_sources(self, key: str) -> str:
        """The sources of a preset's numbers (a markdown list); empty for the user's own
        scenario."""
        return self._texts[f"preset_sources_{key}"] if key in PRESET_DETAILS else ""
