"""The embedded store in ``data/``: documents and figures as Parquet, reviews in SQLite.

Layout of a store folder::

    documents/<batch>.parquet   doc, lang, sha256, version, text, batch, source, n_figures, added_at
    figures/<batch>.parquet     the contract's fields + figure_id + batch
    reviews.sqlite              one current review per figure_id (WAL mode)

Why this shape:

- Parquet files are immutable and written under a temporary name, then renamed,
  so a crash never leaves half a file and a reader (the dashboard) never blocks
  the writer (the CLI). DuckDB queries them in memory, holding no lock on disk.
- A batch's documents file is written *after* its figures file and is what makes
  the batch visible: the current state is the newest batch per document id, so a
  figures file without its documents file (a crash in between) is simply ignored,
  and re-extracting a changed document supersedes its old figures without
  rewriting anything.
- Reviews change one row at a time and are shared by browser sessions and
  restarts: SQLite in WAL mode gives transactions and concurrent readers.

No Streamlit here: the CLI, the dashboard and the tests use the same functions.
"""
from __future__ import annotations

import dataclasses
import hashlib
import math
import os
import pathlib
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterable, Sequence
from typing import Any, Callable

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .figure import FIELDS, Figure

REVIEW_STATES = ("right", "wrong_value", "wrong_unit", "not_a_figure")
GOLD_FIELDS = ("doc", "start", "end", "text", "value", "unit", "kind", "entity", "approx",
               "series", "role", "period")
DEFAULT_FOLDER = "data"

_INT_FIELDS = {"start", "end", "sentence_start", "sentence_end"}
_FLOAT_FIELDS = {"value"}

FIGURE_SCHEMA = pa.schema(
    [(name, pa.int64() if name in _INT_FIELDS else pa.float64() if name in _FLOAT_FIELDS
      else pa.string()) for name in FIELDS]
    + [("figure_id", pa.string()), ("batch", pa.string())]
)
DOCUMENT_SCHEMA = pa.schema([
    ("doc", pa.string()), ("lang", pa.string()), ("sha256", pa.string()),
    ("version", pa.string()), ("text", pa.string()), ("batch", pa.string()),
    ("source", pa.string()), ("n_figures", pa.int64()), ("added_at", pa.float64()),
])
REVIEW_COLUMNS = ("figure_id", "doc", "state", "corrected_value", "corrected_unit", "note",
                  "updated_at")


# ---------------------------------------------------------------- helpers

def figure_id(doc: str, start: int, end: int, text: str, value: float, unit: str) -> str:
    """Stable id of a figure: same document, span, surface and reading → same id,
    so a review stays attached when an unchanged figure is re-extracted."""
    key = "\x1f".join([doc, str(int(start)), str(int(end)), text, repr(float(value)), unit or ""])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def new_batch_id() -> str:
    """Sortable by time (newest wins), unique across processes."""
    return f"{time.time_ns():020d}-{uuid.uuid4().hex[:8]}"


@dataclasses.dataclass(frozen=True)
class StoredDocument:
    """What the store keeps about a document (the reader's Document fits too)."""
    id: str
    text: str
    lang: str = ""
    sha256: str = ""
    source: str = ""


def _doc_row(doc: Any, batch: str, version: str, n_figures: int) -> dict:
    text = getattr(doc, "text")
    return {
        "doc": getattr(doc, "id"),
        "lang": getattr(doc, "lang", "") or "",
        "sha256": getattr(doc, "sha256", "") or sha256_text(text),
        "version": version,
        "text": text,
        "batch": batch,
        "source": str(getattr(doc, "source", "") or getattr(doc, "path", "") or ""),
        "n_figures": n_figures,
        "added_at": time.time(),
    }


def _figure_row(fig: Figure | dict, batch: str) -> dict:
    row = fig.to_dict() if isinstance(fig, Figure) else {k: fig.get(k) for k in FIELDS}
    for name in FIELDS:  # gold rows and old figures may lack added fields
        if row.get(name) is None:
            default = Figure.__dataclass_fields__[name].default
            row[name] = default if default is not dataclasses.MISSING else ""
    row["figure_id"] = figure_id(row["doc"], row["start"], row["end"], row["text"],
                                 row["value"], row["unit"])
    row["batch"] = batch
    return row


