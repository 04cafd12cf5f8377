"""The translation catalogs (ui/text/locale): complete, in step with the English source, and
covering every key the code asks for."""

from __future__ import annotations

import ast
import re
import typing
from pathlib import Path

import pytest

from sib_model import PRESET_DETAILS, Scenario
from sib_model.preferences import Reason
from sib_model.reality import BENCHMARKS
from sib_model.workspace import FileProblem
from ui.charts import creaming
from ui.spec.inputs import INPUTS, SWITCH_KEYS
from ui.text import catalog
from ui.text.catalog import format_fields, read_catalog, source_texts, translations
from ui.text.translator import LANGUAGES, Translator
from ui.words.story import STEPS

ROOT = Path(__file__).resolve().parents[3]
ENGLISH = source_texts()
DANISH = catalog._by_key(read_catalog(catalog.catalog_path("da"), "da"))


def _ids(cat) -> list[tuple[str, str]]:
    return [(message.context, message.id) for message in cat if message.id]


# --- the Danish catalog is complete ----------------------------------------------------------


@pytest.mark.parametrize("key", sorted(ENGLISH))
def test_every_danish_message_is_translated_current_and_uses_the_english_fields(key):
    message = DANISH.get(key)
    assert message is not None, f"{key}: missing from the Danish catalog (make i18n-update)"
    assert message.id == ENGLISH[key], f"{key}: the catalog has other English (make i18n-update)"
    assert isinstance(message.string, str), f"{key}: not translated"
    assert message.string.strip(), f"{key}: not translated"
    assert not message.fuzzy, f"{key}: marked fuzzy: check the Danish, then drop the flag"
    assert format_fields(message.string) == format_fields(ENGLISH[key]), key


def test_the_translator_shows_the_catalogs_danish_for_every_key():
    assert translations("da") == {key: DANISH[key].string for key in ENGLISH}
    assert translations("en") == ENGLISH


# --- the catalogs are in step with the source ---------------------------------------------------


def test_extracting_again_gives_the_committed_template_and_the_danish_catalogs_ids():
    template = _ids(catalog.build_template())
    assert template == _ids(read_catalog(catalog.TEMPLATE)), "run make i18n-extract"
    assert template == _ids(read_catalog(catalog.catalog_path("da"))), "run make i18n-update"
    assert len({key for key, _ in template}) == len(template)  # one message per key


def test_every_kind_of_text_is_in_the_catalog():
    kinds = {key.split("_")[0] for key in ENGLISH}
    assert {"label", "help", "preset", "glossary", "eq", "method"} <= kinds
    assert {f"label_{field}" for field in Scenario.model_fields} <= set(ENGLISH)
    assert {f"preset_story_{key}" for key in PRESET_DETAILS} <= set(ENGLISH)


# --- every key the code uses resolves in both languages ----------------------------------------

#: Keys the code builds at run time, by the f-string that builds them.
from sib_game.rules import RED_LINE_LIMITS as GAME_LINES  # noqa: E402
from sib_game.rules import ROLES as GAME_ROLES  # noqa: E402

