"""Core pages: home, accessibility statement, Werkplek overview and the organisation settings."""

from __future__ import annotations

import posixpath
from datetime import UTC, timedelta

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage, storages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.static import serve

from raadhuis.core import services, tooi
from raadhuis.core import termijnen as termijnen_module
from raadhuis.core.forms import GelijkgesteldeDagForm, OrganisatieForm, TermijnForm
from raadhuis.core.models import GelijkgesteldeDag
from raadhuis.core.rechten import ORGANISATIE_BEHEREN, TERMIJNEN_BEHEREN, mag, vereis
from raadhuis.core.selectors import (
    gelijkgestelde_dagen_overzicht,
    huidige_organisatie,
    termijn_berekenen,
)
from raadhuis.core.toegang import ingelogde_gebruiker, werkplek


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html")


def toegankelijkheid(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "core/toegankelijkheid.html",
        {"kruimelpad": [(_("Home"), reverse("core:home")), (_("Toegankelijkheidsverklaring"), None)]},
    )


@werkplek()
def werkplek_overzicht(request: HttpRequest) -> HttpResponse:
    return render(request, "core/werkplek.html", {"kruimelpad": [(_("Werkplek"), None)]})


@werkplek(actie=ORGANISATIE_BEHEREN)
def organisatie(request: HttpRequest) -> HttpResponse:
    huidig = huidige_organisatie()
    if huidig is None:
        huidig = services.organisatie_inrichten(tooi_code=settings.RAADHUIS_ORGANISATIE)
    form = OrganisatieForm(
        request.POST or None,
        request.FILES or None,
        instance=huidig,
        initial={"tooi_code": huidig.tooi_code},
    )
    if request.method == "POST" and form.is_valid():
        gegevens = {veld: form.cleaned_data[veld] for veld in OrganisatieForm.Meta.fields}
        try:
            services.organisatie_bijwerken(
                organisatie=huidig,
                door=ingelogde_gebruiker(request),
                gegevens=gegevens,
                logo=form.cleaned_data["logo"],
                tooi_code=form.cleaned_data["tooi_code"],
            )
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            messages.success(request, _("De organisatiegegevens zijn opgeslagen."))
            return redirect("core:organisatie")
    # The form's instance was mutated by validation; reload what is really stored for display.
    gezocht = str(form["tooi_code"].value() or "")
    return render(
        request,
        "core/organisatie.html",
        {
            "form": form,
            "opgeslagen": huidige_organisatie(),
            "tooi_gezocht": gezocht,
            "tooi_gevonden": tooi.organisatie(gezocht),
            "kruimelpad": [(_("Werkplek"), reverse("core:werkplek")), (_("Organisatie"), None)],
        },
        status=400 if form.errors else 200,
    )


@werkplek(actie=ORGANISATIE_BEHEREN)
def tooi_opzoeken(request: HttpRequest) -> HttpResponse:
    """The htmx fragment naming the organisation behind a TOOI code while the beheerder types."""
    gezocht = request.GET.get("tooi_code", "").strip()[:16]
    return render(
        request,
        "core/organisatie.html#tooi-resultaat",
        {"tooi_gezocht": gezocht, "tooi_gevonden": tooi.organisatie(gezocht) if gezocht else None},
    )


# The only folders of the public store (STORAGES["default"]) that anyone may read.
OPENBARE_MAPPEN = ("organisatie", "personen")
# As nginx sends them for the same files (deploy/nginx/raadhuis.conf): images, nothing that runs.
OPENBAAR_BESTAND_CSP = "default-src 'none'; img-src 'self'; style-src 'none'; sandbox"


