"""Draw a plotly figure with plotly.js's *basic* bundle (bar, scatter, pie: all our charts use).

Why not ``st.plotly_chart``: Streamlit's plotly element loads the full plotly.js (4.7 MB),
and evaluating it took the browser 1.5-3 s on our 2-core machine before the first chart
was drawn; the basic bundle of the same plotly.js version (1.2 MB, MIT, vendored in
``static/``) takes 0.4-0.7 s. The figures are the same plotly figures, with hover, zoom and
the PNG download of plotly's mode bar.

The bundle is served by Streamlit's static file serving (``server.enableStaticServing``
in ``.streamlit/config.toml``, files of ``dashboard/static/`` at ``app/static/``). Where
that is off (another config, AppTest), charts fall back to ``st.plotly_chart``.
"""
from __future__ import annotations

import json
import pathlib
from typing import TYPE_CHECKING

import streamlit as st

if TYPE_CHECKING:  # only for hints: this module loads before the heavy imports (preload)
    import plotly.graph_objects as go

PLOTLY_JS_VERSION = "4.1.1"  # the plotly.js plotly.py was built against (a test checks)
BUNDLE = f"plotly-basic-{PLOTLY_JS_VERSION}.min.js"
STATIC = pathlib.Path(__file__).resolve().parent / "static"
CONFIG = {"displaylogo": False, "responsive": True}

# Loads the bundle once per browser page (a <script> in <head>, shared by every chart),
# then draws or updates the figure in place; one <div> per component instance.
_JS = """
export default function (component) {
  const { data, parentElement } = component;
  const w = window;
  if (!w.__figuresPlotly) {
    w.__figuresPlotly = new Promise((resolve, reject) => {
      if (w.Plotly) return resolve(w.Plotly);
      const s = document.createElement("script");
      s.src = data.src;
      s.onload = () => resolve(w.Plotly);
      s.onerror = () => { w.__figuresPlotly = null; reject(new Error("cannot load " + data.src)); };
      document.head.appendChild(s);
    });
  }
  if (!data.figure) { w.__figuresPlotly.catch(() => {}); return; }  // preload(): start loading only
  let div = parentElement.querySelector(":scope > .figure-chart");
  if (!div) {
    div = document.createElement("div");
    div.className = "figure-chart";
    div.style.width = "100%";
    parentElement.appendChild(div);
  }
  const fig = data.figure;
  w.__figuresPlotly
    .then((Plotly) => Plotly.react(div, fig.data, fig.layout, data.config))
    .catch((err) => { div.textContent = "The chart could not be drawn: " + err.message; });
  return () => { if (w.Plotly) w.Plotly.purge(div); };
}
"""

_COMPONENT = st.components.v2.component("figures_plotly_basic", js=_JS, isolate_styles=False)


def bundle_url() -> str:
    """Where the browser finds the bundle, under the app's base URL path."""
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    return "/" + "/".join(p for p in (base, "app/static", BUNDLE) if p)


def served() -> bool:
    """True when Streamlit serves ``dashboard/static/`` (and the bundle is there)."""
    return bool(st.get_option("server.enableStaticServing")) and (STATIC / BUNDLE).is_file()


def figure_payload(fig: go.Figure, config: dict | None = None) -> dict:
    """What the component receives: plain JSON of the figure, the bundle URL, plotly's config."""
    return {"figure": json.loads(fig.to_json()), "src": bundle_url(), "config": {**CONFIG, **(config or {})}}


def plotly_chart(fig: go.Figure, key: str, config: dict | None = None) -> None:
    """``st.plotly_chart`` with the light bundle when it is served."""
    if served():
        _COMPONENT(data=figure_payload(fig, config), key=key)
    else:
        st.plotly_chart(fig, key=key, config={**CONFIG, **(config or {})})


def preload() -> None:
    """Start loading the bundle now (nothing is shown), so the browser evaluates it while
    the page's data are still on their way, not after them."""
    if served():
        _COMPONENT(data={"src": bundle_url()}, key="plotly-preload", width="content")
