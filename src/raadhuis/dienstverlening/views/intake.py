"""Intake pages: a resident's or business's own form after DigiD/eHerkenning, and the same steps
for an employee entering a request from the desk, the phone or a letter (assisted channel)."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from raadhuis.accounts.models import Medewerker
from raadhuis.core import logboek
from raadhuis.core.digitale_dienst import Doelgroep, toegang_weigeren, vereiste_identiteit
from raadhuis.core.identiteit import Betrouwbaarheidsniveau, Identiteit, huidige_identiteit
from raadhuis.core.toegang import werkplek
from raadhuis.dienstverlening.forms.intake import AssistentieStartForm
from raadhuis.dienstverlening.models import Aanvraag, Kanaal
from raadhuis.dienstverlening.rechten import ZAAK_REGISTREREN
from raadhuis.dienstverlening.selectors.catalogus import actief_product
from raadhuis.dienstverlening.selectors.intake import (
    AGENDA,
    aan_te_vragen_producten,
    aanvraag_van,
    open_aanvragen,
    samenvatting,
)
from raadhuis.dienstverlening.services import intake
from raadhuis.dienstverlening.services.zaken import Initiator
from raadhuis.dienstverlening.views.gedeeld import ingelogde_medewerker

Door = Medewerker | Identiteit


# --- helpers ----------------------------------------------------------------------------------------


def _url(naam: str, aanvraag: Aanvraag, *, werkplek: bool, stap: str | None = None) -> str:
    voorvoegsel = "dienstverlening:werkplek_aanvraag_" if werkplek else "dienstverlening:aanvraag_"
    kwargs: dict[str, Any] = {"id": aanvraag.pk}
    if stap is not None:
        kwargs["stap"] = stap
    return reverse(voorvoegsel + naam, kwargs=kwargs)


def _stap_url(aanvraag: Aanvraag, stap: str, *, werkplek: bool) -> str:
    if stap == intake.SAMENVATTING:
        return _url("samenvatting", aanvraag, werkplek=werkplek)
    return _url("stap", aanvraag, werkplek=werkplek, stap=stap)


def _kruimelpad(aanvraag: Aanvraag | None, *, werkplek: bool, slot: str) -> list[tuple[str, str | None]]:
    if werkplek:
        pad: list[tuple[str, str | None]] = [
            (_("Werkplek"), reverse("core:werkplek")),
            (_("Dienstverlening"), reverse("dienstverlening:werkplek")),
            (_("Aanvraag invoeren"), reverse("dienstverlening:werkplek_aanvraag")),
        ]
    else:
        pad = [
            (_("Home"), reverse("core:home")),
            (_("Dienstverlening"), reverse("dienstverlening:dienstverlening")),
        ]
        if aanvraag is not None:
            pad.append(
                (aanvraag.product.naam, reverse("dienstverlening:aanvragen", args=[aanvraag.product.slug]))
            )
    pad.append((slot, None))
    return pad


def fouten_toevoegen(form: forms.Form, fout: ValidationError) -> None:
    """Puts a service's ValidationError next to the fields it names; what the form itself already
    found is not repeated, messages for no field of the form go on top."""
    if not hasattr(fout, "error_dict"):
        form.add_error(None, fout.messages)
        return
    for veld, berichten in fout.message_dict.items():
        if veld in form.errors:
            continue
        form.add_error(veld if veld in form.fields else None, berichten)


def _basis(werkplek: bool) -> str:
    return (
        "dienstverlening/intake/basis_werkplek.html"
        if werkplek
        else "dienstverlening/intake/basis_publiek.html"
    )


def _verlopen(request: HttpRequest, aanvraag: Aanvraag, *, werkplek: bool) -> HttpResponse:
    return render(
        request,
        "dienstverlening/intake/verlopen.html",
        {
            "basis": _basis(werkplek),
            "aanvraag": aanvraag,
            "werkplek": werkplek,
            "kruimelpad": _kruimelpad(aanvraag, werkplek=werkplek, slot=_("Aanvraag verlopen")),
        },
        status=410,
    )


# --- the shared pages of a draft ----------------------------------------------------------------------


def _stap(
    request: HttpRequest, aanvraag: Aanvraag, door: Door, stapnaam: str, *, werkplek: bool
) -> HttpResponse:
    if aanvraag.is_ingediend:
        return redirect(_url("bevestiging", aanvraag, werkplek=werkplek))
    if intake.is_verlopen(aanvraag):
        return _verlopen(request, aanvraag, werkplek=werkplek)
    formulier = intake.formulier_van(aanvraag.product)
    stap = formulier.stap(stapnaam)
    if stap is None:
        raise Http404
    namen = [s.naam for s in formulier.stappen]
    eerste_open = intake.eerste_open_stap(aanvraag)
    if eerste_open is not None and namen.index(stapnaam) > namen.index(eerste_open):
        return redirect(_stap_url(aanvraag, eerste_open, werkplek=werkplek))
    eerder = intake.getypeerde_antwoorden(aanvraag, tot=stapnaam, agenda=AGENDA)
    context = intake.context_van(aanvraag, agenda=AGENDA)
    if request.method == "POST":
        try:
            aanvraag = intake.stap_opslaan(
                aanvraag=aanvraag, stap=stapnaam, data=request.POST, door=door, agenda=AGENDA
            )
        except ValidationError as fout:
            form = stap.formulier(data=request.POST, antwoorden=eerder, context=context)
            form.is_valid()
            fouten_toevoegen(form, fout)
        else:
            if request.POST.get("actie") == "opslaan":
                return redirect(_url("opgeslagen", aanvraag, werkplek=werkplek))
            return redirect(_stap_url(aanvraag, aanvraag.stap, werkplek=werkplek))
    else:
        bewaard = intake.opgeslagen_antwoorden(aanvraag).get(stapnaam)
        form = stap.formulier(
            initial=bewaard if bewaard is not None else intake.voorinvulling(aanvraag),
            antwoorden=eerder,
            context=context,
        )
    vorige = formulier.vorige(stapnaam)
    if vorige is not None:
        vorige_url = _stap_url(aanvraag, vorige.naam, werkplek=werkplek)
    elif werkplek:
        vorige_url = reverse("dienstverlening:werkplek_aanvraag")
    else:
        vorige_url = reverse("dienstverlening:aanvragen", args=[aanvraag.product.slug])
    return render(
        request,
        "dienstverlening/intake/stap.html",
        {
            "basis": _basis(werkplek),
            "kruimelpad": _kruimelpad(aanvraag, werkplek=werkplek, slot=str(stap.titel)),
            "aanvraag": aanvraag,
            "product": aanvraag.product,
            "stap": stap,
            "nummer": namen.index(stapnaam) + 1,
            "aantal": len(namen),
            "form": form,
            "vorige_url": vorige_url,
            "werkplek": werkplek,
        },
        status=400 if form.errors else 200,
    )


def _samenvatting(request: HttpRequest, aanvraag: Aanvraag, door: Door, *, werkplek: bool) -> HttpResponse:
    if aanvraag.is_ingediend:
        return redirect(_url("bevestiging", aanvraag, werkplek=werkplek))
    if intake.is_verlopen(aanvraag):
        return _verlopen(request, aanvraag, werkplek=werkplek)
    eerste_open = intake.eerste_open_stap(aanvraag)
    if eerste_open is not None:
        return redirect(_stap_url(aanvraag, eerste_open, werkplek=werkplek))
    fouten: dict[str, list[str]] = {}
    if request.method == "POST":
        try:
            intake.aanvraag_indienen(aanvraag=aanvraag, door=door, taal=get_language(), agenda=AGENDA)
        except ValidationError as fout:
            fouten = fout.message_dict if hasattr(fout, "error_dict") else {"": fout.messages}
        else:
            return redirect(_url("bevestiging", aanvraag, werkplek=werkplek))
    formulier = intake.formulier_van(aanvraag.product)
    if isinstance(door, Medewerker):
        # An employee reads the applicant's answers: logged as a processing (Logboek Dataverwerkingen).
        with logboek.verwerking(
            naam="aanvraag.samenvatting",
            activiteit=intake.ACTIVITEIT,
            door=door,
            betrokkene=intake.betrokkene(aanvraag),
        ):
            overzicht = samenvatting(aanvraag)
    else:
        overzicht = samenvatting(aanvraag)
    stappen = [
        {
            "naam": stap.naam,
            "titel": stap.titel,
            "regels": stap.regels,
            "url": _stap_url(aanvraag, stap.naam, werkplek=werkplek),
            "fouten": fouten.get(stap.naam, []),
        }
        for stap in overzicht
    ]
    waarschuwingen = formulier.waarschuwingen(
        intake.getypeerde_antwoorden(aanvraag, agenda=AGENDA), intake.context_van(aanvraag, agenda=AGENDA)
    )
    return render(
        request,
        "dienstverlening/intake/samenvatting.html",
        {
            "basis": _basis(werkplek),
            "kruimelpad": _kruimelpad(aanvraag, werkplek=werkplek, slot=_("Controleren en indienen")),
            "aanvraag": aanvraag,
            "product": aanvraag.product,
            "stappen": stappen,
            "algemene_fouten": fouten.get("", []) + fouten.get("product", []),
            "heeft_fouten": bool(fouten),
            "waarschuwingen": waarschuwingen,
            "werkplek": werkplek,
        },
        status=400 if fouten else 200,
    )


def _opgeslagen(request: HttpRequest, aanvraag: Aanvraag, *, werkplek: bool) -> HttpResponse:
    if aanvraag.is_ingediend:
        return redirect(_url("bevestiging", aanvraag, werkplek=werkplek))
    return render(
        request,
        "dienstverlening/intake/opgeslagen.html",
        {
            "basis": _basis(werkplek),
            "kruimelpad": _kruimelpad(aanvraag, werkplek=werkplek, slot=_("Opgeslagen")),
            "aanvraag": aanvraag,
            "product": aanvraag.product,
            "verder_url": _stap_url(aanvraag, aanvraag.stap or intake.SAMENVATTING, werkplek=werkplek),
            "bewaard_tot": timezone.localdate(aanvraag.bijgewerkt_op + intake.BEWAARTERMIJN),
            "werkplek": werkplek,
        },
    )


def _bevestiging(request: HttpRequest, aanvraag: Aanvraag, *, werkplek: bool) -> HttpResponse:
    if not aanvraag.is_ingediend or aanvraag.zaak is None:
        return redirect(_url("samenvatting", aanvraag, werkplek=werkplek))
    return render(
        request,
        "dienstverlening/intake/bevestiging.html",
        {
            "basis": _basis(werkplek),
            "kruimelpad": _kruimelpad(aanvraag, werkplek=werkplek, slot=_("Aanvraag ingediend")),
            "aanvraag": aanvraag,
            "product": aanvraag.product,
            "zaak": aanvraag.zaak,
            "werkplek": werkplek,
        },
    )


# --- residents and businesses ---------------------------------------------------------------------------


def _eigen_aanvraag(request: HttpRequest, id: uuid.UUID) -> tuple[Aanvraag, Identiteit] | HttpResponse:
    """The draft of the logged-in identity, behind its product's level; 404 for anyone else's."""
    if huidige_identiteit(request.session) is None:
        weigering = toegang_weigeren(
            request, minimum=Betrouwbaarheidsniveau.LAAG, doelgroep=Doelgroep.BEIDE, dienst=_("Uw aanvraag")
        )
        if weigering is not None:
            return weigering
    identiteit = vereiste_identiteit(request)
    aanvraag = aanvraag_van(id=id, door=identiteit)
    if aanvraag is None:
        raise Http404
    product = aanvraag.product
    weigering = toegang_weigeren(
        request,
        minimum=product.minimum_niveau,
        doelgroep=product.doelgroep_enum,
        dienst=product.naam,
        reden=product.niveau_toelichting,
    )
    if weigering is not None:
        return weigering
    return aanvraag, identiteit


@never_cache
def aanvragen(request: HttpRequest, slug: str) -> HttpResponse:
    """The start of a product's digital form: open drafts to resume, or a new one (POST)."""
    product = actief_product(slug)
    if product is None or not product.formulier or Kanaal.DIGITAAL not in product.kanalen:
        raise Http404
    weigering = toegang_weigeren(
        request,
        minimum=product.minimum_niveau,
        doelgroep=product.doelgroep_enum,
        dienst=product.naam,
        reden=product.niveau_toelichting,
    )
    if weigering is not None:
        return weigering
    identiteit = vereiste_identiteit(request)
    fout = ""
    if request.method == "POST":
        try:
            aanvraag = intake.aanvraag_starten(product=product, door=identiteit, taal=get_language())
        except ValidationError as error:
            fout = " ".join(error.messages)
        else:
            return redirect(_stap_url(aanvraag, aanvraag.stap, werkplek=False))
    kruimelpad = [
        (_("Home"), reverse("core:home")),
        (_("Dienstverlening"), reverse("dienstverlening:dienstverlening")),
        (product.naam, None),
    ]
    lopend = [
        {
            "aanvraag": aanvraag,
            "url": _stap_url(aanvraag, aanvraag.stap or intake.SAMENVATTING, werkplek=False),
        }
        for aanvraag in open_aanvragen(identiteit, product=product)[:10]
    ]
    return render(
        request,
        "dienstverlening/intake/start.html",
        {
            "basis": _basis(False),
            "kruimelpad": kruimelpad,
            "product": product,
            "identiteit": identiteit,
            "lopend": lopend,
            "stappen": intake.formulier_van(product).stappen,
            "fout": fout,
        },
        status=400 if fout else 200,
    )


