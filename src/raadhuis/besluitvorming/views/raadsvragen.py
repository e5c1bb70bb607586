"""Raadsvragen pages (Gemeentewet art. 155): the public register and detail page, and in the Werkplek
the register with filters and overdue questions, putting questions (a raadslid their own, the griffie
for any member), routing, uitstel, the college's draft and final answer, and the answer term."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from django.contrib import messages
from django.contrib.syndication.views import Feed
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, SyndicationFeed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from raadhuis.besluitvorming.forms_raadsvragen import (
    AntwoordForm,
    RaadsvraagForm,
    RaadsvragenfilterForm,
    RegelingForm,
    ToewijzenForm,
    ToezeggingUitAntwoordForm,
    UitstelForm,
)
from raadhuis.besluitvorming.models import Raadsvraag
from raadhuis.besluitvorming.rechten import (
    GRIFFIE_ROLLEN,
    RAADSVRAAG_BEANTWOORDEN,
    RAADSVRAAG_BEHANDELEN,
    RAADSVRAAG_CONCEPTANTWOORD_INZIEN,
    RAADSVRAAG_STELLEN,
    RAADSVRAAG_UITSTELLEN,
    REGISTERS_BIJWERKEN,
    WERKPLEK_ROLLEN,
)
from raadhuis.besluitvorming.selectors import raadsvragen as lezen
from raadhuis.besluitvorming.selectors.beheer import persoon_van_medewerker
from raadhuis.besluitvorming.selectors.registers import vergaderingen_voor_toezeggingen
from raadhuis.besluitvorming.services import raadsvragen as diensten
from raadhuis.besluitvorming.views.griffie import _kruimelpad
from raadhuis.core.forms import formulier_uitvoeren, fout_naar_formulier
from raadhuis.core.rechten import heeft_rol, mag
from raadhuis.core.toegang import ingelogde_gebruiker, werkplek

TEMPLATES = "besluitvorming/raadsvragen/"
RaadhuisFormulier = ToewijzenForm | UitstelForm | ToezeggingUitAntwoordForm


def _is_griffie(request: HttpRequest) -> bool:
    return any(heeft_rol(request.user, rol) for rol in GRIFFIE_ROLLEN)


def _filterform(
    request: HttpRequest, *, openbaar: bool
) -> tuple[RaadsvragenfilterForm, lezen.Raadsvragenfilter]:
    form = RaadsvragenfilterForm(
        request.GET or None,
        portefeuillehouders=lezen.portefeuillehouders_van_raadsvragen(),
        fracties=lezen.fracties_van_raadsvragen(),
        met_concepten=not openbaar,
    )
    gebruiker = request.user.pk
    basis = lezen.Raadsvragenfilter(
        openbaar=openbaar,
        alle_concepten=not openbaar and _is_griffie(request),
        concepten_van=None if openbaar or gebruiker is None else int(gebruiker),
    )
    if form.is_bound and form.is_valid():
        gegevens = form.cleaned_data
        return form, replace(
            basis,
            status=gegevens["status"],
            alleen_te_laat=gegevens["alleen_te_laat"],
            portefeuillehouder=gegevens["portefeuillehouder"],
            fractie=gegevens["fractie"],
            zoekterm=gegevens["zoekterm"],
        )
    return form, basis


def _publiek_kruimelpad(*stappen: tuple[str, str | None]) -> list[tuple[str, str | None]]:
    return [(_("Home"), reverse("core:home")), (_("Bestuur"), reverse("besluitvorming:bestuur")), *stappen]


# -- public -------------------------------------------------------------------------------------------


@require_GET
def register(request: HttpRequest) -> HttpResponse:
    """The public register: every submitted question, never a concept or a draft answer."""
    form, filter = _filterform(request, openbaar=True)
    return render(
        request,
        TEMPLATES + "register.html",
        {
            "form": form,
            "regels": lezen.raadsvragen_register(filter),
            "regeling": lezen.raadsvragenregeling(),
            "kruimelpad": _publiek_kruimelpad((_("Raadsvragen"), None)),
        },
        status=200 if not form.errors else 422,
    )


@require_GET
def raadsvraag(request: HttpRequest, kenmerk: str) -> HttpResponse:
    gevonden = lezen.openbare_raadsvraag(kenmerk)
    if gevonden is None:
        raise Http404
    vandaag = timezone.localdate()
    return render(
        request,
        TEMPLATES + "publiek.html",
        {
            "raadsvraag": gevonden,
            "te_laat": gevonden.te_laat_op(vandaag),
            "dagen_te_laat": gevonden.dagen_te_laat_op(vandaag),
            "agendapunten": lezen.openbare_agendapunten_van(gevonden),
            "toezeggingen": lezen.openbare_toezeggingen_van(gevonden),
            "kruimelpad": _publiek_kruimelpad(
                (_("Raadsvragen"), reverse("besluitvorming:raadsvragen_register")), (gevonden.kenmerk, None)
            ),
        },
    )


# -- Werkplek -----------------------------------------------------------------------------------------


def _werkplek_kruimelpad(*stappen: tuple[str, str | None]) -> list[tuple[str, str | None]]:
    return _kruimelpad((_("Raadsvragen"), reverse("besluitvorming:werkplek_raadsvragen")), *stappen)


@werkplek(*WERKPLEK_ROLLEN)
def werkplek_register(request: HttpRequest) -> HttpResponse:
    """Every question the user may see, with filters; overdue ones listed first for the griffie."""
    form, filter = _filterform(request, openbaar=False)
    return render(
        request,
        TEMPLATES + "werkplek_register.html",
        {
            "form": form,
            "regels": lezen.raadsvragen_register(filter),
            "te_laat": lezen.te_late_raadsvragen(),
            "regeling": lezen.raadsvragenregeling(),
            "mag_stellen": mag(request.user, RAADSVRAAG_STELLEN),
            "mag_behandelen": mag(request.user, RAADSVRAAG_BEHANDELEN),
            "kruimelpad": _kruimelpad((_("Raadsvragen"), None)),
        },
    )


@werkplek(actie=RAADSVRAAG_STELLEN)
def nieuw(request: HttpRequest) -> HttpResponse:
    """A raadslid puts their own questions, the griffie registers them for any member."""
    griffie = _is_griffie(request)
    raadsleden = lezen.raadsleden_op(timezone.localdate())
    beginwaarden = {}
    eigen = persoon_van_medewerker(request.user)
    if eigen is not None and any(lid.pk == eigen.pk for lid in raadsleden):
        beginwaarden["indieners"] = [eigen.pk]
    form = RaadsvraagForm(
        request.POST if request.method == "POST" else None,
        initial=beginwaarden,
        raadsleden=raadsleden,
        griffie=griffie,
    )
    if request.method == "POST" and form.is_valid():
        indienen = "indienen" in request.POST
        try:
            gesteld = diensten.raadsvraag_opstellen(
                onderwerp=form.cleaned_data["onderwerp"],
                inleiding=form.cleaned_data["inleiding"],
                vragen=form.vragenlijst(),
                indieners=list(form.cleaned_data["indieners"]),
                indienen=indienen,
                ingediend_op=form.cleaned_data.get("ingediend_op") if griffie else None,
                door=ingelogde_gebruiker(request),
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        except PermissionDenied as weigering:
            form.add_error("indieners", str(weigering))
        else:
            if indienen:
                messages.success(
                    request, _("Raadsvraag %(kenmerk)s is ingediend.") % {"kenmerk": gesteld.kenmerk}
                )
            else:
                messages.success(request, _("De raadsvraag is als concept bewaard."))
            return redirect("besluitvorming:werkplek_raadsvraag", pk=gesteld.pk)
    return render(
        request,
        TEMPLATES + "nieuw.html",
        {
            "form": form,
            "titel": _("Nieuwe raadsvraag"),
            "kruimelpad": _werkplek_kruimelpad((_("Nieuwe raadsvraag"), None)),
        },
        status=422 if form.errors else 200,
    )


@werkplek(actie=RAADSVRAAG_STELLEN)
def bewerken(request: HttpRequest, pk: int) -> HttpResponse:
    """A concept is rewritten by its indieners or the griffie, and may be submitted from here."""
    gevonden = _zichtbare_raadsvraag(request, pk)
    if gevonden.status != Raadsvraag.Status.CONCEPT:
        raise Http404
    form = RaadsvraagForm(
        request.POST if request.method == "POST" else None,
        initial={
            "onderwerp": gevonden.onderwerp,
            "inleiding": gevonden.inleiding,
            "vragen": "\n\n".join(v.tekst for v in gevonden.vragen.all()),
            "indieners": [v.persoon_id for v in gevonden.indieners.all()],
        },
        raadsleden=lezen.raadsleden_op(timezone.localdate()),
        griffie=False,
    )
    if request.method == "POST" and form.is_valid():
        door = ingelogde_gebruiker(request)
        try:
            diensten.raadsvraag_bijwerken(
                raadsvraag=gevonden,
                onderwerp=form.cleaned_data["onderwerp"],
                inleiding=form.cleaned_data["inleiding"],
                vragen=form.vragenlijst(),
                indieners=list(form.cleaned_data["indieners"]),
                door=door,
            )
            if "indienen" in request.POST:
                diensten.raadsvraag_indienen(raadsvraag=gevonden, door=door)
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        except PermissionDenied as weigering:
            form.add_error("indieners", str(weigering))
        else:
            messages.success(request, _("De raadsvraag is opgeslagen."))
            return redirect("besluitvorming:werkplek_raadsvraag", pk=pk)
    return render(
        request,
        TEMPLATES + "nieuw.html",
        {
            "form": form,
            "titel": _("Concept bewerken"),
            "kruimelpad": _werkplek_kruimelpad(
                (gevonden.onderwerp, reverse("besluitvorming:werkplek_raadsvraag", args=[pk])),
                (_("Bewerken"), None),
            ),
        },
        status=422 if form.errors else 200,
    )


def _zichtbare_raadsvraag(request: HttpRequest, pk: int) -> Raadsvraag:
    """A concept is seen only by its indieners and the griffie; for others it does not exist."""
    gevonden = get_object_or_404(lezen.raadsvragen_met_details(), pk=pk)
    if gevonden.status == Raadsvraag.Status.CONCEPT and not (
        _is_griffie(request) or mag(request.user, RAADSVRAAG_STELLEN, gevonden)
    ):
        raise Http404
    return gevonden


@werkplek(*WERKPLEK_ROLLEN)
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    gevonden = _zichtbare_raadsvraag(request, pk)
    vandaag = timezone.localdate()
    open_ = gevonden.status in Raadsvraag.OPEN
    return render(
        request,
        TEMPLATES + "werkplek_detail.html",
        {
            "raadsvraag": gevonden,
            "te_laat": gevonden.te_laat_op(vandaag),
            "dagen_te_laat": gevonden.dagen_te_laat_op(vandaag),
            "mag_concept_zien": mag(request.user, RAADSVRAAG_CONCEPTANTWOORD_INZIEN, gevonden),
            "mag_indienen": gevonden.status == Raadsvraag.Status.CONCEPT
            and mag(request.user, RAADSVRAAG_STELLEN, gevonden),
            "mag_intrekken": (open_ or gevonden.status == Raadsvraag.Status.CONCEPT)
            and mag(request.user, RAADSVRAAG_STELLEN, gevonden),
            "mag_toewijzen": gevonden.status != Raadsvraag.Status.CONCEPT
            and gevonden.status != Raadsvraag.Status.INGETROKKEN
            and mag(request.user, RAADSVRAAG_BEHANDELEN, gevonden),
            "mag_uitstellen": open_
            and not gevonden.uitstel_aantal
            and mag(request.user, RAADSVRAAG_UITSTELLEN, gevonden),
            "mag_beantwoorden": open_ and mag(request.user, RAADSVRAAG_BEANTWOORDEN, gevonden),
            "mag_toezegging": gevonden.portefeuillehouder_id is not None
            and (open_ or gevonden.status == Raadsvraag.Status.BEANTWOORD)
            and mag(request.user, REGISTERS_BIJWERKEN, gevonden),
            "kruimelpad": _werkplek_kruimelpad((gevonden.kenmerk or gevonden.onderwerp, None)),
        },
    )


def _na_fout(request: HttpRequest, fout: ValidationError, pk: int) -> HttpResponse:
    for bericht in fout.messages:
        messages.error(request, bericht)
    return redirect("besluitvorming:werkplek_raadsvraag", pk=pk)


@require_POST
@werkplek(actie=RAADSVRAAG_STELLEN)
def indienen(request: HttpRequest, pk: int) -> HttpResponse:
    gevonden = _zichtbare_raadsvraag(request, pk)
    try:
        diensten.raadsvraag_indienen(raadsvraag=gevonden, door=ingelogde_gebruiker(request))
    except ValidationError as fout:
        return _na_fout(request, fout, pk)
    gevonden.refresh_from_db()
    messages.success(request, _("Raadsvraag %(kenmerk)s is ingediend.") % {"kenmerk": gevonden.kenmerk})
    return redirect("besluitvorming:werkplek_raadsvraag", pk=pk)


@require_POST
@werkplek(actie=RAADSVRAAG_STELLEN)
def intrekken(request: HttpRequest, pk: int) -> HttpResponse:
    gevonden = _zichtbare_raadsvraag(request, pk)
    try:
        gebleven = diensten.raadsvraag_intrekken(raadsvraag=gevonden, door=ingelogde_gebruiker(request))
    except ValidationError as fout:
        return _na_fout(request, fout, pk)
    if gebleven is None:
        messages.success(request, _("Het concept is verwijderd."))
        return redirect("besluitvorming:werkplek_raadsvragen")
    messages.success(request, _("De raadsvraag is ingetrokken."))
    return redirect("besluitvorming:werkplek_raadsvraag", pk=pk)


@werkplek(actie=RAADSVRAAG_BEHANDELEN)
def toewijzen(request: HttpRequest, pk: int) -> HttpResponse:
    """The griffie routes the question to a portefeuillehouder and links agendapunten and toezeggingen."""
    gevonden = _zichtbare_raadsvraag(request, pk)
    rond = gevonden.ingediend_op or timezone.localdate()
    form = ToewijzenForm(
        request.POST if request.method == "POST" else None,
        initial={
            "portefeuillehouder": gevonden.portefeuillehouder_id,
            "agendapunten": [a.pk for a in gevonden.agendapunten.all()],
            "toezeggingen": [t.pk for t in gevonden.toezeggingen.all()],
        },
        collegeleden=lezen.portefeuillehouders_op(timezone.localdate()),
        agendapunten=[*lezen.agendapunten_om_te_koppelen(rond=rond), *gevonden.agendapunten.all()],
        toezeggingen=[*lezen.toezeggingen_om_te_koppelen(), *gevonden.toezeggingen.all()],
    )
    door = ingelogde_gebruiker(request)
    return _actiepagina(
        request,
        gevonden,
        form,
        lambda gegevens: diensten.raadsvraag_toewijzen(raadsvraag=gevonden, door=door, **gegevens),
        standaardveld="portefeuillehouder",
        gelukt=_("De raadsvraag is toegewezen."),
        titel=_("Toewijzen en koppelen"),
        knop=_("Opslaan"),
    )


@werkplek(actie=REGISTERS_BIJWERKEN)
def toezegging(request: HttpRequest, pk: int) -> HttpResponse:
    """The griffie records a promise from the college's answer in the toezeggingen register."""
    gevonden = _zichtbare_raadsvraag(request, pk)
    form = ToezeggingUitAntwoordForm(
        request.POST if request.method == "POST" else None,
        vergaderingen=list(vergaderingen_voor_toezeggingen()),
    )
    door = ingelogde_gebruiker(request)
    return _actiepagina(
        request,
        gevonden,
        form,
        lambda gegevens: diensten.raadsvraag_toezegging_vastleggen(
            raadsvraag=gevonden, door=door, **gegevens
        ),
        standaardveld="tekst",
        gelukt=_("De toezegging staat in het toezeggingen register."),
        titel=_("Toezegging uit het antwoord"),
        knop=_("Toezegging vastleggen"),
    )


