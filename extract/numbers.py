"""Read numerals: digit strings under a language's separator policy, and runs of
number words (sáu, hai mươi lăm, 一百二十万, 3万4000, twenty-five, 1.2 billion)
through one grammar driven by the lexicon's tables.

Separators are the language's policy; a hint beats a guess:

>>> from extract.lexicon import load
>>> vi, en, zh = load("vi"), load("en"), load("zh")
>>> digit_value("61.000", vi), digit_value("1.234,5", vi), digit_value("2,5", vi), digit_value("16.98", vi)
(61000.0, 1234.5, 2.5, 16.98)
>>> digit_value("61,000", en), digit_value("1,234.5", en), digit_value("1.234", en)
(61000.0, 1234.5, 1.234)
>>> digit_value("816 000", en), digit_value("1,100.9", zh)
(816000.0, 1100.9)
"""
from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field

from .lexicon import VULGAR_FRACTIONS, Compiled


def digit_value(s: str, lex: Compiled) -> float:
    """The value of a digit string such as ``61.000`` or ``1,234.5`` under ``lex``'s policy;
    NaN for what no policy reads (``0.0,0.0``) and for values beyond a float: not a figure."""
    try:
        return _digit_value(s, lex)
    except (ValueError, OverflowError, ZeroDivisionError):
        return float("nan")


def _digit_value(s: str, lex: Compiled) -> float:
    if s.isascii() and s.isdigit():  # most digit strings: no separator, no fraction, no power
        return float(s)
    s = s.replace("\u00A0", " ").replace("\u202F", " ").replace("\u2009", " ").replace(" ", "")
    if s[-1:] in VULGAR_FRACTIONS and s:  # '½', '2½'
        return (float(int(s[:-1])) if len(s) > 1 else 0.0) + unicodedata.numeric(s[-1])
    if "^" in s or "×" in s or "x" in s:  # '1.1^23', '2.48×10−5', '8x2^10' (powers)
        return _power_value(s, lex)
    if "/" in s:  # a fraction '3/4' (slash_fractions)
        num, den = s.split("/", 1)
        return int(num) / int(den) if int(den) else float("nan")
    if "e" in s:  # '1.3e6'
        mantissa, exp = s.split("e", 1)
        return _digit_value(mantissa, lex) * 10.0 ** int(exp)
    marks = [c for c in s if c in ".,"]
    if not marks:
        return float(int(s))
    if len(set(marks)) == 2:  # both marks: the last one is the decimal point
        dec = s[max(s.rfind("."), s.rfind(",")):][0]
        grp = "," if dec == "." else "."
        return float(s.replace(grp, "").replace(dec, "."))
    mark = marks[0]
    groups = s.split(mark)
    three = all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3
    if len(marks) > 1:  # the same mark twice can only group thousands
        return float("".join(groups)) if three else float("nan")
    if three and mark in lex.data.three_digit_group_marks:
        return float("".join(groups))
    return float(groups[0] + "." + groups[1])


def _power_value(s: str, lex: Compiled) -> float:
    factor, power = 1.0, s
    for times in "×x":
        if times in s:
            mantissa, power = s.split(times, 1)
            factor = _digit_value(mantissa, lex)
            break
    base, exp = power.split("^", 1) if "^" in power else ("10", power[2:])
    negative = (exp.count("-") + exp.count("−")) % 2 == 1  # '1.1^--23' = 1.1^23
    return factor * _digit_value(base, lex) ** ((-1 if negative else 1) * int(exp.lstrip("+-−")))



@dataclass(slots=True)  # (slots: created and read a dozen times per figure)
class Token:
    kind: str          # 'num' (digit string) or a numeral table kind (digit, mult, scale…)
    value: object
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Numeral:
    """A number read from one or more tokens: its value and what it was made of."""
    value: float
    start: int
    end: int
    tokens: list = field(default_factory=list)
    scale: float = 1.0           # the largest scale word applied (万, million) — 1 when none
    positional: bool = False     # read digit by digit (二〇二三): a year or a code, not an amount
    words_only: bool = True      # no digit string inside
    broken: bool = False         # followed by a numeral word the grammar could not join (十四五)

    @property
    def single_word(self) -> str | None:
        return self.tokens[0].text if len(self.tokens) == 1 and self.tokens[0].kind != "num" else None


