"""Everything the project knows about one scenario field, declared next to the field.

A :class:`Scenario` field carries a :class:`FieldSpec` in its type annotation
(``Annotated[float, FieldSpec(...)]``) beside pydantic's ``Field(default, ge=…, le=…,
description=…)``. The two together hold every fact about the field — range, unit, meaning,
link key, sensitivity swing, the control a user moves and whether "none" or infinity are
values — and every table elsewhere is derived from them:

* :func:`field_specs`, :func:`field_limits` — the declarations themselves;
* ``sib_model.codec`` — the query key of each field (and the old keys it still reads);
* ``sib_model.analysis_sensitivity`` — which fields swing, and how far;
* ``ui.spec.inputs`` — the widget of each field and the section it sits in.

So adding a field to the model is one edit in ``scenario.py`` (plus its label and help text
in the translation catalog). The derivations take the scenario class as an argument, so a
subclass with an extra field gets its own tables (a test shows it).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from .scenario import Scenario

__all__ = ["FieldSpec", "Swing", "Control", "field_specs", "field_limits", "Section", "SECTIONS"]

#: Where a field's control sits: with the three headline sliders, or in one of the advanced
#: sections (in this order). The names are text keys of the UI's catalog (``section_<name>``).
Section = Literal["headline", "group", "contract", "finance", "money"]
SECTIONS: tuple[Section, ...] = ("headline", "group", "contract", "finance", "money")


@dataclass(frozen=True)
class Swing:
    """How far the sensitivity analysis moves a field, one way and the other.

    ``relative``: value × (1 ± size); ``absolute``: value ± size; ``factor``: value ÷ size and
    × size. Always clipped to the field's allowed range."""

    kind: Literal["relative", "absolute", "factor"]
    size: float


@dataclass(frozen=True)
class Control:
    """The widget a person moves to set the field.

    ``display`` says how its value reads (a percentage, money, a count, …); ``upper`` narrows
    the widget's end below the model's limit where the full range would make the widget
    useless (a cohort slider to 10,000 citizens)."""

    kind: Literal["slider", "number", "choice"]
    step: float = 0.0
    display: Literal["percent", "money", "count", "years", "number"] = "number"
    format: str | None = None
    upper: float | None = None


@dataclass(frozen=True)
class FieldSpec:
    """The project's facts about one scenario field beyond pydantic's range and meaning.

    Attributes
    ----------
    query_key : str
        Short key of the field in a link (the long field name is read too).
    unit : str
        Unit in words ("DKK", "fraction", "citizens", …).
    section : Section
        Where the field's control sits.
    control : Control
        The widget that sets it.
    swing : Swing or None
        Sensitivity swing; None = the field is not swung (a choice, say).
    optional : bool
        None is a value ("no cap"); the widget gets an on/off switch.
    infinite : bool
        Infinity is a value ("known exactly"); the widget gets an on/off switch.
    choices : tuple of str
        The allowed values of a choice field.
    old_query_keys : tuple of str
        Keys that earlier versions wrote into links; still read, never written.
    """

    query_key: str
    unit: str
    section: Section
    control: Control
    swing: Swing | None = None
    optional: bool = False
    infinite: bool = False
    choices: tuple[str, ...] = ()
    old_query_keys: tuple[str, ...] = ()


@cache
def field_specs(cls: type[Scenario] | None = None) -> dict[str, FieldSpec]:
    """``field -> FieldSpec`` of every field of ``cls`` (default :class:`Scenario`), in
    declaration order."""
    cls = _scenario_class(cls)
    specs: dict[str, FieldSpec] = {}
    for name, info in cls.model_fields.items():
        found = [item for item in info.metadata if isinstance(item, FieldSpec)]
        if len(found) != 1:
            raise TypeError(
                f"{cls.__name__}.{name} needs exactly one FieldSpec in its "
                f"annotation, found {len(found)}"
            )
        specs[name] = found[0]
    return specs


@cache
def field_limits(cls: type[Scenario] | None = None) -> dict[str, tuple[float | None, float | None]]:
    """``field -> (lower, upper)`` as declared with pydantic's ``ge``/``gt``/``le``/``lt``;
    None where a side is open (or the field is not a number)."""
    cls = _scenario_class(cls)
    limits: dict[str, tuple[float | None, float | None]] = {}
    for name, info in cls.model_fields.items():
        lower = upper = None
        for item in info.metadata:
            lower = getattr(item, "ge", getattr(item, "gt", lower))
            upper = getattr(item, "le", getattr(item, "lt", upper))
        limits[name] = (lower, upper)
    return limits


def _scenario_class(cls: type[Scenario] | None) -> type[Scenario]:
    if cls is None:
        from .scenario import Scenario

        return Scenario
    return cls