@never_cache
def stap(request: HttpRequest, id: uuid.UUID, stap: str) -> HttpResponse:
    gevonden = _eigen_aanvraag(request, id)
    if isinstance(gevonden, HttpResponse):
        return gevonden
    return _stap(request, gevonden[0], gevonden[1], stap, werkplek=False)


@never_cache
def samenvatting_pagina(request: HttpRequest, id: uuid.UUID) -> HttpResponse:
    gevonden = _eigen_aanvraag(request, id)
    if isinstance(gevonden, HttpResponse):
        return gevonden
    return _samenvatting(request, gevonden[0], gevonden[1], werkplek=False)


@never_cache
def opgeslagen(request: HttpRequest, id: uuid.UUID) -> HttpResponse:
    gevonden = _eigen_aanvraag(request, id)
    if isinstance(gevonden, HttpResponse):
        return gevonden
    return _opgeslagen(request, gevonden[0], werkplek=False)


@never_cache
def bevestiging(request: HttpRequest, id: uuid.UUID) -> HttpResponse:
    gevonden = _eigen_aanvraag(request, id)
    if isinstance(gevonden, HttpResponse):
        return gevonden
    return _bevestiging(request, gevonden[0], werkplek=False)


# --- employees: the assisted channel ---------------------------------------------------------------------