def tokens_in(text: str, lex: Compiled, start: int, end: int) -> list[Token]:
    out = []
    words = lex.numeral_words
    for scan in lex.token_scans:
        for m in scan.finditer(text, start, end):
            which = m.lastgroup  # d (digits), x (a look-alike word) or w (a number word)
            if which == "x":
                continue  # a word that only looks like a number (tỷ lệ)
            s = m.group()
            a, b = m.span()
            if which == "d":
                out.append(Token("num", s, a, b, s))
            else:
                kind, value = words[s] if s in words else _lookup_spaced(s, lex)
                out.append(Token(kind, value, a, b, s))
    if len(lex.token_scans) > 1:
        out.sort(key=_start)
    return out


def _start(t: "Token") -> int:
    return t.start


def _lookup_spaced(word: str, lex: Compiled):
    """A multi-word entry matched with other white space than the lexicon's (more  than)."""
    return lex.numeral_words[" ".join(word.split())]


def runs(tokens: list[Token], text: str, lex: Compiled):
    """Group tokens that stand next to each other (only the language's word gap between)."""
    import regex
    gap = lex.compiled("word_gap", lambda lx: r"(?:%s)?\Z" % lx.data.word_gap) if lex.data.word_gap else None
    run: list[Token] = []
    for t in tokens:
        if run:
            between = text[run[-1].end:t.start]
            joined = between == "" or (gap is not None and gap.match(between) is not None)
            if not joined:
                yield run
                run = []
        run.append(t)
    if run:
        yield run


class _Reader:
    """One numeral's grammar: digits, multipliers inside a section, scales between sections."""

    def __init__(self, lex: Compiled):
        self.lex = lex
        self.total = 0.0
        self.section = 0.0
        self.digit = None        # pending digit value (word or digit string)
        self.prev = None         # kind of the previous token
        self.last_mult = None
        self.last_place = 1.0
        self.max_scale = 0.0
        self.fraction = 0.0
        self.elided = False
        self.decimals = ""       # digits read after a decimal word, as written ('nought four')
        self.whole = None        # 'three and two fifths': the whole part before the fraction
        self.whole_place = 1.0   # 'one million and a half': the fraction is of the whole's scale

    def value(self) -> float:
        digit = self.digit or 0
        if self.elided and self.digit is not None:
            digit *= self.last_place / 10
        return (self.whole or 0) + self.total + self.section + digit + self.fraction

    def take(self, t: Token, nxt: Token | None, ahead: list | None = None) -> bool:
        """Consume ``t`` if the grammar allows it here; False ends the numeral before ``t``.
        ``ahead``: the tokens after ``t`` in the run (``nxt`` is the first of them)."""
        k, v, lex = t.kind, t.value, self.lex
        ahead = ahead if ahead is not None else ([nxt] if nxt is not None else [])
        if self.prev in ("point", "pointtens"):
            return self._decimal_digits(t)
        if k == "article" and self.prev == "fraction" and self.digit is None and not self.total \
                and nxt is not None and nxt.kind == "scale":
            return True  # 'half a million': the article only joins the two
        if self.fraction and (k != "scale" or self.whole is not None):
            return False
        if k == "num":
            if "/" in t.text and self.prev == "num" and self.digit is not None and float(self.digit).is_integer() \
                    and self.total == 0 and self.section == 0 and "/" not in self.last_text:
                self.fraction = _num_value(t.text, lex)  # '2 1/4': a whole number and a fraction
                self.prev, self.last_text = k, t.text
                return True
            if self.digit is not None or self.prev in ("num",):
                return False
            self.last_text = t.text
            self.digit = _num_value(t.text, lex)
            if not math.isfinite(self.digit):
                return False  # '0.0,0.0', a 310-digit string: not a number we can stand behind
            self.fractional = not float(self.digit).is_integer()
        elif k in ("digit", "tens", "teen") and self.fractional and self.prev == "scale":
            return False  # '1.2 million three years ago': a decimal with its scale is complete
        elif k == "digit" and t.text in lex.data.zero_fillers and self.prev in ("mult", "scale") \
                and nxt is not None and nxt.kind in ("digit", "num", "tens", "mult", "teen"):
            k = "filler"  # 一千零一: 零 holds an empty place
        elif k == "digit":
            if self.digit is not None:
                if self.prev == "tens" and v < 10:
                    self.digit += v
                else:
                    return False
            elif self.prev in ("mult", "teen") and self.last_mult == 10 and t.text in lex.data.not_digit_after_tens:
                return False
            else:
                self.digit = v
                # 二百五 = 250, 两万五 = 25000: a last digit right after a place counts one place lower
                self.elided = self.prev in ("mult", "scale") and lex.data.elided_place and v < 10
        elif k == "tens":
            if self.digit is not None:
                return False
            self.digit = v
        elif k == "after_tens":
            if not (self.prev in ("mult", "teen") and self.last_mult == 10) or self.digit is not None:
                return False
            self.digit = v
        elif k == "article":
            if self.prev not in (None, "filler") or nxt is None or nxt.kind not in ("mult", "scale", "fraction"):
                return False
            if self.prev == "filler":
                self._start_fraction_part()
            self.digit = 1
        elif k == "teen":
            # 'một trăm mười hai' = 112: a teen word may follow a place above the tens
            after_hundreds = self.prev == "mult" and self.last_mult is not None and self.last_mult > 10
            if self.prev is not None and self.prev not in ("scale", "filler") and not after_hundreds:
                return False
            self.section += v
            self.last_mult = 10
        elif k == "mult":
            if self.digit is None:
                if t.text not in lex.data.leading_multipliers or (self.section and self.prev != "filler"):
                    return False
                self.digit = 1
            if self.last_mult is not None and v >= self.last_mult and self.prev != "scale":
                return False
            self.section += self.digit * v
            self.digit = None
            self.last_mult = v
            self.last_place = v
        elif k == "scale":
            part = self.section + (self.digit or 0) + self.fraction
            if part == 0 and self.total == 0:
                return False
            if self.prev == "scale" and part == 0:
                self.total *= v  # 万万 = 亿, 'thousand million', 'nghìn tỷ': a scale of a scale
                self.max_scale = max(self.max_scale, self.total)
            elif v > self.max_scale:
                self.total = (self.total + part) * v
                self.max_scale = v
            else:
                self.total += part * v
            self.section, self.digit, self.fraction = 0.0, None, 0.0
            self.last_mult = None
            self.last_place = v
        elif k == "filler":
            if self.prev is None or nxt is None:
                return False
            if _fraction_follows(ahead) and self.whole is None and self.prev not in ("fraction", "filler"):
                self.before_filler = self.prev  # 'one and a half', 'twenty and three fifths'
                self.prev = k
                if nxt.kind != "article":
                    self._start_fraction_part()
                return True
            if nxt.kind not in ("digit", "num", "tens", "teen", "mult"):
                return False
            if self.last_mult == 10 and self.prev == "mult":
                return False
            if self.max_scale and _scale_ahead(ahead) >= self.max_scale:
                return False  # 'between 90 billion and 120 billion': two numbers, not 210 billion
        elif k == "point":
            if self.prev is None or nxt is None or nxt.kind not in ("digit", "num", "tens"):
                return False
            digit = self.digit or 0
            self.section += digit * self.last_place / 10 if self.elided else digit  # 两千三点一
            self.digit, self.elided = None, False
        elif k == "half":
            if self.prev is None:
                if t.text not in lex.data.leading_halves or nxt is not None:
                    return False
                self.fraction = 0.5  # 半年, 半小时: a half on its own
                self.prev = k
                return True
            if self.prev in ("point", "filler", "article"):
                return False
            self.fraction += 0.5 * (self.last_place if self.prev in ("mult", "scale") else 1)
        elif k == "fraction":
            if self.prev is None and nxt is None and t.text in lex.data.lone_fractions:
                self.fraction = 1 / v  # 'half of the output', 一半: a share with no numerator written
                self.prev = k
                return True
            if self.prev is None:
                # 'half a million', 'quarter million': a leading fraction of a scale
                if not (nxt is not None and (nxt.kind == "scale" or (nxt.kind == "article" and len(ahead) > 1
                                                                     and ahead[1].kind == "scale"))):
                    return False
                self.fraction = 1 / v
                self.prev = k
                return True
            if self.prev in ("point", "num", "fraction", "filler") or self.decimals \
                    or (self.prev == "scale" and v < 1000):
                return False  # '1988 quarter' is a period, not 1988/4; 'a hundred thousand trillionths' = 1e-7
            numerator = self.total + self.section + (self.digit or 0) + self.fraction
            self.total, self.section, self.digit, self.fraction = 0.0, 0.0, None, numerator / v * self.whole_place
        else:
            return False
        self.prev = k
        return True

    before_filler = None
    last_text = ""
    fractional = False  # a digit string with decimals was read ('1.2'): no word digits after its scale

    def _start_fraction_part(self) -> None:
        """Keep what was read as the whole part; what follows is the fraction's numerator."""
        self.whole = self.total + self.section + (self.digit or 0)
        self.whole_place = self.last_place if self.before_filler == "scale" else 1.0
        self.total, self.section, self.digit = 0.0, 0.0, None
        self.last_mult, self.max_scale = None, 0.0

    def _decimal_digits(self, t: Token) -> bool:
        """After a decimal word, digits are read one by one (三点一四, hai chấm hai ba, nought four)."""
        if t.kind == "num" and t.text.isdigit() and not self.decimals:
            self.fraction = float("0." + t.text)
        elif self.prev == "pointtens":  # 'point seventy-one': the tens' digit then this one
            if t.kind != "digit" or not isinstance(t.value, int) or not 0 < t.value < 10:
                return False
            self.decimals = self.decimals[:-1] + str(t.value)
            self.fraction = float("0." + self.decimals)
        elif t.kind in ("digit", "tens") and not self.decimals and isinstance(t.value, int) and 10 <= t.value < 100:
            self.decimals = str(t.value)  # 'nought point eleven', 'two hundred point seventy-one'
            self.fraction = float("0." + self.decimals)
            if t.kind == "tens":
                self.prev = "pointtens"
                return True
        elif t.kind == "digit" and isinstance(t.value, int) and t.value < 10:
            self.decimals += str(t.value)
            self.fraction = float("0." + self.decimals)
            self.prev = "point"
            return True
        else:
            return False
        self.prev = "pointnum"
        return True


def _num_value(text: str, lex: Compiled) -> float:
    return digit_value(text, lex)


def read_run(run: list[Token], lex: Compiled) -> list[Numeral]:
    """All numerals in one run of adjacent numeral tokens."""
    if len(run) == 1 and run[0].kind == "num":  # most runs: one digit string, no grammar to apply
        t = run[0]
        value = digit_value(t.text, lex)
        return [Numeral(value, t.start, t.end, [t], words_only=False)] if math.isfinite(value) else []
    out: list[Numeral] = []
    i = 0
    while i < len(run):
        t = run[i]
        if lex.data.digit_strings and _is_digit_string(run, i):
            j = i
            while j < len(run) and run[j].kind == "digit" and run[j].value < 10:
                j += 1
            value = float("".join(str(r.value) for r in run[i:j]))
            out.append(Numeral(value, t.start, run[j - 1].end, run[i:j], positional=True))
            i = j
            continue
        reader = _Reader(lex)
        j = i
        while j < len(run) and reader.take(run[j], run[j + 1] if j + 1 < len(run) else None, run[j + 1:]):
            j += 1
        # a trailing filler or decimal word is not part of the number
        while j > i and run[j - 1].kind in ("filler", "point", "article"):
            j -= 1
        if j == i:
            i += 1
            continue
        toks = run[i:j]
        num = numeral_of(toks, lex)
        # a digit right after a complete numeral (十四五, 二〇二三 is read apart): a name or code
        if j < len(run) and run[j].kind in ("digit", "num") and run[j].text not in lex.data.ambiguous_words \
                and run[j].start == toks[-1].end:
            num.broken = not lex.data.spaced
        out.append(num)
        i = j
    return out


def numeral_of(toks: list[Token], lex: Compiled) -> Numeral:
    """The numeral that these tokens (already known to fit the grammar) make."""
    return Numeral(_value_of(toks, lex), toks[0].start, toks[-1].end, list(toks),
                   scale=max([tk.value for tk in toks if tk.kind == "scale"], default=1.0),
                   words_only=all(tk.kind != "num" for tk in toks))


def _value_of(toks: list[Token], lex: Compiled) -> float:
    reader = _Reader(lex)
    for n, t in enumerate(toks):
        reader.take(t, toks[n + 1] if n + 1 < len(toks) else None, toks[n + 1:])
    return reader.value()


def _scale_ahead(ahead: list) -> float:
    """The first scale word among the tokens after a filler, before anything else joins in."""
    for t in ahead:
        if t.kind == "scale":
            return t.value
        if t.kind not in ("digit", "num", "tens", "teen", "mult"):
            break
    return 0.0


def _fraction_follows(ahead: list) -> bool:
    """After 'and': a numerator (an article or number words) and then a fraction word."""
    for t in ahead:
        if t.kind == "fraction":
            return True
        if t.kind not in ("article", "digit", "tens", "mult"):
            return False
    return False


def _is_digit_string(run: list[Token], i: int) -> bool:
    """Two or more single digit words in a row (二〇二三, 一九九一): read positionally."""
    n = 0
    for t in run[i:]:
        if t.kind == "digit" and isinstance(t.value, int) and t.value < 10:
            n += 1
        else:
            break
    return n >= 2
