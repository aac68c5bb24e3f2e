"""How numbers and units read on screen: "26.6 trillion CNY", "61,000 m²", "22.5%".

Plain functions (no Streamlit) so tests call them directly. Unit conversion goes
through one pint registry: the engine's (``extract.units``) when it exists, else a
local one built the same way, once.
"""
from __future__ import annotations

import functools
import math
import pathlib
import re
from urllib.parse import urlencode

SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
SCALE_CHOICES = {"auto": None, "as is": 1.0, "thousand": 1e3, "million": 1e6,
                 "billion": 1e9, "trillion": 1e12}
# the currency codes the extractor defines, read from its definitions file (no pint needed here)
CURRENCIES = tuple(re.findall(r"^(\w+) = \[currency_", (pathlib.Path(__file__).resolve().parent.parent
                                                        / "extract" / "units.txt").read_text(encoding="utf-8"), re.M))

# Short forms people read; anything else goes through pint's pretty printer.
_UNIT_LABELS = {
    "": "", "percent": "%", "percentage_point": "pp", "m**2": "m²", "km**2": "km²",
    "m**3": "m³", "hectare": "ha", "tonne": "t", "kilogram": "kg", "year": "years",
    "month": "months", "day": "days", "hour": "hours", "kilowatt_hour": "kWh",
    "megawatt": "MW", "kilowatt": "kW", "gigawatt": "GW",
}
# Targets offered for conversion, by pint dimensionality.
_TARGETS = {
    "[length] ** 2": ("m**2", "hectare", "km**2"),
    "[mass]": ("kilogram", "tonne"),
    "[length]": ("meter", "kilometer"),
    "[length] ** 3": ("liter", "m**3"),
    "[time]": ("day", "month", "year"),
    "[length] ** 2 * [mass] / [time] ** 2": ("kilowatt_hour", "megawatt_hour", "gigajoule"),
    "[length] ** 2 * [mass] / [time] ** 3": ("kilowatt", "megawatt", "gigawatt"),
}


@functools.lru_cache(maxsize=1)
def get_registry():
    """The one pint registry: the engine's if it has one, else our own."""
    try:
        from extract import units as engine_units
        for name in ("ureg", "UREG", "registry"):
            reg = getattr(engine_units, name, None)
            reg = reg() if callable(reg) and not hasattr(reg, "Quantity") else reg
            if reg is not None and hasattr(reg, "Quantity"):
                return reg
    except Exception:  # the engine's module is optional here
        pass
    import pint
    reg = pint.UnitRegistry(cache_folder=":auto:")
    for code in CURRENCIES:  # each currency its own dimension: CNY never adds to VND
        reg.define(f"{code} = [currency_{code.lower()}]")
    reg.define("percentage_point = percent = pp")
    return reg


@functools.lru_cache(maxsize=1024)
def unit_label(unit: str) -> str:
    """Readable symbol of a contract unit ("m**2" → "m²", "" → "")."""
    unit = unit or ""
    if unit in _UNIT_LABELS or unit in CURRENCIES:
        return _UNIT_LABELS.get(unit, unit)
    if "/" in unit:  # "tonne / year" → "t / year", not pint's "t/a"
        parts = [p.strip() for p in unit.split("/")]
        return " / ".join(unit_label(p) if i == 0 else _per_label(p) for i, p in enumerate(parts))
    try:
        return f"{get_registry().Unit(unit):~P}"
    except Exception:
        return unit


def _per_label(unit: str) -> str:
    label = unit_label(unit)
    return label[:-1] if label in ("years", "months", "days", "hours") else label


def pick_scale(magnitude: float) -> tuple[float, str]:
    """(divisor, word) that makes ``magnitude`` read well: 2.66e13 → (1e12, "trillion")."""
    m = abs(magnitude)
    for divisor, word in SCALES:
        if m >= divisor:
            return divisor, word
    return 1.0, ""


def scale_word(divisor: float) -> str:
    for d, word in SCALES + ((1e3, "thousand"),):
        if divisor == d:
            return word
    return ""


def format_number(value: float, divisor: float | None = None, digits: int = 2) -> str:
    """"26.6 trillion", "61,000", "16.98 trillion", "1.5"; never "26600000000000.0"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    value = float(value)
    if divisor is None:
        divisor, word = pick_scale(value)
    else:
        word = scale_word(divisor)
    shown = value / divisor
    text = f"{shown:,.{digits}f}".rstrip("0").rstrip(".") if digits else f"{shown:,.0f}"
    if text in ("-0", ""):
        text = "0"
    return f"{text} {word}" if word else text


def format_value(value: float, unit: str = "", divisor: float | None = None) -> str:
    """A number with its unit as a person writes it: "26.6 trillion CNY", "22.5%"."""
    number = format_number(value, divisor)
    if not number:
        return ""
    label = unit_label(unit)
    if unit in ("percent",):
        return f"{number}%"
    if unit in ("year", "month", "day", "hour") and number == "1":
        return f"1 {label[:-1]}"
    return f"{number} {label}" if label else number


APPROX_WORDS = {"exact": "", "about": "about", "nearly": "nearly", "more_than": "more than",
                "less_than": "less than", "at_least": "at least", "at_most": "at most"}


def format_figure(value: float, unit: str, approx: str = "exact") -> str:
    """"nearly 30%", "more than 4,000"."""
    word = APPROX_WORDS.get(approx or "exact", approx or "")
    shown = format_value(value, unit)
    return f"{word} {shown}" if word else shown


# ---------------------------------------------------------------- conversion

@functools.lru_cache(maxsize=1024)
def conversion_targets(unit: str) -> tuple[str, ...]:
    """Units a figure in ``unit`` can be shown in (same dimension), itself first."""
    if not unit or unit in CURRENCIES or unit in ("percent", "percentage_point"):
        return ()
    try:
        dim = str(get_registry().Unit(unit).dimensionality)
    except Exception:
        return ()
    targets = _TARGETS.get(dim, ())
    return (unit,) + tuple(t for t in targets if t != unit) if targets else ()


def convert(value: float, unit: str, target: str) -> float:
    """``value`` in ``unit`` expressed in ``target``; raises on different dimensions."""
    if unit == target:
        return float(value)
    reg = get_registry()
    return float(reg.Quantity(float(value), unit).to(target).magnitude)


def convert_series(values, units, target: str):
    """Element-wise conversion; rows that cannot convert keep NaN (shown blank)."""
    out = []
    for v, u in zip(values, units):
        try:
            out.append(convert(v, u, target))
        except Exception:
            out.append(float("nan"))
    return out


# ---------------------------------------------------------------- markdown

_MD_SPECIAL = set("\\`*_{}[]()#+-.!|<>~$:")


def md_escape(text: str) -> str:
    """Document-derived text made inert inside st.markdown/st.caption: no links,
    images, emphasis or HTML from what a document says."""
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in str(text))


# ---------------------------------------------------------------- links

def source_link(doc: str, figure_id: str | None = None) -> str:
    """A plain relative URL to the source view, bookmarkable and shareable."""
    params = {"doc": doc}
    if figure_id:
        params["fig"] = figure_id
    return "source?" + urlencode(params)


def review_link(figure_id: str) -> str:
    return "review?" + urlencode({"fig": figure_id})
