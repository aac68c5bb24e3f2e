"""Fuzzing campaign for the extractor: generated and mutated documents, in parallel.

    .venv/bin/python fuzz/run_fuzz.py                 # 100,000 documents, 2 processes
    .venv/bin/python fuzz/run_fuzz.py -n 2000 --seed 7
    .venv/bin/python fuzz/run_fuzz.py --save          # append new crashes to fuzz/regressions.jsonl

Half the documents are generated from news fragments (numbers, scale words, units,
qualifiers, dates, odd characters) and half are mutations of real sentences (the
seeds and the test cases): inserted, deleted, duplicated, spliced spans, random
code points, zero-width and RTL marks, NUL, full-width digits, decomposed accents,
truncation. Each document is checked against the contract's invariants:
no exception, ``text == doc[start:end]``, ``start < end``, finite value, known
kind/approx/role/lang. A document taking over --timeout seconds is a crash too.

Prints documents tried, megabytes, crashes (unique by where they happen, each
shrunk to a minimal input) and the slowest document per KB. Deterministic for a
given --seed and -n.
"""
from __future__ import annotations

import argparse
import json
import math
import multiprocessing as mp
import os
import random
import signal
import sys
import time
import traceback
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
REGRESSIONS = ROOT / "fuzz" / "regressions.jsonl"

NUMBERS = ["4.000", "61.000", "1.234,5", "2,5", "16.98", "26,6", "1,234.5", "22.5", "0", "07",
           "２０２３", "１２．５", "٣٤", "१२", "10-15", "3至5", "9/11/2021", "15:28", "1e9", "12.",
           ".5", "1.2.3.4", "999999999999999999999999999", "0000", "-7", "+3", "½", "1/3", "3.14159",
           "2012", "2030", "1,000,000", "1.000.000.000", "10–15", "5~7", "20-30%"]
WORDS = ["triệu", "tỷ", "tỉ", "nghìn", "ngàn", "nghìn tỷ", "万", "萬", "亿", "億", "万亿", "萬億",
         "兆", "千", "百", "十", "两", "三十五", "一百二十万", "十余", "零", "〇", "二〇二三", "million",
         "billion", "trillion", "bn", "mn", "k", "thousand", "a dozen", "half", "dozens", "sáu",
         "hai mươi lăm", "mười", "rưỡi", "mốt", "linh", "lẻ", "tư", "một trăm", "two", "three"]
UNITS = ["m2", "m²", "ha", "tấn", "lít", "kWh", "MW", "平方米", "公顷", "亩", "吨", "千瓦时", "度", "公里",
         "tonnes", "sq ft", "km/h", "°C", "đồng", "VNĐ", "USD", "$", "¥", "€", "₫", "美元", "元",
         "人民币", "港元", "%", "phần trăm", "百分之", "个百分点", "điểm phần trăm", "per cent",
         "percentage points", "năm", "tháng", "年", "个月", "years", "辆", "台", "人", "đại biểu"]
QUALIFIERS = ["hơn", "trên", "gần", "khoảng", "xấp xỉ", "ít nhất", "dưới", "tối đa", "近", "约",
              "超过", "逾", "余", "多", "以上", "左右", "不到", "over", "more than", "nearly", "about",
              "at least", "up to", "từ", "lên", "đến", "tăng", "giảm", "从", "到", "增长到", "由",
              "提高到", "from", "to", "rose", "between", "and", "năm", "lần thứ", "số", "第",
              "COVID-", "Industry", "công nghiệp", "23-NQ/TW", "(yè)", "業(yè)", "聯(lián)", "quý III/",
              "9 tháng đầu năm", "2023年前三季度", "in", "http://x.vn/1.2", "0912 345 678", "5G", "十八大"]
ODD = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f", "\u202e", "\u202d",
       "\u2066", "\u2069", "\x00", "\r", "\n", "\r\n", "\t", "\u00a0", "\u3000", "\u2028", "\u2029",
       "\u0301", "\u0323", "\u0302", "\u0309", "\U0001F600", "\U0001F1FB\U0001F1F3", "\U00010000",
       "\x1b[31m", "(", ")", "（", "）", "，", "。", ".", ",", "-", "–", "—", "~", "/", ":", "'",
       '"', "“", "”", "<script>", "&amp;", "\\", "$$", "**", "\x7f", "\x85", "\ufffd", "\uffff"]
