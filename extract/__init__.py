"""Find every numeric figure in Vietnamese, Chinese and English news text.

    >>> from extract import extract_text
    >>> [f.text for f in extract_text("hơn 4.000 đại biểu")]
    ['4.000']

The extractor's entry points are loaded on first use, so a program that only reads the
store (the dashboard's first page) does not pay for the units registry and the lexicons.
"""
from .figure import Figure, FIELDS

_FROM_PIPELINE = ("extract_text", "extract_document", "iter_figures", "EXTRACTOR_VERSION")

__all__ = ["Figure", "FIELDS", *_FROM_PIPELINE]


def __getattr__(name: str):
    if name in _FROM_PIPELINE:
        from . import pipeline
        return getattr(pipeline, name)
    raise AttributeError(f"module 'extract' has no attribute {name!r}")
