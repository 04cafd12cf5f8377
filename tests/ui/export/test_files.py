"""Reading a saved workshop file back: a good file loads whole, a bad one is refused with a
short message in the user's language."""

from __future__ import annotations

import pytest

from sib_model import (
    Scenario,
    Workspace,
    scenario_to_json,
    workspace_to_json,
)
from ui.export.files import read_upload
from ui.text.translator import Translator

EN, DA = Translator("en"), Translator("da")


NOW = Scenario(cohort_size=60, difficulty=0.7)


BEFORE = Scenario()


def test_a_good_file_loads_whole():
    ws = Workspace(NOW, BEFORE.replace(difficulty=0.9), (("easy", Scenario(difficulty=0.2)),))
    assert read_upload("a.json", workspace_to_json(ws).encode(), EN) == (ws, "")
    assert read_upload("old.json", scenario_to_json(NOW).encode(), EN)[0] == Workspace(NOW)


def test_a_file_opens_a_page_the_dashboard_has_and_one_of_its_tabs():
    good = Workspace(NOW, page="creaming", tab="creaming_tab_levers")
    assert read_upload("a.json", workspace_to_json(good).encode(), EN) == (good, "")
    for page, tab in (("share", ""), ("nowhere", ""), ("compare", "explorer_tab_money")):
        content = workspace_to_json(Workspace(NOW, page=page, tab=tab)).encode()
        ws, message = read_upload("a.json", content, DA)
        assert ws is None
        assert "ikke en scenariefil" in message, message


BAD_FILES = {
    "too_large": (b" " * 100_001, "larger than 100 kB", "større end 100 kB"),
    "not_utf8": ('{"cohort_size": "æ"}'.encode("latin-1"), "UTF-8", "UTF-8"),
    "not_json": (b"n,p\n60,0.4\n", "not a readable JSON", "ikke en læsbar JSON"),
    "too_deep": (b"[" * 50_000 + b"]" * 50_000, "nested far too deeply", "indlejret alt for dybt"),
    "foreign": (b'{"invoice": 12}', "not a scenario file", "ikke en scenariefil"),
    "future": (b'{"sib_scenario": 9, "scenario": {}}', "format 9", "format 9"),
    "out_of_range": (
        b'{"sib_scenario": 2, "scenario": {}, "baseline": {"cohort_size": 0}}',
        "Cohort size (baseline)",
        "Antal borgere (baseline)",
    ),
}


@pytest.mark.parametrize("kind", BAD_FILES)
def test_a_bad_file_is_refused_with_a_short_message_in_the_users_language(kind):
    content, english, danish = BAD_FILES[kind]
    for t, words in ((EN, english), (DA, danish)):
        ws, message = read_upload("my file.json", content, t)
        assert ws is None
        assert words in message
        assert "my file" in message
        assert len(message) < 250
    assert "unchanged" in read_upload("f.json", content, EN)[1]
