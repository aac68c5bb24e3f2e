"""The one pint registry, and what a unit string means: its canonical name,
the factor a market unit carries (亩 = 1/15 ha) and the figure's kind.

Built once per process with the project's definitions (``units.txt``);
numbers are parsed by the engine and handed to pint as value + unit, never
as a string for pint to guess at.
"""
from __future__ import annotations

import pathlib
from functools import lru_cache

import pint
import regex

DEFINITIONS = pathlib.Path(__file__).with_name("units.txt")

# 'hectare/15', 'kg*0.5': a market unit as a standard one times a factor ('m**2' is not one)
_FACTOR = regex.compile(r"^(?P<unit>(?:.*?[^*])?)(?P<op>(?<!\*)\*(?!\*)|/)(?P<num>\d+(?:\.\d+)?(?:e[+-]?\d+)?)$")

# dimensionality -> kind; checked in order
_KINDS = (
    ("[length] ** 2", "area"),
    ("[length] ** 3", "volume"),
    ("[length]", "length"),
    ("[mass]", "mass"),
    ("[length] ** 2 * [mass] / [time] ** 2", "energy"),
    ("[length] ** 2 * [mass] / [time] ** 3", "power"),
    ("[time]", "duration"),
    ("[length] / [time]", "speed"),
    ("[temperature]", "temperature"),
)


@lru_cache(maxsize=None)
def registry() -> pint.UnitRegistry:
    # pint caches its parsed definitions on disk: start-up drops from ~1 s to a few ms
    ureg = pint.UnitRegistry(autoconvert_offset_to_baseunit=True, cache_folder=":auto:")
    ureg.load_definitions(str(DEFINITIONS))
    return ureg


def currencies() -> tuple[str, ...]:
    return tuple(line.split("=")[0].strip() for line in DEFINITIONS.read_text(encoding="utf-8").splitlines()
                 if "[currency_" in line)


@lru_cache(maxsize=4096)
def resolve(spec: str) -> tuple[str, float]:
    """A lexicon's unit entry -> (unit, factor): 'hectare/15' -> ('hectare', 1/15); '*12' -> ('', 12) (a dozen)."""
    m = _FACTOR.match(spec)
    if not m:
        return spec, 1.0
    num = float(m.group("num"))
    return m.group("unit"), (num if m.group("op") == "*" else 1 / num)


@lru_cache(maxsize=4096)
def kind_of(unit: str) -> str:
    if unit == "":
        return "count"
    if unit in currencies():
        return "money"
    if unit in ("percent", "percentage_point"):
        return "percent"
    try:
        dim = registry().Unit(unit).dimensionality
    except Exception:
        return "other"
    for expr, kind in _KINDS:
        if dim == registry().get_dimensionality(expr):
            return kind
    if len(dim) == 1 and str(dim).startswith("[currency_"):  # a price per unit (USD/kg) is a rate: other
        return "money"
    return "other"


def convert(value: float, unit: str, target: str) -> float:
    """``value`` in ``unit`` expressed in ``target`` (m**2 -> hectare, tonne -> kg)."""
    ureg = registry()
    return ureg.Quantity(value, unit).to(target).magnitude
