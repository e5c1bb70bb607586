"""Werkplek pages of the register: the overview, one party with its interests, and the forms that
change them (each POST goes to a service; a refusal comes back next to the field)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from raadhuis.core.rechten import mag, vereis
from raadhuis.core.toegang import ingelogde_gebruiker, poortwachters_vragen, werkplek
from raadhuis.samenwerking import services
from raadhuis.samenwerking.forms import (
    DatumForm,
    DeelnemerForm,
    DocumentForm,
    JaarcijfersForm,
    RisicoForm,
    VerbandForm,
    VertegenwoordigingForm,
    VoortgangForm,
    fout_naar_formulier,
)
from raadhuis.samenwerking.models import (
    Categorie,
    Deelnemer,
    Document,
    Opdracht,
    Samenwerkingsverband,
    Vertegenwoordiging,
)
from raadhuis.samenwerking.rechten import INZIEN, PROCEDURES_BEHEREN, REGISTER_BEHEREN
from raadhuis.samenwerking.selectors.register import deelnemers_op, verband_met_alles, verbanden

TEMPLATES = "samenwerking/werkplek/"


def _kruimelpad(*stappen: tuple[str, str | None]) -> list[tuple[str, str | None]]:
    return [
        (_("Werkplek"), reverse("core:werkplek")),
        (_("Samenwerking"), reverse("samenwerking:werkplek")),
        *stappen,
    ]


@werkplek(actie=INZIEN)
def werkplek_samenwerking(request: HttpRequest) -> HttpResponse:
    alle = list(verbanden())
    groepen = [
        (str(c.label), [v for v in alle if v.is_verbonden_partij and v.categorie == c.value])
        for c in Categorie
    ]
    overige = [v for v in alle if not v.is_verbonden_partij]
    return render(
        request,
        TEMPLATES + "overzicht.html",
        {
            "kruimelpad": [(_("Werkplek"), reverse("core:werkplek")), (_("Samenwerking"), None)],
            "groepen": groepen,
            "overige": overige,
            "mag_beheren": mag(request.user, REGISTER_BEHEREN),
            "mag_procedures": mag(request.user, PROCEDURES_BEHEREN),
            "jaar": timezone.localdate().year + 1,
        },
    )


def _verband(slug: str) -> Samenwerkingsverband:
    try:
        return verband_met_alles(slug)
    except Samenwerkingsverband.DoesNotExist as fout:
        raise Http404 from fout


@werkplek(actie=INZIEN)
def verband_detail(request: HttpRequest, slug: str) -> HttpResponse:
    return _detail(request, _verband(slug))


def _detail(request: HttpRequest, verband: Samenwerkingsverband, **formulieren: BaseForm) -> HttpResponse:
    vandaag = timezone.localdate()
    mag_beheren = mag(request.user, REGISTER_BEHEREN)
    context: dict[str, Any] = {
        "kruimelpad": _kruimelpad((verband.naam, None)),
        "verband": verband,
        "deelnemers_nu": deelnemers_op(verband, vandaag),
        "vandaag": vandaag,
        "mag_beheren": mag_beheren,
        "statussen": Opdracht.Status.choices,
    }
    if mag_beheren:
        context |= {
            "deelnemer_form": formulieren.get("deelnemer") or DeelnemerForm(prefix="deelnemer"),
            "mandaat_form": formulieren.get("mandaat") or VertegenwoordigingForm(prefix="mandaat"),
            "cijfers_form": formulieren.get("cijfers") or JaarcijfersForm(prefix="cijfers"),
            "risico_form": formulieren.get("risico") or RisicoForm(prefix="risico"),
            "document_form": formulieren.get("document") or DocumentForm(prefix="document"),
        }
    status = 400 if formulieren else 200
    return render(request, TEMPLATES + "verband.html", context, status=status)


@werkplek(actie=REGISTER_BEHEREN)
def verband_formulier(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    verband = get_object_or_404(Samenwerkingsverband, slug=slug) if slug else None
    form = VerbandForm(request.POST or None, instance=verband)
    if request.method == "POST" and form.is_valid():
        gegevens = {veld: form.cleaned_data[veld] for veld in form.Meta.fields}
        try:
            opgeslagen = services.verband_vastleggen(
                door=ingelogde_gebruiker(request),
                gegevens=gegevens,
                verband=verband,
                programmas=list(form.cleaned_data["programmas"]),
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        else:
            messages.success(request, _("%(naam)s is opgeslagen.") % {"naam": opgeslagen.naam})
            return redirect("samenwerking:verband", slug=opgeslagen.slug)
    titel = _("%(naam)s wijzigen") % {"naam": verband.naam} if verband else _("Nieuw samenwerkingsverband")
    return render(
        request,
        TEMPLATES + "formulier.html",
        {"kruimelpad": _kruimelpad((titel, None)), "form": form, "titel": titel},
        status=400 if form.errors else 200,
    )


@werkplek(actie=REGISTER_BEHEREN)
def verband_toevoegen(request: HttpRequest, slug: str, onderdeel: str) -> HttpResponse:
    """One POST endpoint per kind of addition; a refusal re-renders the page with the error in place."""
    if request.method != "POST":
        return redirect("samenwerking:verband", slug=slug)
    verband = get_object_or_404(Samenwerkingsverband, slug=slug)
    door = ingelogde_gebruiker(request)
    form: BaseForm
    try:
        if onderdeel == "deelnemer":
            form = DeelnemerForm(request.POST, prefix="deelnemer")
            if form.is_valid():
                services.deelnemer_toevoegen(door=door, verband=verband, **form.cleaned_data)
        elif onderdeel == "mandaat":
            form = VertegenwoordigingForm(request.POST, prefix="mandaat")
            if form.is_valid():
                services.vertegenwoordiging_vastleggen(door=door, verband=verband, **form.cleaned_data)
        elif onderdeel == "cijfers":
            form = JaarcijfersForm(request.POST, prefix="cijfers")
            if form.is_valid():
                gegevens = dict(form.cleaned_data)
                jaar = gegevens.pop("jaar")
                services.jaarcijfers_vastleggen(door=door, verband=verband, jaar=jaar, gegevens=gegevens)
        elif onderdeel == "risico":
            form = RisicoForm(request.POST, prefix="risico")
            if form.is_valid():
                services.risico_vastleggen(door=door, verband=verband, gegevens=dict(form.cleaned_data))
        elif onderdeel == "document":
            form = DocumentForm(request.POST, request.FILES, prefix="document")
            if form.is_valid():
                services.document_toevoegen(door=door, verband=verband, **form.cleaned_data)
        else:
            raise Http404
    except ValidationError as fout:
        fout_naar_formulier(form, fout)
    if form.errors:
        return _detail(request, _verband(slug), **{onderdeel: form})
    messages.success(request, _("Opgeslagen."))
    return redirect(reverse("samenwerking:verband", args=[slug]) + f"#{onderdeel}")


def document_downloaden(request: HttpRequest, pk: int) -> HttpResponseBase:
    """A private document, only for those who may read the Werkplek pages (as @werkplek checks)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    antwoord = poortwachters_vragen(request)
    if antwoord is not None:
        return antwoord
    vereis(request.user, INZIEN)
    document = get_object_or_404(Document, pk=pk)
    return FileResponse(
        document.bestand.open("rb"),
        as_attachment=True,
        filename=document.bestandsnaam or "document",
        content_type=document.mediatype or "application/octet-stream",
    )


