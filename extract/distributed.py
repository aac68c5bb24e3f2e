"""Parallel engines for ``--store`` runs: ``--engine processes`` (this machine's
cores) and ``--engine dask [--scheduler ADDRESS]`` (a Dask cluster; a local one
of ``--jobs`` worker processes when no address is given).

    python -m extract CORPUS --store DIR --engine dask [--scheduler tcp://host:8786]

How a run goes:

- The driver walks the corpus (names only, streamed) and drops documents the
  store already holds unchanged: same file hash (sha256 of the bytes, as the
  reader computes it) and same extractor version. A no-change re-run therefore
  reads and hashes files but extracts nothing and starts no cluster.
- The remaining files go out in chunks of paths (``--chunk-docs`` documents, at
  most ``CHUNK_BYTES``), never texts, with a bounded number of chunks in flight:
  memory stays flat whatever the corpus size.
- A worker reads its chunk's files, extracts them with the same functions as the
  serial CLI (so the figures are the same, byte for byte), and writes them into
  the store itself as one batch through ``Store.write_batch`` (atomic Parquet:
  figures, then the documents file that commits them). It returns counts only.
- A changed document's new batch supersedes its old figures; an unchanged figure
  keeps its ``figure_id`` and so its review. A run killed mid-way leaves whole
  batches or nothing visible; the next run skips what was committed.

With a remote scheduler, the workers must see the same paths (a shared file
system) and the store folder, and have this project importable.
"""
from __future__ import annotations

import argparse
import concurrent.futures
import dataclasses
import hashlib
import logging
import os
import sys
import warnings
from collections.abc import Iterable, Iterator
from typing import Any, Callable

ENGINES = ("serial", "processes", "dask")
DEFAULT_CHUNK_DOCS = 64
CHUNK_BYTES = 4 * 1024 * 1024  # a chunk's files in all: bounds a worker's memory
IN_FLIGHT_PER_WORKER = 2       # chunks queued per worker: busy workers, bounded driver


@dataclasses.dataclass(frozen=True)
class Job:
    """What every chunk needs besides its paths (small and picklable)."""
    store: str
    lang: str | None = None
    max_bytes: int = 256 * 1024 * 1024
    cwd: str = ""  # relative paths are the driver's: workers may run elsewhere


@dataclasses.dataclass
class ChunkResult:
    items: int = 0
    documents: int = 0
    figures: int = 0
    failed: int = 0
    bytes: int = 0
    batch: str | None = None
    errors: list = dataclasses.field(default_factory=list)  # (name, reason)


# ---------------------------------------------------------------- worker side

_STORES: dict[str, Any] = {}


def _store(folder: str):
    """One Store per folder per worker process (opening one touches SQLite)."""
    if folder not in _STORES:
        from .store import Store
        _STORES[folder] = Store(folder)
    return _STORES[folder]


def extract_chunk(items: list[tuple[str, str]], job: Job) -> ChunkResult:
    """Read, extract and store one chunk of (path, doc id); return counts only."""
    from dataclasses import replace

    from .cli import document_lang, extract_figures
    from .reader import DocumentError, read_document

    out = ChunkResult(items=len(items))
    docs, figures = [], []
    for path, doc_id in items:
        try:
            doc = read_document(os.path.join(job.cwd, path), doc_id, job.max_bytes)
        except DocumentError as exc:
            out.failed += 1
            out.errors.append((path, exc.reason))
            continue
        doc = replace(doc, path=path)  # stored as the user wrote it, as the serial CLI does
        try:
            figs, problems = extract_figures(doc, job.lang)
        except Exception as exc:  # one document's crash must not end the chunk
            out.failed += 1
            out.errors.append((path, f"extractor failed: {type(exc).__name__}: {exc}"))
            continue
        if problems:
            out.failed += 1
            out.errors.extend((path, p) for p in problems)
        docs.append(replace(doc, lang=document_lang(doc, job.lang, figs)))
        figures.extend(figs)
        out.bytes += doc.n_bytes
    if docs:
        out.batch = _store(job.store).write_batch(docs, figures)
    out.documents, out.figures = len(docs), len(figures)
    return out


