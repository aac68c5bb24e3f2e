"""read → clean → segment → scan → attach → resolve: the whole extractor, stage by stage;
tables are read apart (a cell's unit, entity and period are in its headers, not its sentence).

Each stage is a plain function of the previous one's output; nothing here
knows a language, only which lexicon to hand the stages.
"""
from __future__ import annotations

import dataclasses
import itertools
import math
from functools import lru_cache

from . import attach as attach_stage
from . import resolve, scan, segment, tables, units
from .detect import detect_language
from .figure import Figure
from .lexicon import load
from .textview import TextView

EXTRACTOR_VERSION = "0.3.10"  # bump when the figures of a text change: stores re-extract it


def extract_text(text: str, lang: str | None = None, doc: str = "") -> list[Figure]:
    """All figures in ``text`` (a document's full text), offsets into ``text``."""
    return extract_document(text, doc=doc, lang=lang)


def extract_document(text: str, doc: str = "", lang: str | None = None) -> list[Figure]:
    return list(iter_figures(text, doc=doc, lang=lang))


def iter_figures(text: str, doc: str = "", lang: str | None = None):
    """The figures of ``text`` one sentence at a time, so a 50 MB document never holds
    all its figures in memory at once (the CLI writes them as they come)."""
    lang = lang or detect_language(text)
    lex = load(lang)
    view = TextView(text)
    clean = view.clean
    counter = itertools.count(1)
    next_id = lambda: f"s{next(counter)}"  # noqa: E731 - series ids, numbered per document
    currency = attach_stage.document_currency(clean, lex)
    pending = tables.find_tables(clean, lex)
    for s_start, s_end in segment.sentences(clean, lex):
        while pending and pending[0].end <= s_start:  # a table wholly before this sentence
            yield from _table_figures(view, pending.pop(0), lex, doc, next_id, currency)
        if pending and pending[0].start <= s_start < pending[0].end:
            continue  # a line of a table: read with its table
        yield from _sentence_figures(view, s_start, s_end, lex, doc, next_id, currency)
    for table in pending:
        yield from _table_figures(view, table, lex, doc, next_id, currency)


def _sentence_figures(view: TextView, s_start: int, s_end: int, lex, doc: str, next_id,
                      currency: str = "") -> list[Figure]:
    clean = view.clean
    mentions = scan.numerals(clean, s_start, s_end, lex)
    if not mentions:
        return []
    for m in mentions:
        if not m.drop:
            attach_stage.attach(clean, s_start, s_end, m, lex)
    attach_stage.use_document_currency(mentions, currency, lex, clean[s_start:s_end])
    resolve.drop_overlaps(mentions)
    masks = resolve.shape_masks_near(clean, s_start, s_end, mentions)
    years = resolve.drop_non_figures(clean, s_start, s_end, mentions, lex, masks)
    resolve.link_series(clean, s_start, mentions, lex, next_id)
    resolve.read_spans_of_time(clean, mentions, lex)
    resolve.drop_bare_numbers(clean, s_start, s_end, mentions, lex)
    resolve.assign_periods(clean, s_start, s_end, mentions, years, lex)
    sentence = clean[s_start:s_end]
    raw_s, raw_e = view.span_to_raw(s_start, s_end)
    out = []
    for m in mentions:
        if m.drop or not math.isfinite(m.value):
            continue
        a, b = view.span_to_raw(m.start, m.end)
        out.append(Figure(doc=doc, start=a, end=b, text=view.raw[a:b], value=_tidy(m.value),
                          unit=m.unit, kind=m.kind, entity=m.entity, approx=m.approx,
                          series=m.series, role=m.role, period=m.period, lang=lex.code,
                          sentence=sentence, sentence_start=raw_s, sentence_end=raw_e))
    return out


