"""Pages of petitions: the public list, detail with the count, submitting and signing; and the
griffie's Werkplek to moderate, open, close, offer, handle and decide admissibility."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from raadhuis.core.digitale_dienst import inlog_url
from raadhuis.core.forms import Deelformulier, formulier_uitvoeren, fout_naar_formulier
from raadhuis.core.identiteit import Betrouwbaarheidsniveau, Soort, huidige_identiteit
from raadhuis.core.snelheid import snelheidslimiet
from raadhuis.core.toegang import ingelogde_gebruiker, werkplek
from raadhuis.samenleving.forms_petities import (
    AanbiedenForm,
    AfhandelenForm,
    DigidOndertekenenForm,
    EmailOndertekenenForm,
    IndienenForm,
    OntvankelijkheidForm,
    OpenenForm,
    WeigerenForm,
)
from raadhuis.samenleving.models import Petitie
from raadhuis.samenleving.rechten import PETITIES_BEHEREN
from raadhuis.samenleving.selectors import petities as selectors
from raadhuis.samenleving.services import petities as services
from raadhuis.samenleving.views.kruimelpad import Kruimelpad, meedoen_pad

SJABLONEN = "samenleving/petities/"
SESSIE_ONDERTEKEND = "samenleving_petitie_ondertekend"


class _Velden(Deelformulier):
    """Fields after the checkboxes: the form's own errors are shown above those, at the top."""

    def non_field_errors(self) -> list[str]:
        return []


def _kruimelpad(*stappen: tuple[str, str | None]) -> Kruimelpad:
    return meedoen_pad((_("Petities"), reverse("samenleving:petities")), *stappen)


def _openbaar_of_404(pk: int) -> Petitie:
    petitie = selectors.openbare_petitie(pk)
    if petitie is None:
        raise Http404
    return petitie


# -- public ----------------------------------------------------------------------------------------


