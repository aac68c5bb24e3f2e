"""The schema every language fills: words and markers only, no logic.

The engine reads these fields; a language quirk becomes a field here, never an
``if lang == ...`` in the engine. Every field is documented where it is declared.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Lexicon:
    code: str                      # 'vi', 'zh', 'en'
    # --- writing system -------------------------------------------------
    spaced: bool                   # words separated by spaces (vi, en) or not (zh)
    word_gap: str                  # regex allowed between the words of one numeral
    abbreviations: tuple = ()      # words ending in '.' that do not end a sentence
    sentence_ends: str = ".!?"    # characters that end a sentence (followed by space)
    sentence_ends_unspaced: str = ""  # characters that end a sentence wherever they stand

    # --- digit strings --------------------------------------------------
    decimal_mark: str = "."        # the mark a lone separator means when not 3-digit grouping
    three_digit_group_marks: str = ","  # a lone mark followed by exactly 3 digits groups thousands
    space_groups: bool = True      # '816 000' is one number
    slash_fractions: bool = False  # '3/4', '2 1/4 miles' are one number each (a date when nothing says fraction)
    leading_decimal: bool = False  # ',77' / '.5': the decimal mark may open a number (0.77)
    powers: bool = False           # a power written after the digits is part of the number: '1.1^23',
                                   # '3×10^8', '2.48×10−5', '5.5x10-3' (a hyphen as minus after x10), '8x2^10'

    # --- number words ---------------------------------------------------
    digits: dict = field(default_factory=dict)        # word -> value of a unit digit (0-9, en also 10-19 and tens)
    additive_tens: dict = field(default_factory=dict) # en twenty..ninety: add to the following digit
    multipliers: dict = field(default_factory=dict)   # word -> 10/100/1000 inside one section (mươi, trăm, 十, 百, 千, hundred)
    teen_prefix: dict = field(default_factory=dict)   # word that is 10 + following digit (vi mười, zh 十 at start)
    scales: dict = field(default_factory=dict)        # word -> large scale (nghìn, triệu, 万, 亿, thousand, bn)
    scale_suffixes: dict = field(default_factory=dict)  # scale glued to digits: 'k' -> 1e3, 'bn' -> 1e9
    money_scale_suffixes: dict = field(default_factory=dict)  # glued scales only after a currency: '$5m'
    leading_multipliers: tuple = ()  # multipliers that may open a numeral with an implied one (十五)
    elided_place: bool = False     # a last digit after a place word counts one place lower (二百五 = 250)
    zero_fillers: tuple = ()       # words that stand for an empty place (linh, lẻ, 零, 'and')
    decimal_words: tuple = ()      # words read as the decimal point (chấm, phẩy, 点, point)
    half_after: dict = field(default_factory=dict)    # after a number: adds half of its last place (rưỡi, 半)
    after_tens_only: dict = field(default_factory=dict)  # digit words valid only after a tens word (mốt, lăm, tư)
    not_digit_after_tens: tuple = ()  # digit words that after a tens word are something else (vi năm = year)
    never_alone: tuple = ()        # words that are a figure only with a scale, unit or other number word (một, one, 一)
    ambiguous_words: tuple = ()    # number words that may end a numeral and start a unit or noun (năm)
    lead_articles: dict = field(default_factory=dict)  # 'a' -> 1 only before a multiplier or scale
    fraction_words: dict = field(default_factory=dict)  # denominators: 'fifths' -> 5 (en)
    lone_fractions: tuple = ()     # fraction words that are a share on their own, with no numerator: 'half of
                                   # the output' (only before a share word where the language has them), 一半
    digit_strings: bool = False    # numerals written digit by digit (二〇二三) are read positionally
    require_digit_word: bool = False  # a numeral needs a digit word (so 百年, 万物 are not numbers)
    not_numbers: tuple = ()        # words that start with a numeral word but are not numbers (tỷ lệ = rate,
                                   # so 'năm 2030 tỷ lệ …' is no '2030 tỷ')
    percent_prefixes: dict = field(default_factory=dict)  # 百分之 -> ('percent', 1), 千分之 -> ('percent', 0.1)
    fraction_infixes: tuple = ()   # 'A 分之 B' is B/A (三分之一 = 1/3)
    fraction_over: dict = field(default_factory=dict)  # 'A over B', 'A out of B' is A/B; the value says whether A
                                   # may exceed B (True: '2000 over 3'; False: a share, 'one out of three')
    tenths_suffix: dict = field(default_factory=dict)     # 三成 -> 30 percent, 八折 -> 80 percent
    period_before_at_clause_start: tuple = ()  # like period_before, only where the word opens a clause
    rate_denominators: dict = field(default_factory=dict)  # units only after a per-word (吨/日)
    era_years: tuple = ()  # (offset, lowest, highest): 114年 in Taiwan is 2025 (ROC years)
    from_phrase_tails: tuple = ()  # end a short phrase after a from-word: 'from an initial estimate of'
    and_list_unit_only: bool = False  # the and-list shares a written unit only, not a noun
    span_qualifiers: tuple = ()  # before a duration after a sum, the time it is spread over ('over five years')
    clock_words: tuple = ()  # between an hour and its minutes, make both a clock time (9 giờ 30)
    clock_before: tuple = ()  # before an hour: a time of day, not a duration (lúc 7 giờ)
    date_before_digits_only: tuple = ()  # date_before words that date digits only ('on 15', not 'on seven')
    calendar_words_after: dict = field(default_factory=dict)  # unit -> words after it that make a clock
                                   # time or a date of it: hour -> sáng (8 giờ sáng), month -> Chạp (27 tháng Chạp)
    count_suffixes: tuple = ()
    units_before_needing_scale: tuple = ()  # currency signs that count only before a scaled amount
    model_words_after: tuple = ()  # after a number and a space, make it a model name (737 MAX); digits
                                   # before one are never grouped with a space ('34 737 MAX' is 34)
    rate_phrases_after: tuple = ()  # after a bare number, make it a count per time ('75 a month')  # after a hyphen, keep a count a count ('a 120,000-strong workforce')
    fiscal_prefixes: tuple = ()  # glued to two digits, a fiscal year: FY25 -> 2025 (a period, not a figure)
    rate_base_before: tuple = ()  # before a number, make it the base of a rate, not a figure (per 10,000)
    aside_openers: tuple = ()   # after a comma, open a relative clause whose year is not the sentence's (which, who)
    series_fillers: tuple = ()  # phrases that may stand between a change's ends (a written-out rate: 'a share')
    bounding_qualifiers: tuple = ()  # qualifiers that bound a figure even before a comparison word
    tenths_next_place: tuple = ()  # tenths words after which one digit word is the next place (七成五 = 75%)
    qualified_leading_words: tuple = ()  # multipliers and scales that stand for 'one …' right after a
                                         # qualifier (逾千個 = more than 1,000; hơn trăm = more than 100)

    # --- what follows or precedes a number ---------------------------------
    units: dict = field(default_factory=dict)        # surface after a number -> canonical unit (pint string or ISO code)
    units_before: dict = field(default_factory=dict)  # surface before a number -> unit ($, US$, €, USD)
    unit_hyphen: bool = False      # a hyphen may join a number to its unit ('a 3-inch pipe', 'an 18-month delay')
    unit_brackets: tuple = ()      # bracket pairs a unit may stand in right after the number ('()': '20 (kg)')
    uncertainty_marks: tuple = ()  # '2,000.45±0.01 pounds': the uncertainty stays inside the one figure
    per_words: tuple = ()          # between two units, makes a rate ('$350 per kg' -> USD/kg, '$15.4/hour')
    half_inside: dict = field(default_factory=dict)  # between number and unit, adds a half: 个半 -> 个 (the unit then reads 个月)
    compound_joiners: tuple = ()   # between the parts of a compound measure: 零 (两年零三个月), và, and
    local_currencies: dict = field(default_factory=dict)  # currency names -> code: in a document that names
                                   # only one currency this way, a generic currency word means it (新台币 -> TWD);
                                   # a name mapped to '' only stops the inference (港元, 人民币)
    local_script: str = ""          # an OpenCC conversion: local currencies count only in a document that it
                                   # changes (Traditional characters: Taiwan and Hong Kong news), since
                                   # mainland news names 港元 in passing and still means CNY by 元
    generic_currency_words: tuple = ()  # unit words meaning the document's own currency (元: CNY unless the
                                   # document names only 新台币, say)
    units_before_tails: dict = field(default_factory=dict)  # a unit before the number may be echoed after it: 摄氏 … 度
    negative_words: tuple = ()     # words that make the following number negative (负, âm, minus)
    leading_halves: tuple = ()     # half-words that may open a numeral alone (半年 = 0.5 year)
    subunits: dict = field(default_factory=dict)     # '23 xen' after money: surface -> fraction of the main unit
    share_words: tuple = ()        # after a fraction: a share of something ('of': '1/4 of the output')
    scaled_money_units: dict = field(default_factory=dict)  # unit surface -> currency when a scale word precedes
                                   # and no share word follows: '361 million pounds' is sterling, '20 million
                                   # pounds of resin' and '25 pounds' are weights
    classifiers: tuple = ()        # measure words that make a bare number a count (家, 个, 辆)
    qualifiers_before: dict = field(default_factory=dict)  # word -> approx value (hơn -> more_than)
    qualifiers_after: dict = field(default_factory=dict)   # word after the number -> approx (以上, trở lên)
    qualifying_verbs: dict = field(default_factory=dict)  # a qualifier fused with a verb, earlier in the
                                   # figure's clause: 约占全厂用电量的三成 -> about
    speed_metrics: dict = field(default_factory=dict)  # a metric that makes a length a speed: 时速 -> per hour
    qualifiers_inside: dict = field(default_factory=dict)  # between number and unit (余, 多: 二百余万元)
    negative_signs: tuple = ("-", "−", "–")
    comparison_after: tuple = ()   # after a figure: a 'more/less than' before it is a comparison, not a qualifier
                                   # ('cao hơn 12% so với' is exact)
    bare_subunit: bool = False     # a two-digit number right after a money word ends the phrase as its cents
                                   # ('hai đô 23' = 2.23)
    # --- entity (what is counted) ------------------------------------------
    entity_after: bool = True      # the counted noun follows the number (vi, en) or precedes (zh metrics)
    entity_stop_words: tuple = ()  # words that end an entity phrase
    entity_skip_words: tuple = ()  # leading words skipped before the entity (of, các)
    # '25 of its suppliers', '11 of the 18 industries': after a skipped word, a determiner (and the
    # whole's own number) stands between a part and what it counts
    entity_partitive_words: tuple = ()
    counter_words: tuple = ()      # skipped words that are the entity when no noun follows ('34.855 chiếc.')
    entity_max_words: int = 5
    entity_link_words: tuple = ()  # spaced languages: words between a metric and its measure that are skipped
                                   # when the metric is read before the number (doanh thu đạt 5 tỷ đồng);
                                   # empty = a measure's entity is only the noun after it
    entity_modifier_words: tuple = ()  # words opening a modifier of the metric (doanh thu của công ty)
    date_tail_words: tuple = ()    # after a date word (年, 月): 底, 末, 初 — with it, trimmed from a metric that a date
                                   # opens (2023年末全省工业企业 -> 全省工业企业)
    entity_trim_before: tuple = () # zh: words trimmed from the end of a metric before the number (从, 由, 达)
    # --- what is not a figure ----------------------------------------------
    date_before: tuple = ()        # words before a number that make it a date (ngày, tháng, năm, in?)
    not_date_before: tuple = ()    # words that end in a date_before word but make no date (提前: ahead of)
    ago_words: tuple = ()          # after a duration: a point in time, not a figure (five years ago, 5年前)
    ago_before: tuple = ()         # before a duration: the same (cách đây 10 năm, 距今三年)
    date_after: tuple = ()         # words right after a number that make it a date (月, 日, 号)
    year_after: tuple = ()         # after a year-like number: a date (年)
    year_before: tuple = ()        # before a year-like number: a date/period (năm, in, since)
    month_names: tuple = ()        # January..., tháng Giêng
    ordinal_before: tuple = ()     # thứ, lần thứ, 第, số, No.
    ordinal_suffixes: tuple = ()   # st, nd, rd, th
    count_before: tuple = ()       # phrases ending in an ordinal word that still open a quantity (trong số 500)
    quantity_before: tuple = ()    # words that make a bare number a quantity whose noun was said before
                                   # ('a further 600', 'another 300', 'thêm 600', '另有600')
    numbering_before: tuple = ()   # Điều, Khoản, Article, Chapter, Phase: number is a label
    name_before: tuple = ()        # công nghiệp, Industry, version: the number is part of a name
    street_words: tuple = ()       # a bare number before Capitalised words ending in one is an address
    name_after: tuple = ()         # 大 (十八大), 届: the number is part of a name
    # --- series and periods -------------------------------------------------
    change_words: tuple = ()       # verbs of change (tăng, rose, 增长) that make from/to a change
    from_words: tuple = ()         # từ, from, 从, 由
    to_words: tuple = ()           # lên, đến, to, 到, 至 (between the two members of a series)
    range_to_words: tuple = ()     # to_words that make a range even after a change verb ('giảm từ 10 đến 15%'
                                   # is a fall of 10-15%; 'giảm từ 10% xuống 8%' a change)
    amount_before: tuple = ()      # before the first of two members that both write their unit: it is the
                                   # amount of a change, the second the new level ('raised by $1bn to $5.65bn')
    range_joiners: tuple = ()      # -, –, ~, 至, to (a range X-Y)
    between_words: tuple = ()      # between ... and
    and_words: tuple = ()          # and (between X and Y)
    and_list_shares_unit: bool = False  # 'X and Y unit' without 'between': a bare X takes Y's unit and noun
                                   # ('45 and 50 mg' -> 45 mg; '45 and 50 cases' -> 45 cases), with no series
    time_words: tuple = ()         # time phrases that may stand between the members of a series (hiện nay, cuối)
    period_glue: tuple = ()        # words tying a time to a series member (从2020年的X, 从去年的X, từ mức X)
    period_before_figure: bool = False  # a member's year stands before it (从2020年的X), not after (X năm 2023)
    not_period_before: tuple = ()  # before a year: a starting point or a base of comparison, not the time a
                                   # figure refers to (since, kể từ, so với, 较, 自)
    present_words: tuple = ()      # right before or after a figure: it is as of now, so a year elsewhere in the
                                   # sentence is not its period (70 GWh today, hiện nay, 目前的)
    as_of_words: tuple = ()        # before a full date: the figures stand as of that day, so its year dates
                                   # them (tính đến ngày 30/6/2024, as of June 30, 2024, 截至2024年6月30日)
    not_period_after: tuple = ()   # after a year (and its year_after word): the same (2016年以来)
    quarter_words: dict = field(default_factory=dict)  # phrase -> period suffix ('quý 3' -> '-Q3', '前三季度' -> '-Q1-Q3')
    decade_after: tuple = ()       # after a round year, glued: a decade, not a year (1980s, 1980年代)
    decade_before: tuple = ()      # before a round year: the same (thập niên 1990)
    table_unit_notes: dict = field(default_factory=dict)  # a note by a table giving its cells' unit -> the scale
                                   # word it implies ('(in millions of ' -> 'million', '单位：' -> '')
    month_numbers: dict = field(default_factory=dict)  # a month's name -> its number, for a month written
                                   # with its year ('September 2025' -> 2025-09)
    month_before_number: tuple = ()  # a word before a month's number (tháng 9/2025)
    month_after_number: tuple = ()   # a word after it (2025年9月)
    quarter_year_glue: tuple = ()  # words around a quarter that tie it to its year ('the first quarter of 2024', 'quý III năm 2025')
    period_units: tuple = ()       # units whose number 1-12 names a reporting period, not a duration, when a
    period_before: tuple = ()      # word of period_before precedes it ('lũy kế 9 tháng', 'trong 8 tháng')
    period_after: tuple = ()       # or of period_after follows it ('9 tháng đầu năm', '8 tháng năm 2024')
