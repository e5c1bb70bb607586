"""Consultation pages: the public list, page, documents and reaction form; the Werkplek's pages to
announce, moderate, answer and publish the nota van beantwoording."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from raadhuis.core.forms import Deelformulier, formulier_uitvoeren, fout_naar_formulier
from raadhuis.core.rechten import mag
from raadhuis.core.snelheid import snelheidslimiet
from raadhuis.core.toegang import ingelogde_gebruiker, werkplek
from raadhuis.samenleving.forms_consultaties import (
    BeantwoordenForm,
    BeoordelenForm,
    ConsultatieForm,
    DocumentForm,
    NotaForm,
    ReactieForm,
)
from raadhuis.samenleving.models import Consultatie, Consultatiedocument, Reactie
from raadhuis.samenleving.rechten import (
    CONSULTATIE_ROLLEN,
    CONSULTATIES_BEHEREN,
    MODERATIE_ROLLEN,
    REACTIES_MODEREREN,
)
from raadhuis.samenleving.selectors import consultaties as selectors
from raadhuis.samenleving.services import consultaties as services
from raadhuis.samenleving.views.kruimelpad import Kruimelpad, meedoen_pad

SJABLONEN = "samenleving/consultaties/"


def _werkplek_pad(*stappen: tuple[str, str | None]) -> Kruimelpad:
    return [
        (_("Werkplek"), reverse("core:werkplek")),
        (_("Consultaties"), reverse("samenleving:werkplek_consultaties")),
        *stappen,
    ]


# -- public ------------------------------------------------------------------------------------------


def lijst(request: HttpRequest) -> HttpResponse:
    vandaag = timezone.localdate()
    alle = list(selectors.consultaties())
    vraag = request.GET.get("q", "").strip()[:200]
    context = {
        "vraag": vraag,
        "resultaten": selectors.consultaties_zoeken(vraag) if vraag else None,
        "open": [c for c in alle if c.status_op(vandaag) == Consultatie.Status.OPEN],
        "gepland": [c for c in alle if c.status_op(vandaag) == Consultatie.Status.GEPLAND],
        "eerder": [
            c
            for c in alle
            if c.status_op(vandaag) in (Consultatie.Status.GESLOTEN, Consultatie.Status.AFGEROND)
        ],
        "kruimelpad": meedoen_pad((_("Consultaties"), None)),
    }
    return render(request, SJABLONEN + "lijst.html", context)


def _publieke_consultatie(pk: int) -> Consultatie:
    consultatie = selectors.consultatie_publiek(pk)
    if consultatie is None:
        raise Http404
    return consultatie


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    consultatie = _publieke_consultatie(pk)
    context = {
        "consultatie": consultatie,
        "nota": selectors.nota_reacties(consultatie),
        "kruimelpad": meedoen_pad(
            (_("Consultaties"), reverse("samenleving:consultaties")), (consultatie.titel, None)
        ),
    }
    return render(request, SJABLONEN + "detail.html", context)


@require_http_methods(["GET", "POST"])
@snelheidslimiet("formulieren")
def reageren(request: HttpRequest, pk: int) -> HttpResponse:
    consultatie = _publieke_consultatie(pk)
    form = ReactieForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.reactie_indienen(
                consultatie=consultatie,
                naam=form.cleaned_data["naam"],
                emailadres=form.cleaned_data["emailadres"],
                organisatie=form.cleaned_data["organisatie"],
                tekst=form.cleaned_data["tekst"],
                openbaar=form.openbaar,
                naam_tonen=form.naam_tonen,
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout, veldnamen={"naam_tonen": "zichtbaarheid"})
        else:
            return redirect("samenleving:consultatie_reactie_ontvangen", pk=consultatie.pk)
    context = {
        "consultatie": consultatie,
        "open": consultatie.status == Consultatie.Status.OPEN,
        "form": form,
        "velden": Deelformulier(form, "naam", "emailadres", "organisatie", "tekst"),
        "kruimelpad": meedoen_pad(
            (_("Consultaties"), reverse("samenleving:consultaties")),
            (consultatie.titel, reverse("samenleving:consultatie", args=[consultatie.pk])),
            (_("Reageren"), None),
        ),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, SJABLONEN + "reageren.html", context, status=status)


def reactie_ontvangen(request: HttpRequest, pk: int) -> HttpResponse:
    consultatie = _publieke_consultatie(pk)
    context = {
        "consultatie": consultatie,
        "kruimelpad": meedoen_pad(
            (_("Consultaties"), reverse("samenleving:consultaties")),
            (consultatie.titel, reverse("samenleving:consultatie", args=[consultatie.pk])),
            (_("Reactie ontvangen"), None),
        ),
    }
    return render(request, SJABLONEN + "ontvangen.html", context)


def document_downloaden(request: HttpRequest, pk: int) -> FileResponse:
    document = get_object_or_404(Consultatiedocument, pk=pk)
    try:
        bestand = document.bestand.open("rb")
    except FileNotFoundError as fout:
        raise Http404 from fout
    naam = document.bestandsnaam or PurePath(document.bestand.name or "document").name
    antwoord = FileResponse(bestand, as_attachment=True, filename=naam)
    if document.mediatype:
        antwoord["Content-Type"] = document.mediatype
    return antwoord


# -- Werkplek ----------------------------------------------------------------------------------------


@werkplek(*CONSULTATIE_ROLLEN)
def werkplek_lijst(request: HttpRequest) -> HttpResponse:
    context = {
        "consultaties": selectors.werkplek_consultaties(),
        "mag_beheren": mag(request.user, CONSULTATIES_BEHEREN),
        "mag_modereren": mag(request.user, REACTIES_MODEREREN),
        "kruimelpad": [(_("Werkplek"), reverse("core:werkplek")), (_("Consultaties"), None)],
    }
    return render(request, SJABLONEN + "werkplek/lijst.html", context)


def _velden(consultatie: Consultatie) -> dict[str, Any]:
    return {
        "titel": consultatie.titel,
        "samenvatting": consultatie.samenvatting,
        "initiatiefnemer": consultatie.initiatiefnemer,
        "begindatum": consultatie.begindatum,
        "einddatum": consultatie.einddatum,
        "contact": consultatie.contact,
    }


@werkplek(actie=CONSULTATIES_BEHEREN)
@require_http_methods(["GET", "POST"])
def nieuw(request: HttpRequest) -> HttpResponse:
    form = ConsultatieForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        gedaan = formulier_uitvoeren(
            form, lambda g: services.consultatie_aanmaken(**g, door=ingelogde_gebruiker(request))
        )
        if gedaan is not None:
            messages.success(request, _("De consultatie is aangemaakt. Voeg nu het ontwerp toe."))
            return redirect("samenleving:werkplek_consultatie", pk=gedaan.uitkomst.pk)
    context = {
        "form": form,
        "kop": _("Nieuwe consultatie"),
        "kruimelpad": _werkplek_pad((_("Nieuw"), None)),
    }
    return render(request, SJABLONEN + "werkplek/formulier.html", context, status=400 if form.errors else 200)


@werkplek(actie=CONSULTATIES_BEHEREN)
@require_http_methods(["GET", "POST"])
def wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    consultatie = get_object_or_404(Consultatie, pk=pk)
    form = ConsultatieForm(request.POST if request.method == "POST" else None, initial=_velden(consultatie))
    if request.method == "POST":
        gedaan = formulier_uitvoeren(
            form,
            lambda g: services.consultatie_wijzigen(
                consultatie=consultatie, **g, door=ingelogde_gebruiker(request)
            ),
        )
        if gedaan is not None:
            messages.success(request, _("De consultatie is gewijzigd."))
            return redirect("samenleving:werkplek_consultatie", pk=consultatie.pk)
    context = {
        "form": form,
        "kop": _("Consultatie wijzigen"),
        "kruimelpad": _werkplek_pad(
            (consultatie.titel, reverse("samenleving:werkplek_consultatie", args=[pk])), (_("Wijzigen"), None)
        ),
    }
    return render(request, SJABLONEN + "werkplek/formulier.html", context, status=400 if form.errors else 200)


@werkplek(*CONSULTATIE_ROLLEN)
def werkplek_detail(
    request: HttpRequest, pk: int, documentform: DocumentForm | None = None, status: int = 200
) -> HttpResponse:
    consultatie = get_object_or_404(Consultatie.objects.prefetch_related("documenten"), pk=pk)
    context = {
        "consultatie": consultatie,
        "reacties": selectors.reacties_voor_behandeling(
            consultatie=consultatie, door=ingelogde_gebruiker(request)
        ),
        "documentform": documentform or DocumentForm(),
        "mag_beheren": mag(request.user, CONSULTATIES_BEHEREN),
        "mag_modereren": mag(request.user, REACTIES_MODEREREN),
        "kruimelpad": _werkplek_pad((consultatie.titel, None)),
    }
    return render(request, SJABLONEN + "werkplek/detail.html", context, status=status)


@werkplek(actie=CONSULTATIES_BEHEREN)
@require_POST
def document_toevoegen(request: HttpRequest, pk: int) -> HttpResponse:
    consultatie = get_object_or_404(Consultatie, pk=pk)
    form = DocumentForm(request.POST, request.FILES)
    gedaan = formulier_uitvoeren(
        form,
        lambda g: services.document_toevoegen(
            consultatie=consultatie, titel=g["titel"], bestand=g["bestand"], door=ingelogde_gebruiker(request)
        ),
        standaardveld="bestand",
    )
    if gedaan is None:
        return werkplek_detail(request, pk, documentform=form, status=400)
    messages.success(request, _("Het document is toegevoegd."))
    return redirect("samenleving:werkplek_consultatie", pk=consultatie.pk)


@werkplek(*MODERATIE_ROLLEN)
def moderatie(request: HttpRequest, status: int = 200) -> HttpResponse:
    context = {
        "reacties": selectors.moderatiewachtrij(door=ingelogde_gebruiker(request)),
        "kruimelpad": _werkplek_pad((_("Moderatie"), None)),
    }
    return render(request, SJABLONEN + "werkplek/moderatie.html", context, status=status)


@werkplek(actie=REACTIES_MODEREREN)
@require_POST
def beoordelen(request: HttpRequest, pk: int) -> HttpResponse:
    reactie = get_object_or_404(Reactie.objects.select_related("consultatie"), pk=pk)
    form = BeoordelenForm(request.POST)
    gedaan = formulier_uitvoeren(
        form,
        lambda g: services.reactie_beoordelen(
            reactie=reactie,
            goedkeuren=g["besluit"] == "goedkeuren",
            reden=g["reden"],
            door=ingelogde_gebruiker(request),
        ),
    )
    if gedaan is None:
        for fouten in form.errors.values():
            for melding in fouten:
                messages.error(request, str(melding))
        return moderatie(request, status=400)
    if gedaan.uitkomst.moderatie == Reactie.Moderatie.GOEDGEKEURD:
        messages.success(request, _("De reactie is goedgekeurd."))
    else:
        messages.success(request, _("De reactie is verborgen."))
    return redirect("samenleving:werkplek_moderatie")


@werkplek(actie=CONSULTATIES_BEHEREN)
@require_http_methods(["GET", "POST"])
def beantwoorden(request: HttpRequest, pk: int) -> HttpResponse:
    reactie = get_object_or_404(Reactie.objects.select_related("consultatie"), pk=pk)
    form = BeantwoordenForm(
        request.POST if request.method == "POST" else None,
        initial={
            "thema": reactie.thema,
            "antwoord": reactie.antwoord,
            "ontwerp_gewijzigd": reactie.ontwerp_gewijzigd,
        },
    )
    if request.method == "POST":
        gedaan = formulier_uitvoeren(
            form,
            lambda g: services.reactie_beantwoorden(reactie=reactie, **g, door=ingelogde_gebruiker(request)),
        )
        if gedaan is not None:
            messages.success(request, _("Het antwoord is opgeslagen."))
            return redirect("samenleving:werkplek_consultatie", pk=reactie.consultatie_id)
    context = {
        "form": form,
        "reactie": reactie,
        "kruimelpad": _werkplek_pad(
            (
                reactie.consultatie.titel,
                reverse("samenleving:werkplek_consultatie", args=[reactie.consultatie_id]),
            ),
            (_("Beantwoorden"), None),
        ),
    }
    return render(
        request, SJABLONEN + "werkplek/beantwoorden.html", context, status=400 if form.errors else 200
    )


@werkplek(actie=CONSULTATIES_BEHEREN)
@require_http_methods(["GET", "POST"])
def publiceren(request: HttpRequest, pk: int) -> HttpResponse:
    consultatie = get_object_or_404(Consultatie, pk=pk)
    form = NotaForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        gedaan = formulier_uitvoeren(
            form,
            lambda g: services.nota_publiceren(
                consultatie=consultatie,
                inleiding=g["inleiding"],
                besluit_omschrijving=g["besluit_omschrijving"],
                besluit_url=g["besluit_url"],
                besluit_sleutel=g["besluit_sleutel"],
                door=ingelogde_gebruiker(request),
            ),
        )
        if gedaan is not None:
            messages.success(request, _("De nota van beantwoording is gepubliceerd."))
            return redirect("samenleving:werkplek_consultatie", pk=consultatie.pk)
    context = {
        "form": form,
        "consultatie": consultatie,
        "kruimelpad": _werkplek_pad(
            (consultatie.titel, reverse("samenleving:werkplek_consultatie", args=[pk])),
            (_("Publiceren"), None),
        ),
    }
    return render(
        request, SJABLONEN + "werkplek/publiceren.html", context, status=400 if form.errors else 200
    )
