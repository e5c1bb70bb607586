"""The Woo API for employees (token or Werkplek session, permission WOO_VERZOEK_BEHANDELEN):
register a request received by e-mail or letter, suspend its term, extend it, and read the decision
term as it stands with its explanation (Woo art. 4.4; Atw).

The answers carry no personal data of the requester (name, address, BSN): the kenmerk, the subject
and the term are enough for a case system or a dashboard, and no read has to be logged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Literal, TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from raadhuis.accounts.models import Medewerker
from raadhuis.core.rechten import vereis
from raadhuis.core.toegang import ingelogde_gebruiker
from raadhuis.woo.models import WooVerzoek
from raadhuis.woo.rechten import WOO_VERZOEK_BEHANDELEN
from raadhuis.woo.selectors import verzoeken as selectors
from raadhuis.woo.services import verzoeken as services
from raadhuis.woo.termijnen import MAXIMALE_VERDAGING_DAGEN

router = Router(tags=["Woo-verzoeken"])

T = TypeVar("T")

# The services name their fields after the model; the API after the contract.
_VELDNAMEN = {"ontvangen_op": "ontvangstdatum", "verzoeker_naam": "naam"}


class VerzoekIn(Schema):
    onderwerp: str = Field(max_length=200, description="Het onderwerp waarover informatie wordt gevraagd.")
    omschrijving: str = Field("", description="De gevraagde informatie (Woo art. 4.1 lid 2).")
    ontvangstdatum: dt.date = Field(description="De dag waarop het verzoek binnenkwam.")
    kanaal: Literal["email", "brief", "balie", "webformulier"] = "email"
    naam: str = Field("", max_length=200)
    organisatie: str = Field("", max_length=200)
    emailadres: str = ""
    telefoonnummer: str = Field("", max_length=20)
    postadres: str = ""
    periode_van: dt.date | None = None
    periode_tot: dt.date | None = None
    kvk_nummer: str = Field(
        "",
        pattern=r"^([0-9]{8})?$",
        description="Het KvK-nummer van een verzoekende onderneming (8 cijfers).",
    )


class OpschortingIn(Schema):
    van: dt.date = Field(description="De eerste dag waarop de termijn stilstaat.")
    tot: dt.date | None = Field(
        None, description="De dag waarop de termijn weer loopt (de zienswijze kwam binnen); leeg: nog open."
    )
    reden: str = ""


class VerdagingIn(Schema):
    reden: str = Field(
        description="De omvang of de gecompliceerdheid van de informatie (Woo art. 4.4 lid 2)."
    )
    dagen: int = Field(MAXIMALE_VERDAGING_DAGEN, ge=1, le=MAXIMALE_VERDAGING_DAGEN)
    besloten_op: dt.date | None = Field(None, description="Standaard vandaag.")


class OpschortingUit(Schema):
    soort: str
    van: dt.date
    tot: dt.date | None
    reden: str


class VerdagingUit(Schema):
    besloten_op: dt.date
    dagen: int
    reden: str


class VerzoekUit(Schema):
    kenmerk: str
    onderwerp: str
    status: str
    kanaal: str
    ontvangstdatum: dt.date
    eerste_termijn_einde: dt.date
    beslistermijn_einde: dt.date | None = Field(
        description="De laatste dag om te beslissen; null zolang een opschorting loopt."
    )
    vroegste_einde: dt.date = Field(description="De einddatum als een lopende opschorting vandaag eindigt.")
    termijnstatus: str
    samenvatting: str
    uitleg: list[str]
    opschortingen: list[OpschortingUit]
    verdaging: VerdagingUit | None


def _medewerker(request: HttpRequest) -> Medewerker:
    """The employee behind the token or the session, allowed to handle Woo requests (else 403)."""
    gebruiker = ingelogde_gebruiker(request)
    if not isinstance(gebruiker, Medewerker):
        raise PermissionDenied
    vereis(gebruiker, WOO_VERZOEK_BEHANDELEN)
    return gebruiker


def _verzoek(kenmerk: str) -> WooVerzoek:
    verzoek = selectors.verzoek_met_kenmerk(kenmerk)
    if verzoek is None:
        raise Http404
    return verzoek


def _in_api_termen(actie: Callable[[], T]) -> T:
    """Runs a service; its field errors come back under the API's own field names."""
    try:
        return actie()
    except ValidationError as fout:
        if not hasattr(fout, "error_dict"):
            raise
        raise ValidationError(
            {_VELDNAMEN.get(veld, veld): fouten for veld, fouten in fout.error_dict.items()}
        ) from None


