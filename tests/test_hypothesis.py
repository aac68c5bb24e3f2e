"""Property tests: hostile or random input never crashes the reader or the extractor.

For any bytes, the reader returns text or a DocumentError, nothing else. For
any text, the extractor returns figures whose ``text`` is the exact slice of the
document, with ``start < end`` and a finite value, in time linear in the input.
Every crash the fuzzing campaign (``fuzz/run_fuzz.py``) found is replayed from
``fuzz/regressions.jsonl``.
"""
from __future__ import annotations

import contextlib
import json
import math
import signal
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import extract
from extract.figure import APPROX, KINDS, ROLES, Figure
from extract.reader import DocumentError, decode_bytes, decode_html, html_to_text

ROOT = Path(__file__).resolve().parent.parent
REGRESSIONS = ROOT / "fuzz" / "regressions.jsonl"


# Pieces news text is made of, and the pieces that break naive extractors.
NUMBERS = ["4.000", "61.000", "1.234,5", "2,5", "16.98", "26,6", "1,234.5", "22.5", "0",
           "２０２３", "１２．５", "٣٤", "१२", "10-15", "3至5", "9/11/2021", "15:28", "1e9",
           "12.", ".5", "1.2.3.4", "999999999999999999999999", "0000", "-7", "+3", "½"]
WORDS = ["triệu", "tỷ", "tỉ", "nghìn", "ngàn", "nghìn tỷ", "万", "萬", "亿", "億", "万亿", "萬億",
         "兆", "千", "百", "十", "两", "三十五", "一百二十万", "十余", "million", "billion", "bn",
         "mn", "k", "thousand", "a dozen", "half", "sáu", "hai mươi lăm", "mười", "rưỡi", "mốt"]
UNITS = ["m2", "m²", "ha", "tấn", "lít", "kWh", "平方米", "公顷", "亩", "吨", "千瓦时", "度", "公里",
         "tonnes", "sq ft", "đồng", "VNĐ", "USD", "$", "¥", "€", "₫", "美元", "元", "人民币",
         "%", "phần trăm", "百分之", "个百分点", "per cent", "năm", "tháng", "年", "个月", "years"]
QUALIFIERS = ["hơn", "trên", "gần", "khoảng", "xấp xỉ", "ít nhất", "dưới", "近", "约", "超过",
              "逾", "余", "多", "以上", "左右", "不到", "over", "more than", "nearly", "about",
              "từ", "lên", "đến", "从", "到", "增长到", "from", "to", "between", "and", "năm",
              "lần thứ", "số", "第", "COVID-", "Industry", "công nghiệp", "23-NQ/TW", "(yè)"]
ODD = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f", "\u202e", "\u202d",
       "\u2066", "\u2069", "\x00", "\r", "\n", "\r\n", "\t", "\u00a0", "\u3000", "\u2028",
       "\u0301", "\u0323", "\u0302", "\U0001F600", "\ud7ff", "\U00010000", "\x1b[31m", "(", ")",
       "，", "。", ".", ",", "-", "–", "—", "~", "/", ":", "'", '"', "<script>", "&amp;"]

fragment = st.one_of(
    st.sampled_from(NUMBERS), st.sampled_from(WORDS), st.sampled_from(UNITS),
    st.sampled_from(QUALIFIERS), st.sampled_from(ODD),
    st.integers(min_value=-10**30, max_value=10**30).map(str),
    st.text(max_size=12),
)
separator = st.sampled_from(["", " ", "", " ", "\n", "\u200b", "\u00a0", "\t"])
news_like = st.lists(st.tuples(fragment, separator), max_size=60).map(
    lambda parts: "".join(a + b for a, b in parts))
any_text = st.one_of(st.text(), news_like,
                     st.text(alphabet=st.characters(codec="utf-8"), max_size=300))


class TooSlow(Exception):
    pass


@contextlib.contextmanager
def time_limit(seconds: float):
    """A hang becomes a test failure, not a CI run that never ends."""
    def stop(signum, frame):
        raise TooSlow(f"extraction took over {seconds:g} s")
    old = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def extract_checked(text: str, lang: str | None = None, seconds: float = 10.0) -> None:
    with time_limit(seconds):
        figures = extract.extract_document(text, doc="d", lang=lang)
    check_figures(text, figures)


