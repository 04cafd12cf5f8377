"""The facilitator's guide as data (ui.words.guide): plans that fill their minutes, links to
pages, examples and story steps that exist, and every sentence in English and Danish, naming
the app's pages and buttons as the app does."""

from __future__ import annotations

import itertools
import string

import pytest

from sib_model import PRESETS, scenario_from_query
from ui.spec.pages import PAGES
from ui.text.catalog import format_fields, source_texts, translations
from ui.text.translator import LANGUAGES, Translator
from ui.words.guide import (
    MISREADINGS,
    PLANS,
    PREPARATION,
    guide_text,
    link_label,
    link_query,
    plan_text,
    preparation_text,
    present_query,
)
from ui.words.story import STEPS

ENGLISH = source_texts()
BLOCKS = [(minutes, block) for minutes, plan in PLANS.items() for block in plan.blocks]
LINKS = [link for _, block in BLOCKS for link in block.links]
#: Every text key the guide shows: the blocks', the plans', the checklist's and the page's.
GUIDE_KEYS = sorted(
    {key for _, block in BLOCKS for key in block.text_keys}
    | {key for plan in PLANS.values() for key in (plan.title_key, plan.intro_key)}
    | {f"guide_prep_{item}" for item in PREPARATION}
    | {"page_guide", "guide_intro", "guide_prep_title", "guide_block_heading", "guide_link"}
    | {"guide_link_new_tab"}
)
ROOT = "http://10.0.0.5:8501"


def _fields(key: str) -> set[str]:
    return format_fields(ENGLISH[key])


def test_there_is_a_60_and_a_90_minute_plan_and_their_blocks_fill_exactly_that():
    assert set(PLANS) == {60, 90}
    for minutes, plan in PLANS.items():
        assert plan.minutes == minutes
        assert sum(block.minutes for block in plan.blocks) == minutes
        assert all(block.minutes > 0 for block in plan.blocks)
        schedule = plan.schedule()
        assert schedule[0][0] == 0
        assert schedule[-1][1] == minutes
        assert all(a[1] == b[0] for a, b in itertools.pairwise(schedule))


def test_each_plan_uses_the_story_the_explorer_creaming_compare_and_the_game():
    for plan in PLANS.values():
        pages = {link.page for block in plan.blocks for link in block.links}
        assert {"story", "explorer", "creaming", "compare", "game"} <= pages
        assert plan.blocks[-1].key == "debrief"


def test_every_page_the_guide_links_to_is_registered():
    urls = {page.url for page in PAGES}
    assert {link.page for link in LINKS} <= urls
    assert "guide" in urls


def test_every_example_and_story_step_the_guide_names_exists():
    assert {link.preset for link in LINKS if link.preset} <= set(PRESETS)
    assert all(1 <= link.step <= len(STEPS) for link in LINKS if link.step is not None)
    # Examples and steps named inside the sentences too ({preset_title_aalborg}, ...).
    for key in GUIDE_KEYS:
        for field in _fields(key):
            if field.startswith("preset_title_"):
                assert field.removeprefix("preset_title_") in PRESETS, (key, field)
            if field.startswith("story_") and field.endswith("_title"):
                assert field in {f"story_{step.key}_title" for step in STEPS}, (key, field)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_text_of_the_guide_exists_and_fills_in_both_languages(lang):
    t = Translator(lang)
    for key in GUIDE_KEYS:
        assert translations(lang)[key].strip(), (lang, key)
        # Every field is a text key (a page, a button) or a fact the guide fills in.
        facts = {"address", "present_link", "rooms", "window", "hours"}
        positional = {"start", "end", "title", "page", "what", "minutes"}
        assert _fields(key) <= set(ENGLISH) | facts | positional, key
    for plan in PLANS.values():
        words = plan_text(plan, t)
        sentences = [words.title, words.intro]
        for block in words.blocks:
            sentences += [block.heading, block.show, *block.asks, *block.watch, block.handover]
            sentences += [item.label for item in block.links]
        for sentence in sentences + preparation_text(t, ROOT, ROOT + "/?present=1"):
            assert sentence
            assert "{" not in sentence, sentence
            assert "}" not in sentence, sentence
    assert "{" not in guide_text(t, "guide_intro")


