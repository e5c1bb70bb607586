"""DiWoo XML as text for the sitemap writer: string templates escaped as libxml2 serialises,
a publication's share made once for all its documents.

`document_element` builds an lxml tree per document; at a million documents building and
serialising those trees is most of a sitemap run. The functions below write the very same bytes
from string templates: a publication's share (everything but the title, type, creation date and
format) once per publication, then a few strings per document. `document_element` stays the
reference: whenever a value is missing, off its list or not XML-safe, `document_tekst` answers
None and the caller takes the lxml path, which raises exactly what it always raised. A test
compares both paths byte for byte over varied documents.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection
from typing import NamedTuple

from raadhuis.core.tooi import organisatie
from raadhuis.publicatie import waardelijsten
from raadhuis.publicatie.diwoo.element import _TERUGGETROKKEN, Samenhang, Urls, datumtijd
from raadhuis.publicatie.diwoo.rijen import Publicatierij, _als_tekst, _GeenLijst, ids_filter, moment
from raadhuis.publicatie.models import (
    Documenthandeling,
    Publicatie,
    Publicatierelatie,
    Publicatiestatus,
)

_TEKST_SPECIAAL = re.compile("[&<>\r]")
_ATTRIBUUT_SPECIAAL = re.compile('[&<>"\n\r\t]')
# What lxml refuses in text and attributes (control characters, U+FFFE/U+FFFF, lone surrogates).
_GEEN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# The prefix the urlset declares for DIWOO_NS (written out literally in the templates below).
_D = "diwoo:"


def tekst_escapen(waarde: str) -> str:
    """Character data escaped as libxml2 serialises it."""
    if _TEKST_SPECIAAL.search(waarde) is None:
        return waarde
    return waarde.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _attribuut(waarde: str) -> str:
    """An attribute value escaped as libxml2 serialises it (double quotes around it)."""
    if _ATTRIBUUT_SPECIAAL.search(waarde) is None:
        return waarde
    return (
        waarde.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("\n", "&#10;")
        .replace("\r", "&#13;")
        .replace("\t", "&#9;")
    )


def _el(naam: str, tekst: str, resource: str | None = None) -> str:
    if resource is None:
        return f"<{_D}{naam}>{tekst_escapen(tekst)}</{_D}{naam}>"
    return f'<{_D}{naam} resource="{_attribuut(resource)}">{tekst_escapen(tekst)}</{_D}{naam}>'


class _NietSnel(Exception):
    """This value needs the lxml path (which then raises or writes it)."""


def _lijstwaarde(lijst: dict[str, str], uri: str) -> str:
    label = lijst.get(uri)
    if label is None:
        raise _NietSnel
    return label


# Elements whose content comes from a value list, serialised once per process and value.
_LIJSTELEMENTEN: dict[tuple[str, str], str | None] = {}


def _lijstelement(naam: str, lijst: Callable[[], dict[str, str]], uri: str) -> str:
    """`<diwoo:naam resource="uri">label</diwoo:naam>` for a value on its list."""
    sleutel = (naam, uri)
    element = _LIJSTELEMENTEN.get(sleutel, "")
    if element == "":
        label = lijst().get(uri)
        element = _LIJSTELEMENTEN[sleutel] = None if label is None else _el(naam, label, uri)
    if element is None:
        raise _NietSnel
    return element


def _organisatie_tekst(naam: str, code: str) -> str:
    sleutel = (naam, code)
    element = _LIJSTELEMENTEN.get(sleutel, "")
    if element == "":
        gevonden = organisatie(code) if code else None
        element = _LIJSTELEMENTEN[sleutel] = (
            None if gevonden is None else _el(naam, gevonden.naam, gevonden.uri)
        )
    if element is None:
        raise _NietSnel
    return element


class Publicatiefragmenten(NamedTuple):
    """A publication's share of each of its documents' `<diwoo:Document>`, serialised once: the
    parts before and after the document's own title, type, creation date and format."""

    kop: str
    officiele_titel: str
    verkorte_titel: str
    classificatie: str
    themas: str
    taal: str
    staart: str
    # The later of the publication's change and publication moments, for the sitemap's lastmod.
    gewijzigd: dt.datetime


