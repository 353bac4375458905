"""Static search in any script: Pagefind over the event and name pages.

One Pagefind index (``force_language``) is built by every build: the event and name
pages go to a Pagefind service process as Pelican writes them (``LiveIndex``), and the
bundle is built while the other pages are written (``finalized`` waits for it).
Pagefind is sent only what it would index of a page (``indexed_html``: the page's head and
its ``data-pagefind-body`` elements; the bundle is byte for byte the same, the pipe carries
half as much and Pagefind works 5% less).
It holds a whole index in memory (about 30 times the HTML it was sent), so a large site
is indexed in *shards* of at most ``SANGAM_SEARCH_SHARD_BYTES`` of that HTML, one service
process after another: the first shard is the bundle the search page loads, the others
lie in ``shards/2/``, ``shards/3/`` ... inside it, listed in ``sangam-shards.json``, and
the browser merges them (Pagefind's ``mergeIndex``).
Cross-script matching does not rely on Pagefind: every event and name page carries
a hidden, indexed block (``_search_terms.html``) holding one *search key* per word of
its text, and the browser (``theme/static/js/search-key.js``) turns the reader's query
into the same keys before calling ``pagefind.search``. Only the keys are indexed, each at
most ``SANGAM_SEARCH_KEY_REPEATS`` times a page; the start of each source's text goes
along as metadata (``text``), unindexed, for the result snippets.

A search key is a phonetic skeleton written in Devanagari letters:

* Gujarati is mapped to Devanagari (code point - 0x180);
* vowel signs, virama, nukta, visarga and zero-width joiners are dropped
  (``लावरोव``, ``લાવરૉવ``, ``लावरॉव`` -> ``लवरव``), so candra vowels, Gujarati case
  endings made of vowel signs (``લાવરૉવે``) and matra spelling variants vanish;
* anusvara, candrabindu and a nasal + virama before a consonant are one ``न``
  (``मुंबई``/``मुम्बई``);
* aspirated, retroflex and sibilant variants fold together (``ट ठ त थ`` -> ``त``,
  ``श ष स`` -> ``स``), independent vowels fold long onto short;
* a doubled consonant (``अल्लाह``, ``Allah``) is written once.

Latin words (``Lavrov``, ``Sergey``, ``KCNA``) are first written in Devanagari by
a small rule set (``latin_to_devanagari``), so English spellings land on the
same key as the Hindi and Gujarati ones. The JS port must stay identical:
``tests/test_search_browser.py`` checks both on the same words.
"""

from __future__ import annotations

import base64
import json
import logging
import queue
import re
import shutil
import threading
import unicodedata
from functools import lru_cache
from pathlib import Path

from .pagefind_service import PagefindIndex

log = logging.getLogger(__name__)

DEFAULTS = {
    "SANGAM_SEARCH": True,
    # One index for the whole site. Gujarati has no stemmer in Pagefind: keys are matched as written
    # (plus Pagefind's prefix matching), the same for every script.
    "SANGAM_SEARCH_LANGUAGE": "gu",
    "SANGAM_SEARCH_BUNDLE": "pagefind",
    # Indexed HTML per shard (see above; 0: one index): Pagefind's peak memory is about 30 times this.
    "SANGAM_SEARCH_SHARD_BYTES": 44_000_000,
    # A page's search keys: each at most this many times (0: every one). Ranking saturates long
    # before (BM25); Pagefind's time and memory grow with every word it indexes.
    "SANGAM_SEARCH_KEY_REPEATS": 3,
    # Words of the original text kept for the result snippets, per source and per page. The text
    # rides in each page's fragment: the whole of it made Pagefind's work twice what it is now.
    "SANGAM_SEARCH_SNIPPET_WORDS_PER_SOURCE": 60,
    "SANGAM_SEARCH_SNIPPET_WORDS": 400,
}
SHARDS_FILE = "sangam-shards.json"  # in the bundle: the other shards' folders, relative to it

ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)

# Devanagari code point -> key character ("" drops it). Gujarati arrives here shifted by -0x180.
_KEY: dict[int, str] = {}


def _set(chars: str, value: str) -> None:
    for char in chars:
        _KEY[ord(char)] = value


# Dropped: candrabindu/anusvara handled apart; visarga, nukta, avagraha, vowel signs, virama, stress marks.
for _cp in list(range(0x093A, 0x0950)) + list(range(0x0951, 0x0958)) + [0x0903, 0x0962, 0x0963, 0x093D]:
    _KEY[_cp] = ""
