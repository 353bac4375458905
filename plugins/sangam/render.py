"""Reader-facing extras of the site: outlets, per-language feeds, sitemap, 404, template helpers.

Kept out of ``plugin.py`` so the glue stays thin. Nothing here changes the digest; it only
derives what the theme shows from it.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit
from xml.sax.saxutils import escape as xml_escape

from jinja2 import pass_context
from markupsafe import Markup

from .model import Digest, Event, Source
from .script import script_counts
from .slugs import ascii_slug

LANGS = ("hi", "gu")
LANG_NAMES = {"hi": {"hi": "हिंदी", "gu": "હિન્દી"}, "gu": {"hi": "गुजराती", "gu": "ગુજરાતી"}}
LANG_FEED_DEFAULT = "feeds/{lang}.atom.xml"
SENTENCE_END = re.compile(r"(?<=[।॥.!?])\s+")


# ----------------------------------------------------------------- outlets


@dataclass
class Outlet:
    slug: str
    name: str
    host: str | None = None
    lang: str = "en"  # language tag of the name as written
    sources: list[Source] = field(default_factory=list)
    events: list[str] = field(default_factory=list)  # event ids, digest order (newest first)

    @property
    def page(self) -> str:
        return f"outlets/{self.slug}.html"


UNKNOWN_OUTLET = "unknown"


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


def name_lang(text: str) -> str:
    counts = script_counts(text)
    if counts["gujr"] > counts["deva"] and counts["gujr"] > counts["latn"]:
        return "gu"
    if counts["deva"] > counts["latn"]:
        return "hi"
    return "en"


def outlet_key(source: Source) -> tuple[str, str, str | None]:
    """(slug, display name, host) of the source's outlet; ``unknown`` when neither is stated."""
    host = host_of(source.url)
    name = (source.outlet or "").strip() or host
    if not name:
        return UNKNOWN_OUTLET, "", None
    readable = ascii_slug(host or name, 40)
    if source.outlet and not ascii_slug(source.outlet):
        # Indic outlet name: readable part from the host if any, plus a hash of the name.
        digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:6]
        readable = f"{readable}-{digest}" if readable else f"outlet-{digest}"
    elif source.outlet and host and ascii_slug(source.outlet) != ascii_slug(host):
        readable = ascii_slug(source.outlet, 40)
    return readable or UNKNOWN_OUTLET, name, host


def outlets(digest: Digest) -> dict[str, Outlet]:
    """Outlets by slug, most sources first; every source belongs to exactly one."""
    by_slug: dict[str, Outlet] = {}
    event_of = {path: event.id for event in digest.events for path in event.sources}
    for event in digest.events:
        for path in event.sources:
            source = digest.sources[path]
            slug, name, host = outlet_key(source)
            outlet = by_slug.get(slug)
            if outlet is None:
                outlet = by_slug[slug] = Outlet(slug=slug, name=name, host=host, lang=name_lang(name) if name else "en")
            outlet.sources.append(source)
            if event_of[path] not in outlet.events:
                outlet.events.append(event_of[path])
    return dict(sorted(by_slug.items(), key=lambda kv: (kv[0] == UNKNOWN_OUTLET, -len(kv[1].sources), kv[0])))


# ----------------------------------------------------------------- text helpers


def lead_sentences(text: str, count: int = 2, limit: int = 360) -> str:
    """The first ``count`` sentences of a paragraph, cut at ``limit`` characters on a word boundary."""
    text = (text or "").strip()
    parts = SENTENCE_END.split(text)
    lead = " ".join(parts[:count])
    if len(lead) > limit:
        lead = lead[:limit].rsplit(" ", 1)[0] + " …"
    return lead


def leads(sources: list[Source]) -> dict[str, str]:
    """One short summary per language: the lead sentences of the first source with a lead."""
    out: dict[str, str] = {}
    for source in sources:
        if source.lang not in out and source.lead:
            out[source.lang] = lead_sentences(source.lead)
    return {lang: out[lang] for lang in LANGS if lang in out}


def place_of(event: Event, sources: list[Source], digest: Digest) -> dict[str, str]:
    """Where: the dateline of a source, else the most salient place name (lang -> text)."""
    for source in sources:
        if source.dateline:
            return {source.lang: source.dateline}
    for key in event.names:
        entity = digest.entities.get(key)
        if entity and entity.kind == "place":
            return {"hi": entity.hi, "gu": entity.gu}
    return {}


