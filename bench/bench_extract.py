"""Extractor throughput and memory, printed (not a timed test: machines here are shared).

    .venv/bin/python bench/bench_extract.py [--mb 2] [--big-mb 50] [--skip-big]

Corpora, each at least ``--mb`` MB, in the three languages:
- news: the project's hand-written articles and the seed articles (real prose,
  about one figure per 100-1,600 bytes), repeated until large enough;
- generated: ``bench/generate.py`` (synthetic sentences, one figure every ~70 bytes:
  far denser in figures than news, so the slowest case);
- seeds: the five seed articles alone (ordinary news, one figure per ~1.6 KB).
Each corpus is extracted in a fresh process on one core; the script reports
KB/s by CPU time and by wall time, and the process's peak memory. Then one
``--big-mb`` MB file (news prose) goes through the CLI, reporting its peak memory.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import resource
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
PY = sys.executable

_WORKER = r"""
import json, pathlib, resource, sys, time
sys.path.insert(0, sys.argv[2])
from extract import extract_document
files = sorted(p for p in pathlib.Path(sys.argv[1]).rglob("*") if p.is_file())
extract_document("warm up: 1.000 tấn, 5万吨, 5 tonnes")  # lexicons and pint load once
size = figures = 0
cpu0, wall0 = time.process_time(), time.perf_counter()
for p in files:
    text = p.read_text(encoding="utf-8")
    size += len(text.encode("utf-8"))
    figures += len(extract_document(text, doc=p.name))
cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
# (untimed) the numerals the scan found, figures or not: dates, years and codes cost work too
from extract import scan, segment
from extract.detect import detect_language
from extract.lexicon import load
from extract.textview import TextView
numerals = 0
for p in files:
    text = p.read_text(encoding="utf-8")
    lex, clean = load(detect_language(text)), TextView(text).clean
    numerals += sum(len(scan.numerals(clean, a, b, lex)) for a, b in segment.sentences(clean, lex))
print(json.dumps({"bytes": size, "figures": figures, "numerals": numerals, "cpu": cpu, "wall": wall,
                  "peak_mb": peak}))
"""


def news_sources() -> list[str]:
    paths = sorted((ROOT / "tests/articles").rglob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def build_tiled(folder: pathlib.Path, mb: float, texts: list[str], prefix: str) -> None:
    """``texts`` written as files one after another, again and again, until ``mb`` MB."""
    folder.mkdir(parents=True, exist_ok=True)
    total, i = 0, 0
    while total < mb * 1e6:
        t = texts[i % len(texts)]
        (folder / f"{prefix}-{i:05d}.txt").write_text(t, encoding="utf-8")
        total += len(t.encode("utf-8"))
        i += 1


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]


def build_generated(folder: pathlib.Path, mb: float) -> None:
    subprocess.run([PY, str(ROOT / "bench/generate.py"), str(folder), "--mb", str(mb), "--seed", "7"],
                   check=True, stdout=subprocess.DEVNULL)


def build_big_file(path: pathlib.Path, mb: float) -> None:
    texts, total = news_sources(), 0
    with path.open("w", encoding="utf-8") as out:
        i = 0
        while total < mb * 1e6:
            t = texts[i % len(texts)] + "\n"
            out.write(t)
            total += len(t.encode("utf-8"))
            i += 1


def measure(folder: pathlib.Path) -> dict:
    out = subprocess.run([PY, "-c", _WORKER, str(folder), str(ROOT)], check=True,
                         capture_output=True, text=True, env={"OMP_NUM_THREADS": "1", "PATH": ""})
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure_cli(path: pathlib.Path) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    proc = subprocess.run([PY, "-m", "extract", str(path), "-o", str(path) + ".jsonl", "-q"],
                          cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    figures = sum(1 for _ in open(str(path) + ".jsonl", encoding="utf-8"))
    return {"exit": proc.returncode, "wall": wall, "peak_mb": max(peak, before) / 1024, "figures": figures,
            "stderr": proc.stderr.strip()[-300:]}


def cost_model(results: list[dict]) -> tuple[float, float]:
    """CPU time = per_kb * KB + per_numeral * numerals, fitted by least squares over the corpora:
    (seconds per KB of text, seconds per numeral found, figure or not)."""
    rows = [(r["bytes"] / 1e3, r["numerals"], r["cpu"]) for r in results]
    skk = sum(k * k for k, f, t in rows)
    sff = sum(f * f for k, f, t in rows)
    skf = sum(k * f for k, f, t in rows)
    skt = sum(k * t for k, f, t in rows)
    sft = sum(f * t for k, f, t in rows)
    det = skk * sff - skf * skf
    per_kb = (skt * sff - sft * skf) / det
    if per_kb <= 0:  # timings this noisy leave no measurable cost per KB: the numerals carry it all
        return 0.0, sft / sff
    return per_kb, (sft * skk - skt * skf) / det


def print_cost_model(results: list[dict]) -> None:
    """Why throughput depends on how dense in figures a text is, and where 1 MB/s holds."""
    per_kb, per_numeral = cost_model(results)
    print(f"cost model: {per_kb * 1e6:.0f} us per KB of text + {per_numeral * 1e6:.0f} us per numeral "
          f"(figure, date, year or code)" + (f"; text without numerals: {1 / per_kb:.0f} KB/s" if per_kb else
                                            "; no cost per KB measurable in this run"))
    for r in results:
        print(f"  {r['name']:10} {r['bytes'] / max(1, r['numerals']):.0f} bytes per numeral, "
              f"{r['figures'] / max(1, r['numerals']):.0%} of them figures")
    if per_kb < 1e-3:  # 1 MB/s = 1 ms per KB: what is left of it pays for the numerals
        print(f"  1 MB/s holds down to one numeral per {per_numeral / (1e-3 - per_kb) * 1e3:.0f} bytes")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=2.0)
    ap.add_argument("--big-mb", type=float, default=50.0)
    ap.add_argument("--skip-big", action="store_true")
    a = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        build_tiled(tmp / "news", a.mb, news_sources(), "news")
        build_generated(tmp / "generated", a.mb)
        build_tiled(tmp / "seeds", a.mb, seed_texts(), "seed")  # ordinary news density
        print(f"{'corpus':10} {'MB':>6} {'figures':>8} {'bytes/fig':>9} {'KB/s cpu':>9} {'KB/s wall':>9} {'peak MB':>8}")
        results = []
        for name in ("news", "generated", "seeds"):
            r = measure(tmp / name)
            r["name"] = name
            results.append(r)
            print(f"{name:10} {r['bytes'] / 1e6:6.2f} {r['figures']:8d} {r['bytes'] / max(1, r['figures']):9.0f} "
                  f"{r['bytes'] / 1e3 / r['cpu']:9.0f} {r['bytes'] / 1e3 / r['wall']:9.0f} {r['peak_mb']:8.0f}")
        print_cost_model(results)
        if not a.skip_big:
            big = tmp / "big.txt"
            build_big_file(big, a.big_mb)
            r = measure_cli(big)
            size = big.stat().st_size
            print(f"single file {size / 1e6:.0f} MB through the CLI: exit {r['exit']}, {r['figures']} figures, "
                  f"{r['wall']:.0f} s wall ({size / 1e3 / r['wall']:.0f} KB/s), peak memory {r['peak_mb']:.0f} MB")
            if r["exit"]:
                print("  stderr:", r["stderr"])


if __name__ == "__main__":
    main()
