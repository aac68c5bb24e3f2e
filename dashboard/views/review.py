"""Review: one figure at a time, its sentence with the number marked, four verdicts."""
import streamlit as st

from dashboard import data, exports
from dashboard.formatting import format_figure, format_value, md_escape, source_link, unit_label
from dashboard.highlight import marked_snippet
from extract.store import Store

VERDICTS = {"right": "Right", "wrong_value": "Wrong value", "wrong_unit": "Wrong unit",
            "not_a_figure": "Not a figure"}
# material icons ship with Streamlit; emoji need a font the machine may lack
ICONS = {"right": ":material/check_circle:", "wrong_value": ":material/edit:",
         "wrong_unit": ":material/straighten:", "not_a_figure": ":material/block:"}

st.title("Review")
folder, version = data.store_folder(), data.token()
store = data.get_store()
reviewed, total = data.progress(version)
st.progress(reviewed / total if total else 0.0, text=f"{reviewed:,} / {total:,} figures reviewed")
if not total:
    st.info("No figures to review yet.")
    st.stop()

docs = data.documents(folder, version)["doc"].tolist()
a, b = st.columns([3, 1])
doc = a.selectbox("Document", ["All documents", *docs], key="r_doc")
only_open = b.toggle("Unreviewed only", value=True, key="r_open")
filters = data.filters_key(doc=[] if doc == "All documents" else [doc],
                           review=["unreviewed"] if only_open else [])
queue = data.figures(folder, version, filters, limit=data.TABLE_LIMIT)

# A shared link (?fig=…) opens that figure; otherwise walk the queue.
fig_id = st.query_params.get("fig")
if fig_id:
    current = data.figures(folder, version, (("figure_ids", (fig_id,)),))
    if current.empty:
        st.warning("That figure is not in the store any more.")
        fig_id = None
if not fig_id:
    if queue.empty:
        st.success("Nothing left to review here.")
        st.stop()
    pos = min(st.session_state.get("r_pos", 0), len(queue) - 1)
    current = queue.iloc[[pos]]
f = current.iloc[0]

st.subheader(format_figure(f.value, f.unit, f.approx))
st.caption(md_escape(f"“{f.text}” · {f.kind} · unit {unit_label(f.unit) or 'none (count)'}"
                     + (f" · {f.entity}" if f.entity else "")
                     + (f" · period {f.period}" if f.period else "") + f" · {f.doc}"))
sentence = f.sentence or ""
at = sentence.find(f.text)
st.html(f"<div data-testid='review-sentence' style='font-size:1.15em;line-height:1.6'>"
        f"{marked_snippet(sentence, at, at + len(f.text)) if at >= 0 else marked_snippet(sentence, 0, 0)}"
        "</div>")
st.markdown(f"[See it in its document]({source_link(f.doc, f.figure_id)})")

previous = store.get_review(f.figure_id)
if previous:
    st.info(f"Current review: **{VERDICTS[previous['state']]}**"
            + (", corrected value " + md_escape(format_value(
                previous["corrected_value"], previous["corrected_unit"] or f.unit))
               if previous["corrected_value"] is not None else "")
            + (", corrected unit " + md_escape(unit_label(previous["corrected_unit"]))
               if previous["corrected_unit"] else "")
            + (f", note “{md_escape(previous['note'])}”" if previous["note"] else ""))

with st.form("verdict", clear_on_submit=True, enter_to_submit=False):
    x, y = st.columns(2)
    corrected = x.number_input("Corrected value (optional)", value=None, format="%g",
                               key="r_value")
    corrected_unit = y.text_input("Corrected unit (optional, e.g. m**2, CNY)", key="r_unit")
    note = st.text_input("Note (optional)", key="r_note")
    clicked = [state for state, col in zip(VERDICTS, st.columns(4))
               if col.form_submit_button(VERDICTS[state], icon=ICONS[state], width="stretch")]

if clicked:
    store.put_review(f.figure_id, f.doc, clicked[0], corrected_value=corrected,
                     corrected_unit=corrected_unit.strip() or None, note=note)
    st.toast(f"Saved: {VERDICTS[clicked[0]]}")
    if fig_id:
        st.query_params.clear()  # back to the queue after a linked review
    elif not only_open:
        st.session_state["r_pos"] = st.session_state.get("r_pos", 0) + 1
    st.rerun()

p, n, _ = st.columns([1, 1, 4])
if p.button("← Previous", disabled=bool(fig_id) or st.session_state.get("r_pos", 0) == 0):
    st.session_state["r_pos"] = max(0, st.session_state.get("r_pos", 0) - 1)
    st.rerun()
if n.button("Skip →", disabled=bool(fig_id)):
    st.session_state["r_pos"] = st.session_state.get("r_pos", 0) + 1
    st.rerun()

st.divider()
st.download_button("Download reviewed figures as a gold file (JSON Lines, for score.py)",
                   data=lambda: exports.gold_jsonl_bytes(Store(folder).export_gold()),
                   file_name="gold.jsonl", mime="application/jsonl", on_click="ignore",
                   key="dl_gold_review")