_BLOCK = re.compile(r"<(p|li|h[1-6]|dt|dd|td|th|blockquote)>(.*?)</\1>", re.S)


def lang_blocks(html: str) -> Markup:
    """Give each plain block of a Markdown page the language of its script (for mixed pages).

    A block with only Gujarati letters gets ``lang="gu"``, only Devanagari ``lang="hi"``; Latin
    blocks keep the page's language (the template gives the page the language of most of its
    text); blocks mixing the two Indic scripts, or with attributes, are left alone.
    """

    def tag(match: re.Match) -> str:
        counts = script_counts(re.sub(r"<[^>]+>", "", match.group(2)))
        if counts["deva"] and counts["gujr"]:
            return match.group(0)
        lang = "gu" if counts["gujr"] else "hi" if counts["deva"] else None
        if lang is None:
            return match.group(0)
        return f'<{match.group(1)} lang="{lang}">{match.group(2)}</{match.group(1)}>'

    return Markup(_BLOCK.sub(tag, str(html or "")))


def is_absolute(url: str | None) -> bool:
    return bool(url) and bool(re.match(r"^[a-z][a-z0-9+.-]*://", url))


@pass_context
def event_jsonld(context, article) -> Markup:
    """schema.org NewsArticle for an event page, safe inside <script type="application/ld+json">."""
    event, sources, digest = article.event, article.event_sources, context["sangam"]
    siteurl = context.get("SITEURL", "")
    titles = [event.title[lang] for lang in LANGS if lang in event.title]
    data: dict = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": titles[0] if titles else event.id,
        "inLanguage": [lang for lang in LANGS if any(s.lang == lang for s in sources)],
        "isAccessibleForFree": True,
    }
    if len(titles) > 1:
        data["alternativeHeadline"] = titles[1:]
    if is_absolute(siteurl):
        data["url"] = f"{siteurl}/{article.url}"
        data["mainEntityOfPage"] = data["url"]
    if event.date:
        data["datePublished"] = event.date
    summary = leads(sources)
    if summary:
        data["description"] = next(iter(summary.values()))
    kinds = {"person": "Person", "place": "Place", "org": "Organization"}
    mentions = []
    for key in event.names[:12]:
        entity = digest.entities.get(key)
        if entity:
            mentions.append(
                {"@type": kinds.get(entity.kind, "Thing"), "name": entity.latin, "alternateName": [entity.hi, entity.gu]}
            )
    if mentions:
        data["mentions"] = mentions
    based_on = [s.url for s in sources if s.url]
    if based_on:
        data["isBasedOn"] = based_on
    data["publisher"] = {"@type": "Organization", "name": context.get("SITENAME", "Sangam")}
    text = json.dumps(data, ensure_ascii=False, indent=None)
    # Nothing in the JSON may close the script element.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def jinja_filters() -> dict:
    return {
        "sangam_lead": lead_sentences,
        "sangam_leads": leads,
        "sangam_outlet": lambda source: outlet_key(source),
        "sangam_jsonld": event_jsonld,
        "sangam_absolute": is_absolute,
        "sangam_lang_of": lambda text: name_lang(text or ""),
        "sangam_lang_blocks": lang_blocks,
    }


def add_jinja_filters(settings: dict) -> None:
    filters = dict(settings.get("JINJA_FILTERS") or {})
    for name, func in jinja_filters().items():
        filters.setdefault(name, func)
    settings["JINJA_FILTERS"] = filters


# ----------------------------------------------------------------- feeds


class FeedItem:
    """What Pelican's Writer.write_feed needs of an item."""

    def __init__(self, title: str, url: str, date: datetime, content: str, summary: str | None = None):
        self.title, self.url, self.date, self._content, self.summary = title, url, date, content, summary
        self.author = "Sangam"

    def get_content(self, siteurl: str) -> str:
        return self._content


def language_feed_items(lang: str, articles: list, digest: Digest) -> list[FeedItem]:
    """Events with at least one source in ``lang``; the headline in that language where there is one."""
    items = []
    for article in articles:
        event = getattr(article, "event", None)
        if event is None:
            continue
        sources = [s for s in article.event_sources if s.lang == lang]
        if not sources:
            continue
        title = event.title.get(lang) or article.title
        paragraphs = [f'<p lang="{lang}">{xml_escape(lead_sentences(sources[0].lead))}</p>'] if sources[0].lead else []
        names = [digest.entities[k] for k in event.names[:8] if k in digest.entities]
        if names:
            paragraphs.append(f'<p lang="{lang}">' + ", ".join(xml_escape(getattr(e, lang)) for e in names) + "</p>")
        paragraphs.append(f"<p>{len(article.event_sources)} · " + ", ".join(
            f"{code}: {sum(1 for s in article.event_sources if s.lang == code)}" for code in LANGS
        ) + "</p>")
        items.append(FeedItem(title, article.url, article.date, "".join(paragraphs)))
    return items


