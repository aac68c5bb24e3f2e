"""Reviews are never lost: several writers at once, and re-extraction underneath them.

Each writer is its own process (as two browser sessions of the app, or the app and the
CLI, are); after they finish, every review a writer was told was stored is in the
review log exactly once, and the current review of each figure is the last one written.
"""
from __future__ import annotations

import multiprocessing as mp
import pathlib
import shutil

from extract.store import Store

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _reviewer(folder: str, session: str, figure_ids: list[str], rounds: int, acked) -> None:
    store = Store(folder)
    for r in range(rounds):
        for i, fid in enumerate(figure_ids):
            note = f"{session}-{r}-{i}"
            store.put_review(fid, "doc.txt", ("right", "wrong_value")[(r + i) % 2],
                             corrected_value=float(i) if (r + i) % 2 else None, note=note)
            acked.put(note)  # acknowledged: put_review returned


def _run(processes) -> None:
    for p in processes:
        p.start()
    for p in processes:
        p.join(120)
        assert p.exitcode == 0


def _drain(queue) -> list[str]:
    out = []
    while not queue.empty():
        out.append(queue.get())
    return out


def test_two_sessions_reviewing_the_same_figures(tmp_path):
    folder = str(tmp_path / "data")
    Store(folder)  # create the schema once
    ids = [f"fig{i:03d}" for i in range(40)]
    acked = mp.get_context("fork").Queue()
    ctx = mp.get_context("fork")
    _run([ctx.Process(target=_reviewer, args=(folder, s, ids, 3, acked)) for s in ("alice", "bob")])
    acked_notes = _drain(acked)
    store = Store(folder)
    log = store.review_log_frame()
    assert len(acked_notes) == 2 * 3 * len(ids)
    assert sorted(log["note"]) == sorted(acked_notes)  # every acknowledged review, once
    current = store.reviews_frame().set_index("figure_id")
    assert sorted(current.index) == ids  # one current review per figure
    last = log.sort_values("seq").groupby("figure_id").tail(1).set_index("figure_id")
    assert (current.loc[ids, "note"] == last.loc[ids, "note"]).all()


def _ingest(folder: str, corpus: str, times: int) -> None:
    """What `python -m extract CORPUS --store DIR --force` does, several times over."""
    store = Store(folder)
    for _ in range(times):
        store.ingest_documents(_docs(corpus), force=True)


def _docs(corpus: str):
    from extract.reader import iter_documents
    return iter_documents([corpus])


def test_reviews_survive_re_extraction_running_underneath(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "seeds", corpus)
    folder = str(tmp_path / "data")
    store = Store(folder)
    store.ingest_documents(_docs(str(corpus)))
    figs = store.figures_frame()
    ids = list(figs["figure_id"])
    ctx = mp.get_context("fork")
    acked = ctx.Queue()
    _run([ctx.Process(target=_ingest, args=(folder, str(corpus), 3)),
          ctx.Process(target=_reviewer, args=(folder, "carol", ids, 2, acked))])
    acked_notes = _drain(acked)
    store = Store(folder)
    assert sorted(store.review_log_frame()["note"]) == sorted(acked_notes)
    # the figures did not change, so every review still belongs to a current figure
    current = set(store.figures_frame()["figure_id"])
    assert set(store.reviews_frame()["figure_id"]) == set(ids) <= current
    reviewed, total = store.review_progress()
    assert reviewed == len(ids) == total
