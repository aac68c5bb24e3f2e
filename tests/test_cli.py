"""The contract's command line: output formats, bad files, nothing lost, the store.

Most tests run the CLI in-process over a stand-in engine (digits only), so they
test the CLI and not the extractor; the end-to-end tests run
``python -m extract`` on the seeds with the real engine.
"""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import regex

import extract
from extract import cli
from extract.figure import FIELDS, Figure
from extract.reader import iter_documents, read_document

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

_NUMBER = regex.compile(r"[-+=@]?\d+(?:[.,]\d+)*")


def digits_engine(text: str, doc: str = "", lang: str | None = None) -> list[Figure]:
    """A stand-in extractor: every run of digits is a count."""
    return [Figure(doc=doc, start=m.start(), end=m.end(), text=m.group(),
                   value=float(regex.sub(r"[^\d-]", "", m.group()) or 0), lang=lang or "vi",
                   sentence=text[max(0, m.start() - 10):m.end() + 10])
            for m in _NUMBER.finditer(text)]


@pytest.fixture
def fake_engine(monkeypatch):
    monkeypatch.setattr(extract, "extract_document", digits_engine)
    return digits_engine



def run_cli(capsys, *argv) -> tuple[int, str, str]:
    status = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def write_corpus(root: Path, files: dict[str, bytes | str]) -> Path:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return root


GOOD = {
    "a.txt": "Hơn 4.000 đại biểu, 61.000 m2.\n",
    "sub/b.md": "制造业增加值从16.98万亿元增长到26.6万亿元。\n",
    "c.html": "<html><body><p>Output rose 12% to 450 tonnes.</p><script>var x = 999;</script></body></html>",
}
BAD = {
    "d-binary.txt": b"\x7fELF\x00\x01\x02",
    "e-empty.txt": b"",
    "f-broken.txt": "Hơn 4.000 đại biểu ".encode() * 20 + b"\xe1\xba",
}


# ---------------------------------------------------------------- JSON Lines

def test_jsonl_to_stdout_every_figure_is_its_documents_slice(tmp_path, capsys, fake_engine):
    corpus = write_corpus(tmp_path / "corpus", GOOD)
    status, out, err = run_cli(capsys, corpus)
    assert status == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert {r["doc"] for r in rows} == {"a.txt", "sub/b.md", "c.html"}
    texts = {d.id: d.text for d in iter_documents([corpus])}
    for r in rows:
        assert list(r) == list(FIELDS)
        assert texts[r["doc"]][r["start"]:r["end"]] == r["text"]
    assert "999" not in {r["text"] for r in rows}  # script content is not text
    assert "extract: 3 documents, %d figures, 0 skipped, 0 failed" % len(rows) in err


def test_bad_files_are_reported_and_the_rest_goes_through(tmp_path, capsys, fake_engine):
    corpus = write_corpus(tmp_path / "corpus", {**GOOD, **BAD})
    status, out, err = run_cli(capsys, corpus, tmp_path / "missing.txt")
    assert status == 1
    rows = [json.loads(line) for line in out.splitlines()]
    expected = sum(len(digits_engine(d.text, d.id)) for d in iter_documents([corpus])
                   if hasattr(d, "text"))
    assert len(rows) == expected > 0
    lines = err.splitlines()
    for name, reason in [("d-binary.txt", "binary file"), ("e-empty.txt", "empty file"),
                         ("f-broken.txt", f"invalid UTF-8 at byte {len(BAD['f-broken.txt']) - 2}"),
                         ("missing.txt", "no such file or directory")]:
        assert any(line.startswith(str(tmp_path)) and name in line and reason in line
                   for line in lines), (name, err)
    assert "3 documents" in lines[-1] and "4 failed" in lines[-1]


def test_output_file_and_forced_language(tmp_path, capsys, monkeypatch):
    seen = []
    monkeypatch.setattr(extract, "extract_document",
                        lambda text, doc="", lang=None: seen.append(lang) or digits_engine(text, doc, lang))
    corpus = write_corpus(tmp_path / "corpus", GOOD)
    out_path = tmp_path / "figures.jsonl"
    status, out, _ = run_cli(capsys, corpus, "--lang", "zh", "-o", out_path)
    assert status == 0 and out == ""
    assert seen == ["zh", "zh", "zh"]
    rows = [json.loads(line) for line in out_path.read_text("utf-8").splitlines()]
    assert rows and all(r["lang"] == "zh" for r in rows)


def test_bad_language_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["seeds", "--lang", "fr"])
    assert info.value.code == 2


def test_unwritable_output_is_a_clear_error(tmp_path, capsys, fake_engine):
    status, _, err = run_cli(capsys, SEEDS, "-o", tmp_path / "no" / "such" / "dir.jsonl")
    assert status == 2 and "cannot write" in err


# ---------------------------------------------------------------- CSV

