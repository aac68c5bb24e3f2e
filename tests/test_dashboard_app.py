"""Each page's wiring with streamlit's AppTest, on a temporary store of the seeds."""
from __future__ import annotations

import json
import pathlib
import re

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.seeding import seed_documents
from extract.figure import Figure
from extract.store import Store

ROOT = pathlib.Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")


def page_file(name: str) -> str:
    return str(ROOT / "dashboard" / "views" / f"{name}.py")


@pytest.fixture
def store(tmp_path, monkeypatch) -> Store:
    """The seeds, extracted by the engine."""
    store = Store(tmp_path / "data")
    store.ingest_documents(seed_documents())
    monkeypatch.setenv("FIGURES_DATA", str(store.folder))
    return store


def run(name: str, **params) -> AppTest:
    at = AppTest.from_file(page_file(name), default_timeout=30)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def chart_specs(at: AppTest) -> list[dict]:
    """The plotly figures on the page: drawn by our light component (plotly_view.py) or,
    where static files are not served, by st.plotly_chart."""
    drawn = [json.loads(c.proto.json) for c in at.get("bidi_component")
             if c.proto.component_name == "figures_plotly_basic"]
    return ([d["figure"] for d in drawn if "figure" in d]
            + [json.loads(c.proto.spec) for c in at.get("plotly_chart")])


def cnY_figures(store: Store):
    return store.figures_frame(unit=["CNY"])


def test_app_navigates_to_every_page(store):
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    assert at.title[0].value == "Figures from news text"
    for name, title in [("figures", "Figures"), ("source", "Source"), ("review", "Review"),
                        ("downloads", "Downloads"), ("add", "Add documents")]:
        at.switch_page(f"views/{name}.py")
        at.run()
        assert not at.exception, (name, [e.value for e in at.exception])
        assert at.title[0].value == title


def test_overview_counts_and_series_charts(store):
    at = run("overview")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Documents"] == str(len(store.documents_frame()))
    assert metrics["Figures"] == f"{store.count_figures():,}"
    assert metrics["Reviewed"] == f"0 / {store.count_figures():,}"
    titles = [s["layout"]["title"]["text"] for s in chart_specs(at)]
    series_titles = [t for t in titles if "→" in t]
    assert any("26.6 trillion CNY" in t for t in series_titles), titles
    assert any("30%" in t for t in series_titles), titles
    assert {"Figures by kind", "Figures by unit (top 15)"} <= set(titles)
    assert not any(re.search(r"\d{9,}\.0", t) for t in titles)


@pytest.fixture
def static_serving():
    """Turn streamlit's static file serving on or off for one test, then put it back."""
    from streamlit import config

    saved = config.get_option("server.enableStaticServing")
    yield lambda on: config.set_option("server.enableStaticServing", on)
    config.set_option("server.enableStaticServing", saved)


def test_overview_charts_use_the_light_bundle_when_it_is_served(store, static_serving):
    static_serving(True)
    at = run("overview")
    assert not at.get("plotly_chart")
    drawn = [json.loads(c.proto.json) for c in at.get("bidi_component")]
    assert all(d["src"].endswith("/app/static/plotly-basic-4.1.1.min.js") for d in drawn)
    figures = [d for d in drawn if "figure" in d]
    assert len(figures) == 5  # two series, by kind, by unit, by document
    assert all(d["config"]["displaylogo"] is False for d in figures)
    # the bundle starts loading beside the title, before the page's data are fetched
    assert "figure" not in drawn[0] and not at.sidebar.get("bidi_component")


def test_overview_falls_back_to_st_plotly_chart(store, static_serving):
    static_serving(False)
    at = run("overview")
    assert not at.get("bidi_component")
    titles = [s["layout"]["title"]["text"] for s in chart_specs(at)]
    assert len(titles) == 5 and "Figures by kind" in titles


def test_empty_store_says_how_to_fill_it(tmp_path, monkeypatch):
    monkeypatch.setenv("FIGURES_DATA", str(tmp_path / "empty"))
    at = run("overview")
    assert "store is empty" in at.info[0].value
    at.button(key="o_seed").click().run()  # the button extracts the seeds into the (empty) store
    assert len(Store(tmp_path / "empty").known_documents()) == len(seed_documents())
    assert at.metric[0].value == str(len(seed_documents()))


def test_figures_table_filters_and_links(store):
    at = run("figures")
    table = at.dataframe[0].value
    assert len(table) == store.count_figures()
    assert all(link.startswith("source?doc=") and "fig=" in link for link in table["source"])
    at.multiselect(key="f_unit").select("CNY").run()
    table = at.dataframe[0].value
    assert len(table) == len(cnY_figures(store))
    assert set(table["figure"]) >= {"26.6 trillion CNY"}
    at.multiselect(key="f_unit").unselect("CNY").run()
    at.text_input(key="f_text").input("no such figure anywhere").run()
    assert "No figure matches" in at.info[0].value


