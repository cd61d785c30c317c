"""Turn raw documents into sentences: call transcripts, HTML press releases, plain text.

Speech-to-text transcripts arrive as one line per call, without speaker labels, with run-on
sentences and recognition errors; press releases arrive as web pages with navigation, scripts and
financial tables. Everything here is linear in the input: no pattern can backtrack
catastrophically, and overlong runs without punctuation are cut into bounded pieces.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from aicycle import textfile

# A sentence ends at . ! ? (optionally closed by a quote or bracket) followed by whitespace and
# something that can start a sentence. The lookbehinds sit after the punctuation, so they are
# tested only where a sentence could end: "Mr." and "U.S." do not end one.
_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "St", "No", "Nos", "vs", "Inc", "Co", "Corp", "Ltd", "Jr", "e.g",
                  "i.e", "U.S", "approx", "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Fig",
                  "est", "etc")


def _not_after_abbreviation() -> str:
    # One lookbehind per abbreviation length rather than per abbreviation (a lookbehind must have one
    # width): four tests instead of 29 at every full stop. `[.!?][.!?]*` rather than `[.!?]+` lets `re`
    # skip ahead to the next punctuation mark in C instead of trying the pattern at every character.
    widths: dict[int, list[str]] = {}
    for abbreviation in _ABBREVIATIONS:
        widths.setdefault(len(abbreviation), []).append(re.escape(abbreviation))
    return "".join(rf"(?<!\b(?:{'|'.join(group)})\.)" for _, group in sorted(widths.items()))


_END = re.compile(r"([.!?][.!?]*" + _not_after_abbreviation() + r"[\"'”’)\]]?)\s+(?=[\"“'(\[]?[A-Z0-9$])")
# Cut points for run-on sentences, in order of preference.
_CLAUSE = re.compile(r";\s+|\s+[-–—]{1,2}\s+|,\s+(?=(?:but|and so|so|and then|whereas|while)\b)")
MAX_SENTENCE = 600   # chars: longer runs are cut at clause boundaries
HARD_LIMIT = 2000    # chars: a run with no usable boundary is cut at whitespace

_TAG = re.compile(r"<[^<>]{0,4000}>")
_DROP_BLOCK = re.compile(r"<(script|style|noscript|svg|head|nav|footer|header|table)\b.*?</\1\s*>|<!--.*?-->",
                         re.IGNORECASE | re.DOTALL)
_BLOCK_END = re.compile(r"</?(p|div|br|li|ul|ol|h[1-6]|tr|section|article|blockquote)\b[^<>]{0,2000}>",
                        re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\f\v\xa0]+")


def decode(data: bytes, name: str = "input") -> str:
    """Bytes to text, refusing binary data and invalid UTF-8 with a message naming the input."""
    return textfile.decode(data, name)


def looks_like_html(text: str) -> bool:
    head = text[:4096].lower()
    return "<html" in head or "<!doctype" in head or "<body" in head or head.count("<div") > 2 \
        or head.count("<p>") > 1


def html_to_text(markup: str) -> str:
    """Visible prose of a web page: scripts, styles, navigation and tables removed.

    Tables are skipped on purpose: their cells are figures and labels, not sentences, and
    splitting them yields fragments that read like statements ("Capital expenditures 1,227").
    """
    body = _DROP_BLOCK.sub(" ", markup)
    body = _BLOCK_END.sub("\n", body)
    body = _TAG.sub(" ", body)
    body = html.unescape(body)
    lines = (_SPACES.sub(" ", line).strip() for line in body.split("\n"))
    return "\n".join(line for line in lines if line)


def prose_lines(text: str) -> str:
    """Keep lines that read as prose (page text copied from a web page keeps menus and table cells).

    A line counts as prose when it has at least six words and ends like a sentence, or is long.
    """
    kept = []
    for line in text.splitlines():
        stripped = line.strip()
        words = stripped.count(" ") + 1
        if words >= 6 and (stripped[-1:] in ".!?:\"”)" or words >= 25):
            kept.append(stripped)
    return "\n".join(kept)


def sentences(text: str) -> Iterator[str]:
    """Split text into sentences; paragraphs (newlines) always end a sentence."""
    for begin, end in sentence_spans(text):
        yield text[begin:end]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text`, stripped of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n"):
        ends = [(m.end(1), m.end()) for m in _END.finditer(paragraph)]
        start = _strip(paragraph, 0, len(paragraph))[0]
        for end, resume in ends:
            if end - start <= MAX_SENTENCE:  # the common case: already stripped on both sides
                spans.append((offset + start, offset + end))
            else:
                spans.extend(_bounded(paragraph, offset, start, end))
            start = resume
        spans.extend(_bounded(paragraph, offset, start, len(paragraph)))
        offset += len(paragraph) + 1
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _bounded(paragraph: str, offset: int, start: int, end: int) -> Iterator[tuple[int, int]]:
    start, end = _strip(paragraph, start, end)
    if start >= end:
        return
    if end - start <= MAX_SENTENCE:
        yield offset + start, offset + end
        return
    piece = start
    for match in _CLAUSE.finditer(paragraph, start, end):
        if match.start() - piece >= 80:  # avoid slivers
            yield from _hard_cut(paragraph, offset, piece, match.start())
            piece = match.end()
    yield from _hard_cut(paragraph, offset, piece, end)


def _hard_cut(paragraph: str, offset: int, start: int, end: int) -> Iterator[tuple[int, int]]:
    start, end = _strip(paragraph, start, end)
    while end - start > HARD_LIMIT:
        cut = paragraph.rfind(" ", start + HARD_LIMIT // 2, start + HARD_LIMIT)
        cut = cut if cut > 0 else start + HARD_LIMIT
        yield offset + start, offset + cut
        start, end = _strip(paragraph, cut, end)
    if start < end:
        yield offset + start, offset + end


def document_text(text: str, kind: str) -> str:
    """The prose of a document of the given kind (transcript | release | text)."""
    if looks_like_html(text):
        text = html_to_text(text)
    if kind == "release":  # web pages keep menus and table cells as short lines: keep prose only
        return prose_lines(text)
    return text
