"""The dashboard's plain functions: formatting, conversion, charts, downloads, escaping, intake."""
from __future__ import annotations

import csv
import io
import json
import re
import zipfile

import pandas as pd
import pytest

from dashboard import charts, exports, intake, plotly_view
from dashboard.formatting import (convert, conversion_targets, format_figure, format_number,
                                  format_value, source_link, unit_label)
from dashboard.highlight import document_page, marked_snippet, spans_to_html
from extract.figure import FIELDS, Figure
from extract.store import Store, StoredDocument


def frame(*figs: Figure, **extra) -> pd.DataFrame:
    df = pd.DataFrame([f.to_dict() for f in figs])
    df["figure_id"] = [f"id{i}" for i in range(len(df))]
    for k, v in extra.items():
        df[k] = v
    return df


SERIES = [
    Figure("zh.txt", 10, 18, "16.98萬億元", 1.698e13, "CNY", "money", "制造業增加值", "exact", "s1",
           "from", "2012", "zh"),
    Figure("zh.txt", 21, 28, "26.6萬億元", 2.66e13, "CNY", "money", "制造業增加值", "exact", "s1",
           "to", "2020", "zh"),
]


# ---------------------------------------------------------------- formatting

@pytest.mark.parametrize("value, unit, shown", [
    (2.66e13, "CNY", "26.6 trillion CNY"),
    (1.698e13, "CNY", "16.98 trillion CNY"),
    (22.5, "percent", "22.5%"),
    (61000, "m**2", "61,000 m²"),
    (40, "year", "40 years"),
    (1, "year", "1 year"),
    (4000, "", "4,000"),
    (2.5e6, "VND", "2.5 million VND"),
    (3e9, "USD", "3 billion USD"),
    (5, "tonne / year", "5 t / year"),
])
def test_values_read_with_scale_and_unit(value, unit, shown):
    assert format_value(value, unit) == shown


def test_no_raw_floats_ever():
    for v in (26600000000000.0, 1e15, 123456789.0, 0.5, 1234.5678):
        assert not re.search(r"\d{7,}|e\+", format_number(v)), format_number(v)


def test_fixed_scale_and_approx_words():
    assert format_number(2.66e13, divisor=1e9) == "26,600 billion"
    assert format_number(float("nan")) == ""
    assert format_figure(30, "percent", "nearly") == "nearly 30%"
    assert format_figure(4000, "", "more_than") == "more than 4,000"


def test_unit_labels():
    assert unit_label("m**2") == "m²" and unit_label("") == "" and unit_label("CNY") == "CNY"
    assert unit_label("kilowatt_hour") == "kWh"


def test_conversion_on_demand():
    assert convert(61000, "m**2", "hectare") == pytest.approx(6.1)
    assert convert(2, "tonne", "kilogram") == pytest.approx(2000)
    assert "hectare" in conversion_targets("m**2") and conversion_targets("m**2")[0] == "m**2"
    assert conversion_targets("CNY") == () and conversion_targets("") == ()
    with pytest.raises(Exception):
        convert(1, "tonne", "hectare")


def test_source_links_are_plain_query_urls():
    assert source_link("dir/a b.txt", "abc") == "source?doc=dir%2Fa+b.txt&fig=abc"


# ---------------------------------------------------------------- charts

def test_series_chart_has_categorical_years_and_scaled_axis():
    groups = charts.series_frames(frame(*reversed(SERIES)))
    assert list(groups) == [("zh.txt", "s1")]
    fig = charts.series_figure(groups[("zh.txt", "s1")])
    trace = fig.data[0]
    assert list(trace.x) == ["2012", "2020"]
    assert list(trace.y) == pytest.approx([16.98, 26.6])
    assert list(trace.text) == ["16.98 trillion CNY", "26.6 trillion CNY"]
    assert fig.layout.xaxis.type == "category"
    assert fig.layout.yaxis.title.text == "trillion CNY"
    assert "16.98 trillion CNY → 26.6 trillion CNY (2012 → 2020)" in fig.layout.title.text
    assert "zh.txt" in fig.layout.title.subtitle.text


