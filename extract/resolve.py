"""Decide what is not a figure, link changes and ranges, and give periods.

Shapes that are never figures in any language (URLs, e-mails, dates written
with slashes, clock times, phone numbers) are matched here; the words that
mark dates, ordinals, numbering and names come from the lexicon.
"""
from __future__ import annotations

import regex

from . import units
from .lexicon import Compiled, alternation
from .attach import CLAUSE_MARKS, metric_before, of_a_counted_whole
from .scan import Mention

# A web address or e-mail: a top-level domain ends the host name ('x.company' is no address),
# so neither is ever found where _WEB_HINT (below) finds nothing.
_WEB_SHAPES = (
    r"(?P<url>(?:https?://|www\.)\S+|(?<![\w@])[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|gov|edu|vn|cn|tw|hk|io|info|biz)\b(?:/\S*)?)"
    r"|(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
)
_NUMBER_SHAPES = (
    r"(?P<ip>(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.]))"
    r"|(?P<fyear>(?<![\d.,/])(?:1[89]|20)\d{2}[-–/]\d{2}(?![\d/%]))"  # fiscal years: 2012–13, 2023/24
    r"|(?P<date>(?<![\d.,/])(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}/\d{4}|\d{1,2}/\d{1,2})(?![\d/]))"
    r"|(?P<time>(?<![\d.,])\d{1,2}(?::\d{2}){1,2}(?!\d)|(?<![\d.,])\d{1,2}h\d{2}(?!\d)|\d{1,2}\s?(?:a\.m\.|p\.m\.|(?:am|pm)\b))"
    r"|(?P<phone>(?<![\p{Latin}\d_.,])(?:\+\d{1,3}[\s.-]?(?:\(\d{1,5}\)[\s.-]?)?\d{1,5}|(?:1[\s.-](?=\d{3}[\s.-]\d{3}[\s.-]\d{4}(?!\d)))?(?:\(\d{2,5}\)[\s.-]?)?0?\d{2,5})(?:[\s.-]\d{2,8}){1,4}(?![\d]))"
    r"|(?P<code>\d+\.(?:SH|SZ|HK|HN|HM|SS|KS|T)\b|\d+[-/](?=[\p{Lu}Đ]{2}))"
)
_SHAPES = regex.compile(_WEB_SHAPES + "|" + _NUMBER_SHAPES)
# without the web alternatives, which start at every word and cost most of the scan
_SHAPES_NO_WEB = regex.compile(_NUMBER_SHAPES)


def shape_masks(text: str, start: int, end: int, web: bool = True) -> list[tuple[int, int, str]]:
    out = []
    for m in (_SHAPES if web else _SHAPES_NO_WEB).finditer(text, start, end):
        kind = m.lastgroup
        if kind == "phone" and not _looks_like_phone(m.group()):
            continue
        out.append((m.start(), m.end(), kind))
    return out


# every shape needs one of these next to a digit, or a web address: most windows have none
_SHAPE_HINT = regex.compile(r"[@:/]|\d[-.,  ]?\d[-./ ]\d|\dh\d|\d\s?[ap]\.?m|www|http|\.[a-z]{2,4}\b|\d[-/]\p{Lu}|\d\.[A-Z]")


_WEB_HINT = regex.compile(r"://|www\.|@|\.(?:com|net|org|gov|edu|vn|cn|tw|hk|io|info|biz)\b")


def shape_masks_near(text: str, s_start: int, s_end: int, mentions: list[Mention], reach: int = 40):
    """The shapes around the mentions only: the shapes regex is costly, sentences are long.
    A sentence with a web address is read whole (an address can run far from its digits);
    a window starts and ends between words so no shape is read from its middle."""
    if _WEB_HINT.search(text, s_start, s_end):
        return shape_masks(text, s_start, s_end)
    out, seen, end = [], set(), -1
    for m in mentions:
        a, b = max(s_start, m.outer_start - reach), min(s_end, m.outer_end + reach)
        # start and end between words, looking no further than 20 characters (linear time)
        sp = text.rfind(" ", max(s_start, a - 20), a)
        a = sp + 1 if sp >= 0 else a
        nb = text.find(" ", b, min(s_end, b + 20))
        b = nb if nb >= 0 else (s_end if s_end - b <= 20 else b)  # (the last word: to the sentence's end)
        if not _SHAPE_HINT.search(text, a, b):
            continue
        a = max(a, end)
        if a >= b:
            continue
        for mask in shape_masks(text, a, b, web=False):
            if mask not in seen:
                seen.add(mask)
                out.append(mask)
        end = b
    return out


def _looks_like_phone(s: str) -> bool:
    digits = sum(c.isdigit() for c in s)
    return (digits >= 9 and (s[0] in "+(0") and any(c in s for c in " .-()")) \
        or _THREE_THREE_FOUR.match(s) is not None


# 1-800-555-0199, 800-555-0199, 400-800-1234: North American and Chinese service numbers
_THREE_THREE_FOUR = regex.compile(r"(?:1[\s.-])?\d{3}([\s.-])\d{3}\1\d{4}\Z")


_LETTER_RX = regex.compile(r"[\p{L}]")
_LATIN_RX = regex.compile(r"[\p{Latin}]")
_WORDLIKE = regex.compile(r"[^\p{P}\p{S}\s]")
_OPENING = regex.compile(r"[ \t\"“'‘(]*")
_CAPITALISED_AFTER = regex.compile(r"(?:[ \t]+\p{Lu}[\p{L}\p{M}'’.\-]*){1,3}")  # up to three Capitalised words
_PREV_WORD = regex.compile(r"(?r)([\p{L}\p{M}\p{N}&'’.\-]+)[ \t]*\Z")


def _prev_word(text: str, s_start: int, pos: int) -> str:
    m = _PREV_WORD.search(text, max(s_start, pos - 40), pos)
    return m.group(1) if m else ""


def drop_non_figures(text: str, s_start: int, s_end: int, mentions: list[Mention], lex: Compiled,
                     masks) -> list[tuple[int, int]]:
    """Mark each mention that is a date, year, ordinal, name, code…; return the years seen."""
    years = []
    for m in mentions:
        if m.drop:
            continue
        reason = _DECADE if _is_decade(text, m, lex) else _why_not(text, s_start, s_end, m, lex, masks)
        year = _calendar_year(reason, m, text, lex)
        if year is not None:
            years.append((m.num.start, year))
        m.drop = "year" if reason in _NAMED_YEARS else reason
    return years


def _numbers_a_line(text: str, m: Mention) -> bool:
    """'1. Sản xuất công nghiệp', '2) Exports': a small number opening a line, with a full stop or a
    bracket and a space after it, numbers a section or an item."""
    if text[m.end:m.end + 2] not in (". ", ") ", ".\t", ")\t") or m.unit or m.value >= 100 \
            or m.num.tokens[0].kind != "num":
        return False
    at = m.outer_start
    while at > 0 and text[at - 1] in " \t":  # (only its indent: never a slice of the text so far)
        at -= 1
    return at == 0 or text[at - 1] == "\n"


def _calendar_year(reason: str, m: Mention, text: str, lex: Compiled) -> int | None:
    """The calendar year a mention dropped for ``reason`` names, if any: 2024, FY25 and 2024-25
    (fiscal years, named by the year they end in: 2025), 114年 (an era's year: 2025)."""
    if reason == "year" or (reason == "date" and _is_year(m)):  # 'đến hết tháng 7/2024': 2024 too
        return int(m.num.value)
    if reason == _ERA:
        return int(m.num.value) + lex.data.era_years[0]
    if reason == _FISCAL:
        return 2000 + int(m.num.value)
    if reason == _FISCAL_SPAN:  # 1999/00 ends in 2000
        first = int(m.num.value)
        end = first - first % 100 + int(text[m.num.end + 1:m.num.end + 3])
        return end if end > first else end + 100
    return None


