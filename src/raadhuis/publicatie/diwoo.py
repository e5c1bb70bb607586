"""DiWoo 0.9.8 metadata as XML (woo.md §5): the `<diwoo:Document>` of one published file, and the
vendored XSD (`publicatie/data/diwoo-0.9.8/`) to validate it with.

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
import json
import re
import uuid
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import quote

from django.conf import settings
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
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

XSD_MAP = Path(__file__).resolve().parent / "data" / "diwoo-0.9.8"
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


# --- the same XML as text, for the sitemap writer ------------------------------------------------
#
# `document_element` builds an lxml tree per document; at a million documents building and
# serialising those trees is most of a sitemap run. The functions below write the very same bytes
# from string templates: a publication's share (everything but the title, type, creation date and
# format) once per publication, then a few strings per document. `document_element` stays the
# reference: whenever a value is missing, off its list or not XML-safe, `document_tekst` answers
# None and the caller takes the lxml path, which raises exactly what it always raised. A test
# compares both paths byte for byte over varied documents.

_TEKST_SPECIAAL = re.compile("[&<>\r]")
_ATTRIBUUT_SPECIAAL = re.compile('[&<>"\n\r\t]')
# What lxml refuses in text and attributes (control characters, U+FFFE/U+FFFF, lone surrogates).
_GEEN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# The prefix the urlset declares for DIWOO_NS (written out literally in the templates below).
_D = "diwoo:"
_TERUGGETROKKEN = frozenset({Publicatiestatus.INGETROKKEN.value, Publicatiestatus.VERVANGEN.value})


def moment(tekst: str) -> dt.datetime:
    """A timestamp column read as text (`Cast(..., CharField())`): `fromisoformat` is many times
    faster than the database driver's parser, and a million documents carry about four
    timestamps each. PostgreSQL writes ISO 8601 with the offset (the connection runs in UTC);
    SQLite stores UTC without one."""
    try:
        waarde = dt.datetime.fromisoformat(tekst)
    except ValueError:
        gelezen = parse_datetime(tekst)
        if gelezen is None:
            raise
        waarde = gelezen
    if waarde.tzinfo is None and settings.USE_TZ:
        return waarde.replace(tzinfo=dt.UTC)
    return waarde


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


class Publicatierij(NamedTuple):
    """The columns of a publication `publicatie_fragmenten` reads (`PUBLICATIEKOLOMMEN` order)."""

    pk: int
    uuid: str
    publisher: str
    officiele_titel: str
    verkorte_titel: str
    omschrijving: str
    informatiecategorieen: list[Any]
    themas: list[Any]
    taal: str
    identificatoren: list[Any]
    status: str
    reden_intrekking: str
    gepubliceerd_op: str | None  # as text: see `moment`
    gewijzigd_op: str


def _als_tekst(veld: str) -> Cast:
    """A column read as text. The sitemap reads a million rows with about four timestamps, three
    JSON lists and two uuids each; the driver's and Django's conversions of those cost more than
    the rest of the writing, `fromisoformat` and `json.loads` are several times faster (see
    `moment`, `uuid_tekst`, `_lijst`)."""
    return Cast(veld, output_field=CharField())


PUBLICATIEKOLOMMEN = (
    "pk",
    _als_tekst("uuid"),
    "publisher",
    "officiele_titel",
    "verkorte_titel",
    "omschrijving",
    _als_tekst("informatiecategorieen"),
    _als_tekst("themas"),
    "taal",
    _als_tekst("identificatoren"),
    "status",
    "reden_intrekking",
    _als_tekst("gepubliceerd_op"),
    _als_tekst("gewijzigd_op"),
)


def uuid_tekst(waarde: str) -> str:
    """A uuid column read as text: PostgreSQL gives the hyphenated form, SQLite the 32 hex digits
    Django stores there."""
    return waarde if len(waarde) == 36 else str(uuid.UUID(waarde))


def _lijst(waarde: str | None) -> list[Any]:
    if not waarde or waarde == "[]":
        return []
    gelezen = json.loads(waarde)
    # Anything but a list (which the services never store) takes the lxml path.
    return gelezen if isinstance(gelezen, list) else [_GEEN_LIJST]


class _GeenLijst:
    pass


_GEEN_LIJST = _GeenLijst()


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


def ids_filter(veld: str, ids: Collection[int]) -> Q:
    """`veld` among `ids`: as a range when the ids lie close together (a chunk of documents in id
    order has publications with neighbouring ids), so the query stays small and uses the index;
    callers drop the rows in the range they did not ask for."""
    laagste, hoogste = min(ids), max(ids)
    if hoogste - laagste < 4 * len(ids):
        return Q(**{f"{veld}__gte": laagste, f"{veld}__lte": hoogste})
    return Q(**{f"{veld}__in": sorted(ids)})


def publicaties_lezen(ids: Collection[int], **filters: Any) -> list[Publicatierij]:
    """The publications with these ids (and `filters`) as rows for `publicatie_fragmenten`."""
    if not ids:
        return []
    rijen = Publicatie.objects.filter(ids_filter("pk", ids), **filters).values_list(*PUBLICATIEKOLOMMEN)
    return [
        Publicatierij(
            pk,
            uuid_tekst(publicatie_uuid),
            publisher,
            officiele_titel,
            verkorte_titel,
            omschrijving,
            _lijst(categorieen),
            _lijst(themas),
            taal,
            _lijst(identificatoren),
            status,
            reden,
            gepubliceerd_op,
            gewijzigd_op,
        )
        for (
            pk,
            publicatie_uuid,
            publisher,
            officiele_titel,
            verkorte_titel,
            omschrijving,
            categorieen,
            themas,
            taal,
            identificatoren,
            status,
            reden,
            gepubliceerd_op,
            gewijzigd_op,
        ) in rijen
        if pk in ids
    ]


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


# The columns of a document `document_tekst` reads, in this order.
DOCUMENTKOLOMMEN = (
    "pk",
    "publicatie_id",
    _als_tekst("uuid"),
    "titel",
    "documentsoort",
    "bestandsnaam",
    "bestandsformaat",
    "creatiedatum",
    Cast("gewijzigd_op", output_field=CharField()),
)


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