def test_danish_names_the_pages_and_buttons_as_the_danish_app_does():
    da = Translator("da")
    explorer = plan_text(PLANS[60], da).blocks[2]
    assert explorer.heading == "17–27 min. · Udforsk: deltagerne tager over"
    assert "**Udforsk**" in explorer.show
    assert "**Udsatte ledige, 120 (à la Aalborg)**" in explorer.show
    assert "**Gør til baseline**" in explorer.show
    assert [item.label for item in explorer.links] == [
        "Udforsk: Udsatte ledige, 120 (à la Aalborg)"
    ]
    story = plan_text(PLANS[90], da).blocks[1]
    assert story.links[0].label == "Guidet fortælling: 1. Investorens blik"


def test_the_words_for_a_block_name_every_page_example_and_step_it_opens():
    """On paper the buttons are left out: what to show must name where to go."""
    for _, block in BLOCKS:
        fields = _fields(block.show_key)
        for link in block.links:
            page = {p.url: p for p in PAGES}[link.page]
            assert page.title in fields, (block.key, link)
            if link.preset:
                assert f"preset_title_{link.preset}" in fields, (block.key, link)
            if link.step:
                assert f"story_{STEPS[link.step - 1].key}_title" in fields, (block.key, link)


def test_every_block_asks_questions_and_warns_and_every_plan_warns_of_each_misreading():
    for _, block in BLOCKS:
        assert block.asks, block.key
        assert block.watch, block.key
    for minutes, plan in PLANS.items():
        warned = {name for block in plan.blocks for name in block.watch}
        assert set(MISREADINGS) <= warned, (minutes, set(MISREADINGS) - warned)


def test_a_block_both_plans_share_is_the_same_block_with_the_same_words():
    """A block's own texts (title, what to show, handover) are keyed by its key: a block in
    both plans must then open the same pages and ask and warn the same."""
    shapes: dict[str, set[tuple[object, ...]]] = {}
    for _, block in BLOCKS:
        shapes.setdefault(block.key, set()).add((block.links, block.asks, block.watch))
    assert all(len(found) == 1 for found in shapes.values()), shapes
    assert {"welcome", "story", "explorer", "compare", "debrief"} == {
        key
        for key, _ in shapes.items()
        if all(key in {b.key for b in p.blocks} for p in PLANS.values())
    }


def test_the_preparation_checklist_names_the_address_the_presenter_link_and_the_limits():
    for lang in LANGUAGES:
        items = preparation_text(Translator(lang), ROOT, ROOT + "/?present=1")
        assert len(items) == len(PREPARATION)
        text = "\n".join(items)
        assert ROOT in text
        assert ROOT + "/?present=1" in text
        assert "12" in text  # the hours a room is kept: sib_game.limits.IDLE_SECONDS


def test_a_link_opened_in_a_new_session_carries_its_example_step_and_language():
    aalborg = next(link for link in LINKS if link.preset == "aalborg")
    query = link_query(aalborg, "da")
    assert query.pop("lang") == "da"
    scenario, problems = scenario_from_query(query)
    assert not problems
    assert scenario == PRESETS["aalborg"]
    story = next(link for link in LINKS if link.step)
    assert link_query(story, "en") == {"step": "1"}
    assert present_query("da") == {"present": "1", "lang": "da"}
    assert present_query("en") == {"present": "1"}


def test_link_labels_say_the_page_and_what_it_starts_from():
    en = Translator("en")
    labels = {link_label(link, en) for link in LINKS}
    assert "Explorer: Vulnerable jobless, 120 (Aalborg-like)" in labels
    assert "Compare: Hard group, rate card" in labels
    assert "Guided story: 1. The investor's view" in labels
    assert "Negotiation game (new tab)" in labels


def test_the_guide_texts_use_no_literal_page_names():
    """Pages are named through their text keys, so a renamed page is renamed in the guide."""
    for lang in LANGUAGES:
        names = {translations(lang)[page.title] for page in PAGES} - {"Start", "Metode", "Method"}
        for key in GUIDE_KEYS:
            raw = translations(lang)[key]
            literal = "".join(part for part, *_ in string.Formatter().parse(raw))
            for name in names:
                assert f"**{name}**" not in literal, (lang, key, name)