_ACRONYM_BEFORE = regex.compile(r"(?<![\p{L}\p{M}\p{N}])\p{Lu}{2,5}[ \t]\Z")
_FISCAL = "fiscal year (FY25)"
_ERA = "year of an era (114年 = 2025)"
_FISCAL_SPAN = "fiscal year (2024-25)"
_NAMED_YEARS = (_ERA, _FISCAL, _FISCAL_SPAN)  # dropped as years once their calendar year is read
_DECADE = "decade (the 1980s, 1980年代)"


def _is_decade(text: str, m: Mention, lex: Compiled) -> bool:
    """'the 1980s', '1980年代', 'thập niên 1990': a decade is a time, but no year to date figures by."""
    t = m.num.tokens
    short = len(t) == 1 and t[0].kind == "num" and len(t[0].text) == 2 and t[0].text.isdigit()  # 90年代, the '90s
    return (_is_year(m) or short) and m.num.value % 10 == 0 and (
        bool(lex.word_after("decade_after", text, m.num.end, ""))
        or bool(lex.word_before("decade_before", text, m.outer_start)))


def _opens_clause(text: str, s_start: int, hit) -> bool:
    """Does the word found (word, start) open its clause? 'Trong 9 tháng, …' names the reporting
    period; 'hoàn thiện hạ tầng trong 6 tháng' is a deadline, a duration."""
    if not hit:
        return False
    before = text[s_start:hit[1]].rstrip(" \t")
    return not before or before[-1] in CLAUSE_MARKS or (not before[-1].isalnum() and before[-1] not in "%)")


def _why_not(text, s_start, s_end, m: Mention, lex: Compiled, masks) -> str:
    a, b = m.num.start, m.num.end
    for ms, me, kind in masks:
        if kind == "code" and "/" in m.unit and m.end > me:
            continue  # '£40/MWh': a price per unit, not a document number such as 1643/QĐ-TTg
        if ms < b and a < me and not (kind == "date" and _is_fraction(text, s_start, s_end, m, lex)):
            if kind == "fyear":  # 'in 2014-15': a fiscal year, named by the year it ends in (as FY15)
                return _FISCAL_SPAN if a == ms else "date"
            return kind
    d = lex.data
    before = text[a - 1] if a > s_start else ""
    before2 = text[a - 2] if a - 1 > s_start else ""
    after = text[m.end] if m.end < s_end else ""
    after_num = text[b] if b < s_end else ""
    after2 = text[b + 1] if b + 1 < s_end else ""
    if d.era_years and m.unit_word in d.year_after and m.approx == "exact" and not m.has_scale \
            and len(m.num.tokens) == 1 and m.num.tokens[0].text.isdigit() \
            and d.era_years[1] <= m.num.value <= d.era_years[2]:
        return _ERA
    if lex.table("fiscal_prefixes") and len(m.num.tokens) == 1 and m.num.tokens[0].text.isdigit() \
            and len(m.num.tokens[0].text) in (2, 4) and not m.unit_written \
            and lex.word_before("fiscal_prefixes", text, a, r"[ \t]?"):
        return _FISCAL if len(m.num.tokens[0].text) == 2 else "year"  # FY25, FY2025
    if lex.table("rate_base_before") and not m.unit_written \
            and lex.word_before("rate_base_before", text, m.outer_start, r"[ \t]*" if d.spaced else ""):
        return "base of a rate (per 10,000 workers, 每10股)"
    if not m.unit_written and not m.has_scale and _ACRONYM_BEFORE.search(text, max(s_start, a - 8), a):
        return "name or model (an acronym and a number: VF 8)"
    if _latin(before) and m.outer_start == a:
        return "name or code (letters against the digits)"
    if before in "-" and _latin(before2):
        return "name or code (letters against the digits)"
    if _latin(after) or (after == "-" and _latin(text[m.end + 1] if m.end + 1 < s_end else "")
                         and not m.unit_written and not lex.word_after("count_suffixes", text, m.end + 1, "")):  # '5-star' is a name, 'a 30-year-old plant' a figure
        return "name or code (letters against the digits)"
    if (after_num in "/:" and after2.isdigit()) or (before in "/:" and before2.isdigit()):
        return "date or document number"
    if after_num == "." and after2.isdigit():
        return "date or version"
    if _leading_zero(m):
        return "code (leading zero)"
    if m.num.positional and not (m.unit_written and m.unit != "year"):
        return "year" if 1000 <= m.num.value <= 2100 and m.unit == "year" else "code (digit by digit)"
    gap = r"[ \t]*" if d.spaced else r"[ \t]?"
    # (no day is above 31: 'take on 60 apprentices' is no date; some words date only digits: 'on
    # seven rare earths' is no date, where 'tháng Mười' is October)
    if (not m.unit_written or m.unit in ("year", "month", "day")) \
            and not (d.spaced and m.value > 31 and not _is_year(m)):
        hit = lex.word_before("date_before", text, m.outer_start, gap)
        if hit and not (m.num.words_only and hit[0] in d.date_before_digits_only) \
                and not lex.word_before("not_date_before", text, m.outer_start, gap):
            if _is_year(m):
                return "year"
            return "date"
    if m.unit == "hour" and lex.word_before("clock_before", text, m.outer_start, gap):
        return "time of day (lúc 7 giờ)"
    if _numbers_a_line(text, m):
        return "numbering (a list or section number: '1. Sản xuất công nghiệp')"
    if _is_year(m) and (lex.word_before("year_before", text, m.outer_start, gap) or m.unit == "year"):
        return "year"
    if m.kind == "duration" and (lex.word_after("ago_words", text, m.outer_end, r"[ \t]*" if d.spaced else "")
                                 or lex.word_before("ago_before", text, m.outer_start, gap)):
        return "time (a duration ago)"
    if not m.unit_written and lex.word_after("date_after", text, max(b, m.end), "" if not d.spaced else r"[ \t]*"):
        return "date or time"
    if d.clock_words and _in_clock_time(text, s_start, s_end, a, b, lex):
        return "time (9 giờ 30)"
    if m.unit_written and _calendar_word_after(text, m, s_end, d.calendar_words_after.get(m.unit, ())):
        return "time or date (8 giờ sáng, 27 tháng Chạp)"
    if m.unit == "year" and m.approx == "exact" and _month_follows(text, m.outer_end, s_end, lex):
        return "date (a year and its month: 114年9月)"
    if d.month_names and (lex.word_before("month_names", text, m.outer_start, r"[ \t]*")
                          or lex.word_after("month_names", text, m.outer_end, r"[ \t]*")):
        return "year" if _is_year(m) else "date"
    if m.unit in d.period_units and 1 <= m.value <= 12 and m.approx == "exact" and (
            lex.word_before("period_before", text, m.outer_start, gap)
            or lex.word_after("period_after", text, m.outer_end, r"[ \t,]*")
            or _opens_clause(text, s_start, lex.word_before("period_before_at_clause_start", text, m.outer_start, gap))):
        return "period (months of a reporting year: 9 tháng đầu năm)"
    counted = bool(lex.table("count_before")) and lex.word_before("count_before", text, m.outer_start, gap)
    if m.outer_start == m.start and not counted and lex.word_before("ordinal_before", text, m.outer_start, gap):
        return "ordinal"
    if lex.word_after("ordinal_suffixes", text, b, "") and not m.unit_written:
        return "ordinal"
    if lex.word_before("numbering_before", text, m.outer_start, gap) and not m.unit_written:
        return "numbering"
    if lex.word_before("name_before", text, m.outer_start, gap + r"-?") and not m.unit_written:
        return "name or version"
    if lex.word_after("name_after", text, b, "") and not m.unit_written:
        return "name"
    if lex.word_after("model_words_after", text, b, " ") and not m.unit_written:
        return "name (a model: 737 MAX)"
    if _is_year(m) and not m.unit_written and m.approx == "exact" and not m.classifier:
        return "year"  # (a measure word after it makes a count: 员工2000人, 企业1500家)
    if d.spaced and not m.unit_written and m.approx == "exact" and not m.has_scale:
        prev = _prev_word(text, s_start, m.outer_start)
        first = _OPENING.match(text, s_start).end()
        if prev and any(c.isupper() for c in prev) and text.rfind(prev, s_start, m.outer_start) > first:
            return "name (after a proper noun)"
        names_after = _CAPITALISED_AFTER.match(text, m.outer_end, s_end)
        if names_after and prev[:1].isupper():
            return "name (a model between proper nouns: Boeing's 787 Dreamliner)"
        streets = lex.word_set("street_words")  # ('St.' keeps its dot; 'Parkway.' ends a sentence)
        if names_after and any(w.rstrip(",;") in streets or w.rstrip(".,;") in streets
                               for w in names_after.group().split()):
            return "address (1600 Amphitheatre Parkway)"
    if len(m.num.tokens) == 1 and m.num.tokens[0].kind == "fraction" and "fraction" not in m.notes:
        return "lone fraction that is no share ('the first half', 'half-year')"
    if "article ordinal" in m.notes and not _stands_alone(text, s_start, s_end, m):
        return "ordinal (a third party)"
    if m.num.single_word and m.num.single_word in d.never_alone and m.unit and m.kind != "money" \
            and _after_money(text, s_start, m, lex):
        return "rate (8,5 triệu đồng một tháng, 900.000 đồng một tấn: per month, per tonne)"
    if m.num.single_word and m.num.single_word in d.never_alone and not m.has_scale \
            and "fraction" not in m.notes and "half" not in m.notes and not _stands_alone(text, s_start, s_end, m):
        # 'một số', 'one of', 一些: only a duration written apart from other words survives (一 秒, one year)
        # ('縮短一年左右', '近一年': a qualified duration is one)
        if m.kind == "count" and of_a_counted_whole(text, m.outer_end, s_end, lex):
            pass  # 'one of the four assembly lines': one line
        elif m.kind == "count" or (m.kind == "duration" and _letter(before) and m.approx == "exact"):
            return "number word that is not a figure alone"
    return ""


