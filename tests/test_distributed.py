"""The parallel engines (extract/distributed.py): Dask on a local cluster of two
workers gives the serial run's figures byte for byte; re-runs skip unchanged
documents and keep reviews; a run killed with kill -9 resumes without duplicates
or losses; the CLI writes while a reader (the dashboard's query) reads."""
from __future__ import annotations

import json
import os
import pathlib
import shutil
import signal
import subprocess
import sys
import time

import pytest

from extract import cli
from extract.distributed import chunks
from extract.store import Store

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS_MB = 0.3  # ~75 generated documents of ~4 KB: a few seconds of extraction


def figures_jsonl(store_dir) -> str:
    """The store's current figures as sorted JSON Lines, without the batch id
    (which names the run, not the figure)."""
    df = Store(store_dir).figures_frame().drop(columns=["batch"])
    rows = sorted(json.dumps(r, ensure_ascii=False, sort_keys=True)
                  for r in df.to_dict("records"))
    return "\n".join(rows)


def documents_rows(store_dir) -> list:
    df = Store(store_dir).documents_frame(with_text=True)
    return df.drop(columns=["batch", "added_at"]).sort_values("doc").to_dict("records")


def cli_run(capsys, *argv) -> tuple[int, str]:
    status = cli.main([str(a) for a in argv])
    return status, capsys.readouterr().err


