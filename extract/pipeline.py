"""read → clean → segment → scan → attach → resolve: the whole extractor, stage by stage.

Each stage is a plain function of the previous one's output; nothing here
knows a language, only which lexicon to hand the stages.
"""
from __future__ import annotations

import itertools
import math

from . import attach as attach_stage
from . import resolve, scan, segment
from .detect import detect_language
from .figure import Figure
from .lexicon import load
from .textview import TextView

EXTRACTOR_VERSION = "0.3.8"  # bump when the figures of a text change: stores re-extract it


def extract_text(text: str, lang: str | None = None, doc: str = "") -> list[Figure]:
    """All figures in ``text`` (a document's full text), offsets into ``text``."""
    return extract_document(text, doc=doc, lang=lang)


def extract_document(text: str, doc: str = "", lang: str | None = None) -> list[Figure]:
    return list(iter_figures(text, doc=doc, lang=lang))


def iter_figures(text: str, doc: str = "", lang: str | None = None):
    """The figures of ``text`` one sentence at a time, so a 50 MB document never holds
    all its figures in memory at once (the CLI writes them as they come)."""
    lang = lang or detect_language(text)
    lex = load(lang)
    view = TextView(text)
    clean = view.clean
    counter = itertools.count(1)
    next_id = lambda: f"s{next(counter)}"  # noqa: E731 - series ids, numbered per document
    currency = attach_stage.document_currency(clean, lex)
    for s_start, s_end in segment.sentences(clean, lex):
        yield from _sentence_figures(view, s_start, s_end, lex, doc, next_id, currency)


def _sentence_figures(view: TextView, s_start: int, s_end: int, lex, doc: str, next_id,
                      currency: str = "") -> list[Figure]:
    clean = view.clean
    mentions = scan.numerals(clean, s_start, s_end, lex)
    if not mentions:
        return []
    for m in mentions:
        if not m.drop:
            attach_stage.attach(clean, s_start, s_end, m, lex)
    attach_stage.use_document_currency(mentions, currency, lex, clean[s_start:s_end])
    resolve.drop_overlaps(mentions)
    masks = resolve.shape_masks_near(clean, s_start, s_end, mentions)
    years = resolve.drop_non_figures(clean, s_start, s_end, mentions, lex, masks)
    resolve.link_series(clean, s_start, mentions, lex, next_id)
    resolve.read_spans_of_time(clean, mentions, lex)
    resolve.drop_bare_numbers(clean, s_start, s_end, mentions, lex)
    resolve.assign_periods(clean, s_start, s_end, mentions, years, lex)
    sentence = clean[s_start:s_end]
    raw_s, raw_e = view.span_to_raw(s_start, s_end)
    out = []
    for m in mentions:
        if m.drop or not math.isfinite(m.value):
            continue
        a, b = view.span_to_raw(m.start, m.end)
        out.append(Figure(doc=doc, start=a, end=b, text=view.raw[a:b], value=_tidy(m.value),
                          unit=m.unit, kind=m.kind, entity=m.entity, approx=m.approx,
                          series=m.series, role=m.role, period=m.period, lang=lex.code,
                          sentence=sentence, sentence_start=raw_s, sentence_end=raw_e))
    return out


def _tidy(value: float) -> float:
    """Undo float noise from scaling (16.98 * 1e12 = 16980000000000.002)."""
    return float(f"{value:.12g}")
