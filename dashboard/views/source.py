"""Source view: ?doc=ID&fig=FIGURE_ID shows the document with every figure marked,
the linked one scrolled to, and its sentence cleaned vs. original side by side."""
import streamlit as st

from dashboard import data
from dashboard.formatting import format_figure, md_escape, review_link, source_link, unit_label
from dashboard.highlight import document_page, marked_snippet

st.title("Source")
folder, version = data.store_folder(), data.token()
docs = data.documents(folder, version)
if docs.empty:
    st.info("The store is empty.")
    st.stop()

doc_ids = docs["doc"].tolist()
doc = st.query_params.get("doc")
fig_id = st.query_params.get("fig")
if doc not in doc_ids:
    if doc:
        st.warning(f"No document “{md_escape(doc)}” in the store; pick one below.")
    doc, fig_id = None, None


def pick_document() -> None:
    st.query_params.clear()
    st.query_params["doc"] = st.session_state["source_doc"]


st.selectbox("Document", doc_ids, index=doc_ids.index(doc) if doc else None,
             placeholder="Choose a document", key="source_doc", on_change=pick_document)
if not doc:
    st.stop()

text = data.document_text(folder, version, doc) or ""
figs = data.figures(folder, version, data.filters_key(doc=[doc]))
meta = docs.set_index("doc").loc[doc]
st.caption(f"Language {meta['lang'] or '—'} · {len(text):,} characters · {len(figs):,} figures · "
           f"extractor {md_escape(meta['version'])} · link: `{source_link(doc, fig_id)}`")

linked = figs[figs["figure_id"] == fig_id]
if fig_id and linked.empty:
    st.warning("That figure is not in the current version of this document "
               "(it may have been re-extracted).")
if not linked.empty:
    f = linked.iloc[0]
    st.subheader(format_figure(f.value, f.unit, f.approx))
    facts = [f"surface “{f.text}”", f"kind {f.kind}", f"unit {unit_label(f.unit) or 'none (count)'}"]
    facts += [f"{name} {val}" for name, val in (("entity", f.entity), ("period", f.period),
                                                ("series", f.series), ("role", f.role)) if val]
    facts.append(f"review: {f.review}" if f.review else "not reviewed")
    facts = [md_escape(x) for x in facts]  # document text never becomes markdown
    st.markdown(" · ".join(facts) + f" · [review it]({review_link(f.figure_id)})")
    left, right = st.columns(2)
    with left:
        st.markdown("**Sentence, cleaned for reading**")
        sentence = f.sentence or ""
        at = sentence.find(f.text)
        st.html(f"<div class='snippet' data-testid='cleaned-sentence'>"
                f"{marked_snippet(sentence, at, at + len(f.text)) if at >= 0 else marked_snippet(sentence, 0, 0)}"
                "</div>")
    with right:
        st.markdown("**Original text**")
        s0, s1 = int(f.sentence_start), int(f.sentence_end)
        if not (0 <= s0 <= f.start and f.end <= s1 <= len(text)):
            s0, s1 = max(0, int(f.start) - 150), min(len(text), int(f.end) + 150)
        st.html(f"<div class='snippet' data-testid='original-sentence'>"
                f"{marked_snippet(text[s0:s1], int(f.start) - s0, int(f.end) - s0)}</div>")

st.markdown("**The document** — every figure marked; hover a mark for its reading")
st.iframe(document_page(text, figs, fig_id if not linked.empty else None), height=520)