POOLS = [NUMBERS, WORDS, UNITS, QUALIFIERS, ODD]
SEPARATORS = ["", " ", " ", " ", "\n", "\u200b", "\u00a0", "\t", ", ", "，"]
# Ranges to draw random code points from (no surrogates: they cannot be in a file).
CODEPOINT_RANGES = [(0x20, 0x7E), (0x00, 0x1F), (0xA0, 0x24F), (0x300, 0x36F), (0x1EA0, 0x1EF9),
                    (0x2000, 0x206F), (0x3000, 0x303F), (0x4E00, 0x9FFF), (0xFF00, 0xFFEF),
                    (0x0600, 0x06FF), (0x0590, 0x05FF), (0x0900, 0x097F), (0x1F300, 0x1FAFF),
                    (0xE000, 0xF8FF), (0xD7B0, 0xD7FF), (0x10000, 0x10FFFF)]


# ---------------------------------------------------------------- the corpus to mutate

def load_corpus() -> list[str]:
    """Real sentences: the seeds (split on lines) and the test cases' texts."""
    texts = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text("utf-8")
        texts.append(text)
        texts.extend(line for line in text.splitlines() if line.strip())
    try:
        import yaml
        for path in sorted((ROOT / "tests" / "cases").glob("*.yaml")):
            for row in yaml.safe_load(path.read_text("utf-8")) or []:
                if isinstance(row, dict) and isinstance(row.get("text"), str):
                    texts.append(row["text"])
    except Exception:  # the cases are a bonus; the seeds are enough
        pass
    return texts or ["Hơn 4.000 đại biểu đã tham dự.", "制造业增加值从16.98万亿元增长到26.6万亿元。"]


# ---------------------------------------------------------------- generating and mutating

def random_char(rng: random.Random) -> str:
    lo, hi = rng.choice(CODEPOINT_RANGES)
    return chr(rng.randint(lo, hi))


