"""Find the numerals of one sentence: digit strings and runs of number words,
each a ``Mention`` that the later stages grow (unit, qualifier, entity) or drop."""
from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import Compiled
from .numbers import Numeral, Token, numeral_of, read_run, runs, tokens_in


@dataclass(slots=True)  # (slots: read and written dozens of times per figure)
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
    unit_before: str = ""      # the currency or unit word written before the number ($, 人民币, 摄氏)
    unit_word: str = ""        # the unit word written after the number, as the lexicon has it (元, tấn)
    has_scale: bool = False
    unit_written: bool = False  # the unit stands in the text (not shared from a series partner)
    notes: list = field(default_factory=list)
    drop: str = ""             # why this is not a figure ('' = keep)


def numerals(text: str, start: int, end: int, lex: Compiled) -> list[Mention]:
    out = []
    toks = tokens_in(text, lex, start, end)
    for run in runs(toks, text, lex):
        nums = read_run(_with_implied_one(run, text, lex), lex)
        broken = any(n.broken for n in nums)
        for n in nums:
            n = _yield_to_unit(n, text, lex)
            m = Mention(num=n, start=n.start, end=n.end, value=n.value, outer_start=n.start,
                        outer_end=n.end, has_scale=n.scale > 1)
            if broken:
                m.drop = "name (numerals that do not form one number)"
            out.append(m)
    return out


def _with_implied_one(run: list[Token], text: str, lex: Compiled) -> list[Token]:
    """逾千个, 近万名, hơn trăm: a multiplier or scale alone right after a qualifier counts one of
    itself. Only when the run is nothing else (超百分之五十 is 50 percent, not 150)."""
    first = run[0]
    if first.text not in lex.data.qualified_leading_words or any(t.kind not in ("mult", "scale") for t in run):
        return run
    gap = r"[ \t]*" if lex.data.spaced else ""
    if not lex.word_before("qualifiers_before", text, first.start, gap) \
            or lex.word_after("percent_prefixes", text, first.start, "") \
            or lex.word_after("fraction_infixes", text, run[-1].end, gap):
        return run
    return [Token("digit", 1, first.start, first.start, "")] + run


def _yield_to_unit(n: Numeral, text: str, lex: Compiled) -> Numeral:
    """300兆瓦 is 300 megawatts, not 300 trillion watts: a unit that begins with the
    numeral's last scale or multiplier word takes that word back."""
    while len(n.tokens) > 1 and n.tokens[-1].kind in ("scale", "mult"):
        last = n.tokens[-1]
        unit = lex.word_after("units", text, last.start, "")
        if not unit or unit[1] - last.start <= len(last.text):
            break
        n = numeral_of(n.tokens[:-1], lex)
    return n
