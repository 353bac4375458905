"""Stage 5, render data: URLs of the digest's pages and the ``events.json`` export.

URLs are relative to the site root, so the export works under any sub-path.
"""

from __future__ import annotations

from .model import Digest, Entity, Event, Source


def event_url(event: Event, settings: dict) -> str:
    return settings.get("ARTICLE_URL", "{slug}.html").format(slug=event.slug, lang="", date=None)


def source_page(source: Source) -> str:
    return f"sources/{source.slug}.html"


def entity_page(entity: Entity) -> str:
    return f"names/{entity.slug}.html"


def source_record(source: Source) -> dict:
    return {
        "path": source.path,
        "lang": source.lang,
        "title": source.title,
        "url": source.url,
        "page": source_page(source),
        "published": source.published,
        "date_provenance": source.date_provenance,
        "dates_without_year": source.partial_dates,
        "page_date": source.seen,
        "page_date_provenance": source.seen_provenance,
        "outlet": source.outlet,
        "dateline": source.dateline,
        "credits": source.credits,
        "duplicates": source.duplicates,
        "text": source.text,
    }


def name_record(entity: Entity) -> dict:
    return {
        "latin": entity.latin,
        "hi": entity.hi,
        "gu": entity.gu,
        "kind": entity.kind,
        "key": entity.key,
        "page": entity_page(entity),
    }


def events_json(digest: Digest, settings: dict) -> dict:
    return {
        "generated": digest.generated,
        "events": [
            {
                "id": event.id,
                "url": event_url(event, settings),
                "title": event.title,
                "title_from_lead": {lang: flag for lang, flag in event.title_from_lead.items() if flag},
                "date": event.date,
                "date_provenance": event.date_provenance,
                "names": [name_record(digest.entities[key]) for key in event.names if key in digest.entities],
                "sources": [source_record(digest.sources[path]) for path in event.sources],
                "related": event.related,
            }
            for event in digest.events
        ],
        "rejected": [{"path": r.path, "reason": r.reason} for r in digest.rejected],
    }
