#!/usr/bin/env python3
"""Corpus-scale benchmark of the store engines: throughput, peak memory, no-change re-run.

    .venv/bin/python bench/bench_scale.py [--sizes 10,100] [--gb] [--engines serial,dask]
                                          [--jobs 2] [--workdir DIR] [--out results.jsonl]

For each size (MB) a corpus is generated with ``bench/generate.py`` (seed 1,
~4 KB documents in vi/zh/en; kept in --workdir and reused), then for each engine
``python -m extract CORPUS --store FRESH --engine E -q`` runs twice as a
subprocess: the first run extracts everything, the second finds nothing changed.
Reported per run:

- MB/s by wall time, and MB per CPU-second (driver + workers; the fair number on a
  shared machine, where wall time depends on the neighbours);
- peak memory: RSS summed over the whole process tree (driver, Dask scheduler
  side, worker processes), sampled every 0.2 s with psutil, and the driver's alone;
- the re-run's wall and CPU time as a share of the first run's.

``--gb`` adds the 1 GB corpus (about 40 minutes with Dask on two cores, 50 serial).
Each result is appended to --out as one JSON line as soon as it is measured.

Measured on this machine (2 cores shared with other jobs, so wall times vary; MB per
CPU-second is the steadier number), with ``--sizes 10,100 --gb --engines dask,serial`` at
``nice -n 19`` (corpora of ``generate.py --context 2``, one figure every ~210 bytes):

    engine       MB    MB/s  MB/cpu-s  peak tree MB  driver MB  re-run wall  re-run cpu
    dask       10.5   0.066     0.250         632.8      179.4        1.0%       3.6%
    serial     10.5   0.199     0.348         256.3      256.3        3.0%       5.5%
    dask      104.9   0.155     0.332         652.6      189.4        0.4%       0.9%
    serial    104.9   0.162     0.353         248.4      248.4        0.9%       1.3%
    dask     1048.6   0.432     0.314         697.3      228.8        1.7%       0.9%
    serial   1048.6   0.349     0.359         256.7      256.7        2.0%       1.5%

(2,369 / 23,781 / 237,581 documents; 49,873 / 499,317 / 4,988,514 figures, the same for
both engines.) Peak memory from 100 MB to 1 GB: x1.07 Dask, x1.03 serial.
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import threading
import time

import psutil

ROOT = pathlib.Path(__file__).resolve().parent.parent
PY = sys.executable


def build_corpus(workdir: pathlib.Path, mb: float, context: float) -> tuple[pathlib.Path, int]:
    """The generated corpus of ``mb`` MB (reused when already there) and its size in bytes."""
    folder = workdir / f"corpus-{mb:g}mb-context{context:g}"
    done = folder / ".complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run([PY, str(ROOT / "bench/generate.py"), str(folder), "--mb", str(mb),
                        "--seed", "1", "--context", str(context)], check=True,
                       stdout=subprocess.DEVNULL)
        done.write_text("ok")
    size = sum(p.stat().st_size for p in folder.rglob("*.txt"))
    return folder, size


class TreeSampler(threading.Thread):
    """Peak RSS of a process and all its descendants, and their CPU time."""

    def __init__(self, pid: int, every: float = 0.2):
        super().__init__(daemon=True)
        self.root = psutil.Process(pid)
        self.every = every
        self.peak_tree = self.peak_driver = 0
        self.cpu: dict[int, float] = {}  # last CPU time seen per pid
        self.stop = threading.Event()

    def sample(self) -> None:
        try:
            procs = [self.root] + self.root.children(recursive=True)
        except psutil.Error:
            return
        total = 0
        for p in procs:
            try:
                with p.oneshot():
                    rss = p.memory_info().rss
                    t = p.cpu_times()
            except psutil.Error:
                continue
            total += rss
            self.cpu[p.pid] = t.user + t.system
            if p.pid == self.root.pid:
                self.peak_driver = max(self.peak_driver, rss)
        self.peak_tree = max(self.peak_tree, total)

    def run(self) -> None:
        while not self.stop.is_set():
            self.sample()
            self.stop.wait(self.every)


def run_cli(corpus: pathlib.Path, store: pathlib.Path, engine: str, jobs: int) -> dict:
    """One CLI run, measured: wall, CPU (driver + workers), peak memory, summary line."""
    argv = [PY, "-m", "extract", str(corpus), "--store", str(store), "--engine", engine]
    if engine != "serial":
        argv += ["--jobs", str(jobs)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    sampler = TreeSampler(proc.pid)
    sampler.start()
    err_lines = []
    reader = threading.Thread(target=lambda: err_lines.extend(proc.stderr), daemon=True)
    reader.start()
    _, status, usage = os.wait4(proc.pid, 0)  # rusage includes the reaped workers
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    sampler.stop.set()
    sampler.join()
    reader.join(timeout=5)
    cpu = max(usage.ru_utime + usage.ru_stime, sum(sampler.cpu.values()))
    summary = next((l.strip() for l in reversed(err_lines) if l.startswith("extract:")), "")
    return {"status": proc.returncode, "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
            "peak_tree_mb": round(sampler.peak_tree / 2**20, 1),
            "peak_driver_mb": round(sampler.peak_driver / 2**20, 1), "summary": summary}


def bench(corpus: pathlib.Path, size: int, engine: str, jobs: int, workdir: pathlib.Path) -> dict:
    store = pathlib.Path(tempfile.mkdtemp(prefix=f"store-{engine}-", dir=workdir))
    try:
        first = run_cli(corpus, store, engine, jobs)
        again = run_cli(corpus, store, engine, jobs)
    finally:
        shutil.rmtree(store, ignore_errors=True)
    mb = size / 1e6
    return {
        "engine": engine, "corpus_mb": round(mb, 1), "corpus": corpus.name, "jobs": jobs if engine != "serial" else 1,
        "mb_per_s": round(mb / first["wall_s"], 3),
        "mb_per_cpu_s": round(mb / first["cpu_s"], 3),
        "peak_tree_mb": first["peak_tree_mb"], "peak_driver_mb": first["peak_driver_mb"],
        "rerun_wall_share": round(again["wall_s"] / first["wall_s"], 4),
        "rerun_cpu_share": round(again["cpu_s"] / first["cpu_s"], 4),
        "first": first, "rerun": again,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10,100", help="corpus sizes in MB, comma-separated")
    ap.add_argument("--gb", action="store_true", help="also the 1 GB corpus (over an hour)")
    ap.add_argument("--engines", default="serial,dask", help="from serial, processes, dask")
    ap.add_argument("--jobs", type=int, default=2, help="workers of the parallel engines")
    ap.add_argument("--workdir", default=str(pathlib.Path(tempfile.gettempdir()) / "bench_scale"))
    ap.add_argument("--out", help="append each result as a JSON line to this file")
    ap.add_argument("--context", type=float, default=2.0,
                    help="generate.py --context: figure-free sentences per sentence with figures "
                         "(2, the default: one figure every ~200 bytes; 0: the all-figures corpus)")
    args = ap.parse_args()

    workdir = pathlib.Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    sizes = [float(s) for s in args.sizes.split(",") if s] + ([1000.0] if args.gb else [])
    print(f"{'engine':9} {'MB':>7} {'MB/s':>7} {'MB/cpu-s':>9} {'peak tree MB':>13} "
          f"{'driver MB':>10} {'re-run wall':>12} {'re-run cpu':>11}", flush=True)
    for mb in sizes:
        corpus, size = build_corpus(workdir, mb, args.context)
        for engine in args.engines.split(","):
            r = bench(corpus, size, engine, args.jobs, workdir)
            print(f"{engine:9} {r['corpus_mb']:7.1f} {r['mb_per_s']:7.3f} {r['mb_per_cpu_s']:9.3f} "
                  f"{r['peak_tree_mb']:13.1f} {r['peak_driver_mb']:10.1f} "
                  f"{r['rerun_wall_share']:11.1%} {r['rerun_cpu_share']:10.1%}", flush=True)
            print(f"          first: {r['first']['summary']}\n          re-run: "
                  f"{r['rerun']['summary']}", flush=True)
            if args.out:
                with open(args.out, "a", encoding="utf-8") as f:
                    f.write(json.dumps(r) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
