"""Plotly figures built from plain DataFrames; pure functions so tests inspect them.

Every chart carries a title, its unit on the axis and its source; values read
with their scale ("26.6 trillion CNY"), years are categories (never 2,021.5).
"""
from __future__ import annotations

import unicodedata

import pandas as pd
import plotly.graph_objects as go

from .formatting import format_figure, format_number, format_value, pick_scale, unit_label

ROLE_ORDER = {"from": 0, "low": 0, "": 1, "to": 2, "high": 2}
# Streamlit's light chart look, written out: the charts are drawn by plotly.js directly
# (plotly_view.py), not through st.plotly_chart's theme. Small, unlike plotly's default
# template (10 KB of JSON in every figure).
_GREY, _TEXT, _GRID = "#808495", "#31333F", "#e6eaf1"
TEMPLATE = {"layout": {
    "colorway": ["#0068c9", "#83c9ff", "#ff2b2b", "#ffabab", "#29b09d", "#7defa1", "#ff8700",
                 "#ffd16a", "#6d3fc0", "#d5dae5"],
    "font": {"color": _GREY},
    "title": {"x": 0, "xanchor": "left", "font": {"color": _TEXT, "size": 15, "weight": 600}},
    "paper_bgcolor": "#ffffff", "plot_bgcolor": "#ffffff", "margin": {"pad": 4},  # labels off the bars
    "xaxis": {"showgrid": False, "zeroline": False, "automargin": True, "linecolor": _GRID,
              "tickcolor": _GRID},
    "yaxis": {"gridcolor": _GRID, "zerolinecolor": _GRID, "automargin": True},
    "hoverlabel": {"bgcolor": "#ffffff", "bordercolor": "#d5dae5", "font": {"color": _TEXT}},
}}
_LAYOUT = dict(margin=dict(l=10, r=10, t=60, b=10), height=360, template=TEMPLATE,
               # the app's own webfont (narrow, like the rest of the page), then CJK
               font=dict(family='"Source Sans", "WenQuanYi Micro Hei", sans-serif', size=13))


def text_px(text: str, size: float = 13) -> float:
    """Rough width of ``text`` in the charts' font: wide (CJK) characters an em, others a bit
    over half of one (Source Sans is narrow); errs on the wide side."""
    return sum(size if unicodedata.east_asian_width(c) in "WF" else size * 0.55 for c in text)


# Margins are set close to what plotly's automargin finds, so plotly draws a chart once:
# from a 10 px margin, automargin grows it and draws the chart a second time (0.3-0.4 s
# for the overview's five charts in our browser). Automargin stays on for what we misjudge.
_BOTTOM = 55  # x tick labels and the axis title
_AXIS_TITLE = 30  # a rotated y axis title beside the tick labels


def count_bar_figure(counts: pd.DataFrame, column: str, title: str,
                     label_of=None) -> go.Figure:
    """Horizontal bars of ``counts[column]`` → ``counts["figures"]`` (long labels fit)."""
    df = counts.sort_values("figures", ascending=True)
    labels = [(label_of(v) if label_of else str(v)) or "(none)" for v in df[column]]
    top = int(df["figures"].max()) if len(df) else 1
    # one layout dict, no update_* calls: plotly validates each of those (60 ms for three)
    left = min(320, 16 + max((text_px(lab) for lab in labels), default=0))
    layout = {**_LAYOUT, "title": {"text": title}, "height": max(220, 60 + 28 * len(df)),
              "margin": {"l": round(left), "r": 10, "t": 60, "b": _BOTTOM},
              "xaxis": {"title": {"text": "figures"}, "tickformat": ",d", "range": [0, top * 1.12]},
              "yaxis": {"type": "category", "automargin": True}}
    fig = go.Figure(data=[go.Bar(
        x=df["figures"].astype(int).tolist(), y=labels, orientation="h",
        text=[f"{n:,}" for n in df["figures"]], textposition="outside", textangle=0,
        cliponaxis=False,
        hovertemplate="%{y}: %{x:,} figures<extra></extra>")], layout=layout)
    return fig


def series_key(row) -> tuple[str, str]:
    return (row["doc"], row["series"])


def series_keys(df: pd.DataFrame) -> pd.DataFrame:
    """The distinct (doc, series) pairs of a figures frame, in document order."""
    if df.empty or "series" not in df:
        return pd.DataFrame(columns=["doc", "series"])
    df = df[df["series"].fillna("") != ""]
    return df[["doc", "series"]].drop_duplicates().sort_values(["doc", "series"])