def write_language_feeds(writer, context: dict, settings: dict, digest: Digest) -> list[str]:
    pattern = settings.get("SANGAM_LANG_FEED_ATOM", LANG_FEED_DEFAULT)
    if not pattern:
        return []
    written = []
    articles = context.get("articles", [])
    for lang in LANGS:
        path = pattern.format(lang=lang)
        writer.write_feed(
            language_feed_items(lang, articles, digest), context, path, feed_title=LANG_NAMES[lang][lang]
        )
        written.append(path)
    return written


def relative_feed_links(context, feed) -> None:
    """``feed_generated`` receiver: in relative builds, make a feed's links relative to the feed file.

    Pelican writes ``events/x.html`` into ``feeds/all.atom.xml``, which a reader resolves to
    ``feeds/events/x.html``; and ``/`` as the site link, which is wrong under a sub-path.
    """
    if not context.get("RELATIVE_URLS") or is_absolute(context.get("SITEURL")):
        return
    feed_url = feed.feed.get("feed_url") or ""
    if is_absolute(feed_url) or feed_url.startswith("/"):
        return
    up = "../" * feed_url.count("/")
    feed.feed["link"] = up or "./"
    feed.feed["feed_url"] = posixpath.basename(feed_url)
    for item in feed.items:
        link = item.get("link") or ""
        if not is_absolute(link) and not link.startswith(("/", "../")):
            item["link"] = up + link


# ----------------------------------------------------------------- archives


def is_undated(article) -> bool:
    """An event no source gave a date. Pelican needs a date for every article (it is given the
    digest's date), but the event belongs to no day, month or year of the archives."""
    return getattr(article, "date_known", True) is False


def drop_from_period_archives(period_archives: dict, articles: list) -> None:
    """Take ``articles`` out of Pelican's period archives (in place: the context holds the same
    object); a period left empty loses its page (no "January 1970" for undated events)."""
    leaving = {id(article) for article in articles}
    for archives in period_archives.values():
        kept = []
        for archive in archives:
            archive["dates"] = [a for a in archive["dates"] if id(a) not in leaving]
            archive["articles"] = [a for a in archive["articles"] if id(a) not in leaving]
            if archive["dates"]:
                kept.append(archive)
        archives[:] = kept


# ----------------------------------------------------------------- sitemap


class WrittenFiles:
    """Every file Pelican's writer produced in this build (reset before writing starts)."""

    def __init__(self) -> None:
        self.paths: set[str] = set()

    def reset(self, *args, **kwargs) -> None:
        self.paths = set()

    def add(self, path, **kwargs) -> None:
        self.paths.add(str(path))


def sitemap_xml(output_path: str | Path, written: set[str], siteurl: str, exclude: tuple[str, ...] = ("404.html",)) -> str:
    """A sitemap of the HTML pages written in this build; absolute when SITEURL is, else relative."""
    root = Path(output_path).resolve()
    locs = []
    for path in written:
        try:
            rel = Path(path).resolve().relative_to(root).as_posix()
        except ValueError:
            continue
        if not rel.endswith(".html") or rel in exclude:
            continue
        if rel == "index.html":
            rel = ""
        elif rel.endswith("/index.html"):
            rel = rel.removesuffix("index.html")
        locs.append(rel)
    base = siteurl.rstrip("/") + "/" if is_absolute(siteurl) else ""
    lines = ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for rel in sorted(set(locs), key=lambda r: (r.count("/"), r)):
        lines.append(f"<url><loc>{xml_escape(base + rel) or './'}</loc></url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def write_sitemap(output_path: str, written: set[str], settings: dict) -> Path | None:
    name = settings.get("SANGAM_SITEMAP", "sitemap.xml")
    if not name:
        return None
    siteurl = "" if settings.get("RELATIVE_URLS") else settings.get("SITEURL", "")
    target = Path(output_path) / name
    target.write_text(sitemap_xml(output_path, written, siteurl), encoding="utf-8")
    return target
