"""The lxml reference of DiWoo 0.9.8 metadata (woo.md §5): the `<diwoo:Document>` of one published
file, the public addresses it names, and the vendored XSD (`publicatie/data/diwoo-0.9.8/`) to
validate it with.

The register stores metadata as data (TOOI / EU URIs); XML exists only here, when a sitemap is
written (`publicatie.sitemaps`). Every value that carries a `resource` attribute is checked against
its value list first: the XSD restricts those attributes to the official lists, and a custom value
must never reach a sitemap, so an unknown value raises `OngeldigeMetadata` instead of producing an
element the Woo index would reject.

Element names and cardinalities follow diwoo-metadata.xsd 0.9.8: `DocumentType` is a sequence
(`DiWoo`, then optional `extraMetadata`), `DiWooType` an `xs:all` (any order; we keep the XSD's
declaration order for readable output) with the required publisher, titelcollectie,
classificatiecollectie (informatiecategorieen 1..n) and documenthandelingen (1..n).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from django.urls import reverse
from django.utils import timezone
from lxml import etree

from raadhuis.core.tooi import organisatie
from raadhuis.publicatie import waardelijsten
from raadhuis.publicatie.models import (
    Documenthandeling,
    Publicatie,
    Publicatiedocument,
    Publicatierelatie,
    Publicatiestatus,
)

DIWOO_NS = "https://standaarden.overheid.nl/diwoo/metadata/"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NSMAP: dict[str | None, str] = {"diwoo": DIWOO_NS}

# The vendored XSD lives in the app (publicatie/data), one level above this package.
XSD_MAP = Path(__file__).resolve().parent.parent / "data" / "diwoo-0.9.8"
# diwoo-metadata.xsd imports MDTO from the Nationaal Archief by URL; offline the stub stands in
# for it (our documents use the DiWoo branch, the stub accepts any mdto:MDTO).
MDTO_LOCATIE = "https://www.nationaalarchief.nl/mdto/MDTO-XML1.0.1.xsd"


class OngeldigeMetadata(ValueError):
    """A value that is not on its DiWoo value list (or a required value that is missing)."""


def _d(naam: str) -> str:
    return f"{{{DIWOO_NS}}}{naam}"


def _sub(
    ouder: etree._Element, naam: str, tekst: str | None = None, resource: str | None = None
) -> etree._Element:
    element = etree.SubElement(ouder, _d(naam))
    if resource is not None:
        element.set("resource", resource)
    if tekst is not None:
        element.text = tekst
    return element


def _label(lijst: dict[str, str], uri: str, wat: str) -> str:
    label = lijst.get(uri)
    if label is None:
        raise OngeldigeMetadata(f"{wat} {uri!r} staat niet op de DiWoo-waardelijst.")
    return label


def datumtijd(moment: dt.datetime) -> str:
    """An xs:dateTime / W3C datetime with its offset, in the organisation's time zone, to the second
    (the Woo index compares lastmod values; a naive time would be ambiguous)."""
    zone = timezone.get_default_timezone()
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=zone)
    return moment.astimezone(zone).isoformat(timespec="seconds")


def absolute_url(pad: str) -> str:
    """The public https address of a path. The Woo index harvests only https `loc`s (woo.md §6.4),
    so the scheme of RAADHUIS_BASIS_URL is upgraded; production serves https (HSTS) anyway."""
    from django.conf import settings

    basis: str = settings.RAADHUIS_BASIS_URL
    if basis.startswith("http://"):
        basis = "https://" + basis.removeprefix("http://")
    return basis.rstrip("/") + pad


# Characters `reverse()` leaves unquoted in a path (django.urls.resolvers: RFC 3986 sub-delims + "/~:@").
_VEILIG = "!$&'()*+,;=/~:@"
_NUL = uuid.UUID(int=0)

# A withdrawn or replaced publication carries its own reason for redenVerwijderingVervanging.
_TERUGGETROKKEN = frozenset({Publicatiestatus.INGETROKKEN.value, Publicatiestatus.VERVANGEN.value})


class Urls:
    """The public https addresses of documents and publications, resolved once and then filled
    in: `reverse()` for every one of a million documents would dominate the sitemap run."""

    def __init__(self) -> None:
        document = reverse("publicatie:document", args=[_NUL, "x"])
        if not document.endswith(f"/{_NUL}/x"):
            raise ValueError(f"Onverwacht documentpad: {document}")
        self._document = absolute_url(document.removesuffix(f"{_NUL}/x"))
        publicatie = reverse("publicatie:publicatie", args=[_NUL])
        voor, _nul, na = publicatie.partition(str(_NUL))
        self._publicatie_voor, self._publicatie_na = absolute_url(voor), na

    def document(self, document: Publicatiedocument) -> str:
        """The `loc` of a document: straight at the file, not at a landing page (woo.md §6.4)."""
        return self.document_adres(document.uuid, document.bestandsnaam)

    def document_adres(self, document_uuid: uuid.UUID | str, bestandsnaam: str) -> str:
        return f"{self._document}{document_uuid}/{quote(bestandsnaam, safe=_VEILIG)}"

    def publicatie(self, publicatie_uuid: uuid.UUID | str) -> str:
        return f"{self._publicatie_voor}{publicatie_uuid}{self._publicatie_na}"


def document_url(document: Publicatiedocument) -> str:
    """The `loc` of a document: straight at the file, not at a landing page (woo.md §6.4)."""
    return absolute_url(reverse("publicatie:document", args=[document.uuid, document.bestandsnaam]))


def publicatie_url(publicatie: Publicatie) -> str:
    return absolute_url(reverse("publicatie:publicatie", args=[publicatie.uuid]))


def _organisatie(ouder: etree._Element, naam: str, code: str) -> None:
    gevonden = organisatie(code) if code else None
    if gevonden is None:
        raise OngeldigeMetadata(f"Organisatie {code!r} staat niet op de TOOI-organisatielijsten.")
    _sub(ouder, naam, gevonden.naam, gevonden.uri)


@dataclass
class Samenhang:
    """What a document's XML needs beyond its own row and its publication's: the handlings, the
    related public publications (role, title, uuid) and the reason of the publication it replaces.
    Loaded for many publications at once by `samenhang_laden` (a few queries per chunk instead of
    a few per document)."""

    handelingen: list[Documenthandeling] = field(default_factory=list)
    relaties: list[tuple[str, str, uuid.UUID]] = field(default_factory=list)
    reden_vervangen: str = ""


def samenhang_laden(publicatie_ids: Iterable[int]) -> dict[int, Samenhang]:
    """`Samenhang` per publication id, in three queries whatever the number of publications."""
    ids = sorted(set(publicatie_ids))
    result = {pk: Samenhang() for pk in ids}
    for handeling in Documenthandeling.objects.filter(publicatie_id__in=ids).order_by("tijdstip", "pk"):
        result[handeling.publicatie_id].handelingen.append(handeling)
    # Only relations to publications that are public: a link to a concept or withdrawn one is dead.
    relaties = (
        Publicatierelatie.objects.filter(van_id__in=ids, naar__status=Publicatiestatus.GEPUBLICEERD)
        .order_by("pk")
        .values_list("van_id", "rol", "naar__officiele_titel", "naar__uuid")
    )
    for van_id, rol, titel, naar_uuid in relaties:
        result[van_id].relaties.append((rol, titel, naar_uuid))
    vervangen = (
        Publicatie.objects.filter(vervangen_door_id__in=ids)
        .exclude(reden_intrekking="")
        .order_by("pk")
        .values_list("vervangen_door_id", "reden_intrekking")
    )
    for nieuw_id, reden in vervangen:
        if nieuw_id is not None and not result[nieuw_id].reden_vervangen:
            result[nieuw_id].reden_vervangen = reden
    return result


def _reden(publicatie: Publicatie, samenhang: Samenhang) -> str:
    """The reason for redenVerwijderingVervanging: a withdrawn or replaced publication carries its
    own; a publication that replaces another carries the reason the old one was replaced (the
    element tells the index why this version exists, e.g. a correction of personal data)."""
    if publicatie.status in _TERUGGETROKKEN:
        return publicatie.reden_intrekking
    return samenhang.reden_vervangen


def document_element(
    document: Publicatiedocument, samenhang: Samenhang | None = None, urls: Urls | None = None
) -> etree._Element:
    """`<diwoo:Document><diwoo:DiWoo>…</diwoo:DiWoo></diwoo:Document>` for one file of a publication.

    Pass the publication's `Samenhang` (from `samenhang_laden`) and one `Urls` when building many;
    without them they are loaded for this document. Raises `OngeldigeMetadata` for any value not on
    its list."""
    publicatie = document.publicatie
    if samenhang is None:
        samenhang = samenhang_laden([publicatie.pk])[publicatie.pk]
    urls = urls or Urls()
    wortel = etree.Element(_d("Document"), nsmap=NSMAP)  # type: ignore[arg-type]
    diwoo = _sub(wortel, "DiWoo")

    if publicatie.identificatoren:
        identifiers = _sub(diwoo, "identifiers")
        for kenmerk in publicatie.identificatoren:
            _sub(identifiers, "identifier", str(kenmerk))

    _organisatie(diwoo, "publisher", publicatie.publisher)

    titels = _sub(diwoo, "titelcollectie")
    titel = document.titel.strip() or publicatie.officiele_titel
    if not titel.strip():
        raise OngeldigeMetadata("Een officiële titel is verplicht.")
    _sub(titels, "officieleTitel", titel)
    if publicatie.verkorte_titel and titel == publicatie.officiele_titel:
        _sub(_sub(titels, "verkorteTitels"), "verkorteTitel", publicatie.verkorte_titel)

    if publicatie.omschrijving.strip():
        _sub(_sub(diwoo, "omschrijvingen"), "omschrijving", publicatie.omschrijving)

    classificatie = _sub(diwoo, "classificatiecollectie")
    if not publicatie.informatiecategorieen:
        raise OngeldigeMetadata("Minstens één informatiecategorie is verplicht.")
    categorieen = _sub(classificatie, "informatiecategorieen")
    for uri in publicatie.informatiecategorieen:
        label = _label(waardelijsten.informatiecategorieen(), uri, "Informatiecategorie")
        _sub(categorieen, "informatiecategorie", label, uri)
    if document.documentsoort:
        label = _label(waardelijsten.documentsoorten(), document.documentsoort, "Documentsoort")
        _sub(_sub(classificatie, "documentsoorten"), "documentsoort", label, document.documentsoort)
    if publicatie.themas:
        themas = _sub(classificatie, "themas")
        for uri in publicatie.themas:
            _sub(themas, "thema", _label(waardelijsten.themas(), uri, "Thema"), uri)

    if document.creatiedatum is not None:
        _sub(diwoo, "creatiedatum", document.creatiedatum.isoformat())

    if publicatie.taal:
        _sub(diwoo, "language", _label(waardelijsten.talen(), publicatie.taal, "Taal"), publicatie.taal)

    formaat = document.bestandsformaat
    _sub(diwoo, "format", _label(waardelijsten.bestandsformaten(), formaat, "Bestandsformaat"), formaat)

    # The publication this file belongs to (its stable public page), e.g. a decision and its annexes.
    _sub(diwoo, "isPartOf", publicatie.officiele_titel, urls.publicatie(publicatie.uuid))

    handelingen = samenhang.handelingen
    if not handelingen:
        raise OngeldigeMetadata("Minstens één documenthandeling is verplicht.")
    lijst = _sub(diwoo, "documenthandelingen")
    for handeling in handelingen:
        element = _sub(lijst, "documenthandeling")
        label = _label(waardelijsten.soorten_handeling(), handeling.soort, "Soort handeling")
        _sub(element, "soortHandeling", label, handeling.soort)
        _sub(element, "atTime", datumtijd(handeling.tijdstip))
        if handeling.actor:
            _organisatie(element, "wasAssociatedWith", handeling.actor)

    if samenhang.relaties:
        lijst = _sub(diwoo, "documentrelaties")
        for rol, titel, naar_uuid in samenhang.relaties:
            element = _sub(lijst, "documentrelatie")
            _sub(element, "role", _label(waardelijsten.documentrelaties(), rol, "Relatie"), rol)
            _sub(element, "relation", titel, urls.publicatie(naar_uuid))

    reden = _reden(publicatie, samenhang)
    if reden:
        label = _label(waardelijsten.redenen_verwijdering(), reden, "Reden van verwijdering")
        _sub(diwoo, "redenVerwijderingVervanging", label, reden)
    return wortel


class _MdtoResolver(etree.Resolver):
    """Sends the XSD's import of the Nationaal Archief's MDTO schema to the local stub."""

    def resolve(self, system_url: str, public_id: str, context: object) -> object:  # type: ignore[override]
        if system_url == MDTO_LOCATIE:
            return self.resolve_filename(str(XSD_MAP / "mdto-stub.xsd"), context)  # type: ignore[attr-defined]
        return None


def meldingen(xsd: etree.XMLSchema) -> list[Any]:
    """The entries of the last validation's error log (lxml-stubs do not declare it iterable)."""
    log: Iterable[Any] = xsd.error_log  # type: ignore[assignment]
    return list(log)


@cache
def schema() -> etree.XMLSchema:
    """The DiWoo 0.9.8 XSD, compiled once per process, without network access."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(_MdtoResolver())
    return etree.XMLSchema(etree.parse(str(XSD_MAP / "diwoo-metadata.xsd"), parser))


def fouten(element: etree._Element) -> list[str]:
    """The XSD's complaints about a `<diwoo:Document>` element (empty when it is valid)."""
    xsd = schema()
    if xsd.validate(element):
        return []
    return [f"regel {fout.line}: {fout.message}" for fout in meldingen(xsd)]
