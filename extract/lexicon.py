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
                       "lead_articles", "qualifiers_before", "from_words",
                       "between_words", "ordinal_before", "numbering_before", "date_before",
                       "year_before", "never_alone", "period_before", "not_numbers",
                       "quarter_words", "count_before", "fraction_words", "lone_fractions")

# numeral token kinds, in the order a word is looked up
NUMERAL_TABLES = (("digits", "digit"), ("additive_tens", "tens"), ("multipliers", "mult"),
                  ("teen_prefix", "teen"), ("scales", "scale"), ("zero_fillers", "filler"),
                  ("decimal_words", "point"), ("half_after", "half"), ("after_tens_only", "after_tens"),
                  ("lead_articles", "article"), ("fraction_words", "fraction"))

# Unicode vulgar fractions: '½ tbsp', '2½ miles' (numbers.digit_value reads them)
VULGAR_FRACTIONS = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒"

# a digit string with thousands groups or a decimal part; '.77' on its own after a space; a whole
# number with a vulgar fraction
def digit_pattern(space_group_guard: str = "") -> str:
    """A digit string: '½', '61.000', '1,234.5', '816 000', '.5'. A space groups three digits
    only where ``space_group_guard`` (a look-ahead after them) lets it: '34 737 MAX' is 34."""
    return (r"(?:\d*[" + VULGAR_FRACTIONS + r"](?!\d)|\d+(?:(?:[.,]|[ \u00A0\u202F\u2009](?=\d{3}(?!\d)"
            + space_group_guard + r"))\d+)*|(?<![\p{L}\p{N}.,])\.\d+)")



_LATIN_EDGE = regex.compile(r"[\p{Latin}\p{N}]")
_WORD_CHAR = regex.compile(r"[\p{L}\p{M}\p{N}]")
# what a Latin-script word may not run on into: a Han character after one is a boundary
# (600GW之间, 年产2GWh的), a Latin letter or a digit is not (m in 'million')
_LATIN_WORD_CHAR = regex.compile(r"[\p{Latin}\p{M}\p{N}]")
_LATIN_WORD_END = r"(?![\p{Latin}\p{M}\p{N}])"

# gap pattern -> (characters it may hold, how many at least, at most, an optional hyphen by the word)
_MANY = 10 ** 9
_GAPS = {"": ("", 0, 0, False), "-": ("-", 1, 1, False), r"[ \t]*": (" \t", 0, _MANY, False),
         r"[ \t]?": (" \t", 0, 1, False), r"[ \t]+": (" \t", 1, _MANY, False),
         r"[ \t,]*": (" \t,", 0, _MANY, False), r"[ \t]*-?": (" \t", 0, _MANY, True)}


def _is_latin_edge(ch: str) -> bool:
    return _LATIN_EDGE.match(ch) is not None


def _word_char(ch: str) -> bool:
    return _WORD_CHAR.match(ch) is not None


def _latin_word_char(ch: str) -> bool:
    return _LATIN_WORD_CHAR.match(ch) is not None


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
            p = p + _LATIN_WORD_END
        parts.append(p)
    return "(?:" + "|".join(parts) + ")" if parts else r"(?!x)x"