def _table_figures(view: TextView, table, lex, doc: str, next_id, currency: str) -> list[Figure]:
    """The figures of a table's cells, each with the unit, entity and period its headers give."""
    out = []
    note = _unit_of_phrase(table.note, lex, currency) if table.note else None
    header = None
    for row in table.rows:
        above = header  # the last row of headers before this one (kept as we go: no search per row)
        if tables.is_header(row):
            header = row
        label_at = tables.label_index(row)
        if label_at is None or not any(tables.NUMERIC_CELL.match(c.text) for c in row.cells[label_at + 1:]):
            continue  # a header, a rule or a row of words
        label = row.cells[label_at].text
        row_unit = _row_unit(row, label_at, lex, currency)
        in_percent = any(c.text.rstrip().endswith("%") for c in row.cells)
        raw_s, raw_e = view.span_to_raw(row.start, row.end)
        for k in range(label_at + 1, len(row.cells)):
            cell = row.cells[k]
            column = tables.column_header(above, row, cell, k, table.aligned)
            if tables.is_period_label(label):  # rows of months or years: the column says what
                entity, period = tables.without_unit(column), tables.period_of(label, lex)
            else:
                entity, period = tables.without_unit(label), tables.period_of(column, lex)
            numeric = bool(tables.NUMERIC_CELL.match(cell.text))
            for f in _sentence_figures(view, cell.start, cell.end, lex, doc, next_id, currency):
                if numeric:
                    unit = _unit_of_phrase(tables.unit_phrase(column), lex, currency) or row_unit or note
                    f = _numeric_cell(f, cell, view, unit, in_percent)
                # (a cell of words, '1.150 công nhân', keeps the noun it counts; else the row names it)
                own = f.entity if not numeric and f.unit == "" else ""
                out.append(dataclasses.replace(f, entity=own or entity, period=f.period or period,
                                               sentence=view.clean[row.start:row.end],
                                               sentence_start=raw_s, sentence_end=raw_e))
    return out


def _row_unit(row, label_at: int, lex, currency: str):
    """A row's unit: a unit column ('tỷ đồng') or the label's brackets ('Revenue (£m)')."""
    for cell in row.cells[label_at + 1:]:
        if cell.text and not tables.NUMERIC_CELL.match(cell.text):
            found = _unit_of_phrase(cell.text, lex, currency)
            if found:
                return found
    return _unit_of_phrase(tables.unit_phrase(row.cells[label_at].text), lex, currency)


def _numeric_cell(f: Figure, cell, view: TextView, unit, in_percent: bool) -> Figure:
    """A cell that is only a number: its header's unit and scale, brackets as a minus sign."""
    value, name = f.value, f.unit
    if tables.cell_is_bracketed_negative(cell.text):  # accounting: (6)% is minus 6 per cent
        a, b = view.span_to_raw(cell.start, cell.end)
        f = dataclasses.replace(f, start=a, end=b, text=view.raw[a:b])
        value, name = -abs(value), "percent" if cell.text.rstrip().endswith("%") else name
    if not name and unit:
        value, name = value * unit[0], unit[1]
    if tables.cell_has_points(cell.text) and name in ("", "percent") and (in_percent or unit and unit[1] == "percent"):
        name = "percentage_point"  # '1.4 pts' in a row of per cents
    return dataclasses.replace(f, value=_tidy(value), unit=name, kind=units.kind_of(name))


@lru_cache(maxsize=4096)
def _unit_of_phrase(phrase: str, lex, currency: str):
    """(scale, unit) that a unit phrase in a header writes ('£m' -> (1e6, 'GBP'), '%' -> (1,
    'percent'), 'xe' -> (1, '')), read by the extractor itself; None when it is no unit."""
    if not phrase:
        return None
    for text in tables.phrase_candidates(phrase):
        view = TextView(text)
        figs = _sentence_figures(view, 0, len(view.clean), lex, "", lambda: "s", currency)
        if len(figs) != 1:
            continue
        f = figs[0]
        if f.start == 0 and f.end == len(text) or text.startswith("1 ") and f.text == "1" and f.entity:
            return (f.value, f.unit)
    return None


def _tidy(value: float) -> float:
    """Undo float noise from scaling (16.98 * 1e12 = 16980000000000.002)."""
    return float(f"{value:.12g}")
