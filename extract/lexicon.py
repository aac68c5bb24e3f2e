"""Load a language's lexicon once and compile what the engine matches with.

The engine asks generic questions ("which qualifier ends here?", "which unit
starts here?"); this module answers them from the lexicon's tables with
longest-match regexes, so no stage ever names a language.
"""
from __future__ import annotations

import dataclasses
import importlib
from functools import lru_cache

import regex

from .lang.base import Lexicon

LANGUAGES = ("vi", "zh", "en")

# Tables of words (not units: 'M' and 'm' differ) that may start a sentence with a capital.
_CAPITALISED_TABLES = ("digits", "additive_tens", "multipliers", "teen_prefix", "scales",
                       "lead_articles", "standalone_numbers", "qualifiers_before", "from_words",
                       "between_words", "ordinal_before", "numbering_before", "date_before",
                       "year_before", "never_alone", "period_before", "not_numbers",
                       "quarter_words", "count_before")

# numeral token kinds, in the order a word is looked up
NUMERAL_TABLES = (("digits", "digit"), ("additive_tens", "tens"), ("multipliers", "mult"),
                  ("teen_prefix", "teen"), ("scales", "scale"), ("zero_fillers", "filler"),
                  ("decimal_words", "point"), ("half_after", "half"), ("after_tens_only", "after_tens"),
                  ("lead_articles", "article"), ("fraction_words", "fraction"))

# a digit string with thousands groups or a decimal part; '.77' on its own after a space
DIGITS = r"(?:\d+(?:(?:[.,]|[ \u00A0\u202F\u2009](?=\d{3}(?!\d)))\d+)*|(?<![\p{L}\p{N}.,])\.\d+)"


def _is_latin_edge(ch: str) -> bool:
    return bool(regex.match(r"[\p{Latin}\p{N}]", ch))


def alternation(words, start_boundary: bool = True, char_gap: str = "") -> str:
    """Longest-first alternation; Latin-script words get word boundaries; with ``char_gap``,
    unspaced words (百分之, 个百分点) also match when a source spaces their characters."""
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        if not w:
            continue
        if char_gap and len(w) > 1 and not any(_is_latin_edge(c) or c.isspace() for c in w):
            p = char_gap.join(regex.escape(c) for c in w)
        else:
            p = regex.escape(w).replace(r"\ ", r"\s+")
        if start_boundary and _is_latin_edge(w[0]):
            p = r"(?<![\p{L}\p{M}\p{N}])" + p
        if _is_latin_edge(w[-1]):
            p = p + r"(?![\p{L}\p{M}\p{N}])"
        parts.append(p)
    return "(?:" + "|".join(parts) + ")" if parts else r"(?!x)x"


def _variants(word: str, converters) -> set:
    out = {word}
    for cc in converters:
        out.add(cc.convert(word))
    return out


def _expand(table, converters, capitalise):
    """Add script variants (Traditional Chinese) and sentence-initial capitals."""
    def forms(w):
        fs = _variants(w, converters) if converters else {w}
        if capitalise:
            fs |= {f[:1].upper() + f[1:] for f in fs if f[:1].islower()}
        return fs
    if isinstance(table, dict):
        out = {}
        for k, v in table.items():
            for f in forms(k):
                out.setdefault(f, v)
        return out
    if isinstance(table, tuple):
        seen = []
        for k in table:
            for f in sorted(forms(k)):
                if f not in seen:
                    seen.append(f)
        return tuple(seen)
    return table