def test_csv_has_contract_columns_numbers_stay_numbers_formulas_neutralised(tmp_path, capsys, fake_engine):
    corpus = write_corpus(tmp_path / "c", {
        "=HYPERLINK(evil).txt": "giảm -5 tấn, @12 và +7 và =3 nhà máy; 4.000 đại biểu\n"})
    out_path = tmp_path / "out.csv"
    status, _, _ = run_cli(capsys, corpus, "-o", out_path)  # format from the suffix
    assert status == 0
    raw = out_path.read_text("utf-8")
    rows = list(csv.reader(io.StringIO(raw)))
    assert tuple(rows[0]) == FIELDS
    by_text = {r[FIELDS.index("text")]: r for r in rows[1:]}
    assert set(by_text) == {"'-5", "'@12", "'+7", "'=3", "4.000"}
    assert all(r[0] == "'=HYPERLINK(evil).txt" for r in rows[1:])
    # numbers are written bare (unquoted) so a spreadsheet reads them as numbers
    assert ",-5.0," in raw and '"\'-5"' in raw
    import pandas as pd
    df = pd.read_csv(out_path)
    assert df["value"].tolist() == [-5.0, 12.0, 7.0, 3.0, 4000.0]
    assert df["start"].dtype.kind == "i"


def test_csv_to_stdout_with_format_flag(tmp_path, capsys, fake_engine):
    corpus = write_corpus(tmp_path / "c", {"a.txt": "4 tấn"})
    status, out, _ = run_cli(capsys, corpus, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 0 and rows[0]["text"] == "4" and rows[0]["value"] == "4.0"


@pytest.mark.parametrize("cell,expected", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("\0x", "'\0x"), ("4.000", "4.000"), ("", ""),
    ("đại biểu", "đại biểu"), ("a=b", "a=b"),
])
def test_neutralise(cell, expected):
    assert cli.neutralise(cell) == expected