_set("\u0901\u0902", "न")  # candrabindu, anusvara
_set("ऄअआॲ", "अ")
_set("इईऍऎएऐ", "इ")  # front vowels are one class (Choe = चोई = चोए)
_set("उऊऑऒओऔ", "उ")  # back rounded vowels are one class
_set("ऋॠ", "र")
_set("ऌॡ", "ल")
_set("कख\u0958\u0959", "क")
_set("गघ\u095a", "ग")
_set("ङञणनऩ", "न")
_set("चछ", "च")
_set("जझ\u095b", "ज")
_set("टठतथ", "त")
_set("डढदध\u095c\u095d", "द")
_set("पफ\u095e", "प")
_set("बभ", "ब")
_set("म", "म")
_set("य\u095f", "य")
_set("रऱ", "र")
_set("लळऴ", "ल")
_set("व", "व")
_set("शषस", "स")
_set("ह", "ह")
for _i in range(10):
    _KEY[0x0966 + _i] = str(_i)
_KEY[0x093C] = ""  # nukta

_NASALS = set("ङञणनम")
_VIRAMA = "\u094d"
_CONSONANT = re.compile("[\u0915-\u0939\u0958-\u095f]")


def _indic_key(text: str) -> str:
    chars = []
    for char in text:
        cp = ord(char)
        if 0x0A80 <= cp <= 0x0AFF:
            cp -= 0x180
        chars.append(chr(cp))
    out: list[str] = []
    for i, char in enumerate(chars):
        before = chars[i - 1] if i else ""
        if char in _NASALS and i + 2 < len(chars) and chars[i + 1] == _VIRAMA and _CONSONANT.match(chars[i + 2]):
            value = "न"  # nasal + virama before a consonant is written as anusvara too
        elif char == "य" and i == len(chars) - 1 and 0x093E <= ord(before or "\0") <= 0x094C:
            value = "इ"  # a final ya after a vowel sign is a vowel (ચોય = चोई)
        else:
            value = _KEY.get(ord(char), "")
        # A doubled consonant (geminate: X + virama + X, or anusvara + nasal) is written once.
        if value and out and value == out[-1] and (before == _VIRAMA or before in "\u0901\u0902"):
            continue
        if value:
            out.append(value)
    return "".join(out)


# Latin -> Devanagari, for English spellings of names. Longest match first.
_LATIN_CONSONANTS = {
    "chh": "छ", "sch": "श", "tch": "च",
    "kh": "ख", "gh": "घ", "ch": "च", "jh": "झ", "th": "थ", "dh": "ध", "ph": "फ", "bh": "भ",
    "sh": "श", "zh": "ज", "ck": "क", "qu": "कव",
    "b": "ब", "c": "क", "d": "द", "f": "फ", "g": "ग", "h": "ह", "j": "ज", "k": "क", "l": "ल",
    "m": "म", "n": "न", "p": "प", "q": "क", "r": "र", "s": "स", "t": "त", "v": "व", "w": "व",
    "x": "कस", "y": "य", "z": "ज",
}
_LATIN_VOWELS = {"aa": "आ", "ee": "ई", "oo": "ऊ", "a": "अ", "e": "ए", "i": "इ", "o": "ओ", "u": "उ"}
_VOWEL_LETTERS = set("aeiou")
LETTER_NAMES = {
    "a": "ए", "b": "बी", "c": "सी", "d": "डी", "e": "ई", "f": "एफ", "g": "जी", "h": "एच", "i": "आई",
    "j": "जे", "k": "के", "l": "एल", "m": "एम", "n": "एन", "o": "ओ", "p": "पी", "q": "क्यू", "r": "आर",
    "s": "एस", "t": "टी", "u": "यू", "v": "वी", "w": "डब्ल्यू", "x": "एक्स", "y": "वाई", "z": "जेड",
}
_MARK = "\u0001"  # stands for a vowel sign: dropped by the key anyway


