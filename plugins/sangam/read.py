"""Stage 1, read: bytes on disk -> decoded documents or rejections with a reason.

Pure apart from reading the files it is given. The order of the result does not
depend on the order of the input.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from pathlib import Path

from .model import RawDocument, Rejection
from .script import detect_language, is_blank, nfc

SOURCE_EXTENSIONS = (".txt", ".html", ".htm")

# Pelican-style header keys a source file may start with; they override detection.
HEADER_KEYS = ("url", "outlet", "date", "lang", "title")
_HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z]+)\s*:\s*(?P<value>.*?)\s*$")


def list_source_files(content_dir: Path, sources_dir: str) -> list[Path]:
    """Every regular file under ``content_dir/sources_dir``, sorted by relative path."""
    root = content_dir / sources_dir
    if not root.is_dir():
        return []
    files = [p for p in root.rglob("*") if p.is_file() and not p.name.startswith(".")]
    return sorted(files, key=lambda p: p.relative_to(content_dir).as_posix())


def decode(data: bytes) -> tuple[str | None, str | None]:
    """Return (text, None) or (None, reason)."""
    if not data.strip():
        return None, "empty file" if not data else "empty: the file holds only whitespace"
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec), None
            except UnicodeDecodeError as exc:
                return None, f"{codec} byte-order mark but undecodable bytes at offset {exc.start}"
    if b"\x00" in data[:8192]:
        return None, "binary file (NUL bytes, and no UTF-16 byte-order mark)"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        return None, (
            f"not UTF-8 (invalid byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save it as UTF-8"
        )


def split_header(lines: list[str], keys: tuple[str, ...] = HEADER_KEYS) -> tuple[dict[str, str], int]:
    """Leading ``Key: value`` lines with known keys, ended by a blank line or the first other line."""
    header: dict[str, str] = {}
    index = 0
    while index < len(lines):
        match = _HEADER_LINE.match(lines[index])
        if not match or match["key"].lower() not in keys:
            break
        header[match["key"].lower()] = match["value"]
        index += 1
    if header and index < len(lines) and not lines[index].strip():
        index += 1
    return header, index


# Explicit publication-date fields of a saved page. Only these are trusted: a date guessed
# from the URL, the copyright line or the page text is never a publication date.
_HTML_DATE_XPATHS = (
    ('//meta[@property="article:published_time"]/@content', "<meta property=article:published_time>"),
    ('//meta[@itemprop="datePublished"]/@content', "<meta itemprop=datePublished>"),
    ('//meta[@name="publish-date" or @name="pubdate" or @name="publication_date" or @name="date" or @name="DC.date.issued"]/@content', "<meta name=date>"),
    ('//time[@itemprop="datePublished"]/@datetime', "<time itemprop=datePublished>"),
)
_HTML_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')
_HTML_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "div", "section", "article", "td", "pre", "br", "tr", "header", "footer", "nav", "aside", "main")


def _first(tree, xpath: str) -> str | None:
    for value in tree.xpath(xpath):
        text = " ".join((value.text_content() if hasattr(value, "text_content") else str(value)).split())
        if text:
            return text
    return None


def html_metadata(tree) -> dict[str, str]:
    """Header fields stated in the page's markup: canonical URL, site name, headline,
    language and an explicit publication date (with where it was found)."""
    header: dict[str, str] = {}
    url = _first(tree, '//link[@rel="canonical"]/@href') or _first(tree, '//meta[@property="og:url"]/@content')
    if url and re.match(r"https?://", url, re.IGNORECASE):
        header["url"] = url
    outlet = _first(tree, '//meta[@property="og:site_name"]/@content') or _first(tree, '//meta[@name="application-name"]/@content')
    if outlet:
        header["outlet"] = outlet
    lang = (_first(tree, "/html/@lang") or "").split("-")[0].strip().lower()
    if lang in ("hi", "gu"):
        header["lang"] = lang
    for xpath, where in _HTML_DATE_XPATHS:
        value = _first(tree, xpath)
        if value and _ISO_START.match(value):
            header["date"], header["date_provenance"] = value[:10], f"HTML {where}: {value!r}"
            break
    else:
        for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
            match = _HTML_LD_DATE.search(script)
            if match and _ISO_START.match(match[1]):
                header["date"], header["date_provenance"] = match[1][:10], f"HTML JSON-LD datePublished: {match[1]!r}"
                break
    headline = _first(tree, "//h1") or _first(tree, '//meta[@property="og:title"]/@content')
    if headline:
        for site in filter(None, (outlet,)):
            for sep in (" | ", " - ", " – ", " — ", " :: "):
                if headline.endswith(sep + site):
                    headline = headline[: -len(sep + site)].strip()
        header["html_title"] = headline
    return header


_ISO_START = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _block_lines(tree) -> list[str]:
    """Fallback extraction: the text of every block element of <body>, one per line."""
    from lxml import etree

    body = tree.find("body")
    if body is None:
        body = tree
    for bad in body.xpath("//script|//style|//noscript|//template|//svg"):
        bad.drop_tree()
    for element in body.iter(_HTML_BLOCKS):
        element.tail = "\n" + (element.tail or "")
        if element.text:
            element.text = "\n" + element.text
    text = etree.tostring(body, method="text", encoding="unicode")
    return [" ".join(line.split()) for line in text.split("\n")]


def html_to_lines(html: str) -> tuple[list[str], dict[str, str]]:
    """Main text of a saved article page, one paragraph per line, and the header fields its
    markup states. trafilatura extracts the article; the cleaner still judges every line."""
    import lxml.html
    import trafilatura  # imported lazily: only HTML sources need it

    try:
        tree = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return [], {}
    header = html_metadata(tree)
    text = trafilatura.extract(
        html, include_comments=False, include_tables=False, favor_recall=True, with_metadata=False
    )
    lines = [" ".join(line.split()) for line in (text or "").split("\n")]
    if not any(lines):
        lines = _block_lines(tree)
    title = header.pop("html_title", None)
    lines = [line for line in lines if line]
    if title and (not lines or lines[0] != title):
        lines = [title] + [line for line in lines if line != title]
    return lines, header


def read_document(path: str, data: bytes, max_bytes: int) -> RawDocument | Rejection:
    """Decode one file's bytes into a document, or say why it cannot be used."""
    if len(data) > max_bytes:
        return Rejection(path, f"file is {len(data):,} bytes, over the limit of {max_bytes:,} (SANGAM_MAX_SOURCE_BYTES)")
    text, reason = decode(data)
    if text is None:
        return Rejection(path, reason or "unreadable")
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n")
    is_html = path.lower().endswith((".html", ".htm"))
    lines = text.split("\n")
    header, skip = split_header(lines) if not is_html else ({}, 0)
    body = lines[skip:]
    if is_html:
        body, header = html_to_lines(text)
        if not body:
            return Rejection(path, "HTML page with no extractable article text")
    if all(is_blank(line) for line in body):
        return Rejection(path, "no text after the metadata header")
    lang = header.get("lang", "").strip().lower() or detect_language("\n".join(body))
    if lang not in ("hi", "gu"):
        declared = header.get("lang")
        why = f"declared language {declared!r} is not hi or gu" if declared else "text is neither Hindi nor Gujarati (too little Devanagari or Gujarati script)"
        return Rejection(path, why)
    header["lang"] = lang
    return RawDocument(
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        lines=tuple(body),
        header=header,
        first_line=skip + 1,
    )


