"""Saved scenario files in and out: the upload handler the Share page calls, and the message
for a file that cannot be read — pure functions, tested with plain bytes.

A file is read strictly (:func:`sib_model.workspace_from_json`): anything wrong refuses the
whole file, and the message names what is wrong in the user's language, so the scenario on
screen is never half-replaced. The page and tab a file opens must be ones the dashboard has
(the model reads them as plain names; which pages exist is the dashboard's knowledge).
"""

from __future__ import annotations

import re

from sib_model import Workspace, WorkspaceError, workspace_from_json, workspace_to_json
from sib_model.codec import MAX_FILE_BYTES
from ui.spec.pages import PAGE_TABS, PAGES, SHARE_PAGE
from ui.text.translator import Translator
from ui.words.link_messages import field_label_text

__all__ = ["read_upload", "file_problem_text", "save_bytes", "FILE_NAME", "MAX_SIZE_TEXT"]

FILE_NAME = "sib-scenario.json"
#: The largest file read, as the uploader says it ("100 kB").
MAX_SIZE_TEXT = f"{MAX_FILE_BYTES // 1000} kB"


def save_bytes(ws: Workspace) -> bytes:
    """The workspace as the bytes of a saved file (UTF-8 JSON, format 2)."""
    return workspace_to_json(ws).encode("utf-8")


def _safe_name(name: str) -> str:
    name = "".join(ch for ch in name if ch.isprintable())[:60]
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~$:])", r"\\\1", name)


def file_problem_text(error: WorkspaceError, name: str, t: Translator) -> str:
    """One short sentence: which file, what is wrong with it, and that nothing changed."""
    detail = error.detail
    if error.reason == "bad_value":
        detail = field_label_text(error.where, t)
    elif error.reason == "foreign":
        detail = _safe_name(error.where or "?")
    reason = t(
        f"file_error_{error.reason}",
        detail=_safe_name(detail) if error.reason != "bad_value" else detail,
    )
    return t("file_error", name=_safe_name(name), reason=reason)


def _check_view(ws: Workspace) -> Workspace:
    """``ws`` when its page is one a file may open (any but the Share page) and its tab one
    of that page's; a :class:`WorkspaceError` naming which is not."""
    if ws.page not in {page.url for page in PAGES} - {SHARE_PAGE}:
        raise WorkspaceError("foreign", "page")
    if ws.tab and ws.tab not in PAGE_TABS.get(ws.page, ("", ()))[1]:
        raise WorkspaceError("foreign", "tab")
    return ws


def read_upload(name: str, content: bytes, t: Translator) -> tuple[Workspace | None, str]:
    """The workspace in an uploaded file, or None and the message saying why not."""
    try:
        return _check_view(workspace_from_json(content)), ""
    except WorkspaceError as error:
        return None, file_problem_text(error, name, t)