def check_figures(text: str, figures, doc: str = "d") -> None:
    """The contract's invariants, for any document."""
    assert isinstance(figures, list)
    for fig in figures:
        assert isinstance(fig, Figure)
        assert 0 <= fig.start < fig.end <= len(text), fig
        assert text[fig.start:fig.end] == fig.text, fig
        assert isinstance(fig.value, (int, float)) and math.isfinite(fig.value), fig
        assert fig.kind in KINDS and fig.approx in APPROX and fig.role in ROLES, fig
        assert fig.lang in ("vi", "zh", "en"), fig
        assert fig.doc == doc


# ---------------------------------------------------------------- the reader

@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=2000),
                 any_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
                 st.tuples(any_text, st.sampled_from(["gb18030", "big5", "cp1258", "utf-16",
                                                      "utf-8-sig", "latin-1", "cp1252"]))
                 .map(lambda p: p[0].encode(p[1], "ignore"))))
def test_any_bytes_decode_or_fail_cleanly(data):
    try:
        text, encoding = decode_bytes(data, "f.txt")
    except DocumentError as err:
        assert err.reason and "\n" not in err.reason
        return
    assert isinstance(text, str) and text and encoding
    assert "\x00" not in text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(any_text, st.lists(st.sampled_from(
    ["<p>", "</p>", "<script>", "</script>", "<div>", "<!--", "-->", "<![CDATA[", "<?xml ?>",
     "<style>", "<img onerror=x>", "&#0;", "&#xFFFF;", "4.000 tấn", "12%", "<meta charset=x>"]),
    max_size=40).map("".join)))
def test_any_html_gives_text_or_a_clean_error(html):
    try:
        markup, _ = decode_html(html.encode("utf-8", "surrogatepass"), "f.html")
    except DocumentError as err:
        assert "\n" not in err.reason
        return
    assert isinstance(html_to_text(markup), str)


# ---------------------------------------------------------------- the extractor

@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text, st.sampled_from([None, "vi", "zh", "en"]))
def test_any_text_extracts_without_raising(text, lang):
    extract_checked(text, lang)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_like, st.integers(min_value=200, max_value=2000))
def test_very_long_lines(piece, times):
    text = ((piece or "4.000 tấn") * times)[:20_000]  # one line, no sentence end
    extract_checked(text.replace("\n", " "), seconds=20)


# Inputs that make naive regexes backtrack: timing must grow linearly with size.
PATHOLOGICAL = {
    "digits": "1",
    "grouped-digits": "1.000.",
    "comma-digits": "9,",
    "digit-space": "1 ",
    "digits-glued-to-letters": "a1b2",
    "scale-words": "triệu ",
    "han-numerals": "一百二十万",
    "han-scales": "万亿",
    "qualifiers": "hơn ",
    "range-dashes": "10-",
    "zero-width": "1\u200b",
    "rtl-marks": "\u200f1",
    "nul": "\x001",
    "no-spaces-vi": "4.000đạibiểu",
    "percent-chain": "5%",
}


def _seconds(text: str, repeat: int = 3) -> float:
    """CPU seconds of this process (best of ``repeat``): other jobs on a shared machine
    stretch wall time, not this."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        with time_limit(30):
            extract.extract_document(text, doc="d")
        best = min(best, time.process_time() - t0)
    return best


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_time_is_linear_in_the_input(name):
    unit = PATHOLOGICAL[name]
    small = unit * (5_000 // len(unit))
    large = small * 4
    extract_checked(large, seconds=30)
    t_small, t_large = _seconds(small), _seconds(large)
    # linear: about 4x; quadratic would be 16x. Allow noise for tiny timings.
    assert t_large < 8 * t_small + 0.05, (name, t_small, t_large)
    # (throughput itself is measured by bench/bench_extract.py, not asserted: machines are shared)


# ---------------------------------------------------------------- fuzzing regressions

def _regressions() -> list[dict]:
    if not REGRESSIONS.exists():
        return []
    return [json.loads(line) for line in REGRESSIONS.read_text("utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("case", _regressions(), ids=lambda c: c["id"])
def test_fuzz_regression(case):
    extract_checked(case["text"], case.get("lang"))


def test_short_fuzzing_campaign():
    """A few hundred documents of the campaign, in-process (the full run: fuzz/run_fuzz.py)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("run_fuzz", ROOT / "fuzz" / "run_fuzz.py")
    fuzz = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fuzz)
    fuzz._init(fuzz.load_corpus())
    result = fuzz.run_chunk((12345, 0, 400, 10.0))
    assert result["docs"] == 400
    assert result["crashes"] == {}, {sig: c[1:3] for sig, c in result["crashes"].items()}