@werkplek(actie=RAADSVRAAG_UITSTELLEN)
def uitstel(request: HttpRequest, pk: int) -> HttpResponse:
    gevonden = _zichtbare_raadsvraag(request, pk)
    form = UitstelForm(request.POST if request.method == "POST" else None)
    door = ingelogde_gebruiker(request)
    return _actiepagina(
        request,
        gevonden,
        form,
        lambda gegevens: diensten.raadsvraag_uitstellen(raadsvraag=gevonden, door=door, **gegevens),
        standaardveld="aantal",
        gelukt=_("Het uitstel is vastgelegd."),
        titel=_("Uitstel van het antwoord"),
        knop=_("Uitstel vastleggen"),
    )


@werkplek(actie=RAADSVRAAG_BEANTWOORDEN)
def antwoord(request: HttpRequest, pk: int) -> HttpResponse:
    """The college keeps a draft ("concept bewaren") or sends the answer ("verzenden")."""
    gevonden = _zichtbare_raadsvraag(request, pk)
    form = AntwoordForm(
        request.POST if request.method == "POST" else None, initial={"tekst": gevonden.concept_antwoord}
    )
    if request.method == "POST" and form.is_valid():
        door = ingelogde_gebruiker(request)
        try:
            if "verzenden" in request.POST:
                diensten.raadsvraag_beantwoorden(
                    raadsvraag=gevonden,
                    antwoord=form.cleaned_data["tekst"],
                    beantwoord_op=form.cleaned_data["beantwoord_op"],
                    door=door,
                )
                messages.success(request, _("Het antwoord is verzonden en openbaar."))
            else:
                diensten.raadsvraag_conceptantwoord_opslaan(
                    raadsvraag=gevonden, tekst=form.cleaned_data["tekst"], door=door
                )
                messages.success(request, _("Het conceptantwoord is bewaard."))
        except ValidationError as fout:
            fout_naar_formulier(form, fout, standaardveld="tekst", veldnamen={"antwoord": "tekst"})
        else:
            return redirect("besluitvorming:werkplek_raadsvraag", pk=pk)
    return render(
        request,
        TEMPLATES + "antwoord.html",
        {
            "raadsvraag": gevonden,
            "form": form,
            "kruimelpad": _werkplek_kruimelpad(
                (gevonden.kenmerk, reverse("besluitvorming:werkplek_raadsvraag", args=[pk])),
                (_("Antwoord"), None),
            ),
        },
        status=422 if form.errors else 200,
    )