# ---------------------------------------------------------------- driver side

def file_sha256(path: str) -> str | None:
    """The reader's document hash (sha256 of the file's bytes), or None if unreadable."""
    h = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            while block := f.read(1 << 20):
                h.update(block)
    except OSError:
        return None
    return h.hexdigest()


def plan(paths: Iterable[str], known: dict[str, tuple[str, str]], version: str
         ) -> Iterator[Any]:
    """Walk the corpus: yield a DocumentError (walk problem), None (unchanged,
    skipped) or (path, doc id, size) to extract. Streams; reads only known files."""
    from .reader import iter_files

    for path, doc_id in iter_files(paths):
        if doc_id is None:
            yield path
            continue
        seen = known.get(doc_id)
        if seen is not None and seen[1] == version and file_sha256(path) == seen[0]:
            yield None
            continue
        try:
            size = os.path.getsize(path)
        except OSError:
            size = 0  # the worker's reader will say why
        yield path, doc_id, size


def chunks(planned: Iterable[Any], max_docs: int, max_bytes: int = CHUNK_BYTES
           ) -> Iterator[tuple[str, Any]]:
    """Group planned items: ('error', DocumentError), ('skip', None), ('chunk', [(path, id)])."""
    batch, size = [], 0
    for item in planned:
        if item is None:
            yield "skip", None
        elif not isinstance(item, tuple):
            yield "error", item
        else:
            path, doc_id, n = item
            if batch and (len(batch) >= max_docs or size + n > max_bytes):
                yield "chunk", batch
                batch, size = [], 0
            batch.append((path, doc_id))
            size += n
    if batch:
        yield "chunk", batch


class ProcessPool:
    """This machine's cores, through concurrent.futures."""

    def __init__(self, workers: int):
        self.workers = workers
        self.pool = concurrent.futures.ProcessPoolExecutor(max_workers=workers)

    def submit(self, fn: Callable, *args):
        return self.pool.submit(fn, *args)

    def wait(self, futures):
        return concurrent.futures.wait(futures, return_when=concurrent.futures.FIRST_COMPLETED)

    def close(self, cancel: bool = False) -> None:
        self.pool.shutdown(wait=not cancel, cancel_futures=cancel)


class DaskPool:
    """A Dask client: to ``scheduler`` when given, else to a LocalCluster of
    ``workers`` single-threaded worker processes."""

    def __init__(self, workers: int, scheduler: str | None = None):
        from distributed import Client

        self.cluster = None
        if scheduler:
            self.client = Client(scheduler)
            self.client.wait_for_workers(1, timeout=120)
        else:
            self.cluster = local_cluster(workers)
            self.client = Client(self.cluster)
        # task slots: every thread of every worker (scheduler_info() lists only a few workers)
        self.workers = max(1, sum(self.client.nthreads().values()) or workers)

    def submit(self, fn: Callable, *args):
        return self.client.submit(fn, *args, pure=False)

    def wait(self, futures):
        from distributed import wait
        return wait(list(futures), return_when="FIRST_COMPLETED")

    def close(self, cancel: bool = False) -> None:
        try:
            self.client.close()
        finally:
            if self.cluster is not None:
                self.cluster.close()


# Each Dask server (scheduler, nannies, workers) polls by default: event-loop
# ticks every 20 ms, memory every 100 ms, system stats every 500 ms, and the
# worker's profiler samples the running task every 10 ms. Measured here, an idle
# two-worker cluster burnt 10 % of a core. Tasks here last seconds: poll slowly.
QUIET_DASK = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "500ms",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
}


def local_cluster(workers: int):
    """Single-threaded worker processes, no dashboard, quiet polling (QUIET_DASK)."""
    import dask
    from distributed import LocalCluster

    with dask.config.set(QUIET_DASK), warnings.catch_warnings():
        # the scheduler's HTTP routes fall back to a free port when another run holds 8787
        warnings.filterwarnings("ignore", message="Port .* is already in use")
        return LocalCluster(n_workers=workers, processes=True, threads_per_worker=1,
                            dashboard_address=None, silence_logs=logging.ERROR)