def _eigen_werkplekaanvraag(request: HttpRequest, id: uuid.UUID) -> tuple[Aanvraag, Medewerker]:
    medewerker = ingelogde_medewerker(request)
    aanvraag = aanvraag_van(id=id, door=medewerker)
    if aanvraag is None:
        raise Http404
    return aanvraag, medewerker


@never_cache
@werkplek(actie=ZAAK_REGISTREREN)
def werkplek_aanvraag(request: HttpRequest) -> HttpResponse:
    """Choose product, channel and applicant; then the same steps as online."""
    medewerker = ingelogde_medewerker(request)
    form = AssistentieStartForm(request.POST or None, producten=aan_te_vragen_producten())
    if request.method == "POST" and form.is_valid():
        gegevens = form.cleaned_data
        initiator = Initiator(
            bsn=gegevens["bsn"],
            kvk_nummer=gegevens["kvk_nummer"],
            naam=gegevens["naam"],
            contactpersoon=gegevens["contactpersoon"],
            emailadres=gegevens["emailadres"],
            telefoonnummer=gegevens["telefoonnummer"],
        )
        try:
            aanvraag = intake.aanvraag_starten(
                product=gegevens["product"],
                door=medewerker,
                kanaal=gegevens["kanaal"],
                initiator=initiator,
                taal=get_language(),
            )
        except ValidationError as fout:
            fouten_toevoegen(form, fout)
        else:
            return redirect(_stap_url(aanvraag, aanvraag.stap, werkplek=True))
    lopend = [
        {
            "aanvraag": aanvraag,
            "url": _stap_url(aanvraag, aanvraag.stap or intake.SAMENVATTING, werkplek=True),
        }
        for aanvraag in open_aanvragen(medewerker)[:20]
    ]
    return render(
        request,
        "dienstverlening/intake/werkplek_start.html",
        {
            "kruimelpad": [
                (_("Werkplek"), reverse("core:werkplek")),
                (_("Dienstverlening"), reverse("dienstverlening:werkplek")),
                (_("Aanvraag invoeren"), None),
            ],
            "form": form,
            "lopend": lopend,
        },
        status=400 if form.errors else 200,
    )