def test_non_finite_values_are_written_empty_not_as_nan(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(extract, "extract_document", lambda text, doc="", lang=None: [
        Figure(doc=doc, start=0, end=1, text=text[0], value=float("inf"))])
    corpus = write_corpus(tmp_path / "c", {"a.txt": "4 tấn"})
    status, out, _ = run_cli(capsys, corpus)
    assert status == 0 and json.loads(out)["value"] is None


# ---------------------------------------------------------------- nothing lost

def test_a_crashing_document_is_reported_others_written(tmp_path, capsys, monkeypatch):
    def engine(text, doc="", lang=None):
        if doc == "b.txt":
            raise ValueError("boom")
        return digits_engine(text, doc, lang)
    monkeypatch.setattr(extract, "extract_document", engine)
    corpus = write_corpus(tmp_path / "c", {"a.txt": "1 tấn", "b.txt": "2 tấn", "c.txt": "3 tấn"})
    status, out, err = run_cli(capsys, corpus)
    assert status == 1
    assert [json.loads(line)["doc"] for line in out.splitlines()] == ["a.txt", "c.txt"]
    assert f"{corpus / 'b.txt'}: extractor failed: ValueError: boom" in err


def test_figures_off_their_offsets_are_dropped_and_reported(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(extract, "extract_document", lambda text, doc="", lang=None: [
        Figure(doc=doc, start=0, end=1, text="1", value=1.0),
        Figure(doc=doc, start=2, end=5, text="999", value=999.0)])
    corpus = write_corpus(tmp_path / "c", {"a.txt": "1 tấn"})
    status, out, err = run_cli(capsys, corpus)
    assert status == 1
    assert [json.loads(line)["text"] for line in out.splitlines()] == ["1"]
    assert "extractor bug" in err and "'999' at 2:5" in err


def test_interrupted_run_keeps_what_was_extracted(tmp_path, capsys, monkeypatch):
    def engine(text, doc="", lang=None):
        if doc == "c.txt":
            raise KeyboardInterrupt
        return digits_engine(text, doc, lang)
    monkeypatch.setattr(extract, "extract_document", engine)
    corpus = write_corpus(tmp_path / "c", {"a.txt": "1 tấn", "b.txt": "2 tấn", "c.txt": "3 tấn"})
    out_path = tmp_path / "out.jsonl"
    status, _, err = run_cli(capsys, corpus, "-o", out_path)
    assert status == 130
    assert [json.loads(line)["doc"] for line in out_path.read_text().splitlines()] == ["a.txt", "b.txt"]
    assert "2 documents" in err


def test_each_document_is_flushed_before_the_next_is_read(tmp_path, capsys, monkeypatch):
    out_path = tmp_path / "out.jsonl"
    written_before = []

    def engine(text, doc="", lang=None):
        written_before.append(out_path.read_text().count("\n") if out_path.exists() else 0)
        return digits_engine(text, doc, lang)
    monkeypatch.setattr(extract, "extract_document", engine)
    corpus = write_corpus(tmp_path / "c", {"a.txt": "1 tấn", "b.txt": "2 tấn 3", "c.txt": "4"})
    run_cli(capsys, corpus, "-o", out_path)
    assert written_before == [0, 1, 3]


# ---------------------------------------------------------------- summary, progress, store

def test_quiet_has_no_summary(tmp_path, capsys, fake_engine):
    corpus = write_corpus(tmp_path / "c", {"a.txt": "1 tấn"})
    status, _, err = run_cli(capsys, corpus, "-q")
    assert status == 0 and err == ""


def test_progress_bar_on_a_terminal(tmp_path, capsys, fake_engine, monkeypatch):
    monkeypatch.setattr(cli, "_stderr_is_tty", lambda: True)
    corpus = write_corpus(tmp_path / "c", {f"{i}.txt": f"{i} tấn" for i in range(5)})
    status, _, err = run_cli(capsys, corpus)
    assert status == 0
    assert "5/5" in err and "doc/s" in err
    assert err.rstrip().splitlines()[-1].startswith("extract: 5 documents")


def test_no_progress_bar_when_not_a_terminal(tmp_path, capsys, fake_engine):
    corpus = write_corpus(tmp_path / "c", {"a.txt": "1 tấn"})
    _, _, err = run_cli(capsys, corpus)
    assert "doc/s" not in err and len(err.splitlines()) == 1


@pytest.mark.parametrize("argv, cores, engine", [
    (["--store", "s"], 2, "processes"),          # an archive run: every core
    (["--store", "s"], 1, "serial"),             # one core: no pool to start
    (["--store", "s", "-o", "o.jsonl"], 2, "serial"),  # a stream keeps document order
    ([], 8, "serial"),
    (["--store", "s", "--engine", "serial"], 8, "serial"),
    (["--store", "s", "--engine", "dask"], 8, "dask"),
])
def test_default_engine_uses_every_core_for_store_runs(argv, cores, engine, monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    assert cli.chosen_engine(cli.build_parser().parse_args(["corpus", *argv])) == engine


def test_store_gets_documents_and_skips_unchanged_ones(tmp_path, capsys, fake_engine):
    from extract.store import Store

    corpus = write_corpus(tmp_path / "c", {"a.txt": "1 tấn 2", "b.txt": "3 tấn", "bad.txt": b""})
    store_dir = tmp_path / "store"
    status, out, err = run_cli(capsys, corpus, "--store", store_dir, "--engine", "serial")
    assert status == 1 and out == ""  # the store is the output; the bad file is reported
    assert "2 documents, 3 figures, 0 skipped, 1 failed" in err
    store = Store(store_dir)
    assert set(store.known_documents()) == {"a.txt", "b.txt"}
    assert len(store.figures_frame()) == 3

    (corpus / "b.txt").write_text("3 tấn và 4 tấn")
    status, _, err = run_cli(capsys, corpus, "--store", store_dir, "-o", tmp_path / "o.jsonl")
    assert "1 documents, 2 figures, 1 skipped, 1 failed" in err
    assert len(Store(store_dir).figures_frame()) == 4

    _, _, err = run_cli(capsys, corpus, "--store", store_dir, "--force", "--engine", "serial")
    assert "2 documents, 4 figures, 0 skipped" in err


# ---------------------------------------------------------------- end to end, real engine

def run_module(*argv) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extract", *map(str, argv)], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=300)


def test_seeds_end_to_end_every_text_is_the_exact_slice():
    proc = run_module(SEEDS)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    texts = {d.id: d.text for d in iter_documents([SEEDS])}
    assert {r["doc"] for r in rows} == set(texts)
    for r in rows:
        assert texts[r["doc"]][r["start"]:r["end"]] == r["text"], r
        assert r["start"] < r["end"]
    assert proc.stderr.strip().startswith(f"extract: {len(texts)} documents, {len(rows)} figures")


def test_mixed_folder_end_to_end(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", {**BAD, "good.txt": (SEEDS / sorted(
        p.name for p in SEEDS.iterdir())[0]).read_bytes()})
    (corpus / "gb.txt").write_bytes(
        "2012年到2020年，我国制造业增加值从16.98万亿元增长到26.6万亿元。\n".encode("gb18030"))
    proc = run_module(corpus, "--format", "csv")
    assert proc.returncode == 1
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    expected = {d.id: extract.extract_document(d.text, doc=d.id)
                for d in iter_documents([corpus]) if hasattr(d, "text")}
    assert len(rows) == sum(len(v) for v in expected.values()) > 0
    assert {r["doc"] for r in rows} == {k for k, v in expected.items() if v}
    for name in BAD:
        assert any(line.startswith(str(corpus / name) + ": ") for line in proc.stderr.splitlines())
    doc = read_document(corpus / "gb.txt", "gb.txt")
    for r in rows:
        if r["doc"] == "gb.txt":
            assert doc.text[int(r["start"]):int(r["end"])] == r["text"]