def _actiepagina(
    request: HttpRequest,
    gevonden: Raadsvraag,
    form: RaadhuisFormulier,
    actie: Callable[[dict[str, Any]], object],
    *,
    standaardveld: str,
    gelukt: str,
    titel: str,
    knop: str,
) -> HttpResponse:
    """One step on a question: the form, the service on valid input, errors next to their field."""
    if request.method == "POST" and formulier_uitvoeren(form, actie, standaardveld=standaardveld):
        messages.success(request, gelukt)
        return redirect("besluitvorming:werkplek_raadsvraag", pk=gevonden.pk)
    return render(
        request,
        TEMPLATES + "formulier.html",
        {
            "raadsvraag": gevonden,
            "form": form,
            "titel": titel,
            "knop": knop,
            "kruimelpad": _werkplek_kruimelpad(
                (gevonden.kenmerk, reverse("besluitvorming:werkplek_raadsvraag", args=[gevonden.pk])),
                (titel, None),
            ),
        },
        status=422 if form.errors else 200,
    )


@werkplek(actie=RAADSVRAAG_BEHANDELEN)
def termijn(request: HttpRequest) -> HttpResponse:
    """The griffie sets the answer term of the local Reglement van Orde."""
    regeling = lezen.raadsvragenregeling()
    form = RegelingForm(
        request.POST if request.method == "POST" else None,
        initial={
            "antwoordtermijn": regeling.antwoordtermijn,
            "eenheid": regeling.eenheid,
            "grondslag": regeling.grondslag,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            diensten.raadsvragenregeling_wijzigen(
                antwoordtermijn=form.cleaned_data["antwoordtermijn"],
                eenheid=form.cleaned_data["eenheid"],
                grondslag=form.cleaned_data["grondslag"],
                door=ingelogde_gebruiker(request),
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout, standaardveld="antwoordtermijn")
        else:
            messages.success(request, _("De antwoordtermijn is opgeslagen."))
            return redirect("besluitvorming:werkplek_raadsvragen")
    return render(
        request,
        TEMPLATES + "termijn.html",
        {"form": form, "kruimelpad": _werkplek_kruimelpad((_("Antwoordtermijn"), None))},
        status=422 if form.errors else 200,
    )


# XML 1.0 forbids these; one in a title would break the whole feed for every reader.
_ONGELDIG_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class RaadsvragenFeed(Feed[Raadsvraag, None]):
    """New and answered raadsvragen as Atom, newest change first; concepts never."""

    feed_type: type[SyndicationFeed] = Atom1Feed

    def title(self) -> str:
        return _("Raadsvragen en antwoorden")

    def link(self) -> str:
        return reverse("besluitvorming:raadsvragen_register")

    def subtitle(self) -> str:
        return _("Schriftelijke vragen van raadsleden aan het college (Gemeentewet artikel 155).")

    def items(self) -> QuerySet[Raadsvraag]:
        return lezen.recent_gewijzigde_raadsvragen()

    def item_title(self, item: Raadsvraag) -> str:
        return _ONGELDIG_IN_XML.sub("", f"{item.kenmerk} {item.onderwerp} ({item.get_status_display()})")

    def item_description(self, item: Raadsvraag) -> str:
        indieners = ", ".join(
            f"{v.persoon.naam} ({v.fractie})" if v.fractie else v.persoon.naam for v in item.indieners.all()
        )
        delen = [_("Gesteld door %(indieners)s.") % {"indieners": indieners}]
        delen += [f"{v.nummer}. {v.tekst}" for v in item.vragen.all()]
        if item.antwoord:
            delen.append(_("Antwoord van het college: %(antwoord)s") % {"antwoord": item.antwoord})
        return _ONGELDIG_IN_XML.sub("", "\n".join(delen))

    def item_link(self, item: Raadsvraag) -> str:
        return reverse("besluitvorming:raadsvraag", args=[item.kenmerk])

    def item_updateddate(self, item: Raadsvraag) -> dt.datetime:
        return item.gewijzigd_op

    def item_pubdate(self, item: Raadsvraag) -> dt.datetime:
        return item.gewijzigd_op


feed = require_GET(RaadsvragenFeed())
