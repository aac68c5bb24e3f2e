"""Uploaded files and pasted text → documents in the store. No UI; the page calls these.

Files go through the project's reader (``extract.reader.read_document``) so an
upload gets the same decoding and HTML-to-text as the command line. Each item
succeeds or fails on its own, with a reason a person can act on.
"""
from __future__ import annotations

import dataclasses
import hashlib
import pathlib
import tempfile
from typing import Any, Callable

from extract.store import Store, StoredDocument, sha256_text

SUFFIXES = ("txt", "md", "html", "htm")
MAX_FILES = 50
MAX_MB = 5


@dataclasses.dataclass
class Item:
    name: str
    data: bytes | None = None   # an uploaded file
    text: str | None = None     # pasted text
    error: str | None = None    # refused before reading (cap, type)


@dataclasses.dataclass
class Result:
    name: str
    doc: str = ""
    ok: bool = False
    figures: int = 0
    error: str = ""


def safe_name(name: str) -> str:
    """Only the file name: an upload cannot pick a path in the store's ids."""
    return pathlib.PurePath(name.replace("\\", "/")).name.strip() or "unnamed.txt"


def from_uploads(files: list[Any]) -> list[Item]:
    """Items from Streamlit's UploadedFile list (anything with .name and .getvalue())."""
    items = []
    for i, f in enumerate(files):
        name = safe_name(f.name)
        size = getattr(f, "size", None)
        if i >= MAX_FILES:
            items.append(Item(name, error=f"not read: at most {MAX_FILES} files at a time"))
        elif size is not None and size > MAX_MB * 1024 * 1024:
            items.append(Item(name, error=f"not read: larger than {MAX_MB} MB"))
        elif name.rsplit(".", 1)[-1].lower() not in SUFFIXES:
            items.append(Item(name, error="not read: only .txt, .md and .html files"))
        else:
            items.append(Item(name, data=f.getvalue()))
    return items


def from_paste(text: str, name: str = "") -> Item:
    name = safe_name(name) if name.strip() else \
        f"text-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:8]}.txt"
    return Item(name, text=text)


def read_item(item: Item) -> Any:
    """A document (id, text, lang, sha256) from an item; raises with a readable reason."""
    if item.error:
        raise ValueError(item.error)
    if item.text is not None:
        return StoredDocument(id=f"pasted/{item.name}", text=item.text,
                              sha256=sha256_text(item.text), source="pasted")
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / item.name
        path.write_bytes(item.data or b"")
        doc = _read_file(path)
    return StoredDocument(id=f"uploads/{item.name}", text=doc.text,
                          lang=getattr(doc, "lang", "") or "",
                          sha256=getattr(doc, "sha256", "") or sha256_text(doc.text),
                          source=f"upload:{item.name}")


def _read_file(path: pathlib.Path) -> Any:
    try:
        from extract.reader import read_document
    except ImportError:  # the reader is another component; plain UTF-8 until it lands
        text = path.read_bytes().decode("utf-8-sig")
        return StoredDocument(id=path.name, text=text)
    return read_document(path)


def ingest(store: Store, items: list[Item],
           on_progress: Callable[[int, int, str], None] | None = None,
           extract: Callable | None = None) -> list[Result]:
    """Read, extract and store each item on its own; failures do not stop the rest."""
    results = []
    for n, item in enumerate(items, 1):
        result = Result(item.name)
        try:
            doc = read_item(item)
            result.doc = doc.id
            if not doc.text.strip():
                raise ValueError("the file holds no text")
            summary = store.ingest_documents([doc], extract=extract)
            if summary["failed"]:
                raise RuntimeError(summary["errors"][0][1])
            result.ok = True
            result.figures = summary["figures"] if summary["documents"] else \
                int(store.figures_frame(doc=[doc.id], columns=["figure_id"]).shape[0])
        except UnicodeDecodeError as e:  # the plain fallback reader's failure
            result.error = f"cannot be decoded as text ({e.reason} at byte {e.start})"
        except Exception as e:
            # the reader's DocumentError has a one-line reason without our temp path
            result.error = getattr(e, "reason", "") or str(e) or type(e).__name__
        results.append(result)
        if on_progress:
            on_progress(n, len(items), item.name)
    return results
