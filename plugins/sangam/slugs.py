"""Safe, unique, stable output names for sources and entities.

File names may hold spaces, any script, great length, or differ only in case;
output names are lower-case ASCII, short, and carry a hash of the full path so
two inputs never share one output file.
"""

from __future__ import annotations

import hashlib
import re

from .model import Entity

_UNSAFE = re.compile(r"[^a-z0-9]+")


def ascii_slug(text: str, limit: int = 48) -> str:
    slug = _UNSAFE.sub("-", text.lower()).strip("-")
    return slug[:limit].rstrip("-")


def source_slug(path: str) -> str:
    """``sources/001_7e11.txt`` -> ``001-7e11-<hash>``: readable where it can be, always unique."""
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    digest = hashlib.sha256(path.encode("utf-8")).hexdigest()[:8]
    readable = ascii_slug(stem, 40)
    return f"{readable}-{digest}" if readable else f"source-{digest}"


def entity_slugs(entities: dict[str, Entity]) -> None:
    """Slug from the Latin form; a hash of the key settles collisions and non-Latin forms."""
    for key in sorted(entities):
        entity = entities[key]
        readable = ascii_slug(entity.latin or "", 40)
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:6]
        entity.slug = f"{readable}-{digest}" if readable else f"name-{digest}"
