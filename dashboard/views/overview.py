"""Overview: how much is stored, figures by kind/unit/document, every series as a chart."""
import streamlit as st

from dashboard.plotly_view import plotly_chart, preload

# First, before the imports below (pandas, plotly, the store: about 2 s when the server has
# just started): the title, and beside it the chart library starts loading (nothing shown).
with st.container(horizontal=True):
    st.title("Figures from news text")
    preload()

from dashboard import charts, data, seeding  # noqa: E402
from dashboard.formatting import md_escape, source_link, unit_label  # noqa: E402

MAX_SERIES_CHARTS = 2  # each plotly chart costs the browser 0.3-2 s to draw: the first page stays light

folder, version = data.store_folder(), data.token()
docs = data.documents(folder, version)
if docs.empty:
    st.info("The store is empty. Add documents on the **Add documents** page, or load the "
            "five seed articles (also: `python -m dashboard.seeding`).")
    if seeding.SEEDS.is_dir() and st.button("Load the seed articles", key="o_seed"):
        with st.spinner("Extracting the seed articles…"):
            summary = seeding.seed_store(data.get_store())
        for name, reason in summary["errors"]:
            st.error(md_escape(f"{name}: {reason}"))
        st.rerun()
    st.stop()

reviewed, total = data.progress(version)
c1, c2, c3, c4 = st.columns(4)
c1.metric("Documents", f"{len(docs):,}")
c2.metric("Figures", f"{total:,}")
c3.metric("Languages", ", ".join(sorted(l for l in docs["lang"].unique() if l)) or "—")
c4.metric("Reviewed", f"{reviewed:,} / {total:,}")

st.subheader("Changes and series")
series_docs = docs.loc[docs["n_figures"] > 0, "doc"].tolist()
only = st.selectbox("Series of one document", series_docs, index=None,
                    placeholder=f"All documents (the first {MAX_SERIES_CHARTS} series)",
                    key="o_series_doc")
series_df, n_series = data.series(folder, version, (only,) if only else (), MAX_SERIES_CHARTS)
groups = charts.series_frames(series_df)
if not groups:
    st.caption("No figure in the store is part of a change or range yet.")
cols = st.columns(2)
for i, ((doc, series), group) in enumerate(groups.items()):
    with cols[i % 2]:
        plotly_chart(charts.series_figure(group), key=f"series-{doc}-{series}")
        first = group.iloc[0]
        st.caption(f"From {group['sentence'].nunique()} sentence(s) in 1 document · "
                   f"[open the source]({source_link(doc, first.figure_id)})")
if n_series > len(groups):
    st.caption(f"Showing {len(groups)} of {n_series:,} series; pick a document above "
               "to see its own.")

st.subheader("What was found")
k, u = st.columns(2)
with k:
    plotly_chart(charts.count_bar_figure(data.counts(folder, version, "kind"), "kind",
                                            "Figures by kind"), key="by-kind")
with u:
    plotly_chart(charts.count_bar_figure(data.counts(folder, version, "unit").head(15), "unit",
                                         "Figures by unit (top 15)",
                                         label_of=lambda x: unit_label(x) or "count (no unit)"),
                 key="by-unit")
by_doc = data.counts(folder, version, "doc")
plotly_chart(charts.count_bar_figure(by_doc.head(20), "doc",
                                     f"Figures by document (top {min(20, len(by_doc))} "
                                     f"of {len(by_doc):,})"), key="by-doc")
