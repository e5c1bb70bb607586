"""The "Mijn zaken" API for the logged-in resident or business (the DigiD or eHerkenning session).

Only the session's own cases: someone else's answers 404, as if it did not exist. The BSN never
travels in the URL (unlike the ZGW rol filter, Open Zaak #1647): the identity comes from the
session. Lists are keyset-paginated (``na``), without a count."""

from __future__ import annotations

import datetime as dt
from typing import Literal
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.security import APIKeyCookie

from raadhuis.core.identiteit import Betrouwbaarheidsniveau, Identiteit, huidige_identiteit
from raadhuis.dienstverlening.models import Zaak
from raadhuis.dienstverlening.selectors.mijn_zaken import (
    MAX_PAGINAGROOTTE,
    PAGINAGROOTTE,
    Stand,
    ZaakInzage,
    mijn_zaak,
    zaken_pagina,
)

# Mijn zaken shows personal data: eIDAS substantieel (Wdo, Besluit identificatiemiddelen).
NIVEAU = Betrouwbaarheidsniveau.SUBSTANTIEEL


class InwonerSessie(APIKeyCookie):
    """The resident's or business's session after DigiD or eHerkenning (not an employee's)."""

    openapi_description = "De sessie na inloggen met DigiD of eHerkenning."

    param_name = settings.SESSION_COOKIE_NAME

    def __init__(self) -> None:
        super().__init__()
        self.openapi_name = "inwonersessie"

    def authenticate(self, request: HttpRequest, key: str | None) -> Identiteit | None:
        return huidige_identiteit(request.session)


router = Router(tags=["Mijn zaken"], auth=InwonerSessie())


class DocumentUit(Schema):
    titel: str
    url: str
    toegevoegd_op: dt.datetime


class BerichtUit(Schema):
    onderwerp: str
    tekst: str
    van: Literal["aanvrager", "gemeente"]
    aangemaakt_op: dt.datetime


class StatusUit(Schema):
    omschrijving: str
    statustekst: str
    datum_status_gezet: dt.datetime


class ZaakSamenvatting(Schema):
    identificatie: str
    omschrijving: str
    status: str
    statustekst: str
    registratiedatum: dt.date
    einddatum_gepland: dt.date
    einddatum: dt.date | None
    resultaat: str | None
    url: str


class ZaakUit(ZaakSamenvatting):
    statussen: list[StatusUit]
    documenten: list[DocumentUit]
    berichten: list[BerichtUit]


class ZakenLijst(Schema):
    volgende: str | None = Field(
        description="De vervolgcode voor de volgende pagina (parameter na), of null."
    )
    resultaten: list[ZaakSamenvatting]


class ZakenFilter(Schema):
    na: str = Field("", description="De vervolgcode uit 'volgende' van de vorige pagina.")
    aantal: int = Field(PAGINAGROOTTE, ge=1, le=MAX_PAGINAGROOTTE)
    stand: Stand | None = Field(None, description="Alleen lopende of alleen afgesloten zaken.")


def _identiteit(request: HttpRequest) -> Identiteit:
    identiteit = request.auth  # type: ignore[attr-defined]
    if not isinstance(identiteit, Identiteit):
        raise PermissionDenied
    if not identiteit.voldoet_aan(NIVEAU):
        raise PermissionDenied(
            _("Voor Mijn zaken logt u in op betrouwbaarheidsniveau %(niveau)s.") % {"niveau": NIVEAU.label}
        )
    return identiteit


def _zaken_url(request: HttpRequest) -> str:
    # Once per response, not per case: reverse() per row was the list's largest cost.
    return request.build_absolute_uri(reverse("api:mijn_zaken"))


def _samenvatting(basis: str, zaak: Zaak) -> dict[str, object]:
    return {
        "identificatie": zaak.identificatie,
        "omschrijving": zaak.omschrijving,
        "status": zaak.statustype.omschrijving,
        "statustekst": zaak.statustype.statustekst,
        "registratiedatum": zaak.registratiedatum,
        "einddatum_gepland": zaak.einddatum_gepland,
        "einddatum": zaak.einddatum,
        "resultaat": zaak.resultaattype.omschrijving if zaak.resultaattype else None,
        "url": f"{basis}/{quote(zaak.identificatie, safe='')}",
    }


def _zaak(request: HttpRequest, inzage: ZaakInzage) -> ZaakUit:
    zaak = inzage.zaak
    return ZaakUit.model_validate(
        _samenvatting(_zaken_url(request), zaak)
        | {
            "statussen": [
                {
                    "omschrijving": status.statustype.omschrijving,
                    "statustekst": status.statustype.statustekst,
                    "datum_status_gezet": status.datum_status_gezet,
                }
                for status in inzage.statussen
            ],
            "documenten": [
                {
                    "titel": document.titel,
                    "url": request.build_absolute_uri(
                        reverse(
                            "dienstverlening:mijn_zaak_document_downloaden",
                            args=[zaak.identificatie, document.pk],
                        )
                    ),
                    "toegevoegd_op": document.toegevoegd_op,
                }
                for document in inzage.documenten
            ],
            "berichten": [
                {
                    "onderwerp": bericht.onderwerp,
                    "tekst": bericht.tekst,
                    "van": "aanvrager" if bericht.soort == "van_aanvrager" else "gemeente",
                    "aangemaakt_op": bericht.aangemaakt_op,
                }
                for bericht in inzage.berichten
            ],
        }
    )


@router.get("/mijn-zaken", response=ZakenLijst, url_name="mijn_zaken", summary="Mijn zaken")
def zaken(request: HttpRequest, filters: Query[ZakenFilter]) -> ZakenLijst:
    """The logged-in resident's or business's own cases, newest first, a page at a time."""
    pagina = zaken_pagina(
        door=_identiteit(request), na=filters.na, aantal=filters.aantal, stand=filters.stand
    )
    basis = _zaken_url(request)
    return ZakenLijst.model_validate(
        {"volgende": pagina.volgende, "resultaten": [_samenvatting(basis, zaak) for zaak in pagina.zaken]}
    )


@router.get("/mijn-zaken/{identificatie}", response=ZaakUit, url_name="mijn_zaak", summary="Mijn zaak")
def zaak(request: HttpRequest, identificatie: str) -> ZaakUit:
    """One own case with its status history, the documents the applicant may see and the messages."""
    inzage = mijn_zaak(door=_identiteit(request), identificatie=identificatie)
    if inzage is None:
        raise Http404
    return _zaak(request, inzage)