@werkplek(actie=REGISTER_BEHEREN)
def verband_wijzigen(request: HttpRequest, slug: str, onderdeel: str, pk: int) -> HttpResponse:
    """Ends a membership or a mandate, or records an opdracht's progress; a refusal comes back as a
    message at the top of the page, nothing changes."""
    if request.method != "POST":
        return redirect("samenwerking:verband", slug=slug)
    verband = get_object_or_404(Samenwerkingsverband, slug=slug)
    door = ingelogde_gebruiker(request)
    form: BaseForm
    try:
        if onderdeel == "uittreden":
            form = DatumForm(request.POST, prefix=f"uittreden{pk}")
            if form.is_valid():
                deelnemer = get_object_or_404(Deelnemer, pk=pk, verband=verband)
                services.deelnemer_uittreden(
                    door=door, deelnemer=deelnemer, uitgetreden_op=form.cleaned_data["datum"]
                )
        elif onderdeel == "beeindigen":
            form = DatumForm(request.POST, prefix=f"beeindigen{pk}")
            if form.is_valid():
                mandaat = get_object_or_404(Vertegenwoordiging, pk=pk, verband=verband)
                services.vertegenwoordiging_beeindigen(
                    door=door, mandaat=mandaat, einde=form.cleaned_data["datum"]
                )
        elif onderdeel == "voortgang":
            form = VoortgangForm(request.POST, prefix=f"voortgang{pk}")
            if form.is_valid():
                opdracht = get_object_or_404(Opdracht, pk=pk, opgave__agenda__verband=verband)
                services.opdracht_voortgang(door=door, opdracht=opdracht, **form.cleaned_data)
        else:
            raise Http404
    except ValidationError as fout:
        fout_naar_formulier(form, fout)
    if form.errors:
        for meldingen in form.errors.values():
            for melding in meldingen:
                messages.error(request, str(melding))
    else:
        messages.success(request, _("Opgeslagen."))
    return redirect(reverse("samenwerking:verband", args=[slug]))