@never_cache
@werkplek(actie=ZAAK_REGISTREREN)
def werkplek_stap(request: HttpRequest, id: uuid.UUID, stap: str) -> HttpResponse:
    aanvraag, medewerker = _eigen_werkplekaanvraag(request, id)
    return _stap(request, aanvraag, medewerker, stap, werkplek=True)


@never_cache
@werkplek(actie=ZAAK_REGISTREREN)
def werkplek_samenvatting(request: HttpRequest, id: uuid.UUID) -> HttpResponse:
    aanvraag, medewerker = _eigen_werkplekaanvraag(request, id)
    return _samenvatting(request, aanvraag, medewerker, werkplek=True)


@never_cache
@werkplek(actie=ZAAK_REGISTREREN)
def werkplek_opgeslagen(request: HttpRequest, id: uuid.UUID) -> HttpResponse:
    aanvraag = _eigen_werkplekaanvraag(request, id)[0]
    return _opgeslagen(request, aanvraag, werkplek=True)


@never_cache
@werkplek(actie=ZAAK_REGISTREREN)
def werkplek_bevestiging(request: HttpRequest, id: uuid.UUID) -> HttpResponse:
    aanvraag = _eigen_werkplekaanvraag(request, id)[0]
    return _bevestiging(request, aanvraag, werkplek=True)
