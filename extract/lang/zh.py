"""Chinese: words and markers only (schema in base.py).

Written in Simplified script; ``script_variants`` asks the loader to add every
Traditional form (萬, 億, 萬億, 臺, 噸…) through OpenCC, so both scripts match.
"""
from .base import Lexicon

_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "俩": 2, "三": 3, "叁": 3,
           "四": 4, "肆": 4, "參": 3, "叄": 3, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
           "九": 9, "玖": 9, "幺": 1}

SCRIPT_VARIANTS = ("s2t", "s2tw", "s2hk")

LEXICON = Lexicon(
    code="zh",
    spaced=False,
    word_gap=r"[ \t]",  # news is unspaced; some sources space the words of one numeral (一百 五 十)
    sentence_ends="",
    sentence_ends_unspaced="。！？!?",
    decimal_mark=".",
    three_digit_group_marks=",",
    digits=_DIGITS,
    multipliers={"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000},
    additive_tens={"廿": 20, "卄": 20, "卅": 30, "卌": 40},
    leading_multipliers=("十", "拾"),
    leading_halves=("半",),
    negative_words=("负", "零下"),
    compound_joiners=("零", "又"),
    half_inside={"个半": "个", "半": ""},
    scales={"万": 1e4, "亿": 1e8, "兆": 1e12},
    scale_suffixes={"k": 1e3, "K": 1e3, "w": 1e4, "W": 1e4},
    zero_fillers=("零", "〇"),
    elided_place=True,
    decimal_words=("点",),
    half_after={"半": 0.5},
    fraction_words={"一半": 2},  # one word: 一半 is a half, not 1 + 0.5 (一个半 is 1.5)
    lone_fractions=("一半",),
    not_numbers=("一半导体",  # 这一半导体项目: 这一 + 半导体, no half
                 "三元电池", "三元锂", "三元材料", "三元正极", "三元前驱体",  # ternary (NCM) batteries, no yuan
                 # the river deltas and triangles: no 0.3 yuan (角)
                 "零下",  # 零下163摄氏度: minus (negative_words), not zero
                 "一度",  # 一度高达145%: 'at one point', not one kWh
                 "半年报", "半年報", "半年度",  # the half-year report
                 "长三角", "長三角", "珠三角", "金三角", "三角洲", "三角形", "三角区", "三角區", "三角债", "三角債"),
    never_alone=("一", "幺", "零", "〇"),
    digit_strings=True,
    require_digit_word=True,
    percent_prefixes={"百分之": 1.0, "千分之": 0.1, "万分之": 0.01, "十万分之": 1e-3, "百万分之": 1e-4,
                      "千万分之": 1e-5, "万万分之": 1e-6, "亿分之": 1e-6},
    fraction_infixes=("分之",),
    tenths_suffix={"成": (10, None), "折": (10, 10)},
    tenths_next_place=("成",),
    rate_denominators={"日": "day", "月": "month", "週": "week"},
    era_years=(1911, 100, 130),  # 民國: 114年 is 2025
    qualified_leading_words=("百", "千", "万", "萬", "亿", "億"),  # 逾千个, 近万名, 超百亿元
    rate_base_before=("每",),  # 每10股派发现金红利3元: 10 is the base, 3 元 the figure
    units={
        "元": "CNY", "块钱": "CNY", "元人民币": "CNY", "人民币": "CNY", "圆": "CNY",
        "美元": "USD", "美金": "USD", "港元": "HKD", "港币": "HKD", "欧元": "EUR", "日元": "JPY",
        "日圆": "JPY", "英镑": "GBP", "韩元": "KRW", "新台币": "TWD", "台币": "TWD", "新加坡元": "SGD",
        "泰铢": "THB", "卢比": "INR", "越南盾": "VND", "盾": "VND",
        "%": "percent", "个百分点": "percentage_point", "百分点": "percentage_point",
        "平方米": "m**2", "平米": "m**2", "平方公里": "km**2", "平方千米": "km**2", "公顷": "hectare",
        "亩": "hectare/15", "坪": "m**2/0.3025", "平方英尺": "ft**2", "m2": "m**2", "m²": "m**2", "㎡": "m**2",
        "吨": "tonne", "公吨": "tonne", "公斤": "kg", "千克": "kg", "克": "g", "毫克": "mg", "斤": "kg*0.5",
        "kg": "kg", "g": "g", "mg": "mg", "t": "tonne", "KG": "kg", "微克": "microgram", "μg": "microgram",
        "CM": "cm", "KM": "km", "比特": "bit", "千比特": "kilobit", "字节": "byte", "千字节": "kilobyte",
        "兆字节": "megabyte", "MB": "megabyte", "KB": "kilobyte", "GB": "gigabyte", "Mb": "megabit",
        "升": "liter", "毫升": "milliliter", "千升": "kiloliter", "立方米": "m**3", "桶": "oil_barrel",
        "ml": "milliliter", "mL": "milliliter", "L": "liter",
        "千瓦时": "kilowatt_hour", "度电": "kilowatt_hour", "度": "kilowatt_hour", "兆瓦时": "megawatt_hour",
        "吉瓦时": "gigawatt_hour", "太瓦时": "terawatt_hour", "kWh": "kilowatt_hour",
        "Wh": "watt_hour", "MWh": "megawatt_hour", "GWh": "gigawatt_hour", "TWh": "terawatt_hour",
        "赫": "hertz", "赫兹": "hertz", "千赫": "kilohertz", "兆赫": "megahertz", "焦": "joule", "焦耳": "joule",
        "千焦": "kilojoule", "千卡": "kilocalorie", "卡": "calorie",
        "千瓦": "kilowatt", "瓩": "kilowatt", "载重吨": "tonne", "立方公尺": "m**3", "平方公尺": "m**2", "公秉": "m**3", "兆瓦": "megawatt", "吉瓦": "gigawatt", "瓦": "watt", "kW": "kilowatt",
        "MW": "megawatt", "GW": "gigawatt",
        "公里": "km", "公裏": "km", "公尺": "m", "呎": "foot", "平方呎": "ft**2", "方呎": "ft**2", "英呎": "foot", "吋": "inch", "英吋": "inch",
        "英裏": "mile", "公升": "liter", "加仑": "gallon", "个加仑": "gallon", "个钟": "hour", "个钟头": "hour",
        "foot": "foot", "feet": "foot", "inch": "inch", "inches": "inch", "mile": "mile", "miles": "mile",
        "角": "CNY*0.1", "毛钱": "CNY*0.1", "毛": "CNY*0.1", "毫": "HKD*0.1", "蚊": "HKD", "毫子": "HKD*0.1", "仙": "HKD*0.01", "港仙": "HKD*0.01",
        "两": "g*50",
        "公里": "km", "千米": "km", "米": "m", "厘米": "cm", "公分": "cm", "毫米": "mm", "英里": "mile",
        "英尺": "foot", "英寸": "inch", "km": "km", "cm": "cm", "mm": "mm", "m": "m",
        "公里每小时": "km/hour", "公里/小时": "km/hour", "千米每小时": "km/hour", "km/h": "km/hour",
        "摄氏度": "degC", "°C": "degC", "℃": "degC", "华氏度": "degF", "°F": "degF", "℉": "degF",
        "年": "year", "周年": "year", "岁": "year", "周岁": "year", "打": "*12", "个月": "month", "个多月": "month", "周": "week", "週": "week", "个星期": "week",
        "星期": "week", "天": "day", "个小时": "hour", "小时": "hour", "个钟头": "hour", "钟头": "hour",
        "分钟": "minute", "秒钟": "second", "秒": "second",
        "万吨/年": "tonne/year*1e4", "吨/年": "tonne/year",
        "标准箱": "TEU",
    },
    units_before={"$": "USD", "US$": "USD", "US $": "USD", "€": "EUR", "£": "GBP", "¥": "CNY",
                  "￥": "CNY", "人民币": "CNY", "摄氏": "degC", "华氏": "degF", "摄氏温度": "degC", "华氏温度": "degF", "港币": "HKD", "新台币": "TWD", "台币": "TWD", "美元": "USD", "HK$": "HKD", "NT$": "TWD", "RMB": "CNY", "USD": "USD"},
    # Taiwan and Hong Kong news write 元 for their own dollar: an article in Traditional characters
    # that names one of them and no other currency means it by a bare 元 too. An article that also
    # names the yuan (人民幣, RMB: mainland figures beside local ones) infers nothing: a currency
    # mapped to '' only stops the inference.
    local_currencies={"新台币": "TWD", "台币": "TWD", "新臺幣": "TWD", "臺幣": "TWD", "NT$": "TWD",
                      "港元": "HKD", "港币": "HKD", "HK$": "HKD", "人民币": "", "RMB": ""},
    per_words=("/",),  # '3500元/吨': a price per unit
    generic_currency_words=("元", "圆", "块钱"),
    local_script="t2s",
    units_before_tails={"摄氏": ("度",), "华氏": ("度",), "摄氏温度": ("度",), "华氏温度": ("度",), "人民币": ("元",), "新台币": ("元",), "港币": ("元",)},
    subunits={"角": 0.1, "毛": 0.1, "分": 0.01, "毫": 0.1, "仙": 0.01},
    classifiers=("个", "家", "辆", "台", "项", "座", "名", "位", "人", "条", "件", "种", "批", "套", "所",
                 "只", "次", "倍", "岁", "款", "架", "艘", "列", "部", "张", "户", "层", "栋", "处", "场",
                 "例", "起", "片", "颗", "枚", "份", "支", "笔", "类", "股", "口", "间", "副", "双", "对",
                 "本", "篇", "轮", "根", "块", "箱", "包", "瓶", "袋", "头", "匹", "棵", "株",
                 "家企业", "多家", "余家", "多个", "余个"),
    qualifiers_before={
        "近": "nearly", "将近": "nearly", "接近": "nearly", "几近": "nearly", "差不多": "nearly",
        "约": "about", "约有": "about", "大约": "about", "约为": "about", "大概": "about", "约合": "about", "估计": "about",
        "超过": "more_than", "逾": "more_than", "超": "more_than", "多于": "more_than", "高于": "more_than",
        "不多于": "at_most", "不高于": "at_most", "不大于": "at_most",
        "大于": "more_than", "突破": "more_than",
        "至少": "at_least", "最少": "at_least", "不少于": "at_least", "不低于": "at_least", "起码": "at_least",
        "不到": "less_than", "不足": "less_than", "少于": "less_than", "低于": "less_than", "小于": "less_than",
        "未满": "less_than",
        "最多": "at_most", "不超过": "at_most", "至多": "at_most", "高达": "at_most", "多达": "at_most",
        "最高": "at_most",
    },
    qualifiers_after={"以上": "at_least", "左右": "about", "上下": "about", "以下": "at_most",
                      "以内": "at_most", "出头": "more_than", "有余": "more_than", "之多": "exact"},
    qualifying_verbs={"最高可": "at_most", "最多可": "at_most", "约占": "about", "約占": "about", "约为": "about", "约达": "about", "近占": "nearly", "接近占": "nearly"},
    speed_metrics={"时速": "hour", "秒速": "second"},  # 最高时速达600公里: 600 km/h
    qualifiers_inside={"余": "more_than", "多": "more_than", "来": "about", "几": "more_than"},
    entity_after=False,
    entity_stop_words=("，", "。", "、", "；", "：", "（", "）", "“", "”", "的"),
    entity_max_words=12,
    entity_trim_before=("从", "由", "达到", "达", "为", "是", "到", "至", "增长到", "增长", "提高到", "提高",
                        "增加到", "增加", "下降到", "下降", "降至", "降到", "减少到", "减少", "共", "总计",
                        "合计", "累计", "实现", "完成", "约", "近", "超过", "同比增长", "同比下降", "同比",
                        "增速", "有", "约为", "突破", "超", "逾", "了", "将", "已", "年均", "分别",
                        "比上年", "比去年", "较上年", "比", "较", "上升", "上升到", "提升到", "提升",
                        "增至", "升至", "跌至", "扩大到", "扩大至", "缩小到", "在", "以", "和", "及", "与"),
    date_after=("月", "日", "号", "时", "点", "点钟", "分", "秒", "时许", "月份"),
    date_before=("前", "上", "下"),
    not_date_before=("提前",),  # 提前6年完成: six years ahead of schedule
    ago_words=("前", "以前"),
    ago_before=("距今",),
    present_words=("目前", "目前的", "现时", "现时的", "当前", "当前的", "现在", "现在的", "如今", "现阶段"),  # 较5年前: five years ago
    year_after=("年",),
    date_tail_words=("底", "末", "初", "中", "上旬", "中旬", "下旬", "以来", "代", "前", "后", "起"),
    quantity_before=("另有", "另外还有", "另", "再"),
    as_of_words=("截至", "截止", "截止到", "到"),
    not_period_before=("较", "比", "自", "与", "同", "相比", "对比", "生于", "出生于", "成立于"),
    not_period_after=("以来", "年以来", "相比", "同期相比", "以後", "以后", "出生", "生", "成立"),  # 1975年出生, 2001年成立
    # (生于1975年, 成立于2001年: the same before the year)
    year_before=("公元",),
    ordinal_before=("第", "初", "编号", "排名", "排名第", "位居", "居",
                    "代码：", "代码:", "编号：", "编号:", "代号：", "代号:", "邮编：", "邮编:", "邮政编码：", "大厦", "大楼"),  # 证券代码：603917, 公告编号：2025-058
    name_after=("大", "中全会", "届", "期", "号文", "号文件", "号线", "号楼", "国集团", "强", "路", "系", "纳米"),
    change_words=("增长", "增加", "提高", "提升", "上升", "下降", "降低", "减少", "扩大", "缩小", "增至",
                  "降至", "升至", "跌至", "上涨", "下跌", "回落", "攀升", "飙升", "跃升", "延长", "缩短", "拉长", "回升",
                  "放缓", "加快", "上调", "下调"),
    from_words=("从", "由"),
    to_words=("增长到", "增加到", "提高到", "提升到", "上升到", "下降到", "降低到", "减少到", "扩大到",
              "缩小到", "增长至", "增加至", "提高至", "提升至", "上升至", "下降至", "降低至", "减少至",
              "扩大至", "缩小至", "增至", "降至", "升至", "跌至", "延长至", "延长到", "缩短至", "缩短到", "拉长至", "拉长到",
              "回升至", "回升到", "回落至", "回落到", "攀升至", "上涨至", "下跌至", "上调至", "上调到", "下调至",
              "下调到", "到", "至", "为"),
    range_joiners=("-", "–", "—", "~", "～", "至", "到"),
    between_words=("在", "介于"),
    and_words=("至", "到"),
    period_glue=("的", "去年的", "上年的", "上年同期的", "去年同期的", "同期的", "年初的", "年末的", "年底的", "月末的", "上月的", "上季度的",
                 "目前的", "当前的", "现在的", "现时的", "此前的", "高峰时期的", "高峰期的", "峰值时的", "最高时的"),
    period_before_figure=True,
    decade_after=("年代",),
    month_after_number=("月", "月份"),
    table_unit_notes={"单位：": "", "单位:": "", "金额单位：": "", "金额单位:": ""},
    quarter_words={"第一季度": "-Q1", "一季度": "-Q1", "第二季度": "-Q2", "二季度": "-Q2",
                   "第三季度": "-Q3", "三季度": "-Q3", "第四季度": "-Q4", "四季度": "-Q4",
                   "前三季度": "-Q1-Q3", "上半年": "-H1", "下半年": "-H2", "前两个月": "-M1-M2",
                   # Taiwan and Hong Kong write the quarter without 度, often with a digit (第3季)
                   **{f"第{n}季{d}": f"-Q{q}" for q, n in enumerate("一二三四", 1) for d in ("", "度")},
                   **{f"第{q}季{d}": f"-Q{q}" for q in range(1, 5) for d in ("", "度")},
                   "首季": "-Q1", "前三季": "-Q1-Q3", "前3季": "-Q1-Q3", "前3季度": "-Q1-Q3"},
)
