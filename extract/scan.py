"""Find the numerals of one sentence: digit strings and runs of number words,
each a ``Mention`` that the later stages grow (unit, qualifier, entity) or drop."""
from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import Compiled
from .numbers import Numeral, read_run, runs, tokens_in


@dataclass
class Mention:
    num: Numeral
    start: int                 # clean offsets of the figure's text (number, scale, unit)
    end: int
    value: float
    unit: str = ""
    kind: str = "count"
    approx: str = "exact"
    outer_start: int = 0       # including a qualifier or currency before it
    outer_end: int = 0         # including a qualifier after it
    entity: str = ""
    series: str = ""
    role: str = ""
    period: str = ""
    classifier: str = ""       # a measure word after it (家, 辆): makes a bare number a count
    has_scale: bool = False
    unit_written: bool = False  # the unit stands in the text (not shared from a series partner)
    notes: list = field(default_factory=list)
    drop: str = ""             # why this is not a figure ('' = keep)


def numerals(text: str, start: int, end: int, lex: Compiled) -> list[Mention]:
    out = []
    toks = tokens_in(text, lex, start, end)
    for run in runs(toks, text, lex):
        nums = read_run(run, lex)
        broken = any(n.broken for n in nums)
        for n in nums:
            m = Mention(num=n, start=n.start, end=n.end, value=n.value, outer_start=n.start,
                        outer_end=n.end, has_scale=n.scale > 1)
            if broken:
                m.drop = "name (numerals that do not form one number)"
            out.append(m)
    return out
