"""Find every numeric figure in Vietnamese, Chinese and English news text.

    >>> from extract import extract_text
    >>> [f.text for f in extract_text("hơn 4.000 đại biểu")]
    ['4.000']
"""
from .figure import Figure, FIELDS
from .pipeline import extract_text, extract_document, iter_figures, EXTRACTOR_VERSION

__all__ = ["Figure", "FIELDS", "extract_text", "extract_document", "iter_figures", "EXTRACTOR_VERSION"]
