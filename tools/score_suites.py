"""Score the extractor on the seed gold, every peer suite and our own test articles.

    .venv/bin/python tools/score_suites.py [--show N] [--only NAME]

Prints one row per suite (the table in the README comes from here). Needs
../shared (the seeds' gold, the peer suites and score.py) beside the checkout.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import pathlib
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from extract import extract_document  # noqa: E402
from extract.reader import read_document  # noqa: E402

# suite name -> (gold file, docs folder, forced language or None)
SUITES = {
    "seeds": (SHARED / "gold/seeds.jsonl", SHARED / "seeds", None),
    "duckling-vi": (SHARED / "peers/duckling-vi/gold.jsonl", SHARED / "peers/duckling-vi/docs", "vi"),
    "duckling-zh": (SHARED / "peers/duckling-zh/gold.jsonl", SHARED / "peers/duckling-zh/docs", "zh"),
    "recognizers-zh": (SHARED / "peers/recognizers-zh/gold.jsonl", SHARED / "peers/recognizers-zh/docs", "zh"),
    "recognizers-en": (SHARED / "peers/recognizers-en/gold.jsonl", SHARED / "peers/recognizers-en/docs", "en"),
    "quantulum3-en": (SHARED / "peers/quantulum3-en/gold.jsonl", SHARED / "peers/quantulum3-en/docs", "en"),
    "user-reports-zh": (SHARED / "peers/user-reports-zh/gold.jsonl", SHARED / "peers/user-reports-zh/docs", "zh"),
    "user-reports-en": (SHARED / "peers/user-reports-en/gold.jsonl", SHARED / "peers/user-reports-en/docs", "en"),
    "articles": (ROOT / "tests/articles/gold.jsonl", ROOT / "tests/articles", None),
}


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "tools/score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _documents(docs: pathlib.Path):
    for path in sorted(p for p in docs.rglob("*") if p.is_file() and p.suffix in (".txt", ".md", ".html", ".htm")):
        doc_id = path.relative_to(docs).as_posix()
        yield doc_id, read_document(path, doc_id)


def predict(documents, lang: str | None) -> list[dict]:
    rows = []
    for doc_id, doc in documents:
        rows.extend(f.to_dict() for f in extract_document(doc.text, doc=doc_id, lang=lang))
    return rows


def score_suite(name: str) -> dict:
    gold_path, docs, lang = SUITES[name]
    score = _scorer()
    documents = list(_documents(docs))  # (read once: HTML goes through trafilatura)
    if not any(doc.format == "html" for _, doc in documents):
        return score.score(score.load(gold_path), predict(documents, lang), str(docs))
    # An HTML document's offsets are into its extracted text (the contract): the scorer checks
    # each figure's text against that text, written out as the store keeps it.
    with tempfile.TemporaryDirectory() as tmp:
        for doc_id, doc in documents:
            out = pathlib.Path(tmp, doc_id)
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(doc.text, encoding="utf-8")
        return score.score(score.load(gold_path), predict(documents, lang), tmp)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--only")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    names = [a.only] if a.only else [n for n, (g, d, _) in SUITES.items() if g.exists()]
    table = {}
    print(f"{'suite':18} {'gold':>5} {'pred':>5} {'span F1':>8} {'full P':>7} {'full R':>7} {'full F1':>8} "
          f"{'approx':>7} {'series':>7} {'period':>7} {'slice':>6}")
    fmt = lambda x: "  n/a" if x is None else f"{x:.3f}"  # noqa: E731
    for n in names:
        r = score_suite(n)
        table[n] = {k: v for k, v in r.items() if not k.startswith("_")}
        print(f"{n:18} {r['gold']:>5} {r['pred']:>5} {r['span']['f1']:>8.3f} {r['full']['p']:>7.3f} "
              f"{r['full']['r']:>7.3f} {r['full']['f1']:>8.3f} {fmt(r['approx_acc']):>7} "
              f"{fmt(r['series_acc']):>7} {fmt(r['period_acc']):>7} {fmt(r['exact_slice']):>6}")
        short = lambda x: f"{x.get('doc')}:{x.get('start')} {x.get('text')!r} {x.get('value')} {x.get('unit')!r}"  # noqa
        for title, rows in (("missed", r["_misses"]), ("extra", r["_extras"])):
            for x in rows[: a.show]:
                print(f"    {title:6} {short(x)}")
        for g, p in r["_wrong"][: a.show]:
            print(f"    wrong  {short(g)}  got {p.get('value')} {p.get('unit')!r}")
    if a.json:
        print(json.dumps(table, indent=1))


if __name__ == "__main__":
    main()