def _after_money(text: str, s_start: int, m: Mention, lex: Compiled) -> bool:
    """Does a money unit end right before the mention (only spaces between)?"""
    before = text[max(s_start, m.outer_start - 20):m.outer_start].rstrip(" \t")
    unit = lex.word_before("units", before, len(before), "")
    return bool(unit) and units.kind_of(units.resolve(lex.data.units[unit[0]])[0]) == "money"


def _letter(ch: str) -> bool:
    return bool(ch) and _LETTER_RX.match(ch) is not None


def _stands_alone(text: str, s_start: int, s_end: int, m: Mention) -> bool:
    """Nothing but punctuation around it: a table cell, a heading, a test phrase."""
    after = m.outer_end + (len(m.classifier) if text.startswith(m.classifier, m.outer_end) else 0)
    return not _WORDLIKE.search(text, s_start, m.outer_start) and not _WORDLIKE.search(text, after, s_end)


def drop_overlaps(mentions: list[Mention]) -> None:
    """A numeral swallowed by the figure before it (一个半月: the 半) is not a figure of its own."""
    end = -1
    for m in mentions:
        if m.drop:
            continue
        if m.start < end:
            m.drop = "inside another figure"
            continue
        end = m.end


def _is_fraction(text: str, s_start: int, s_end: int, m: Mention, lex: Compiled) -> bool:
    """'3/4' is a fraction, not 3 April, when a unit, a whole number, a sign or 'of' goes with it
    ('2 1/4 miles', '-4/5', '1/40 of the wavelength') or it stands alone."""
    frac = [t for t in m.num.tokens if t.kind == "num" and "/" in t.text]
    if not frac:
        return False
    if len(m.num.tokens) > 1 or m.unit_written or m.value < 0:
        return True
    num, den = (int(x) for x in frac[0].text.split("/"))
    if num >= den:
        return False
    if m.approx != "exact" and m.outer_start < m.start:
        return True  # 'khoảng 1/3 doanh nghiệp', 'nearly 1/3': a date is not approximate
    return bool(lex.word_after("share_words", text, m.outer_end, r"[ \t]+")) or _stands_alone(text, s_start, s_end, m)


def _leading_zero(m: Mention) -> bool:
    t = m.num.tokens[0]
    return t.kind == "num" and len(t.text) > 1 and t.text[0] == "0" and t.text[1].isdigit()


def _latin(ch: str) -> bool:
    return bool(ch) and _LATIN_RX.match(ch) is not None


def _in_clock_time(text: str, s_start: int, s_end: int, a: int, b: int, lex: Compiled) -> bool:
    """Is text[a:b] the hour or the minutes of a clock time written with words ('9 giờ 30')?"""
    rx = lex.compiled("clock time", lambda lx: r"(?<![\d.,])\d{1,2}[ \t]*(?:%s)[ \t]*\d{2}(?![\d.,%%])" % alternation(
        lx.table("clock_words")))
    hit = rx.search(text, max(s_start, a - 12), min(s_end, b + 12))
    return bool(hit) and hit.start() <= a and b <= hit.end()


def _calendar_word_after(text: str, m: Mention, s_end: int, words) -> bool:
    """One of ``words`` (a whole word) right after the figure's unit."""
    if not words:
        return False
    rest = text[m.outer_end:min(s_end, m.outer_end + 24)].lstrip(" \t")  # (a short look, not the sentence's rest)
    return any(rest.startswith(w) and (len(rest) == len(w) or not rest[len(w)].isalpha()) for w in words)


def _month_follows(text: str, pos: int, s_end: int, lex: Compiled) -> bool:
    """A month number and a date word right after a year word: the year is a date's."""
    if not lex.table("date_after") or lex.data.spaced:
        return False
    hit = _MONTH_NUMBER.match(text, pos, s_end)
    return bool(hit) and 1 <= int(hit.group()) <= 12 and bool(lex.word_after("date_after", text, hit.end(), ""))


_MONTH_NUMBER = regex.compile(r"\d{1,2}(?!\d)")


def _is_year(m: Mention) -> bool:
    t = m.num.tokens
    return (len(t) == 1 and t[0].kind == "num" and len(t[0].text) == 4 and t[0].text.isdigit()
            and 1800 <= m.num.value <= 2100 and not m.has_scale and m.unit in ("", "year"))


_POWER = regex.compile(r"\d(?:e[+-]?\d|\^|[×x]\d)")


def read_spans_of_time(text: str, mentions: list[Mention], lex: Compiled) -> None:
    """'will invest €180 billion over five years', 'a 25% raise over four years': after a sum or a
    percentage in its clause, 'over' a duration is
    the time the sum is spread across, not 'more than' ('has run for over 40 years' still is)."""
    if not lex.table("span_qualifiers"):
        return
    kept, spans = [m for m in mentions if not m.drop], lex.word_set("span_qualifiers")
    for i, m in enumerate(kept):
        if m.kind != "duration" or m.approx != "more_than" or text[m.outer_start:m.start].strip() not in spans:
            continue
        sums = [k for k in kept[:i] if k.kind in ("money", "percent")
                and not _CLAUSE_MARK.search(text, k.outer_end, m.outer_start)]
        if sums:
            m.approx = "exact"


