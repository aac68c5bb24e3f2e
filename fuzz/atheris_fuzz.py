"""Coverage-guided fuzzing of the extractor with atheris (libFuzzer for Python).

    .venv/bin/pip install -r requirements-fuzz.txt
    .venv/bin/python fuzz/atheris_fuzz.py fuzz/corpus -runs=100000 -max_len=2048 -timeout=10

Where ``fuzz/run_fuzz.py`` draws documents at random, this one lets coverage steer the
mutations toward branches not yet taken. Each input becomes a text (and a forced language
or none) that must satisfy the contract: no exception, every figure's ``text`` is the slice
of the input at its offsets, ``start < end``, a finite value, known kind/approx/role. A
violation raises, and libFuzzer writes the input as ``crash-*`` beside the run; turn it into
a row of ``fuzz/regressions.jsonl`` (which ``tests/test_hypothesis.py`` replays).
``fuzz/corpus`` starts from the seed articles' sentences and the table cases.
"""
from __future__ import annotations

import math
import pathlib
import sys

import atheris

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

with atheris.instrument_imports():
    from extract import extract_text
    from extract.figure import APPROX, KINDS, ROLES

LANGS = (None, "vi", "zh", "en")


def check(text: str, lang) -> None:
    for f in extract_text(text, lang=lang):
        assert 0 <= f.start < f.end <= len(text), (f.start, f.end)
        assert text[f.start:f.end] == f.text, (f.text, f.start, f.end)
        assert math.isfinite(f.value), f.value
        assert f.kind in KINDS and f.approx in APPROX and f.role in ROLES, f


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    lang = LANGS[fdp.ConsumeIntInRange(0, len(LANGS) - 1)]
    check(fdp.ConsumeUnicodeNoSurrogates(len(data)), lang)


def write_seed_corpus(folder: pathlib.Path) -> None:
    """Sentences of the seeds and the table cases, one file each (as libFuzzer inputs)."""
    import yaml
    folder.mkdir(parents=True, exist_ok=True)
    texts = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        texts += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()][:40]
    for path in sorted((ROOT / "tests/cases").glob("*.yaml")):
        texts += [row["text"] for row in yaml.safe_load(path.read_text(encoding="utf-8")) or []]
    for i, text in enumerate(texts):
        # first byte picks the language (0: detect), the rest is the text as the provider reads it
        (folder / f"seed-{i:04d}").write_bytes(b"\x00" + text.encode("utf-8"))


if __name__ == "__main__":
    corpus = next((pathlib.Path(a) for a in sys.argv[1:] if not a.startswith("-")), None)
    if corpus is not None and not corpus.exists():
        write_seed_corpus(corpus)
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