def openbaar_bestand(request: HttpRequest, path: str) -> HttpResponseBase:
    """A public upload: the organisation's logo or a photo of a council member. From the file
    system as Django's static serve always did (in production nginx serves these itself); from S3
    streamed through the app, so the bucket stays private and the pages' img-src 'self' holds."""
    pad = posixpath.normpath(path).lstrip("/")
    if pad.split("/", 1)[0] not in OPENBARE_MAPPEN:
        raise Http404
    opslag = storages["default"]
    if isinstance(opslag, FileSystemStorage):
        return serve(request, pad, document_root=str(opslag.location))
    try:
        bestand = opslag.open(pad, "rb")
    except FileNotFoundError as fout:
        raise Http404 from fout
    antwoord = FileResponse(bestand)
    antwoord["Cache-Control"] = "public, max-age=604800"
    antwoord["Content-Security-Policy"] = OPENBAAR_BESTAND_CSP
    return antwoord


def security_txt(request: HttpRequest) -> HttpResponse:
    """RFC 9116: where to report a vulnerability. Generated, so Expires never lapses unnoticed."""
    contacten = list(settings.RAADHUIS_SECURITY_CONTACT)
    if not contacten:
        organisatie = huidige_organisatie()
        if organisatie is None or not organisatie.emailadres:
            raise Http404
        contacten = [f"mailto:{organisatie.emailadres}"]
    verloopt = (timezone.now() + timedelta(days=180)).replace(microsecond=0)
    regels = [f"Contact: {contact}" for contact in contacten]
    regels.append(f"Expires: {verloopt.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}")
    if settings.RAADHUIS_SECURITY_BELEID:
        regels.append(f"Policy: {settings.RAADHUIS_SECURITY_BELEID}")
    regels.append("Preferred-Languages: nl, en")
    regels.append(f"Canonical: {request.build_absolute_uri(reverse('core:security_txt'))}")
    return HttpResponse("\n".join(regels) + "\n", content_type="text/plain; charset=utf-8")


@werkplek()
def termijnen(request: HttpRequest) -> HttpResponse:
    """The deadline calculator for every employee, and the decree days for the beheerder."""
    berekening = TermijnForm(request.GET if "gebeurtenis" in request.GET else None)
    uitkomst = None
    if berekening.is_valid():
        uitkomst = termijn_berekenen(
            gebeurtenis=berekening.cleaned_data["gebeurtenis"],
            termijn=berekening.termijn(),
            verlenging=berekening.verlenging_termijn(),
            opschortingen=berekening.opschortingen(),
            atw=berekening.cleaned_data["atw"],
            gebeurtenis_omschrijving=_("de gebeurtenis"),
        )
    gebruiker = ingelogde_gebruiker(request)
    mag_beheren = mag(gebruiker, TERMIJNEN_BEHEREN)
    dag_form = GelijkgesteldeDagForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        vereis(gebruiker, TERMIJNEN_BEHEREN)
        if dag_form.is_valid():
            try:
                dag = services.gelijkgestelde_dag_vastleggen(
                    datum=dag_form.cleaned_data["datum"],
                    besluit=dag_form.cleaned_data["besluit"],
                    door=gebruiker,
                )
            except ValidationError as fout:
                dag_form.add_error(None, fout)
            else:
                messages.success(
                    request,
                    _("%(datum)s telt nu als feestdag voor termijnen.")
                    % {"datum": termijnen_module.datum_nl(dag.datum, weekdag=True)},
                )
                return redirect("core:termijnen")
    return render(
        request,
        "core/termijnen.html",
        {
            "berekening": berekening,
            "uitkomst": uitkomst,
            "mag_beheren": mag_beheren,
            "dag_form": dag_form,
            "dagen": gelijkgestelde_dagen_overzicht() if mag_beheren else [],
            "kruimelpad": [(_("Werkplek"), reverse("core:werkplek")), (_("Termijnen"), None)],
        },
        status=400 if dag_form.errors or berekening.errors else 200,
    )


@require_POST
@werkplek()
def gelijkgestelde_dag_verwijderen(request: HttpRequest, pk: int) -> HttpResponse:
    dag = get_object_or_404(GelijkgesteldeDag, pk=pk)
    services.gelijkgestelde_dag_verwijderen(dag=dag, door=ingelogde_gebruiker(request))
    messages.success(request, _("De gelijkgestelde dag is verwijderd."))
    return redirect("core:termijnen")
