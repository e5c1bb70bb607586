"""Mijn zaken: a resident's or business's own cases, after DigiD or eHerkenning.

Someone else's case answers 404, never 403: the page must not reveal that the case exists."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from raadhuis.core.digitale_dienst import Doelgroep, toegang_weigeren, vereiste_identiteit
from raadhuis.core.forms import fout_naar_formulier
from raadhuis.core.identiteit import Betrouwbaarheidsniveau, Identiteit
from raadhuis.dienstverlening.forms.mijn_zaken import BerichtForm, DocumentForm
from raadhuis.dienstverlening.models import Zaak
from raadhuis.dienstverlening.selectors.mijn_zaken import (
    eigen_document,
    eigen_zaak_voor_wijziging,
    mijn_zaken_overzicht,
)
from raadhuis.dienstverlening.selectors.mijn_zaken import (
    mijn_zaak as mijn_zaak_lezen,
)
from raadhuis.dienstverlening.services import zaken as diensten
from raadhuis.dienstverlening.views.gedeeld import Datums, statustekst, zaaklink

TEMPLATES = "dienstverlening/mijn_zaken/"
# Mijn zaken shows personal data (eIDAS substantieel; Wdo, Besluit identificatiemiddelen).
NIVEAU = Betrouwbaarheidsniveau.SUBSTANTIEEL
# Closed cases per page; the "meer" link continues after the last one shown (keyset).
PAGINAGROOTTE = 20


def _weigering(request: HttpRequest) -> HttpResponse | None:
    return toegang_weigeren(request, minimum=NIVEAU, doelgroep=Doelgroep.BEIDE, dienst=_("Mijn zaken"))


def _kruimelpad(*stappen: tuple[str, str | None]) -> list[tuple[str, str | None]]:
    return [(_("Home"), reverse("core:home")), (_("Mijn omgeving"), reverse("inwoner:mijn")), *stappen]


@never_cache
@require_GET
def mijn_zaken(request: HttpRequest) -> HttpResponse:
    weigering = _weigering(request)
    if weigering is not None:
        return weigering
    try:
        overzicht = mijn_zaken_overzicht(
            door=vereiste_identiteit(request), na=request.GET.get("na", ""), aantal=PAGINAGROOTTE
        )
    except ValidationError as fout:
        raise Http404 from fout
    kruimelpad = _kruimelpad((_("Mijn zaken"), None))
    basis_url = reverse("dienstverlening:mijn_zaken")
    datum = Datums()
    return render(
        request,
        TEMPLATES + "lijst.html",
        {
            "kruimelpad": kruimelpad,
            "lopend": _rijen(overzicht.lopend, basis_url=basis_url, datum=datum),
            "afgesloten": _rijen(overzicht.afgesloten.zaken, basis_url=basis_url, datum=datum),
            "volgende": overzicht.afgesloten.volgende,
            "is_vervolg": bool(request.GET.get("na")),
        },
    )


@dataclass(frozen=True)
class Rij:
    """One case as the list shows it, prepared once per page (as the work queue's rows are)."""

    identificatie: str
    url: str
    omschrijving: str
    status: str
    datum: str


def _rijen(zaken: Iterable[Zaak], *, basis_url: str, datum: Datums) -> list[Rij]:
    rijen = []
    for zaak in zaken:
        rijen.append(
            Rij(
                identificatie=zaak.identificatie,
                url=zaaklink(basis_url, zaak.identificatie),
                omschrijving=zaak.omschrijving,
                status=statustekst(zaak, resultaat_klein=True),
                datum=datum(zaak.einddatum or zaak.einddatum_gepland),
            )
        )
    return rijen


def _zaakpagina(
    request: HttpRequest,
    identiteit: Identiteit,
    identificatie: str,
    *,
    berichtform: BerichtForm | None = None,
    documentform: DocumentForm | None = None,
) -> HttpResponse:
    inzage = mijn_zaak_lezen(door=identiteit, identificatie=identificatie)
    if inzage is None:
        raise Http404
    berichtform = berichtform or BerichtForm()
    documentform = documentform or DocumentForm()
    return render(
        request,
        TEMPLATES + "zaak.html",
        {
            "kruimelpad": _kruimelpad(
                (_("Mijn zaken"), reverse("dienstverlening:mijn_zaken")), (inzage.zaak.identificatie, None)
            ),
            "inzage": inzage,
            "zaak": inzage.zaak,
            "berichtform": berichtform,
            "documentform": documentform,
        },
        status=400 if berichtform.errors or documentform.errors else 200,
    )


@never_cache
@require_GET
def mijn_zaak(request: HttpRequest, identificatie: str) -> HttpResponse:
    weigering = _weigering(request)
    if weigering is not None:
        return weigering
    return _zaakpagina(request, vereiste_identiteit(request), identificatie)


@never_cache
@require_POST
def bericht_sturen(request: HttpRequest, identificatie: str) -> HttpResponse:
    """A message to the municipality about an own case (services.zaken.bericht_van_aanvrager)."""
    weigering = _weigering(request)
    if weigering is not None:
        return weigering
    identiteit = vereiste_identiteit(request)
    zaak = eigen_zaak_voor_wijziging(door=identiteit, identificatie=identificatie)
    if zaak is None:
        raise Http404
    form = BerichtForm(request.POST)
    if form.is_valid():
        try:
            diensten.bericht_van_aanvrager(
                zaak=zaak,
                onderwerp=form.cleaned_data["onderwerp"],
                tekst=form.cleaned_data["tekst"],
                door=identiteit,
            )
        except PermissionDenied as fout:
            raise Http404 from fout
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        else:
            messages.success(request, _("Uw bericht is verstuurd."))
            return redirect(reverse("dienstverlening:mijn_zaak", args=[zaak.identificatie]) + "#berichten")
    return _zaakpagina(request, identiteit, identificatie, berichtform=form)


@never_cache
@require_POST
def document_sturen(request: HttpRequest, identificatie: str) -> HttpResponse:
    """A document for an own open case; its real type and size are checked before it is stored."""
    weigering = _weigering(request)
    if weigering is not None:
        return weigering
    identiteit = vereiste_identiteit(request)
    zaak = eigen_zaak_voor_wijziging(door=identiteit, identificatie=identificatie)
    if zaak is None:
        raise Http404
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            diensten.document_toevoegen(
                zaak=zaak,
                bestand=form.cleaned_data["bestand"],
                titel=form.cleaned_data["titel"],
                door=identiteit,
            )
        except PermissionDenied as fout:
            raise Http404 from fout
        except ValidationError as fout:
            fout_naar_formulier(form, fout, standaardveld="bestand")
        else:
            messages.success(request, _("Uw document is toegevoegd aan de zaak."))
            return redirect(reverse("dienstverlening:mijn_zaak", args=[zaak.identificatie]) + "#documenten")
    return _zaakpagina(request, identiteit, identificatie, documentform=form)


@never_cache
@require_GET
def document_downloaden(request: HttpRequest, identificatie: str, pk: int) -> HttpResponseBase:
    weigering = _weigering(request)
    if weigering is not None:
        return weigering
    document = eigen_document(door=vereiste_identiteit(request), identificatie=identificatie, pk=pk)
    if document is None:
        raise Http404
    try:
        bestand = document.bestand.open("rb")
    except FileNotFoundError as fout:
        raise Http404 from fout
    return FileResponse(
        bestand,
        as_attachment=True,
        filename=document.bestandsnaam or "document",
        content_type=document.mediatype or "application/octet-stream",
    )