_LABEL_LINE = regex.compile(r"[ \t]*(?:[-–—•*·]+[ \t]*)?(?P<label>[^\d:：\n]{2,40}?)[ \t]*[:：][ \t]*\Z")


def _list_label(text: str, m: Mention) -> str:
    """'- Gross orders: 112', '——化纤：…', 'Employees: 4,200': the label a value stands after on
    its own line ('' when the number does not follow 'label:' at the start of a line)."""
    look = max(0, m.outer_start - 60)  # (a label is short: never search a long line back to its start)
    newline = text.rfind("\n", look, m.outer_start)
    if newline < 0 and look > 0:
        return ""
    hit = _LABEL_LINE.match(text, newline + 1, m.outer_start)
    return hit.group("label").strip() if hit else ""


def _level_after_a_change(text: str, s_start: int, m: Mention, mentions: list[Mention], lex: Compiled) -> bool:
    """A bare number right after a to-word that follows a change amount with its unit or noun:
    'the index climbed 1.3 percentage points to 51.8', 'rose 2 points to 48.5'."""
    gap = r"[ \t]*" if lex.data.spaced else ""
    to = lex.word_before("to_words", text, m.outer_start, gap)
    if not to:
        return False
    before = [k for k in mentions if not k.drop and k.outer_end <= to[1]]
    if not before or not (before[-1].unit_written or before[-1].entity):
        return False
    gap_words = text[before[-1].outer_end:to[1]].strip(" \t")
    if gap_words and gap_words != before[-1].entity:  # ('rose 2.1 points to 47.6': its own noun only)
        return False
    return _changes(text, s_start, before[-1].outer_start, lex)


def drop_bare_numbers(text: str, s_start: int, s_end: int, mentions: list[Mention], lex: Compiled) -> None:
    """A number with no unit, no noun, no qualifier and no partner is a label, not a figure,
    unless it stands alone (a table cell, a heading)."""
    for m in mentions:
        if m.drop or m.unit or m.approx != "exact" or m.series or m.has_scale or m.classifier:
            continue
        if lex.data.entity_after and m.entity:
            continue
        if "fraction" in m.notes:  # 'one over three', 'two thirds of the cake': a share, not a label
            continue
        if m.num.tokens[0].kind == "num" and _POWER.search(m.num.tokens[0].text):
            continue  # 'a factor of 2.48×10−5': scientific notation measures, it does not label
        if _stands_alone(text, s_start, s_end, m):
            continue
        if lex.word_before("quantity_before", text, m.outer_start, r"[ \t]*" if lex.data.spaced else ""):
            continue  # 'and a further 600 in the Netherlands': the noun was said before
        if not lex.data.spaced and m.num.words_only and len(m.num.tokens) > 1:
            continue  # 二百三十三: a numeral of several words is a number, not a label
        if _level_after_a_change(text, s_start, m, mentions, lex):
            continue  # 'climbed 1.3 percentage points to 51.8': the level the change reached
        label = _list_label(text, m)
        if label:  # '- Gross orders: 112': a value in a list or table line, its label what it counts
            m.entity = m.entity or label
            continue
        if lex.word_after("rate_phrases_after", text, m.outer_end, r"[ \t]+"):
            continue  # 'reach 75 a month by 2027': a count per month
        m.drop = "bare number (no unit, no noun)"


# --- series: changes and ranges ---------------------------------------------

def link_series(text: str, s_start: int, mentions: list[Mention], lex: Compiled, next_id) -> None:
    kept = [m for m in mentions if not m.drop]
    times = [m for m in mentions if m.drop in ("year", "date")]
    gap = r"[ \t]*" if lex.data.spaced else r"[ \t]?"
    prev_end = s_start
    for a, b in zip(kept, kept[1:]):
        front = _without_periods(text, prev_end, a.outer_start, times, lex, gap)
        prev_end = a.outer_end
        if a.series or b.series:
            continue
        # 从136.6万辆增长到958.7万辆: the measure word belongs to the first member
        a_end = a.outer_end + (len(a.classifier) if a.classifier and text.startswith(a.classifier, a.outer_end) else 0)
        between = _without_periods(text, a_end, b.outer_start, times, lex, gap)
        own = _own_noun_at(between.lstrip(), a.entity, lex)
        if a.entity and (a.entity in lex.data.counter_words or lex.data.entity_after and lex.data.spaced) \
                and own and between.lstrip()[own:].strip():
            # 'từ 1.400 chiếc năm 2019 lên 3.500 chiếc', 'to 98 ships from 49' (not when the 'noun' is
            # the joining word itself: 'khoảng 1.000 tới 2.000 đồng')
            between = between.lstrip()[own:]
        between = between[len(_shared_noun(between, text, b.outer_end, lex)):]
        if lex.data.unit_hyphen and between[:2] in ("- ", "-\t") and between[1:].strip() and b.unit_written \
                and not a.unit:
            between = between[1:]  # '8- to 16-meter': a hyphen left hanging for the unit written once
        role = _series_roles(text, s_start, a, b, front, between, lex, gap)
        if not role and b.outer_start < b.start and not between.strip(" \t"):
            # 'khoảng 1000 tới 2000', 'từ 5% lên tới 7%': b's qualifier is the word joining the pair
            role = _series_roles(text, s_start, a, b, front,
                                 _without_periods(text, a_end, b.start, times, lex, gap), lex, gap)
            if role:
                b.outer_start, b.approx = b.start, "exact"
        if not role:
            if lex.data.and_list_shares_unit and not (a.unit or a.entity or a.has_scale) \
                    and (b.unit_written or (b.entity and not lex.data.and_list_unit_only)) \
                    and _only(between, lex, "and_words", strict=True):
                _share_unit(a, b, lex)  # '45 and 50 mg': a list, not a range, written with one unit
                a.entity = b.entity
            continue
        written = a.unit_written or b.unit_written
        _share_unit(a, b, lex)
        if role[0] == "low" and not a.value <= b.value:
            if text[a.end:b.start] == "-" and not written:
                # '3-1 Akasaka', 'won 3-1': a pair that falls can be no range, so it is an address or a score
                a.drop = b.drop = "code or score (a falling pair is no range: 3-1)"
            continue
        if role[0] == "low" and b.approx == "exact":
            b.approx = a.approx  # 'khoảng 50-55%': the qualifier bounds the whole range
        sid = next_id()
        a.series, a.role = sid, role[0]
        b.series, b.role = sid, role[1]
        if not lex.data.entity_after:  # 产量从2020年的X: the metric stands before the period phrase
            a.entity = metric_before(front, 0, len(front), lex) or a.entity
        # both ends of a change or range measure the same thing
        b.entity = a.entity or b.entity
        a.entity = a.entity or b.entity


def _own_noun_at(s: str, noun: str, lex: Compiled) -> int:
    """The length of ``noun`` where ``s`` opens with it, maybe after a skip word ('of steel'); 0 if not."""
    if not noun:
        return 0
    if s.startswith(noun):
        return len(noun)
    first, _, rest = s.partition(" ")
    if first in lex.word_set("entity_skip_words") and rest.startswith(noun):
        return len(first) + 1 + len(noun)
    return 0


