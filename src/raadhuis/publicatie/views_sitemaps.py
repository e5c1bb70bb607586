"""robots.txt and the generated sitemap files (woo.md §6; `publicatie.sitemaps`).

The files are written by a background task; these views only hand them out (in production the
reverse proxy may serve `RAADHUIS_SITEMAP_ROOT` under /sitemaps/ directly). robots.txt is served
here because the harvester must find the sitemap-index files in it (woo.md §6.2) and only this
module knows which exist; `core` imports no domain module, so it cannot add them itself.
"""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.urls import path, re_path
from django.views.decorators.http import require_safe

from raadhuis.publicatie.diwoo import absolute_url
from raadhuis.publicatie.sitemaps import BESTANDSNAAM_PATROON, indexbestanden, sitemap_root

# What crawlers may not fetch: the staff Werkplek, Django's admin and the local test identity
# provider. Everything public (pages, documents, sitemaps) stays open.
ROBOTS_REGELS = (
    "User-agent: *",
    "Disallow: /werkplek/",
    "Disallow: /beheer/",
    "Disallow: /test-idp/",
)


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    """The crawl rules plus one `Sitemap:` line per sitemap-index file (never the sitemaps
    themselves: the Woo harvester reads only indexes named `sitemapindex-diwoo*.xml`)."""
    regels = list(ROBOTS_REGELS)
    regels += [f"Sitemap: {absolute_url('/sitemaps/' + naam)}" for naam in indexbestanden()]
    antwoord = HttpResponse("\n".join(regels) + "\n", content_type="text/plain; charset=utf-8")
    antwoord["Cache-Control"] = "public, max-age=3600"
    return antwoord


@require_safe
def sitemap_bestand(request: HttpRequest, naam: str) -> FileResponse:
    """One generated sitemap or sitemap-index file; 404 for any other name."""
    if not BESTANDSNAAM_PATROON.match(naam):
        raise Http404
    pad = sitemap_root() / naam
    try:
        handle = pad.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    antwoord = FileResponse(handle, content_type="application/xml; charset=utf-8")
    antwoord["Cache-Control"] = "public, max-age=600"
    antwoord["X-Content-Type-Options"] = "nosniff"
    return antwoord


urlpatterns = [
    path("robots.txt", robots_txt, name="robots_txt"),
    re_path(r"^sitemaps/(?P<naam>[a-z0-9-]{1,80}\.xml)$", sitemap_bestand, name="sitemap"),
]