def _token_regex(digits: str, not_numbers: list, words) -> regex.Pattern:
    """Digit strings and number words. The words go in as a trie (about twice as fast as the
    regex module's named lists, three times an alternation); Latin-script words keep their word
    boundaries. A Latin word of several words ('thirty fifths') is matched as written, one space
    between, so the longest match beats its first word."""
    latin = [w for w in words if _is_latin_edge(w[0]) and _is_latin_edge(w[-1]) and "  " not in w]
    latin_set = set(latin)  # (built once: a set inside the comprehension is rebuilt per word)
    other = [w for w in words if w not in latin_set]
    # words that look like numbers but are not (tỷ lệ, một số): matched first, then skipped
    skip_latin = [w for w in not_numbers if _is_latin_edge(w[0]) and _is_latin_edge(w[-1])]
    skip_other = [w for w in not_numbers if w not in skip_latin]
    skip_parts = ([r"(?<![\p{L}\p{M}\p{N}])%s(?![\p{L}\p{M}\p{N}])" % trie(skip_latin)] if skip_latin else []) \
        + ([alternation(skip_other)] if skip_other else [])
    skip = r"(?P<x>%s)|" % "|".join(skip_parts) if skip_parts else ""
    parts = []
    if latin:
        parts.append(r"(?<![\p{L}\p{M}\p{N}])%s(?![\p{L}\p{M}\p{N}])" % trie(latin))
    if other:
        parts.append(alternation(other))
    # (No guard of possible start characters in front: the regex module scans faster without
    # one, three times on Vietnamese, as every alternative already opens on a character class.)
    words = r"%s(?P<w>%s)" % (skip, "|".join(parts) or r"(?!x)x")
    return regex.compile(r"(?:(?P<d>%s)|%s)" % (digits, words)), \
        (regex.compile(r"(?P<d>%s)" % digits), regex.compile(r"(?:%s)" % words))