DYNAMIC_KEYS = {
    "{}_{}": [f"{spec.field}_{choice}" for spec in INPUTS.values() for choice in spec.choices],
    "deal_test_{}": ["deal_test_net", "deal_test_wtp"],
    "tornado_{}": ["tornado_low", "tornado_high"],
    "switch_{}": [f"switch_{field}" for field in SWITCH_KEYS],
    "switch_{}_help": [f"switch_{field}_help" for field in SWITCH_KEYS],
    "payment_basis_{}": [f"payment_basis_{basis}" for basis in INPUTS["payment_basis"].choices],
    "reality_{}": [f"reality_{b.key}" for b in BENCHMARKS]
    + ["reality_within", "reality_outside", "reality_far_outside"],
    "reality_source_{}": [f"reality_source_{b.key}" for b in BENCHMARKS],
    "file_error_{}": [f"file_error_{reason}" for reason in typing.get_args(FileProblem)],
    "unit_{}": [f"unit_{spec.unit}" for spec in INPUTS.values() if spec.kind != "choice"],
    "game_role_{}": [f"game_role_{r}" for r in ("facilitator", *GAME_ROLES)],
    "game_line_{}": [f"game_line_{name}" for name in GAME_LINES],
    "game_why_{}": [
        f"game_why_{r}" for r in ("irr", "loss", "net", "wtp", "risk", "parked", "state_saving")
    ],
    "story_{}_title": [f"story_{step.key}_title" for step in STEPS],
    "story_{}_notice": [f"story_{step.key}_notice" for step in STEPS],
    "story_{}_key": [f"story_{step.key}_key" for step in STEPS],
    "present_view_{}": [
        f"present_view_{view}" for view in ("group", "parking", "levers", "irr", "net", "cash")
    ],
    "start_party_{}": [f"start_party_{p}" for p in ("commissioner", "investor", "provider")],
    "start_slider_{}": [
        f"start_slider_{f}" for f in ("cohort_size", "success_probability", "difficulty")
    ],
    "prefers_{}": [f"prefers_{reason}" for reason in typing.get_args(Reason) if reason != "clear"],
}
#: String constants with these prefixes name text keys wherever they appear (tables of
#: pages, sections, zones, equation words, sentences chosen by a condition).
KEY_PREFIXES = ("page_", "section_", "zone_", "eq_", "say_", "chart_")
_UI_FILES = [
    path
    for path in [ROOT / "app.py", *(ROOT / "app_pages").glob("*.py"), *(ROOT / "ui").rglob("*.py")]
    if path.parent.name != "text"
]


def _keys_the_code_uses() -> set[str]:
    keys = {text_key for _, text_key, *_ in creaming._FRONTIER_ROWS}
    for path in _UI_FILES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # Names in __all__ and pieces of f-strings are not keys themselves.
        not_keys = {
            id(part)
            for node in ast.walk(tree)
            if isinstance(node, ast.JoinedStr)
            for part in node.values
        }
        not_keys |= {
            id(element)
            for node in ast.walk(tree)
            if isinstance(node, ast.Assign)
            and any(
                isinstance(target, ast.Name) and target.id == "__all__" for target in node.targets
            )
            for element in ast.walk(node.value)
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in not_keys
                and re.fullmatch(r"[a-z0-9_]+", node.value)
                and node.value.startswith(KEY_PREFIXES)
            ):
                keys.add(node.value)
            if not (isinstance(node, ast.Call) and node.args):
                continue
            name = (
                node.func.id
                if isinstance(node.func, ast.Name)
                else node.func.attr
                if isinstance(node.func, ast.Attribute)
                else ""
            )
            prefix = {"t": "", "word": "", "label": "label_", "help": "help_"}.get(name)
            argument = node.args[0]
            if prefix is None:
                continue
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                keys.add(prefix + argument.value)
            elif isinstance(argument, ast.JoinedStr):
                shape = "".join(
                    part.value if isinstance(part, ast.Constant) else "{}"
                    for part in argument.values
                )
                assert shape in DYNAMIC_KEYS, f'{path.name}: list the keys t(f"{shape}") builds'
                keys.update(DYNAMIC_KEYS[shape])
    return keys


def test_every_key_the_code_uses_resolves_in_both_languages():
    used = _keys_the_code_uses()
    assert len(used) > 100
    assert {
        "page_method",
        "eq_capital",
        "zone_deal",
        "payment_basis_every_outcome",
        "say_commissioner_worse_risk",
        "switch_payment_cap_help",
    } <= used
    for lang in LANGUAGES:
        t = Translator(lang)
        missing = [key for key in sorted(used) if key not in translations(lang)]
        assert not missing, (lang, missing)
        for field in Scenario.model_fields:
            assert t.label(field)
            assert t.help(field)
        for key in PRESET_DETAILS:
            assert t.preset_title(key)
            assert t.preset_story(key)
            assert t.preset_sources(key)
    assert Translator("da").preset_title("custom") == "— dit eget scenarie —"


