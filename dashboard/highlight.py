"""A document's text as HTML with its figures marked — always escaped.

The text comes from users' files: every character of it goes through
``html.escape``, so ``<script>`` or ``<img onerror=…>`` in a document shows as
text. Only the ``<mark>`` tags built here are markup.
"""
from __future__ import annotations

import html

import pandas as pd

from .formatting import format_figure

CSS = """
body { font-family: sans-serif, "WenQuanYi Micro Hei"; font-size: 15px; line-height: 1.6;
       margin: 0; padding: 8px 12px; color: #222; }
.doc { white-space: pre-wrap; word-wrap: break-word; }
mark { background: #fff2a8; border-radius: 3px; padding: 0 1px; }
mark.linked { background: #ffb347; outline: 2px solid #d9534f; font-weight: bold; }
"""


def spans_to_html(text: str, spans: list[tuple[int, int, str, bool]]) -> str:
    """``text`` escaped, with each (start, end, title, linked) span in a <mark>.

    Overlapping spans cannot nest in a readable way: the linked one wins, then
    the earlier one.
    """
    chosen: list[tuple[int, int, str, bool]] = []
    for span in sorted(spans, key=lambda s: (not s[3], s[0], -s[1])):
        start, end = span[0], span[1]
        if 0 <= start < end <= len(text) and all(end <= a or start >= b for a, b, *_ in chosen):
            chosen.append(span)
    out, pos = [], 0
    for start, end, title, linked in sorted(chosen):
        out.append(html.escape(text[pos:start]))
        # inline styles too: st.html snippets do not get the iframe's stylesheet
        attrs = (' class="linked" id="linked" style="background:#ffb347;font-weight:bold"'
                 if linked else ' style="background:#fff2a8"')
        out.append(f'<mark{attrs} title="{html.escape(title, quote=True)}">'
                   f"{html.escape(text[start:end])}</mark>")
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def figure_spans(figs: pd.DataFrame, linked: str | None = None,
                 offset: int = 0) -> list[tuple[int, int, str, bool]]:
    """Spans of a figures frame, shifted by ``-offset`` (for a slice of the text)."""
    return [(int(r.start) - offset, int(r.end) - offset,
             format_figure(r.value, r.unit, r.approx), r.figure_id == linked)
            for r in figs.itertuples()]


def document_page(text: str, figs: pd.DataFrame, linked: str | None) -> str:
    """A whole HTML page for an iframe: the document, every figure marked, and a
    one-line script of ours that scrolls the linked figure into view."""
    body = spans_to_html(text, figure_spans(figs, linked))
    scroll = ("<script>var e=document.getElementById('linked');"
              "if(e){e.scrollIntoView({block:'center'});}</script>") if linked else ""
    return (f"<!doctype html><html><head><meta charset='utf-8'><style>{CSS}</style></head>"
            f"<body><div class='doc' data-testid='document-text'>{body}</div>{scroll}</body></html>")


def marked_snippet(text: str, start: int, end: int) -> str:
    """Escaped ``text`` with ``text[start:end]`` marked (for one sentence)."""
    return spans_to_html(text, [(start, end, "", True)] if 0 <= start < end <= len(text) else [])
