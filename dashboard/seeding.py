"""Fill a store with the seed articles, for a first start, tests and benchmarks.

``python -m dashboard.seeding [FOLDER]`` extracts ``seeds/`` into the store
(``FIGURES_DATA`` or ``data/``), skipping what is unchanged since the last run.
"""
from __future__ import annotations

import os
import pathlib
import sys

from extract.detect import detect_language
from extract.reader import read_document
from extract.store import Store, StoredDocument, sha256_text

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def seed_documents(folder: pathlib.Path = SEEDS) -> list[StoredDocument]:
    docs = []
    for path in sorted(folder.glob("*.txt")):
        text = read_document(path, path.name).text
        docs.append(StoredDocument(id=path.name, text=text, lang=detect_language(text),
                                   sha256=sha256_text(text), source=str(path)))
    return docs


def seed_store(store: Store) -> dict:
    """Extract the seeds into ``store`` (incrementally)."""
    return store.ingest_documents(seed_documents())


if __name__ == "__main__":
    target = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("FIGURES_DATA", "data")
    summary = seed_store(Store(target))
    print(f"{target}: {summary['documents']} documents, {summary['figures']} figures, "
          f"{summary['skipped']} skipped, {summary['failed']} failed")
    for doc, reason in summary["errors"]:
        print(f"  {doc}: {reason}", file=sys.stderr)
