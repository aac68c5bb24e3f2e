"""Download files built from a figures frame: CSV, Excel, JSON Lines, Data Package.

Spreadsheet formats get formula injection neutralised (OWASP "CSV injection"):
a text cell that starts with = + - @ tab CR or NUL is prefixed with ' — text
columns only, so numbers stay numbers. JSON Lines is for programs (score.py
compares ``text`` with the document slice), so it keeps the values untouched.
"""
from __future__ import annotations

import io
import json
import math
import zipfile

import pandas as pd

from extract.figure import FIELDS

EXPORT_COLUMNS = list(FIELDS) + ["figure_id", "review", "corrected_value", "corrected_unit", "note"]
DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\x00")
_DESCRIPTIONS = {
    "doc": "document id (path relative to the corpus folder)",
    "start": "start offset (Python str index) of the figure in the document's text",
    "end": "end offset (exclusive)",
    "text": "exact surface of the mention in the document",
    "value": "the number in `unit`, scale words applied",
    "unit": "pint unit, ISO 4217 currency code, or empty for a plain count",
    "kind": "count, money, percent, area, …",
    "entity": "what is counted or measured, in the source language",
    "approx": "exact, about, nearly, more_than, less_than, at_least, at_most",
    "series": "shared id of the figures of one change or range",
    "role": "from/to for a change, low/high for a range",
    "period": "time the figure refers to",
    "lang": "vi, zh or en",
    "sentence": "the sentence holding the figure, cleaned for reading",
    "figure_id": "stable id: hash of doc, start, end, text, value, unit",
    "review": "right, wrong_value, wrong_unit, not_a_figure, or empty when not reviewed",
    "corrected_value": "the value given by the reviewer",
    "corrected_unit": "the unit given by the reviewer",
    "note": "the reviewer's note",
}


def export_frame(df: pd.DataFrame) -> pd.DataFrame:
    """The columns a download holds, in a fixed order (missing ones empty)."""
    out = pd.DataFrame(index=df.index)
    for col in EXPORT_COLUMNS:
        out[col] = df[col] if col in df else None
    for col in ("review", "corrected_unit", "note"):
        out[col] = out[col].astype(object).where(out[col].notna(), "")
    return out.reset_index(drop=True)


def neutralise_cell(value):
    """Prefix a text a spreadsheet would run as a formula with ' (OWASP)."""
    if isinstance(value, str) and value.startswith(DANGEROUS_PREFIXES):
        return "'" + value
    return value


def text_columns(df: pd.DataFrame) -> list[str]:
    return [c for c in df.columns
            if pd.api.types.is_object_dtype(df[c]) or pd.api.types.is_string_dtype(df[c])]


def neutralise(df: pd.DataFrame) -> pd.DataFrame:
    """A copy with every text column neutralised; numeric columns untouched."""
    df = df.copy()
    for col in text_columns(df):
        df[col] = df[col].map(neutralise_cell)
    return df


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """UTF-8 with BOM so spreadsheets read Chinese and Vietnamese right."""
    return neutralise(export_frame(df)).to_csv(index=False).encode("utf-8-sig")


def to_excel_bytes(df: pd.DataFrame) -> bytes:
    """Excel with text stored as text: xlsxwriter never turns a string into a
    formula or link; leading-formula characters are prefixed as in CSV too."""
    buf = io.BytesIO()
    options = {"strings_to_formulas": False, "strings_to_urls": False,
               "strings_to_numbers": False}
    with pd.ExcelWriter(buf, engine="xlsxwriter", engine_kwargs={"options": options}) as xl:
        neutralise(export_frame(df)).to_excel(xl, sheet_name="figures", index=False)
        xl.sheets["figures"].freeze_panes(1, 0)
    return buf.getvalue()


def _clean(value):
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalar → Python
        return value.item()
    return value


def to_jsonl_bytes(df: pd.DataFrame) -> bytes:
    lines = [json.dumps({k: _clean(v) for k, v in row.items()}, ensure_ascii=False)
             for row in export_frame(df).to_dict("records")]
    return ("\n".join(lines) + ("\n" if lines else "")).encode("utf-8")


def gold_jsonl_bytes(rows: list[dict]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")


def table_schema(df: pd.DataFrame) -> dict:
    """Frictionless Table Schema of the exported columns."""
    fields = []
    for col in df.columns:
        if pd.api.types.is_integer_dtype(df[col]):
            ftype = "integer"
        elif pd.api.types.is_float_dtype(df[col]):
            ftype = "number"
        else:
            ftype = "string"
        fields.append({"name": col, "type": ftype, "description": _DESCRIPTIONS.get(col, "")})
    return {"fields": fields, "primaryKey": ["figure_id"]}


def to_datapackage_zip(df: pd.DataFrame, name: str = "figures") -> bytes:
    """A zip holding ``datapackage.json`` and ``figures.csv`` (Frictionless Data Package)."""
    frame = export_frame(df)
    csv = neutralise(frame).to_csv(index=False).encode("utf-8")
    package = {
        "name": name, "profile": "tabular-data-package",
        "title": "Figures extracted from news text",
        "description": "Text cells starting with = + - @ are prefixed with ' so that "
                       "spreadsheets do not run them as formulas.",
        "resources": [{
            "name": "figures", "path": "figures.csv", "profile": "tabular-data-resource",
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "schema": table_schema(frame),
        }],
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("datapackage.json", json.dumps(package, ensure_ascii=False, indent=2))
        z.writestr("figures.csv", csv)
    return buf.getvalue()