def lijst(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    context = {
        "petities": selectors.openbare_petities(status=status),
        "status": status if status in selectors.OPEN_OF_LATER else "",
        "statussen": [(s, Petitie.Status(s).label) for s in selectors.OPEN_OF_LATER],
        "kruimelpad": meedoen_pad((_("Petities"), None)),
    }
    return render(request, SJABLONEN + "lijst.html", context)


@require_http_methods(["GET", "POST"])
@snelheidslimiet("formulieren")
def indienen(request: HttpRequest) -> HttpResponse:
    form = IndienenForm(request.POST if request.method == "POST" else None)
    if (
        request.method == "POST"
        and formulier_uitvoeren(form, lambda g: services.petitie_indienen(**g)) is not None
    ):
        return redirect("samenleving:petitie_ingediend")
    context = {"form": form, "kruimelpad": _kruimelpad((_("Petitie indienen"), None))}
    return render(request, SJABLONEN + "indienen.html", context, status=400 if form.errors else 200)


def ingediend(request: HttpRequest) -> HttpResponse:
    return render(request, SJABLONEN + "ingediend.html", {"kruimelpad": _kruimelpad((_("Ingediend"), None))})


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    petitie = _openbaar_of_404(pk)
    context = {
        "petitie": petitie,
        "kan_ondertekenen": _kan_ondertekenen(petitie),
        "vergadering": selectors.vergadering(petitie.vergadering_id),
        "kruimelpad": _kruimelpad((petitie.titel, None)),
    }
    return render(request, SJABLONEN + "detail.html", context)


def _kan_ondertekenen(petitie: Petitie) -> bool:
    return petitie.status == Petitie.Status.OPEN and petitie.ondertekenen_tot >= timezone.localdate()


def _inwoner_bsn(request: HttpRequest) -> str:
    identiteit = huidige_identiteit(request.session)
    if identiteit is None or identiteit.soort is not Soort.INWONER:
        return ""
    return identiteit.bsn


@never_cache
@require_http_methods(["GET", "POST"])
@snelheidslimiet("formulieren")
def ondertekenen(request: HttpRequest, pk: int) -> HttpResponse:
    """DigiD at level basis (laag) suffices: signing shows support, it grants nothing; by e-mail the
    signature counts once the link in the mail is followed."""
    petitie = _openbaar_of_404(pk)
    if not _kan_ondertekenen(petitie):
        return redirect("samenleving:petitie", pk=petitie.pk)
    bsn = _inwoner_bsn(request)
    kanaal = request.POST.get("kanaal") if request.method == "POST" else None
    digid_form = DigidOndertekenenForm(
        request.POST if kanaal == "digid" else None, burgerinitiatief=petitie.is_burgerinitiatief
    )
    email_form = EmailOndertekenenForm(request.POST if kanaal == "email" else None, prefix="email")
    if kanaal == "digid" and not bsn:
        digid_form.add_error(None, _("Log eerst in met DigiD."))
    elif kanaal == "digid" and digid_form.is_valid():
        try:
            services.ondertekenen_met_digid(petitie=petitie, bsn=bsn, **digid_form.cleaned_data)
        except ValidationError as fout:
            fout_naar_formulier(digid_form, fout)
        else:
            request.session[SESSIE_ONDERTEKEND] = "digid"
            return redirect("samenleving:petitie_ondertekend", pk=petitie.pk)
    elif kanaal == "email" and not petitie.is_burgerinitiatief and email_form.is_valid():
        try:
            services.ondertekenen_per_email(petitie=petitie, **email_form.cleaned_data)
        except ValidationError as fout:
            fout_naar_formulier(email_form, fout, standaardveld="emailadres")
        else:
            request.session[SESSIE_ONDERTEKEND] = "email"
            return redirect("samenleving:petitie_ondertekend", pk=petitie.pk)
    context = {
        "petitie": petitie,
        "bsn_bekend": bool(bsn),
        "digid_form": digid_form,
        "digid_velden": _Velden(digid_form, "emailadres"),
        "email_form": email_form,
        "email_velden": Deelformulier(email_form, "emailadres"),
        "inloggen": inlog_url(
            soort=Soort.INWONER,
            minimum=Betrouwbaarheidsniveau.LAAG,
            terug_naar=reverse("samenleving:petitie_ondertekenen", args=[petitie.pk]),
        ),
        "kruimelpad": _kruimelpad(
            (petitie.titel, reverse("samenleving:petitie", args=[petitie.pk])), (_("Ondertekenen"), None)
        ),
    }
    # A POST that did not redirect was refused.
    return render(
        request, SJABLONEN + "ondertekenen.html", context, status=400 if request.method == "POST" else 200
    )


@never_cache
def ondertekend(request: HttpRequest, pk: int) -> HttpResponse:
    petitie = _openbaar_of_404(pk)
    kanaal = request.session.get(SESSIE_ONDERTEKEND)
    if kanaal not in ("digid", "email"):
        return redirect("samenleving:petitie", pk=petitie.pk)
    context = {
        "petitie": petitie,
        "kanaal": kanaal,
        "dagen": services.BEVESTIGEN_BINNEN.days,
        "kruimelpad": _kruimelpad(
            (petitie.titel, reverse("samenleving:petitie", args=[petitie.pk])), (_("Ondertekend"), None)
        ),
    }
    return render(request, SJABLONEN + "ondertekend.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def bevestigen(request: HttpRequest, pk: int, sleutel: str) -> HttpResponse:
    """GET asks, POST confirms: mail scanners open links and must not sign for the reader."""
    ondertekening = selectors.ondertekening_op(pk)
    if ondertekening is None or not services.sleutel_klopt(ondertekening, sleutel):
        return render(
            request,
            SJABLONEN + "ongeldig.html",
            {"kruimelpad": _kruimelpad((_("Ongeldige link"), None))},
            status=404,
        )
    fout = ""
    if request.method == "POST":
        try:
            services.ondertekening_bevestigen(ondertekening=ondertekening)
        except ValidationError as uitzondering:
            fout = " ".join(uitzondering.messages)
    elif services.is_verlopen(ondertekening):
        fout = _("Deze link is verlopen. Onderteken opnieuw; u krijgt dan een nieuwe link.")
    context = {
        "ondertekening": ondertekening,
        "petitie": ondertekening.petitie,
        "fout": fout,
        "kruimelpad": _kruimelpad((_("Ondertekening bevestigen"), None)),
    }
    return render(request, SJABLONEN + "bevestigen.html", context, status=400 if fout else 200)


# -- Werkplek (griffie) ----------------------------------------------------------------------------


def _werkplek_kruimelpad(*stappen: tuple[str, str | None]) -> Kruimelpad:
    return [(_("Werkplek"), reverse("core:werkplek")), *stappen]


@werkplek(actie=PETITIES_BEHEREN)
def werkplek_lijst(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    context = {
        "petities": selectors.petities_voor_griffie(status=status),
        "te_laat": selectors.te_laat_geagendeerd(),
        "status": status if status in Petitie.Status.values else "",
        "statussen": Petitie.Status.choices,
        "vandaag": timezone.localdate(),
        "kruimelpad": _werkplek_kruimelpad((_("Petities"), None)),
    }
    return render(request, SJABLONEN + "werkplek/lijst.html", context)


def _griffie_petitie(pk: int) -> Petitie:
    petitie = selectors.petitie_voor_griffie(pk)
    if petitie is None:
        raise Http404
    return petitie


def _formulieren(petitie: Petitie, data: Any = None, handeling: str = "") -> dict[str, forms.Form]:
    """The forms of the actions the petition's state allows; the one posted is bound."""

    def gebonden(naam: str) -> Any:
        return data if naam == handeling else None

    vandaag = timezone.localdate()
    formulieren: dict[str, forms.Form] = {}
    if petitie.status == Petitie.Status.AANGEVRAAGD:
        formulieren["openen"] = OpenenForm(
            gebonden("openen"),
            burgerinitiatief=petitie.is_burgerinitiatief,
            initial={
                "ondertekenen_tot": petitie.ondertekenen_tot,
                "drempel": services.DREMPEL_STANDAARD,
                "agenderen_binnen_maanden": services.AGENDEREN_BINNEN_MAANDEN_STANDAARD,
            },
            prefix="openen",
        )
        formulieren["weigeren"] = WeigerenForm(gebonden("weigeren"), prefix="weigeren")
    elif petitie.status == Petitie.Status.OPEN:
        formulieren["sluiten"] = forms.Form(gebonden("sluiten"))
    elif petitie.status == Petitie.Status.GESLOTEN:
        if petitie.is_burgerinitiatief and petitie.ontvankelijkheid == Petitie.Ontvankelijkheid.ONBESLIST:
            formulieren["ontvankelijkheid"] = OntvankelijkheidForm(
                gebonden("ontvankelijkheid"), initial={"beslist_op": vandaag}, prefix="ontvankelijkheid"
            )
        if (
            not petitie.is_burgerinitiatief
            or petitie.ontvankelijkheid == Petitie.Ontvankelijkheid.ONTVANKELIJK
        ):
            keuzes = [
                (v.pk, f"{v.titel} ({v.begin:%d-%m-%Y})") for v in selectors.vergaderingen_om_aan_te_bieden()
            ]
            formulieren["aanbieden"] = AanbiedenForm(
                gebonden("aanbieden"),
                vergaderingen=keuzes,
                initial={"aangeboden_op": vandaag},
                prefix="aanbieden",
            )
    elif petitie.status == Petitie.Status.AANGEBODEN:
        formulieren["afhandelen"] = AfhandelenForm(
            gebonden("afhandelen"), initial={"afgehandeld_op": vandaag}, prefix="afhandelen"
        )
    return formulieren


def _werkplek_detail(
    request: HttpRequest, petitie: Petitie, formulieren: dict[str, forms.Form], status: int
) -> HttpResponse:
    context = {
        "petitie": petitie,
        "formulieren": formulieren,
        "vergadering": selectors.vergadering(petitie.vergadering_id),
        "drempel_gehaald": services.drempel_gehaald(petitie),
        "te_laat": petitie.agenderen_uiterlijk is not None
        and petitie.status == Petitie.Status.GESLOTEN
        and petitie.agenderen_uiterlijk < timezone.localdate(),
        "kruimelpad": _werkplek_kruimelpad(
            (_("Petities"), reverse("samenleving:werkplek_petities")), (petitie.titel, None)
        ),
    }
    return render(request, SJABLONEN + "werkplek/detail.html", context, status=status)


@werkplek(actie=PETITIES_BEHEREN)
def werkplek_detail(request: HttpRequest, pk: int) -> HttpResponse:
    petitie = _griffie_petitie(pk)
    return _werkplek_detail(request, petitie, _formulieren(petitie), 200)


HANDELINGEN: dict[str, tuple[Callable[..., object], Any]] = {
    "openen": (services.petitie_openen, gettext_lazy("De petitie staat open voor ondertekening.")),
    "weigeren": (
        services.petitie_weigeren,
        gettext_lazy("De petitie is geweigerd; de initiatiefnemer krijgt bericht."),
    ),
    "sluiten": (services.petitie_sluiten, gettext_lazy("De ondertekening is gesloten.")),
    "ontvankelijkheid": (
        services.ontvankelijkheid_beslissen,
        gettext_lazy("De beslissing over de ontvankelijkheid is vastgelegd."),
    ),
    "aanbieden": (
        services.petitie_aanbieden,
        gettext_lazy("Vastgelegd dat de petitie aan de raad is aangeboden."),
    ),
    "afhandelen": (
        services.petitie_afhandelen,
        gettext_lazy("De petitie is afgehandeld; wie dat wilde krijgt bericht."),
    ),
}


def _argumenten(handeling: str, gegevens: dict[str, Any]) -> dict[str, Any]:
    if handeling == "aanbieden":
        return {"aangeboden_op": gegevens["aangeboden_op"], "vergadering_id": gegevens["vergadering"]}
    return gegevens


@werkplek(actie=PETITIES_BEHEREN)
@require_POST
def werkplek_handeling(request: HttpRequest, pk: int, handeling: str) -> HttpResponse:
    if handeling not in HANDELINGEN:
        raise Http404
    petitie = _griffie_petitie(pk)
    formulieren = _formulieren(petitie, request.POST, handeling)
    form = formulieren.get(handeling)
    if form is None:
        messages.error(request, _("Deze handeling past niet bij de huidige status van de petitie."))
        return redirect("samenleving:werkplek_petitie", pk=petitie.pk)
    service, melding = HANDELINGEN[handeling]
    door = ingelogde_gebruiker(request)
    uitgevoerd = formulier_uitvoeren(
        form, lambda g: service(petitie=petitie, door=door, **_argumenten(handeling, g))
    )
    if uitgevoerd is None:
        return _werkplek_detail(request, _griffie_petitie(pk), formulieren, 400)
    messages.success(request, str(melding))
    return redirect("samenleving:werkplek_petitie", pk=petitie.pk)
