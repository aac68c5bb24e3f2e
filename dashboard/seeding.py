"""Fill a store with the seed articles, for a first start, tests and benchmarks.

``python -m dashboard.seeding [FOLDER]`` extracts ``seeds/`` into the store
(``FIGURES_DATA`` or ``data/``). ``gold_store`` writes hand-made gold figures
instead, for when the engine cannot run.
"""
from __future__ import annotations

import json
import os
import pathlib
import re
import sys

from extract.figure import Figure
from extract.store import Store, StoredDocument, sha256_text

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
_HAN = re.compile(r"[\u4e00-\u9fff]")
_SENTENCE_END = re.compile(r"[.!?。！？\n]")


def guess_lang(text: str) -> str:
    """Enough for seeds and fixtures: Han characters → zh, Vietnamese letters → vi."""
    if len(_HAN.findall(text)) > 20:
        return "zh"
    return "vi" if re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", text) else "en"


def _is_end(text: str, m: re.Match) -> bool:
    """A dot inside a number (4.000) or an abbreviation (TS.Nguyễn) ends nothing."""
    nxt = text[m.end():m.end() + 1]
    return not (text[m.start()] == "." and nxt and not nxt.isspace())


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end): from after the previous end mark to the next."""
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start) if _is_end(text, m)),
               default=0)
    right = next((m.end() for m in _SENTENCE_END.finditer(text, end) if _is_end(text, m)),
                 len(text))
    while left < start and text[left].isspace():
        left += 1
    return left, right


def seed_documents(folder: pathlib.Path = SEEDS) -> list[StoredDocument]:
    docs = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_bytes().decode("utf-8-sig")
        docs.append(StoredDocument(id=path.name, text=text, lang=guess_lang(text),
                                   sha256=sha256_text(text), source=str(path)))
    return docs


def gold_figures(docs: list[StoredDocument], gold_path: pathlib.Path) -> list[Figure]:
    """Gold rows as Figures, with the fields gold leaves out filled in."""
    by_id = {d.id: d for d in docs}
    figs = []
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        doc = by_id.get(row["doc"])
        if doc is None:
            continue
        s, e = sentence_bounds(doc.text, row["start"], row["end"])
        row.update(lang=doc.lang, sentence=doc.text[s:e].strip(), sentence_start=s, sentence_end=e)
        figs.append(Figure.from_dict(row))
    return figs


def gold_store(store: Store, gold_path: pathlib.Path, docs: list[StoredDocument] | None = None,
               version: str = "gold") -> str:
    docs = docs if docs is not None else seed_documents()
    return store.write_batch(docs, gold_figures(docs, gold_path), version=version)


def engine_works() -> bool:
    try:
        from extract import extract_text
        extract_text("hơn 4.000 đại biểu")
        return True
    except Exception:
        return False


def seed_store(store: Store, gold_path: pathlib.Path | None = None) -> dict:
    """Extract the seeds into ``store`` (incrementally); falls back to gold figures
    when the engine cannot run and a gold file is given."""
    docs = seed_documents()
    if engine_works() or gold_path is None:
        return store.ingest_documents(docs)
    gold_store(store, gold_path, docs)
    return {"documents": len(docs), "figures": store.count_figures(), "skipped": 0,
            "failed": 0, "errors": [], "seconds": 0.0, "gold": True}


if __name__ == "__main__":
    target = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("FIGURES_DATA", "data")
    summary = seed_store(Store(target))
    print(f"{target}: {summary['documents']} documents, {summary['figures']} figures, "
          f"{summary['skipped']} skipped, {summary['failed']} failed")
    for doc, reason in summary["errors"]:
        print(f"  {doc}: {reason}", file=sys.stderr)
