"""The table-driven extraction cases: one row of tests/cases/<lang>.yaml, one test.

A case passes when the extractor finds exactly the expected figures (optional
ones may or may not come out) with the right text, value, unit, kind, approx,
series/role pairing and period; entities are compared loosely (one contains the
other), or exactly where a row says ``entity_is``; periods by prefix, or exactly with ``period_is``. A row with ``xfail: reason`` is a known gap, run strictly: when it starts
passing, the test fails until the xfail is removed.
"""
from __future__ import annotations

import math
import pathlib

import pytest
import yaml

from extract import extract_text
from extract.units import registry

CASES = pathlib.Path(__file__).parent / "cases"


def _load():
    for path in sorted(CASES.glob("*.yaml")):
        lang = path.stem
        for row in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            marks = [pytest.mark.xfail(reason=row["xfail"], strict=True)] if row.get("xfail") else []
            yield pytest.param(lang, row, id=row["id"], marks=marks)


def _span(text: str, fig: dict) -> tuple[int, int]:
    start = -1
    for _ in range(fig.get("occurrence", 1)):
        start = text.index(fig["text"], start + 1)
    return start, start + len(fig["text"])


def _base(value: float, unit: str):
    if unit in ("", None):
        return float(value), "count"
    try:
        q = registry().Quantity(float(value), unit).to_base_units()
    except Exception:
        return float(value), unit
    dim = str(q.dimensionality)
    return float(q.magnitude), ("ratio" if dim == "dimensionless" else dim)


def same_quantity(exp: dict, got) -> bool:
    a, b = _base(exp["value"], exp.get("unit", "")), _base(got.value, got.unit)
    return a[1] == b[1] and math.isclose(a[0], b[0], rel_tol=1e-6, abs_tol=1e-9)


def _describe(figs) -> str:
    return "; ".join(f"{f.text!r}={f.value:g} {f.unit!r} {f.kind} {f.approx} {f.series}/{f.role} "
                     f"p={f.period!r} e={f.entity!r}" for f in figs)


@pytest.mark.parametrize("lang,row", list(_load()))
def test_case(lang, row):
    text = row["text"]
    got = extract_text(text, lang=lang)
    by_span = {(f.start, f.end): f for f in got}
    expected = row.get("figures") or []
    problems = []
    series_map: dict[str, set] = {}
    matched = set()
    for exp in expected:
        span = _span(text, exp)
        f = by_span.get(span)
        if f is None:
            if not exp.get("optional"):
                problems.append(f"missing {exp['text']!r}")
            continue
        matched.add(span)
        if exp.get("optional"):
            continue
        if not same_quantity(exp, f):
            problems.append(f"{exp['text']!r}: value/unit {f.value:g} {f.unit!r}, expected {exp['value']} {exp.get('unit', '')!r}")
        for field, default in (("kind", "count"), ("approx", "exact"), ("role", "")):
            if getattr(f, field) != exp.get(field, default):
                problems.append(f"{exp['text']!r}: {field} {getattr(f, field)!r}, expected {exp.get(field, default)!r}")
        if not f.period.startswith(str(exp.get("period", ""))) or (exp.get("period") == "" and f.period):
            # an explicit `period: ""` means "no period": a year in the sentence does not date it
            problems.append(f"{exp['text']!r}: period {f.period!r}, expected {exp.get('period', '')!r}")
        want, got_e = exp.get("entity", "").casefold(), f.entity.casefold()  # ('Revenue' opening a sentence)
        if want and not (want in got_e or (got_e and got_e in want)):
            problems.append(f"{exp['text']!r}: entity {f.entity!r}, expected {exp['entity']!r}")
        if "period_is" in exp and f.period != exp["period_is"]:  # exact, where a prefix would hide a wrong part
            problems.append(f"{exp['text']!r}: period {f.period!r}, expected exactly {exp['period_is']!r}")
        if "entity_is" in exp and f.entity != exp["entity_is"]:  # exact, where loose would hide junk
            problems.append(f"{exp['text']!r}: entity {f.entity!r}, expected exactly {exp['entity_is']!r}")
        if exp.get("series"):
            series_map.setdefault(exp["series"], set()).add(f.series)
    for label, ids in series_map.items():
        if len(ids) != 1 or "" in ids:
            problems.append(f"series {label}: members got series ids {sorted(ids)}")
    optional = [_span(text, e) for e in expected if e.get("optional")]
    extras = [f for f in got if (f.start, f.end) not in matched
              and not any(a < f.end and f.start < b for a, b in optional)]
    if extras:
        problems.append("not figures: " + _describe(extras))
    assert not problems, "\n".join(problems) + "\n got: " + _describe(got)


def test_case_and_gold_data_are_consistent():
    """tests/cases/validate.py: every row's unit parses and fits its kind, every gold slice is its
    document's text, every series has both ends (run as a test, so stale data cannot pile up)."""
    import subprocess
    import sys
    out = subprocess.run([sys.executable, str(CASES / "validate.py")], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout[-2000:]