class Compiled:
    """A lexicon with its tables expanded and its regexes compiled."""

    def __init__(self, data: Lexicon, converters=()):
        changes = {}
        for f in dataclasses.fields(data):
            value = getattr(data, f.name)
            if isinstance(value, (dict, tuple)) and f.name not in ("negative_signs",):
                changes[f.name] = _expand(value, converters, data.spaced and f.name in _CAPITALISED_TABLES)
        self.data = dataclasses.replace(data, **changes)
        self.code = data.code
        self.char_gap = "" if data.spaced else r"[ \t]*"
        self.numeral_words: dict[str, tuple[str, object]] = {}
        for table, kind in NUMERAL_TABLES:
            for w, v in (getattr(self.data, table).items() if isinstance(getattr(self.data, table), dict)
                         else ((w, None) for w in getattr(self.data, table))):
                self.numeral_words.setdefault(w, (kind, v))
        digits = DIGITS
        if data.leading_decimal:  # ',77': the decimal mark opens the number
            digits = r"(?:(?<![\p{L}\p{N}.,])%s(?=\d))?%s" % (regex.escape(data.decimal_mark), DIGITS)
        # '1.3e6', '12.32e+14': a power of ten written after the digits
        digits = r"(?:%s)(?:(?<=\d)e[+-]?\d{1,3}(?![\p{L}\p{N}]))?" % digits
        if data.slash_fractions:  # '3/4': numerator and denominator up to three digits
            digits = r"(?:(?<![\d/.,])\d{1,3}/\d{1,3}(?![\d/])|%s)" % digits
        skip = r"(?P<x>%s)|" % alternation(self.data.not_numbers) if self.data.not_numbers else ""
        self.token_rx = regex.compile(r"(?P<d>%s)|%s(?P<w>%s)" % (digits, skip, alternation(self.numeral_words)))
        self._before: dict[str, regex.Pattern] = {}
        self._after: dict[str, regex.Pattern] = {}
        self.abbrev_rx = regex.compile(r"(?:^|(?<=\s))%s\Z" % alternation(self.data.abbreviations)) \
            if self.data.abbreviations else None

    # --- generic look-ups -------------------------------------------------
    def table(self, name: str):
        return getattr(self.data, name)

    def word_before(self, name: str, text: str, pos: int, gap: str = r"[ \t]*"):
        """The longest entry of table ``name`` that ends at ``pos`` (allowing ``gap``): (word, start)."""
        rx = self._before.get(name + gap)
        if rx is None:
            rx = regex.compile(r"(?r)(?P<w>%s)%s\Z" % (alternation(self.table(name), char_gap=self.char_gap), gap))
            self._before[name + gap] = rx
        m = rx.search(text, max(0, pos - 40), pos)
        return (self._entry(name, m.group("w")), m.start()) if m else None

    def word_after(self, name: str, text: str, pos: int, gap: str = r"[ \t]*"):
        """The longest entry of table ``name`` that starts at ``pos`` (after ``gap``): (word, end)."""
        rx = self._after.get(name + gap)
        if rx is None:
            # no boundary before: what follows a number may stand against it (128.94GW, 21st)
            rx = regex.compile(r"%s(?P<w>%s)" % (gap, alternation(self.table(name), start_boundary=False,
                                                                  char_gap=self.char_gap)))
            self._after[name + gap] = rx
        m = rx.match(text, pos)
        return (self._entry(name, m.group("w")), m.end()) if m else None

    def _entry(self, name: str, surface: str) -> str:
        """The table's own spelling of a matched surface ('个 百 分 点' -> '个百分点', 'more  than')."""
        table = self.table(name)
        if surface in table:
            return surface
        squeezed = " ".join(surface.split())
        if squeezed in table:
            return squeezed
        return "".join(surface.split())

    def glued_after(self, name: str, text: str, pos: int):
        """An entry of table ``name`` written right against what precedes it ('500k', '3bn')."""
        key = "glued:" + name
        rx = self._after.get(key)
        if rx is None:
            rx = regex.compile(r"(?P<w>%s)" % alternation(self.table(name), start_boundary=False))
            self._after[key] = rx
        m = rx.match(text, pos)
        return (m.group("w"), m.end()) if m else None

    def subunit_rx(self):
        """'… và 23 xen', '…5角': a number of the smaller coin after a money unit."""
        rx = self._after.get("subunits")
        if rx is None:
            joiners = alternation(self.data.and_words)
            rx = regex.compile(r"(?:[ \t]*%s)?[ \t]*(?P<n>\d+)[ \t]*(?P<u>%s)"
                               % (joiners, alternation(self.data.subunits)))
            self._after["subunits"] = rx
        return rx

    def ends_with_abbreviation(self, text: str, start: int, end: int) -> bool:
        return bool(self.abbrev_rx and self.abbrev_rx.search(text, max(start, end - 12), end))


@lru_cache(maxsize=None)
def load(code: str) -> Compiled:
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}: expected one of {', '.join(LANGUAGES)}")
    module = importlib.import_module(f".lang.{code}", __package__)
    converters = ()
    if getattr(module, "SCRIPT_VARIANTS", ()):
        import opencc
        converters = tuple(opencc.OpenCC(c) for c in module.SCRIPT_VARIANTS)
    return Compiled(module.LEXICON, converters)