def read_all(content_dir: Path, sources_dir: str, max_bytes: int) -> tuple[list[RawDocument], list[Rejection]]:
    """Read every source file; byte-identical copies are kept once and noted under the first path."""
    documents: list[RawDocument] = []
    rejected: list[Rejection] = []
    by_hash: dict[str, int] = {}
    for file in list_source_files(content_dir, sources_dir):
        rel = file.relative_to(content_dir).as_posix()
        if not file.name.lower().endswith(SOURCE_EXTENSIONS):
            rejected.append(Rejection(rel, f"unsupported file type {file.suffix or '(no extension)'!r}; sources are .txt or .html"))
            continue
        try:
            data = file.read_bytes()
        except OSError as exc:
            rejected.append(Rejection(rel, f"cannot be read: {exc.strerror or exc}"))
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest in by_hash:
            original = documents[by_hash[digest]]
            documents[by_hash[digest]] = _with_duplicate(original, rel)
            rejected.append(Rejection(rel, f"byte-identical duplicate of {original.path}"))
            continue
        result = read_document(rel, data, max_bytes)
        if isinstance(result, Rejection):
            rejected.append(result)
        else:
            by_hash[digest] = len(documents)
            documents.append(result)
    return documents, rejected


def _with_duplicate(document: RawDocument, duplicate: str) -> RawDocument:
    return RawDocument(
        path=document.path,
        sha256=document.sha256,
        lines=document.lines,
        header=document.header,
        first_line=document.first_line,
        duplicates=document.duplicates + (duplicate,),
    )