def fragment(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.8:
        return rng.choice(rng.choice(POOLS))
    if roll < 0.9:
        return str(rng.randint(-10**rng.randint(1, 30), 10**rng.randint(1, 30)))
    return "".join(random_char(rng) for _ in range(rng.randint(1, 8)))


def generate(rng: random.Random) -> str:
    n = rng.choice([1, 3, 10, 30, 100, 300]) if rng.random() < 0.97 else rng.choice([3000, 20000])
    return "".join(fragment(rng) + rng.choice(SEPARATORS) for _ in range(rng.randint(1, n)))


def _span(rng: random.Random, text: str) -> tuple[int, int]:
    a = rng.randint(0, len(text))
    return a, min(len(text), a + rng.randint(0, 40))


def mutate(rng: random.Random, text: str, corpus: list[str]) -> str:
    for _ in range(rng.randint(1, 6)):
        op = rng.randrange(11)
        a, b = _span(rng, text)
        if op == 0:
            text = text[:a] + fragment(rng) + text[a:]
        elif op == 1:
            text = text[:a] + text[b:]
        elif op == 2:
            text = text[:b] + text[a:b] * rng.randint(1, 50) + text[b:]
        elif op == 3:
            text = text[:a] + random_char(rng) + text[a + 1:]
        elif op == 4:
            other = rng.choice(corpus)
            c, d = _span(rng, other)
            text = text[:a] + other[c:d + rng.randint(0, 200)] + text[b:]
        elif op == 5:
            text = text[:a] + rng.choice(ODD[:12]) + text[a:]
        elif op == 6:  # full-width digits and punctuation
            text = text[:a] + text[a:b].translate(_FULLWIDTH) + text[b:]
        elif op == 7:  # decomposed accents, as Windows-1258 files decode to
            text = text[:a] + unicodedata.normalize("NFD", text[a:b]) + text[b:]
        elif op == 8:
            text = text[:rng.randint(0, len(text))]
        elif op == 9:  # glue: drop the spaces
            text = text[:a] + text[a:b + 60].replace(" ", "") + text[b + 60:]
        else:  # digits swapped for other digits
            text = text[:a] + "".join(rng.choice("0123456789") if ch.isdigit() else ch
                                      for ch in text[a:b]) + text[b:]
    return text


_FULLWIDTH = str.maketrans({c: chr(ord(c) + 0xFEE0) for c in "0123456789.,%"})


def document(seed: int, i: int, corpus: list[str]) -> tuple[str, str | None]:
    """The i-th document of a campaign: the same seed and i always give the same text."""
    rng = random.Random(f"{seed}:{i}")
    lang = rng.choice([None, None, "vi", "zh", "en"])
    if rng.random() < 0.5:
        return generate(rng), lang
    return mutate(rng, rng.choice(corpus), corpus), lang


# ---------------------------------------------------------------- checking one document

class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang("took longer than the time limit")


def violation(text: str, figures) -> str | None:
    """The first broken invariant of the contract, or None."""
    from extract.figure import APPROX, KINDS, ROLES, Figure

    if not isinstance(figures, list):
        return f"property: returned {type(figures).__name__}, not a list"
    for f in figures:
        if not isinstance(f, Figure):
            return "property: not a Figure"
        if not (0 <= f.start < f.end <= len(text)):
            return "property: bad offsets"
        if text[f.start:f.end] != f.text:
            return "property: text is not the slice"
        if not isinstance(f.value, (int, float)) or not math.isfinite(f.value):
            return "property: non-finite value"
        if f.kind not in KINDS or f.approx not in APPROX or f.role not in ROLES:
            return "property: unknown kind/approx/role"
        if f.lang not in ("vi", "zh", "en"):
            return "property: unknown lang"
    return None


def signature(exc: BaseException) -> str:
    """Where a crash happens: type plus the innermost frame in the project's code."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/extract/" in f.filename]
    where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
    return f"{type(exc).__name__} at {where}"


def check(text: str, lang: str | None, timeout: float) -> tuple[str | None, str, float]:
    """(crash signature or None, detail, seconds)."""
    from extract import extract_document

    signal.setitimer(signal.ITIMER_REAL, timeout)
    t0 = time.perf_counter()
    try:
        figures = extract_document(text, doc="d", lang=lang)
        seconds = time.perf_counter() - t0
    except Hang:
        return f"Hang over {timeout:g}s", "timeout", time.perf_counter() - t0
    except Exception as exc:
        return signature(exc), "".join(traceback.format_exception_only(exc)).strip(), \
            time.perf_counter() - t0
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    problem = violation(text, figures)
    return problem, problem or "", seconds


# ---------------------------------------------------------------- workers

_CORPUS: list[str] = []


def _init(corpus: list[str]) -> None:
    global _CORPUS
    _CORPUS = corpus
    signal.signal(signal.SIGALRM, _alarm)


def run_chunk(args: tuple[int, int, int, float]) -> dict:
    seed, lo, hi, timeout = args
    out = {"docs": 0, "chars": 0, "seconds": 0.0, "crashes": {}, "slowest": (0.0, 0, "", None)}
    for i in range(lo, hi):
        text, lang = document(seed, i, _CORPUS)
        sig, detail, seconds = check(text, lang, timeout)
        out["docs"] += 1
        out["chars"] += len(text)
        out["seconds"] += seconds
        if sig and sig not in out["crashes"]:
            out["crashes"][sig] = (i, detail, text, lang)
        kb = len(text.encode("utf-8", "surrogatepass")) / 1024
        if kb >= 1 and seconds / kb > out["slowest"][0]:
            out["slowest"] = (seconds / kb, len(text), text[:80], lang)
    return out


# ---------------------------------------------------------------- shrinking

def shrink(text: str, lang: str | None, sig: str, timeout: float, budget: int = 3000,
           seconds: float = 60.0) -> str:
    """A smaller input with the same crash signature (delta debugging by chunks)."""
    calls, deadline = 0, time.perf_counter() + seconds
    chunk = max(1, len(text) // 2)
    while chunk >= 1 and calls < budget and time.perf_counter() < deadline:
        i, changed = 0, False
        while i < len(text) and calls < budget and time.perf_counter() < deadline:
            candidate = text[:i] + text[i + chunk:]
            calls += 1
            if candidate and check(candidate, lang, timeout)[0] == sig:
                text, changed = candidate, True
            else:
                i += chunk
        if not changed:
            chunk //= 2
    return text


# ---------------------------------------------------------------- the campaign

def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("-n", "--docs", type=int, default=100_000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    p.add_argument("--timeout", type=float, default=10.0, help="seconds a document may take")
    p.add_argument("--save", action="store_true", help="append new crashes to fuzz/regressions.jsonl")
    args = p.parse_args(argv)

    corpus = load_corpus()
    chunk = 250
    tasks = [(args.seed, lo, min(lo + chunk, args.docs), args.timeout)
             for lo in range(0, args.docs, chunk)]
    total = {"docs": 0, "chars": 0, "seconds": 0.0, "crashes": {}, "slowest": (0.0, 0, "", None)}
    t0 = time.perf_counter()
    pool = mp.get_context("fork").Pool(args.jobs, initializer=_init, initargs=(corpus,))
    try:
        for n, part in enumerate(pool.imap_unordered(run_chunk, tasks), 1):
            _merge(total, part)
            if n % 40 == 0 or n == len(tasks):
                print(f"  {total['docs']:>7} documents, {len(total['crashes'])} crashes, "
                      f"{time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
        pool.close()
    except KeyboardInterrupt:  # stopped early: still report (and save) what was found
        print("interrupted: reporting the documents done so far", file=sys.stderr)
        pool.terminate()
    finally:
        pool.join()
    _init(corpus)
    report(total, time.perf_counter() - t0, args)
    return 1 if total["crashes"] else 0


def _merge(total: dict, part: dict) -> None:
    total["docs"] += part["docs"]
    total["chars"] += part["chars"]
    total["seconds"] += part["seconds"]
    for sig, crash in part["crashes"].items():
        if sig not in total["crashes"] or crash[0] < total["crashes"][sig][0]:
            total["crashes"][sig] = crash  # the earliest document: same result every run
    total["slowest"] = max(total["slowest"], part["slowest"], key=lambda s: s[0])


def report(total: dict, wall: float, args) -> None:
    ms_per_kb, n_chars, head, lang = total["slowest"]
    print(f"documents tried: {total['docs']}")
    print(f"characters: {total['chars']:,} ({total['chars'] / 1e6:.1f} M), "
          f"extraction time {total['seconds']:.1f} s, wall {wall:.1f} s, jobs {args.jobs}")
    print(f"slowest document per KB: {ms_per_kb * 1000:.2f} ms/KB "
          f"({n_chars} characters, lang={lang}): {head!r}")
    print(f"crashes (unique): {len(total['crashes'])}", flush=True)
    known = {row["text"] for row in _read_regressions()}
    new_rows = []
    for sig, (i, detail, text, lang) in sorted(total["crashes"].items()):
        small = shrink(text, lang, sig, args.timeout) if not sig.startswith("Hang") else text[:2000]
        print(f"- {sig}: {detail}\n  document #{i} (seed {args.seed}, lang={lang}), "
              f"minimal input {small!r}", flush=True)
        if small not in known:
            new_rows.append({"id": f"seed{args.seed}-doc{i}", "text": small, "lang": lang,
                             "error": f"{sig}: {detail}"[:300]})
    if args.save and new_rows:
        with open(REGRESSIONS, "a", encoding="utf-8") as f:
            for row in new_rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"saved {len(new_rows)} new regression cases to {REGRESSIONS.relative_to(ROOT)}")


def _read_regressions() -> list[dict]:
    if not REGRESSIONS.exists():
        return []
    return [json.loads(line) for line in REGRESSIONS.read_text("utf-8").splitlines() if line.strip()]


if __name__ == "__main__":
    raise SystemExit(main())