def _shared_noun(between: str, text: str, b_end: int, lex: Compiled) -> str:
    """The noun both members are followed by, as it opens ``between`` (with its leading space):
    由572千克标准煤降至551千克标准煤 — 标准煤 is the first member's, not a word joining the pair."""
    lead = len(between) - len(between.lstrip())
    mine, theirs = between[lead:], text[b_end:b_end + len(between)].lstrip()
    n = 0
    while n < len(mine) and n < len(theirs) and mine[n] == theirs[n] and _letter(mine[n]):
        n += 1
    if lex.data.spaced and n < len(mine) and _letter(mine[n]):
        n = mine.rfind(" ", 0, n) + 1 if " " in mine[:n] else 0  # whole words only
    if n < 2 or not mine[n:].strip():
        return ""  # ('from 50 to 80% to flow': the joining word itself is no shared noun)
    return between[:lead + n]


def _series_roles(text, s_start, a: Mention, b: Mention, front: str, between: str, lex: Compiled, gap: str):
    """('from', 'to') for a change, ('low', 'high') for a range, None when a and b are not one series."""
    if (a.unit_written or "fraction" in a.notes) and b.unit_written \
            and lex.word_before("amount_before", text, a.outer_start, gap):
        # 'raised by $1 billion to $5.65 billion', 'risen by roughly a quarter to RM4,500': an increase
        # and the level it reached
        return None
    if {a.unit, b.unit} == {"percent", "percentage_point"}:
        return None  # 'expanded 120 basis points to 14.6%': a change in points and the level it reached
    if a.unit_written and not a.unit_before and not b.unit_written:
        # 'jumped 20% to 1.2 million units', 'climbed 1.3 percentage points to 51.8': a unit written
        # after the first number and none after the second is no shared unit but another quantity
        return None
    has_from = lex.word_before("from_words", front, len(front), gap) or _from_phrase(front, lex)
    has_between = lex.word_before("between_words", front, len(front), gap)
    joined_to = _only(between, lex, "to_words")
    changes = _changes(text, s_start, b.outer_start, lex)
    if has_from and joined_to:
        # 'giảm từ 10 đến 15%': a range-like to-word with the unit written once is a range, not a change
        ranged = not a.unit_written and any(between.strip().endswith(w) for w in lex.table("range_to_words"))
        # 'đạt từ 6,5% đến 7%': a range opener longer than the from-word ('tăng từ' is not one)
        ranged = ranged or bool(has_between and has_between[0] not in lex.table("from_words"))
        return ("from", "to") if changes and not ranged else ("low", "high")
    if has_between and _only(between, lex, "and_words"):
        return ("low", "high")
    # 'rose 2.1 points to 47.6': a noun after the first number only makes it an amount, not one end
    amount = a.entity and lex.data.entity_after and not (b.entity or b.unit) and text.startswith(a.entity, a.outer_end + 1)
    if between.strip() and _only(between, lex, "range_joiners") and _compatible(a, b) and not amount:
        # '30万辆提升至50万辆': a change verb before the joiner makes a change, not a range
        if changes and joined_to and not _only(between, lex, "range_joiners", strict=True):
            return ("from", "to")
        return ("low", "high")
    if joined_to and changes and _compatible(a, b) and _only(between, lex, "to_words", strict=True) and not amount:
        return ("from", "to")
    # '186 MW, tăng từ 98 MW': the new value first, then the change verb and the old one
    back = between.strip(" \t,")
    if "," in back:  # '7.15% of new-vehicle sales, up from 6.0%': the change phrase follows the comma
        back = back.rsplit(",", 1)[1].strip()
    opener = lex.word_before("from_words", back, len(back), "")
    # ('fallen, to $139 per kWh in 2023 from $161': the change verb stands before the new value)
    if opener and _is_change_phrase(back[:opener[1]].strip(), lex) \
            and (back[:opener[1]].strip() or _changes(text, s_start, a.outer_start, lex)) \
            and _compatible(a, b) and not lex.word_after("to_words", text, b.outer_end, gap) \
            and not (b.unit_written and not a.unit):  # ('19 percent of the 120,000-strong workforce, up from 8 percent')
        return ("to", "from")
    return None


def _from_phrase(front: str, lex: Compiled):
    """'risen from an initial estimate of 53 billion kronor': a from-word and a short phrase ending
    in one of the language's from_phrase_tails (of) before the first member."""
    if not lex.table("from_phrase_tails"):
        return None
    rx = lex.compiled("from phrase", lambda lx: r"(?:%s)(?:[ \t]+[\p{L}\p{M}'’-]+){1,4}?[ \t]+(?:%s)[ \t]*\Z" % (
        alternation(lx.table("from_words")), alternation(lx.table("from_phrase_tails"))))
    hit = rx.search(front, max(0, len(front) - 80))  # (only the end can hold it: no scan of the whole clause)
    return (hit.group(), hit.start()) if hit else None


def _without_periods(text: str, a: int, b: int, times: list[Mention], lex: Compiled, gap: str) -> str:
    """text[a:b] without the years and dates in it and the words gluing them (从2020年的 -> 从)."""
    pieces, pos = [], a
    for t in times:
        if a <= t.outer_start and t.end <= b:
            lead = lex.word_before("year_before", text, t.outer_start, gap)  # 'năm 2023', 'cuối năm 2022'
            pieces.append(text[pos:lead[1] if lead and lead[1] >= pos else t.outer_start])
            pos = t.end
            glue = lex.word_after("period_glue", text, pos, gap)
            if glue and glue[1] <= b:
                pos = glue[1]
    pieces.append(text[pos:b])
    out = "".join(pieces)
    if lex.table("time_words") or lex.table("series_fillers"):  # 'từ 8,5 triệu tấn hiện nay lên …'
        out = lex.compiled("time_words_gap", lambda lx: r"%s[ \t]*" % alternation(
            tuple(lx.table("time_words")) + tuple(lx.table("series_fillers")))).sub("", out)
    glue = lex.word_before("period_glue", out, len(out), gap)
    return out[:glue[1]] if glue and lex.table("period_glue") else out


def _only(between: str, lex: Compiled, table: str, strict: bool = False) -> bool:
    """``between`` is just one word of ``table`` (with spaces, maybe a change verb before it)."""
    s = between.strip()
    if not s:
        return False
    for w in lex.endings(table, s):
        if s == w:
            return True
        if not strict and _is_change_phrase(s[: -len(w)].strip(), lex):
            return True
    return False


def _is_change_phrase(s: str, lex: Compiled) -> bool:
    """A change verb, maybe with a few words before it; not across a comma, where a new clause
    (制造业用钢占比则提高到) starts a new subject."""
    return s == "" or s in lex.table("change_words") or \
        (not _CLAUSE_MARK.search(s) and any(len(s) - len(w) < 12 for w in lex.endings("change_words", s)))


_CLAUSE_MARK = regex.compile(r"[%s]" % regex.escape(CLAUSE_MARKS))


def _changes(text: str, s_start: int, pos: int, lex: Compiled) -> bool:
    return lex.mentions_any("change_words", text, max(s_start, pos - 80), pos)


def _compatible(a: Mention, b: Mention) -> bool:
    """Units of one kind, or a rate and its numerator ('$139 per kWh … from $161')."""
    return not a.unit or not b.unit or units.kind_of(a.unit) == units.kind_of(b.unit) \
        or a.unit.startswith(b.unit + "/") or b.unit.startswith(a.unit + "/")


