"""Pages of maatschappelijke partners: the public list and page (no contact persons ever), and the
Werkplek pages that manage partners, contact persons, convenanten and subsidies and publish them
(each POST goes to a service; a refusal comes back next to the field)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from raadhuis.core.forms import formulier_uitvoeren, fout_naar_formulier
from raadhuis.core.rechten import mag, vereis
from raadhuis.core.toegang import ingelogde_gebruiker, poortwachters_vragen, werkplek
from raadhuis.samenleving.forms_partners import (
    ContactpersoonForm,
    ConvenantForm,
    IntrekkenForm,
    PartnerForm,
    PartnerZoekForm,
    SubsidieForm,
)
from raadhuis.samenleving.models import Convenant, Partner, Subsidieverplichting
from raadhuis.samenleving.rechten import PARTNERS_BEHEREN, PARTNERS_INZIEN, SUBSIDIES_BEHEREN
from raadhuis.samenleving.selectors import partners as selectors
from raadhuis.samenleving.services import partners as services
from raadhuis.samenleving.views.kruimelpad import meedoen_pad

PUBLIEK = "samenleving/partners/publiek/"
WERKPLEK = "samenleving/partners/werkplek/"


# -- public ------------------------------------------------------------------------------------------


def partners(request: HttpRequest) -> HttpResponse:
    form = PartnerZoekForm(request.GET or None)
    gevonden = selectors.openbare_partners()
    if form.is_bound and form.is_valid():
        gevonden = selectors.openbare_partners(
            soort=form.cleaned_data["soort"] or "",
            doel=form.cleaned_data["doel"],
            zoekterm=form.cleaned_data["q"],
        )
    return render(
        request,
        PUBLIEK + "lijst.html",
        {
            "kruimelpad": meedoen_pad((_("Maatschappelijke partners"), None)),
            "form": form,
            "partners": list(gevonden),
        },
        status=400 if form.errors else 200,
    )


def partner(request: HttpRequest, slug: str) -> HttpResponse:
    gevonden = selectors.openbare_partner(slug)
    if gevonden is None:
        raise Http404
    return render(
        request,
        PUBLIEK + "partner.html",
        {
            "kruimelpad": meedoen_pad(
                (_("Maatschappelijke partners"), reverse("samenleving:partners")), (gevonden.naam, None)
            ),
            "partner": gevonden,
            "doelen": selectors.doelen_van_partner(gevonden, alleen_openbaar=True),
        },
    )


# -- Werkplek ----------------------------------------------------------------------------------------


def _kruimelpad(*stappen: tuple[str, str | None]) -> list[tuple[str, str | None]]:
    return [
        (_("Werkplek"), reverse("core:werkplek")),
        (_("Maatschappelijke partners"), reverse("samenleving:werkplek_partners")),
        *stappen,
    ]


@werkplek(actie=PARTNERS_INZIEN)
def werkplek_partners(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        WERKPLEK + "overzicht.html",
        {
            "kruimelpad": [(_("Werkplek"), reverse("core:werkplek")), (_("Maatschappelijke partners"), None)],
            "partners": list(selectors.alle_partners()),
            "convenanten": list(selectors.convenanten()),
            "subsidies": list(selectors.subsidieverplichtingen()),
            "mag_partners": mag(request.user, PARTNERS_BEHEREN),
            "mag_subsidies": mag(request.user, SUBSIDIES_BEHEREN),
        },
    )


def _partner(slug: str) -> Partner:
    gevonden = selectors.partner_voor_werkplek(slug)
    if gevonden is None:
        raise Http404
    return gevonden


@werkplek(actie=PARTNERS_INZIEN)
def partner_werkplek(request: HttpRequest, slug: str) -> HttpResponse:
    return _partnerpagina(request, _partner(slug))


def _partnerpagina(
    request: HttpRequest, gevonden: Partner, contact_form: ContactpersoonForm | None = None
) -> HttpResponse:
    mag_beheren = mag(request.user, PARTNERS_BEHEREN, gevonden)
    context: dict[str, Any] = {
        "kruimelpad": _kruimelpad((gevonden.naam, None)),
        "partner": gevonden,
        "contactpersonen": selectors.contactpersonen_van(gevonden, door=ingelogde_gebruiker(request)),
        "doelen": selectors.doelen_van_partner(gevonden, alleen_openbaar=False),
        "mag_beheren": mag_beheren,
        "mag_subsidies": mag(request.user, SUBSIDIES_BEHEREN),
    }
    if mag_beheren:
        context["contact_form"] = contact_form or ContactpersoonForm(prefix="contact")
    return render(request, WERKPLEK + "partner.html", context, status=400 if contact_form else 200)


@werkplek(actie=PARTNERS_BEHEREN)
def partner_formulier(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    bestaand = _partner(slug) if slug else None
    form = PartnerForm(request.POST or None, instance=bestaand)
    if request.method == "POST" and form.is_valid():
        try:
            opgeslagen = services.partner_vastleggen(
                door=ingelogde_gebruiker(request),
                gegevens={veld: form.cleaned_data[veld] for veld in services.PARTNERVELDEN},
                partner=bestaand,
                doelen=form.cleaned_data["doelen"],
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        else:
            messages.success(request, _("%(naam)s is opgeslagen.") % {"naam": opgeslagen.naam})
            return redirect("samenleving:partner_werkplek", slug=opgeslagen.slug)
    titel = _("%(naam)s wijzigen") % {"naam": bestaand.naam} if bestaand else _("Nieuwe partner")
    return _formulierpagina(request, form, titel)


def _formulierpagina(request: HttpRequest, form: Any, titel: str, **extra: Any) -> HttpResponse:
    return render(
        request,
        WERKPLEK + "formulier.html",
        {"kruimelpad": _kruimelpad((titel, None)), "form": form, "titel": titel, **extra},
        status=400 if form.errors or extra.get("intrekken_fout") else 200,
    )


@werkplek(actie=PARTNERS_BEHEREN)
def contactpersoon_toevoegen(request: HttpRequest, slug: str) -> HttpResponse:
    if request.method != "POST":
        return redirect("samenleving:partner_werkplek", slug=slug)
    gevonden = _partner(slug)
    form = ContactpersoonForm(request.POST, prefix="contact")
    if form.is_valid():
        try:
            services.contactpersoon_toevoegen(
                door=ingelogde_gebruiker(request),
                partner=gevonden,
                gegevens={veld: form.cleaned_data[veld] for veld in services.CONTACTVELDEN},
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
    if form.errors:
        return _partnerpagina(request, gevonden, contact_form=form)
    messages.success(request, _("De contactpersoon is toegevoegd."))
    return redirect(reverse("samenleving:partner_werkplek", args=[slug]) + "#contactpersonen")


@require_POST
@werkplek(actie=PARTNERS_BEHEREN)
def contactpersoon_verwijderen(request: HttpRequest, pk: int) -> HttpResponse:
    contactpersoon = selectors.contactpersoon_op_pk(pk)
    if contactpersoon is None:
        raise Http404
    services.contactpersoon_verwijderen(door=ingelogde_gebruiker(request), contactpersoon=contactpersoon)
    messages.success(request, _("De contactpersoon is verwijderd."))
    return redirect(
        reverse("samenleving:partner_werkplek", args=[contactpersoon.partner.slug]) + "#contactpersonen"
    )


# -- publishing, shared by convenanten and subsidies ------------------------------------------------


def _publiceren(request: HttpRequest, actie: Callable[[], object], terug: str, gelukt: str) -> HttpResponse:
    """Publishes (again); a refusal from the register comes back as a message on the page."""
    try:
        actie()
    except ValidationError as fout:
        for melding in fout.messages:
            messages.error(request, melding)
    else:
        messages.success(request, gelukt)
    return redirect(terug)


def _intrekken(
    request: HttpRequest,
    actie: Callable[[dict[str, Any]], object],
    pagina: Callable[[IntrekkenForm], HttpResponse],
    terug: str,
    gelukt: str,
) -> HttpResponse:
    """Withdraws with a reason from the TOOI list; a missing or unknown reason re-renders the page
    with the message next to the field."""
    form = IntrekkenForm(request.POST, prefix="intrekken")
    if formulier_uitvoeren(form, actie) is None:
        return pagina(form)
    messages.success(request, gelukt)
    return redirect(terug)


# -- convenanten -------------------------------------------------------------------------------------


def _convenant(pk: int) -> Convenant:
    gevonden = selectors.convenant_voor_werkplek(pk)
    if gevonden is None:
        raise Http404
    return gevonden


@werkplek(actie=PARTNERS_BEHEREN)
def convenant_formulier(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    bestaand = _convenant(pk) if pk else None
    initial = {}
    if bestaand is None and request.GET.get("partner"):
        initial["partners"] = selectors.partners_op_naam().filter(slug=request.GET["partner"])
    form = ConvenantForm(request.POST or None, request.FILES or None, instance=bestaand, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            opgeslagen = services.convenant_vastleggen(
                door=ingelogde_gebruiker(request),
                gegevens={veld: form.cleaned_data[veld] for veld in services.CONVENANTVELDEN},
                partners=form.cleaned_data["partners"],
                doelen=form.cleaned_data["doelen"],
                document=form.cleaned_data["document"],
                convenant=bestaand,
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        else:
            messages.success(request, _("Het convenant is opgeslagen."))
            return redirect("samenleving:partner_convenant", pk=opgeslagen.pk)
    titel = bestaand.titel if bestaand else _("Nieuw convenant")
    return _formulierpagina(
        request,
        form,
        titel,
        object=bestaand,
        soort="convenant",
        intrekken_form=IntrekkenForm(prefix="intrekken"),
    )


@require_POST
@werkplek(actie=PARTNERS_BEHEREN)
def convenant_publiceren(request: HttpRequest, pk: int) -> HttpResponse:
    bestaand = _convenant(pk)
    return _publiceren(
        request,
        lambda: services.convenant_publiceren(door=ingelogde_gebruiker(request), convenant=bestaand),
        reverse("samenleving:partner_convenant", args=[pk]),
        _("Het convenant is gepubliceerd in het publicatieregister."),
    )


@require_POST
@werkplek(actie=PARTNERS_BEHEREN)
def convenant_intrekken(request: HttpRequest, pk: int) -> HttpResponse:
    bestaand = _convenant(pk)
    return _intrekken(
        request,
        lambda gegevens: services.convenant_intrekken(
            door=ingelogde_gebruiker(request), convenant=bestaand, **gegevens
        ),
        lambda form: _formulierpagina(
            request,
            ConvenantForm(instance=bestaand),
            bestaand.titel,
            object=bestaand,
            soort="convenant",
            intrekken_form=form,
            intrekken_fout=True,
        ),
        reverse("samenleving:partner_convenant", args=[pk]),
        _("De publicatie van het convenant is ingetrokken."),
    )


def convenant_document(request: HttpRequest, pk: int) -> HttpResponseBase:
    """The signed document, for employees (it is public only through the register once published);
    the checks of @werkplek, which returns an HttpResponse, not a streamed file."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    antwoord = poortwachters_vragen(request)
    if antwoord is not None:
        return antwoord
    vereis(request.user, PARTNERS_INZIEN)
    bestaand = _convenant(pk)
    return FileResponse(
        bestaand.document.open("rb"),
        as_attachment=True,
        filename=bestaand.bestandsnaam or "convenant",
        content_type=bestaand.mediatype or "application/octet-stream",
    )