def _uit(verzoek: WooVerzoek) -> VerzoekUit:
    termijn = selectors.termijn_van(verzoek)
    verdaging = selectors.verdaging_van(verzoek)
    return VerzoekUit(
        kenmerk=verzoek.kenmerk,
        onderwerp=verzoek.onderwerp,
        status=verzoek.status,
        kanaal=verzoek.kanaal,
        ontvangstdatum=verzoek.ontvangen_op,
        eerste_termijn_einde=termijn.eerste_termijn_einde,
        beslistermijn_einde=termijn.einddatum,
        vroegste_einde=termijn.vroegste_einddatum,
        termijnstatus=termijn.status.value,
        samenvatting=termijn.samenvatting,
        uitleg=list(termijn.uitleg),
        opschortingen=[
            OpschortingUit(soort=o.soort, van=o.van, tot=o.tot, reden=o.reden)
            for o in selectors.opschortingen_van(verzoek)
        ],
        verdaging=(
            VerdagingUit(besloten_op=verdaging.besloten_op, dagen=verdaging.dagen, reden=verdaging.reden)
            if verdaging is not None
            else None
        ),
    )


def _vers(verzoek: WooVerzoek) -> VerzoekUit:
    """The answer after a change, read afresh (suspensions and verdaging included)."""
    return _uit(_verzoek(verzoek.kenmerk))


@router.post(
    "/woo/verzoeken",
    response={201: VerzoekUit},
    url_name="woo_verzoeken",
    summary="Woo-verzoek registreren",
)
def verzoek_registreren(request: HttpRequest, invoer: VerzoekIn) -> Status[VerzoekUit]:
    """Registers a request received by e-mail, letter or at the desk, with its kenmerk and decision
    term (Woo art. 4.4 lid 1); 422 with the field on bad input."""
    door = _medewerker(request)
    verzoek = _in_api_termen(
        lambda: services.verzoek_registreren(
            onderwerp=invoer.onderwerp,
            omschrijving=invoer.omschrijving,
            ontvangen_op=invoer.ontvangstdatum,
            kanaal=invoer.kanaal,
            verzoeker_naam=invoer.naam,
            organisatie=invoer.organisatie,
            emailadres=invoer.emailadres,
            telefoonnummer=invoer.telefoonnummer,
            postadres=invoer.postadres,
            periode_van=invoer.periode_van,
            periode_tot=invoer.periode_tot,
            kvk_nummer=invoer.kvk_nummer,
            door=door,
        )
    )
    return Status(201, _vers(verzoek))


@router.get(
    "/woo/verzoeken/{kenmerk}",
    response=VerzoekUit,
    url_name="woo_verzoek",
    summary="Woo-verzoek met zijn beslistermijn",
)
def verzoek_lezen(request: HttpRequest, kenmerk: str) -> VerzoekUit:
    """The request's current decision term with its explanation, suspensions and verdaging."""
    _medewerker(request)
    return _uit(_verzoek(kenmerk))


@router.post(
    "/woo/verzoeken/{kenmerk}/opschortingen",
    response={201: VerzoekUit},
    url_name="woo_opschortingen",
    summary="Beslistermijn opschorten voor een zienswijze",
)
def opschorting_registreren(request: HttpRequest, kenmerk: str, invoer: OpschortingIn) -> Status[VerzoekUit]:
    """Suspends the term while a third party gives its zienswijze (Woo art. 4.4 lid 3), from `van`
    until `tot` (open when left out)."""
    door = _medewerker(request)
    verzoek = _verzoek(kenmerk)
    reden = invoer.reden.strip() or _("Zienswijze van een derde gevraagd (Woo art. 4.4 lid 3).")
    _in_api_termen(
        lambda: services.zienswijze_opschorting_registreren(
            verzoek=verzoek, van=invoer.van, tot=invoer.tot, reden=reden, door=door
        )
    )
    return Status(201, _vers(verzoek))


@router.post(
    "/woo/verzoeken/{kenmerk}/verdaging",
    response={201: VerzoekUit},
    url_name="woo_verdaging",
    summary="Beslistermijn verdagen",
)
def verdaging_besluiten(request: HttpRequest, kenmerk: str, invoer: VerdagingIn) -> Status[VerzoekUit]:
    """Extends the term once by at most two weeks, with reasons, before the first term ends (Woo
    art. 4.4 lid 2); a second verdaging or a late one answers 422."""
    door = _medewerker(request)
    verzoek = _verzoek(kenmerk)
    _in_api_termen(
        lambda: services.verdaging_besluiten(
            verzoek=verzoek,
            reden=invoer.reden,
            dagen=invoer.dagen,
            besloten_op=invoer.besloten_op,
            door=door,
        )
    )
    return Status(201, _vers(verzoek))