def _share_unit(a: Mention, b: Mention, lex: Compiled) -> None:
    """'10-15%', 'between 3 and 5 million': the first member borrows what the second wrote."""
    for x, y in ((a, b), (b, a)):  # '$139 per kWh in 2023 from $161': both are prices per kWh
        if x.unit and y.unit and x.unit.startswith(y.unit + "/"):
            y.unit, y.kind = x.unit, x.kind
    if not a.unit and b.unit:
        a.unit, a.kind = b.unit, b.kind
        if not a.has_scale:  # '9 to 11 cents': 0.09 USD, as 11 cents is 0.11 ('80万至100万吨' has its own 万)
            a.value *= _unit_factor(b, lex)
        if "tenths" in b.notes and not a.unit_written:
            a.value *= 10  # '五到六成': 50 to 60 percent
    elif a.unit and not b.unit:
        b.unit, b.kind = a.unit, a.kind
        if a.has_scale and not b.has_scale and a.num.scale > 1:
            b.value *= a.num.scale
    # 'between 3 and 5 million', '$2-3 billion': a bare low end takes the high end's scale
    scale = b.num.scale
    if b.has_scale and not a.has_scale and scale > 1 and a.unit == b.unit \
            and a.value * scale <= b.value * 1.0001 + 1e-9:
        a.value *= scale
        a.has_scale = True


def _unit_factor(m: Mention, lex: Compiled) -> float:
    """What the unit word a figure was written with scales its number by (cents: 0.01 USD)."""
    spec = lex.data.units.get(m.unit_word) if m.unit_word else None
    return units.resolve(spec)[1] if spec else 1.0


# --- periods ---------------------------------------------------------------

def assign_periods(text: str, s_start: int, s_end: int, mentions: list[Mention], years, lex: Compiled) -> None:
    kept = [m for m in mentions if not m.drop]
    usable = _period_years(text, s_start, s_end, kept, years, lex) if kept and years else []
    if usable:
        # (each year's quarter or month, read once for the rules below)
        parts = {pos: glued_part(text, s_start, s_end, pos, lex) for pos, _ in usable}
        _assign_years(text, s_start, s_end, kept, sorted(usable), parts, lex)
        if len(years) >= 2:
            _add_glued_parts(kept, usable, parts)
    _blank_periods_beside_decades(text, s_start, s_end, mentions)
    _use_clause_quarters(text, s_start, s_end, mentions, lex)
    gap = r"[ \t]*" if lex.data.spaced else r"[ \t]?"
    for m in mentions:  # '70 GWh today', 'Hiện 3 khách hàng', '目前的7.5万元': now, not the year nearby
        if m.period and (lex.word_before("present_words", text, m.outer_start, gap)
                         or lex.word_after("present_words", text, m.outer_end, gap)):
            m.period = ""


def _assign_years(text: str, s_start: int, s_end: int, kept, years, year_parts: dict, lex: Compiled) -> None:
    """``years``: the sentence's usable years in order; ``year_parts``: the part written with each."""
    distinct = []
    for pos, y in years:
        if y not in [d for _, d in distinct]:
            distinct.append((pos, y))
    parts = [(pos, year_parts[pos]) for pos, _ in years]
    glued = {part for _, part in parts} - {""}
    # ('114年第三季 … 較第二季': the quarter written with the year, else any quarter the sentence names)
    suffix = glued.pop() if len(glued) == 1 else any_quarter(text, s_start, s_end, lex)
    if len({part for _, part in parts}) > 1:  # 'tháng 9/2026 … 9 tháng năm 2026': each figure its own
        suffix = None
    changes = [m for m in kept if m.role in ("from", "to")]
    if lex.data.period_before_figure and changes and len(distinct) >= 2:
        _years_before_members(kept, changes, years)  # 从2020年的136.6万辆增长到2023年的958.7万辆
        if all(m.period for m in changes):
            return
    claimed = set()  # years written right after a figure that is no member of a change
    if len(distinct) >= 2 and not lex.data.period_before_figure:  # 'đạt 68-70 tỷ USD vào năm 2030': a year written right after a figure is its own
        for m in kept:
            y = _year_right_after(text, m, years, lex)
            if y and not m.period:
                m.period = str(y)
                if m.role not in ("from", "to"):
                    claimed.add(y)
                for other in kept:  # '68-70 tỷ USD vào năm 2030': the range's other end too
                    if other.series and other.series == m.series and other.role == "low" and not other.period:
                        other.period = m.period
    if changes and len(distinct) >= 2 and _years_after_members(text, s_end, kept, changes, years, distinct, claimed):
        # ('tăng từ 1,6 tấn/ha năm 2024; sản lượng 21.150 tấn': a change's starting year is not the later figures')
        claimed |= {int(m.period) for m in changes if m.role == "from" and m.period.isdigit()}
        changes = []
    if changes and len(distinct) >= 2:
        # 由2023年的21.3%升至23.1%: a year glued to a member is its own, the other member takes the other year
        owners = [m for m in changes if m.period and _own_year(text, m, years, lex)]
        rest = [str(y) for _, y in distinct if str(y) not in {m.period for m in owners}]
        for m in changes:
            if owners:
                m.period = m.period if m in owners else (rest[0] if rest else "")
            else:
                m.period = str(distinct[0][1]) if m.role == "from" else str(distinct[1][1])
        if not (owners and lex.data.period_before_figure):
            return  # (with a glued year, the other figures take the year written before them, below)
    if len(distinct) == 1 and _year_of_a_base(text, kept, years, year_parts, lex):
        return  # ('31,400 units, compared with 34,900 in the third quarter of 2024': the year is the base's)
    if len(distinct) == 1:
        owners = [m for m in changes if _own_year(text, m, years, lex)]
        for m in kept:
            if m.period or (lex.data.period_before_figure and _only_years_after(m, years)):
                continue
            if len(owners) == 1 and m in changes and m is not owners[0]:
                continue  # '由2019年的92.5%降至85.3%', 'từ 1 tỷ đồng năm 2019 xuống 650 triệu': the year is the start's
            m.period = str(distinct[0][1]) + (suffix if suffix is not None else _part_nearest(parts, m))
        return
    for m in kept:  # the last year before it, unless that year is another figure's own
        before = [y for pos, y in years if pos < m.outer_start and y not in claimed]
        if before and not m.period:
            m.period = str(before[-1])


def _year_of_a_base(text: str, kept, years, year_parts: dict, lex: Compiled) -> bool:
    """Is every year of the sentence written right after a figure that is a base of comparison
    ('compared with 34,900 in 2024', 'so với 1.200 tỷ đồng năm 2024')? Then it dates that figure
    alone, which keeps it; the others take no year."""
    if lex.data.period_before_figure or not lex.data.not_period_before:
        return False
    gap = r"[ \t]*"
    bases = [m for m in kept if lex.word_before("not_period_before", text, m.outer_start, gap)]
    if not bases:
        return False
    owned = {}
    for m in bases:
        y = _year_right_after(text, m, years, lex)
        if y is not None:
            owned[id(m)] = y
    if not owned or len(owned) < len({y for _, y in years}) or set(owned.values()) != {y for _, y in years}:
        return False
    parts = {y: year_parts[pos] for pos, y in years}
    for m in bases:
        if id(m) in owned:
            m.period = str(owned[id(m)]) + parts.get(owned[id(m)], "")
    return True


def _period_years(text: str, s_start: int, s_end: int, kept, years, lex: Compiled):
    """The years of a sentence that can be its figures' time: not a dateline's, a base's or an aside's."""
    return [(pos, y) for pos, y in years if _dates_figures(text, s_start, s_end, pos, lex)
            and not _in_an_aside_without_figures(text, s_start, s_end, pos, kept, lex)]


_CLAUSE_COMMA = regex.compile(r",(?!\d)")