def series_frames(df: pd.DataFrame, limit: int | None = None) -> dict[tuple[str, str], pd.DataFrame]:
    """Figures grouped by (document, series id), each sorted along its change;
    only the first ``limit`` series are grouped (an archive holds thousands)."""
    keys = series_keys(df)
    if keys.empty:
        return {}
    if limit is not None:
        keys = keys.head(limit)
    df = df.merge(keys, on=["doc", "series"])
    out = {}
    for (doc, series), group in df.groupby(["doc", "series"], sort=True):
        group = group.assign(_order=group["role"].map(lambda r: ROLE_ORDER.get(r or "", 1)))
        out[(doc, series)] = group.sort_values(["period", "_order", "start"]).drop(columns="_order")
    return out


def series_title(group: pd.DataFrame) -> str:
    """"制造業增加值: 16.98 trillion CNY → 26.6 trillion CNY (2012 → 2020)"."""
    entity = next((e for e in group["entity"] if e), "") or "Series"
    first, last = group.iloc[0], group.iloc[-1]
    change = f"{format_figure(first.value, first.unit, first.approx)} → " \
             f"{format_figure(last.value, last.unit, last.approx)}"
    periods = [p for p in group["period"] if p]
    when = f" ({periods[0]} → {periods[-1]})" if len(periods) >= 2 else ""
    return f"{entity}: {change}{when}"


def x_labels(group: pd.DataFrame) -> list[str]:
    """Periods when the sentence gives them, else the roles (from/to, low/high)."""
    labels = []
    for period, role in zip(group["period"], group["role"]):
        labels.append(str(period) if period else (role or "value"))
    # two points with the same label would collapse on a category axis
    seen: dict[str, int] = {}
    for i, lab in enumerate(labels):
        seen[lab] = seen.get(lab, 0) + 1
        if seen[lab] > 1:
            labels[i] = f"{lab} ({seen[lab]})"
    return labels


def series_figure(group: pd.DataFrame) -> go.Figure:
    """One change or range as a line over its periods, the y axis in a readable scale."""
    unit = next((u for u in group["unit"] if u), "")
    divisor, word = pick_scale(group["value"].abs().max())
    y = (group["value"] / divisor).tolist()
    hover = [format_figure(v, u, a) for v, u, a in zip(group["value"], group["unit"], group["approx"])]
    labels = [format_value(v, u) for v, u in zip(group["value"], group["unit"])]
    axis_unit = " ".join(p for p in (word, unit_label(unit)) if p)
    doc = group["doc"].iloc[0]
    ymax = max(y) if y else 1
    # one layout dict: plotly validates each update_* call, which costs ~10 ms apiece
    layout = {
        **_LAYOUT,
        "title": {"text": _wrap(series_title(group)), "font": {"size": 15},
                  "subtitle": {"text": f"Source: {doc}", "font": {"size": 11}}},
        "margin": {"l": round(16 + _AXIS_TITLE + text_px(f"{ymax * 1.25:,.0f}.0")), "r": 10, "t": 80,
                   "b": _BOTTOM},
        # half a category of room each side, so the first and last labels are not cut
        "xaxis": {"type": "category", "title": {"text": "period" if any(group["period"]) else ""},
                  "range": [-0.5, len(y) - 0.5]},
        "yaxis": {"title": {"text": axis_unit or "value"}, "tickformat": ",.4~g",
                  "rangemode": "tozero", "range": [0, ymax * 1.25] if ymax > 0 else None},
    }
    fig = go.Figure(data=[go.Scatter(
        x=x_labels(group), y=y, mode="lines+markers+text", text=labels,
        textposition="top center", customdata=hover,
        hovertemplate="%{x}: %{customdata}<extra></extra>", marker={"size": 10})], layout=layout)
    return fig


def _wrap(text: str, width: int = 60) -> str:
    """Plotly titles do not wrap by themselves: break long ones with <br>."""
    if len(text) <= width:
        return text
    cut = text.rfind(" ", 0, width)
    cut = cut if cut > 0 else width
    return text[:cut] + "<br>" + text[cut:].lstrip()


def value_axis_label(values: pd.Series, unit: str) -> str:
    divisor, word = pick_scale(values.abs().max() if len(values) else 0)
    return " ".join(p for p in (word, unit_label(unit)) if p)


__all__ = ["count_bar_figure", "series_frames", "series_figure", "series_title", "x_labels",
           "format_number"]
