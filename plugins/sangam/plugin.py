"""Pelican glue, kept thin: settings in, Articles and extra pages out.

Signal receivers are module-level functions (blinker holds them weakly) and keep
no state between builds, so ``pelican --autoreload`` rebuilds from scratch.
"""

from __future__ import annotations

import json
import logging
import time
from datetime import datetime, timezone
from pathlib import Path

from markupsafe import escape
from pelican import signals
from pelican.contents import Article
from pelican.generators import Generator
from pelican.log import console

from . import export, render
from .markdown_reader import add_reader, forget_disabled_markdown
from .memory import release_freed_memory
from .merge import MergeSettings
from .pipeline import PipelineSettings, StageTimer, build_digest
from . import search

log = logging.getLogger(__name__)

DEFAULTS = {
    "SANGAM_SOURCES_DIR": "sources",
    "SANGAM_MAX_SOURCE_BYTES": 5_000_000,
    "SANGAM_LEXICON": "data/lexicon.tsv",
    "SANGAM_BUILD_DATE": None,
    "SANGAM_MERGE_THRESHOLD": MergeSettings.threshold,
    "SANGAM_LANG_FEED_ATOM": render.LANG_FEED_DEFAULT,  # per-language Atom feeds; "" for none
    "SANGAM_SITEMAP": "sitemap.xml",
    "SANGAM_WORKERS": None,  # processes that clean sources (and read their names); None: one per core
}


def initialized(pelican) -> None:
    settings = pelican.settings
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    # Raw sources and editorial data are ours to read; Pelican must not read them as articles.
    for key in ("ARTICLE_EXCLUDES", "PAGE_EXCLUDES", "STATIC_EXCLUDES"):
        excluded = list(settings.get(key, []))
        for folder in (settings["SANGAM_SOURCES_DIR"], "data"):
            if folder not in excluded:
                excluded.append(folder)
        settings[key] = excluded
    render.add_jinja_filters(settings)


def pipeline_settings(settings: dict, content_dir: Path) -> PipelineSettings:
    own = content_dir / "data" / "lexicon.tsv"
    lexicon = own if own.is_file() else settings.get("SANGAM_LEXICON")
    return PipelineSettings(
        sources_dir=settings["SANGAM_SOURCES_DIR"],
        max_source_bytes=int(settings["SANGAM_MAX_SOURCE_BYTES"]),
        lexicon=Path(lexicon) if lexicon else None,
        build_date=settings.get("SANGAM_BUILD_DATE"),
        merge=MergeSettings(threshold=float(settings["SANGAM_MERGE_THRESHOLD"])),
        # The per-source feature cache follows Pelican's content cache switches.
        cache_dir=Path(settings["CACHE_PATH"]) / "sangam" if settings.get("CACHE_PATH") else None,
        cache_read=bool(settings.get("LOAD_CONTENT_CACHE")),
        cache_write=bool(settings.get("CACHE_CONTENT")),
        workers=None if settings.get("SANGAM_WORKERS") is None else int(settings["SANGAM_WORKERS"]),
    )


def add_events(generator) -> None:
    """Run the pipeline and make every event a Pelican article (before taxonomies are built)."""
    started = time.perf_counter()
    content_dir = Path(generator.path)
    timer = StageTimer(progress=_progress)
    digest = build_digest(content_dir, pipeline_settings(generator.settings, content_dir), timer)
    release_freed_memory()  # the merge index and pair scores are gone: render and Pagefind come next
    for rejection in digest.rejected:
        log.warning("sangam: skipped %s: %s", rejection.path, rejection.reason)
    articles = [event_article(event, digest, generator) for event in digest.events]
    generator.articles.extend(articles)
    generator.articles.sort(key=lambda a: (a.date, a.slug), reverse=True)
    generator.context["sangam"] = digest
    generator.context["sangam_timer"] = timer
    generator.context["sangam_events"] = {event.id: event for event in digest.events}
    # Remembered for the closing summary line only; reset after it is printed.
    summary.digest, summary.started = digest, started


def keep_undated_out_of_periods(generator) -> None:
    """Undated events leave the dated archives (``dates``, period pages); the archives page
    lists them under their own heading (``undated_events``)."""
    undated = [article for article in generator.dates if render.is_undated(article)]
    generator.dates[:] = [article for article in generator.dates if not render.is_undated(article)]
    render.drop_from_period_archives(generator.period_archives, undated)
    generator.context["undated_events"] = undated


def _progress(message: str) -> None:
    console.print(message, highlight=False)


def summary(pelican) -> None:
    """One closing line: sources read, rejected, events, time."""
    digest = getattr(summary, "digest", None)
    if digest is None:
        return
    elapsed = time.perf_counter() - summary.started
    _progress(
        f"sangam: {len(digest.sources) + len(digest.rejected):,} sources read, {len(digest.rejected):,} rejected, "
        f"{len(digest.events):,} events, {elapsed:.1f} s"
    )
    summary.digest = None


