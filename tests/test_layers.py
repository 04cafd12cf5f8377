"""The tree's architecture, checked: which package may load what, and no import cycles.

The rule (stated in ``ui/__init__.py`` and the README's layout table): the model
(``sib_model``), the game (``sib_game``) and the dashboard's pure packages (``ui.text``,
``ui.spec``, ``ui.charts``, ``ui.words``, ``ui.export``) never load Streamlit; only ``ui.app``
and the pages do. ruff's banned-import rule (TID251) catches a direct ``import streamlit``;
these tests also catch one that comes in through another module, by importing each module in
a fresh interpreter, first, as a newcomer's script would.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: Package → top-level modules it must never load (directly or through another import).
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "sib_model": ("streamlit", "plotly", "ui", "sib_game"),
    "sib_game": ("streamlit", "plotly", "ui"),
    "ui.text": ("streamlit", "plotly"),
    "ui.spec": ("streamlit", "plotly"),
    "ui.charts": ("streamlit",),
    "ui.words": ("streamlit",),
    "ui.export": ("streamlit",),
}

_PROBE = """
import importlib, json, pkgutil, sys
package, forbidden = sys.argv[1], sys.argv[2].split(",")
root = importlib.import_module(package)
names = [package] + sorted(
    m.name for m in pkgutil.walk_packages(root.__path__, package + ".") if m.name != "__main__"
)
loaded_by = {}
for name in names:
    importlib.import_module(name)
    for bad in forbidden:
        if bad in sys.modules and bad not in loaded_by:
            loaded_by[bad] = name
print(json.dumps({"modules": names, "loaded_by": loaded_by}))
"""


def _probe(package: str, forbidden: tuple[str, ...]) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", _PROBE, package, ",".join(forbidden)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, object] = json.loads(out.stdout)
    return result


@pytest.mark.parametrize(("package", "forbidden"), FORBIDDEN.items())
def test_pure_package_never_loads_what_its_layer_forbids(package, forbidden):
    found = _probe(package, forbidden)
    assert found["modules"], package
    assert found["loaded_by"] == {}, (
        f"{package} must not load {sorted(found['loaded_by'])}: first loaded when importing "
        f"{found['loaded_by']}"
    )


_FIRST = """
import importlib, pkgutil, sys
failed, names = [], []
for package in ("sib_model", "sib_game", "ui"):
    root = importlib.import_module(package)
    names += [m.name for m in pkgutil.walk_packages(root.__path__, package + ".")]
for name in names:
    if name.endswith("__main__"):
        continue
    for loaded in [m for m in sys.modules if m.split(".")[0] in ("sib_model", "sib_game", "ui")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except ImportError as error:
        failed.append(f"{name}: {error}")
print("\\n".join(failed) or "ok", len(names))
"""


def test_every_module_imports_first_without_a_cycle():
    # An import cycle between helpers only shows when the app imports them in its own order,
    # which the other tests, importing in theirs, can miss.
    out = subprocess.run(
        [sys.executable, "-c", _FIRST], cwd=ROOT, capture_output=True, text=True, check=True
    )
    result = out.stdout.strip()
    assert result.startswith("ok"), result
    assert int(result.split()[-1]) > 40


def test_every_package_says_what_it_holds_and_may_import():
    packages = [
        "sib_model",
        "sib_game",
        *(str(p.parent) for p in (ROOT / "ui").rglob("__init__.py")),
    ]
    for init in (ROOT / package / "__init__.py" for package in packages):
        doc = init.read_text(encoding="utf-8").lstrip()
        assert doc.startswith('"""'), init
        head = doc.split('"""')[1]
        assert "import" in head, f"{init} does not say what it may import"


def test_no_test_module_imports_from_another_test_module():
    # Shared data lives in fixtures (conftest.py) or helper modules (``_reference.py``,
    # ``strategies.py``, the browser harness); a test module importing another one runs that
    # module's tests' setup and ties two files' fates together.
    found = []
    for path in sorted((ROOT / "tests").rglob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                last = node.module.rsplit(".", 1)[-1]
                named = [alias.name for alias in node.names]
                if last.startswith("test_") or any(n.startswith("test_") for n in named):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []
