"""Grow each numeral into a figure: the scale, unit, currency, percent,
qualifier and entity around it, all looked up in the language's tables."""
from __future__ import annotations

from functools import lru_cache

import regex

from . import units
from .lexicon import Compiled, alternation
from .numbers import read_run, runs, tokens_in
from .scan import Mention

_LETTER = regex.compile(r"[\p{L}\p{M}]")
_WORD = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}'’\-]*")


def attach(text: str, s_start: int, s_end: int, m: Mention, lex: Compiled) -> None:
    """Everything around one numeral, in the order a reader meets it."""
    gap = r"[ \t]*"
    _glued_scale(text, m, lex)
    _percent_prefix(text, s_start, m, lex)
    _currency_before(text, s_start, m, lex)
    _after_number(text, s_end, m, lex, gap)
    _bare_subunit(text, s_end, m, lex)
    _qualifier_before(text, s_start, m, lex)
    _sign(text, s_start, m, lex)
    m.kind = units.kind_of(m.unit)
    if _is_word_fraction(text, m, lex):
        m.notes.append("fraction")
    elif len(m.num.tokens) == 2 and m.num.tokens[0].kind == "article" and m.num.tokens[1].kind == "fraction" \
            and (not m.unit or m.kind == "duration" and m.num.tokens[1].value != 2):
        # 'a third party', 'a fourth plant', 'for a third month': not a share ('a half year' is one)
        m.notes.append("article ordinal")
    m.entity = entity(text, s_start, s_end, m, lex)
    _qualifier_after_noun(text, s_end, m, lex)
    _qualifying_verb(text, s_start, m, lex)
    _speed_metric(m, lex)


CLAUSE_MARKS = "，,；;：:。!！?？"  # what ends a clause inside a sentence (or the sentence)
_CLAUSE_END = regex.compile(r"(?r)[%s]" % regex.escape(CLAUSE_MARKS))


def _qualifying_verb(text: str, s_start: int, m: Mention, lex: Compiled) -> None:
    """约占全厂用电量的三成: the qualifier stands with the verb, earlier in the figure's clause."""
    if not lex.data.qualifying_verbs or m.approx != "exact":
        return
    start = max(s_start, m.outer_start - 24)
    stop = _CLAUSE_END.search(text, start, m.outer_start)
    start = stop.end() if stop else start
    rx = lex.compiled("qualifying verbs", lambda lx: "(?r)" + alternation(lx.table("qualifying_verbs")))
    hit = rx.search(text, start, m.outer_start)
    if hit:
        m.approx = lex.data.qualifying_verbs[lex.entry("qualifying_verbs", hit.group())]


def _speed_metric(m: Mention, lex: Compiled) -> None:
    """最高时速达600公里: a length measured per hour is a speed."""
    if m.kind != "length" or not lex.data.speed_metrics or "/" in m.unit:
        return
    for word, per in lex.data.speed_metrics.items():
        if word in m.entity:
            m.unit, m.kind = f"{m.unit}/{per}", units.kind_of(f"{m.unit}/{per}")
            return


def _is_word_fraction(text: str, m: Mention, lex: Compiled) -> bool:
    """'two thirds', 'one sixth', 'a third of the output': a fraction word with its numerator
    written out, or any fraction of something, is a share, never a label or an ordinal."""
    toks = m.num.tokens
    if m.unit or toks[-1].kind != "fraction":
        return False
    if len(toks) == 1:  # a lone fraction ('half', 一半): not when it ends a period ('the first half of 2024')
        if lex.word_before("quarter_words", text, m.end, ""):
            return False
        return not lex.table("share_words") or _share_context(text, m, lex)
    if toks[0].kind != "article":
        return True
    return _share_context(text, m, lex)


def _share_context(text: str, m: Mention, lex: Compiled) -> bool:
    """A share word after it ('half of the output'), a qualifier before it ('roughly half will never
    be built', 'more than a third') or a change by it ('orders jumped by more than half')."""
    return bool(lex.word_after("share_words", text, m.outer_end, r"[ \t]+")) or m.approx != "exact" \
        or bool(lex.word_before("amount_before", text, m.outer_start, r"[ \t]+")) \
        or bool(lex.word_before("to_words", text, m.outer_start, r"[ \t]+"))  # 'rise to a fifth by 2030'


def _glued_scale(text: str, m: Mention, lex: Compiled) -> None:
    """'500k', '$3bn': a scale written against the digits; '$5m' after a currency, and
    '1.4m tonnes' before a unit (a million tonnes, where '1.4m' alone is metres)."""
    if m.num.tokens[-1].kind != "num":
        return
    for table in ("scale_suffixes", "money_scale_suffixes"):
        hit = lex.glued_after(table, text, m.end) if lex.table(table) else None
        if hit and table == "money_scale_suffixes" \
                and not lex.word_before("units_before", text, m.start, r"[ \t]?") \
                and not lex.word_after("units", text, hit[1], r"[ \t]+"):
            hit = None  # (the currency is looked up only when such a suffix is there)
        if hit:
            word, end = hit
            m.value *= lex.table(table)[word]
            m.end = m.outer_end = end
            m.has_scale = True
            return


def _percent_prefix(text: str, s_start: int, m: Mention, lex: Compiled) -> None:
    hit = lex.word_before("percent_prefixes", text, m.start, r"[ \t]*")
    if hit and hit[1] >= s_start:
        word, start = hit
        m.value *= lex.data.percent_prefixes[word]
        m.unit, m.unit_written = "percent", True
        m.start = m.outer_start = start


def _currency_before(text: str, s_start: int, m: Mention, lex: Compiled) -> None:
    hit = lex.word_before("units_before", text, m.start, r"[ \t]?")
    sign = 1
    if not hit and m.start - 1 > s_start and text[m.start - 1] in lex.data.negative_signs:
        hit = lex.word_before("units_before", text, m.start - 1, "")  # '$-99.99': the sign after the currency
        sign = -1
    if hit and hit[0] in lex.data.units_before_needing_scale and not m.has_scale:
        hit = None  # ('R12 billion' is rand, 'R2' alone a name)
    if hit and hit[1] >= s_start and not m.unit and not _after_a_number(text, s_start, hit[1], lex):
        word, start = hit
        m.value *= sign
        m.unit, m.unit_written = lex.data.units_before[word], True
        m.unit_before = word
        m.start = m.outer_start = start


def _after_a_number(text: str, s_start: int, pos: int, lex: Compiled) -> bool:
    """'10 tỷ USD 5 năm': a currency code that ends the previous figure does not open this one."""
    before = text[max(s_start, pos - 20):pos].rstrip(" \t")
    if before[-1:].isdigit():
        return True
    last = before.rsplit(" ", 1)[-1] if lex.data.spaced else before[-1:]
    # an article or filler ('won a $5 million contract', 'and $5') ends no number
    return bool(last) and last in lex.numeral_words and lex.numeral_words[last][0] not in ("article", "filler", "point")


def _bare_subunit(text: str, s_end: int, m: Mention, lex: Compiled) -> None:
    """'hai đô 23': two digits that end the phrase right after a money word are its cents."""
    if not lex.data.bare_subunit or m.has_scale or units.kind_of(m.unit) != "money" or m.unit_before:
        return
    hit = _BARE_CENTS.match(text, m.end, s_end)
    if hit and (hit.end() == s_end or text[hit.end()] in ".,;:!?)\"”"):
        m.value += int(hit.group(1)) / 100
        m.end = m.outer_end = hit.end()


_BARE_CENTS = regex.compile(r"[ \t]+(\d{2})(?!\d)")


def _after_number(text: str, s_end: int, m: Mention, lex: Compiled, gap: str) -> None:
    _fraction(text, s_end, m, lex)
    _ratio(text, s_end, m, lex)
    _uncertainty(text, s_end, m, lex)
    pos = m.end
    inside = lex.word_after("qualifiers_inside", text, pos, gap if not lex.data.spaced else "")
    if inside:
        m.approx = lex.data.qualifiers_inside[inside[0]]
        pos = inside[1]
        while (sc := lex.word_after("scales", text, pos, gap)):
            m.value *= lex.data.scales[sc[0]]
            m.has_scale = True
            pos = sc[1]
        m.end = pos
    if m.unit:  # a currency stood before the number: a scale, or the same money again (人民币500亿元)
        again = lex.word_after("units", text, pos, gap)
        if again and (units.kind_of(units.resolve(lex.data.units[again[0]])[0]) == "money" == units.kind_of(m.unit)
                      or again[0] in lex.data.units_before_tails.get(m.unit_before, ())):
            m.end = again[1]
        _subunit(text, s_end, m, lex)
        _rate(text, m, lex)
        m.outer_end = max(m.outer_end, m.end)
        _qualifier_after(text, m, lex, gap)
        return
    half = 0.0
    unit_text, unit_at = text, pos
    hin = lex.word_after("half_inside", text, pos, "")
    if hin:
        halves = [h for h in list(lex.data.half_after) + list(lex.data.leading_halves) if h in hin[0]]
        prefix = hin[0].replace(halves[0], "", 1) if halves else hin[0]
        probe = prefix + text[hin[1]:hin[1] + 24]  # 個半小時 -> 個小時
        if lex.word_after("units", probe, 0, ""):
            half, unit_text, unit_at = 0.5, probe, 0
    hit = lex.word_after("units", unit_text, unit_at, gap)
    if not hit and lex.data.unit_hyphen and unit_text is text:
        hit = lex.word_after("units", text, pos, "-")  # 'a 3-inch pipe', 'an 18-month delay'
    if not hit and lex.data.unit_brackets and unit_text is text:
        hit = _bracketed_unit(text, pos, lex)  # '20 (kg)'
    if hit and (half or hit[1] <= s_end + (unit_at - pos if unit_text is not text else 0)):
        spec = lex.data.units[hit[0]]
        if m.has_scale and hit[0] in lex.data.scaled_money_units \
                and not lex.word_after("share_words", text, hit[1], r"[ \t]+"):
            spec = lex.data.scaled_money_units[hit[0]]  # '361 million pounds': money, not weight
        unit, factor = units.resolve(spec)
        end = hit[1] if unit_text is text else hin[1] + hit[1] - len(prefix)
        m.value = (m.value + half) * factor
        if half:
            m.notes.append("half")  # 一个半月: a measure, not the article-like 一 of 一个月
        m.unit, m.unit_written, m.unit_word = unit, True, hit[0]
        m.end = end
        # a generic currency word followed by a specific one (億元新臺幣): the specific one counts
        again = lex.word_after("units", text, m.end, "") if units.kind_of(unit) == "money" else None
        if again and units.kind_of(units.resolve(lex.data.units[again[0]])[0]) == "money":
            m.unit, m.end, m.unit_word = units.resolve(lex.data.units[again[0]])[0], again[1], again[0]
        _subunit(text, s_end, m, lex)
        _rate(text, m, lex)
        hh = lex.word_after("half_after", text, m.end, gap)
        if hh and m.num.scale == 1:
            m.value += 0.5 * factor
            m.end = hh[1]
    else:
        tenths = lex.word_after("tenths_suffix", text, pos, gap)
        if tenths:
            per, below = lex.data.tenths_suffix[tenths[0]]
            if below is None or m.value < below:
                m.value *= per
            m.unit, m.unit_written = "percent", True
            m.end = tenths[1]
            m.notes.append("tenths")  # ('五到六成': the range's low end is read in tenths too)
            if tenths[0] in lex.data.tenths_next_place:
                _next_place(text, s_end, m, lex, per)
        else:
            cls = lex.word_after("classifiers", text, pos, "")
            if cls:
                m.classifier = cls[0]
    m.outer_end = max(m.outer_end, m.end)
    _qualifier_after(text, m, lex, gap)


def _next_place(text: str, s_end: int, m: Mention, lex: Compiled, per: float) -> None:
    """七成五 = 75 percent: one digit word right after the tenths word is the next place down,
    unless it opens a measure of its own (七成五年内 is no 75 percent)."""
    word = text[m.end:m.end + 1]
    if word and word in lex.data.half_after:
        m.value += lex.data.half_after[word] * per  # 两成半 = 25 percent
        m.end += 1
        return
    kind_value = lex.numeral_words.get(word) if m.end < s_end else None
    if not kind_value or kind_value[0] != "digit" or not 0 < kind_value[1] < 10:
        return
    after = m.end + 1
    if after < s_end and (text[after] in lex.numeral_words or lex.word_after("units", text, after, "")
                          or lex.word_after("classifiers", text, after, "")):
        return
    m.value += kind_value[1] * per / 10
    m.end = after


def _bracketed_unit(text: str, pos: int, lex: Compiled):
    """(unit, end) of a unit written in one of the language's bracket pairs: '20 (kg)', '20 [kg]'."""
    at = _skip_spaces(text, pos)
    for pair in lex.data.unit_brackets:
        if text.startswith(pair[0], at):
            hit = lex.word_after("units", text, at + 1, "")
            if hit and text.startswith(pair[1], hit[1]):
                return hit[0], hit[1] + 1
    return None


def _fraction(text: str, s_end: int, m: Mention, lex: Compiled) -> None:
    """三分之一: the numeral read so far is the denominator of the one after the infix."""
    whole, end, denominator = 0.0, m.end, m.value
    joiner = lex.word_after("compound_joiners", text, m.end, r"[ \t]*")
    if joiner:  # 三百五又三分之一: a whole number and a fraction
        d = _numeral_at(text, _skip_spaces(text, joiner[1]), s_end, lex)
        if d is None:
            return
        whole, end, denominator = m.value, d.end, d.value
    infix = lex.word_after("fraction_infixes", text, end, r"[ \t]*")
    if not infix or denominator == 0:
        return
    n = _numeral_at(text, _skip_spaces(text, infix[1]), s_end, lex)
    if n is None:
        return
    m.value = whole + n.value / denominator
    m.end = n.end
    m.notes.append("fraction")  # 占总产量的三分之一: a share, not a label


def _rate(text: str, m: Mention, lex: Compiled) -> None:
    """'$350 per kg' -> USD/kg, '$15.4/hour' -> USD/hour: a unit right after a per-word divides the
    figure's unit. Not for a percent ('5% per year' stays a percent) nor the same unit twice
    ('3 tonnes per tonne'); a ratio of two units of one kind keeps both ('1.32 g/t' of gold)."""
    while lex.data.per_words and m.unit and units.kind_of(m.unit) != "percent":
        per = lex.word_after("per_words", text, m.end, r"[ \t]*")
        den = lex.word_after("units", text, per[1], r"[ \t]*") if per else None
        spec = lex.data.units[den[0]] if den else None
        if not den and per:  # '89,150吨/日': a unit only as a rate's denominator (日 alone is a date)
            den = lex.word_after("rate_denominators", text, per[1], r"[ \t]*")
            spec = lex.data.rate_denominators[den[0]] if den else None
        if not den and per and per[0] == "/" and units.kind_of(m.unit) == "money":
            cls = lex.word_after("classifiers", text, per[1], "")
            if cls:  # '7.8万元/台左右': a price per machine, money in the span with its item
                m.end = cls[1]
            return
        if not den:
            return
        den_unit, factor = units.resolve(spec)
        # ('40 giờ/tháng' is a rate; '1.32 grams per tonne', an ore's grade, a ratio in its own units)
        same = den_unit == m.unit
        if factor != 1 or not den_unit or units.kind_of(den_unit) in ("percent", "money") or same:
            return
        rate = f"{m.unit}/({den_unit})" if any(c in den_unit for c in "*/") else f"{m.unit}/{den_unit}"
        m.unit, m.end = rate, den[1]  # 'J/m^2 per year': a rate of a rate


def _uncertainty(text: str, s_end: int, m: Mention, lex: Compiled) -> None:
    """'2,000.45±0.01 pounds', '9.83e-3 +/- 1e-5 km/s2': one figure, the central value."""
    hit = lex.word_after("uncertainty_marks", text, m.end, r"[ \t]*") if lex.data.uncertainty_marks else None
    if hit:
        d = _numeral_at(text, _skip_spaces(text, hit[1]), s_end, lex)
        if d is not None:
            m.end = m.outer_end = d.end


