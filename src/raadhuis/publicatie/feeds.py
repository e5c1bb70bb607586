"""RSS 2.0 and Atom feeds of the publication register (issue 10 point 4: "RSS/Atom feeds per
category"): one feed of everything published and one per information category (Woo art. 3.3),
each with the newest publications.

Only published publications appear (the selector leaves out concepts, withdrawn and replaced
ones), so a withdrawal drops the item from the next fetch. Every item links to the stable public
page of the publication (the same https address the sitemaps use) and carries its documents as
enclosures: RSS allows one enclosure per item, so it gets the first document; Atom gets a
`link rel="enclosure"` per document.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path, reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed, SyndicationFeed
from django.utils.html import linebreaks
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from raadhuis.core import tooi
from raadhuis.publicatie import selectors, waardelijsten
from raadhuis.publicatie.diwoo import absolute_url, document_url, publicatie_url
from raadhuis.publicatie.models import Publicatie, Publicatiedocument

AANTAL = 50
# Feed readers poll; a few minutes of caching keeps that cheap while a withdrawal still leaves
# the feed quickly.
MAX_AGE = 300

# Characters XML 1.0 forbids: Django's feed writer refuses them, and one bad title would break
# the whole feed for everyone.
_ONGELDIG_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _tekst(waarde: str) -> str:
    return _ONGELDIG_IN_XML.sub("", waarde)


def _organisatienaam(code: str) -> str:
    organisatie = tooi.organisatie(code)
    return organisatie.naam if organisatie else code


class PublicatiesRss(Feed[Publicatie, waardelijsten.Categorie | None]):
    """Published publications, newest first; the object is the category (None: all of them)."""

    feed_type: type[SyndicationFeed] = Rss201rev2Feed
    url_naam = "publicatie:rss"
    categorie_url_naam = "publicatie:categorie_rss"

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        antwoord = super().__call__(request, *args, **kwargs)
        antwoord["Cache-Control"] = f"public, max-age={MAX_AGE}"
        return antwoord

    def get_object(
        self, request: HttpRequest, *args: Any, infocat: str | None = None, **kwargs: Any
    ) -> waardelijsten.Categorie | None:
        if infocat is None:
            return None
        gevonden = waardelijsten.categorie_met_infocat(infocat)
        if gevonden is None:
            raise Http404
        return gevonden

    # --- the feed -------------------------------------------------------------------------------

    def title(self, categorie: waardelijsten.Categorie | None) -> str:
        organisatie = _organisatienaam(settings.RAADHUIS_ORGANISATIE)
        if categorie is None:
            return _("Openbaarheid – %(organisatie)s") % {"organisatie": organisatie}
        return _("%(categorie)s – Openbaarheid – %(organisatie)s") % {
            "categorie": capfirst(categorie.label),
            "organisatie": organisatie,
        }

    def description(self, categorie: waardelijsten.Categorie | None) -> str:
        if categorie is None:
            return _("Nieuwe publicaties onder de Wet open overheid.")
        return _("Nieuwe publicaties in de informatiecategorie %(categorie)s (Woo artikel 3.3).") % {
            "categorie": categorie.label
        }

    def link(self, categorie: waardelijsten.Categorie | None) -> str:
        if categorie is None:
            return absolute_url(reverse("publicatie:openbaarheid"))
        return absolute_url(reverse("publicatie:categorie", args=[categorie.infocat]))

    def feed_url(self, categorie: waardelijsten.Categorie | None) -> str:
        if categorie is None:
            return absolute_url(reverse(self.url_naam))
        return absolute_url(reverse(self.categorie_url_naam, args=[categorie.infocat]))

    def feed_guid(self, categorie: waardelijsten.Categorie | None) -> str:
        # The Atom <id>: the feed's own address, so the RSS and the Atom feed differ.
        return self.feed_url(categorie)

    def author_name(self) -> str:
        # Atom requires an author for the feed unless every entry has one.
        return _organisatienaam(settings.RAADHUIS_ORGANISATIE)

    def items(self, categorie: waardelijsten.Categorie | None) -> list[Publicatie]:
        # One query for the publications and one for all their documents, whatever the count.
        qs = selectors.gepubliceerde_publicaties(categorie=categorie.uri if categorie else None)
        documenten = Publicatiedocument.objects.order_by("volgorde", "id")
        return list(qs.prefetch_related(Prefetch("documenten", queryset=documenten))[:AANTAL])

    # --- one item -------------------------------------------------------------------------------

    def item_title(self, item: Publicatie) -> str:
        return _tekst(item.officiele_titel)

    def item_description(self, item: Publicatie) -> str | None:  # type: ignore[override]
        # Both formats read the description as HTML; the omschrijving is plain text, so it is
        # escaped and its line breaks become paragraphs. None leaves the element out (no empty
        # <description/>).
        tekst = _tekst(item.omschrijving).strip()
        return linebreaks(tekst, autoescape=True) if tekst else None

    def item_link(self, item: Publicatie) -> str:
        return publicatie_url(item)

    def item_guid(self, item: Publicatie) -> str:
        return publicatie_url(item)

    def item_guid_is_permalink(self, item: Publicatie) -> bool:
        return True

    def item_pubdate(self, item: Publicatie) -> dt.datetime | None:
        return item.gepubliceerd_op

    def item_updateddate(self, item: Publicatie) -> dt.datetime | None:
        return item.gepubliceerd_op

    def item_author_name(self, item: Publicatie) -> str:
        # The publisher: another organisation when we publish on behalf of a GR.
        return _organisatienaam(item.publisher)

    def item_categories(self, item: Publicatie) -> list[str]:
        labels = waardelijsten.informatiecategorieen()
        return [capfirst(labels.get(uri, uri)) for uri in item.informatiecategorieen]

    def _enclosures(self, item: Publicatie) -> list[Enclosure]:
        return [
            Enclosure(url=document_url(document), length=str(document.grootte), mime_type=document.mediatype)
            for document in item.documenten.all()
        ]

    def item_enclosures(self, item: Publicatie) -> list[Enclosure]:
        # RSS 2.0 allows a single enclosure per item (Django refuses more): the first document.
        return self._enclosures(item)[:1]


class PublicatiesAtom(PublicatiesRss):
    feed_type = Atom1Feed
    url_naam = "publicatie:atom"
    categorie_url_naam = "publicatie:categorie_atom"

    def item_enclosures(self, item: Publicatie) -> list[Enclosure]:
        return self._enclosures(item)


urlpatterns = [
    path("openbaarheid/rss/", require_safe(PublicatiesRss()), name="rss"),
    path("openbaarheid/atom/", require_safe(PublicatiesAtom()), name="atom"),
    path("openbaarheid/categorie/<str:infocat>/rss/", require_safe(PublicatiesRss()), name="categorie_rss"),
    path(
        "openbaarheid/categorie/<str:infocat>/atom/", require_safe(PublicatiesAtom()), name="categorie_atom"
    ),
]
