"""How the dashboard holds up with 100,000 figures in the store (printed, not asserted).

    .venv/bin/python bench/bench_dashboard.py [--figures 100000] [--keep DIR]

Builds a store of synthetic figures (three languages, every kind, series with
periods), starts the app on it, and reports:

- first-page render: browser navigation until all of the overview's charts are drawn
  (two series, figures by kind, unit and document);
- filter response: on the Figures page, once its table is drawn, typing searches until
  the page shows each search's count of matches and the rerun is over (browser; each
  search's count differs from the one before, so a stale count cannot pass), and the
  store query behind it (in process);
- app memory: resident memory of the Streamlit process after those pages.

The renders after the first and the searches after the first are measured ``--repeat``
times and printed as median (min-max): on a shared machine single runs vary by a second.
Needs /usr/bin/chromium for the browser numbers; without it only the in-process
numbers are printed. Targets (issue 3): render < 3 s, filter < 0.5 s, memory < 1 GB.
"""
from __future__ import annotations

import argparse
import os
import pathlib
import random
import shutil
import statistics
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "e2e"))

from extract.figure import Figure  # noqa: E402
from extract.store import Store, StoredDocument, sha256_text  # noqa: E402

KINDS = [("count", "", 1, 5000), ("money", "CNY", 1e8, 3e13), ("money", "VND", 1e6, 5e12),
         ("percent", "percent", 0.5, 99), ("area", "m**2", 100, 1e6), ("mass", "tonne", 1, 1e6),
         ("duration", "year", 1, 50), ("energy", "kilowatt_hour", 10, 1e9)]
LANGS = [("vi", "hơn {n} đại biểu tham dự hội nghị năm {p}."),
         ("zh", "制造业增加值达到{n}，{p}年。"),
         ("en", "The council approved {n} new schools in {p}.")]


def synthetic_store(folder: pathlib.Path, n_figures: int, per_doc: int = 50,
                    docs_per_batch: int = 200, seed: int = 7) -> Store:
    """``n_figures`` figures in documents of ``per_doc`` each, written in batches."""
    rng = random.Random(seed)
    store = Store(folder)
    n_docs = n_figures // per_doc
    for b in range(0, n_docs, docs_per_batch):
        docs, figs = [], []
        for d in range(b, min(b + docs_per_batch, n_docs)):
            lang, template = LANGS[d % 3]
            parts, offsets = [], []
            pos = 0
            for i in range(per_doc):
                sentence = template.format(n=f"{i + 1}", p=2010 + i % 12)
                start = pos + sentence.index(f"{i + 1}")
                offsets.append((start, start + len(str(i + 1)), sentence, pos))
                parts.append(sentence)
                pos += len(sentence) + 1
            text = "\n".join(parts)
            doc_id = f"{lang}/article_{d:06d}.txt"
            docs.append(StoredDocument(id=doc_id, text=text, lang=lang, sha256=sha256_text(text)))
            for i, (s, e, sentence, sp) in enumerate(offsets):
                kind, unit, lo, hi = KINDS[rng.randrange(len(KINDS))]
                in_series = i % 10 in (0, 1)
                figs.append(Figure(
                    doc=doc_id, start=s, end=e, text=text[s:e], value=round(rng.uniform(lo, hi), 2),
                    unit=unit, kind=kind, entity=f"entity {i % 7}",
                    approx=rng.choice(["exact", "exact", "about", "more_than", "nearly"]),
                    series=f"s{i // 10}" if in_series else "", role=("from", "to")[i % 2] if in_series else "",
                    period=str(2012 + (i % 10) * 8) if in_series else "", lang=lang,
                    sentence=sentence, sentence_start=sp, sentence_end=sp + len(sentence)))
        store.write_batch(docs, figs, version="bench")
    return store


def in_process_numbers(store: Store) -> dict:
    out = {}
    t = time.perf_counter()
    n = store.count_figures()
    out["count all (s)"] = time.perf_counter() - t
    t = time.perf_counter()
    df = store.figures_frame(limit=2000)
    out["first 2,000 rows (s)"] = time.perf_counter() - t
    t = time.perf_counter()
    hits = store.figures_frame(kind=["money"], lang=["zh"], text="entity 3", limit=2000)
    out["filtered query (s)"] = time.perf_counter() - t
    t = time.perf_counter()
    store.figures_frame(series_only=True)
    out["series figures (s)"] = time.perf_counter() - t
    out["figures"] = n
    out["filtered hits"] = len(hits)
    assert len(df) == min(2000, n)
    return out


OVERVIEW_CHARTS = 5  # the first two series, then figures by kind, by unit, by document
# each search matches another count than the one before (14,000, 1,700, 8,000, 1,650, ...),
# so the wait below cannot pass on the previous answer; each is new to the app's caches
SEARCHES = ("entity 3", "zh/article_0001", "2015", "vi/article_0002", "entity 5",
            "en/article_0010", "2013", "zh/article_0010", "entity 0", "vi/article_001")