def trie(words) -> str:
    """One pattern for a set of literal words, sharing their prefixes: the engine tries one
    branch per character instead of every word. Greedy optional tails keep longest-first.

    >>> trie(["ten", "tens", "two"])
    '(?:t(?:en(?:s)?|wo))'
    """
    root: dict = {}
    for w in set(words):
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node) -> str:
        branches = [regex.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:%s)?" % body if "" in node else body

    return "(?:%s)" % emit(root) if root else r"(?!x)x"


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
            if isinstance(value, (dict, tuple)) and f.name not in ("negative_signs", "era_years"):
                changes[f.name] = _expand(value, converters, data.spaced and f.name in _CAPITALISED_TABLES)
        self.data = dataclasses.replace(data, **changes)
        self.code = data.code
        self.char_gap = "" if data.spaced else r"[ \t]*"
        self.numeral_words: dict[str, tuple[str, object]] = {}
        for table, kind in NUMERAL_TABLES:
            for w, v in (getattr(self.data, table).items() if isinstance(getattr(self.data, table), dict)
                         else ((w, None) for w in getattr(self.data, table))):
                self.numeral_words.setdefault(w, (kind, v))
        # '34 737 MAX jets': the space does not group 34 and 737 before a model word
        digits = digit_pattern(r"(?![ \u00A0](?:%s)(?!\w))" % "|".join(map(regex.escape, data.model_words_after))
                               if data.model_words_after else "")
        if data.leading_decimal:  # ',77': the decimal mark opens the number
            digits = r"(?:(?<![\p{L}\p{N}.,])%s(?=\d))?%s" % (regex.escape(data.decimal_mark), digits)
        # '1.3e6', '12.32e+14': a power of ten written after the digits
        power = r"e[+-]?\d{1,3}(?![\p{L}\p{N}])"
        if data.powers:  # '1.1^23', '2.5^-1', '3×10^8', '2.48×10−5', '5.5x10-3', '8x2^10'
            power += r"|\^[-+−]{0,2}\d{1,3}(?!\d)|[×x](?:\d{1,3}\^[-+−]{0,2}\d{1,3}|10[-−]\d{1,3})(?!\d)"
        digits = r"(?:%s)(?:(?<=\d)(?:%s))?" % (digits, power)
        if data.slash_fractions:  # '3/4': numerator and denominator up to three digits
            digits = r"(?:(?<![\d/.,])\d{1,3}/\d{1,3}(?![\d/])|%s)" % digits
        not_numbers = list(self.data.not_numbers)
        digits = "(?a:%s)" % digits  # ASCII \d: the clean view folds full-width digits; int() refuses some \d
        self.token_rx, split = _token_regex(digits, not_numbers, self.numeral_words)
        # Spaced scripts: digits and words scanned apart, then merged (a digit string and a word
        # never overlap), 40 % faster than the one pattern; unspaced Chinese gains nothing from it.
        self.token_scans = split if data.spaced else (self.token_rx,)
        self._before: dict[str, regex.Pattern] = {}
        self._after: dict[str, regex.Pattern] = {}
        self._indexes: dict[str, tuple] = {}
        self._finders: dict[tuple, object] = {}
        self.abbrev_rx = regex.compile(r"(?:^|(?<=\s))%s\Z" % alternation(self.data.abbreviations)) \
            if self.data.abbreviations else None

    # --- generic look-ups -------------------------------------------------
    def table(self, name: str):
        return getattr(self.data, name)

    # Look-ups run a dozen times per figure, so they try dictionary look-ups of the text's
    # own slices first; the compiled regexes remain for the rare irregular spacing
    # ('more  than', '百 分 之') and for gaps the fast path does not know.
    def _index(self, name: str):
        """(entries with their Latin-edge flags, the longest length, the lengths worth trying
        by an entry's first two characters, the same by its last two, the one-character entries):
        a look-up slices the text only at lengths that some entry starting (ending) there has."""
        idx = self._indexes.get(name)
        if idx is None:
            entries = {w: (_is_latin_edge(w[0]), _is_latin_edge(w[-1])) for w in self.table(name) if w}
            by_head: dict[str, set] = {}
            by_tail: dict[str, set] = {}
            for w in entries:
                if len(w) > 1:
                    by_head.setdefault(w[:2], set()).add(len(w))
                    by_tail.setdefault(w[-2:], set()).add(len(w))
            idx = (entries, max((len(w) for w in entries), default=0),
                   {c: sorted(v, reverse=True) for c, v in by_head.items()},
                   {c: sorted(v, reverse=True) for c, v in by_tail.items()},
                   frozenset(w for w in entries if len(w) == 1))
            self._indexes[name] = idx
        return idx

    def word_before(self, name: str, text: str, pos: int, gap: str = r"[ \t]*"):
        """The longest entry of table ``name`` that ends at ``pos`` (allowing ``gap``): (word, start)."""
        find = self._finders.get((name, gap, False))
        if find is None:
            find = self._finders[(name, gap, False)] = self._finder(name, gap, False)
        return find(text, pos)

    def word_after(self, name: str, text: str, pos: int, gap: str = r"[ \t]*"):
        """The longest entry of table ``name`` that starts at ``pos`` (after ``gap``): (word, end)."""
        find = self._finders.get((name, gap, True))
        if find is None:
            find = self._finders[(name, gap, True)] = self._finder(name, gap, True)
        return find(text, pos)

    def _finder(self, name: str, gap: str, forward: bool):
        """One table's look-up in one direction with one gap, as a function of (text, pos).
        Built once: a look-up runs a dozen times per figure, so everything it can know in
        advance (the table's index, the gap's characters) is bound here, not found per call."""
        entries, longest, by_head, by_tail, singles = self._index(name)
        if not longest:
            return lambda text, pos: None  # an empty table (this language has no such words)
        spec = _GAPS.get(gap)
        if spec is None:  # a gap the fast path does not know
            return (lambda text, pos: self._rx_after(name, text, pos, gap)) if forward \
                else (lambda text, pos: self._rx_before(name, text, pos, gap))
        chars, least, most, hyphen = spec
        odd = "  " if self.data.spaced else " "  # spacing that only the regex reads (百 分 之)
        reach = longest + 3
        rx_after, rx_before = self._rx_after, self._rx_before

        def after(text, pos):
            if text.find(odd, pos, pos + reach) >= 0:
                return rx_after(name, text, pos, gap)
            s, n, size = pos, 0, len(text)
            while n < most and s < size and text[s] in chars:
                s += 1
                n += 1
            if hyphen and s < size and text[s] == "-":
                s += 1
            if n < least or s >= size:
                return None
            for length in by_head.get(text[s:s + 2], ()):
                if s + length > size:
                    continue
                w = text[s:s + length]
                flags = entries.get(w)
                if flags is None:
                    continue
                e = s + length
                if flags[1] and e < size and _latin_word_char(text[e]):
                    continue
                return w, e
            w = text[s]
            if w in singles:
                e = s + 1
                if not (entries[w][1] and e < size and _latin_word_char(text[e])):
                    return w, e
            return None

        def before(text, pos):
            if text.find(odd, max(0, pos - reach), pos) >= 0:
                return rx_before(name, text, pos, gap)
            e, n = pos, 0
            if hyphen and e > 0 and text[e - 1] == "-":
                e -= 1
            while n < most and e > 0 and text[e - 1] in chars:
                e -= 1
                n += 1
            # (what follows the word is the gap or the number itself: no boundary to check there)
            if n < least or e == 0:
                return None
            for length in by_tail.get(text[e - 2:e], ()) if e > 1 else ():
                if length > e:
                    continue
                w = text[e - length:e]
                flags = entries.get(w)
                if flags is None:
                    continue
                s = e - length
                if flags[0] and s > 0 and _word_char(text[s - 1]):
                    continue
                return w, s
            w = text[e - 1]
            if w in singles:
                s = e - 1
                if not (entries[w][0] and s > 0 and _word_char(text[s - 1])):
                    return w, s
            return None

        return after if forward else before

    def _rx_before(self, name: str, text: str, pos: int, gap: str):
        rx = self._before.get(name + gap)
        if rx is None:
            rx = regex.compile(r"(?r)(?P<w>%s)%s\Z" % (alternation(self.table(name), char_gap=self.char_gap), gap))
            self._before[name + gap] = rx
        m = rx.search(text, max(0, pos - 40), pos)
        return (self.entry(name, m.group("w")), m.start()) if m else None

    def _rx_after(self, name: str, text: str, pos: int, gap: str):
        rx = self._after.get(name + gap)
        if rx is None:
            # no boundary before: what follows a number may stand against it (128.94GW, 21st)
            rx = regex.compile(r"%s(?P<w>%s)" % (gap, alternation(self.table(name), start_boundary=False,
                                                                  char_gap=self.char_gap)))
            self._after[name + gap] = rx
        m = rx.match(text, pos)
        return (self.entry(name, m.group("w")), m.end()) if m else None

    def compiled(self, key: str, build) -> regex.Pattern:
        """A pattern built from this lexicon once (``build(self)`` returns its source)."""
        rx = self._after.get("compiled:" + key)
        if rx is None:
            rx = regex.compile(build(self))
            self._after["compiled:" + key] = rx
        return rx

    def longest_first(self, name: str) -> list[str]:
        """A table's words, longest first (sorted once, not at every call)."""
        key = "longest:" + name
        if key not in self._indexes:
            self._indexes[key] = sorted(self.table(name), key=len, reverse=True)
        return self._indexes[key]

    def endings(self, name: str, s: str) -> list[str]:
        """The entries of table ``name`` that ``s`` ends with, longest first: one slice and
        one set look-up per entry length, not an ``endswith`` per entry."""
        key = "lengths:" + name
        lengths = self._indexes.get(key)
        if lengths is None:
            lengths = self._indexes[key] = sorted({len(w) for w in self.table(name) if w}, reverse=True)
        words = self.word_set(name)
        return [s[-n:] for n in lengths if n <= len(s) and s[-n:] in words]

    def word_set(self, name: str) -> frozenset:
        """A table's words as a set (built once, not at every call)."""
        key = "set:" + name
        if key not in self._indexes:
            self._indexes[key] = frozenset(self.table(name))
        return self._indexes[key]

    def mentions_any(self, name: str, text: str, start: int, end: int) -> bool:
        """Does any entry of table ``name`` stand as a word in text[start:end]?"""
        rx = self.compiled("any:" + name, lambda lx: r"(?<![\p{L}\p{M}])%s(?![\p{L}\p{M}])" % alternation(lx.table(name))
                           if lx.data.spaced else alternation(lx.table(name), start_boundary=False))
        return rx.search(text, start, end) is not None

    def entry(self, name: str, surface: str) -> str:
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
