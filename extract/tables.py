"""Read tables: pipe tables (Markdown, and what an HTML <table> becomes) and tables of columns
aligned with spaces or tabs (press releases, statistics bulletins).

A number in a table cell says little by itself: ``214`` under ``H1 2025`` in the row
``Revenue (£m)`` is £214 million of revenue in the first half of 2025. So a cell's number takes
- its unit and scale from the cell itself (``11.6%``, ``612.4万吨``), else from its column's header
  (``金额（万元）``, ``y/y %``), else from its row (a unit column ``tỷ đồng``, or the label's
  ``(£m)``), else from a unit note by the table (``(in millions of U.S. dollars)``, ``单位：万元``);
- its entity from the row label (or from the column header when the rows are periods);
- its period from the column header (or from the row label when that is a period).
Header cells, row labels and row numbers are never figures. Nothing here names a language: the
words of a unit note come from the lexicon (``table_unit_notes``) and units are read by the
extractor itself, on a phrase such as ``1 tỷ đồng``.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from .lexicon import Compiled, alternation
from .resolve import any_quarter, glued_part

_PIPE_ROW = regex.compile(r"^[ \t]*\|.*\|[ \t]*$", regex.M)
_SEPARATOR = regex.compile(r"^[\s|:\-–—=+]*$")
_ALIGNED_GAP = regex.compile(r"\t+|[ ]{2,}")
# a cell that is only a number: a sign, accounting brackets, a per cent sign or points after it
NUMERIC_CELL = regex.compile(r"^[+\-−–]?\(?[+\-−–]?\d[\d.,  ]*\)?[ \t]*(?:%|pts?|ppts?)?$")
_POINTS = regex.compile(r"(?:pts?|ppts?)$")
_BRACKETED = regex.compile(r"^[+]?\((\d[\d.,]*)\)[ \t]*%?$")
_TRAILING_PARENS = regex.compile(r"[(（]([^()（）]{1,40})[)）][ \t]*[:：]?[ \t]*$")
_YEAR_CELL = regex.compile(r"^(?:19|20)\d\d$")
_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_MONTH_SLASH_YEAR = regex.compile(r"(?<![\d\-–])(\d{1,2})/(?:19|20)\d\d(?!\d)")


@dataclass(slots=True)
class Cell:
    start: int  # offsets in the clean text
    end: int
    text: str


@dataclass(slots=True)
class Row:
    start: int  # the row's line
    end: int
    cells: list


@dataclass(slots=True)
class Table:
    start: int
    end: int
    rows: list     # every row, header rows included
    aligned: bool  # columns aligned with spaces (else cells between bars)
    note: str = ""  # a unit note written by the table ('' for none)


def find_tables(text: str, lex: Compiled) -> list[Table]:
    """The tables of a clean text, in order."""
    tables = []
    for lines in _candidate_runs(text):
        i = 0
        while i < len(lines):
            found = _pipe_table(text, lines, i) or _aligned_table(text, lines, i)
            if found:
                table, i = found
                table.note = _unit_note(text, table, lex)
                tables.append(table)
            else:
                i += 1
    return tables


_HINT = regex.compile(r"[|\t]| {2}|[-–—=]{3}")  # what a line of a table has and most prose lines have not


def _candidate_runs(text: str):
    """Runs of three consecutive lines or more that hold a bar, a tab, two spaces or a rule: only
    these can be tables, so a document of prose costs one scan and no list of its lines."""
    run, pos = [], 0
    while True:
        hit = _HINT.search(text, pos)
        if not hit:
            break
        a = text.rfind("\n", 0, hit.start()) + 1
        b = text.find("\n", hit.start())
        b = len(text) if b < 0 else b
        if run and a != run[-1][1] + 1:
            if len(run) >= 3:
                yield run
            run = []
        run.append((a, b))
        pos = b + 1
    if len(run) >= 3:
        yield run


# --- finding tables ---------------------------------------------------------

def _pipe_table(text: str, lines, i: int):
    """A run of lines '| a | b |' with numbers in at least two rows."""
    j = i
    while j < len(lines) and _PIPE_ROW.match(text, *lines[j]):
        j += 1
    if j - i < 3:
        return None
    rows = [Row(a, b, _pipe_cells(text, a, b)) for a, b in lines[i:j]]
    return _table(rows, j, aligned=False)


def _pipe_cells(text: str, a: int, b: int) -> list[Cell]:
    cells, bars = [], [k for k in range(a, b) if text[k] == "|"]
    for left, right in zip(bars, bars[1:]):
        cells.append(_trimmed(text, left + 1, right))
    return cells


def _aligned_table(text: str, lines, i: int):
    """A run of lines whose cells stand apart by tabs or two spaces or more, three cells or more
    a line, with numbers in at least two rows (separator lines of dashes may come between)."""
    j, rows = i, []
    while j < len(lines):
        a, b = lines[j]
        line = text[a:b]
        if line.strip() and _SEPARATOR.match(line) and rows:
            rows.append(Row(a, b, []))
        else:
            cells = _aligned_cells(text, a, b)
            if len(cells) < 3:
                break
            rows.append(Row(a, b, cells))
        j += 1
    while rows and not rows[-1].cells:  # (a closing rule line belongs to the table, but ends it)
        rows.pop()
    if len([r for r in rows if r.cells]) < 3:
        return None
    return _table(rows, i + len(rows) + _closing_rules(text, lines, i + len(rows)), aligned=True)


def _closing_rules(text: str, lines, k: int) -> int:
    n = 0
    while k + n < len(lines) and text[slice(*lines[k + n])].strip() and _SEPARATOR.match(text, *lines[k + n]):
        n += 1
    return n


def _aligned_cells(text: str, a: int, b: int) -> list[Cell]:
    cells, pos = [], a
    while pos < b and text[pos] in " \t":
        pos += 1
    for gap in _ALIGNED_GAP.finditer(text, pos, b):
        if gap.start() > pos:
            cells.append(_trimmed(text, pos, gap.start()))
        pos = gap.end()
    if pos < b and text[pos:b].strip():
        cells.append(_trimmed(text, pos, b))
    return cells


def _trimmed(text: str, a: int, b: int) -> Cell:
    while a < b and text[a] in " \t":
        a += 1
    while b > a and text[b - 1] in " \t":
        b -= 1
    return Cell(a, b, text[a:b])


def _table(rows: list[Row], next_line: int, aligned: bool):
    with_numbers = [r for r in rows if sum(1 for c in r.cells[1:] if NUMERIC_CELL.match(c.text)) >= 1]
    if len(with_numbers) < 2:
        return None
    return Table(rows[0].start, rows[-1].end, rows, aligned), next_line


# --- what the header and the rows say ------------------------------------------

def label_index(row: Row) -> int | None:
    """The row's label: its first cell with words (cells of numbers before it number the rows)."""
    return next((k for k, c in enumerate(row.cells) if c.text and not NUMERIC_CELL.match(c.text)), None)


