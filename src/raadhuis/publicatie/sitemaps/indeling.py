"""The layout of the sitemap folder: the limits per block and file, the file names and their
patterns, and which category's files a document goes in.

The limits are read as `indeling.NAAM` where they are used (never imported by name), so a test that
lowers one here changes it for the whole package; the package does not re-export them, so patching
`sitemaps.BLOKGROOTTE` fails loudly instead of silently changing nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings

from raadhuis.publicatie import waardelijsten
from raadhuis.publicatie.diwoo import SITEMAP_NS

# Document ids per block: the sitemaps.org limit of 50,000 URLs per sitemap.
BLOKGROOTTE = 50_000
# The protocol's size limit per file (uncompressed): 50 MB = 52,428,800 bytes.
MAXIMALE_GROOTTE = 50 * 1024 * 1024
# A part is closed once it passes this, leaving room for one more (large) `<url>` and the end tag.
GRENS_DEEL = MAXIMALE_GROOTTE - 2 * 1024 * 1024
MAXIMAAL_AANTAL = 50_000
# Documents read per query; their metadata is loaded per chunk in a fixed number of queries.
CHUNK = 2000
# Out-of-date block numbers from which a run is spread over worker processes (a full run).
PARALLEL_VANAF = 2

# The infocat key of art. 3.1 publications, which have no infocat number (woo.md §4).
INFOCAT_ARTIKEL_3_1 = ""

INDEX_PATROON = re.compile(r"^sitemapindex-diwoo(?:-infocat(?P<infocat>\d{3}))?\.xml$")
SITEMAP_PATROON = re.compile(
    r"^sitemap-diwoo(?:-infocat(?P<infocat>\d{3}))?-(?P<nummer>\d{1,7})-(?P<deel>\d{1,4})\.xml$"
)
# Every file name this package writes (and the view serves).
BESTANDSNAAM_PATROON = re.compile(
    r"^(?:sitemapindex-diwoo(?:-infocat\d{3})?|sitemap-diwoo(?:-infocat\d{3})?-\d{1,7}-\d{1,4})\.xml$"
)


def _s(naam: str) -> str:
    return f"{{{SITEMAP_NS}}}{naam}"


def sitemap_root() -> Path:
    root = Path(settings.RAADHUIS_SITEMAP_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    return root


def indexnaam(infocat: str) -> str:
    """The sitemap-index file of a category (infocat number, or "" for art. 3.1)."""
    return f"sitemapindex-diwoo-infocat{infocat}.xml" if infocat else "sitemapindex-diwoo.xml"


def _sitemapvoorvoegsel(infocat: str, nummer: int) -> str:
    return f"sitemap-diwoo-infocat{infocat}-{nummer}-" if infocat else f"sitemap-diwoo-{nummer}-"


def sitemapnaam(infocat: str, nummer: int, deel: int) -> str:
    return f"{_sitemapvoorvoegsel(infocat, nummer)}{deel}.xml"


def _categorie_uri(infocat: str) -> str | None:
    if infocat == INFOCAT_ARTIKEL_3_1:
        return waardelijsten.CATEGORIE_INSPANNINGSVERPLICHTING
    categorie = waardelijsten.categorie_met_infocat(infocat)
    return categorie.uri if categorie else None


def _infocat_van(categorieen: list[str]) -> str | None:
    """The sitemap a publication goes in: its first category (models.Publicatie). None when it has
    none or an unknown one (the services refuse those; such a publication is never listed)."""
    if not categorieen:
        return None
    uri = categorieen[0]
    if uri == waardelijsten.CATEGORIE_INSPANNINGSVERPLICHTING:
        return INFOCAT_ARTIKEL_3_1
    nummer = waardelijsten.infocat(uri)
    return nummer or None