def spawn(*argv) -> subprocess.Popen:
    """The CLI in its own session, so kill -9 reaches its worker processes too."""
    return subprocess.Popen([sys.executable, "-m", "extract", *map(str, argv)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> pathlib.Path:
    out = tmp_path_factory.mktemp("corpus") / "c"
    subprocess.run([sys.executable, str(ROOT / "bench/generate.py"), str(out),
                    "--mb", str(CORPUS_MB), "--seed", "7"], check=True, capture_output=True)
    return out


@pytest.fixture(scope="module")
def serial_store(corpus, tmp_path_factory) -> pathlib.Path:
    store = tmp_path_factory.mktemp("serial") / "store"
    assert cli.main([str(corpus), "--store", str(store), "-q", "--engine", "serial"]) == 0
    return store


# ---------------------------------------------------------------- same figures

def test_dask_gives_the_serial_figures_byte_for_byte(corpus, serial_store, tmp_path, capsys,
                                                    monkeypatch):
    monkeypatch.setattr(cli, "_stderr_is_tty", lambda: True)  # the progress bar too
    status, err = cli_run(capsys, corpus, "--store", tmp_path / "s", "--engine", "dask",
                          "--jobs", 2, "--chunk-docs", 8)
    assert status == 0, err
    expected = figures_jsonl(serial_store)
    assert expected and figures_jsonl(tmp_path / "s") == expected
    assert documents_rows(tmp_path / "s") == documents_rows(serial_store)
    n_docs = len(Store(serial_store).known_documents())
    assert f"{n_docs}/{n_docs}" in err and "doc/s" in err
    n_figs = Store(serial_store).count_figures()
    assert err.rstrip().splitlines()[-1].startswith(
        f"extract: {n_docs} documents, {n_figs} figures, 0 skipped, 0 failed")
    # one Parquet batch per chunk, written by the workers
    assert len(list((tmp_path / "s/figures").glob("*.parquet"))) == -(-n_docs // 8)


def test_processes_engine_gives_the_serial_figures(corpus, serial_store, tmp_path, capsys):
    status, err = cli_run(capsys, corpus, "--store", tmp_path / "s", "--engine", "processes",
                          "--jobs", 2, "-q")
    assert status == 0, err
    assert figures_jsonl(tmp_path / "s") == figures_jsonl(serial_store)


# ---------------------------------------------------------------- incremental

def test_rerun_skips_unchanged_and_keeps_reviews_of_unchanged_figures(tmp_path, capsys):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Hơn 4.000 đại biểu dự họp.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("The plant made 1,200 tonnes of steel.\n", encoding="utf-8")
    (corpus / "bad.txt").write_bytes(b"")
    store_dir = tmp_path / "s"
    args = [corpus, "--store", store_dir, "--engine", "dask", "--jobs", 2]
    status, err = cli_run(capsys, *args)
    assert status == 1 and "bad.txt: empty file" in err
    assert "2 documents" in err and "1 failed" in err
    store = Store(store_dir)
    fig = store.figures_frame(doc=["b.txt"]).iloc[0]
    store.put_review(fig.figure_id, "b.txt", "right")

    status, err = cli_run(capsys, *args)
    assert "0 documents, 0 figures, 2 skipped, 1 failed" in err

    (corpus / "b.txt").write_text("The plant made 1,200 tonnes of steel.\nIt hired 300 workers.\n",
                                  encoding="utf-8")
    status, err = cli_run(capsys, *args)
    assert "1 documents" in err and "1 skipped" in err
    df = store.figures_frame(doc=["b.txt"])
    assert list(df.text) == ["1,200 tonnes", "300"]
    assert df.set_index("text").loc["1,200 tonnes", "review"] == "right"
    assert store.count_figures(by="doc").set_index("doc").figures.to_dict() == {"a.txt": 1,
                                                                                 "b.txt": 2}


def test_parallel_engine_needs_a_store(tmp_path, capsys):
    status, err = cli_run(capsys, tmp_path, "--engine", "dask")
    assert status == 2 and "--store" in err
    status, err = cli_run(capsys, tmp_path, "--engine", "processes", "--store", tmp_path / "s",
                          "--scheduler", "tcp://127.0.0.1:1")
    assert status == 2 and "--scheduler needs --engine dask" in err


def test_chunks_are_bounded_and_stream():
    planned = iter([("a", "a", 10), None, ("b", "b", 10), ("c", "c", 10), ("d", "d", 100)])
    out = list(chunks(planned, max_docs=2, max_bytes=50))
    assert out == [("skip", None), ("chunk", [("a", "a"), ("b", "b")]),
                   ("chunk", [("c", "c")]), ("chunk", [("d", "d")])]


# ---------------------------------------------------------------- kill -9, concurrent reader

def wait_for_batches(store_dir: pathlib.Path, n: int, proc: subprocess.Popen,
                     timeout: float = 120) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        found = len(list((store_dir / "documents").glob("*.parquet")))
        if found >= n:
            return found
        time.sleep(0.05)
    return len(list((store_dir / "documents").glob("*.parquet")))


def test_killed_run_resumes_without_duplicates_or_losses(corpus, serial_store, tmp_path, capsys):
    store_dir = tmp_path / "s"
    args = [corpus, "--store", store_dir, "--engine", "dask", "--jobs", 2, "--chunk-docs", 3]
    proc = spawn(*args, "-q")
    try:
        assert wait_for_batches(store_dir, 3, proc) >= 3, proc.stderr.read()
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)  # the driver and its Dask workers at once
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, "finished before it could be killed"
    total = len(Store(serial_store).known_documents())
    done = len(Store(store_dir).known_documents())
    assert 0 < done < total

    status, err = cli_run(capsys, *args)
    assert status == 0, err
    assert f"{done} skipped" in err and f"{total - done} documents" in err
    assert figures_jsonl(store_dir) == figures_jsonl(serial_store)
    df = Store(store_dir).figures_frame()
    assert df.figure_id.is_unique


def test_cli_writes_while_the_dashboard_reads(corpus, serial_store, tmp_path):
    store_dir = tmp_path / "s"
    proc = spawn(corpus, "--store", store_dir, "--engine", "dask", "--jobs", 2,
                 "--chunk-docs", 4, "-q")
    reader = Store(store_dir)  # as the dashboard does, while the CLI runs
    seen, reads = [], 0
    try:
        while proc.poll() is None:
            docs = reader.documents_frame()  # first: the figures read next include them
            df = reader.figures_frame()
            assert df.figure_id.is_unique
            # every committed document's figures are all there: no half batches
            per_doc = df.groupby("doc").size().to_dict()
            for d, n in zip(docs.doc, docs.n_figures):
                assert per_doc.get(d, 0) == n, d
            seen.append(len(df))
            reads += 1
            time.sleep(0.1)
        assert proc.wait(timeout=120) == 0, proc.stderr.read()
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert reads >= 3 and seen == sorted(seen)  # it grew while being read
    assert figures_jsonl(store_dir) == figures_jsonl(serial_store)


def test_a_chunk_reads_relative_paths_from_the_drivers_folder(tmp_path, monkeypatch):
    from extract.distributed import Job, extract_chunk

    (tmp_path / "c").mkdir()
    (tmp_path / "c/a.txt").write_text("Hơn 4.000 đại biểu dự họp.\n", encoding="utf-8")
    monkeypatch.chdir("/")  # the worker runs elsewhere
    job = Job(store=str(tmp_path / "s"), cwd=str(tmp_path))
    res = extract_chunk([("c/a.txt", "a.txt"), ("c/missing.txt", "missing.txt")], job)
    assert (res.documents, res.figures, res.failed) == (1, 1, 1)
    assert res.errors == [("c/missing.txt", "no such file or directory")]
    docs = Store(tmp_path / "s").documents_frame()
    assert list(docs.source) == ["c/a.txt"] and list(docs.lang) == ["vi"]


def test_an_existing_cluster_by_its_scheduler_address(tmp_path, capsys):
    from extract.distributed import local_cluster

    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Hơn 4.000 đại biểu dự họp.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("It hired 300 workers.\n", encoding="utf-8")
    with local_cluster(1) as cluster:
        status, err = cli_run(capsys, corpus, "--store", tmp_path / "s", "--engine", "dask",
                              "--scheduler", cluster.scheduler_address)
    assert status == 0, err
    assert "2 documents, 2 figures, 0 skipped, 0 failed" in err
