"""The command line of the contract: ``python -m extract PATH [PATH ...] [--lang vi|zh|en]
[-o OUT] [--format jsonl|csv]``, plus ``--store DIR``.

Documents are read and extracted one at a time and each one's figures are
written (and flushed) as soon as it is done, so a bad file, a crash or Ctrl-C
later in the batch never loses what was already extracted. A file that cannot
be read is reported as ``FILE: reason`` on standard error and skipped; the exit
status is then 1.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import math
import os
import shutil
import sys
import time
from dataclasses import dataclass, field, replace
from typing import IO, Callable, Iterable

from .figure import FIELDS, Figure
from .reader import DEFAULT_MAX_BYTES, Document, DocumentError, iter_documents, iter_files

LANGS = ("vi", "zh", "en")
FORMATS = ("jsonl", "csv")
# OWASP CSV injection: a text cell starting with one of these is read as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")
_NUMERIC = {"start", "end", "value", "sentence_start", "sentence_end"}
STORE_BATCH_DOCS = 200  # documents per store batch: few files, little held in memory


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m extract",
        description="Extract every numeric figure from Vietnamese, Chinese and English "
                    "news files (.txt, .md, .html, .htm; folders are walked).")
    p.add_argument("paths", nargs="+", metavar="PATH", help="a file or a folder")
    p.add_argument("--lang", choices=LANGS, help="force the language (default: detect per document)")
    p.add_argument("-o", "--output", metavar="OUT",
                   help="write figures to OUT (default: standard output, unless --store is given)")
    p.add_argument("--format", choices=FORMATS,
                   help="jsonl (default) or csv; inferred from OUT's suffix when omitted")
    p.add_argument("--store", metavar="DIR",
                   help="also write documents and figures into the project's store in DIR, "
                        "skipping documents unchanged since the last run")
    p.add_argument("--force", action="store_true",
                   help="with --store: re-extract unchanged documents too")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                   help=f"refuse files larger than N bytes (default {DEFAULT_MAX_BYTES})")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="no progress bar and no summary line (errors are still reported)")
    p.add_argument("--engine", choices=("auto", "serial", "processes", "dask"), default="auto",
                   help="auto (default): every core of this machine (processes) when writing "
                        "only into --store, one process (serial) when figures are streamed to "
                        "stdout or -o, in document order; dask: a Dask cluster; "
                        "see extract/distributed.py")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --engine dask: the scheduler to use (default: a local cluster)")
    p.add_argument("--jobs", type=int, metavar="N",
                   help="worker processes for --engine processes or a local Dask cluster "
                        "(default: the number of cores)")
    p.add_argument("--chunk-docs", type=int, metavar="N",
                   help="documents per task with a parallel engine (default 64)")
    return p


# ---------------------------------------------------------------- output

def output_format(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    return "csv" if (args.output or "").lower().endswith(".csv") else "jsonl"


def open_output(path: str | None, use_stdout: bool) -> tuple[IO[str] | None, Callable[[], None]]:
    """(stream, finish). newline='' so csv writes its own line ends untouched."""
    if path and path != "-":
        f = open(path, "w", encoding="utf-8", newline="")
        return f, f.close
    if not use_stdout:
        return None, lambda: None
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # stdout replaced (tests, embedding): write to it as it is
        return sys.stdout, sys.stdout.flush
    # UTF-8 whatever the locale says: the contract's text is Vietnamese and Chinese.
    wrapper = io.TextIOWrapper(buffer, encoding="utf-8", newline="")

    def finish() -> None:
        wrapper.flush()
        wrapper.detach()  # closing the wrapper would close the process's stdout
    return wrapper, finish


def neutralise(cell: str) -> str:
    """Prefix a text cell that a spreadsheet would run as a formula (OWASP)."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def finite_or_none(value):
    """NaN/inf are not JSON and not a figure's value: write them as empty."""
    return value if isinstance(value, (int, float)) and math.isfinite(value) else None


