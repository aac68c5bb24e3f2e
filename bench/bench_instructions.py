"""Extractor cost in machine instructions per byte, old code against new, printed.

    .venv/bin/python bench/bench_instructions.py [--base REV] [--corpus news|seeds]

Timings on a shared machine swing by a third from run to run; the number of
instructions a run executes does not (valgrind counts them, whatever else the
machine is doing). For each tree (the work tree, and ``--base``, a git revision
exported to a temporary folder) the corpus is extracted once and twice under
``valgrind --tool=callgrind``; the difference is the cost of one pass, free of
start-up and of loading lexicons and pint. Needs valgrind (Debian's package);
each tree takes two to three minutes.

The corpus is the one of ``bench_extract.py``: ``news`` is our articles and the
seeds (a figure every ~100 bytes), ``seeds`` the seed articles alone.
"""
from __future__ import annotations

import argparse
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
PY = sys.executable
CORPUS_ROOT = ROOT  # replaced by a snapshot of the corpus while main() runs

_WORKER = r"""
import pathlib, sys
sys.path.insert(0, sys.argv[1])
from extract import extract_document
corpus = sys.argv[2]
paths = (sorted(pathlib.Path(corpus, "tests/articles").rglob("*.txt")) if sys.argv[3] == "news" else []) \
    + sorted(pathlib.Path(corpus, "seeds").glob("*.txt"))
texts = [p.read_text(encoding="utf-8") for p in paths]
extract_document("warm up: 1.000 tấn, 5万吨, 5 tonnes")
for _ in range(int(sys.argv[4])):
    for t in texts:
        extract_document(t)
print(sum(len(t.encode("utf-8")) for t in texts))
"""


def instructions(tree: pathlib.Path, corpus: str, passes: int) -> tuple[int, int]:
    """(instructions executed, corpus bytes) of a run with ``passes`` passes over the corpus."""
    # a fixed hash seed: set and dict orders (and so the work done) are the same from run to run
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                          PY, "-c", _WORKER, str(tree), str(CORPUS_ROOT), corpus, str(passes)],
                         capture_output=True, text=True, check=True, env=env)
    found = re.search(r"Collected : (\d+)", out.stderr)
    if not found:
        raise SystemExit(f"valgrind printed no instruction count:\n{out.stderr[-1000:]}")
    return int(found.group(1)), int(out.stdout.strip().splitlines()[-1])


def per_pass(tree: pathlib.Path, corpus: str) -> tuple[int, int]:
    one, size = instructions(tree, corpus, 1)
    two, _ = instructions(tree, corpus, 2)
    return two - one, size


def export(rev: str, folder: pathlib.Path) -> pathlib.Path:
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], capture_output=True, check=True).stdout
    folder.mkdir(parents=True)
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", help="a git revision to compare the work tree with (e.g. HEAD~3)")
    ap.add_argument("--corpus", choices=("news", "seeds"), default="news")
    a = ap.parse_args(argv)
    if not shutil.which("valgrind"):
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    with tempfile.TemporaryDirectory() as tmp:
        # both trees read one snapshot of the corpus, taken now: articles added to the work tree
        # during the minutes a run takes must not make the two counts incomparable
        global CORPUS_ROOT
        CORPUS_ROOT = pathlib.Path(tmp) / "corpus"
        shutil.copytree(ROOT / "tests/articles", CORPUS_ROOT / "tests/articles")
        shutil.copytree(ROOT / "seeds", CORPUS_ROOT / "seeds")
        trees = [("work tree", ROOT)]
        if a.base:
            trees.insert(0, (a.base, export(a.base, pathlib.Path(tmp) / "base")))
        results = {}
        for name, tree in trees:
            cost, size = per_pass(tree, a.corpus)
            results[name] = cost
            print(f"{name:12} {a.corpus}: {size / 1e3:.0f} KB, {cost / 1e6:,.0f} M instructions per pass, "
                  f"{cost / size:,.0f} per byte", flush=True)
        if a.base:
            print(f"work tree / {a.base}: {results['work tree'] / results[a.base]:.3f} of the instructions")


if __name__ == "__main__":
    main()