def _fragmenten(
    publicatie: Publicatierij,
    handelingen: list[tuple[str, str, str]],
    samenhang: Samenhang,
    urls: Urls,
) -> Publicatiefragmenten:
    """The template parts of one publication, in `document_element`'s order; `_NietSnel` when any
    value needs the lxml path."""
    kop = ["<diwoo:Document><diwoo:DiWoo>"]
    if publicatie.identificatoren:
        kop.append("<diwoo:identifiers>")
        for kenmerk in publicatie.identificatoren:
            if isinstance(kenmerk, _GeenLijst):
                raise _NietSnel
            kop.append(_el("identifier", str(kenmerk)))
        kop.append("</diwoo:identifiers>")
    kop.append(_organisatie_tekst("publisher", publicatie.publisher))
    kop.append("<diwoo:titelcollectie>")

    verkorte_titel = ""
    if publicatie.verkorte_titel:
        verkorte_titel = (
            f"<{_D}verkorteTitels>{_el('verkorteTitel', publicatie.verkorte_titel)}</{_D}verkorteTitels>"
        )

    classificatie = ["</diwoo:titelcollectie>"]
    if publicatie.omschrijving.strip():
        classificatie.append(
            f"<{_D}omschrijvingen>{_el('omschrijving', publicatie.omschrijving)}</{_D}omschrijvingen>"
        )
    if not publicatie.informatiecategorieen:
        raise _NietSnel
    classificatie.append("<diwoo:classificatiecollectie><diwoo:informatiecategorieen>")
    for uri in publicatie.informatiecategorieen:
        if not isinstance(uri, str):
            raise _NietSnel
        classificatie.append(_lijstelement("informatiecategorie", waardelijsten.informatiecategorieen, uri))
    classificatie.append("</diwoo:informatiecategorieen>")

    themas = []
    if publicatie.themas:
        themas.append("<diwoo:themas>")
        for uri in publicatie.themas:
            if not isinstance(uri, str):
                raise _NietSnel
            themas.append(_lijstelement("thema", waardelijsten.themas, uri))
        themas.append("</diwoo:themas>")
    themas.append("</diwoo:classificatiecollectie>")

    taal = ""
    if publicatie.taal:
        taal = _lijstelement("language", waardelijsten.talen, publicatie.taal)

    staart = [_el("isPartOf", publicatie.officiele_titel, urls.publicatie(publicatie.uuid))]
    if not handelingen:
        raise _NietSnel
    staart.append("<diwoo:documenthandelingen>")
    for soort, tijdstip, actor in handelingen:
        staart.append("<diwoo:documenthandeling>")
        staart.append(_lijstelement("soortHandeling", waardelijsten.soorten_handeling, soort))
        staart.append(f"<diwoo:atTime>{datumtijd(moment(tijdstip))}</diwoo:atTime>")
        if actor:
            staart.append(_organisatie_tekst("wasAssociatedWith", actor))
        staart.append("</diwoo:documenthandeling>")
    staart.append("</diwoo:documenthandelingen>")
    if samenhang.relaties:
        staart.append(f"<{_D}documentrelaties>")
        for rol, titel, naar_uuid in samenhang.relaties:
            staart.append(f"<{_D}documentrelatie>")
            staart.append(_lijstelement("role", waardelijsten.documentrelaties, rol))
            staart.append(_el("relation", titel, urls.publicatie(naar_uuid)))
            staart.append(f"</{_D}documentrelatie>")
        staart.append(f"</{_D}documentrelaties>")
    # As `_reden`: a withdrawn or replaced publication its own reason, its replacement the old one's.
    reden = publicatie.reden_intrekking if publicatie.status in _TERUGGETROKKEN else samenhang.reden_vervangen
    if reden:
        staart.append(_lijstelement("redenVerwijderingVervanging", waardelijsten.redenen_verwijdering, reden))
    staart.append("</diwoo:DiWoo></diwoo:Document>")

    gewijzigd = moment(publicatie.gewijzigd_op)
    if publicatie.gepubliceerd_op is not None:
        gewijzigd = max(gewijzigd, moment(publicatie.gepubliceerd_op))
    fragmenten = Publicatiefragmenten(
        kop="".join(kop),
        officiele_titel=publicatie.officiele_titel,
        verkorte_titel=verkorte_titel,
        classificatie="".join(classificatie),
        themas="".join(themas),
        taal=taal,
        staart="".join(staart),
        gewijzigd=gewijzigd,
    )
    if _GEEN_XML.search(
        fragmenten.kop + fragmenten.verkorte_titel + fragmenten.classificatie + fragmenten.staart
    ):
        raise _NietSnel
    return fragmenten


