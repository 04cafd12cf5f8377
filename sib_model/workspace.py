"""A workshop's whole state as one versioned document: the scenario on screen, the baseline
behind every chart, up to four pinned scenarios and the analysis settings of the pages (and,
in a file, the page and tab it was saved on).

The same document is written three ways, all through :mod:`sib_model.codec`:

* a **link** (:func:`workspace_to_query`): the scenario's own compact keys (``n=60``), the
  baseline's as ``b.<key>`` (``b.d=0.8``), pinned scenario *k* as ``p<k>=<name>`` plus
  ``p<k>.<key>`` (``p1=easy&p1.d=0.2``), and the settings by their short keys (``tirr=0.08``).
  Only values that differ from the defaults are written; a baseline equal to the defaults
  writes nothing (the defaults *are* the baseline until one is pinned). Read leniently
  (:func:`workspace_from_query`): a bad key costs that key only.
* a **file** (:func:`workspace_to_json`): ``{"sib_scenario": 2, "scenario": {...},
  "baseline": {...}, "pinned": [{"name": ..., "scenario": {...}}], "settings": {...},
  "page": "...", "tab": "..."}``, every field written out (``tab`` may be missing: files
  saved before it existed). Read strictly (:func:`workspace_from_json`):
  anything wrong refuses the whole file with a :class:`WorkspaceError` whose ``reason`` a UI
  translates. Version-1 files (``scenario_to_json``) still load; a newer version is refused.

Pure: no UI imports.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .codec import (
    MAX_FILE_BYTES,
    QueryProblem,
    field_of_query_key,
    scenario_from_query,
    scenario_to_query,
)
from .scenario import Scenario, ScenarioError

__all__ = [
    "DEFAULT_TARGET_IRR",
    "DEFAULT_MAX_LOSS",
    "FORMAT_VERSION",
    "MAX_PINNED",
    "MAX_NAME_LENGTH",
    "Setting",
    "SETTINGS",
    "Workspace",
    "WorkspaceError",
    "FileProblem",
    "workspace_to_query",
    "workspace_from_query",
    "workspace_to_json",
    "workspace_from_json",
    "clean_name",
]

#: Version written into files; files of this version or older are read.
FORMAT_VERSION = 2
MAX_PINNED = 4
MAX_NAME_LENGTH = 40
BASELINE_PREFIX = "b."
_PIN_KEY = re.compile(r"^p([1-9][0-9]*)(?:\.(.+))?$")
#: Deepest nesting a saved file needs (document → pinned list → entry → scenario → value).
_MAX_DEPTH = 6


@dataclass(frozen=True)
class Setting:
    """One analysis setting a page offers (the deal space's terms): its link key, its range
    or choices, and its default (None: the page derives it from the scenario)."""

    query_key: str
    default: float | str | None
    lo: float = 0.0
    hi: float = 0.0
    choices: tuple[str, ...] = ()

    def parse(self, raw: Any) -> float | str:
        """The setting's value from text or JSON; ``ValueError`` outside its range."""
        if self.choices:
            if raw not in self.choices:
                raise ValueError(f"one of {', '.join(self.choices)}")
            return str(raw)
        if isinstance(raw, bool):
            raise ValueError("a number")
        value = float(raw)
        if not (self.lo <= value <= self.hi) or math.isnan(value):
            raise ValueError(f"a number from {self.lo:g} to {self.hi:g}")
        return value


#: The investor's terms unless a page, a link or a game's facilitator says otherwise: an
#: expected IRR of at least 5 % (a fraction) and at most a 25 % chance of losing money. The one
#: home of these defaults: the deal-space analysis, its page settings and the game's red
#: lines all read them from here.
DEFAULT_TARGET_IRR = 0.05
DEFAULT_MAX_LOSS = 0.25

#: The deal-space analysis's terms (``sib_model.deal_space``): what the investor asks, how
#: much loss risk it takes, which test the municipality applies, what it would pay.
SETTINGS: dict[str, Setting] = {
    "deal_target_irr": Setting("tirr", DEFAULT_TARGET_IRR, 0.0, 0.30),
    "deal_max_loss": Setting("maxloss", DEFAULT_MAX_LOSS, 0.0, 1.0),
    "deal_test": Setting("test", "net", choices=("net", "wtp")),
    "deal_wtp": Setting("wtp", None, 0.0, 1e8),
}
_SETTING_BY_KEY = {setting.query_key: name for name, setting in SETTINGS.items()}


#: Why a file could not be read (a code a UI translates).
FileProblem = Literal[
    "too_large",
    "not_utf8",
    "not_json",
    "too_deep",
    "number_too_long",
    "foreign",
    "future_version",
    "bad_value",
    "too_many_pinned",
]


@dataclass(frozen=True)
class WorkspaceError(ValueError):
    """A file that cannot be read. ``reason`` is a code a UI translates: ``too_large``,
    ``not_utf8``, ``not_json``, ``too_deep``, ``number_too_long``, ``foreign``,
    ``future_version``, ``bad_value`` (``where`` names the field, ``detail`` what it takes),
    ``too_many_pinned``."""

    reason: FileProblem
    where: str = ""
    detail: str = ""

    def __str__(self) -> str:
        """``reason: where: detail``, the parts that are set: for logs and tests; a user
        reads the translated message the UI makes from the same fields."""
        return ": ".join(part for part in (self.reason, self.where, self.detail) if part)


def clean_name(name: str) -> str:
    """A pinned scenario's name as kept: printable, one line, at most 40 characters."""
    text = " ".join("".join(ch for ch in str(name) if ch.isprintable()).split())
    return text[:MAX_NAME_LENGTH]


@dataclass(frozen=True)
class Workspace:
    """Scenario, baseline, pinned scenarios (name, scenario) and page settings; a file also
    names the page it opens (a URL path, "" for the default page) and that page's open tab
    (an identifier the UI gives it, "" for the first). A link leaves these two to its own
    path."""

    scenario: Scenario = field(default_factory=Scenario)
    baseline: Scenario = field(default_factory=Scenario)
    pinned: tuple[tuple[str, Scenario], ...] = ()
    settings: Mapping[str, float | str] = field(default_factory=dict)
    page: str = ""
    tab: str = ""

    def __post_init__(self) -> None:
        """Refuse more pinned scenarios than the Compare page has columns for, whichever way
        the workspace was built (link, file or code)."""
        if len(self.pinned) > MAX_PINNED:
            raise WorkspaceError("too_many_pinned", detail=str(MAX_PINNED))


# --- link --------------------------------------------------------------------------------


def workspace_to_query(ws: Workspace) -> dict[str, str]:
    """Compact query parameters of the whole workspace (see the module's docstring)."""
    params = scenario_to_query(ws.scenario)
    params.update({BASELINE_PREFIX + k: v for k, v in scenario_to_query(ws.baseline).items()})
    for number, (name, scenario) in enumerate(ws.pinned, 1):
        params[f"p{number}"] = name or str(number)
        params.update({f"p{number}.{k}": v for k, v in scenario_to_query(scenario).items()})
    for name, value in ws.settings.items():
        setting = SETTINGS[name]
        if value != setting.default and value is not None:
            params[setting.query_key] = value if isinstance(value, str) else _number(value)
    return params


def _number(value: float) -> str:
    return repr(int(value)) if float(value).is_integer() else repr(float(value))


def workspace_from_query(
    params: Mapping[str, Any], ignore: frozenset[str] = frozenset()
) -> tuple[Workspace, list[QueryProblem]]:
    """Read a workspace from a link, never failing: every good key counts, each bad one is
    reported (with its full key, ``b.d`` or ``p2.n``) and falls back."""
    own: dict[str, Any] = {}
    baseline: dict[str, Any] = {}
    pins: dict[int, dict[str, Any]] = {}
    names: dict[int, str] = {}
    settings: dict[str, float | str] = {}
    problems: list[QueryProblem] = []
    for key, raw in params.items():
        if key in ignore:
            continue
        value = raw[-1] if isinstance(raw, (list, tuple)) and raw else raw
        pin = _PIN_KEY.match(key)
        if key.startswith(BASELINE_PREFIX):
            baseline[key[len(BASELINE_PREFIX) :]] = value
        elif pin and (pin.group(2) is None or field_of_query_key(pin.group(2))):
            number = int(pin.group(1))
            if pin.group(2) is None:
                names[number] = clean_name(str(value))
            else:
                pins.setdefault(number, {})[pin.group(2)] = value
        elif key in _SETTING_BY_KEY:
            name = _SETTING_BY_KEY[key]
            try:
                settings[name] = SETTINGS[name].parse(value)
            except (TypeError, ValueError) as error:
                problems.append(QueryProblem(key, str(value)[:40], "invalid_value", str(error)))
        else:
            own[key] = value
    scenario, found = scenario_from_query(own)
    problems += found
    base, found = scenario_from_query(baseline)
    problems += [_prefixed(BASELINE_PREFIX, p) for p in found]
    pinned: list[tuple[str, Scenario]] = []
    for number in sorted(set(names) | set(pins)):
        if number not in names:
            problems.append(QueryProblem(f"p{number}", "", "invalid_value", "a name"))
            continue
        pinned_scenario, found = scenario_from_query(pins.get(number, {}))
        problems += [_prefixed(f"p{number}.", p) for p in found]
        if len(pinned) == MAX_PINNED:
            problems.append(QueryProblem(f"p{number}", names[number], "unknown_key"))
            continue
        pinned.append((names[number] or str(number), pinned_scenario))
    return Workspace(scenario, base, tuple(pinned), settings), problems


def _prefixed(prefix: str, problem: QueryProblem) -> QueryProblem:
    return QueryProblem(prefix + problem.key, problem.value, problem.reason, problem.allowed)


# --- file --------------------------------------------------------------------------------


def _scenario_data(s: Scenario) -> dict[str, Any]:
    return {
        name: ("inf" if isinstance(value, float) and math.isinf(value) else value)
        for name, value in s.to_dict().items()
    }


def workspace_to_json(ws: Workspace) -> str:
    """The workspace as a version-2 file (UTF-8 JSON text, every field written out)."""
    document = {
        "sib_scenario": FORMAT_VERSION,
        "scenario": _scenario_data(ws.scenario),
        "baseline": _scenario_data(ws.baseline),
        "pinned": [{"name": name, "scenario": _scenario_data(s)} for name, s in ws.pinned],
        "settings": dict(ws.settings),
        "page": ws.page,
        "tab": ws.tab,
    }
    return json.dumps(document, indent=2, ensure_ascii=False)


def _depth(value: Any, limit: int) -> int:
    """How deep ``value`` nests (stops counting past ``limit``)."""
    if limit < 0 or not isinstance(value, (dict, list)):
        return 0
    children = value.values() if isinstance(value, dict) else value
    return 1 + max((_depth(child, limit - 1) for child in children), default=0)


def _scenario_of(data: Any, where: str) -> Scenario:
    if not isinstance(data, dict) or not all(isinstance(key, str) for key in data):
        raise WorkspaceError("foreign", where, "not a scenario")
    unknown = [key for key in data if key not in Scenario.model_fields]
    if unknown:
        raise WorkspaceError("foreign", f"{where}.{unknown[0][:40]}" if where else unknown[0][:40])
    try:
        # Keyword construction (not model_validate) names the offending field in the error.
        return Scenario(**data)
    except ScenarioError as error:
        name, message = error.problems[0]
        raise WorkspaceError("bad_value", f"{where}.{name}" if where else name, message) from None


def _document_of(content: str | bytes) -> dict[str, Any]:
    """The JSON object of a saved file, within the size and nesting a file needs, or the
    :class:`WorkspaceError` that says why it cannot be one."""
    if len(content) > MAX_FILE_BYTES:
        raise WorkspaceError("too_large", detail=f"{MAX_FILE_BYTES // 1000} kB")
    if isinstance(content, bytes):
        try:
            content = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise WorkspaceError("not_utf8") from None
    try:
        document = json.loads(content)
    except RecursionError:
        raise WorkspaceError("too_deep") from None
    except json.JSONDecodeError as error:
        raise WorkspaceError("not_json", detail=f"line {error.lineno}") from None
    except ValueError:  # an integer of thousands of digits
        raise WorkspaceError("number_too_long") from None
    if _depth(document, _MAX_DEPTH + 1) > _MAX_DEPTH:
        raise WorkspaceError("too_deep")
    if not isinstance(document, dict):
        raise WorkspaceError("foreign")
    return document


def workspace_from_json(content: str | bytes) -> Workspace:
    """Read a file written by :func:`workspace_to_json` (or a version-1 ``scenario_to_json``
    file). Raises :class:`WorkspaceError` naming the first problem; nothing is half-read."""
    document = _document_of(content)
    if "sib_scenario" not in document:
        # A bare scenario (early version-1 files): every key must name a field.
        if not document or any(field_of_query_key(key) is None for key in document):
            raise WorkspaceError("foreign")
        return Workspace(scenario=_scenario_of(document, ""))
    try:
        file = _File.model_validate(document, strict=True)
    except ValidationError as error:
        raise _file_problem(error) from None
    if file.sib_scenario > FORMAT_VERSION:
        raise WorkspaceError("future_version", detail=str(file.sib_scenario))
    scenario = _scenario_of(file.scenario, "")
    if file.sib_scenario == 1:
        return Workspace(scenario=scenario)
    pinned = tuple(
        (clean_name(entry.name) or str(number), _scenario_of(entry.scenario, f"pinned {number}"))
        for number, entry in enumerate(file.pinned, 1)
    )
    return Workspace(
        scenario,
        _scenario_of(file.baseline, "baseline"),
        pinned,
        _settings_of(file.settings),
        file.page,
        file.tab,
    )


class _Pinned(BaseModel):
    """One pinned scenario as saved: its name and its scenario (checked by Scenario itself)."""

    model_config = ConfigDict(extra="ignore")
    name: str
    scenario: Any = None


class _File(BaseModel):
    """The saved file's shape (``workspace_to_json``), read strictly: an unknown key, a wrong
    type or too many pinned scenarios refuse the file. The scenarios inside are plain data
    here; :func:`_scenario_of` checks them, so their errors name the field."""

    model_config = ConfigDict(extra="forbid")
    sib_scenario: int = Field(ge=1)
    scenario: Any
    baseline: Any = Field(default_factory=dict)
    pinned: list[_Pinned] = Field(default_factory=list, max_length=MAX_PINNED)
    settings: dict[str, Any] = Field(default_factory=dict)
    page: str = Field(default="", pattern=r"^[a-z-]{0,30}$")
    tab: str = Field(default="", pattern=r"^[a-z_]{0,40}$")


def _file_problem(error: ValidationError) -> WorkspaceError:
    """The first problem pydantic found, as the code and place a UI translates."""
    first = error.errors()[0]
    where = list(first["loc"])
    if where[:1] == ["pinned"] and first["type"] == "too_long":
        return WorkspaceError("too_many_pinned", detail=str(MAX_PINNED))
    if where[:1] == ["pinned"] and len(where) > 1:
        return WorkspaceError("foreign", f"pinned {int(where[1]) + 1}")
    if where[:1] == ["sib_scenario"] or not where:
        return WorkspaceError("foreign")
    return WorkspaceError("foreign", str(where[0])[:40])


def _settings_of(raw: dict[str, Any]) -> dict[str, float | str]:
    """The page settings of a file: known names only, each in its range (None: not set)."""
    settings: dict[str, float | str] = {}
    for name, value in raw.items():
        if name not in SETTINGS:
            raise WorkspaceError("foreign", str(name)[:40])
        if value is None:
            continue
        try:
            settings[name] = SETTINGS[name].parse(value)
        except (TypeError, ValueError) as error:
            raise WorkspaceError("bad_value", name, str(error)) from None
    return settings
