"""Reading documents from disk: bytes → the exact text that figure offsets point into.

The contract fixes what "the document's text" is: a text file's bytes decoded
(UTF-8 with the BOM dropped, UTF-16/32 with a BOM, otherwise detected), with no
newline translation and no Unicode normalisation; for HTML, the article text
extracted from it. Everything that can go wrong with a file becomes a
``DocumentError`` carrying a one-line reason, so a batch reports it and goes on.

    >>> doc = read_document("seeds/000_31765a320d10a250.txt", "000.txt")  # doctest: +SKIP
    >>> doc.encoding, doc.format
    ('utf-8', 'text')
"""
from __future__ import annotations

import codecs
import errno
import hashlib
import os
import re
import stat
from dataclasses import dataclass
from typing import Iterable, Iterator

DEFAULT_MAX_BYTES = 256 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES

# How much of a file the charset guesser looks at: enough for a confident
# guess, small enough that a 200 MB file is not decoded a dozen times over.
_SAMPLE_BYTES = 256 * 1024

# Longest BOMs first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# C0 controls that never occur in running text (tab, newlines, VT, FF excluded).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")


@dataclass(frozen=True)
class Document:
    id: str          # path relative to the PATH argument it came from
    path: str        # where it was read from, as the user would write it
    text: str        # the text every figure offset points into
    n_bytes: int     # size of the file in bytes
    encoding: str    # codec the bytes were decoded with ('utf-8', 'gb18030', ...)
    sha256: str      # of the file's bytes: unchanged file, unchanged document
    format: str      # 'text' or 'html'
    lang: str = ""   # not the reader's business: callers that know it fill it in


class DocumentError(Exception):
    """A file that cannot be a document; ``reason`` is one line, for `FILE: reason`."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = " ".join(str(reason).split())  # one line, always

    def __eq__(self, other):
        return (isinstance(other, DocumentError)
                and (self.path, self.reason) == (other.path, other.reason))

    def __hash__(self):
        return hash((self.path, self.reason))


# ---------------------------------------------------------------- reading bytes

def _read_bytes(path: str, max_bytes: int) -> bytes:
    """The file's bytes; refuses non-regular files before reading a byte."""
    try:
        # O_NONBLOCK: opening a FIFO must not hang waiting for a writer.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise DocumentError(path, _os_reason(exc)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise DocumentError(path, "is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise DocumentError(path, "not a regular file (device, pipe or socket)")
        if info.st_size > max_bytes:
            raise DocumentError(path, f"file too large: {info.st_size} bytes, limit is {max_bytes}")
        with open(fd, "rb", buffering=0, closefd=False) as f:
            data = f.readall()  # pre-sized from fstat: one buffer, no growth copies
    except OSError as exc:
        raise DocumentError(path, _os_reason(exc)) from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:  # grew while we read it
        raise DocumentError(path, f"file too large: over {max_bytes} bytes")
    return data


def _os_reason(exc: OSError) -> str:
    reasons = {
        errno.ENOENT: "no such file or directory",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ELOOP: "symlink loop (too many levels of symbolic links)",
        errno.EISDIR: "is a directory",
        errno.ENAMETOOLONG: "file name too long",
    }
    return reasons.get(exc.errno) or (exc.strerror or str(exc)).lower()


# ---------------------------------------------------------------- decoding

