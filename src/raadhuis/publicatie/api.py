"""The public JSON API of the publication register (issue 10 point 5): publications and documents
with their DiWoo metadata, open to anonymous readers.

Values stay the TOOI / EU URIs the register stores, each with its Dutch label from the official
lists, so a client can both show and match them. Lists are keyset-paginated by (gepubliceerd_op,
id) with an opaque `cursor` and a `volgende` link, without a count: paging stays as cheap on page
10,000 as on page 1, and publications that arrive meanwhile do not shift the pages. A concept does
not exist here (404); a withdrawn or replaced publication answers 410 with its reason, as its page
does."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from typing import Any
from urllib.parse import quote
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from raadhuis.core import tooi
from raadhuis.core.problem import PROBLEM_JSON
from raadhuis.publicatie import selectors, waardelijsten
from raadhuis.publicatie.models import Publicatie, Publicatiedocument, Publicatiestatus

router = Router(tags=["Openbaarheid (Woo-publicaties)"], auth=None)

PAGINAGROOTTE = 50
MAX_PAGINAGROOTTE = 100
# Any UUID: the public URLs are built from one reverse() per response, not one per row.
_LEEG = UUID(int=0)


# -- Schemas (the OpenAPI document) ----------------------------------------------------------------


class WaardelijstWaarde(Schema):
    uri: str = Field(description="De URI uit de officiële waardelijst (TOOI of EU).")
    label: str = Field(description="De Nederlandse naam uit die lijst.")


class PublisherUit(Schema):
    code: str = Field(description="TOOI-code, bijvoorbeeld gm1926.")
    uri: str
    naam: str


class DocumenthandelingUit(Schema):
    soort: WaardelijstWaarde
    tijdstip: dt.datetime
    actor: PublisherUit | None = Field(description="De organisatie die handelde; null: de publisher.")


class PublicatiedocumentUit(Schema):
    uuid: UUID
    titel: str
    documentsoort: WaardelijstWaarde | None
    bestandsformaat: WaardelijstWaarde
    mediatype: str
    grootte: int = Field(description="In bytes.")
    sha256: str
    creatiedatum: dt.date | None
    url: str = Field(description="Het bestand zelf (de loc in de DiWoo-sitemap).")


class PeriodeUit(Schema):
    van: dt.date | None
    tot: dt.date | None


class PublicatieUit(Schema):
    uuid: UUID
    url: str = Field(description="De openbare pagina van de publicatie.")
    officiele_titel: str
    verkorte_titel: str
    omschrijving: str
    publisher: PublisherUit
    informatiecategorieen: list[WaardelijstWaarde]
    themas: list[WaardelijstWaarde]
    taal: WaardelijstWaarde
    periode: PeriodeUit
    documenthandelingen: list[DocumenthandelingUit]
    identificatoren: list[str]
    gepubliceerd_op: dt.datetime
    gewijzigd_op: dt.datetime
    documenten: list[PublicatiedocumentUit]


class PublicatiedocumentMetPublicatie(PublicatiedocumentUit):
    publicatie: str = Field(description="De publicatie in deze API.")
    publicatie_uuid: UUID


class PublicatieLijst(Schema):
    volgende: str | None = Field(description="De URL van de volgende pagina, of null op de laatste.")
    resultaten: list[PublicatieUit]


class PublicatieProbleem(Schema):
    type: str
    title: str
    status: int
    detail: str | None = None
    reden: WaardelijstWaarde | None = None
    vervangen_door: str | None = None


class PublicatieFilter(Schema):
    categorie: str | None = Field(
        None, description="Informatiecategorie: TOOI-URI of infocat-nummer (bijvoorbeeld 014)."
    )
    publisher: str | None = Field(None, description="TOOI-code van de publicerende organisatie.")
    gewijzigd_sinds: dt.datetime | None = Field(
        None, description="Alleen publicaties die sindsdien (ISO 8601) zijn gewijzigd."
    )
    aantal: int = Field(PAGINAGROOTTE, ge=1, le=MAX_PAGINAGROOTTE, description="Paginagrootte.")
    cursor: str | None = Field(None, description="De vervolgcode uit 'volgende' van de vorige pagina.")


# -- Cursor ----------------------------------------------------------------------------------------


def cursor_maken(publicatie: Publicatie) -> str:
    """Opaque to the client: base64url of "<gepubliceerd_op ISO>|<id>" (no padding)."""
    if publicatie.gepubliceerd_op is None:
        raise ValueError("Only a published publication has a place in the list.")
    ruw = f"{publicatie.gepubliceerd_op.isoformat()}|{publicatie.pk}"
    return base64.urlsafe_b64encode(ruw.encode()).decode().rstrip("=")


def cursor_lezen(waarde: str) -> tuple[dt.datetime, int]:
    ongeldig = ValidationError(
        {"cursor": _("Deze vervolgcode is ongeldig. Begin opnieuw bij de eerste pagina.")}
    )
    try:
        ruw = base64.urlsafe_b64decode(waarde + "=" * (-len(waarde) % 4)).decode()
        moment_tekst, _streep, nummer = ruw.partition("|")
        moment = dt.datetime.fromisoformat(moment_tekst)
        pk = int(nummer)
    except (ValueError, binascii.Error, UnicodeDecodeError) as fout:
        raise ongeldig from fout
    if timezone.is_naive(moment) or pk < 1:
        raise ongeldig
    return moment, pk


# -- Representations -------------------------------------------------------------------------------


class _Urls:
    """Absolute public URLs, from one reverse() each per response."""

    def __init__(self, request: HttpRequest) -> None:
        leeg = str(_LEEG)
        pagina = request.build_absolute_uri(reverse("publicatie:publicatie", args=[_LEEG]))
        self._pagina = pagina.split(leeg, 1)
        bestand = request.build_absolute_uri(reverse("publicatie:document", args=[_LEEG, "x"]))
        self._bestand = bestand.removesuffix("x").split(leeg, 1)
        api = request.build_absolute_uri(reverse("api:publicatie_publicatie", args=[_LEEG]))
        self._api = api.split(leeg, 1)

    def pagina(self, publicatie: Publicatie) -> str:
        return f"{self._pagina[0]}{publicatie.uuid}{self._pagina[1]}"

    def api(self, publicatie: Publicatie) -> str:
        return f"{self._api[0]}{publicatie.uuid}{self._api[1]}"

    def bestand(self, document: Publicatiedocument) -> str:
        # The same quoting as reverse() applies to a path segment.
        naam = quote(document.bestandsnaam, safe="!$&'()*+,;=~:@")
        return f"{self._bestand[0]}{document.uuid}{self._bestand[1]}{naam}"


def _waarde(uri: str, lijst: dict[str, str]) -> dict[str, str]:
    return {"uri": uri, "label": lijst.get(uri, uri)}


def _organisatie(code: str) -> dict[str, str]:
    bekend = tooi.organisatie(code)
    if bekend is None:
        return {"code": code, "uri": "", "naam": code}
    return {"code": bekend.code, "uri": bekend.uri, "naam": bekend.naam}


def _document(urls: _Urls, document: Publicatiedocument) -> dict[str, Any]:
    return {
        "uuid": document.uuid,
        "titel": document.titel,
        "documentsoort": (
            _waarde(document.documentsoort, waardelijsten.documentsoorten())
            if document.documentsoort
            else None
        ),
        "bestandsformaat": _waarde(document.bestandsformaat, waardelijsten.bestandsformaten()),
        "mediatype": document.mediatype,
        "grootte": document.grootte,
        "sha256": document.sha256,
        "creatiedatum": document.creatiedatum,
        "url": urls.bestand(document),
    }


def _publicatie(urls: _Urls, publicatie: Publicatie) -> dict[str, Any]:
    return {
        "uuid": publicatie.uuid,
        "url": urls.pagina(publicatie),
        "officiele_titel": publicatie.officiele_titel,
        "verkorte_titel": publicatie.verkorte_titel,
        "omschrijving": publicatie.omschrijving,
        "publisher": _organisatie(publicatie.publisher),
        "informatiecategorieen": [
            _waarde(uri, waardelijsten.informatiecategorieen()) for uri in publicatie.informatiecategorieen
        ],
        "themas": [_waarde(uri, waardelijsten.themas()) for uri in publicatie.themas],
        "taal": _waarde(publicatie.taal, waardelijsten.talen()),
        "periode": {"van": publicatie.periode_van, "tot": publicatie.periode_tot},
        "documenthandelingen": [
            {
                "soort": _waarde(handeling.soort, waardelijsten.soorten_handeling()),
                "tijdstip": handeling.tijdstip,
                "actor": _organisatie(handeling.actor) if handeling.actor else None,
            }
            for handeling in publicatie.handelingen.all()
        ],
        "identificatoren": list(publicatie.identificatoren),
        "gepubliceerd_op": publicatie.gepubliceerd_op,
        "gewijzigd_op": publicatie.gewijzigd_op,
        "documenten": [_document(urls, document) for document in publicatie.documenten.all()],
    }


def _weg(urls: _Urls, publicatie: Publicatie) -> HttpResponse:
    """410 Gone for a withdrawn or replaced publication (or one of its documents), with the reason
    from the DiWoo list and, when replaced, where the new version is (RFC 9457 extension members)."""
    vervangen = publicatie.status == Publicatiestatus.VERVANGEN
    inhoud: dict[str, Any] = {
        "type": "about:blank",
        "title": _("Deze publicatie is vervangen.") if vervangen else _("Deze publicatie is ingetrokken."),
        "status": 410,
    }
    if publicatie.toelichting_intrekking:
        inhoud["detail"] = publicatie.toelichting_intrekking
    if publicatie.reden_intrekking:
        inhoud["reden"] = _waarde(publicatie.reden_intrekking, waardelijsten.redenen_verwijdering())
    nieuw = publicatie.vervangen_door
    if vervangen and nieuw is not None and nieuw.status == Publicatiestatus.GEPUBLICEERD:
        inhoud["vervangen_door"] = urls.api(nieuw)
    return HttpResponse(json.dumps(inhoud, ensure_ascii=False), status=410, content_type=PROBLEM_JSON)


def _categorie_uri(waarde: str) -> str:
    waarde = waarde.strip()
    gevonden = waardelijsten.categorie_met_infocat(waarde) or waardelijsten.categorie(waarde)
    if gevonden is None:
        raise ValidationError({"categorie": _("Deze informatiecategorie bestaat niet.")})
    return gevonden.uri


def _publisher_code(waarde: str) -> str:
    bekend = tooi.organisatie(waarde)
    if bekend is None:
        raise ValidationError({"publisher": _("Deze organisatie staat niet in de TOOI-lijsten.")})
    return bekend.code


def _volgende(request: HttpRequest, cursor: str) -> str:
    parameters = request.GET.copy()
    parameters["cursor"] = cursor
    return request.build_absolute_uri(f"{request.path}?{parameters.urlencode()}")


# -- Endpoints -------------------------------------------------------------------------------------

_PROBLEMEN = {404: PublicatieProbleem, 410: PublicatieProbleem, 422: PublicatieProbleem}


@router.get(
    "/publicaties",
    response={200: PublicatieLijst, 422: PublicatieProbleem},
    url_name="publicatie_publicaties",
    summary="Gepubliceerde publicaties",
)
def publicaties(request: HttpRequest, filters: Query[PublicatieFilter]) -> dict[str, Any]:
    """Published publications with their documents, newest first, a page at a time (follow
    `volgende`). Filters: `categorie`, `publisher`, `gewijzigd_sinds`."""
    sinds = filters.gewijzigd_sinds
    if sinds is not None and timezone.is_naive(sinds):
        sinds = timezone.make_aware(sinds)
    rijen = selectors.gepubliceerde_publicaties_na(
        categorie=_categorie_uri(filters.categorie) if filters.categorie else None,
        publisher=_publisher_code(filters.publisher) if filters.publisher else None,
        gewijzigd_sinds=sinds,
        na=cursor_lezen(filters.cursor) if filters.cursor else None,
        aantal=filters.aantal,
    )
    urls = _Urls(request)
    pagina = rijen[: filters.aantal]
    volgende = _volgende(request, cursor_maken(pagina[-1])) if len(rijen) > filters.aantal else None
    return {"volgende": volgende, "resultaten": [_publicatie(urls, p) for p in pagina]}


@router.get(
    "/publicaties/{publicatie_uuid}",
    response={200: PublicatieUit, **_PROBLEMEN},
    url_name="publicatie_publicatie",
    summary="Publicatie",
)
def publicatie(request: HttpRequest, publicatie_uuid: UUID) -> dict[str, Any] | HttpResponse:
    """One publication; 404 for a concept or unknown one, 410 with the reason when withdrawn or
    replaced (then `vervangen_door` points at the new version)."""
    gevonden = selectors.publicatie_met_uuid(publicatie_uuid, alleen_zichtbaar=True)
    if gevonden is None:
        raise Http404
    urls = _Urls(request)
    if gevonden.status != Publicatiestatus.GEPUBLICEERD:
        return _weg(urls, gevonden)
    return _publicatie(urls, gevonden)


@router.get(
    "/documenten/{document_uuid}",
    response={200: PublicatiedocumentMetPublicatie, **_PROBLEMEN},
    url_name="publicatie_document",
    summary="Publicatiedocument",
)
def document(request: HttpRequest, document_uuid: UUID) -> dict[str, Any] | HttpResponse:
    """One document's metadata with the URL of the file; 404 / 410 as its publication."""
    gevonden = selectors.document_met_uuid(document_uuid, alleen_zichtbaar=True)
    if gevonden is None:
        raise Http404
    urls = _Urls(request)
    if gevonden.publicatie.status != Publicatiestatus.GEPUBLICEERD:
        return _weg(urls, gevonden.publicatie)
    return _document(urls, gevonden) | {
        "publicatie": urls.api(gevonden.publicatie),
        "publicatie_uuid": gevonden.publicatie.uuid,
    }
