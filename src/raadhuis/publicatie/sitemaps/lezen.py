"""The `<url>` entries of the sitemaps: a block's documents read by keyset and written from the
DiWoo text templates, and the lxml reference path for whatever the templates do not take.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet
from lxml import etree

from raadhuis.publicatie import waardelijsten
from raadhuis.publicatie.diwoo import (
    DIWOO_NS,
    DOCUMENTKOLOMMEN,
    SITEMAP_NS,
    Documentsjablonen,
    OngeldigeMetadata,
    Publicatiefragmenten,
    Publicatierij,
    Samenhang,
    Urls,
    datumtijd,
    document_element,
    document_tekst,
    moment,
    publicatie_fragmenten,
    publicaties_lezen,
    samenhang_laden,
    tekst_escapen,
    uuid_tekst,
)
from raadhuis.publicatie.models import Publicatiedocument, Publicatiestatus
from raadhuis.publicatie.sitemaps import indeling
from raadhuis.publicatie.sitemaps.indeling import _s

_URL_NSMAP: dict[str | None, str] = {None: SITEMAP_NS, "diwoo": DIWOO_NS}


def _urls_van_rijen(
    brok: list[tuple[Any, ...]],
    fragmenten: dict[int, Publicatiefragmenten | None],
    urls: Urls,
    sjablonen: Documentsjablonen,
) -> Iterator[tuple[int, bytes | OngeldigeMetadata]]:
    """Each document row's `<url>` as bytes, or why it is skipped. A document the text templates
    cannot take (a value off its list, a character XML refuses) goes through the lxml path, which
    gives the same bytes or the same error as always."""
    for pk, publicatie_id, document_uuid, titel, soort, naam, formaat, creatiedatum, gewijzigd_op in brok:
        deel = fragmenten.get(publicatie_id)
        tekst = None if deel is None else document_tekst(titel, soort, formaat, creatiedatum, deel, sjablonen)
        if deel is None or tekst is None:
            try:
                yield pk, _url_bytes_via_lxml(pk, urls)
            except OngeldigeMetadata as fout:
                yield pk, fout
            continue
        loc = tekst_escapen(urls.document_adres(uuid_tekst(document_uuid), naam))
        lastmod = datumtijd(max(moment(gewijzigd_op), deel.gewijzigd))
        yield pk, f"<url><loc>{loc}</loc><lastmod>{lastmod}</lastmod>{tekst}</url>\n".encode()


def _url_teksten(
    documenten: QuerySet[Publicatiedocument], urls: Urls
) -> Iterator[tuple[int, bytes | OngeldigeMetadata]]:
    """The `<url>` of every document in `documenten` (whatever its state), CHUNK at a time by
    keyset: the text path for any selection of documents (the tests compare it with lxml)."""
    sjablonen = Documentsjablonen()
    laatste = -1
    while True:
        brok = list(documenten.filter(pk__gt=laatste).values_list(*DOCUMENTKOLOMMEN)[: indeling.CHUNK])
        if not brok:
            return
        laatste = brok[-1][0]
        publicaties = publicaties_lezen({rij[1] for rij in brok})
        yield from _urls_van_rijen(brok, publicatie_fragmenten(publicaties, urls), urls, sjablonen)


def _infocat_van_rij(publicatie: Publicatierij, uris: dict[str, str]) -> str | None:
    categorieen = publicatie.informatiecategorieen
    if isinstance(categorieen, list) and categorieen and isinstance(categorieen[0], str):
        return uris.get(categorieen[0])
    return None


def _urls_in_blokken(
    nummer: int, uris: dict[str, str], urls: Urls
) -> Iterator[tuple[str, int, bytes | OngeldigeMetadata]]:
    """(infocat, document id, `<url>` or why it is skipped) for the documents of block `nummer`
    that the blocks of the categories in `uris` (category URI → infocat) list: published, first
    category among them, a harvestable format; in id order.

    Reads the block's id range once for all the categories asked, CHUNK documents at a time by
    keyset, with their publications by id; status and first category are checked here, not in
    SQL: a filter on the first element of a JSON list has no index and no statistics, and
    PostgreSQL then scans the whole publication table for every chunk. Five small indexed queries
    per chunk (documents, publications, handlings, relations, replacements), so memory and queries
    per chunk stay flat."""
    formaten = list(waardelijsten.bestandsformaten())
    sjablonen = Documentsjablonen()
    filters: dict[str, Any] = {"status": Publicatiestatus.GEPUBLICEERD}
    if len(uris) == 1:
        # One category (a block rewritten after a change): let the database drop the others. Safe
        # here, on publications within a small id range, where the primary key leads the plan.
        filters["informatiecategorieen__0"] = next(iter(uris))
    laatste = nummer * indeling.BLOKGROOTTE - 1
    einde = (nummer + 1) * indeling.BLOKGROOTTE
    while True:
        brok = list(
            Publicatiedocument.objects.filter(pk__gt=laatste, pk__lt=einde, bestandsformaat__in=formaten)
            .order_by("pk")
            .values_list(*DOCUMENTKOLOMMEN)[: indeling.CHUNK]
        )
        if not brok:
            return
        laatste = brok[-1][0]
        infocats: dict[int, str] = {}
        publicaties = []
        for publicatie in publicaties_lezen({rij[1] for rij in brok}, **filters):
            infocat = _infocat_van_rij(publicatie, uris)
            if infocat is not None:
                infocats[publicatie.pk] = infocat
                publicaties.append(publicatie)
        gevraagd = [rij for rij in brok if rij[1] in infocats]
        fragmenten = publicatie_fragmenten(publicaties, urls)
        for rij, (pk, inhoud) in zip(
            gevraagd, _urls_van_rijen(gevraagd, fragmenten, urls, sjablonen), strict=True
        ):
            yield infocats[rij[1]], pk, inhoud


def _lastmod(document: Publicatiedocument) -> str:
    """When the harvester should fetch again: the later of the file's and the metadata's change."""
    momenten = [document.gewijzigd_op, document.publicatie.gewijzigd_op]
    if document.publicatie.gepubliceerd_op:
        momenten.append(document.publicatie.gepubliceerd_op)
    return datumtijd(max(m for m in momenten if m is not None))


def url_element(
    document: Publicatiedocument, samenhang: Samenhang | None = None, urls: Urls | None = None
) -> etree._Element:
    """One sitemap `<url>`: loc (the file itself, https), lastmod and the `diwoo:Document`."""
    urls = urls or Urls()
    url = etree.Element(_s("url"), nsmap=_URL_NSMAP)  # type: ignore[arg-type]
    etree.SubElement(url, _s("loc")).text = urls.document(document)
    etree.SubElement(url, _s("lastmod")).text = _lastmod(document)
    url.append(document_element(document, samenhang, urls))
    return url


# What lxml puts on a detached `<url>`; the urlset declares both namespaces once already.
_URL_DECLARATIES = f' xmlns="{SITEMAP_NS}" xmlns:diwoo="{DIWOO_NS}"'.encode()


def _url_bytes(document: Publicatiedocument, samenhang: Samenhang, urls: Urls) -> bytes:
    inhoud: bytes = etree.tostring(url_element(document, samenhang, urls), encoding="utf-8")
    if not inhoud.startswith(b"<url" + _URL_DECLARATIES):
        # Should lxml ever order or prefix the declarations differently, keep them: still valid XML.
        return inhoud + b"\n"
    return b"<url" + inhoud[len(b"<url" + _URL_DECLARATIES) :] + b"\n"


def _url_bytes_via_lxml(pk: int, urls: Urls) -> bytes:
    document = Publicatiedocument.objects.select_related("publicatie").defer("tekst").get(pk=pk)
    return _url_bytes(document, samenhang_laden([document.publicatie_id])[document.publicatie_id], urls)
