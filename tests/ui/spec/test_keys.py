"""The session-state key registry (:mod:`ui.spec.keys`): every key named once, and pages that
leave writing state to :mod:`ui.app.state`."""

from __future__ import annotations

import ast
from pathlib import Path

from sib_model import SETTINGS
from ui.spec import keys

ROOT = Path(__file__).resolve().parents[3]
APP_FILES = [
    ROOT / "app.py",
    *sorted((ROOT / "app_pages").glob("*.py")),
    *sorted(path for path in (ROOT / "ui").rglob("*.py") if path.name != "keys.py"),
]


def _is_session_state(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "session_state"


def _literal(node: ast.AST) -> bool:
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str)
    )


def _spelled_keys(path: Path) -> list[str]:
    """Places in ``path`` that spell a session key as a literal: ``session_state["k"]``,
    ``session_state.get("k")`` (also pop/setdefault) and a widget's ``key="k"``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Subscript) and _is_session_state(node.value):
            if _literal(node.slice):
                found.append(f"{path.name}:{node.lineno}")
        elif isinstance(node, ast.Call):
            func = node.func
            if (
                isinstance(func, ast.Attribute)
                and _is_session_state(func.value)
                and node.args
                and _literal(node.args[0])
            ):
                found.append(f"{path.name}:{node.lineno}")
            found += [
                f"{path.name}:{node.lineno}"
                for keyword in node.keywords
                if keyword.arg == "key" and _literal(keyword.value)
            ]
    return found


def test_no_two_names_share_a_key():
    fixed = keys.fixed_keys()
    assert len(set(fixed.values())) == len(fixed), fixed
    assert len(fixed) > 25


def test_builders_make_keys_no_fixed_key_can_collide_with():
    built = {
        keys.widget("cohort_size"),
        keys.switch("return_cap"),
        keys.phone_copy(keys.widget("cohort_size")),
        keys.box_text("deal_wtp"),
        keys.box_shown("deal_wtp"),
        keys.box_error("deal_wtp"),
        keys.game_form("price_per_outcome"),
        keys.compare_load(0),
        keys.compare_remove(0),
        keys.presenter_view("compare"),
    }
    assert len(built) == 10
    assert not built & set(keys.fixed_keys().values())


def test_deal_space_widgets_hold_the_models_analysis_settings_under_their_names():
    assert set(keys.DEAL_SETTINGS) == set(SETTINGS)


def test_no_module_spells_a_session_key_itself():
    spelled = [place for path in APP_FILES for place in _spelled_keys(path)]
    assert spelled == []


def test_no_module_keeps_a_key_constant_of_its_own():
    own = [
        f"{path.name}:{node.lineno}"
        for path in APP_FILES
        for node in ast.parse(path.read_text(encoding="utf-8")).body
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id.endswith("_KEY") for t in node.targets)
        and _literal(node.value)
    ]
    assert own == []


def test_pages_never_write_session_state_themselves():
    writes = []
    for path in [ROOT / "app.py", *sorted((ROOT / "app_pages").glob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[ast.AST] = []
            if isinstance(node, ast.Assign | ast.AugAssign | ast.Delete):
                targets = (
                    node.targets if isinstance(node, ast.Assign | ast.Delete) else [node.target]
                )
            if any(
                isinstance(t, ast.Subscript | ast.Attribute)
                and _is_session_state(t.value if isinstance(t, ast.Subscript) else t)
                for t in targets
            ):
                writes.append(f"{path.name}:{node.lineno}")
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in {"pop", "update", "setdefault", "clear", "__setitem__"}
                and _is_session_state(node.func.value)
            ):
                writes.append(f"{path.name}:{node.lineno}")
    assert writes == []
