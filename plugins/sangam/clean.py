"""Stage 2, clean: a decoded document -> a Source with body text, title and metadata.

Every non-blank line is judged by what it is, not by a list of strings from our
corpora: its script, length, stop-word density, repetition on the page, its
position relative to the article body, separators that mark a menu, and whether
it shares words with the article. Word tables (stop words, "also read" openings,
credit patterns, month names) are data files, used as one signal among several.
Lines that are dropped are recorded with the reason, so nothing is lost silently.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from . import tables
from .dates import find_dates, is_date_only
from .model import DroppedLine, RawDocument, Source
from .script import fold, indic_share, is_blank, tokens

_URL = re.compile(r"https?://[^\s<>\"'()]+", re.IGNORECASE)
_LABELLED_URL = re.compile(r"^\(?\s*(?P<label>[^:：]{1,30}?)\s*[:：-]\s*(?P<url>https?://\S+?)\s*\)?\s*[|।.]?\s*$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[।॥.!?|…]['\"”’)\]]*\s*$|[\"”’]\s*$")
_MENU_SEPARATORS = re.compile(r"\s[|•»·/]\s")
_PLACEHOLDER = re.compile(r"^[\[{(<][^\s]{1,40}[\]})>]$")
_DATELINE = re.compile(
    r"^(?P<place>[^\s:।,|()\"“”‘’]{2,20}(?: [^\s:।,|()\"“”‘’]{2,20})?)(?: ?\((?P<agency>[^)]{1,20})\))?\s*(?:[:।|]|\s[-–—])\s+(?P<rest>.+)$"
)
_LABEL_PREFIX = re.compile(r"^(?P<label>[^:：]{1,40}?)\s*[:：–-]\s*(?P<rest>.*)$")

# A line this long, in the article's script, is prose whatever else it looks like.
PROSE_TOKENS = 12
SHORT_TOKENS = 4


@dataclass
class _Line:
    number: int
    text: str
    words: list[str]  # folded tokens
    indic: float
    sentence_end: bool

    @property
    def size(self) -> int:
        return len(self.words)


def _content_words(words: list[str]) -> set[str]:
    stop = tables.stopwords()
    return {w for w in words if w not in stop and len(w) > 1 and not w.isdigit()}


def _stopword_share(words: list[str]) -> float:
    if not words:
        return 0.0
    stop = tables.stopwords()
    return sum(1 for w in words if w in stop) / len(words)


def _readmore(line: _Line) -> bool:
    folded = fold(line.text).strip()
    for prefix in tables.folded_prefixes("readmore-prefixes.txt"):
        if folded.startswith(prefix):
            rest = folded[len(prefix) :].lstrip()
            if not rest or rest[0] in ":：-–—»>|":
                return True
    return False


def _credit(text: str) -> bool:
    return any(pattern.search(text) for pattern in tables.regexes("credit-patterns.txt"))


def _menu(line: _Line) -> bool:
    parts = [p for p in re.split(r"\s[|•»·/]\s", line.text) if p.strip()]
    return len(parts) >= 3 and all(len(p.split()) <= 3 for p in parts)


def _published_label(text: str) -> bool:
    folded = fold(text)
    return any(folded.startswith(label) for label in tables.folded_prefixes("published-labels.txt"))


def _updated_label(text: str) -> bool:
    folded = fold(text)
    return any(folded.startswith(label) for label in tables.folded_prefixes("updated-labels.txt"))


def _headline_like(line: _Line, shared: float) -> bool:
    """A headline: one short sentence in the article's script, sharing words with the story."""
    if line.indic < 0.3 or not 2 <= line.size <= 45:
        return False
    text = line.text.rstrip()
    if text.endswith(("|", ",", ":")) or "।" in text[:-1]:
        return False
    if line.sentence_end and line.size > 18:
        return False  # a long sentence with a full stop is the lead, not a headline
    if line.size <= SHORT_TOKENS and shared == 0:
        return False  # short and unrelated to the story: a label or a menu item
    return True


def _same_stem(a: str, b: str, prefix: int = 4, infix: int = 5) -> bool:
    """Two folded words share a stem: a common opening of ``prefix`` code points, or a
    common run of ``infix`` code points anywhere (derivations add a prefix vowel)."""
    if a == b:
        return True
    if len(a) >= prefix and len(b) >= prefix and a[:prefix] == b[:prefix]:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < infix:
        return False
    return any(short[i : i + infix] in long_ for i in range(len(short) - infix + 1))


def _chrome_share(line: _Line) -> float:
    words = [w for w in line.words if not w.isdigit()]
    if not words:
        return 1.0 if line.size else 0.0
    chrome = tables.word_set("chrome-words.txt")
    return sum(1 for w in words if w in chrome) / len(words)