def _in_an_aside_without_figures(text: str, s_start: int, s_end: int, pos: int, kept, lex: Compiled) -> bool:
    """'The plant, which opened in 2016, employs 1,300 people': a year in a relative clause set off
    by commas dates the clause's own figures, not the sentence's."""
    if not lex.table("aside_openers"):
        return False
    opener = lex.compiled("aside opener", lambda lx: r"(?r),[ \t]*(?:%s)\b(?:[^,]|(?<=\d),(?=\d))*\Z" % alternation(
        lx.table("aside_openers")))
    found = opener.search(text, s_start, pos)
    if not found:
        return False
    closing = _CLAUSE_COMMA.search(text, pos, s_end)  # (not the comma of '1,300')
    if not closing:
        return False  # (a clause that runs to the sentence's end is no aside)
    end = closing.start()
    return not any(found.start() <= m.outer_start < end for m in kept)


_DATE_SEPARATORS = r"[\s/.,\-–]"


def _dates_figures(text: str, s_start: int, s_end: int, pos: int, lex: Compiled) -> bool:
    """Can the year at ``pos`` be the time of the figures around it? Not the year of a full
    date: a dateline or the day a decree was signed ('Dec. 16, 2024 --', 'Ngày 15/11/2024,',
    '2024年10月18日'); nor a starting point or a base ('since 2020', 'so với cùng kỳ năm 2023',
    '较2023年底', '2016年以来'). A month and year ('tháng 9/2024', 'March 2024') still dates, and
    so does a full date the figures are given as of ('tính đến ngày 30/6/2024', '截至2024年6月30日')."""
    end = _digits_end(text, pos, s_end)
    before = text[max(s_start, pos - 24):pos]
    after = text[end:min(s_end, end + 12)]
    date_start = _full_date_start(before, after, lex)
    if date_start is not None:
        return _given_as_of(before[:date_start], lex)
    return not _start_or_base(before, after, lex)


def _digits_end(text: str, pos: int, limit: int) -> int:
    """The end of the digits of the year written at ``pos``."""
    while pos < limit and text[pos].isdigit():
        pos += 1
    return pos


def _full_date_start(before: str, after: str, lex: Compiled) -> int | None:
    """Where, in ``before``, the full date around a year starts (day and month written before
    it, or after it as in 2024年10月18日); None for a year alone or with its month only."""
    parts_before = lex.compiled("date parts before", lambda lx: r"(?:(?:%s|(?<![\d.,])\d{1,2})(?:%s)?%s*){2}(?:%s)?[ \t]*\Z" % (
        _words(lx, "month_names", r"\.?"), _words(lx, "date_after"), _separators(lx), _words(lx, "year_before")))
    parts_after = lex.compiled("date parts after", lambda lx: r"\A(?:%s)?(?:%s*(?:\d{1,2}|%s)(?:%s)){2}" % (
        _words(lx, "year_after"), _separators(lx), _words(lx, "month_names", r"\.?"), _words(lx, "date_after")))
    found = parts_before.search(before)
    if found:
        return found.start()
    return len(before) if parts_after.match(after) else None


def _given_as_of(lead: str, lex: Compiled) -> bool:
    """'tính đến ngày', 'as of', '截至' right before a full date: the figures stand as of that day."""
    return bool(lex.data.as_of_words) and lex.compiled("as of", lambda lx: r"(?:%s)[ \t]*(?:%s)?[ \t]*\Z" % (
        alternation(lx.data.as_of_words), _words(lx, "date_before"))).search(lead) is not None


def _start_or_base(before: str, after: str, lex: Compiled) -> bool:
    """'since 2020', 'so với năm 2023', '较2020年', '2016年以来': the year is where a change
    starts or what it is compared with."""
    # ('so với thực hiện năm 2025', 'compared with the 2023 level': a few words may stand between)
    if lex.data.not_period_before and lex.compiled("not period before", lambda lx: r"(?:%s)%s[ \t]{0,3}(?:%s)?[ \t]*\Z" % (
            alternation(lx.data.not_period_before), r"(?:[ \t]+[\p{L}\p{M}]+){0,2}" if lx.data.spaced else "",
            _words(lx, "year_before"))).search(before):
        return True
    return bool(lex.data.not_period_after) and lex.compiled("not period after", lambda lx: r"\A(?:%s)?[ \t]*(?:%s)" % (
        _words(lx, "year_after"), alternation(lx.data.not_period_after))).match(after) is not None


def _words(lex: Compiled, table: str, tail: str = "") -> str:
    """A table's words as a pattern; one that never matches for an empty table."""
    words = lex.table(table)
    return "(?:%s)%s" % (alternation(words), tail) if words else "(?!x)x"


def _separators(lex: Compiled) -> str:
    """What may stand between the parts of a date: punctuation, space, the date words (ngày, tháng)."""
    words = tuple(lex.data.date_before)
    return "(?:%s|%s)" % (_DATE_SEPARATORS, alternation(words)) if words else _DATE_SEPARATORS


def _own_year(text: str, m: Mention, years, lex: Compiled) -> bool:
    """Is a year written against this member of a change, as its own time? Right before it
    where years precede figures (由2019年的92.5%, 从2022年11月的60万元), right after it elsewhere
    ('từ 1 tỷ đồng năm 2019', 'from $161 in 2022')."""
    if not lex.data.period_before_figure:
        return _year_right_after(text, m, years, lex) is not None
    glued = lex.compiled("year glued before", lambda lx: r"(?:%s)?(?:\d{1,2}(?:%s))?(?:%s)?\Z" % (
        _words(lx, "year_after"), _words(lx, "date_after"), _words(lx, "period_glue")))
    for pos, _ in years:
        if pos < m.outer_start and glued.match(text, _digits_end(text, pos, m.outer_start), m.outer_start):
            return True
    return False


def _only_years_after(m: Mention, years) -> bool:
    """Where a year stands before the figure it dates (2023年产量达X), a figure written before
    every year is not dated by them: '近50万家，较2020年末增加约10万家' (2020 is the base)."""
    return all(pos >= m.outer_end for pos, _ in years)


def _years_before_members(kept, changes, years) -> None:
    """Each member of a change takes a year written between the figure before it and itself."""
    for m in changes:
        prev_end = max([k.outer_end for k in kept if k.outer_end <= m.outer_start] + [-1])
        near = [y for pos, y in years if prev_end <= pos < m.outer_start]
        if near:
            m.period = str(near[-1])


def _year_right_after(text: str, m: Mention, years, lex: Compiled):
    gap = r"[ \t,]*"
    for pos, y in years:
        if m.outer_end <= pos <= m.outer_end + 40:
            rest = text[m.outer_end:pos]
            if m.entity and lex.data.entity_after:  # '1.9 million square metres of space in 2023'
                rest = rest.replace(m.entity, " ", 1)
            for table in ("time_words", "year_before", "entity_skip_words", "quarter_words", "quarter_year_glue"):
                if lex.table(table):
                    rest = lex.compiled("alt:" + table, lambda lx: alternation(lx.table(table))).sub(" ", rest)
            if not rest.strip(" \t"):  # not across a comma: "3,25%, năm 2022 là …"
                return y
    return None