def _write_parquet_atomic(rows: list[dict], schema: pa.Schema, path: pathlib.Path) -> None:
    """Write to a hidden temp name in the same folder, fsync, then rename: readers
    glob ``*.parquet`` and so only ever see whole files."""
    table = pa.Table.from_pylist(rows, schema=schema)
    tmp = path.with_name(f".{path.stem}.{uuid.uuid4().hex[:6]}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, path)


def _sql_list(values: Sequence) -> str:
    return "(" + ", ".join("?" for _ in values) + ")"


def _where(lang, doc, kind, unit, approx, review, text, figure_ids, series_only) -> tuple[str, list]:
    """The WHERE clause (with its parameters) of the figure filters; f = figures, r = reviews."""
    where, params = [], []
    for col, values in (("f.lang", lang), ("f.doc", doc), ("f.kind", kind), ("f.unit", unit),
                        ("f.approx", approx), ("f.figure_id", figure_ids)):
        if values:
            where.append(f"{col} IN {_sql_list(values)}")
            params.extend(values)
    if review:
        states = [s for s in review if s != "unreviewed"]
        parts = []
        if states:
            parts.append(f"r.state IN {_sql_list(states)}")
            params.extend(states)
        if "unreviewed" in review:
            parts.append("r.state IS NULL")
        where.append("(" + " OR ".join(parts) + ")")
    if text:
        where.append("(f.text ILIKE ? OR f.entity ILIKE ? OR f.sentence ILIKE ? OR f.doc ILIKE ?)")
        params.extend([f"%{text}%"] * 4)
    if series_only:
        where.append("f.series <> ''")
    return (" WHERE " + " AND ".join(where) if where else ""), params


# ---------------------------------------------------------------- the store

class Store:
    """One store folder. Cheap to open; safe to share between threads."""

    def __init__(self, folder: str | os.PathLike = DEFAULT_FOLDER):
        self.folder = pathlib.Path(folder)
        self.docs_dir = self.folder / "documents"
        self.figs_dir = self.folder / "figures"
        self.reviews_path = self.folder / "reviews.sqlite"
        for d in (self.docs_dir, self.figs_dir):
            d.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._init_reviews()

    def __repr__(self) -> str:
        return f"Store({str(self.folder)!r})"

    # ------------------------------------------------------------ writing

    def write_batch(self, documents: Iterable[Any], figures: Iterable[Figure | dict],
                    version: str | None = None, batch: str | None = None) -> str:
        """Store documents and their figures as one batch; returns the batch id.

        Every document given becomes current (its older figures are superseded),
        even with no figures. Figures must belong to the given documents.
        """
        batch = batch or new_batch_id()
        version = version if version is not None else _extractor_version()
        fig_rows = [_figure_row(f, batch) for f in figures]
        counts: dict[str, int] = {}
        for r in fig_rows:
            counts[r["doc"]] = counts.get(r["doc"], 0) + 1
        doc_rows = [_doc_row(d, batch, version, 0) for d in documents]
        for r in doc_rows:
            r["n_figures"] = counts.get(r["doc"], 0)
        unknown = set(counts) - {r["doc"] for r in doc_rows}
        if unknown:
            raise ValueError(f"figures for documents not in this batch: {sorted(unknown)[:5]}")
        if not doc_rows:
            return batch
        # figures first: the documents file is the commit marker
        _write_parquet_atomic(fig_rows, FIGURE_SCHEMA, self.figs_dir / f"{batch}.parquet")
        _write_parquet_atomic(doc_rows, DOCUMENT_SCHEMA, self.docs_dir / f"{batch}.parquet")
        return batch

    def ingest_documents(self, docs: Iterable[Any], extract: Callable | None = None,
                         batch_size: int = 200, force: bool = False,
                         on_progress: Callable[[dict], None] | None = None) -> dict:
        """Extract documents into the store, skipping unchanged ones.

        ``docs`` yields objects with ``id``, ``text`` and optionally ``lang``,
        ``sha256``, ``source`` (``extract.reader.Document`` fits), or exceptions
        (a file that could not be read): those are counted as failed, with reasons.
        ``extract(text, doc=..., lang=...)`` defaults to ``extract_document``.
        Returns counts: documents, figures, skipped, failed, errors, seconds.
        """
        if extract is None:
            from . import extract_document as extract
        writer = self.batch_writer(force=force, batch_size=batch_size)
        summary = {"documents": 0, "figures": 0, "skipped": 0, "failed": 0, "errors": [],
                   "seconds": 0.0}
        t0 = time.perf_counter()
        for doc in docs:
            if isinstance(doc, BaseException):
                summary["failed"] += 1
                summary["errors"].append((getattr(doc, "path", "") or "?",
                                          getattr(doc, "reason", "") or str(doc)))
            elif writer.unchanged(doc):
                summary["skipped"] += 1
            else:
                try:
                    figs = extract(doc.text, doc=doc.id, lang=getattr(doc, "lang", None) or None)
                except Exception as e:  # one bad document must not stop the run
                    summary["failed"] += 1
                    summary["errors"].append((doc.id, f"{type(e).__name__}: {e}"))
                else:
                    writer.add(doc, figs)
                    summary["documents"] += 1
                    summary["figures"] += len(figs)
            if on_progress:
                on_progress(summary)
        writer.flush()
        summary["seconds"] = time.perf_counter() - t0
        return summary

    def batch_writer(self, force: bool = False, batch_size: int = 200) -> "BatchWriter":
        """Skips unchanged documents and writes the others in batches (the CLI uses it too)."""
        return BatchWriter(self, force, batch_size)

    def compact(self) -> None:
        """Rewrite the current state into one file per table and drop superseded
        files. Readers that globbed just before may fail once; run it when quiet."""
        old_docs = sorted(self.docs_dir.glob("*.parquet"))
        old_figs = sorted(self.figs_dir.glob("*.parquet"))
        if len(old_docs) <= 1:
            return
        batch = new_batch_id()
        con = self._con()
        docs = con.sql(f"SELECT * FROM {self._current_docs_sql()}").to_arrow_table()
        figs = con.sql(f"SELECT f.* FROM {self._current_figs_sql()} f").to_arrow_table()
        # keep each row's own batch so "newest batch per doc" still holds
        tmp_f = self.figs_dir / f".{batch}.tmp"
        tmp_d = self.docs_dir / f".{batch}.tmp"
        pq.write_table(_as_table(figs).cast(FIGURE_SCHEMA), tmp_f, compression="zstd")
        pq.write_table(_as_table(docs).cast(DOCUMENT_SCHEMA), tmp_d, compression="zstd")
        os.replace(tmp_f, self.figs_dir / f"{batch}.parquet")
        os.replace(tmp_d, self.docs_dir / f"{batch}.parquet")
        for p in old_docs + old_figs:
            p.unlink(missing_ok=True)

    # ------------------------------------------------------------ reading

    def _con(self) -> duckdb.DuckDBPyConnection:
        """One in-memory DuckDB connection per thread (nothing on disk to lock)."""
        con = getattr(self._local, "con", None)
        if con is None:
            con = duckdb.connect(":memory:")
            con.execute("SET enable_progress_bar = false")
            self._local.con = con
        return con

    def _files(self, folder: pathlib.Path) -> list[str]:
        return sorted(str(p) for p in folder.glob("*.parquet"))

    def version_token(self) -> tuple:
        """Changes whenever the stored data changes (cache key for the dashboard)."""
        docs = self._files(self.docs_dir)
        return (len(docs), docs[-1] if docs else "", self._reviews_token())

    def _current_docs_sql(self) -> str:
        files = self._files(self.docs_dir)
        if not files:
            cols = ", ".join(f"NULL::{_duck_type(f.type)} AS {f.name}" for f in DOCUMENT_SCHEMA)
            return f"(SELECT {cols} WHERE false)"
        return (f"(SELECT * FROM read_parquet({files!r}) "
                "QUALIFY row_number() OVER (PARTITION BY doc ORDER BY batch DESC) = 1)")

    def _current_figs_sql(self) -> str:
        docs = self._files(self.docs_dir)
        figs = self._files(self.figs_dir)
        if not docs or not figs:
            cols = ", ".join(f"NULL::{_duck_type(f.type)} AS {f.name}" for f in FIGURE_SCHEMA)
            return f"(SELECT {cols} WHERE false)"
        return (f"(SELECT f.* FROM read_parquet({figs!r}) f "
                f"JOIN (SELECT doc, max(batch) AS batch FROM read_parquet({docs!r}) GROUP BY doc) c "
                "ON f.doc = c.doc AND f.batch = c.batch)")

    def known_documents(self) -> dict[str, tuple[str, str]]:
        """{doc id: (sha256, extractor version)} of the current state."""
        rows = self._con().execute(
            f"SELECT doc, sha256, version FROM {self._current_docs_sql()}").fetchall()
        return {d: (s, v) for d, s, v in rows}

    def documents_frame(self, with_text: bool = False) -> pd.DataFrame:
        """Current documents, one row each (without their text unless asked)."""
        cols = "doc, lang, sha256, version, batch, source, n_figures, added_at"
        if with_text:
            cols += ", text"
        return self._con().execute(
            f"SELECT {cols} FROM {self._current_docs_sql()} ORDER BY doc").df()

    def document_text(self, doc: str) -> str | None:
        row = self._con().execute(
            f"SELECT text FROM {self._current_docs_sql()} WHERE doc = ?", [doc]).fetchall()
        return row[0][0] if row else None

    def figures_frame(self, lang: Sequence[str] = (), doc: Sequence[str] = (),
                      kind: Sequence[str] = (), unit: Sequence[str] = (),
                      approx: Sequence[str] = (), review: Sequence[str] = (),
                      text: str = "", figure_ids: Sequence[str] = (),
                      series_only: bool = False, limit: int | None = None,
                      columns: Sequence[str] | None = None) -> pd.DataFrame:
        """Current figures joined with their review, filtered in DuckDB.

        Each filter is a list of allowed values (empty = all); ``review`` may hold
        review states and ``"unreviewed"``; ``text`` searches the figure's text,
        entity, sentence and document id, case-insensitively.
        """
        where, params = _where(lang, doc, kind, unit, approx, review, text, figure_ids, series_only)
        cols = ", ".join(f"f.{c}" for c in (columns or list(FIELDS) + ["figure_id", "batch"]))
        sql = (f"SELECT {cols}, r.state AS review, r.corrected_value, r.corrected_unit, r.note "
               f"FROM {self._current_figs_sql()} f LEFT JOIN reviews r ON r.figure_id = f.figure_id"
               f"{where} ORDER BY f.doc, f.start, f.end")
        if limit:
            sql += f" LIMIT {int(limit)}"
        return _tidy(self._with_reviews(lambda con: con.execute(sql, params).df()))

    def count_matching(self, lang: Sequence[str] = (), doc: Sequence[str] = (),
                       kind: Sequence[str] = (), unit: Sequence[str] = (),
                       approx: Sequence[str] = (), review: Sequence[str] = (),
                       text: str = "", figure_ids: Sequence[str] = (),
                       series_only: bool = False) -> int:
        """How many current figures ``figures_frame`` would return (without fetching them)."""
        where, params = _where(lang, doc, kind, unit, approx, review, text, figure_ids, series_only)
        sql = (f"SELECT count(*) FROM {self._current_figs_sql()} f "
               f"LEFT JOIN reviews r ON r.figure_id = f.figure_id{where}")
        return self._with_reviews(lambda con: con.execute(sql, params).fetchall()[0][0])

    def _with_reviews(self, query: Callable[[duckdb.DuckDBPyConnection], Any]) -> Any:
        """Run ``query`` with the reviews table visible to DuckDB as ``reviews``."""
        con = self._con()
        con.register("reviews", self.reviews_frame())
        try:
            return query(con)
        finally:
            con.unregister("reviews")

    def series_figures(self, doc: Sequence[str] = (), limit: int = 12) -> tuple[pd.DataFrame, int]:
        """Figures of the first ``limit`` series (by document, series id), and how
        many series there are in all: an archive holds thousands, a page shows a few."""
        where, params = "f.series <> ''", []
        if doc:
            where += f" AND f.doc IN {_sql_list(doc)}"
            params.extend(doc)
        cur = self._current_figs_sql()
        con = self._con()
        total = con.execute(f"SELECT count(*) FROM (SELECT DISTINCT f.doc, f.series FROM {cur} f "
                            f"WHERE {where})", params).fetchall()[0][0]
        keys = (f"SELECT DISTINCT f.doc, f.series FROM {cur} f WHERE {where} "
                f"ORDER BY f.doc, f.series LIMIT {int(limit)}")
        df = con.execute(f"SELECT f.* FROM {cur} f JOIN ({keys}) k "
                         "ON f.doc = k.doc AND f.series = k.series ORDER BY f.doc, f.start",
                         params).df()
        return _tidy(df), total

    def count_figures(self, by: str | None = None) -> pd.DataFrame | int:
        """Total current figures, or counts grouped by one column (kind, unit, doc, lang)."""
        if by is None:
            return self._con().execute(
                f"SELECT count(*) FROM {self._current_figs_sql()}").fetchall()[0][0]
        if by not in FIELDS:
            raise ValueError(by)
        return self._con().execute(
            f"SELECT {by}, count(*) AS figures FROM {self._current_figs_sql()} "
            f"GROUP BY {by} ORDER BY figures DESC, {by}").df()

    # ------------------------------------------------------------ reviews

    def _sqlite(self) -> sqlite3.Connection:
        con = sqlite3.connect(self.reviews_path, timeout=30, isolation_level=None)
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=FULL")  # an acknowledged review is on disk
        return con

    def _init_reviews(self) -> None:
        with _closing(self._sqlite()) as con:
            con.execute("""CREATE TABLE IF NOT EXISTS reviews (
                figure_id TEXT PRIMARY KEY, doc TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('right','wrong_value','wrong_unit','not_a_figure')),
                corrected_value REAL, corrected_unit TEXT, note TEXT NOT NULL DEFAULT '',
                updated_at REAL NOT NULL)""")
            con.execute("CREATE INDEX IF NOT EXISTS reviews_doc ON reviews(doc)")
            # every acknowledged review, in the order written: two people reviewing the same
            # figure both keep their verdict on record; `reviews` holds the current one
            con.execute("""CREATE TABLE IF NOT EXISTS review_log (
                seq INTEGER PRIMARY KEY AUTOINCREMENT, figure_id TEXT NOT NULL, doc TEXT NOT NULL,
                state TEXT NOT NULL, corrected_value REAL, corrected_unit TEXT,
                note TEXT NOT NULL DEFAULT '', updated_at REAL NOT NULL)""")

    def _reviews_token(self) -> tuple:
        """(count, newest update): cheap, and changes with every review written."""
        with _closing(self._sqlite()) as con:
            return tuple(con.execute("SELECT count(*), max(updated_at) FROM reviews").fetchone())

    def put_review(self, figure_id: str, doc: str, state: str,
                   corrected_value: float | None = None, corrected_unit: str | None = None,
                   note: str = "") -> None:
        """Record (or replace) the one current review of a figure, in one transaction."""
        if state not in REVIEW_STATES:
            raise ValueError(f"review state must be one of {REVIEW_STATES}, not {state!r}")
        if corrected_value is not None and not math.isfinite(float(corrected_value)):
            raise ValueError("corrected value must be a finite number")
        with _closing(self._sqlite()) as con:
            con.execute("BEGIN IMMEDIATE")
            con.execute(
                """INSERT INTO reviews (figure_id, doc, state, corrected_value, corrected_unit, note, updated_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT(figure_id) DO UPDATE SET doc=excluded.doc, state=excluded.state,
                     corrected_value=excluded.corrected_value, corrected_unit=excluded.corrected_unit,
                     note=excluded.note, updated_at=excluded.updated_at""",
                row := (figure_id, doc, state, None if corrected_value is None else float(corrected_value),
                        corrected_unit or None, note or "", time.time()))
            con.execute("""INSERT INTO review_log (figure_id, doc, state, corrected_value, corrected_unit,
                           note, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)""", row)
            con.execute("COMMIT")

    def delete_review(self, figure_id: str) -> None:
        with _closing(self._sqlite()) as con:
            con.execute("DELETE FROM reviews WHERE figure_id = ?", (figure_id,))

    def get_review(self, figure_id: str) -> dict | None:
        with _closing(self._sqlite()) as con:
            con.row_factory = sqlite3.Row
            row = con.execute("SELECT * FROM reviews WHERE figure_id = ?", (figure_id,)).fetchone()
        return dict(row) if row else None

    def reviews_frame(self) -> pd.DataFrame:
        with _closing(self._sqlite()) as con:
            rows = con.execute(f"SELECT {', '.join(REVIEW_COLUMNS)} FROM reviews").fetchall()
        df = pd.DataFrame(rows, columns=list(REVIEW_COLUMNS))
        return df.astype({"figure_id": "str", "doc": "str", "state": "str",
                          "corrected_value": "float64", "corrected_unit": "object",
                          "note": "str", "updated_at": "float64"})

    def review_log_frame(self) -> pd.DataFrame:
        """Every acknowledged review, oldest first (the audit trail behind ``reviews_frame``)."""
        with _closing(self._sqlite()) as con:
            rows = con.execute(f"SELECT seq, {', '.join(REVIEW_COLUMNS)} FROM review_log ORDER BY seq").fetchall()
        return pd.DataFrame(rows, columns=["seq", *REVIEW_COLUMNS])

    def review_progress(self) -> tuple[int, int]:
        """(reviewed, total) over the current figures."""
        sql = (f"SELECT count(r.figure_id), count(*) FROM {self._current_figs_sql()} f "
               "LEFT JOIN reviews r ON r.figure_id = f.figure_id")
        return tuple(self._with_reviews(lambda con: con.execute(sql).fetchall()[0]))

    # ------------------------------------------------------------ gold export

    def export_gold(self, doc: Sequence[str] = ()) -> list[dict]:
        """Reviewed figures as gold rows of the contract, for ``score.py``.

        not_a_figure rows are left out; wrong_value/wrong_unit rows carry the
        corrected value/unit when one was given.
        """
        df = self.figures_frame(doc=doc, review=[s for s in REVIEW_STATES])
        return gold_rows(df)


def gold_rows(df: pd.DataFrame) -> list[dict]:
    """Gold rows from a figures frame joined with reviews (see Store.export_gold)."""
    out = []
    for row in df.to_dict("records"):
        state = row.get("review")
        if state not in REVIEW_STATES or state == "not_a_figure":
            continue
        gold = {k: row[k] for k in GOLD_FIELDS}
        gold["start"], gold["end"], gold["value"] = int(gold["start"]), int(gold["end"]), float(gold["value"])
        cv, cu = row.get("corrected_value"), row.get("corrected_unit")
        if state in ("wrong_value", "wrong_unit") and cv is not None and not pd.isna(cv):
            gold["value"] = float(cv)
        if state in ("wrong_value", "wrong_unit") and isinstance(cu, str) and cu:
            gold["unit"] = cu
        gold["optional"] = False
        out.append(gold)
    return out


class BatchWriter:
    """What an incremental run needs from the store: which documents are unchanged (same
    content hash, same extractor version) and a buffer written as one batch at a time."""

    def __init__(self, store: Store, force: bool, batch_size: int):
        self.store, self.batch_size = store, batch_size
        self.version = _extractor_version()
        self.known = {} if force else store.known_documents()
        self.docs: list = []
        self.figures: list = []

    def unchanged(self, doc: Any) -> bool:
        sha = getattr(doc, "sha256", "") or sha256_text(doc.text)
        return self.known.get(doc.id) == (sha, self.version)

    def add(self, doc: Any, figures: Iterable[Figure | dict]) -> None:
        self.docs.append(doc)
        self.figures.extend(figures)
        if len(self.docs) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        if self.docs:
            self.store.write_batch(self.docs, self.figures, version=self.version)
            self.docs, self.figures = [], []


# ---------------------------------------------------------------- corpus ingest

def ingest(paths: Iterable[str | os.PathLike], store: Store | str | os.PathLike = DEFAULT_FOLDER,
           **kwargs) -> dict:
    """Extract a corpus (files/folders) into the store incrementally; returns counts."""
    from .reader import iter_documents  # streamed one at a time; a DocumentError per bad file
    if not isinstance(store, Store):
        store = Store(store)
    return store.ingest_documents(iter_documents(paths), **kwargs)


# ---------------------------------------------------------------- small internals

def _extractor_version() -> str:
    from . import EXTRACTOR_VERSION
    return EXTRACTOR_VERSION


def _duck_type(t: pa.DataType) -> str:
    return {pa.int64(): "BIGINT", pa.float64(): "DOUBLE"}.get(t, "VARCHAR")


def _as_table(x) -> pa.Table:
    return x.read_all() if hasattr(x, "read_all") else x


def _tidy(df: pd.DataFrame) -> pd.DataFrame:
    """Plain dtypes whatever the query returned (empty frames included)."""
    for col in df.columns:
        if col in _INT_FIELDS:
            df[col] = df[col].astype("int64")
        elif col in ("value", "corrected_value"):
            df[col] = df[col].astype("float64")
        elif col in ("review", "corrected_unit", "note"):  # "" = none, not None-or-NaN
            df[col] = df[col].astype(object).where(df[col].notna(), "")
    return df


class _closing:
    def __init__(self, con: sqlite3.Connection):
        self.con = con

    def __enter__(self) -> sqlite3.Connection:
        return self.con

    def __exit__(self, *exc) -> None:
        self.con.close()
