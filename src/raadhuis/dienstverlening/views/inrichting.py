"""Setting up the desk agenda and the ceremonies in the Werkplek: locations, desks, weekly opening
hours, closing days, appointment types, trouwlocaties with their moments, BABS, and the list of
reserved ceremonies. Every employee of dienstverlening may look; changes need AGENDA_INRICHTEN
(assigning a BABS to a ceremony: AFSPRAAK_BEHEREN, as at the desk). Every change is a POST that
redirects back (POST-redirect-GET); bad input re-renders the page with the error next to the field
(status 400) and changes nothing."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from raadhuis.core.forms import formulier_uitvoeren, fout_naar_formulier
from raadhuis.core.rechten import mag
from raadhuis.core.toegang import werkplek
from raadhuis.dienstverlening.forms.inrichting import (
    WEEKDAGEN,
    AfspraaktypeForm,
    BabsForm,
    BabsToewijzenForm,
    BalieForm,
    CeremoniemomentForm,
    LocatieForm,
    OpeningstijdForm,
    SluitingsdagForm,
    TrouwlocatieForm,
)
from raadhuis.dienstverlening.models import (
    Afspraaktype,
    Babs,
    Balie,
    Ceremonie,
    Ceremoniemoment,
    Locatie,
    Openingstijd,
    Trouwlocatie,
)
from raadhuis.dienstverlening.rechten import AFSPRAAK_BEHEREN, AGENDA_INRICHTEN, WERKPLEK_ROLLEN
from raadhuis.dienstverlening.selectors import afspraken as selectors
from raadhuis.dienstverlening.services import afspraken as services
from raadhuis.dienstverlening.views.gedeeld import ingelogde_medewerker, werkplek_kruimelpad

TEMPLATES = "dienstverlening/inrichting/"
Formulieren = dict[tuple[str, int], BaseForm]


def _ids(soort: str, pk: int) -> str:
    """Unique field ids when the same form appears once per location (labels must stay unique)."""
    return f"id_{soort}{pk}_%s"


def _weekdag(nummer: int) -> str:
    return str(dict(WEEKDAGEN)[nummer])


# -- Locations, desks, opening hours, appointment types ---------------------------------------------


def _inrichtingpagina(
    request: HttpRequest, *, forms: Formulieren | None = None, status: int = 200
) -> HttpResponse:
    forms = forms or {}
    mag_inrichten = mag(ingelogde_medewerker(request), AGENDA_INRICHTEN)
    locaties = []
    for locatie in selectors.locaties_inrichting():
        openingstijden = [
            {"openingstijd": tijd, "weekdag": _weekdag(tijd.weekdag)} for tijd in locatie.openingstijden.all()
        ]
        locaties.append(
            {
                "locatie": locatie,
                "openingstijden": openingstijden,
                "balie_form": forms.get(("balie", locatie.pk))
                or BalieForm(auto_id=_ids("balie", locatie.pk)),
                "openingstijd_form": forms.get(("openingstijd", locatie.pk))
                or OpeningstijdForm(auto_id=_ids("openingstijd", locatie.pk)),
                "sluitingsdag_form": forms.get(("sluitingsdag", locatie.pk))
                or SluitingsdagForm(auto_id=_ids("sluitingsdag", locatie.pk)),
            }
        )
    context: dict[str, Any] = {
        "locaties": locaties,
        "afspraaktypen": selectors.afspraaktypen_inrichting(),
        "locatie_form": forms.get(("locatie", 0)) or LocatieForm(auto_id=_ids("locatie", 0)),
        "mag_inrichten": mag_inrichten,
        "kruimelpad": werkplek_kruimelpad((_("Inrichting"), None)),
    }
    return render(request, TEMPLATES + "inrichting.html", context, status=status)


def _naar_inrichting(anker: str = "") -> HttpResponse:
    return redirect(reverse("dienstverlening:inrichting") + (f"#{anker}" if anker else ""))


@never_cache
@require_GET
@werkplek(*WERKPLEK_ROLLEN)
def inrichting(request: HttpRequest) -> HttpResponse:
    return _inrichtingpagina(request)


@require_POST
@werkplek(actie=AGENDA_INRICHTEN)
def locatie_toevoegen(request: HttpRequest) -> HttpResponse:
    form = LocatieForm(request.POST, auto_id=_ids("locatie", 0))
    gedaan = formulier_uitvoeren(
        form, lambda gegevens: services.locatie_aanmaken(**gegevens, door=ingelogde_medewerker(request))
    )
    if gedaan:
        locatie = gedaan.uitkomst
        messages.success(request, _("De locatie %(naam)s is toegevoegd.") % {"naam": locatie.naam})
        return _naar_inrichting(f"locatie-{locatie.pk}")
    return _inrichtingpagina(request, forms={("locatie", 0): form}, status=400)


@require_POST
@werkplek(actie=AGENDA_INRICHTEN)
def balie_toevoegen(request: HttpRequest, pk: int) -> HttpResponse:
    locatie = get_object_or_404(Locatie, pk=pk)
    form = BalieForm(request.POST, auto_id=_ids("balie", locatie.pk))
    gedaan = formulier_uitvoeren(
        form,
        lambda gegevens: services.balie_toevoegen(
            locatie=locatie, naam=gegevens["naam"], door=ingelogde_medewerker(request)
        ),
    )
    if gedaan:
        balie = gedaan.uitkomst
        messages.success(request, _("%(balie)s is toegevoegd.") % {"balie": balie})
        return _naar_inrichting(f"locatie-{locatie.pk}")
    return _inrichtingpagina(request, forms={("balie", locatie.pk): form}, status=400)


@require_POST
@werkplek(actie=AGENDA_INRICHTEN)
def balie_deactiveren(request: HttpRequest, pk: int) -> HttpResponse:
    balie = get_object_or_404(Balie, pk=pk)
    try:
        services.balie_deactiveren(balie=balie, door=ingelogde_medewerker(request))
    except ValidationError as fout:
        for melding in fout.messages:
            messages.error(request, melding)
    else:
        messages.success(request, _("%(balie)s is buiten gebruik gezet.") % {"balie": balie})
    return _naar_inrichting(f"locatie-{balie.locatie_id}")


@require_POST
@werkplek(actie=AGENDA_INRICHTEN)
def openingstijd_toevoegen(request: HttpRequest, pk: int) -> HttpResponse:
    locatie = get_object_or_404(Locatie, pk=pk)
    form = OpeningstijdForm(request.POST, auto_id=_ids("openingstijd", locatie.pk))
    gedaan = formulier_uitvoeren(
        form,
        lambda gegevens: services.openingstijd_toevoegen(
            locatie=locatie, **gegevens, door=ingelogde_medewerker(request)
        ),
    )
    if gedaan:
        messages.success(
            request,
            _("%(locatie)s is open op %(weekdag)s van %(van)s tot %(tot)s.")
            % {
                "locatie": locatie.naam,
                "weekdag": _weekdag(form.cleaned_data["weekdag"]),
                "van": form.cleaned_data["van"].strftime("%H:%M"),
                "tot": form.cleaned_data["tot"].strftime("%H:%M"),
            },
        )
        return _naar_inrichting(f"locatie-{locatie.pk}")
    return _inrichtingpagina(request, forms={("openingstijd", locatie.pk): form}, status=400)


@require_POST
@werkplek(actie=AGENDA_INRICHTEN)
def openingstijd_verwijderen(request: HttpRequest, pk: int) -> HttpResponse:
    openingstijd = get_object_or_404(Openingstijd, pk=pk)
    locatie_id = openingstijd.locatie_id
    services.openingstijd_verwijderen(openingstijd=openingstijd, door=ingelogde_medewerker(request))
    messages.success(request, _("De openingstijd is verwijderd."))
    return _naar_inrichting(f"locatie-{locatie_id}")


@require_POST
@werkplek(actie=AGENDA_INRICHTEN)
def sluitingsdag_toevoegen(request: HttpRequest, pk: int) -> HttpResponse:
    locatie = get_object_or_404(Locatie, pk=pk)
    form = SluitingsdagForm(request.POST, auto_id=_ids("sluitingsdag", locatie.pk))
    gedaan = formulier_uitvoeren(
        form,
        lambda gegevens: services.sluitingsdag_toevoegen(
            locatie=locatie, **gegevens, door=ingelogde_medewerker(request)
        ),
    )
    if gedaan:
        messages.success(
            request,
            _("%(locatie)s is gesloten op %(datum)s.")
            % {"locatie": locatie.naam, "datum": form.cleaned_data["datum"].strftime("%d-%m-%Y")},
        )
        return _naar_inrichting(f"locatie-{locatie.pk}")
    return _inrichtingpagina(request, forms={("sluitingsdag", locatie.pk): form}, status=400)


def _afspraaktypepagina(
    request: HttpRequest, form: AfspraaktypeForm, *, afspraaktype: Afspraaktype | None, status: int = 200
) -> HttpResponse:
    titel = _("Afspraaktype toevoegen") if afspraaktype is None else afspraaktype.naam
    context = {
        "form": form,
        "afspraaktype": afspraaktype,
        "titel": titel,
        "kruimelpad": werkplek_kruimelpad(
            (_("Inrichting"), reverse("dienstverlening:inrichting")), (titel, None)
        ),
    }
    return render(request, TEMPLATES + "afspraaktype.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
@werkplek(actie=AGENDA_INRICHTEN)
def afspraaktype_nieuw(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _afspraaktypepagina(request, AfspraaktypeForm(), afspraaktype=None)
    form = AfspraaktypeForm(request.POST)
    gedaan = formulier_uitvoeren(
        form, lambda gegevens: services.afspraaktype_aanmaken(**gegevens, door=ingelogde_medewerker(request))
    )
    if gedaan:
        nieuw = gedaan.uitkomst
        messages.success(request, _("Het afspraaktype %(naam)s is toegevoegd.") % {"naam": nieuw.naam})
        return _naar_inrichting("afspraaktypen")
    return _afspraaktypepagina(request, form, afspraaktype=None, status=400)


@never_cache
@require_http_methods(["GET", "POST"])
@werkplek(actie=AGENDA_INRICHTEN)
def afspraaktype_bewerken(request: HttpRequest, pk: int) -> HttpResponse:
    afspraaktype = get_object_or_404(Afspraaktype, pk=pk)
    if request.method != "POST":
        return _afspraaktypepagina(
            request, AfspraaktypeForm(afspraaktype=afspraaktype), afspraaktype=afspraaktype
        )
    form = AfspraaktypeForm(request.POST, afspraaktype=afspraaktype)
    gedaan = formulier_uitvoeren(
        form,
        lambda gegevens: services.afspraaktype_wijzigen(
            afspraaktype=afspraaktype, **gegevens, door=ingelogde_medewerker(request)
        ),
    )
    if gedaan:
        gewijzigd = gedaan.uitkomst
        messages.success(request, _("Het afspraaktype %(naam)s is bijgewerkt.") % {"naam": gewijzigd.naam})
        return _naar_inrichting("afspraaktypen")
    return _afspraaktypepagina(request, form, afspraaktype=afspraaktype, status=400)


# -- Ceremonies: trouwlocaties, moments, BABS, reserved ceremonies -----------------------------------


def _ceremoniepagina(
    request: HttpRequest, *, forms: Formulieren | None = None, status: int = 200
) -> HttpResponse:
    forms = forms or {}
    medewerker = ingelogde_medewerker(request)
    mag_toewijzen = mag(medewerker, AFSPRAAK_BEHEREN)
    trouwlocaties = [
        {
            "trouwlocatie": trouwlocatie,
            "momenten": [
                {"moment": moment, "weekdag": _weekdag(moment.weekdag)}
                for moment in trouwlocatie.momenten.all()
            ],
            "moment_form": forms.get(("moment", trouwlocatie.pk))
            or CeremoniemomentForm(auto_id=_ids("moment", trouwlocatie.pk)),
        }
        for trouwlocatie in selectors.trouwlocaties_inrichting()
    ]
    ceremonies = [
        {
            "ceremonie": ceremonie,
            "toewijzen_form": (
                forms.get(("toewijzen", ceremonie.pk))
                or BabsToewijzenForm(
                    auto_id=_ids("toewijzen", ceremonie.pk), initial={"babs": ceremonie.babs_id}
                )
            )
            if mag_toewijzen
            else None,
        }
        for ceremonie in selectors.komende_ceremonies(door=medewerker)
    ]
    context: dict[str, Any] = {
        "trouwlocaties": trouwlocaties,
        "babs_lijst": selectors.babs_inrichting(),
        "babs_form": forms.get(("babs", 0)) or BabsForm(auto_id=_ids("babs", 0)),
        "trouwlocatie_form": forms.get(("trouwlocatie", 0))
        or TrouwlocatieForm(auto_id=_ids("trouwlocatie", 0)),
        "ceremonies": ceremonies,
        "mag_inrichten": mag(medewerker, AGENDA_INRICHTEN),
        "kruimelpad": werkplek_kruimelpad(
            (_("Inrichting"), reverse("dienstverlening:inrichting")), (_("Ceremonies"), None)
        ),
    }
    return render(request, TEMPLATES + "ceremonies.html", context, status=status)


def _naar_ceremonies(anker: str = "") -> HttpResponse:
    return redirect(reverse("dienstverlening:inrichting_ceremonies") + (f"#{anker}" if anker else ""))


@never_cache
@require_GET
@werkplek(*WERKPLEK_ROLLEN)
def ceremonies(request: HttpRequest) -> HttpResponse:
    return _ceremoniepagina(request)


@require_POST
@werkplek(actie=AGENDA_INRICHTEN)
def trouwlocatie_toevoegen(request: HttpRequest) -> HttpResponse:
    form = TrouwlocatieForm(request.POST, auto_id=_ids("trouwlocatie", 0))
    gedaan = formulier_uitvoeren(
        form, lambda gegevens: services.trouwlocatie_aanmaken(**gegevens, door=ingelogde_medewerker(request))
    )
    if gedaan:
        trouwlocatie = gedaan.uitkomst
        messages.success(
            request,
            _("De trouwlocatie %(naam)s is toegevoegd; voeg nu de momenten per week toe.")
            % {"naam": trouwlocatie.naam},
        )
        return _naar_ceremonies(f"trouwlocatie-{trouwlocatie.pk}")
    return _ceremoniepagina(request, forms={("trouwlocatie", 0): form}, status=400)


@require_POST
@werkplek(actie=AGENDA_INRICHTEN)
def ceremoniemoment_toevoegen(request: HttpRequest, pk: int) -> HttpResponse:
    trouwlocatie = get_object_or_404(Trouwlocatie, pk=pk)
    form = CeremoniemomentForm(request.POST, auto_id=_ids("moment", trouwlocatie.pk))
    gedaan = formulier_uitvoeren(
        form,
        lambda gegevens: services.ceremoniemoment_toevoegen(
            trouwlocatie=trouwlocatie, **gegevens, door=ingelogde_medewerker(request)
        ),
    )
    if gedaan:
        messages.success(
            request,
            _("Op %(weekdag)s om %(tijd)s is in %(locatie)s een ceremonie mogelijk.")
            % {
                "weekdag": _weekdag(form.cleaned_data["weekdag"]),
                "tijd": form.cleaned_data["tijd"].strftime("%H:%M"),
                "locatie": trouwlocatie.naam,
            },
        )
        return _naar_ceremonies(f"trouwlocatie-{trouwlocatie.pk}")
    return _ceremoniepagina(request, forms={("moment", trouwlocatie.pk): form}, status=400)


@require_POST
@werkplek(actie=AGENDA_INRICHTEN)
def ceremoniemoment_verwijderen(request: HttpRequest, pk: int) -> HttpResponse:
    moment = get_object_or_404(Ceremoniemoment, pk=pk)
    trouwlocatie_id = moment.trouwlocatie_id
    services.ceremoniemoment_verwijderen(moment=moment, door=ingelogde_medewerker(request))
    messages.success(request, _("Het ceremoniemoment is verwijderd."))
    return _naar_ceremonies(f"trouwlocatie-{trouwlocatie_id}")


@require_POST
@werkplek(actie=AGENDA_INRICHTEN)
def babs_toevoegen(request: HttpRequest) -> HttpResponse:
    form = BabsForm(request.POST, auto_id=_ids("babs", 0))
    gedaan = formulier_uitvoeren(
        form, lambda gegevens: services.babs_aanmaken(**gegevens, door=ingelogde_medewerker(request))
    )
    if gedaan:
        babs = gedaan.uitkomst
        messages.success(request, _("%(naam)s is toegevoegd als babs.") % {"naam": babs.naam})
        return _naar_ceremonies("babs")
    return _ceremoniepagina(request, forms={("babs", 0): form}, status=400)


@require_POST
@werkplek(actie=AGENDA_INRICHTEN)
def babs_deactiveren(request: HttpRequest, pk: int) -> HttpResponse:
    babs = get_object_or_404(Babs, pk=pk)
    try:
        services.babs_deactiveren(babs=babs, door=ingelogde_medewerker(request))
    except ValidationError as fout:
        for melding in fout.messages:
            messages.error(request, melding)
    else:
        messages.success(request, _("%(naam)s is niet meer actief als babs.") % {"naam": babs.naam})
    return _naar_ceremonies("babs")


@require_POST
@werkplek(actie=AFSPRAAK_BEHEREN)
def babs_toewijzen(request: HttpRequest, pk: int) -> HttpResponse:
    ceremonie = get_object_or_404(Ceremonie.objects.select_related("trouwlocatie"), pk=pk)
    form = BabsToewijzenForm(request.POST, auto_id=_ids("toewijzen", ceremonie.pk))
    if form.is_valid():
        babs = form.cleaned_data["babs"]
        try:
            services.babs_toewijzen(ceremonie=ceremonie, babs=babs, door=ingelogde_medewerker(request))
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        else:
            if babs is None:
                messages.success(request, _("De ceremonie heeft geen babs meer."))
            else:
                messages.success(request, _("%(naam)s voltrekt deze ceremonie.") % {"naam": babs.naam})
            return _naar_ceremonies("ceremonies")
    return _ceremoniepagina(request, forms={("toewijzen", ceremonie.pk): form}, status=400)