def _years_after_members(text, s_end, kept, changes, years, distinct, claimed=frozenset()) -> bool:
    """'từ 92 tỷ đồng năm 2023 lên 146 tỷ đồng năm 2024', '186 MW, tăng từ 98 MW cuối năm 2022':
    a year written right after a member (before the next figure) is that member's period."""
    own = {}
    for m in changes:
        nxt = min([k.outer_start for k in kept if k.outer_start >= m.outer_end] + [s_end])
        near = [y for pos, y in years if m.outer_end <= pos < min(nxt, m.outer_end + 24)]
        if near:
            own[id(m)] = near[0]
    if not own:
        return False
    if len(own) < len(changes) and len(distinct) != 2:
        return False
    for m in changes:
        y = own.get(id(m))
        if y is None:  # the other member takes the sentence's other year, unless another figure's
            # ('absorbed 1.9 million square metres of space in 2023, and vacancy has fallen to 2.8% from 10% in 2019')
            others = [d for _, d in distinct if d not in own.values() and d not in claimed]
            y = others[0] if len(set(own.values())) == 1 and others else None
        if y is not None:
            m.period = str(y)
    return True


_CLAUSE_END = regex.compile(r",(?!\d)|[;:，；：]")


def _clause_of(text: str, s_start: int, s_end: int, m: Mention) -> tuple[int, int]:
    """The clause around a figure: between the commas (not those of '1,300'), semicolons or colons."""
    ends = list(_CLAUSE_END.finditer(text, s_start, m.outer_start))
    start = ends[-1].end() if ends else s_start
    found = _CLAUSE_END.search(text, m.outer_end, s_end)
    return start, (found.start() if found else s_end)


def _use_clause_quarters(text: str, s_start: int, s_end: int, mentions: list[Mention], lex: Compiled) -> None:
    """'2024年上半年…增长6%，其中二季度增长5.6%': a quarter named in the figure's own clause, with no
    year there, is the figure's part of the sentence's year."""
    if not lex.data.quarter_words:
        return
    years = [m.num.start for m in mentions if m.drop in ("year",) + _NAMED_YEARS]
    for m in mentions:
        if m.drop or len(m.period) < 4 or not m.period[:4].isdigit():
            continue
        start, end = _clause_of(text, s_start, s_end, m)
        if any(start <= p < end for p in years):
            continue
        found = _quarters_named(text, start, end, lex)
        if len(found) == 1:
            m.period = m.period[:4] + found.pop()


def _quarters_named(text: str, start: int, end: int, lex: Compiled) -> set:
    """The quarters text[start:end] names as a time, not as a base ('較第二季', 'so với quý II')."""
    table, found = lex.table("quarter_words"), set()
    for w in lex.longest_first("quarter_words"):
        at = text.find(w, start, end)
        while at >= 0:
            inside = any(f[0] <= at < f[1] for f in found)
            if not inside and not lex.word_before("not_period_before", text, at):
                found.add((at, at + len(w), table[w]))
            at = text.find(w, at + 1, end)
    return {suffix for _, _, suffix in found}


def _blank_periods_beside_decades(text: str, s_start: int, s_end: int, mentions: list[Mention]) -> None:
    """'down from 900,000 in the 1980s', '遠低於1980年代逾20%': a figure whose clause names a decade
    and no year is of that decade, not of a year written elsewhere in the sentence."""
    decades = [m.num.start for m in mentions if m.drop == _DECADE]
    if not decades:
        return
    years = [m.num.start for m in mentions if m.drop == "year"]
    for m in mentions:
        if m.drop or not m.period:
            continue
        start, end = _clause_of(text, s_start, s_end, m)
        if any(start <= p < end for p in decades) and not any(start <= p < end for p in years):
            m.period = ""


def _add_glued_parts(kept, years, year_parts: dict) -> None:
    """'quý III/2025', 'the first quarter of 2024', '2025年第三季', 'tháng 9/2026': a quarter or a month
    written against its year narrows that year, also in a sentence of several years (with one year,
    ``_assign_years`` already did). Only when every mention of the year carries the same part:
    otherwise the figure's is unknown."""
    suffixes: dict[int, set] = {}
    for pos, y in years:
        suffixes.setdefault(y, set()).add(year_parts[pos])
    for m in kept:
        if not m.period.isdigit():
            continue
        found = suffixes.get(int(m.period), {""})
        if len(found) == 1 and "" not in found:
            m.period += next(iter(found))


def glued_part(text: str, s_start: int, s_end: int, pos: int, lex: Compiled) -> str:
    """The part of the year at ``pos`` written against it: a quarter ('-Q3') or a month ('-09';
    'tháng 9/2025', 'September 2025', '2025年9月'); '' for none."""
    return _glued_quarter_word(text, s_start, s_end, pos, lex) or _glued_month(text, s_start, s_end, pos, lex)


def _part_nearest(parts, m: Mention) -> str:
    """The part (quarter, month) of the year written last before the figure, else first after it."""
    before = [part for pos, part in parts if pos < m.outer_start]
    return before[-1] if before else parts[0][1]


def _glued_month(text: str, s_start: int, s_end: int, pos: int, lex: Compiled) -> str:
    d = lex.data
    month = None
    if d.month_numbers:  # 'September 2025', 'Sept. 2025', 'September of 2025'
        rx = lex.compiled("month name before year", lambda lx: r"(?r)(?P<m>%s)\.?[ \t,]*(?:(?:%s)[ \t]*)?\Z" % (
            alternation(lx.table("month_numbers")), _words(lx, "quarter_year_glue")))
        found = rx.search(text, max(s_start, pos - 24), pos)
        if found:
            month = d.month_numbers.get(lex.entry("month_numbers", found.group("m")))
    if month is None and d.month_before_number:  # 'tháng 9/2025', 'tháng 9 năm 2025'
        rx = lex.compiled("month number before year", lambda lx: r"(?r)(?<![\p{L}])(?:%s)[ \t]*(?P<n>\d{1,2})[ \t]*(?:[/\-.]|(?:%s))[ \t]*\Z" % (
            alternation(lx.table("month_before_number")), _words(lx, "year_before")))
        found = rx.search(text, max(s_start, pos - 24), pos)
        if found:
            month = int(found.group("n"))
    if month is None and d.month_after_number:  # '2025年9月' (not '2025年1-9月', a span of months)
        rx = lex.compiled("month number after year", lambda lx: r"(?:%s)(?P<n>\d{1,2})(?:%s)(?![\-–~至到])" % (
            _words(lx, "year_after"), alternation(lx.table("month_after_number"), start_boundary=False)))
        found = rx.match(text, _digits_end(text, pos, s_end), s_end)
        if found:
            month = int(found.group("n"))
    return f"-{month:02d}" if month and 1 <= month <= 12 else ""


def _glued_quarter_word(text: str, s_start: int, s_end: int, pos: int, lex: Compiled) -> str:
    quarters = lex.table("quarter_words")
    before = lex.compiled("quarter before year", lambda lx: r"(?r)(?P<q>%s)[ \t/\-]*(?:(?:%s)[ \t]*)?\Z" % (
        alternation(lx.table("quarter_words")), _words(lx, "quarter_year_glue")))
    found = before.search(text, max(s_start, pos - 30), pos)
    if found:
        return quarters.get(lex.entry("quarter_words", found.group("q")), "")
    after = lex.compiled("quarter after year", lambda lx: r"[ \t/\-]*(?:(?:%s)[ \t]*)?(?P<q>%s)" % (
        _words(lx, "year_after"), alternation(lx.table("quarter_words"), start_boundary=False)))
    found = after.match(text, _digits_end(text, pos, s_end), s_end)
    return quarters.get(lex.entry("quarter_words", found.group("q")), "") if found else ""


def any_quarter(text: str, s_start: int, s_end: int, lex: Compiled) -> str:
    """The part of a year that the first (longest) quarter word in text[s_start:s_end] names."""
    table = lex.table("quarter_words")
    for w in lex.longest_first("quarter_words"):
        if text.find(w, s_start, s_end) >= 0:
            return table[w]
    return ""