# -- subsidieverplichtingen --------------------------------------------------------------------------


def _subsidie(pk: int) -> Subsidieverplichting:
    gevonden = selectors.subsidie_voor_werkplek(pk)
    if gevonden is None:
        raise Http404
    return gevonden


@werkplek(actie=SUBSIDIES_BEHEREN)
def subsidie_formulier(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    bestaand = _subsidie(pk) if pk else None
    initial = {}
    if bestaand is None and request.GET.get("partner"):
        initial["partner"] = selectors.partners_op_naam().filter(slug=request.GET["partner"]).first()
    form = SubsidieForm(request.POST or None, instance=bestaand, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            opgeslagen = services.subsidie_vastleggen(
                door=ingelogde_gebruiker(request),
                gegevens={veld: form.cleaned_data[veld] for veld in services.SUBSIDIEVELDEN},
                doelen=form.cleaned_data["doelen"],
                subsidie=bestaand,
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        else:
            messages.success(request, _("De subsidieverplichting is opgeslagen."))
            return redirect("samenleving:partner_subsidie", pk=opgeslagen.pk)
    titel = services.subsidietitel(bestaand) if bestaand else _("Nieuwe subsidieverplichting")
    return _formulierpagina(
        request,
        form,
        titel,
        object=bestaand,
        soort="subsidie",
        intrekken_form=IntrekkenForm(prefix="intrekken"),
    )


@require_POST
@werkplek(actie=SUBSIDIES_BEHEREN)
def subsidie_publiceren(request: HttpRequest, pk: int) -> HttpResponse:
    bestaand = _subsidie(pk)
    return _publiceren(
        request,
        lambda: services.subsidie_publiceren(door=ingelogde_gebruiker(request), subsidie=bestaand),
        reverse("samenleving:partner_subsidie", args=[pk]),
        _("De subsidieverplichting is gepubliceerd in het publicatieregister."),
    )


@require_POST
@werkplek(actie=SUBSIDIES_BEHEREN)
def subsidie_intrekken(request: HttpRequest, pk: int) -> HttpResponse:
    bestaand = _subsidie(pk)
    return _intrekken(
        request,
        lambda gegevens: services.subsidie_intrekken(
            door=ingelogde_gebruiker(request), subsidie=bestaand, **gegevens
        ),
        lambda form: _formulierpagina(
            request,
            SubsidieForm(instance=bestaand),
            services.subsidietitel(bestaand),
            object=bestaand,
            soort="subsidie",
            intrekken_form=form,
            intrekken_fout=True,
        ),
        reverse("samenleving:partner_subsidie", args=[pk]),
        _("De publicatie van de subsidieverplichting is ingetrokken."),
    )
