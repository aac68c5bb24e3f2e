"""Split a clean text into sentences: a newline always ends one; so does a
sentence-final mark (followed by a space in spaced scripts, anywhere in Chinese),
except after a known abbreviation (``TS.``, ``Mr.``) or inside a number (``4.000``).
Very long runs are cut at a space so every later stage stays linear."""
from __future__ import annotations

from functools import lru_cache

import regex

from .lexicon import Compiled

MAX_SENTENCE = 3000


@lru_cache(maxsize=None)
def _boundary(chars_spaced: str, chars_unspaced: str):
    # Each alternative matches the mark itself, or a closing quote or bracket right after one,
    # and a sentence is cut at the match's end: a pattern that opens on a character is found
    # by a quick scan, where a look-behind would be tried at every position of the text.
    parts = [r"\n"]
    if chars_spaced:
        ends = regex.escape(chars_spaced)
        parts.append(r"[%s](?=\s)|(?<=[%s])[\"”’)\]](?=\s)" % (ends, ends))
    if chars_unspaced:
        ends = regex.escape(chars_unspaced)
        parts.append(r"[%s]|(?<=[%s])[\"”’」』)）]" % (ends, ends))
    return regex.compile("|".join(parts))


def sentences(text: str, lex: Compiled, start: int = 0, end: int | None = None):
    """Yield (start, end) of each sentence of ``text[start:end]``, trimmed of spaces."""
    end = len(text) if end is None else end
    # Chinese text is often mixed with English punctuation and vice versa: split on both.
    rx = _boundary(lex.data.sentence_ends or ".!?", "。！？" + (lex.data.sentence_ends_unspaced or ""))
    pos = start
    for m in rx.finditer(text, start, end):
        cut = m.start() if m.group() == "\n" else m.end()
        if m.group() != "\n" and lex.ends_with_abbreviation(text, pos, cut):
            continue
        yield from _trimmed_pieces(text, pos, cut)
        pos = m.end()
    yield from _trimmed_pieces(text, pos, end)


def _trimmed_pieces(text: str, a: int, b: int):
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    while b - a > MAX_SENTENCE:
        cut = text.rfind(" ", a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
        if cut <= a:
            cut = a + MAX_SENTENCE
        yield a, cut
        a = cut
        while a < b and text[a].isspace():
            a += 1
    if b > a:
        yield a, b
