"""The language data itself: every unit a lexicon names parses in the one pint registry,
every table has the type the schema declares, and no language module holds logic."""
from __future__ import annotations

import ast
import dataclasses
import pathlib

import pytest

from extract import units
from extract.lang.base import Lexicon
from extract.lexicon import LANGUAGES, load

LANG_DIR = pathlib.Path(units.__file__).with_name("lang")


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_unit_alias_resolves(code):
    lex = load(code)
    bad = []
    for table in ("units", "units_before"):
        for surface, spec in lex.table(table).items():
            unit, factor = units.resolve(spec)
            try:
                if unit and unit not in units.currencies():
                    units.registry().Unit(unit)
            except Exception as exc:  # noqa: BLE001 - report every bad alias at once
                bad.append((table, surface, spec, type(exc).__name__))
            if not factor > 0:
                bad.append((table, surface, spec, "factor"))
    assert not bad, bad


@pytest.mark.parametrize("code", LANGUAGES)
def test_lexicon_fills_the_schema(code):
    data = load(code).data
    assert isinstance(data, Lexicon) and data.code == code
    for f in dataclasses.fields(Lexicon):
        value = getattr(data, f.name)
        declared = f.type if isinstance(f.type, str) else f.type.__name__
        kind = {"dict": dict, "tuple": tuple, "bool": bool, "int": int, "str": str}.get(declared.split("[")[0])
        if kind is not None:
            assert isinstance(value, kind), (f.name, type(value))


@pytest.mark.parametrize("path", sorted(LANG_DIR.glob("*.py")), ids=lambda p: p.name)
def test_language_modules_hold_data_not_logic(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    logic = [type(n).__name__ for n in ast.walk(tree)
             if isinstance(n, (ast.If, ast.For, ast.While, ast.Lambda, ast.FunctionDef)) and path.name != "base.py"]
    assert not logic, logic


def test_kinds_follow_dimensions():
    assert [units.kind_of(u) for u in ("m**2", "hectare", "tonne", "kilowatt_hour", "megawatt", "year",
                                       "km/hour", "degC", "liter", "CNY", "percent", "")] == \
        ["area", "area", "mass", "energy", "power", "duration", "speed", "temperature", "volume",
         "money", "percent", "count"]