@pytest.mark.parametrize("key", PRESET_DETAILS)
def test_a_presets_sources_are_a_list_for_readers_in_their_language(key):
    english, danish = Translator("en").preset_sources(key), Translator("da").preset_sources(key)
    for text in (english, danish):
        lines = text.splitlines()
        assert len(lines) >= 4, text
        assert all(line.startswith("- ") for line in lines), text
        # The project's own files, issues and code mean nothing to a reader.
        for internal in (".md", ".py", "DESIGN", "REFERENCES", "Issue", "_", "$"):
            assert internal not in text, (key, internal)
    assert danish != english
    assert "kr." in danish
    assert "DKK" not in danish
    assert Translator("da").preset_sources("custom") == ""


# --- the commands behind make i18n-extract / i18n-update ---------------------------------------


@pytest.fixture
def scratch_catalogs(tmp_path, monkeypatch):
    """The catalogs copied to a scratch folder, with ``ui.text.catalog`` pointed at it."""
    template, danish = tmp_path / "messages.pot", tmp_path / "da" / "LC_MESSAGES" / "messages.po"
    danish.parent.mkdir(parents=True)
    template.write_bytes(catalog.TEMPLATE.read_bytes())
    danish.write_bytes(catalog.catalog_path("da").read_bytes())
    monkeypatch.setattr(catalog, "TEMPLATE", template)
    monkeypatch.setattr(
        catalog, "catalog_path", lambda lang: tmp_path / lang / "LC_MESSAGES" / "messages.po"
    )
    return template, danish


def test_update_keeps_changed_english_as_fuzzy_and_adds_and_retires_keys(
    scratch_catalogs, monkeypatch
):
    _, danish = scratch_catalogs
    assert not catalog.extract()
    assert catalog.update("da") == {
        "new": [],
        "fuzzy": [],
        "obsolete": [],
    }
    changed = {**catalog.texts.TEXT, "advanced": "More settings", "brand_new": "New {x}"}
    del changed["tornado_low"]
    monkeypatch.setattr(catalog.texts, "TEXT", changed)
    assert catalog.extract()
    assert catalog.update("da") == {
        "new": ["brand_new"],
        "fuzzy": ["advanced"],
        "obsolete": ["tornado_low"],
    }
    merged = read_catalog(danish, "da")
    advanced = catalog._by_key(merged)["advanced"]
    assert advanced.fuzzy
    assert advanced.string == "Avanceret"
    assert advanced.previous_id == ["Advanced"]
    assert catalog._by_key(merged)["brand_new"].string == ""
    assert [m.context for m in merged.obsolete.values()] == ["tornado_low"]
    # Running it again changes nothing; a key that comes back gets its Danish again.
    assert catalog.update("da") == {"new": [], "fuzzy": [], "obsolete": []}
    monkeypatch.setattr(catalog.texts, "TEXT", {**changed, "tornado_low": "low value"})
    catalog.extract()
    catalog.update("da")
    assert catalog._by_key(read_catalog(danish, "da"))["tornado_low"].string == "lav værdi"


def test_a_fuzzy_or_out_of_date_danish_message_shows_the_english(scratch_catalogs):
    _, danish = scratch_catalogs
    text = danish.read_text(encoding="utf-8")
    text = text.replace('msgctxt "advanced"', '#, fuzzy\nmsgctxt "advanced"')
    text = text.replace('msgid "Preset"\nmsgstr "Eksempel"', 'msgid "Old"\nmsgstr "Eksempel"')
    danish.write_text(text, encoding="utf-8")
    translations.cache_clear()
    try:
        shown = translations("da")
        assert shown["advanced"] == "Advanced"
        assert shown["preset"] == "Preset"
        assert shown["investor"] == "Investor"
        assert shown["provider"] == "Leverandør"
    finally:
        translations.cache_clear()


def test_a_danish_sentence_that_ends_in_an_amount_has_one_full_stop():
    """ "… 797.139 kr." — the abbreviation's point ends the sentence too, never "kr.."."""
    da = Translator("da")
    amount, millions = da.fmt.money(797_139), da.fmt.money_millions(1_600_000)
    doubled = []
    for key, english in ENGLISH.items():
        fields = format_fields(english)
        if not fields:
            continue
        for value in (amount, millions):
            shown = da(key, **dict.fromkeys(fields, value))
            if re.search(r"\b(kr|mio)\.\.", shown):
                doubled.append(key)
    assert not doubled
