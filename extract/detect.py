"""Which of our languages a document is in, by its script: no model to download.

Han characters mean Chinese; Vietnamese is Latin script with its own letters
(ơ, ư, đ, ạ, ả, ...); anything else is English. Only a sample of the text is
read, so a 200 MB file costs the same as a page.

>>> detect_language("制造业增加值从16.98万亿元增长到26.6万亿元")
'zh'
>>> detect_language("hơn 4.000 đại biểu")
'vi'
>>> detect_language("more than 4,000 delegates")
'en'
"""
from __future__ import annotations

import regex

_HAN = regex.compile(r"\p{Han}")
# counted by the runs between Latin letters: far fewer matches than one per letter
_NOT_LATIN = regex.compile(r"[^\p{Latin}]+")
# letters Vietnamese uses and English does not (precomposed or with combining marks)
_VIETNAMESE = regex.compile(
    r"[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]"
    r"|[\u0300\u0301\u0303\u0309\u0323]", regex.IGNORECASE)

SAMPLE = 4_000  # enough letters to tell three scripts apart; a 200 MB file costs the same


def detect_language(text: str) -> str:
    sample = text[:SAMPLE]
    han = len(_HAN.findall(sample))
    latin = len(sample) - sum(map(len, _NOT_LATIN.findall(sample)))
    if han and han * 3 >= latin:
        return "zh"
    if latin and _at_least(_VIETNAMESE, sample, max(2, latin // 50)):
        return "vi"
    if han:
        return "zh"
    return "en"


def _at_least(pattern: regex.Pattern, text: str, n: int) -> bool:
    """Whether ``pattern`` occurs ``n`` times, stopping at the n-th: no list of every letter."""
    for seen, _ in enumerate(pattern.finditer(text), 1):
        if seen >= n:
            return True
    return False