def _ratio(text: str, s_end: int, m: Mention, lex: Compiled) -> None:
    """'one over three', '3 out of 4 workers': a plain number, a ratio word and a second plain number
    is one fraction; not when the second number carries a unit ('5 over 10 years') or is a year."""
    if not lex.data.fraction_over or m.unit or m.has_scale or m.end != m.num.end:
        return
    hit = lex.word_after("fraction_over", text, m.end, r"[ \t]+")
    if not hit:
        return
    unit = lex.word_after("units", text, m.end, r"[ \t]+")
    if unit and unit[1] > hit[1]:
        return  # '20 phần trăm' is a percent, not 20 over a hundred
    d = _numeral_at(text, _skip_spaces(text, hit[1]), s_end, lex)
    if d is None or d.value == 0 or d.scale > 1 or any(t.kind == "fraction" for t in d.tokens):
        return
    if not lex.data.fraction_over[hit[0]] and not 0 < m.value <= d.value:
        return
    if 1800 <= d.value <= 2100 and not d.words_only:
        return  # 'one in 2020'
    after = text[d.end:d.end + 1]
    if after.isdigit() or lex.word_after("units", text, d.end, r"[ \t]*") \
            or (lex.data.unit_hyphen and lex.word_after("units", text, d.end, "-")):
        return
    m.value = m.value / d.value
    m.end = m.outer_end = d.end
    m.notes.append("fraction")


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def _subunit(text: str, s_end: int, m: Mention, lex: Compiled) -> None:
    """A smaller unit of the same kind right after: '2 đô la và 23 xen', '五元七毛八分',
    '两年零三个月', '5 feet 3 inches'. The figure is then in the smaller unit."""
    gap = r"[ \t]*" if lex.data.spaced else r"[ \t]?"
    while m.unit:
        pos = m.end
        joiner = lex.word_after("compound_joiners", text, pos, gap)
        pos = joiner[1] if joiner else pos
        pos += len(text[pos:pos + 3]) - len(text[pos:pos + 3].lstrip(" \t"))
        n = _numeral_at(text, pos, s_end, lex)
        if n is None:
            return
        unit, factor, end = _unit_after(text, n.end, m.unit, lex, gap)
        if unit is None:
            return
        if units.kind_of(unit) != units.kind_of(m.unit) or (unit != m.unit and units.kind_of(unit) == "money"):
            return  # '10 tỷ USD 5 năm', '20 rupees 43 xen' (USD coin): not a smaller part of the same unit
        try:
            small = units.convert(1, unit, m.unit) if unit != m.unit else factor
        except Exception:  # both 'other' but not the same dimension (MB then GHz)
            return
        if not 0 < small < 1:
            return
        if unit != m.unit:  # 两年零三个月: say it in months
            m.value = units.convert(m.value, m.unit, unit)
            m.unit = unit
        m.value += n.value * factor
        m.end = end


def _numeral_at(text: str, pos: int, s_end: int, lex: Compiled):
    end = min(s_end, pos + 40)
    first = lex.token_rx.match(text, pos, end)
    if first is None or first.lastgroup == "x":
        return None  # the usual case: no numeral starts here, so no window to scan
    toks = tokens_in(text, lex, pos, end)
    if not toks or toks[0].start != pos:
        return None
    first_run = next(runs(toks, text, lex))
    nums = read_run(first_run, lex)
    return nums[0] if nums and nums[0].start == pos else None


def _unit_after(text: str, pos: int, main_unit: str, lex: Compiled, gap: str):
    """(unit, factor, end) of the unit or coin starting at ``pos``."""
    hit = lex.word_after("units", text, pos, gap)
    if hit:
        unit, factor = units.resolve(lex.data.units[hit[0]])
        return unit, factor, hit[1]
    hit = lex.word_after("subunits", text, pos, gap)
    if hit:
        return main_unit, lex.data.subunits[hit[0]], hit[1]
    return None, 1.0, pos


def _qualifier_after(text: str, m: Mention, lex: Compiled, gap: str) -> None:
    # 43万台以上: the qualifier may follow the measure word
    hit = lex.word_after("qualifiers_after", text, m.end + len(m.classifier), gap)
    if hit:
        m.approx = lex.data.qualifiers_after[hit[0]]
        m.outer_end = hit[1]


def _qualifier_before(text: str, s_start: int, m: Mention, lex: Compiled) -> None:
    gap = r"[ \t]*" if lex.data.spaced else r"[ \t]?"
    hit = lex.word_before("qualifiers_before", text, m.start, gap)
    opener = None if hit else lex.word_before("from_words", text, m.start, gap)
    if opener and opener[1] >= s_start:  # 'khoảng (chừng) từ 1000 đến 2000': the qualifier before 'từ'
        far = lex.word_before("qualifiers_before", text, opener[1], gap)
        if far and far[1] >= s_start and m.approx == "exact":
            m.approx = lex.data.qualifiers_before[far[0]]
    if hit and hit[1] >= s_start:
        word, start = hit
        compared = lex.word_after("comparison_after", text, m.outer_end, r"[ \t,]*")
        comparing = compared and word not in lex.data.bounding_qualifiers
        if m.approx == "exact" and not (comparing and lex.data.qualifiers_before[word] in ("more_than", "less_than")):  # 'cao hơn 12% so với …' compares, it does not bound
            m.approx = lex.data.qualifiers_before[word]
        m.outer_start = start


def _sign(text: str, s_start: int, m: Mention, lex: Compiled) -> None:
    """'-1200K' is negative; the hyphen of a range '10-15' is not; '负一百二十万' is."""
    neg = lex.word_before("negative_words", text, m.start, r"[ \t]?")
    if neg and neg[1] >= s_start:
        m.value = -m.value
        m.start = m.outer_start = neg[1]
        return
    i = m.start
    while i - 1 > s_start and text[i - 1] == " ":
        i -= 1  # '- 1,200,000'
    if m.num.tokens[0].kind != "num" or i - 1 < s_start or text[i - 1] not in lex.data.negative_signs:
        return
    before = text[s_start:i - 1].rstrip()
    prev_ch = text[i - 2] if i - 2 >= s_start else ""
    if prev_ch and (prev_ch.isalnum() or prev_ch in "%)") and not (not lex.data.spaced and _HAN.match(prev_ch)):
        return  # '10-15': a range ('周环比-2.1%' is a minus)
    if i == m.start:  # the sign against the number: '-18 °C', 'a temperature of -10C'
        if before and before[-1].isdigit():
            return  # '10 -15'
    elif before and (before[-1].isalnum() or before[-1] in "%)" or before[-1] in lex.data.negative_signs):
        return  # a spaced dash after a word is punctuation ('md . - - $ 75 million')
    elif not before.strip() and _LETTER.search(text, m.outer_end, _line_end(text, m.outer_end)):
        return  # a dash opening a line that goes on in words is a list bullet ('- 1.200 doanh nghiệp tham gia;')
    m.value = -m.value
    m.start = i - 1
    m.outer_start = min(m.outer_start, m.start)


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return min(len(text) if end < 0 else end, pos + 200)


# --- the document's own currency -------------------------------------------

def document_currency(text: str, lex: Compiled) -> str:
    """The one currency a document names among the language's local currencies ('' when it names
    none or several): Taiwan news says 新臺幣 once and 元 after, meaning the same dollar."""
    if not lex.data.local_currencies:
        return ""
    rx = lex.compiled("local_currencies", lambda lx: alternation(lx.table("local_currencies")))
    codes = {lex.data.local_currencies[lex.entry("local_currencies", w)] for w in rx.findall(text)}
    if len(codes) != 1 or "" in codes or (lex.data.local_script and not _in_local_script(text, lex.data.local_script)):
        return ""
    return codes.pop()


_HAN = regex.compile(r"\p{Han}")


def _changed(text: str, conversion: str) -> int:
    """How many characters of ``text`` the OpenCC ``conversion`` changes."""
    return sum(1 for a, b in zip(text, _converter(conversion).convert(text)) if a != b)


def _leans_to_other_script(sentence: str, conversion: str) -> bool:
    """More characters of the other script than of the local one ('t2s': Simplified over Traditional)."""
    back = "2".join(reversed(conversion.split("2")))  # t2s -> s2t
    return _changed(sentence, back) > _changed(sentence, conversion)


@lru_cache(maxsize=None)
def _converter(conversion: str):
    import opencc  # only for the rare document that names a local currency; its dictionaries load once
    return opencc.OpenCC(conversion)


def _in_local_script(text: str, conversion: str, sample: int = 4000) -> bool:
    """Is the text written in the script that ``conversion`` changes? In Traditional Chinese about a
    third of the characters change under t2s, in Simplified none (a tenth is the line)."""
    head = text[:sample]
    return _changed(head, conversion) >= 0.1 * max(1, len(_HAN.findall(head)))


def use_document_currency(mentions: list[Mention], code: str, lex: Compiled, sentence: str = "") -> None:
    """A generic currency word after the number (元) means the document's currency; one written
    before the number (人民币500亿元) keeps its own, and so does a sentence written in the other
    script (a Simplified sentence quoted in a Traditional document)."""
    if not code:
        return
    generic = lex.word_set("generic_currency_words")
    local = [m for m in mentions if m.unit_word in generic and not m.unit_before and units.kind_of(m.unit) == "money"]
    if not local or (lex.data.local_script and _leans_to_other_script(sentence, lex.data.local_script)):
        return
    for m in local:
        m.unit = code


# --- what is counted -----------------------------------------------------

def entity(text: str, s_start: int, s_end: int, m: Mention, lex: Compiled) -> str:
    if lex.data.entity_after:
        # a part of a whole counts the whole's things ('11 of the 18 industries', '30% of the content');
        # a measure's 'of the' names no such thing ('six feet of the cup')
        after = _entity_after(text, m.outer_end, s_end, lex, partitive=units.kind_of(m.unit) in ("count", "percent"))
        if not after and m.unit and lex.data.entity_link_words:  # 'doanh thu đạt 12.450 tỷ VNĐ'
            return _metric_before_words(text, s_start, m.outer_start, lex)
        return after
    noun = _noun_after(text, m.outer_end + len(m.classifier), s_end, lex) if m.classifier else ""
    return noun or metric_before(text, s_start, m.outer_start, lex)


def _entity_after(text: str, pos: int, s_end: int, lex: Compiled, partitive: bool = True) -> str:
    words, skipped, of_a_whole = [], "", False
    stop, skip = lex.word_set("entity_stop_words"), lex.word_set("entity_skip_words")
    determiners = lex.word_set("entity_partitive_words") if partitive else frozenset()
    suffix = lex.word_after("count_suffixes", text, pos + 1, "") if text.startswith("-", pos) else None
    if suffix:
        pos = suffix[1]  # 'a 4,500-strong workforce' counts the workforce
    for w in _WORD.finditer(text, pos, min(s_end, pos + 80)):
        gap = text[pos:w.start()].strip(" ")
        if gap and not (of_a_whole and _WHOLE_NUMBER.fullmatch(gap)):
            if not (determiners and skipped and not words and _WHOLE_NUMBER.fullmatch(gap)):
                break  # punctuation or a digit in between ends the phrase
            of_a_whole = True  # '14 of 21 subsectors' counts subsectors
        word = w.group()
        if not words and word in skip:
            skipped, of_a_whole = word, False
            pos = w.end()
            continue
        if not words and skipped and not of_a_whole and word in determiners:
            of_a_whole = True  # '11 of the 18 manufacturing industries' counts industries
            pos = w.end()
            continue
        if word.lower() in stop or word in stop or len(words) >= lex.data.entity_max_words:
            break
        if not words and _number_word_at(text, w.start(), lex):
            if of_a_whole:
                pos = w.end()  # 'two of its five steam crackers'
                continue
            break  # '8,5 triệu đồng một tháng': another number follows, not what is counted
        words.append(word)
        pos = w.end()
    if not words and skipped in lex.data.counter_words:  # '34.855 chiếc.': the counter is what is counted
        return skipped
    while words and words[-1] in skip:  # '30 per cent of the content of a wind farm': not 'content of'
        words.pop()
    return " ".join(words)


_WHOLE_NUMBER = regex.compile(r"\d[\d,.]*")


def of_a_counted_whole(text: str, pos: int, s_end: int, lex: Compiled) -> bool:
    """'one of the four assembly lines', 'two of 21 subsectors': after ``pos``, a partitive
    word and the number of a whole: the number before is a count of its parts."""
    skip, determiners = lex.word_set("entity_skip_words"), lex.word_set("entity_partitive_words")
    words = list(_WORD.finditer(text, pos, min(s_end, pos + 40)))
    if not words or not determiners or words[0].group() not in skip or text[pos:words[0].start()].strip(" "):
        return False
    at = words[0].end()
    if len(words) > 1 and words[1].group() in determiners and not text[at:words[1].start()].strip(" "):
        at = words[1].end()
    rest = text[at:s_end].lstrip(" ")
    return bool(_WHOLE_NUMBER.match(rest)) or _number_word_at(text, s_end - len(rest), lex)


def _number_word_at(text: str, pos: int, lex: Compiled) -> bool:
    """A number word starts at ``pos`` (not a look-alike such as 'tỷ lệ', the rate)."""
    m = lex.token_rx.match(text, pos)
    return m is not None and m.lastgroup == "w"


def _qualifier_after_noun(text: str, s_end: int, m: Mention, lex: Compiled) -> None:
    """'ba mươi doanh nghiệp trở lên': the qualifier may follow the counted noun."""
    if not (lex.data.entity_after and m.entity and m.approx == "exact" and lex.data.spaced):
        return
    at = text.find(m.entity, m.outer_end, s_end)
    if at >= 0 and not text[m.outer_end:at].strip(" \t"):
        hit = lex.word_after("qualifiers_after", text, at + len(m.entity), r"[ \t]*")
        if hit and hit[1] <= s_end:
            m.approx = lex.data.qualifiers_after[hit[0]]


def _metric_before_words(text: str, s_start: int, pos: int, lex: Compiled) -> str:
    """The metric named before a measure, word by word back from the number: link verbs
    and the time phrase right before it are skipped (đạt, là, ở mức, 9 tháng đầu năm 2024),
    a modifier and what follows it is dropped (doanh thu [của công ty] đạt …), a stop word
    or punctuation ends it; the head (leftmost words) is kept."""
    d = lex.data
    link, mods, stop = lex.word_set("entity_link_words"), lex.word_set("entity_modifier_words"), lex.word_set("entity_stop_words")
    words = list(_WORD.finditer(text, max(s_start, pos - 200), pos))
    out, right, first = [], pos, pos
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        gap = text[w.end():right]
        if gap.strip(" \t") and (out or not _TIME_GAP.match(gap)) and not (out and _NAME_DASH.match(gap)):
            # punctuation or a figure in between ends the metric; 'Việt Nam - Hàn Quốc' does not;
            # nor, before any word is taken, a time ('tháng 8 đạt') or a closing bracket ('(IIP) tăng')
            break
        right = w.start()
        word, low = w.group(), w.group().lower()
        pair = (words[i - 1].group().lower() + " " + low) if i else ""
        if not out and low in link:
            continue
        if low in mods or pair in mods:  # 'Tỷ lệ hàng lỗi [của dây chuyền mới] [được duy trì] dưới 2%'
            out = []
            continue
        if low in stop or len(out) >= 12:
            break
        out.insert(0, word)
        first = w.start()
    out = out[:d.entity_max_words]
    if out and out[-1] in d.units and units.kind_of(units.resolve(d.units[out[-1]])[0]) == "duration" \
            and (len(out) == 1 or any(w.lower() in lex.numeral_words for w in out)):
        return ""  # 'in the first 11 months of 2024 totalled …': a time phrase, not the metric
    if out and first == _sentence_opening(text, s_start) and len(out) > 1 and out[1][:1].islower():
        out[0] = out[0][:1].lower() + out[0][1:]  # 'Vốn điều lệ' at the start of a sentence
    return " ".join(out)


_NAME_DASH = regex.compile(r"[ \t]+[-–][ \t]+\Z")
_TIME_GAP = regex.compile(r"[ \t]*(?:[\d/]+|[)）])[ \t]*\Z")  # 'tháng 8 đạt', 'năm 2025 đạt', '120 đến' (a range's low end)


def _sentence_opening(text: str, s_start: int) -> int:
    i = s_start
    while i < len(text) and text[i] in " \t\"“'‘(":
        i += 1
    return i


def _noun_after(text: str, pos: int, s_end: int, lex: Compiled) -> str:
    stops = lex.word_set("entity_stop_words")
    out = []
    for ch in text[pos:min(s_end, pos + lex.data.entity_max_words)]:
        if ch in stops or not _LETTER.match(ch):
            break
        out.append(ch)
    return "".join(out)


def metric_before(text: str, s_start: int, pos: int, lex: Compiled) -> str:
    """The metric a Chinese figure measures, written before it: 制造业增加值从… -> 制造业增加值."""
    stops = lex.word_set("entity_stop_words")
    pos = _before_brackets(text, s_start, pos)
    a = pos
    while a > s_start and text[a - 1] not in stops and _LETTER.match(text[a - 1]) and pos - a < 40:
        a -= 1
    phrase = _without_date_head(text[a:pos], text[a - 1] if a > s_start else "", lex)
    while phrase and (trims := lex.endings("entity_trim_before", phrase)):
        phrase = phrase[: -len(trims[0])]  # the longest first, again until none is left
    phrase = _LEADING_NON_LETTERS.sub("", phrase)
    return phrase[-lex.data.entity_max_words:]


_LEADING_NON_LETTERS = regex.compile(r"^[^\p{L}]+")


def _without_date_head(phrase: str, before: str, lex: Compiled) -> str:
    """A metric that opens right after a date's digits starts with the date's word: 2025年全市工业投资,
    9月份全国发电量, 10月底全国充电桩总数 — the metric is what follows it."""
    if not before.isdigit():
        return phrase
    for table in ("year_after", "date_after"):
        head = lex.word_after(table, phrase, 0, "")
        if head:
            tail = lex.word_after("date_tail_words", phrase, head[1], "")
            return phrase[tail[1] if tail else head[1]:]
    return phrase


_BRACKETED = regex.compile(r"(?r)[(（][^()（）]{0,30}[)）][ \t]*(?:[为是达]|\Z)")


def _before_brackets(text: str, s_start: int, pos: int) -> int:
    """'制造业采购经理指数（PMI）为50.2%': the metric is before the bracketed abbreviation."""
    m = _BRACKETED.search(text, max(s_start, pos - 40), pos)
    return m.start() if m and m.end() == pos else pos