def latin_to_devanagari(word: str) -> str:
    """``lavrov`` -> ``लवरव``-like Devanagari (vowel signs left out, they never reach a key)."""
    w = word.lower()
    out: list[str] = []
    i = 0
    prev = "start"  # start, vowel, consonant
    while i < len(w):
        # "y" after a vowel and not before one is a vowel (Sergey = Sergei); final after a consonant, a vowel sign.
        if w[i] == "y" and prev == "vowel" and (i + 1 == len(w) or w[i + 1] not in _VOWEL_LETTERS):
            out.append("इ")
            i += 1
            continue
        if w[i] == "y" and prev == "consonant" and i + 1 == len(w):
            out.append(_MARK)
            prev = "vowel"
            i += 1
            continue
        for size in (3, 2, 1):
            chunk = w[i : i + size]
            if len(chunk) < size:
                continue
            if chunk in _LATIN_VOWELS:
                out.append(_MARK if prev == "consonant" else _LATIN_VOWELS[chunk])
                prev = "vowel"
                break
            if chunk in _LATIN_CONSONANTS:
                if prev == "consonant":
                    out.append(_VIRAMA)  # no vowel between: a cluster (or a geminate, written once)
                letter = _LATIN_CONSONANTS[chunk]
                if chunk == "c" and w[i + 1 : i + 2] in ("e", "i", "y"):
                    letter = "स"
                nxt = w[i + size : i + size + 1]
                if chunk in ("n", "m") and prev == "vowel" and nxt and nxt not in _VOWEL_LETTERS and nxt != "y":
                    letter = "\u0902"  # nasal before a consonant: anusvara
                out.append(letter)
                prev = "nasal" if letter == "\u0902" else "consonant"
                break
        else:
            out.append(w[i] if w[i].isdigit() else "")
            prev = "start"
            size = 1
        i += size
    return "".join(out).replace(_MARK, "")


# Consonant pairs that open English spellings of names; any other pair opens an acronym (KCNA, BJP).
_ONSETS = set(
    "sh ch th kh ph bh gh dh jh zh tr pr br kr gr dr st sp sk sm sn sl sw pl bl kl gl fl fr py ky my ny "
    "tw kw dw vl sv sc sr wr".split()
)


def _is_acronym(run: str) -> bool:
    lower = run.lower()
    if not 2 <= len(lower) <= 5:
        return False
    if not re.search("[aeiouy]", lower):
        return True
    return lower[0] not in "aeiouy" and lower[1] not in "aeiouy" and lower[:2] not in _ONSETS


def _latin_variants(run: str) -> list[str]:
    spelled = "".join(LETTER_NAMES.get(c, "") for c in run.lower())
    plain = latin_to_devanagari(run)
    if _is_acronym(run):
        return [spelled, plain]
    return [plain]


_RUN = re.compile(r"[A-Za-z]+|[0-9]+|[^A-Za-z0-9]+")


def key_variants(word: str) -> list[str]:
    """Every search key of one word (more than one only for Latin acronyms)."""
    return list(_key_variants(word))


# Every word of every event page is keyed when the page is rendered: the same few hundred
# thousand distinct words over and over (733,000 calls at 1,000 sources, 40 s uncached).
@lru_cache(maxsize=1 << 19)
def _key_variants(word: str) -> tuple[str, ...]:
    text = unicodedata.normalize("NFC", word).translate(ZERO_WIDTH)
    # Latin letters with accents lose them.
    text = unicodedata.normalize("NFC", re.sub("[\u0300-\u036f]", "", unicodedata.normalize("NFD", text)))
    keys = [""]
    for run in _RUN.findall(text):
        if run.isascii() and run.isalpha():
            options = [_indic_key(v) for v in _latin_variants(run)]
        elif run.isascii():
            options = [run] if run.isdigit() else [""]
        else:
            options = [_indic_key(run)]
        keys = [k + o for k in keys for o in options][:4]
    out = []
    for k in keys:
        if k and k not in out:
            out.append(k)
    return tuple(out)


def search_key(word: str) -> str:
    variants = _key_variants(word)
    return variants[0] if variants else ""


_WORD = re.compile(r"[\w\u0900-\u097f\u0a80-\u0aff\u200c\u200d]+")


def words(text: str) -> list[str]:
    """Words as the browser splits a query: letters, digits and Indic marks; hyphens split."""
    return _WORD.findall(text or "")


def search_keys(text: str, repeats: int = 0) -> str:
    """All keys of a text, space-separated, one or more per word, in text order; with
    ``repeats``, each key at most that many times (Jinja filter ``search_keys``)."""
    out: list[str] = []
    for word in words(unicodedata.normalize("NFC", text or "")):
        out.extend(_key_variants(word))
    if repeats > 0:
        seen: dict[str, int] = {}
        kept = []
        for key in out:
            seen[key] = seen.get(key, 0) + 1
            if seen[key] <= repeats:
                kept.append(key)
        out = kept
    return " ".join(out)


def first_words(text: str, count: int) -> str:
    """The first ``count`` whitespace-separated words of a text (Jinja filter ``first_words``)."""
    return " ".join((text or "").split()[: max(count, 0)])


