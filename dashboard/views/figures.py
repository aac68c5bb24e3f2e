"""Figures table: filters, readable values, conversion on demand, a link to each source."""
import pandas as pd
import streamlit as st

from dashboard import data, exports
from dashboard.formatting import (SCALE_CHOICES, conversion_targets, convert_series, format_figure,
                                  format_value, source_link, unit_label)
from extract.store import REVIEW_STATES

st.title("Figures")
folder, version = data.store_folder(), data.token()
docs = data.documents(folder, version)


def options(column: str) -> list[str]:
    return data.counts(folder, version, column)[column].tolist()


with st.expander("Filters", expanded=True):
    a, b, c = st.columns(3)
    lang = a.multiselect("Language", options("lang"), key="f_lang")
    doc = b.multiselect("Document", docs["doc"].tolist(), key="f_doc")
    kind = c.multiselect("Kind", options("kind"), key="f_kind")
    d, e, f = st.columns(3)
    unit = d.multiselect("Unit", options("unit"), key="f_unit",
                         format_func=lambda x: unit_label(x) or "count (no unit)")
    approx = e.multiselect("Approximation", options("approx"), key="f_approx")
    review = f.multiselect("Review", ["unreviewed", *REVIEW_STATES], key="f_review")
    text = st.text_input("Search text, entity, sentence or document", key="f_text")

filters = data.filters_key(lang, doc, kind, unit, approx, review, text)
st.session_state["filters"] = filters  # the Downloads page offers "what the filters show"
df, total = data.matching(folder, version, filters, limit=data.TABLE_LIMIT)

with st.expander("Show values in another unit or scale"):
    targets = sorted({t for u in df["unit"].unique() for t in conversion_targets(u)})
    x, y = st.columns(2)
    target = x.selectbox("Unit", ["as extracted", *targets], key="f_target",
                         format_func=lambda t: t if t == "as extracted" else unit_label(t))
    scale = y.selectbox("Scale", list(SCALE_CHOICES), key="f_scale")


def shown_values(df: pd.DataFrame) -> pd.DataFrame:
    """value/unit after the chosen conversion; rows of another dimension stay as they are."""
    out = df[["value", "unit"]].copy()
    if target != "as extracted":
        converted = pd.Series(convert_series(df["value"], df["unit"], target), index=df.index)
        ok = converted.notna()
        out.loc[ok, "value"] = converted[ok]
        out.loc[ok, "unit"] = target
    divisor = SCALE_CHOICES[scale]
    out["shown"] = [format_value(v, u, divisor) for v, u in zip(out["value"], out["unit"])]
    return out


st.caption(f"{total:,} figures match" + (f"; the first {len(df):,} are shown, downloads carry "
                                         "them all" if total > len(df) else ""))
if df.empty:
    st.info("No figure matches these filters.")
    st.stop()

shown = shown_values(df)
converting = target != "as extracted" or scale != "auto"
table = pd.DataFrame({
    "figure": [format_figure(v, u, a) for v, u, a in zip(df["value"], df["unit"], df["approx"])],
    "source": [source_link(d, i) for d, i in zip(df["doc"], df["figure_id"])],
    **({"shown as": shown["shown"]} if converting else {}),
    "text": df["text"],
    "kind": df["kind"],
    "entity": df["entity"],
    "period": df["period"],
    "review": df["review"],
    "doc": df["doc"],
})
st.dataframe(
    table, hide_index=True, width="stretch", key="figures_table",
    height=min(36 * (len(table) + 1) + 3, 640),
    column_config={
        "figure": st.column_config.TextColumn("figure", width="medium"),
        "shown as": st.column_config.TextColumn("shown as", width="medium"),
        "source": st.column_config.LinkColumn("source", display_text="open ↗", width="small",
                                              help="the sentence this figure came from"),
    })

st.download_button("Download these figures (CSV)",
                   data=lambda: exports.to_csv_bytes(data.all_figures(folder, filters)),
                   file_name="figures-filtered.csv", mime="text/csv", on_click="ignore",
                   key="dl_filtered_csv")
st.caption("More formats on the **Downloads** page.")
