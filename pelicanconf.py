"""Pelican settings for the Sangam digest (local builds: relative URLs)."""

AUTHOR = "Sangam"
SITENAME = "संगम · સંગમ"
SITESUBTITLE = "हिंदी और गुजराती समाचारों का एक संगम · હિન્દી અને ગુજરાતી સમાચારોનો સંગમ"
SITEURL = ""
PATH = "content"
OUTPUT_PATH = "output"
THEME = "theme"
TIMEZONE = "Asia/Kolkata"
DEFAULT_LANG = "hi"
DEFAULT_DATE_FORMAT = "%Y-%m-%d"

PLUGIN_PATHS = ["plugins"]
PLUGINS = ["sangam"]

# Pages in Markdown, rendered with markdown-it-py by the plugin's reader.
PAGE_PATHS = ["pages"]
ARTICLE_PATHS = ["articles"]
STATIC_PATHS = []

# Events are the articles: one page each, under a stable id.
ARTICLE_URL = "events/{slug}.html"
ARTICLE_SAVE_AS = "events/{slug}.html"
ARTICLE_LANG_URL = ARTICLE_URL  # events are bilingual: one page, whatever the headline's language
ARTICLE_LANG_SAVE_AS = ARTICLE_SAVE_AS
PAGE_URL = "{slug}.html"
PAGE_SAVE_AS = "{slug}.html"
PAGE_LANG_URL = PAGE_URL
PAGE_LANG_SAVE_AS = PAGE_SAVE_AS
# A Hindi and a Gujarati item with one slug are not translations of each other.
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None
SLUGIFY_SOURCE = "basename"

DIRECT_TEMPLATES = ["index", "archives"]
ARCHIVES_SAVE_AS = "archives.html"
YEAR_ARCHIVE_SAVE_AS = "{date:%Y}/index.html"
YEAR_ARCHIVE_URL = "{date:%Y}/"
MONTH_ARCHIVE_SAVE_AS = "{date:%Y}/{date:%m}/index.html"
MONTH_ARCHIVE_URL = "{date:%Y}/{date:%m}/"
DAY_ARCHIVE_SAVE_AS = "{date:%Y}/{date:%m}/{date:%d}/index.html"
DAY_ARCHIVE_URL = "{date:%Y}/{date:%m}/{date:%d}/"
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
DEFAULT_PAGINATION = 20

FEED_ALL_ATOM = "feeds/all.atom.xml"
# One feed per language: events with a source in that language, headline in that language.
SANGAM_LANG_FEED_ATOM = "feeds/{lang}.atom.xml"
SANGAM_SITEMAP = "sitemap.xml"
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

RELATIVE_URLS = True
# Scraped text reaches the templates: escape everything unless a template says |safe.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}
# Same input, same output: the build never reads the clock; undated events take this date.
SANGAM_BUILD_DATE = None

CACHE_CONTENT = False
# reStructuredText is not used; its reader only warns about Hindi localisation.
READERS = {"rst": None}

# The editors' house-style lexicon; a content folder's own data/lexicon.tsv is used when present.
import os as _os

SANGAM_LEXICON = _os.path.join(_os.path.dirname(_os.path.abspath(__file__)), "content", "data", "lexicon.tsv")