DRAWN_CHARTS = ("n => [...document.querySelectorAll('.js-plotly-plot')]"
                ".filter(e => e.querySelector('.main-svg .bars, .main-svg .scatterlayer .trace'))"
                ".length >= n")
# the new count is on the page and the rerun is over (the table's rows sent too)
COUNT_SHOWN = ("c => [...document.querySelectorAll('[data-testid=\"stCaptionContainer\"]')]"
               ".some(e => e.textContent.startsWith(c + ' figures match'))"
               " && !document.querySelector('[data-testid=\"stStatusWidget\"]')")


def browser_numbers(store: Store, log: pathlib.Path, repeat: int = 3) -> dict:
    """Seconds, or lists of seconds for the measures taken ``repeat`` times."""
    import psutil
    from playwright.sync_api import sync_playwright

    from e2e_app import App

    app = App(store.folder, log)
    app.start()
    out = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium", headless=True,
                args=["--headless", "--no-sandbox", "--disable-gpu",
                      "--disable-background-networking", "--disable-component-update",
                      "--disable-sync", "--no-first-run", "--disable-quic"])
            def render_overview(context) -> float:
                """Navigate to the overview until all its charts are drawn."""
                page = context.new_page()
                t = time.perf_counter()
                page.goto(app.url)
                page.wait_for_function(DRAWN_CHARTS, arg=OVERVIEW_CHARTS, timeout=180_000)
                took = time.perf_counter() - t
                page.close()
                return took

            def new_context():
                return browser.new_context(viewport={"width": 1400, "height": 2200})

            fresh = new_context()
            out["first page render, cold server + fresh browser (s)"] = render_overview(fresh)
            out["first page render, browser cache warm (s)"] = [
                render_overview(fresh) for _ in range(repeat)]
            fresh.close()
            others = []
            for _ in range(repeat):
                other = new_context()
                others.append(render_overview(other))
                other.close()
            out["first page render, another fresh browser (s)"] = others
            page = browser.new_page(viewport={"width": 1400, "height": 2200})
            t = time.perf_counter()
            page.goto(f"{app.url}/figures")
            page.wait_for_selector("text=figures match", timeout=120_000)
            page.wait_for_selector("[data-testid='stDataFrame'] canvas", timeout=120_000)
            out["figures page, until its table is drawn (s)"] = time.perf_counter() - t
            box = page.get_by_label("Search text, entity, sentence or document")
            answers, shown = [], "100,000"
            for text in SEARCHES[:1 + 2 * repeat]:
                expected = f"{store.count_matching(text=text):,}"
                assert expected != shown, (text, expected)
                t = time.perf_counter()
                box.fill(text)
                box.press("Enter")
                page.wait_for_function(COUNT_SHOWN, arg=expected, timeout=60_000)
                answers.append(time.perf_counter() - t)
                shown = expected
            out["filter response, first search (s)"] = answers[0]
            out["filter response, the next searches (s)"] = answers[1:]
            for name in ("source", "review", "downloads"):
                page.goto(f"{app.url}/{name}")
                page.wait_for_timeout(1500)
            browser.close()
        proc = psutil.Process(app.proc.pid)
        rss = proc.memory_info().rss + sum(c.memory_info().rss for c in proc.children(recursive=True))
        out["app memory RSS (MB)"] = rss / 2**20
    finally:
        app.stop()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--figures", type=int, default=100_000)
    ap.add_argument("--keep", help="build the store in this folder and keep it")
    ap.add_argument("--no-browser", action="store_true", help="only the in-process query numbers")
    ap.add_argument("--repeat", type=int, default=3,
                    help="renders and searches measured this many times (median, min-max)")
    args = ap.parse_args()
    folder = pathlib.Path(args.keep) if args.keep else pathlib.Path(tempfile.mkdtemp(prefix="bench-store-"))
    try:
        print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
        t = time.perf_counter()
        store = synthetic_store(folder, args.figures)
        print(f"store: {store.count_figures():,} figures in {len(store.documents_frame()):,} documents, "
              f"built in {time.perf_counter() - t:.1f} s at {folder}")
        for k, v in in_process_numbers(store).items():
            print(f"  {k:52s} {v:,.3f}" if isinstance(v, float) else f"  {k:52s} {v:,}")
        if args.no_browser:
            pass
        elif pathlib.Path("/usr/bin/chromium").exists():
            for k, v in browser_numbers(store, folder / "streamlit.log", args.repeat).items():
                if isinstance(v, list):
                    print(f"  {k:52s} {statistics.median(v):,.2f}  ({min(v):.2f}-{max(v):.2f}, "
                          f"{len(v)} times)")
                else:
                    print(f"  {k:52s} {v:,.2f}")
        else:
            print("  (no /usr/bin/chromium: browser numbers skipped)")
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
