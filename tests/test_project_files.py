"""The project's own files agree with each other: what the Makefile checks is what the commit
hook checks, and requirements.txt is pyproject.toml's dependencies at constraints.txt's pins;
the scripts import the project as packages. A change to one and not the other fails here, not
on a host."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")
PRE_COMMIT = (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")


def _recipe(target: str) -> list[str]:
    """The shell lines of a Makefile target's recipe, continuations joined."""
    match = re.search(rf"^{re.escape(target)}:.*\n((?:\t.*\n)+)", MAKEFILE, re.MULTILINE)
    assert match, f"no target {target!r} in the Makefile"
    return match.group(1).replace("\\\n", "\n").splitlines()


def _lint_commands() -> list[str]:
    """Each tool `make lint` runs, as the pre-commit hooks spell it: the venv's paths written
    out, the paths it is run on (``.``, ``Dockerfile``) and the shell around it dropped."""
    commands = []
    for line in _recipe("lint"):
        line = line.strip().removeprefix("@")
        if "$(VENV)" not in line and "$(PY)" not in line:
            continue
        line = line.split("||")[0].replace("$(PY)", "$(VENV)/bin/python")
        words = line.replace("$(VENV)", ".venv").split()
        commands.append(" ".join([words[0], *(w for w in words[1:] if not (ROOT / w).exists())]))
    return commands


def test_the_commit_hook_runs_every_check_of_make_lint():
    commands = _lint_commands()
    assert len(commands) >= 4, commands  # ruff check, ruff format, mypy, hadolint
    entries = re.findall(r"^\s*entry:\s*(.+?)\s*$", PRE_COMMIT, re.MULTILINE)
    for command in commands:
        assert any(entry.split(" --force-exclude")[0] == command for entry in entries), (
            f"make lint runs {command!r}; .pre-commit-config.yaml has no hook for it"
        )


def test_the_commit_hooks_use_the_pinned_tools_in_the_venv():
    # A hook from a remote repository brings its own ruff or mypy, at a version that can
    # disagree with constraints.txt (and with CI) about what is clean.
    assert re.findall(r"^\s*- repo:\s*(\S+)", PRE_COMMIT, re.MULTILINE) == ["local"]
    for entry in re.findall(r"^\s*entry:\s*(\S+)", PRE_COMMIT, re.MULTILINE):
        assert entry.startswith(".venv/bin/"), entry


def _name(requirement: str) -> str:
    """A distribution's name as pip compares names (``XlsxWriter`` is ``xlsxwriter``)."""
    name = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement.strip())
    assert name, requirement
    return re.sub(r"[-_.]+", "-", name.group(0)).lower()


def _pinned(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    pairs = [line.split("==") for line in lines if line.strip() and not line.startswith("#")]
    return {_name(name): version for name, version in pairs}


def test_requirements_txt_is_the_runtime_dependencies_at_the_pinned_versions():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = [_name(requirement) for requirement in project["dependencies"]]
    required = _pinned(ROOT / "requirements.txt")
    constraints = _pinned(ROOT / "constraints.txt")
    assert list(required) == runtime, "run make requirements.txt"
    for name, version in required.items():
        assert version == constraints[name], f"{name}: run make requirements.txt"


def test_requirements_txt_is_what_its_script_writes():
    # The same file byte for byte (header included), so `make requirements.txt` in a clean
    # clone changes nothing.
    script = ROOT / "scripts" / "write_requirements.py"
    check = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr


def test_nothing_edits_sys_path():
    # The README promises it: tests, benchmarks and deploy import the project (and the browser
    # harness, tests.browser.streamlit_harness) as packages, from the repository root.
    edits = re.compile(r"sys\.path\s*(\.(insert|append|extend)\b|\[|\+?=)")
    folders = (
        "sib_model",
        "sib_game",
        "ui",
        "app_pages",
        "tests",
        "benchmarks",
        "deploy",
        "scripts",
    )
    paths = [*ROOT.glob("*.py"), *(path for f in folders for path in (ROOT / f).rglob("*.py"))]
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted(paths)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if edits.search(line)
    ]
    assert found == []


@pytest.mark.parametrize("module", ["benchmarks.load_test", "benchmarks.session_memory"])
def test_the_scripts_that_start_a_server_start_from_the_repository_root(module):
    run = subprocess.run(
        [sys.executable, "-m", module, "--help"], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("usage:")
