"""Uploaded files, fuzzed: whatever arrives, the upload handler answers with a workspace or a
short message naming the problem in the user's language — never a traceback — and a file
it accepts round-trips exactly."""

from __future__ import annotations

import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sib_model.workspace import Workspace, workspace_from_json, workspace_to_json
from tests.fuzz import strategies as hostile
from tests.fuzz._budget import examples
from ui.export.files import read_upload
from ui.text.translator import Translator

EN, DA = Translator("en"), Translator("da")

#: Bytes a participant might upload by mistake or on purpose: saved files with hostile
#: values, other JSON, deep nesting, huge files, non-UTF-8, a file from a future version.
uploads = st.one_of(
    hostile.scenario_documents().map(str.encode),
    st.binary(max_size=2_000),
    st.text(max_size=500).map(lambda text: text.encode("utf-8")),
    st.integers(1, 50_000).map(lambda depth: ("[" * depth + "]" * depth).encode()),
    st.integers(100_001, 300_000).map(lambda size: b" " * size + b"{}"),
    st.sampled_from(["latin-1", "utf-16", "cp1252"]).map(
        lambda codec: json.dumps({"sib_scenario": 2, "name": "Ærø æøå"}, ensure_ascii=False).encode(
            codec
        )
    ),
    st.integers(3, 10**6).map(lambda version: json.dumps({"sib_scenario": version}).encode()),
)


@settings(max_examples=examples(60, 3_000), deadline=None)
@given(content=uploads, name=hostile.hostile_text)
def test_any_upload_gives_a_workspace_or_a_short_named_message(content, name):
    for t in (EN, DA):
        workspace, message = read_upload(name, content, t)
        if workspace is None:
            assert message
            assert len(message) < 600
            assert "Traceback" not in message
            # Anything of the file's name that could be markup is shown escaped.
            assert re.search(r"(?<!\\)[<>]", message) is None, message
        else:
            assert message == ""
            # What was accepted is what a save writes and a load reads back.
            assert workspace_from_json(workspace_to_json(workspace)) == workspace


def test_a_file_from_a_future_version_is_refused_in_both_languages():
    future = json.dumps({"sib_scenario": 99, "scenario": {}}).encode()
    for t in (EN, DA):
        workspace, message = read_upload("future.json", future, t)
        assert workspace is None
        assert message


def test_the_current_save_file_loads_back_exactly():
    ws = Workspace()
    workspace, message = read_upload("mine.json", workspace_to_json(ws).encode(), EN)
    assert message == ""
    assert workspace == ws
