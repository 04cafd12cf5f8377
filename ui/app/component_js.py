"""The JavaScript of our Streamlit components as sent to the browser.

A Components v2 element carries its component's JavaScript inline, in every script run: the
in-place chart's module went out twice per slider move on the Explorer (two charts), half of
what a move sent. The comments, kept in the files for readers, are left out of what is sent.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["component_js"]


def component_js(path: Path) -> str:
    """The module at ``path`` without its whole-line ``//`` comments and blank lines (nothing
    else is touched: the modules have no multi-line template strings, where such a line would
    be text)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if line.strip() and not line.lstrip().startswith("//"))