def test_series_without_periods_uses_roles():
    low = Figure("a", 0, 2, "10", 10, "percent", "percent", "", "exact", "r1", "low")
    high = Figure("a", 3, 6, "15%", 15, "percent", "percent", "", "exact", "r1", "high")
    group = charts.series_frames(frame(high, low))[("a", "r1")]
    assert charts.x_labels(group) == ["low", "high"]
    assert charts.series_figure(group).layout.yaxis.title.text == "%"


def test_figures_outside_series_make_no_series_chart():
    assert charts.series_frames(frame(Figure("a", 0, 1, "5", 5.0))) == {}


def test_count_bars_label_every_category():
    counts = pd.DataFrame({"unit": ["", "m**2"], "figures": [7, 1]})
    fig = charts.count_bar_figure(counts, "unit", "By unit", label_of=lambda u: unit_label(u) or "count")
    assert list(fig.data[0].y) == ["m²", "count"] and list(fig.data[0].x) == [1, 7]
    assert fig.layout.yaxis.type == "category"
    assert fig.layout.title.text == "By unit" and fig.layout.xaxis.title.text == "figures"
    assert fig.layout.xaxis.tickformat == ",d" and list(fig.layout.xaxis.range) == [0, 7 * 1.12]
    assert list(fig.data[0].text) == ["1", "7"]


def test_bar_margins_fit_their_labels_so_plotly_draws_once():
    """The left margin is set from the labels (not left to automargin's second drawing)."""
    short = charts.count_bar_figure(pd.DataFrame({"kind": ["count"], "figures": [3]}), "kind", "k")
    docs = pd.DataFrame({"doc": ["zh/article_000123.txt", "制造业增加值报告二〇二〇.txt"], "figures": [3, 2]})
    long = charts.count_bar_figure(docs, "doc", "d")
    assert 40 <= short.layout.margin.l < 80
    assert long.layout.margin.l >= charts.text_px("制造业增加值报告二〇二〇.txt") > charts.text_px("zh/article_000123.txt")
    assert charts.count_bar_figure(pd.DataFrame({"doc": ["x" * 500], "figures": [1]}), "doc", "d").layout.margin.l == 320
    assert long.layout.yaxis.automargin  # still grows where the estimate falls short


def test_charts_carry_their_own_small_template():
    """Drawn by plotly.js directly (no st.plotly_chart theme): the look travels in the figure,
    without plotly's default template (10 KB of JSON per chart)."""
    counts = pd.DataFrame({"kind": ["count", "money"], "figures": [3, 2]})
    group = charts.series_frames(frame(*SERIES))[("zh.txt", "s1")]
    for fig in (charts.count_bar_figure(counts, "kind", "By kind"), charts.series_figure(group)):
        assert fig.layout.template.layout.paper_bgcolor == "#ffffff"
        assert fig.layout.template.layout.colorway[0] == "#0068c9"
        assert len(fig.to_json()) < 6000


# ---------------------------------------------------------------- plotly.js bundle

def test_vendored_bundle_is_the_plotly_js_that_plotly_py_targets():
    from plotly.offline import get_plotlyjs_version

    head = (plotly_view.STATIC / plotly_view.BUNDLE).read_text(encoding="utf-8")[:300]
    assert f"plotly.js (basic - minified) v{plotly_view.PLOTLY_JS_VERSION}" in head
    assert plotly_view.PLOTLY_JS_VERSION == get_plotlyjs_version()
    assert (plotly_view.STATIC / f"plotly-basic-{plotly_view.PLOTLY_JS_VERSION}.LICENSE").is_file()


def test_bundle_covers_every_trace_type_the_charts_use():
    counts = pd.DataFrame({"kind": ["count"], "figures": [3]})
    group = charts.series_frames(frame(*SERIES))[("zh.txt", "s1")]
    used = {t.type for f in (charts.count_bar_figure(counts, "kind", "k"), charts.series_figure(group))
            for t in f.data}
    assert used <= {"bar", "scatter", "pie"}  # what plotly.js's basic bundle draws