def phrase_candidates(phrase: str) -> list[str]:
    """Ways to write one of a unit phrase, for the extractor to read: '1 tỷ đồng', '1万元',
    '£1m' (for '£m'), '新台幣1億元' (for '新台幣億元')."""
    p = phrase.strip()
    out = [f"1 {p}", f"1{p}", f"{p}1", f"{p} 1"]
    out += [p[:k] + "1" + p[k:] for k in range(1, min(len(p), 12))]
    out += [p[:k] + "1 " + p[k:].lstrip() for k in range(1, min(len(p), 12)) if p[k - 1] != " "]
    return out


def is_header(row: Row) -> bool:
    """A row of headers: text cells and no number cells (years aside: '2025   2024   Change')."""
    return bool(row.cells) and not all(_SEPARATOR.match(c.text) for c in row.cells) \
        and not any(NUMERIC_CELL.match(c.text) and not _YEAR_CELL.match(c.text) for c in row.cells)


def column_header(header: Row | None, row: Row, cell: Cell, index: int, aligned: bool) -> str:
    """The header text over a cell: by position in a pipe table, by horizontal overlap in an
    aligned one (whose rows may leave a column empty)."""
    if header is None or not header.cells:
        return ""
    if not aligned:
        return header.cells[index].text if index < len(header.cells) else ""
    col = (cell.start - row.start, cell.end - row.start)
    spans = [(h, h.start - header.start, h.end - header.start) for h in header.cells]
    overlaps = [(min(e, col[1]) - max(s, col[0]), h) for h, s, e in spans]
    best = max(overlaps, key=lambda o: o[0])
    if best[0] > 0:
        return best[1].text
    # (numbers set right end under their header's end, text set left starts under its start)
    return min(spans, key=lambda x: min(abs(x[2] - col[1]), abs(x[1] - col[0])))[0].text


