"""Cached loaders over the store; no UI calls here.

The store folder comes from ``FIGURES_DATA`` (default ``data/``), so tests and
benchmarks point the app at a temporary store. Every loader takes the store's
``version_token()`` as an argument: new batches written by the CLI or a new
review change the token, so a refresh shows them without stale caches.
"""
from __future__ import annotations

import os

import pandas as pd
import streamlit as st

from extract.store import Store

DATA_ENV = "FIGURES_DATA"
TABLE_LIMIT = 2000  # rows drawn in a table; downloads carry all of them


def store_folder() -> str:
    return os.environ.get(DATA_ENV, "data")


@st.cache_resource(show_spinner=False)
def _open_store(folder: str) -> Store:
    return Store(folder)


def get_store() -> Store:
    return _open_store(store_folder())


def token() -> tuple:
    return get_store().version_token()


@st.cache_data(show_spinner=False, max_entries=8)
def documents(folder: str, version: tuple) -> pd.DataFrame:
    return _open_store(folder).documents_frame()


@st.cache_data(show_spinner=False, max_entries=32)
def counts(folder: str, version: tuple, by: str) -> pd.DataFrame:
    return _open_store(folder).count_figures(by)


@st.cache_data(show_spinner=False, max_entries=32)
def figures(folder: str, version: tuple, filters: tuple = (), limit: int | None = None,
            series_only: bool = False) -> pd.DataFrame:
    """Current figures with their review; ``filters`` is ``Filters.key()``."""
    return _open_store(folder).figures_frame(**dict(filters), limit=limit,
                                              series_only=series_only)


@st.cache_data(show_spinner=False, max_entries=16)
def series(folder: str, version: tuple, doc: tuple = (), limit: int = 8) -> tuple[pd.DataFrame, int]:
    return _open_store(folder).series_figures(doc=doc, limit=limit)


@st.cache_data(show_spinner=False, max_entries=32)
def figure_count(folder: str, version: tuple, filters: tuple = ()) -> int:
    return _open_store(folder).count_matching(**dict(filters))


def matching(folder: str, version: tuple, filters: tuple = (), limit: int = TABLE_LIMIT
             ) -> tuple[pd.DataFrame, int]:
    """The first ``limit`` figures the filters match, and how many match in all. A page
    short of the limit is all of them: the count query (45 ms of a 0.2 s search at
    100,000 figures) runs only when there may be more."""
    df = figures(folder, version, filters, limit=limit)
    return df, (len(df) if len(df) < limit else figure_count(folder, version, filters))


@st.cache_data(show_spinner=False, max_entries=16)
def document_text(folder: str, version: tuple, doc: str) -> str | None:
    return _open_store(folder).document_text(doc)


def progress(version: tuple) -> tuple[int, int]:
    return _progress(store_folder(), version)


@st.cache_data(show_spinner=False, max_entries=8)
def _progress(folder: str, version: tuple) -> tuple[int, int]:
    return _open_store(folder).review_progress()


def filters_key(lang=(), doc=(), kind=(), unit=(), approx=(), review=(), text="") -> tuple:
    """Hashable, ordered form of the figure filters (cache key and store kwargs)."""
    items = {"lang": tuple(lang), "doc": tuple(doc), "kind": tuple(kind), "unit": tuple(unit),
             "approx": tuple(approx), "review": tuple(review), "text": text.strip()}
    return tuple((k, v) for k, v in items.items() if v)


def all_figures(folder: str, filters: tuple = ()) -> pd.DataFrame:
    """Uncached, unlimited: for downloads built on click (outside the script run)."""
    return Store(folder).figures_frame(**dict(filters))