@pytest.fixture
def server_option():
    """Set streamlit options for one test, then put them back."""
    from streamlit import config

    saved = {}

    def set_option(name, value):
        saved.setdefault(name, config.get_option(name))
        config.set_option(name, value)
    yield set_option
    for name, value in saved.items():
        config.set_option(name, value)


def test_bundle_url_follows_the_base_url_path(server_option):
    server_option("server.baseUrlPath", "/figs/")
    assert plotly_view.bundle_url() == f"/figs/app/static/{plotly_view.BUNDLE}"
    server_option("server.baseUrlPath", "")
    assert plotly_view.bundle_url() == f"/app/static/{plotly_view.BUNDLE}"


def test_bundle_used_only_where_static_files_are_served(server_option):
    server_option("server.enableStaticServing", True)
    assert plotly_view.served()
    server_option("server.enableStaticServing", False)
    assert not plotly_view.served()


def test_figure_payload_is_plain_json_with_config():
    group = charts.series_frames(frame(*SERIES))[("zh.txt", "s1")]
    payload = plotly_view.figure_payload(charts.series_figure(group), {"scrollZoom": True})
    json.dumps(payload)  # what the component receives must be JSON
    assert payload["figure"]["data"][0]["x"] == ["2012", "2020"]
    assert "26.6 trillion CNY" in payload["figure"]["layout"]["title"]["text"]
    assert payload["config"] == {"displaylogo": False, "responsive": True, "scrollZoom": True}
    assert payload["src"].endswith("/app/static/" + plotly_view.BUNDLE)


# ---------------------------------------------------------------- downloads

NASTY = Figure("a.txt", 0, 3, "=1+2", -5.0, "", "count", "@SUM(A1)", sentence="+cmd|' /C calc'!A0")


def test_csv_neutralises_text_only_and_keeps_numbers():
    df = frame(NASTY, SERIES[0], review=["", "right"])
    rows = list(csv.DictReader(io.StringIO(exports.to_csv_bytes(df).decode("utf-8-sig"))))
    assert rows[0]["text"] == "'=1+2" and rows[0]["entity"] == "'@SUM(A1)"
    assert rows[0]["sentence"].startswith("'+cmd")
    assert rows[0]["value"] == "-5.0"  # a negative number is a number, not a formula
    assert float(rows[1]["value"]) == 1.698e13 and rows[1]["review"] == "right"
    assert list(rows[0]) == exports.EXPORT_COLUMNS


def test_excel_stores_formulas_as_text():
    data = exports.to_excel_bytes(frame(NASTY))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
        strings = z.read("xl/sharedStrings.xml").decode()
    assert "<f>" not in sheet  # no cell is a formula
    assert "'=1+2" in strings
    assert re.search(r"<v>-5</v>", sheet)  # the value cell stays numeric


def test_jsonl_keeps_exact_values():
    lines = exports.to_jsonl_bytes(frame(NASTY, SERIES[1])).decode().splitlines()
    first, second = json.loads(lines[0]), json.loads(lines[1])
    assert first["text"] == "=1+2" and second["value"] == 2.66e13
    assert second["corrected_value"] is None


def test_datapackage_zip_validates():
    data = exports.to_datapackage_zip(frame(NASTY, *SERIES))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        package = json.loads(z.read("datapackage.json"))
        fields = {f["name"]: f["type"] for f in package["resources"][0]["schema"]["fields"]}
        assert fields["value"] == "number" and fields["start"] == "integer"
        assert fields["text"] == "string"
        assert len(z.read("figures.csv").decode().splitlines()) == 4
    frictionless = pytest.importorskip("frictionless")
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        zipfile.ZipFile(io.BytesIO(data)).extractall(tmp)
        report = frictionless.validate(f"{tmp}/datapackage.json")
    assert report.valid, report.flatten(["type", "note"])


# ---------------------------------------------------------------- escaping

EVIL = '<script>alert(1)</script><img src=x onerror="alert(2)"> 12 schools'


