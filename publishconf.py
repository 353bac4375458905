"""Settings for publishing (GitHub Pages): absolute URLs under SITEURL.

For a project site SITEURL is https://<user>.github.io/<repository>; the workflow
passes it in the SITEURL environment variable.
"""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "").rstrip("/")
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
