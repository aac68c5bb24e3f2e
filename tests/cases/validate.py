"""Check tests/cases/*.yaml and tests/articles/gold.jsonl for internal consistency.

    python tests/cases/validate.py

Not a test of the extractor: it checks the test data itself (every figure's text
occurs in the case text, units parse in pint with the kind's dimensionality,
series have two members with matching roles, ids are unique).
"""
from __future__ import annotations

import json
import pathlib
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from extract import units as project_units  # noqa: E402
from extract.reader import read_document  # noqa: E402
KINDS = {"count", "money", "percent", "area", "length", "mass", "volume", "energy", "power",
         "duration", "speed", "temperature", "other"}
APPROX = {"exact", "about", "nearly", "more_than", "less_than", "at_least", "at_most"}
ROLES = {"", "from", "to", "low", "high"}
DIMS = {
    "area": "[length] ** 2", "length": "[length]", "mass": "[mass]", "volume": "[length] ** 3",
    "energy": "[length] ** 2 * [mass] / [time] ** 2", "power": "[length] ** 2 * [mass] / [time] ** 3",
    "duration": "[time]", "speed": "[length] / [time]", "temperature": "[temperature]",
}

ureg = project_units.registry()  # the project's registry: its currencies, TEU, mu, percentage_point
CURRENCIES = set(project_units.currencies())


def _is_money(unit: str) -> bool:
    """An ISO code, or a price per unit (USD / kilogram)."""
    if unit in CURRENCIES:
        return True
    try:
        dims = str(ureg.Unit(unit).dimensionality)
    except Exception:  # noqa: BLE001
        return False
    return "[currency_" in dims


def check_figure(where, f, errors):
    for k in ("text", "value", "unit", "kind"):
        if k not in f:
            errors.append(f"{where}: missing {k}")
            return
    unit, kind = f["unit"], f["kind"]
    if kind not in KINDS:
        errors.append(f"{where}: bad kind {kind}")
    if f.get("approx", "exact") not in APPROX:
        errors.append(f"{where}: bad approx {f.get('approx')}")
    if f.get("role", "") not in ROLES:
        errors.append(f"{where}: bad role {f.get('role')}")
    if bool(f.get("series")) != bool(f.get("role")):
        errors.append(f"{where}: series and role go together")
    if not isinstance(f["value"], (int, float)) or isinstance(f["value"], bool):
        errors.append(f"{where}: value not a number")
    if kind == "money" or _is_money(unit):
        if not _is_money(unit):
            errors.append(f"{where}: money unit {unit!r} is no currency of the project's registry")
        return
    if unit in CURRENCIES:
        errors.append(f"{where}: currency unit with kind {kind}")
        return
    if kind == "count":
        if unit != "":
            errors.append(f"{where}: count with unit {unit!r}")
        return
    if kind == "percent":
        if unit not in ("percent", "percentage_point"):
            errors.append(f"{where}: percent kind with unit {unit!r}")
        return
    try:
        q = ureg.Quantity(1.0, unit)
    except Exception as e:  # noqa: BLE001
        errors.append(f"{where}: unit {unit!r} does not parse: {e}")
        return
    if kind in DIMS and q.dimensionality != ureg.get_dimensionality(DIMS[kind]):
        errors.append(f"{where}: unit {unit!r} is {q.dimensionality}, not {kind}")


def check_cases(path, errors):
    rows = yaml.safe_load(path.read_text(encoding="utf-8"))
    lang = path.stem
    ids = set()
    nfig = 0
    for i, row in enumerate(rows):
        cid = row.get("id", f"#{i}")
        if cid in ids:
            errors.append(f"{path.name}: duplicate id {cid}")
        ids.add(cid)
        if not cid.startswith(lang + ":"):
            errors.append(f"{path.name}: id {cid} lacks the {lang}: prefix")
        text = row.get("text")
        if not isinstance(text, str) or not text.strip():
            errors.append(f"{cid}: no text")
            continue
        figs = row.get("figures")
        if figs is None or not isinstance(figs, list):
            errors.append(f"{cid}: figures must be a list (maybe empty)")
            continue
        spans = []
        series = {}
        for j, f in enumerate(figs):
            where = f"{cid}[{j}] {f.get('text')!r}"
            check_figure(where, f, errors)
            s = f.get("text", "")
            n = text.count(s)
            occ = f.get("occurrence", 1)
            if n == 0:
                errors.append(f"{where}: text does not occur in the sentence")
                continue
            if n > 1 and "occurrence" not in f:
                errors.append(f"{where}: occurs {n} times; give occurrence")
            if occ > n:
                errors.append(f"{where}: occurrence {occ} > {n}")
            start = -1
            for _ in range(occ):
                start = text.find(s, start + 1)
            span = (start, start + len(s))
            for o in spans:
                if max(o[0], span[0]) < min(o[1], span[1]):
                    errors.append(f"{where}: overlaps another figure")
            spans.append(span)
            if f.get("series"):
                series.setdefault(f["series"], []).append(f.get("role"))
        for sid, roles in series.items():
            if sorted(roles) not in (["from", "to"], ["high", "low"]):
                errors.append(f"{cid}: series {sid} has roles {roles}")
        nfig += len(figs)
    return len(rows), nfig, sum(1 for r in rows if not r.get("figures"))


def check_gold(path, errors):
    docs = {}
    n = 0
    series = {}
    for ln, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        g = json.loads(line)
        n += 1
        where = f"gold:{ln} {g.get('doc')} {g.get('text')!r}"
        d = g["doc"]
        if d not in docs:  # (an HTML document's offsets are into its extracted text, as the contract says)
            docs[d] = read_document(path.parent / d, d).text
        if docs[d][g["start"]:g["end"]] != g["text"]:
            errors.append(f"{where}: slice is {docs[d][g['start']:g['end']]!r}")
        check_figure(where, g, errors)
        if g.get("series"):
            series.setdefault((d, g["series"]), []).append(g.get("role"))
    for (d, sid), roles in series.items():
        if sorted(roles) not in (["from", "to"], ["high", "low"]):
            errors.append(f"gold {d}: series {sid} has roles {roles}")
    return n


def main():
    errors = []
    for p in sorted((ROOT / "tests" / "cases").glob("*.yaml")):
        rows, figs, empty = check_cases(p, errors)
        print(f"{p.name}: {rows} cases, {figs} figures, {empty} cases without figures")
    gold = ROOT / "tests" / "articles" / "gold.jsonl"
    if gold.exists():
        print(f"gold.jsonl: {check_gold(gold, errors)} rows")
    for e in errors:
        print("ERROR", e)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