def publicatie_fragmenten(
    publicaties: Collection[Publicatierij], urls: Urls
) -> dict[int, Publicatiefragmenten | None]:
    """`Publicatiefragmenten` per publication, in three queries whatever the number (handlings,
    relations, replacements); None for a publication whose documents need the lxml path. The
    same rows and order as `samenhang_laden`."""
    if not publicaties:
        return {}
    ids = {publicatie.pk for publicatie in publicaties}
    handelingen: dict[int, list[tuple[str, str, str]]] = {pk: [] for pk in ids}
    rijen = (
        Documenthandeling.objects.filter(ids_filter("publicatie_id", ids))
        .order_by("tijdstip", "pk")
        .values_list("publicatie_id", "soort", _als_tekst("tijdstip"), "actor")
    )
    for publicatie_id, soort, tijdstip, actor in rijen:
        if publicatie_id in ids:
            handelingen[publicatie_id].append((soort, tijdstip, actor))
    samenhang = {pk: Samenhang() for pk in ids}
    relaties = (
        Publicatierelatie.objects.filter(
            ids_filter("van_id", ids), naar__status=Publicatiestatus.GEPUBLICEERD
        )
        .order_by("pk")
        .values_list("van_id", "rol", "naar__officiele_titel", "naar__uuid")
    )
    for van_id, rol, titel, naar_uuid in relaties:
        if van_id in ids:
            samenhang[van_id].relaties.append((rol, titel, naar_uuid))
    vervangen = (
        Publicatie.objects.filter(ids_filter("vervangen_door_id", ids))
        .exclude(reden_intrekking="")
        .order_by("pk")
        .values_list("vervangen_door_id", "reden_intrekking")
    )
    for nieuw_id, reden in vervangen:
        if nieuw_id in ids and not samenhang[nieuw_id].reden_vervangen:
            samenhang[nieuw_id].reden_vervangen = reden
    result: dict[int, Publicatiefragmenten | None] = {}
    for publicatie in publicaties:
        try:
            result[publicatie.pk] = _fragmenten(
                publicatie, handelingen[publicatie.pk], samenhang[publicatie.pk], urls
            )
        except _NietSnel:
            result[publicatie.pk] = None
    return result


class Documentsjablonen:
    """The per-document parts of `<diwoo:Document>` that repeat across documents (document type,
    format), serialised once per value."""

    def __init__(self) -> None:
        self._soorten: dict[str, str] = {"": ""}
        self._formaten: dict[str, str] = {}

    def documentsoort(self, uri: str) -> str:
        gevonden = self._soorten.get(uri)
        if gevonden is None:
            label = _lijstwaarde(waardelijsten.documentsoorten(), uri)
            gevonden = self._soorten[uri] = (
                f"<{_D}documentsoorten>{_el('documentsoort', label, uri)}</{_D}documentsoorten>"
            )
        return gevonden

    def formaat(self, uri: str) -> str:
        gevonden = self._formaten.get(uri)
        if gevonden is None:
            gevonden = self._formaten[uri] = _el(
                "format", _lijstwaarde(waardelijsten.bestandsformaten(), uri), uri
            )
        return gevonden


def document_tekst(
    titel: str,
    documentsoort: str,
    bestandsformaat: str,
    creatiedatum: dt.date | None,
    fragmenten: Publicatiefragmenten,
    sjablonen: Documentsjablonen,
) -> str | None:
    """The `<diwoo:Document>` of one document as text, byte for byte what `document_element` gives
    once serialised (without namespace declarations: the sitemap's urlset declares them); None
    when the document needs the lxml path."""
    titel = titel.strip() or fragmenten.officiele_titel
    if not titel.strip() or _GEEN_XML.search(titel):
        return None
    try:
        soort = sjablonen.documentsoort(documentsoort)
        formaat = sjablonen.formaat(bestandsformaat)
    except _NietSnel:
        return None
    return "".join(
        (
            fragmenten.kop,
            f"<{_D}officieleTitel>{tekst_escapen(titel)}</{_D}officieleTitel>",
            fragmenten.verkorte_titel if titel == fragmenten.officiele_titel else "",
            fragmenten.classificatie,
            soort,
            fragmenten.themas,
            f"<{_D}creatiedatum>{creatiedatum.isoformat()}</{_D}creatiedatum>"
            if creatiedatum is not None
            else "",
            fragmenten.taal,
            formaat,
            fragmenten.staart,
        )
    )
