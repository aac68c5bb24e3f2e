"""Entry point: ``streamlit run dashboard/app.py``. Pages live in ``views/``."""
import pathlib
import sys

import streamlit as st

# `streamlit run` puts only this folder on sys.path; the pages import `dashboard` and `extract`.
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

st.set_page_config(page_title="Figures from news text", page_icon=":material/bar_chart:", layout="wide")
st.navigation([
    st.Page("views/overview.py", title="Overview", icon=":material/bar_chart:", url_path="overview", default=True),
    st.Page("views/figures.py", title="Figures", icon=":material/table:", url_path="figures"),
    st.Page("views/source.py", title="Source", icon=":material/article:", url_path="source"),
    st.Page("views/review.py", title="Review", icon=":material/task_alt:", url_path="review"),
    st.Page("views/downloads.py", title="Downloads", icon=":material/download:", url_path="downloads"),
    st.Page("views/add.py", title="Add documents", icon=":material/note_add:", url_path="add"),
]).run()