def decode_bytes(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """(text, encoding) for a text file's bytes, or DocumentError saying why not."""
    if not data:
        raise DocumentError(path, "empty file")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_with_bom(data, codec, path)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise DocumentError(path, f"binary file (NUL byte at offset {nul}; "
                                  "UTF-16/32 text needs a byte order mark)")
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as exc:
        text, encoding = _decode_not_utf8(data, exc, path)
    _refuse_binary_text(text, path)
    return text, encoding


def _decode_with_bom(data: bytes, codec: str, path: str) -> tuple[str, str]:
    # 'utf-8-sig', 'utf-16' and 'utf-32' read the BOM and drop it.
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise DocumentError(path, f"invalid {_bom_name(data, codec)} at byte {exc.start}: "
                                  f"{exc.reason}") from None
    if not text:
        raise DocumentError(path, "empty file (only a byte order mark)")
    if "\x00" in text:
        raise DocumentError(path, f"binary file (NUL character in {_bom_name(data, codec)} text)")
    _refuse_binary_text(text, path)
    return text, _bom_name(data, codec).lower()


def _bom_name(data: bytes, codec: str) -> str:
    if codec == "utf-8-sig":
        return "UTF-8"
    width = "16" if codec == "utf-16" else "32"
    order = "LE" if data.startswith(codecs.BOM_UTF16_LE) else "BE"
    return f"UTF-{width}-{order}"


def _decode_not_utf8(data: bytes, exc: UnicodeDecodeError, path: str) -> tuple[str, str]:
    """Broken UTF-8 is an error naming the byte; a legacy encoding is detected."""
    # Valid UTF-8 up to a sequence cut by the end of the file: a truncated file.
    truncated = exc.end >= len(data) and exc.reason.startswith("unexpected end")
    if truncated or _mostly_utf8(data, exc.start):
        raise DocumentError(path, _utf8_error(data, exc)) from None
    encoding = _guess_encoding(data, exc.start)
    if encoding is None:
        raise DocumentError(path, f"undecodable: not UTF-8 ({_utf8_error(data, exc)}) "
                                  "and no other text encoding fits") from None
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as exc2:
        raise DocumentError(path, f"undecodable: looks like {encoding} but byte "
                                  f"{exc2.start} is invalid in it") from None


def _utf8_error(data: bytes, exc: UnicodeDecodeError) -> str:
    bad = data[exc.start:exc.end]
    where = "truncated at end of file" if exc.end >= len(data) and exc.reason.startswith("unexpected end") \
        else exc.reason
    return f"invalid UTF-8 at byte {exc.start} ({bad.hex(' ')}: {where})"


def _sample(data: bytes, around: int) -> bytes:
    """The head of the file plus a window around ``around``, cut at line ends.

    Cutting after a newline keeps multibyte characters whole: in UTF-8, GB18030
    and Big5 the byte 0x0A is never part of a multibyte character.
    """
    if len(data) <= _SAMPLE_BYTES:
        return data
    half = _SAMPLE_BYTES // 2
    head = _cut_lines(data, 0, half)
    lo = max(around - half // 2, len(head))
    return head + _cut_lines(data, lo, lo + half)


def _cut_lines(data: bytes, lo: int, hi: int) -> bytes:
    if lo > 0:
        nl = data.find(b"\n", lo, hi)
        lo = nl + 1 if nl >= 0 else lo
    if hi < len(data):
        nl = data.rfind(b"\n", lo, hi)
        hi = nl + 1 if nl >= 0 else hi
    return data[lo:hi]


def _mostly_utf8(data: bytes, error_at: int) -> bool:
    """True when the non-ASCII text around the error is overwhelmingly valid UTF-8.

    Legacy double-byte and Windows code pages form valid UTF-8 sequences only by
    chance, so a file whose non-ASCII characters mostly decode is UTF-8 that
    was damaged (truncated, a stray byte), not another encoding.
    """
    text = _sample(data, error_at).decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    good = non_ascii - bad
    return good >= 4 * bad


# Without a BOM, NUL-free bytes are never UTF-16/32: do not let the guesser say so.
_NO_GUESS = ["utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be", "utf_32_le"]
# On short samples several code pages fit equally well; this project reads
# Chinese, Vietnamese and English news, so among equals these win, in order.
_PREFERRED = ("gb18030", "big5", "cp1258", "cp1252", "cp1250", "cp1251", "latin_1")
_TIE = 0.02


def _guess_encoding(data: bytes, error_at: int) -> str | None:
    from charset_normalizer import from_bytes  # import on demand: most files are UTF-8

    matches = list(from_bytes(_sample(data, error_at), cp_exclusion=_NO_GUESS))
    if not matches:
        return None
    best = matches[0]
    equals = {m.encoding for m in matches
              if m.chaos <= best.chaos + _TIE and m.coherence >= best.coherence - _TIE}
    chosen = next((enc for enc in _PREFERRED if enc in equals), best.encoding)
    if chosen in ("utf_8", "ascii"):
        return None
    return codecs.lookup(chosen).name


def _refuse_binary_text(text: str, path: str) -> None:
    """Decoded but full of control characters: a binary file that happened to decode."""
    head = text[:_SAMPLE_BYTES]
    controls = len(_CONTROL.findall(head))
    if controls and controls * 100 > len(head):
        raise DocumentError(path, f"binary file ({controls} control characters "
                                  f"in the first {len(head)} characters)")


# ---------------------------------------------------------------- HTML

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_INVISIBLE = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object")
_BLOCKS = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
           "article", "blockquote", "pre", "table", "ul", "ol", "header", "footer", "td", "th",
           "nav", "main", "aside", "figure", "figcaption", "dl", "dt", "dd", "form",
           "address", "hr", "caption", "title")


def decode_html(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """An HTML file's markup as text: BOM, then a <meta charset>, then detection."""
    if not data:
        raise DocumentError(path, "empty file")
    if not any(data.startswith(bom) for bom, _ in _BOMS):
        declared = _declared_charset(data)
        if declared:
            try:
                return data.decode(declared), declared
            except UnicodeDecodeError:
                pass  # a lying declaration is common; fall back to detection
    return decode_bytes(data, path)


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def html_to_text(html: str) -> str:
    """The article text of a page (trafilatura), else all visible text (lxml).

    Script, style and other non-visible content never becomes text.
    """
    import trafilatura

    text = trafilatura.extract(_captions_as_paragraphs(html), include_comments=False, include_tables=True,
                               favor_recall=True, deduplicate=False)
    if text and text.strip():
        return text
    return _visible_text(html)


_FIGURE_TAGS = re.compile(r"<(/?)(figcaption|figure)(?=[\s>/])", re.IGNORECASE)


def _captions_as_paragraphs(html: str) -> str:
    """trafilatura drops a <figure> with its <figcaption>, yet a photo's or a chart's caption is
    the article's text and often holds figures ('đóng gói 48.000 hộp sữa mỗi giờ'): keep it as a
    paragraph. (Renaming the two tags cannot make script or style visible.)"""
    return _FIGURE_TAGS.sub(lambda m: "<%s%s" % (m.group(1), "p" if m.group(2).lower() == "figcaption" else "div"), html)


def _visible_text(html: str) -> str:
    import lxml.html
    from lxml import etree

    html = _XML_DECL.sub("", html, count=1)  # lxml refuses str with an encoding declaration
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    # a control character from a reference such as '&#1;' is no text, and lxml refuses to
    # write one back when the tree is edited: clean them out first
    for el in root.iter():
        if el.text and _NOT_XML.search(el.text):
            el.text = _NOT_XML.sub("", el.text)
        if el.tail and _NOT_XML.search(el.tail):
            el.tail = _NOT_XML.sub("", el.tail)
    for el in root.xpath("|".join(f"//{tag}" for tag in _INVISIBLE)):
        el.drop_tree()
    for el in root.iter(*_BLOCKS):
        el.tail = "\n" + (el.tail or "")  # keep paragraphs apart in the text
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


# ---------------------------------------------------------------- documents

def document_format(path: str) -> str:
    return "html" if str(path).lower().endswith(HTML_SUFFIXES) else "text"


def read_document(path: str | os.PathLike, doc_id: str | None = None,
                  max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one file into a Document, or raise DocumentError with a one-line reason.

    ``doc_id`` defaults to the file's name, as for a file given on the command line.
    """
    path = os.fspath(path)
    if doc_id is None:
        doc_id = os.path.basename(path)
    data = _read_bytes(path, max_bytes)
    n_bytes, digest, fmt = len(data), hashlib.sha256(data).hexdigest(), document_format(path)
    if fmt == "html":
        markup, encoding = decode_html(data, path)
        del data
        text = html_to_text(markup)
        if not text.strip():
            raise DocumentError(path, "HTML page has no visible text")
    else:
        text, encoding = decode_bytes(data, path)
        del data  # hold the text once, not the text and its bytes
    return Document(doc_id, path, text, n_bytes, encoding, digest, fmt)


# ---------------------------------------------------------------- walking folders

def iter_documents(paths: Iterable[str | os.PathLike],
                   max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | DocumentError]:
    """Each document under ``paths``, one at a time, in a deterministic order.

    Yields a Document, or a DocumentError for a file (or a link, or a folder)
    that cannot be read, so the caller reports it and carries on. Only one
    document's text is held at a time.
    """
    for path, doc_id in iter_files(paths):
        if doc_id is None:  # a walk problem, already phrased as a reason
            yield path
            continue
        try:
            yield read_document(path, doc_id, max_bytes)
        except DocumentError as exc:
            yield exc


def iter_files(paths: Iterable[str | os.PathLike]) -> Iterator[tuple]:
    """(path, doc_id) for every file to read, or (DocumentError, None).

    A file given directly is read whatever its suffix; its id is its name.
    Folders are walked for SUFFIXES, names sorted, hidden entries skipped;
    ids are relative to the folder given, with '/' separators.
    """
    for arg in paths:
        arg = os.fspath(arg)
        try:
            info = os.stat(arg)
        except OSError as exc:
            yield DocumentError(arg, _os_reason(exc)), None
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk(arg)
        else:
            yield arg, os.path.basename(arg.rstrip(os.sep)) or arg


def _walk(root: str) -> Iterator[tuple]:
    real_root = os.path.realpath(root)
    seen = {_dir_key(root)}  # (device, inode) of every folder walked: each at most once
    stack = [(root, "", (_dir_key(root),))]
    while stack:
        folder, rel, ancestors = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield DocumentError(folder, f"cannot list folder: {_os_reason(exc)}"), None
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            item = _classify(entry, real_root, seen, ancestors)
            if item is None:
                continue
            if isinstance(item, DocumentError):
                yield item, None
            elif isinstance(item, tuple):  # a folder: its (device, inode)
                subfolders.append((entry.path, f"{rel}{entry.name}/", ancestors + (item,)))
            else:
                yield entry.path, f"{rel}{entry.name}"
        stack.extend(reversed(subfolders))  # depth first, in name order


def _classify(entry: os.DirEntry, real_root: str, seen: set, ancestors: tuple):
    """A folder's key, 'file', None (not ours) or a DocumentError for one entry."""
    wanted = entry.name.lower().endswith(SUFFIXES)
    if entry.is_symlink():
        target = os.path.realpath(entry.path)
        if not _inside(target, real_root):
            return DocumentError(entry.path, f"symlink leaves the folder (to {target}); not followed")
    try:
        info = os.stat(entry.path)  # follows links: ELOOP and dangling links show here
    except OSError as exc:
        if entry.is_symlink() and exc.errno == errno.ENOENT:
            return DocumentError(entry.path, "broken symlink") if wanted else None
        return DocumentError(entry.path, _os_reason(exc))
    if stat.S_ISDIR(info.st_mode):
        key = (info.st_dev, info.st_ino)
        if key in ancestors:
            return DocumentError(entry.path, "directory loop: links back to a folder above it; not followed")
        if key in seen:
            return DocumentError(entry.path, "folder already walked through another path; not walked twice")
        seen.add(key)
        return key
    return "file" if wanted else None


def _inside(target: str, real_root: str) -> bool:
    return target == real_root or target.startswith(real_root.rstrip(os.sep) + os.sep)


def _dir_key(path: str) -> tuple:
    info = os.stat(path)
    return info.st_dev, info.st_ino