def test_matching_counts_only_when_the_page_may_not_hold_them_all(store, monkeypatch):
    from dashboard import data

    folder, version, n = str(store.folder), store.version_token(), store.count_figures()
    calls = []
    real = data.figure_count
    monkeypatch.setattr(data, "figure_count", lambda *a: calls.append(a) or real(*a))
    df, total = data.matching(folder, version, (), limit=n + 1)
    assert (len(df), total, calls) == (n, n, [])  # fewer rows than the limit: that is all
    df, total = data.matching(folder, version, (), limit=n - 1)
    assert (len(df), total, len(calls)) == (n - 1, n, 1)  # a full page: counted


def test_figures_caption_counts_every_match(store):
    at = run("figures")
    assert at.caption[0].value.startswith(f"{store.count_figures():,} figures match")
    at.multiselect(key="f_unit").select("CNY").run()
    assert at.caption[0].value == f"{len(cnY_figures(store)):,} figures match"


def test_figures_table_converts_units_on_demand(store):
    assert not store.figures_frame(unit=["m**2"]).empty  # the seeds' 61.000 m2
    at = run("figures")
    at.multiselect(key="f_unit").select("m**2").run()
    at.selectbox(key="f_target").select("hectare").run()
    shown = at.dataframe[0].value["shown as"].tolist()
    assert "6.1 ha" in shown, shown
    at.selectbox(key="f_scale").select("thousand").run()
    assert at.dataframe[0].value["shown as"].tolist()[0].endswith("thousand ha")


def test_source_view_from_query_params(store):
    fig = cnY_figures(store).iloc[0]
    at = run("source", doc=fig.doc, fig=fig.figure_id)
    assert at.subheader[0].value == "16.98 trillion CNY"
    htmls = [h.proto.body for h in at.get("html")]
    assert any(f">{fig.text}</mark>" in h for h in htmls)
    assert any("fig=" + fig.figure_id in m.value for m in at.caption)


def test_source_view_warns_on_unknown_document(store):
    at = run("source", doc="nope.txt")
    assert "No document" in at.warning[0].value
    assert at.selectbox(key="source_doc").value is None


def test_review_records_a_verdict(store):
    fig = cnY_figures(store).iloc[0]
    at = run("review", fig=fig.figure_id)
    assert at.subheader[0].value == "16.98 trillion CNY"
    at.text_input(key="r_note").input("ok")
    at.button(key="FormSubmitter:verdict-Right").click().run()
    assert not at.exception
    review = store.get_review(fig.figure_id)
    assert review["state"] == "right" and review["note"] == "ok"
    assert at.get("progress")[0].proto.text.startswith("1 / ")


def test_review_wrong_value_keeps_the_correction(store):
    fig = cnY_figures(store).iloc[1]
    at = run("review", fig=fig.figure_id)
    at.number_input(key="r_value").set_value(2.7e13)
    at.button(key="FormSubmitter:verdict-Wrong value").click().run()
    assert store.get_review(fig.figure_id)["corrected_value"] == 2.7e13
    gold = {(g["doc"], g["start"]): g for g in store.export_gold()}
    assert gold[(fig.doc, int(fig.start))]["value"] == 2.7e13
    at = run("review", fig=fig.figure_id)  # the stored review reads as a person writes it
    assert "corrected value 27 trillion CNY" in at.info[0].value.replace("\\", "")


def test_review_queue_walks_unreviewed(store):
    at = run("review")
    first = at.subheader[0].value
    at.button(key="FormSubmitter:verdict-Not a figure").click().run()
    assert at.subheader[0].value != first or store.count_figures() == 1
    assert store.review_progress()[0] == 1


def test_downloads_page_offers_every_format(store):
    at = run("downloads")
    labels = {b.proto.label for b in at.get("download_button")}
    assert {"CSV", "Excel", "JSON Lines", "Data Package (zip)", "Gold file (JSON Lines)"} <= labels
    assert at.caption[0].value.startswith(f"{store.count_figures():,} figures")


def fake_extract(text, doc="", lang=None):
    return [Figure(doc, m.start(), m.end(), m.group(), float(m.group()), lang="en")
            for m in re.finditer(r"\d+", text)]


def test_add_documents_from_pasted_text(store, monkeypatch):
    monkeypatch.setattr("extract.extract_document", fake_extract)
    at = run("add")
    at.text_input(key="a_name").input("council.txt")
    at.text_area(key="a_text").input("The council built 12 schools and 3 parks.").run()
    at.button[0].click().run()
    assert not at.exception
    assert "Stored 1 document(s) with 2 figures" in at.success[0].value
    assert "pasted/council.txt" in store.known_documents()


def test_downloads_offer_what_the_figures_filters_show(store):
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    at.switch_page("views/figures.py")
    at.run()
    at.multiselect(key="f_unit").select("CNY").run()
    at.switch_page("views/downloads.py")
    at.run()
    scopes = at.radio(key="d_scope").options
    assert scopes == ["All figures", "What the Figures page filters show"]
    at.radio(key="d_scope").set_value("What the Figures page filters show").run()
    assert at.caption[0].value.startswith(f"{len(cnY_figures(store))} figures")