def configure(pelican) -> None:
    """``initialized``: settings, the Jinja filter and the search page."""
    settings = pelican.settings
    for name, value in DEFAULTS.items():
        settings.setdefault(name, value)
    filters = dict(settings.get("JINJA_FILTERS") or {})
    repeats = int(settings["SANGAM_SEARCH_KEY_REPEATS"])
    filters.setdefault("search_keys", lambda text: search_keys(text, repeats))
    filters.setdefault("first_words", first_words)
    settings["JINJA_FILTERS"] = filters
    templates = list(settings.get("DIRECT_TEMPLATES") or [])
    if settings["SANGAM_SEARCH"] and "search" not in templates:
        templates.append("search")
    settings["DIRECT_TEMPLATES"] = templates


# Only event and name pages are searchable (and, inside them, only the data-pagefind-body block).
INDEXED_FOLDERS = ("events", "names")

_BODY_OPEN = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*\sdata-pagefind-body\b[^>]*>")
_HEAD_END = re.compile(r"<body\b", re.IGNORECASE)


@lru_cache(maxsize=16)
def _tag_pattern(tag: str) -> re.Pattern:
    return re.compile(rf"<(/?){tag}\b[^>]*>", re.IGNORECASE)


def indexed_html(html: str) -> str:
    """What Pagefind indexes of a page, as a page: the head (title, language) and every
    ``data-pagefind-body`` element, whole. The page as it is when it has none (Pagefind then
    indexes all of it), or when an element's end cannot be found by counting its tag."""
    head = _HEAD_END.search(html)
    if head is None:
        return html
    parts, position = [], head.start()
    while (opening := _BODY_OPEN.search(html, position)) is not None:
        tag = opening.group(1)
        depth, end = 1, None
        for match in _tag_pattern(tag.lower()).finditer(html, opening.end()):
            depth += -1 if match.group(1) else 1
            if depth == 0:
                end = match.end()
                break
        if end is None:
            return html
        parts.append(html[opening.start():end])
        position = end
    if not parts:
        return html
    return html[: head.start()] + "<body>" + "\n".join(parts) + "</body></html>"


class LiveIndex:
    """Pagefind fed while Pelican writes, so that it works on the second core during render.

    Pages go to the service from a thread, one at a time in the order Pelican writes them
    (deterministic: the same input gives the same order, hence the same bundle). A shard is
    closed, written and its service stopped before a page would take it past ``shard_bytes``
    (0: one index whatever the size). ``seal``, once the last event and name page is
    written, lets the thread write the last shard while the other pages render; ``finish``
    waits for it.
    """

    _SEAL = object()

    def __init__(self, site: Path, language: str, bundle: str, shard_bytes: int = 0) -> None:
        self.site = Path(site).resolve()
        self.bundle = bundle
        self.language = language
        self.shard_bytes = shard_bytes
        self.pages = 0
        self.shards: list[str] = []  # the written shards' folders, relative to the bundle ("" first)
        self.sealed = False
        self.late: list[Path] = []  # indexed pages written after the seal (then the site is indexed again)
        self._error: BaseException | None = None
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._index: PagefindIndex | None = None
        self._index_bytes = 0
        self._thread = threading.Thread(target=self._feed, name="sangam-pagefind", daemon=True)
        self._thread.start()

    def offer(self, path: str | Path) -> None:
        """Queue a written file if it is an event or name page."""
        path = Path(path).resolve()
        if path.suffix == ".html" and path.parent.parent == self.site and path.parent.name in INDEXED_FOLDERS:
            if self.sealed:
                self.late.append(path)
            else:
                self._queue.put(path)

    def seal(self) -> None:
        """No more event or name pages: build and write the last shard in the background."""
        if not self.sealed:
            self.sealed = True
            self._queue.put(self._SEAL)

    def _feed(self) -> None:
        try:
            target = self.site / self.bundle
            if target.is_dir():  # Pagefind never removes the fragments of a previous build
                shutil.rmtree(target)
            while (path := self._queue.get()) is not self._SEAL:
                html = indexed_html(path.read_text(encoding="utf-8"))
                size = len(html.encode("utf-8"))
                if self._index is not None and self.shard_bytes and self._index_bytes + size > self.shard_bytes:
                    self._write_shard()
                if self._index is None:
                    self._open_shard()
                self._index.add_html_file(html, "/" + path.relative_to(self.site).as_posix())
                self._index_bytes += size
                self.pages += 1
            if self._index is None:  # no page at all: still a (empty) bundle for the search page
                self._open_shard()
            self._write_shard()
            others = [folder for folder in self.shards if folder]
            (target / SHARDS_FILE).write_text(json.dumps({"shards": others}) + "\n", encoding="utf-8")
        except BaseException as error:  # noqa: BLE001 - raised again by finish() in the main thread
            self._error = error
        finally:
            if self._index is not None:
                self._index.__exit__(None, None, None)

    def _open_shard(self) -> None:
        self._index = PagefindIndex({"force_language": self.language}).__enter__()
        self._index_bytes = 0

    def _write_shard(self) -> None:
        folder = f"shards/{len(self.shards) + 1}/" if self.shards else ""
        write_bundle(self.site / self.bundle / folder, self._index.get_files())
        self._index.__exit__(None, None, None)  # the service's memory goes with it
        self._index = None
        self.shards.append(folder)

    def finish(self) -> dict:
        self.seal()
        self._thread.join()
        if self._error is not None:
            raise self._error
        return {"pages": self.pages, "shards": len(self.shards)}

    def abandon(self) -> None:
        self.seal()
        self._thread.join()