def page_chrome(documents: Iterable[RawDocument], min_documents: int = 4) -> frozenset[str]:
    """Short lines without digits that recur in many documents: an outlet's template.

    Works for outlets nobody has listed, once a few of their pages are in the corpus.
    """
    seen: Counter[str] = Counter()
    for document in documents:
        lines = {raw.strip() for raw in document.lines}
        seen.update(
            line for line in lines
            if line and len(line.split()) <= SHORT_TOKENS and not any(c.isdigit() for c in line)
        )
    return frozenset(line for line, count in seen.items() if count >= min_documents)


def outlet_from_url(url: str | None) -> str | None:
    """The outlet's host name (``www.`` dropped) when the page names no outlet itself."""
    if not url:
        return None
    from urllib.parse import urlsplit

    try:
        host = (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return None
    host = host.removeprefix("www.").removeprefix("m.")
    return host if "." in host else None


def clean(document: RawDocument, page_chrome: frozenset[str] = frozenset()) -> Source:
    header = document.header
    lang = header["lang"]
    dropped: list[DroppedLine] = []
    url: str | None = None
    credits: list[str] = []
    published: str | None = None
    provenance: str | None = None
    partial: list[str] = []
    seen: str | None = None
    seen_provenance: str | None = None
    label_line: _Line | None = None

    lines: list[_Line] = []
    for offset, raw in enumerate(document.lines):
        text = raw.strip()
        if is_blank(text):
            continue
        words = [fold(w) for w in tokens(text)]
        lines.append(_Line(document.first_line + offset, text, words, indic_share(text), bool(_SENTENCE_END.search(text))))

    counts = Counter(line.text for line in lines)

    def drop(line: _Line, reason: str) -> None:
        dropped.append(DroppedLine(line.number, line.text, reason))

    undecided: list[_Line] = []
    for line in lines:
        labelled = _LABELLED_URL.match(line.text)
        if labelled or _URL.fullmatch(line.text):
            found = labelled["url"] if labelled else line.text
            found = found.rstrip(".,|।)")
            if url is None:
                url = found
                drop(line, "source URL (moved to metadata)")
            else:
                drop(line, "another URL")
            continue
        if _credit(line.text):
            credits.append(line.text)
            drop(line, "credit (moved to metadata)")
            continue
        if _published_label(line.text) and find_dates(line.text):
            date = next((d for d in find_dates(line.text) if d.iso), None)
            if date and published is None:
                published, provenance = date.iso, f"stated on line {line.number}: {line.text!r}"
            drop(line, "publication date (moved to metadata)")
            label_line = None
            continue
        if _updated_label(line.text) and find_dates(line.text) and line.size <= 12:
            drop(line, "last-updated stamp (not the publication date)")
            continue
        if is_date_only(line.text):
            date = next((d for d in find_dates(line.text) if d.iso), None)
            if label_line is not None and line.number - label_line.number <= 2:
                # "Published" on one line, the date on the next: a stated publication date.
                if date and published is None:
                    published = date.iso
                    provenance = f"stated on lines {label_line.number}-{line.number}: {label_line.text!r} {line.text!r}"
                drop(line, "publication date (moved to metadata)")
            else:
                if date and seen is None:
                    seen, seen_provenance = date.iso, f"page date on line {line.number}: {line.text!r} (not the publication date)"
                drop(line, "page date (the day the page was shown, not the publication date)")
            label_line = None
            continue
        if _published_label(line.text) and len(line.words) <= 3:
            label_line = line  # the date may follow on the next line
            drop(line, "publication-date label")
            continue
        if _readmore(line):
            drop(line, "link to another story")
            continue
        if _PLACEHOLDER.match(line.text):
            drop(line, "template placeholder")
            continue
        if line.indic < 0.4 and not (line.indic > 0.15 and _stopword_share(line.words) > 0):
            drop(line, "not in the article's script (menu, caption or widget)")
            continue
        if line.size <= SHORT_TOKENS + 1 and _chrome_share(line) >= 0.5:
            drop(line, "site interface words (share, follow, comments, sections)")
            continue
        if line.text in page_chrome:
            drop(line, "short line repeated across many pages (site template)")
            continue
        if counts[line.text] > 1 and line.size < PROSE_TOKENS * 2:
            drop(line, "repeated on the page")
            continue
        if _menu(line):
            drop(line, "navigation menu")
            continue
        undecided.append(line)

    # The body core: lines that read as prose in the article's script.
    def prose(line: _Line) -> bool:
        if line.size >= PROSE_TOKENS:
            return True
        return line.sentence_end and line.size >= 3 and _stopword_share(line.words) > 0

    core = [line for line in undecided if prose(line)]
    core_ids = {id(line) for line in core}
    vocabulary: Counter[str] = Counter()  # content word -> number of body lines holding it
    for line in core:
        vocabulary.update(_content_words(line.words))

    def overlap(line: _Line) -> float:
        words = _content_words(line.words)
        if not words:
            return 0.0
        own = 1 if id(line) in core_ids else 0  # a body line must share words with other lines
        shared = sum(1 for w in words if vocabulary[w] - own > 0)
        return shared / len(words)

    def related(line: _Line) -> float:
        """Overlap that also counts shared stems: inflected or derived forms of a story word
        (``ઈતિહાસનો``/``ઈતિહાસના``, ``इतिहास``/``ऐतिहासिक``). Only for short lines."""
        words = _content_words(line.words)
        if not words:
            return 0.0
        own = 1 if id(line) in core_ids else 0
        shared = 0
        for word in words:
            if vocabulary[word] - own > 0 or (len(word) >= 4 and any(_same_stem(word, other) for other in vocabulary)):
                shared += 1
        return shared / len(words)

    title_line: _Line | None = None
    title_text: str | None = header.get("title", "").strip() or None
    body_start = 0
    if title_text is None:
        # The headline is the first line of the article proper: page chrome above it is
        # short and unrelated to the story; a long or multi-sentence first line is a lead.
        for index, line in enumerate(undecided):
            if _headline_like(line, related(line) if line.size <= SHORT_TOKENS else overlap(line)):
                title_line, title_text, body_start = line, line.text, index + 1
                break
            if prose(line) or line.size > SHORT_TOKENS:
                body_start = index
                break
        else:
            body_start = len(undecided)
    for line in undecided[:body_start]:
        if line is not title_line:
            drop(line, "page header (above the article, not its headline)")

    kept = [line for line in undecided[body_start:]]
    last_body = max((line.number for line in kept if id(line) in core_ids), default=None)
    # The line right under the last paragraph, with nothing removed in between, is the
    # article's closing or signature line ("X is the director of Y") when it is a phrase of
    # the article's language (stop words) tied to the story: keep it rather than lose text.
    position = {id(line): index for index, line in enumerate(lines)}
    closing: _Line | None = None
    if last_body is not None:
        last_index = next(position[id(line)] for line in kept if line.number == last_body)
        if last_index + 1 < len(lines):
            candidate = lines[last_index + 1]
            if (
                any(candidate is line for line in kept)
                and candidate.size > SHORT_TOKENS
                and _stopword_share(candidate.words) > 0
                and related(candidate) > 0
            ):
                closing = candidate
    body: list[str] = []
    for line in kept:
        if id(line) in core_ids or line is closing:
            body.append(line.text)
            continue
        after = last_body is not None and line.number > last_body
        shares = overlap(line)
        if not core:
            body.append(line.text)  # nothing to judge against: keep rather than lose text
        elif after and ((line.size <= SHORT_TOKENS and shares < 0.5) or (not line.sentence_end and shares < 0.2)):
            drop(line, "page footer or headline of another story")
        elif line.size <= SHORT_TOKENS and shares == 0:
            drop(line, "short line unrelated to the article (widget, counter or label)")
        else:
            body.append(line.text)

    dateline = None
    if body:
        match = _DATELINE.match(body[0])
        if match and len(match["rest"].split()) >= 6 and not _content_words([fold(match["place"])]) <= tables.stopwords():
            place = match["place"]
            if indic_share(place) > 0.5 and not set(fold(place).split()) & tables.stopwords():
                dateline = place
                body[0] = match["rest"]

    if header.get("date"):
        header_dates = [d for d in find_dates(header["date"]) if d.iso]
        if header_dates:
            published, provenance = header_dates[0].iso, header.get("date_provenance") or f"metadata header: date: {header['date']}"
    for paragraph in body:
        for found in find_dates(paragraph):
            if found.iso is None and found.day is not None:
                partial.append(found.text)

    if header.get("url"):
        url = header["url"].strip() or url
    outlet = header.get("outlet", "").strip() or outlet_from_url(url)

    return Source(
        path=document.path,
        sha256=document.sha256,
        lang=lang,
        title=title_text,
        text=body,
        url=url,
        outlet=outlet,
        published=published,
        date_provenance=provenance,
        partial_dates=partial,
        seen=seen,
        seen_provenance=seen_provenance,
        dateline=dateline,
        credits=credits,
        dropped=dropped,
        duplicates=list(document.duplicates),
    )