def make_pool(engine: str, workers: int, scheduler: str | None = None):
    if engine == "dask":
        return DaskPool(workers, scheduler)
    if engine == "processes":
        return ProcessPool(workers)
    raise ValueError(f"unknown engine {engine!r}")


def collect(future, items: list, stats, report) -> None:
    """Add a finished chunk's counts to the run's; a lost chunk counts as failed."""
    try:
        res = future.result()
    except Exception as exc:  # a worker died or the task could not run
        stats.failed += len(items)
        for path, _ in items:
            report.error(path, f"chunk failed: {type(exc).__name__}: {exc}")
        return
    stats.documents += res.documents
    stats.figures += res.figures
    stats.failed += res.failed
    for name, reason in res.errors:
        report.error(name, reason)


def advance(report, stats, n: int) -> None:
    bar = getattr(report, "bar", None)
    if bar is not None and n:
        bar.set_postfix(figures=stats.figures, failed=stats.failed, refresh=False)
        bar.update(n)


def run_chunks(planned: Iterable[Any], make: Callable[[], Any], job: Job, chunk_docs: int,
               stats, report) -> None:
    """Submit chunks with a bounded number in flight; the pool is made only when
    the first chunk needs it (a no-change re-run starts no workers)."""
    pool, pending = None, {}
    try:
        for kind, item in chunks(planned, chunk_docs):
            if kind == "skip":
                stats.skipped += 1
                advance(report, stats, 1)
                continue
            if kind == "error":
                stats.failed += 1
                report.error(item.path, item.reason)
                advance(report, stats, 1)
                continue
            if pool is None:
                pool = make()
            while len(pending) >= IN_FLIGHT_PER_WORKER * pool.workers:
                _drain(pool, pending, stats, report)
            pending[pool.submit(extract_chunk, item, job)] = item
        while pending:
            _drain(pool, pending, stats, report)
    except BaseException:
        for f in pending:
            f.cancel()
        if pool is not None:
            pool.close(cancel=True)
            pool = None
        raise
    finally:
        if pool is not None:
            pool.close()


def _drain(pool, pending: dict, stats, report) -> None:
    done, _ = pool.wait(pending)
    for f in done:
        items = pending.pop(f)
        collect(f, items, stats, report)
        advance(report, stats, len(items))


def check_args(args: argparse.Namespace) -> str | None:
    """Why the arguments cannot run on a parallel engine, or None."""
    if not args.store:
        return f"--engine {args.engine} writes into a store: give --store DIR"
    if args.output:
        return (f"--engine {args.engine} writes only into the store (-o is the serial engine's); "
                "read the figures from the store")
    if args.scheduler and args.engine != "dask":
        return "--scheduler needs --engine dask"
    return None


def run(args: argparse.Namespace) -> int:
    """The CLI's run() for ``--engine processes|dask``: same progress bar and summary."""
    from . import cli
    from .store import Store, _extractor_version

    problem = check_args(args)
    if problem:
        print(f"extract: {problem}", file=sys.stderr)
        return 2
    try:
        known = {} if args.force else Store(args.store).known_documents()
    except Exception as exc:
        print(f"{args.store}: cannot open the store: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
    job = Job(store=os.path.abspath(args.store), lang=args.lang, max_bytes=args.max_bytes,
              cwd=os.getcwd())
    workers = args.jobs or os.cpu_count() or 1
    stats = cli.Stats()
    report = cli.Reporter(args.paths, args.quiet)
    status = 0
    try:
        run_chunks(plan(args.paths, known, _extractor_version()),
                   lambda: make_pool(args.engine, workers, args.scheduler),
                   job, args.chunk_docs or DEFAULT_CHUNK_DOCS, stats, report)
    except KeyboardInterrupt:
        status = 130
    finally:
        report.close()
    if not args.quiet:
        print(stats.line(), file=sys.stderr, flush=True)
    return status or (1 if stats.failed else 0)