def event_article(event, digest, generator) -> Article:
    sources = [digest.sources[path] for path in event.sources]
    lang = next(iter(event.title), sources[0].lang)
    when = event.date or digest.generated[:10]
    summary = "".join(
        f'<p lang="{escape(s.lang)}">{escape(s.lead)}</p>' for s in _one_per_language(sources) if s.lead
    )
    metadata = {
        "title": event.title.get(lang, event.id),
        "date": datetime.fromisoformat(when).replace(tzinfo=timezone.utc),
        "slug": event.slug,
        "lang": lang,
        "status": "published",
        "summary": summary,
    }
    article = Article(
        summary,
        metadata=metadata,
        settings=generator.settings,
        source_path=str(Path(generator.path) / "sources" / f"{event.id}.event"),
        context=generator.context,
    )
    article.event = event
    article.event_sources = sources
    article.date_known = event.date is not None
    return article


def _one_per_language(sources):
    seen = set()
    for source in sources:
        if source.lang not in seen:
            seen.add(source.lang)
            yield source


class SangamGenerator(Generator):
    """Writes the pages Pelican has no generator for: sources, names, build report, events.json."""

    def generate_context(self) -> None:
        digest = self.context.get("sangam")
        if digest is None:
            raise RuntimeError("sangam: the pipeline did not run (article_generator_pretaxonomy was not received)")
        self.digest = digest
        self._update_context(())

    def generate_output(self, writer) -> None:
        digest = self.digest
        relative = self.settings.get("RELATIVE_URLS", False)
        events_by_id = {event.id: event for event in digest.events}
        event_of = {path: event for event in digest.events for path in event.sources}
        common = {"digest": digest, "events_by_id": events_by_id, "event_of": event_of}
        # The searchable pages first (event pages are written by Pelican's article generator
        # before this one): the search index is then built while the rest is written.
        for entity in digest.entities.values():
            self.write_page(writer, export.entity_page(entity), "name", relative, common, entity=entity)
        self.write_page(writer, "names/index.html", "names", relative, common)
        self.write_moved_pages(writer, relative, common)
        search.indexed_pages_written()
        for source in digest.sources.values():
            self.write_page(writer, export.source_page(source), "source", relative, common, source=source, event=event_of[source.path])
        self.write_page(writer, "report.html", "report", relative, common, timer=self.context.get("sangam_timer"))
        self.write_reader_pages(writer, relative, common)
        out = Path(self.output_path) / "events.json"
        out.write_text(
            json.dumps(export.events_json(digest, self.settings), ensure_ascii=False, indent=1, sort_keys=False) + "\n",
            encoding="utf-8",
        )

    def write_page(self, writer, page: str, template: str, relative: bool, common: dict, **values) -> None:
        """One page of ours: ``page`` (e.g. ``names/index.html``) from ``template``, with the
        shared context and ``page_name`` (the page without ``.html``) the templates link by."""
        writer.write_file(
            page, self.get_template(template), self.context, relative_urls=relative,
            page_name=page.removesuffix(".html"), **values, **common,
        )

    def write_moved_pages(self, writer, relative, common) -> None:
        """Events that no longer exist keep a page at their old URL saying where their sources went."""
        for old_id, moved_to in self.digest.redirects.items():
            moved = [common["events_by_id"][i] for i in moved_to]
            self.write_page(writer, f"events/{old_id}.html", "moved", relative, common, old_id=old_id, moved_to=moved)

    def write_reader_pages(self, writer, relative, common) -> None:
        """Outlet pages, per-language feeds and the 404 page (logic in render.py)."""
        outlets = render.outlets(self.digest)
        for outlet in outlets.values():
            self.write_page(writer, outlet.page, "outlet", relative, common, outlet=outlet)
        self.write_page(writer, "outlets/index.html", "outlets", relative, common, outlets=outlets)
        render.write_language_feeds(writer, self.context, self.settings, self.digest)
        # Served for any missing path, so its links cannot be relative: SITEURL (or the root).
        writer.write_file("404.html", self.get_template("404"), self.context, relative_urls=False, page_name="404")


# Files written in this build, for the sitemap; reset before each build's writing starts.
_WRITTEN = render.WrittenFiles()


def forget_written(generators) -> None:
    _WRITTEN.reset()


def remember_written(path, context=None, **kwargs) -> None:
    _WRITTEN.add(path)


def write_sitemap(pelican) -> None:
    render.write_sitemap(pelican.output_path, _WRITTEN.paths, pelican.settings)


def get_generators(pelican):
    return SangamGenerator


def register() -> None:
    signals.initialized.connect(initialized)
    signals.readers_init.connect(add_reader)
    signals.article_generator_preread.connect(forget_disabled_markdown)
    signals.page_generator_preread.connect(forget_disabled_markdown)
    signals.article_generator_pretaxonomy.connect(add_events)
    signals.article_generator_finalized.connect(keep_undated_out_of_periods)
    signals.get_generators.connect(get_generators)
    # Search: settings, Jinja filter and search page; Pagefind indexes the pages as they are written.
    signals.initialized.connect(search.configure)
    signals.all_generators_finalized.connect(search.start_index)
    signals.content_written.connect(search.page_written)
    signals.finalized.connect(search.finalized)
    signals.feed_generated.connect(render.relative_feed_links)
    signals.all_generators_finalized.connect(forget_written)
    signals.content_written.connect(remember_written)
    signals.finalized.connect(write_sitemap)
    signals.finalized.connect(summary)
