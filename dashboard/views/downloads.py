"""Downloads: all figures or what the Figures page filters show, in four formats."""
import streamlit as st

from dashboard import data, exports
from extract.store import Store

st.title("Downloads")
folder, version = data.store_folder(), data.token()
filters = st.session_state.get("filters", ())
scopes = {"All figures": ()}
if filters:
    scopes["What the Figures page filters show"] = filters
scope = st.radio("Figures", list(scopes), horizontal=True, key="d_scope")
chosen = scopes[scope]
count = data.figure_count(folder, version, chosen)
st.caption(f"{count:,} figures, with their review state. Files are built when you click. "
           "Text cells a spreadsheet would run as formulas (starting with = + - @) are "
           "prefixed with ' in CSV, Excel and the data package; JSON Lines keeps them as they are.")


def frame():
    return data.all_figures(folder, chosen)


stem = "figures" if not chosen else "figures-filtered"
FORMATS = [
    ("CSV", lambda: exports.to_csv_bytes(frame()), f"{stem}.csv", "text/csv"),
    ("Excel", lambda: exports.to_excel_bytes(frame()), f"{stem}.xlsx",
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("JSON Lines", lambda: exports.to_jsonl_bytes(frame()), f"{stem}.jsonl", "application/jsonl"),
    ("Data Package (zip)", lambda: exports.to_datapackage_zip(frame()), f"{stem}-datapackage.zip",
     "application/zip"),
]
for col, (label, build, name, mime) in zip(st.columns(len(FORMATS)), FORMATS):
    col.download_button(label, data=build, file_name=name, mime=mime, on_click="ignore",
                        key=f"dl_{label}", width="stretch", disabled=count == 0)

st.subheader("Gold file from your reviews")
reviewed, total = data.progress(version)
st.caption(f"{reviewed:,} reviewed figures. Figures marked *not a figure* are left out; corrected "
           "values replace extracted ones. Score the extractor on your corpus with "
           "`python shared/tools/score.py --gold gold.jsonl --pred PRED.jsonl --docs DIR`.")
st.download_button("Gold file (JSON Lines)",
                   data=lambda: exports.gold_jsonl_bytes(Store(folder).export_gold()),
                   file_name="gold.jsonl", mime="application/jsonl", on_click="ignore",
                   key="dl_gold", disabled=reviewed == 0)