def test_document_text_is_escaped_and_marked():
    out = spans_to_html(EVIL, [(len(EVIL) - 10, len(EVIL) - 8, "12", True)])
    assert "<script>" not in out and "<img" not in out
    assert "&lt;script&gt;" in out
    assert re.search(r'<mark class="linked" id="linked"[^>]*>12</mark>', out)


def test_overlapping_spans_keep_the_linked_one():
    out = spans_to_html("abcdef", [(0, 4, "", False), (2, 5, "", True)])
    assert out.count("<mark") == 1 and ">cde</mark>" in out


def test_document_page_scrolls_only_when_linked():
    df = frame(Figure("e", len(EVIL) - 10, len(EVIL) - 8, "12", 12.0))
    assert "scrollIntoView" in document_page(EVIL, df, "id0")
    page = document_page(EVIL, df, None)
    assert "scrollIntoView" not in page and page.count("<script>") == 0
    assert marked_snippet("<b>", 0, 0) == "&lt;b&gt;"


# ---------------------------------------------------------------- intake

class Upload:
    def __init__(self, name, data):
        self.name, self._data, self.size = name, data, len(data)

    def getvalue(self):
        return self._data


def fake_extract(text, doc="", lang=None):
    return [Figure(doc, m.start(), m.end(), m.group(), float(m.group()))
            for m in re.finditer(r"\d+", text)]


def test_uploads_are_capped_and_named_safely(monkeypatch):
    monkeypatch.setattr(intake, "MAX_FILES", 2)
    items = intake.from_uploads([Upload("../../etc/a.txt", b"1"), Upload("b.exe", b"2"),
                                 Upload("c.txt", b"3")])
    assert [i.name for i in items] == ["a.txt", "b.exe", "c.txt"]
    assert items[0].error is None and "only .txt" in items[1].error and "at most 2" in items[2].error
    big = Upload("big.txt", b"x" * (intake.MAX_MB * 1024 * 1024 + 1))
    assert "larger than" in intake.from_uploads([big])[0].error


def test_intake_stores_good_files_and_reports_bad_ones(tmp_path):
    store = Store(tmp_path / "data")
    items = intake.from_uploads([Upload("good.txt", "12 new schools".encode()),
                                 Upload("bad.txt", bytes(range(32)) * 40),
                                 Upload("empty.txt", b"   ")])
    items.append(intake.from_paste("There are 7 days.", "note"))
    progress = []
    results = intake.ingest(store, items, on_progress=lambda n, t, name: progress.append((n, t)),
                            extract=fake_extract)
    by_name = {r.name: r for r in results}
    assert by_name["good.txt"].ok and by_name["good.txt"].figures == 1
    assert by_name["note"].ok and by_name["note"].doc == "pasted/note"
    assert not by_name["bad.txt"].ok and by_name["bad.txt"].error
    assert not by_name["empty.txt"].ok
    assert progress[-1] == (4, 4)
    assert set(store.known_documents()) == {"uploads/good.txt", "pasted/note"}
    again = intake.ingest(store, intake.from_uploads([Upload("good.txt", b"12 new schools")]),
                          extract=fake_extract)
    assert again[0].ok and again[0].figures == 1  # unchanged: skipped, still reported


def test_export_frame_has_contract_columns_first():
    assert exports.EXPORT_COLUMNS[:len(FIELDS)] == list(FIELDS)
    out = exports.export_frame(frame(SERIES[0]))
    assert out["review"].tolist() == [""] and out["figure_id"].tolist() == ["id0"]


def test_stored_document_defaults():
    assert StoredDocument(id="a", text="b").lang == ""


def test_document_text_never_becomes_markdown():
    from dashboard.formatting import md_escape
    out = md_escape("![x](http://evil) <b>*a*</b> [link](javascript:x)")
    assert "![" not in out and "](" not in out and "<b>" not in out and "*a*" not in out
    assert md_escape("$E = mc^2$") == r"\$E = mc^2\$"  # no LaTeX either

