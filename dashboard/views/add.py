"""Add documents: upload files or paste text; each is extracted and stored."""
import streamlit as st

from dashboard import data, intake
from dashboard.formatting import md_escape

st.title("Add documents")
st.caption(f"Files: .txt, .md, .html — at most {intake.MAX_FILES} files of "
           f"{intake.MAX_MB} MB each. Each file is read, its figures extracted and stored; "
           "a file that fails is reported and the others go through.")

files = st.file_uploader("Upload files", type=list(intake.SUFFIXES), accept_multiple_files=True,
                         max_upload_size=intake.MAX_MB, key="a_files")
with st.expander("…or paste text", expanded=not files):
    pasted_name = st.text_input("Name for the pasted text", placeholder="e.g. article.txt",
                                key="a_name")
    pasted = st.text_area("Text", height=200, key="a_text")

if st.button("Extract and store", type="primary", disabled=not files and not pasted.strip()):
    items = intake.from_uploads(files or [])
    if pasted.strip():
        items.append(intake.from_paste(pasted, pasted_name))
    bar = st.progress(0.0, text="Starting…")

    def report(done: int, total: int, name: str) -> None:
        bar.progress(done / total, text=f"{done} / {total} · {name}")

    results = intake.ingest(data.get_store(), items, on_progress=report)
    bar.progress(1.0, text="Done")
    ok = [r for r in results if r.ok]
    if ok:
        st.success(f"Stored {len(ok)} document(s) with {sum(r.figures for r in ok):,} figures: "
                   + md_escape(", ".join(f"{r.doc} ({r.figures})" for r in ok)))
    for r in results:
        if not r.ok:
            st.error(md_escape(f"{r.name}: {r.error}"))