class JsonlWriter:
    def __init__(self, out: IO[str]):
        self.out = out

    def write(self, figures: Iterable[Figure]) -> None:
        for fig in figures:
            row = fig.to_dict()
            row["value"] = finite_or_none(row["value"])
            self.out.write(json.dumps(row, ensure_ascii=False, allow_nan=False) + "\n")
        self.out.flush()


class CsvWriter:
    """The contract's fields as columns; text cells quoted and neutralised,
    numbers left bare so spreadsheets and pandas read them as numbers."""

    def __init__(self, out: IO[str]):
        self.out = out
        self.csv = csv.writer(out, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n")
        self.csv.writerow(FIELDS)
        out.flush()

    def write(self, figures: Iterable[Figure]) -> None:
        for fig in figures:
            row = fig.to_dict()
            self.csv.writerow([self.cell(name, row[name]) for name in FIELDS])
        self.out.flush()

    @staticmethod
    def cell(name: str, value):
        if name in _NUMERIC:
            value = finite_or_none(value)
            return "" if value is None else value
        return neutralise("" if value is None else str(value))


class NullWriter:
    def write(self, figures: Iterable[Figure]) -> None:
        pass


def make_writer(fmt: str, out: IO[str] | None):
    if out is None:
        return NullWriter()
    return CsvWriter(out) if fmt == "csv" else JsonlWriter(out)


# ---------------------------------------------------------------- the store

def store_sink(folder: str, force: bool):
    """The store's incremental batch writer (the store pulls in duckdb/pyarrow: only when asked)."""
    from .store import Store
    return Store(folder).batch_writer(force=force, batch_size=STORE_BATCH_DOCS)


# ---------------------------------------------------------------- one document

@dataclass
class Stats:
    documents: int = 0
    figures: int = 0
    skipped: int = 0
    failed: int = 0
    started: float = field(default_factory=time.perf_counter)

    def line(self) -> str:
        return (f"extract: {self.documents} documents, {self.figures} figures, "
                f"{self.skipped} skipped, {self.failed} failed, "
                f"{time.perf_counter() - self.started:.2f} seconds")


def extract_figures(doc: Document, lang: str | None) -> tuple[list[Figure], list[str]]:
    """The document's figures, and a problem for each one that breaks the contract.

    A figure whose text is not its document's slice is dropped and reported:
    the offsets are the one thing every consumer trusts.
    """
    figures, problems = [], []
    for fig in checked_figures(doc, lang, problems):
        figures.append(fig)
    return figures, problems


def checked_figures(doc: Document, lang: str | None, problems: list[str]):
    """The document's figures one by one (a 50 MB file never holds them all), each checked
    against its document's text; a figure that breaks the contract goes to ``problems``."""
    from . import extract_document, iter_figures, pipeline  # looked up at call time so tests can stand in
    engine = iter_figures if extract_document is pipeline.extract_document else extract_document
    for fig in engine(doc.text, doc=doc.id, lang=lang):
        if not (0 <= fig.start < fig.end <= len(doc.text)) or doc.text[fig.start:fig.end] != fig.text:
            problems.append(f"extractor bug: figure {fig.text!r} at {fig.start}:{fig.end} "
                            "is not the text at those offsets; dropped")
            continue
        yield fig if fig.doc == doc.id else replace(fig, doc=doc.id)


def document_lang(doc: Document, forced: str | None, figures: list[Figure]) -> str:
    """The language to record for the document in the store."""
    if forced:
        return forced
    if figures and figures[0].lang:
        return figures[0].lang
    try:
        from .detect import detect_language
    except ImportError:
        return ""
    try:
        return detect_language(doc.text)
    except Exception:  # a guess for the store's label must not fail the document
        return ""


# ---------------------------------------------------------------- the run

class Reporter:
    """Error lines and the progress bar on standard error, without mangling each other."""

    def __init__(self, total_paths: list[str] | None, quiet: bool):
        self.bar = None
        if not quiet and total_paths is not None and _stderr_is_tty():
            from tqdm import tqdm

            total = sum(1 for _ in iter_files(total_paths))  # names only: cheap
            # a pty that reports 0 columns would get an invisible bar: fall back to 80
            width = shutil.get_terminal_size((80, 24)).columns
            self.bar = tqdm(total=total, unit="doc", file=sys.stderr, ncols=width)

    def error(self, name: str, reason: str) -> None:
        line = f"{name}: {reason}"
        if self.bar is not None:
            self.bar.write(line, file=sys.stderr)
        else:
            print(line, file=sys.stderr, flush=True)

    def step(self, stats: Stats) -> None:
        if self.bar is not None:
            self.bar.set_postfix(figures=stats.figures, failed=stats.failed, refresh=False)
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _stderr_is_tty() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def process(item, args, writer, sink, stats: Stats, report: Reporter) -> None:
    """Handle one item of the walk: a Document or a DocumentError."""
    if isinstance(item, DocumentError):
        stats.failed += 1
        report.error(item.path, item.reason)
        return
    if sink is not None and sink.unchanged(item):
        stats.skipped += 1
        return
    # plain output streams the figures in chunks (a 50 MB file costs no more memory than a page);
    # the store takes a document's figures whole, once it is done
    stream = sink is None
    figures, problems = [], []
    try:
        for fig in checked_figures(item, args.lang, problems):
            figures.append(fig)
            if stream and len(figures) >= 2000:
                _write(writer, figures, stats)
                figures = []
    except Exception as exc:  # one document's crash must not end the batch
        stats.failed += 1
        report.error(item.path, f"extractor failed: {type(exc).__name__}: {exc}")
        if stream:
            _write(writer, figures, stats)  # what was streamed before the crash stays
        return
    _write(writer, figures, stats)
    stats.documents += 1
    if problems:
        stats.failed += 1
        for problem in problems:
            report.error(item.path, problem)
    if sink is not None:
        sink.add(replace(item, lang=document_lang(item, args.lang, figures)), figures)


def _write(writer, figures: list[Figure], stats: Stats) -> None:
    writer.write(figures)
    stats.figures += len(figures)


def chosen_engine(args: argparse.Namespace) -> str:
    """``--engine auto``: all cores for a store-only run; a stream of figures stays in one
    process so its order is the documents' order."""
    engine = getattr(args, "engine", "serial")
    if engine != "auto":
        return engine
    if args.store and not args.output and (os.cpu_count() or 1) > 1:
        return "processes"
    return "serial"


def run(args: argparse.Namespace) -> int:
    args.engine = chosen_engine(args)
    if args.engine != "serial":
        from .distributed import run as run_parallel  # workers write the store themselves
        return run_parallel(args)
    fmt = output_format(args)
    try:
        out, finish_out = open_output(args.output, use_stdout=not args.store)
    except OSError as exc:
        print(f"{args.output}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return 2
    try:
        sink = store_sink(args.store, args.force) if args.store else None
    except Exception as exc:
        print(f"{args.store}: cannot open the store: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
    stats = Stats()
    report = Reporter(args.paths, args.quiet)
    status = 0
    try:
        writer = make_writer(fmt, out)
        for item in iter_documents(args.paths, max_bytes=args.max_bytes):
            process(item, args, writer, sink, stats, report)
            report.step(stats)
    except KeyboardInterrupt:
        status = 130
    finally:
        report.close()
        if sink is not None:
            sink.flush()  # what was extracted reaches the store even on Ctrl-C
        finish_out()
    if not args.quiet:
        print(stats.line(), file=sys.stderr, flush=True)
    return status or (1 if stats.failed else 0)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return run(args)
    except BrokenPipeError:
        # `python -m extract seeds | head`: the reader left; stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
