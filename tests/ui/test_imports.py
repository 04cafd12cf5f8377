"""Every ui module imports on its own, whatever is imported first: an import cycle between
helpers only shows when the app imports them in its own order, which the other tests, importing
in theirs, can miss."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_CHECK = """
import importlib, pkgutil, sys
import ui
names = sorted(m.name for m in pkgutil.iter_modules(ui.__path__))
failed = []
for name in names:
    for loaded in [m for m in sys.modules if m == "ui" or m.startswith("ui.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(f"ui.{name}")
    except ImportError as error:
        failed.append(f"ui.{name}: {error}")
print("\\n".join(failed) or "ok", len(names))
"""


def test_every_ui_module_imports_first_without_a_cycle():
    out = subprocess.run(
        [sys.executable, "-c", _CHECK], cwd=ROOT, capture_output=True, text=True, check=True
    )
    result = out.stdout.strip()
    assert result.startswith("ok"), result
    assert int(result.split()[-1]) > 15