def unit_phrase(label: str) -> str:
    """The unit a header or a row label writes in brackets: 'Revenue (£m)' -> '£m'."""
    m = _TRAILING_PARENS.search(label)
    if m:
        return m.group(1).strip()
    if label.rstrip().endswith("%"):
        return "%"
    return ""


def without_unit(label: str) -> str:
    return _TRAILING_PARENS.sub("", label).strip(" \t:：")


def period_of(label: str, lex: Compiled) -> str:
    """The period a header or a row label names: a year, with the quarter or month written with it
    (read as the sentences read them: 'Q3 2025', 'tháng 9/2026', '2025年9月'), a month as digits
    ('10/2026'), or any quarter the label names."""
    m = _YEAR.search(label)
    if not m:
        return ""
    month = _MONTH_SLASH_YEAR.search(label)
    part = glued_part(label, 0, len(label), m.start(), lex) \
        or (f"-{int(month.group(1)):02d}" if month and 1 <= int(month.group(1)) <= 12 else "") \
        or any_quarter(label, 0, len(label), lex)
    return m.group(1) + part


def is_period_label(label: str) -> bool:
    """A row label that is a time (2025年5月, Q3 2025, Tháng 10/2026), not a thing."""
    return bool(_YEAR.search(label)) and len(label) <= 16


def _unit_note(text: str, table: Table, lex: Compiled) -> str:
    """'(in millions of U.S. dollars)', '单位：万元', 'ĐVT: tỷ đồng' in the lines around the table,
    as a unit phrase ('million U.S. dollars'): the note's marker may carry a scale word."""
    notes = lex.data.table_unit_notes
    if not notes:
        return ""
    rx = lex.compiled("table unit note", lambda lx: r"(?P<m>%s)[ \t]*(?P<p>[^,，;；)）(（\n]+)" % alternation(
        lx.table("table_unit_notes")))
    for a, b in _lines_around(text, table.start, table.end):
        m = rx.search(text, a, b)
        if m:
            scale = notes[lex.entry("table_unit_notes", m.group("m"))]
            return (scale + " " + m.group("p").strip()).strip()
    return ""


def _lines_around(text: str, start: int, end: int, before: int = 3, after: int = 2):
    """The spans of the lines just before ``start`` (nearest first), then just after ``end``."""
    a = start
    for _ in range(before):
        if a == 0:
            break
        s = text.rfind("\n", 0, a - 1) + 1
        yield s, a - 1
        a = s
    b = end
    for _ in range(after):
        if b >= len(text):
            break
        e = text.find("\n", b + 1)
        e = len(text) if e < 0 else e
        yield b + 1, e
        b = e


def cell_is_bracketed_negative(cell: str) -> bool:
    return bool(_BRACKETED.match(cell))


def cell_has_points(cell: str) -> bool:
    return bool(_POINTS.search(cell.strip()))
