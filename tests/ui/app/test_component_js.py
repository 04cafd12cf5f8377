"""Our components' JavaScript as the browser gets it (ui/app/component_js.py)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from ui.app import live_chart
from ui.app.component_js import component_js


@pytest.mark.parametrize(
    "name", ["live_chart.js", "viewport.js", "copy_link.js", "file_upload.js", "scrub.js"]
)
def test_components_are_sent_without_their_comments(name, tmp_path: Path):
    """Each chart element carries its component's module in every run: without the comments,
    the same code in fewer bytes."""
    path = Path(live_chart.__file__).parent / name
    sent = component_js(path)
    code = [line for line in path.read_text().splitlines() if line.strip()]
    assert sent.splitlines() == [line for line in code if not line.lstrip().startswith("//")]
    assert "export default function" in sent
    assert len(sent) < 0.8 * len(path.read_text())
    if shutil.which("node"):  # the module still parses (Node, when installed)
        module = tmp_path / "module.mjs"
        module.write_text(sent)
        subprocess.run(["node", "--check", str(module)], check=True)