def _index(site: Path, language: str, bundle: str, shard_bytes: int) -> dict:
    """Index an already written site: every event and name page, in sorted order."""
    pages = sorted(
        path for folder in INDEXED_FOLDERS for path in (site / folder).glob("*.html") if path.is_file()
    )
    live = LiveIndex(site, language, bundle, shard_bytes)
    for path in pages:
        live.offer(path)
    return live.finish()


def write_bundle(target: Path, files: list[dict]) -> None:
    """Write a bundle ourselves: the service answers WriteFiles before its last writes reach
    the disk, and a service stopped at once can leave a file cut short."""
    for file in files:
        path = target / file["path"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(file["content"]))


def build_index(site: Path, language: str = "gu", bundle: str = "pagefind", shard_bytes: int = 0) -> dict:
    """Index the written site (only pages with ``data-pagefind-body``) into ``site/bundle``."""
    site = Path(site).resolve()
    return bundle_stats(site / bundle, _index(site, language, bundle, shard_bytes))


def bundle_stats(target: Path, stats: dict) -> dict:
    files = [p for p in target.rglob("*") if p.is_file()]
    return dict(stats, bundle_files=len(files), bundle_bytes=sum(p.stat().st_size for p in files))


def _index_settings(settings: dict) -> tuple[str, str, int]:
    """(language, bundle folder, shard size) for ``LiveIndex`` and ``build_index``."""
    return settings["SANGAM_SEARCH_LANGUAGE"], settings["SANGAM_SEARCH_BUNDLE"], int(settings["SANGAM_SEARCH_SHARD_BYTES"])


# The index being fed during this build's writing (None when search is off or between builds).
_LIVE: LiveIndex | None = None


def start_index(generators) -> None:
    """``all_generators_finalized`` (just before writing): start the Pagefind service."""
    global _LIVE
    if _LIVE is not None:  # a previous build (autoreload) failed before ``finalized``
        _LIVE.abandon()
        _LIVE = None
    if not generators or not generators[0].settings.get("SANGAM_SEARCH", True):
        return
    _LIVE = LiveIndex(Path(generators[0].output_path), *_index_settings(generators[0].settings))


def page_written(path, context=None, **kwargs) -> None:
    """``content_written``: hand an event or name page to the index as soon as it is on disk."""
    if _LIVE is not None:
        _LIVE.offer(path)


def indexed_pages_written() -> None:
    """Called once every event and name page is written: the bundle is built while the rest renders."""
    if _LIVE is not None:
        _LIVE.seal()


def finalized(pelican) -> None:
    """``finalized``: wait for the indexing to end and write the bundle."""
    global _LIVE
    settings = pelican.settings
    live, _LIVE = _LIVE, None
    if not settings.get("SANGAM_SEARCH", True):
        if live is not None:
            live.abandon()
        return
    site = Path(pelican.output_path).resolve()
    bundle = settings["SANGAM_SEARCH_BUNDLE"]
    if live is not None:
        stats = bundle_stats(site / bundle, live.finish())
    if live is None or live.late:  # not started, or pages came after the seal: index what is on disk
        if live is not None:
            log.warning("sangam: %d event or name pages written after the search index was sealed "
                        "(first: %s); indexing the written site again", len(live.late), live.late[0])
        stats = build_index(site, *_index_settings(settings))
    log.info(
        "sangam: search index: %s pages in %s shards, %d files, %.1f KiB",
        stats.get("pages"),
        stats.get("shards"),
        stats["bundle_files"],
        stats["bundle_bytes"] / 1024,
    )
    if not stats.get("pages"):
        log.warning("sangam: the search index holds no page")
    events = list((site / "events").glob("*.html"))
    if events and not any("data-pagefind-body" in p.read_text(encoding="utf-8") for p in events[:20]):
        log.error('sangam: event pages lack the search block: add {%% include "_search_terms.html" %%} to article.html')


def meta_json(**fields) -> str:
    return json.dumps(fields, ensure_ascii=False, sort_keys=True)
