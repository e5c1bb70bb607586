"""The griffie's voting pages in the Werkplek: the votes of an agendapunt in order, a roll-call vote, a
hamerstuk, the result per member and per fractie with stemverklaringen, and the registers."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from raadhuis.besluitvorming import selectors, services
from raadhuis.besluitvorming.forms_stemmen import (
    MOTIEAFHANDELINGEN,
    TOEZEGGINGSTATUSSEN,
    HamerstukForm,
    MotieAfhandelingForm,
    RegisterfilterForm,
    StemmingForm,
    StemverklaringForm,
    ToezeggingAfdoenForm,
    ToezeggingForm,
)
from raadhuis.besluitvorming.models import (
    Aanwezigheid,
    Agendapunt,
    Persoon,
    Stemming,
    Toezegging,
    Vergadering,
    Voorstel,
)
from raadhuis.besluitvorming.rechten import REGISTERS_BIJWERKEN, STEMMEN_VASTLEGGEN, WERKPLEK_ROLLEN
from raadhuis.besluitvorming.selectors.registers import vergaderingen_voor_toezeggingen
from raadhuis.besluitvorming.selectors.stemmingen import (
    collegeleden_op,
    fracties_op,
    zitting_hebbende_leden_op,
)
from raadhuis.core.rechten import mag
from raadhuis.core.toegang import ingelogde_gebruiker, werkplek

TEMPLATES = "besluitvorming/stemmen/"


def _kruimelpad(*stappen: tuple[str, str | None]) -> list[tuple[str, str | None]]:
    return [
        (_("Werkplek"), reverse("core:werkplek")),
        (_("Besluitvorming"), reverse("besluitvorming:werkplek")),
        *stappen,
    ]


def _fout_naar_formulier(form: BaseForm, fout: ValidationError) -> None:
    form.add_error(None, fout.messages)


def _leden(vergadering: Vergadering) -> list[Persoon]:
    return zitting_hebbende_leden_op(orgaan=vergadering.orgaan, op=timezone.localdate(vergadering.begin))


def _aanwezig_volgens_lijst(vergadering: Vergadering, leden: list[Persoon]) -> set[int]:
    """Who the presentielijst shows as present; without a presentielijst, every seated member."""
    lijst = dict(Aanwezigheid.objects.filter(vergadering=vergadering).values_list("persoon_id", "aanwezig"))
    if not lijst:
        return {persoon.pk for persoon in leden}
    return {pk for pk, aanwezig in lijst.items() if aanwezig}


def _agendapunt_context(
    agendapunt: Agendapunt, hamerstuk_form: HamerstukForm | None = None
) -> dict[str, object]:
    vergadering = agendapunt.vergadering
    leden = _leden(vergadering)
    aanwezig = _aanwezig_volgens_lijst(vergadering, leden)
    return {
        "agendapunt": agendapunt,
        "vergadering": vergadering,
        "volgorde": selectors.stemvolgorde_voor(agendapunt=agendapunt),
        "voorstellen": selectors.voorstellen_van_agendapunt(agendapunt=agendapunt),
        "stemmingen": selectors.stemmingen_van_vergadering(vergadering=vergadering).filter(
            agendapunt=agendapunt
        ),
        "besluiten": agendapunt.besluiten.select_related("voorstel").order_by("pk"),
        "hamerstuk_form": hamerstuk_form or HamerstukForm(aanwezigen=[p for p in leden if p.pk in aanwezig]),
        "zonder_presentielijst": not Aanwezigheid.objects.filter(vergadering=vergadering).exists(),
        "kruimelpad": _kruimelpad(
            (vergadering.titel, reverse("besluitvorming:werkplek_vergadering", args=[vergadering.pk])),
            (agendapunt.titel, None),
        ),
    }


@werkplek(actie=STEMMEN_VASTLEGGEN)
def agendapunt_stemmen(request: HttpRequest, pk: int) -> HttpResponse:
    agendapunt = get_object_or_404(Agendapunt.objects.select_related("vergadering__orgaan"), pk=pk)
    return render(request, TEMPLATES + "agendapunt.html", _agendapunt_context(agendapunt))


@werkplek(actie=STEMMEN_VASTLEGGEN)
@require_POST
def hamerstuk(request: HttpRequest, pk: int) -> HttpResponse:
    agendapunt = get_object_or_404(Agendapunt.objects.select_related("vergadering__orgaan"), pk=pk)
    vergadering = agendapunt.vergadering
    leden = _leden(vergadering)
    aanwezig = _aanwezig_volgens_lijst(vergadering, leden)
    aanwezigen = [p for p in leden if p.pk in aanwezig]
    form = HamerstukForm(request.POST, aanwezigen=aanwezigen)
    if form.is_valid():
        try:
            stemming = services.hamerstuk_afhameren(
                agendapunt=agendapunt,
                aanwezig=aanwezigen,
                tegen_aangetekend=list(form.cleaned_data["tegen"]),
                door=ingelogde_gebruiker(request),
            )
        except ValidationError as fout:
            _fout_naar_formulier(form, fout)
        else:
            return redirect("besluitvorming:werkplek_stemming", pk=stemming.pk)
    return render(request, TEMPLATES + "agendapunt.html", _agendapunt_context(agendapunt, form), status=422)


@werkplek(actie=STEMMEN_VASTLEGGEN)
def stemming_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    """The roll-call form: one fieldset per seated member with presence, art. 28 and voor/tegen."""
    voorstel = get_object_or_404(
        Voorstel.objects.select_related("vergadering__orgaan", "agendapunt__vergadering__orgaan"), pk=pk
    )
    vergadering = voorstel.agendapunt.vergadering if voorstel.agendapunt else voorstel.vergadering
    leden = _leden(vergadering)
    fractie_van = fracties_op(personen=leden, op=timezone.localdate(vergadering.begin))
    form = StemmingForm(
        request.POST or None,
        leden=[(persoon, fractie_van.get(persoon.pk)) for persoon in leden],
        aanwezig=_aanwezig_volgens_lijst(vergadering, leden),
    )
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            aanwezig, onthouden, stemmen = form.invoer()
            try:
                stemming = services.stemming_vastleggen(
                    voorstel=voorstel,
                    type=form.cleaned_data["type"],
                    aanwezig=aanwezig,
                    moeten_onthouden=onthouden,
                    stemmen=stemmen,
                    door=ingelogde_gebruiker(request),
                )
            except ValidationError as fout:
                _fout_naar_formulier(form, fout)
            else:
                return redirect("besluitvorming:werkplek_stemming", pk=stemming.pk)
    stappen: list[tuple[str, str | None]] = [
        (vergadering.titel, reverse("besluitvorming:werkplek_vergadering", args=[vergadering.pk]))
    ]
    if voorstel.agendapunt is not None:
        stappen.append(
            (
                voorstel.agendapunt.titel,
                reverse("besluitvorming:werkplek_agendapunt_stemmen", args=[voorstel.agendapunt.pk]),
            )
        )
    context = {
        "voorstel": voorstel,
        "vergadering": vergadering,
        "form": form,
        "rijen": form.rijen(),
        "kruimelpad": _kruimelpad(*stappen, (_("Stemming vastleggen"), None)),
    }
    return render(request, TEMPLATES + "stemming_formulier.html", context, status=status)


def _stemming_context(stemming: Stemming, form: StemverklaringForm | None = None) -> dict[str, object]:
    stappen: list[tuple[str, str | None]] = [
        (
            stemming.vergadering.titel,
            reverse("besluitvorming:werkplek_vergadering", args=[stemming.vergadering_id]),
        )
    ]
    if stemming.agendapunt is not None:
        stappen.append(
            (
                stemming.agendapunt.titel,
                reverse("besluitvorming:werkplek_agendapunt_stemmen", args=[stemming.agendapunt.pk]),
            )
        )
    stemmers = [p for p in stemming.aanwezig.all() if p not in set(stemming.moeten_onthouden.all())]
    selectors.uitslagtabellen_toevoegen([stemming])
    return {
        "stemming": stemming,
        "verklaring_form": form or StemverklaringForm(leden=stemmers),
        "kruimelpad": _kruimelpad(*stappen, (_("Uitslag"), None)),
    }


@werkplek(*WERKPLEK_ROLLEN)
def stemming(request: HttpRequest, pk: int) -> HttpResponse:
    """The outcome with its explanation, per fractie and per member."""
    gevonden = get_object_or_404(selectors.stemmingen_met_details(), pk=pk)
    return render(request, TEMPLATES + "stemming.html", _stemming_context(gevonden))


@werkplek(actie=STEMMEN_VASTLEGGEN)
@require_POST
def stemverklaring(request: HttpRequest, pk: int) -> HttpResponse:
    gevonden = get_object_or_404(selectors.stemmingen_met_details(), pk=pk)
    stemmers = list(gevonden.aanwezig.all())
    form = StemverklaringForm(request.POST, leden=stemmers)
    if form.is_valid():
        try:
            services.stemverklaring_vastleggen(
                stemming=gevonden,
                persoon=form.cleaned_data["persoon"],
                tekst=form.cleaned_data["tekst"],
                door=ingelogde_gebruiker(request),
            )
        except ValidationError as fout:
            _fout_naar_formulier(form, fout)
        else:
            return redirect("besluitvorming:werkplek_stemming", pk=gevonden.pk)
    return render(request, TEMPLATES + "stemming.html", _stemming_context(gevonden, form), status=422)


def _filter(
    request: HttpRequest, statussen: list[tuple[str, str]], *, openbaar: bool = False
) -> tuple[RegisterfilterForm, selectors.Registerfilter]:
    form = RegisterfilterForm(request.GET or None, statussen=statussen)
    if form.is_bound and form.is_valid():
        return form, selectors.Registerfilter(
            status=form.cleaned_data["status"],
            alleen_achterstallig=form.cleaned_data["alleen_achterstallig"],
            openbaar=openbaar,
        )
    return form, selectors.Registerfilter(openbaar=openbaar)


@werkplek(*WERKPLEK_ROLLEN)
def moties_register(request: HttpRequest) -> HttpResponse:
    form, filter = _filter(request, [(str(waarde), str(label)) for waarde, label in MOTIEAFHANDELINGEN])
    return render(
        request,
        TEMPLATES + "moties_register.html",
        {
            "form": form,
            "werkplek": True,
            "regels": selectors.moties_register(filter),
            "kruimelpad": _kruimelpad((_("Moties register"), None)),
        },
    )


@werkplek(*WERKPLEK_ROLLEN)
def toezeggingen_register(request: HttpRequest) -> HttpResponse:
    """The register, and for the griffie a form to record a new toezegging."""
    form, filter = _filter(request, [(str(waarde), str(label)) for waarde, label in TOEZEGGINGSTATUSSEN])
    nieuw = None
    status = 200
    if mag(request.user, REGISTERS_BIJWERKEN):
        nieuw = ToezeggingForm(
            request.POST or None,
            vergaderingen=list(vergaderingen_voor_toezeggingen()),
            collegeleden=collegeleden_op(op=timezone.localdate()),
        )
        if request.method == "POST":
            status = 422
            if nieuw.is_valid():
                try:
                    services.toezegging_vastleggen(
                        vergadering=nieuw.cleaned_data["vergadering"],
                        portefeuillehouder=nieuw.cleaned_data["portefeuillehouder"],
                        tekst=nieuw.cleaned_data["tekst"],
                        uiterste_datum=nieuw.cleaned_data["uiterste_datum"],
                        door=ingelogde_gebruiker(request),
                    )
                except ValidationError as fout:
                    _fout_naar_formulier(nieuw, fout)
                else:
                    return redirect("besluitvorming:werkplek_toezeggingen_register")
    return render(
        request,
        TEMPLATES + "toezeggingen_register.html",
        {
            "form": form,
            "nieuw": nieuw,
            "werkplek": True,
            "regels": selectors.toezeggingen_register(filter),
            "kruimelpad": _kruimelpad((_("Toezeggingen register"), None)),
        },
        status=status,
    )


@werkplek(*WERKPLEK_ROLLEN)
def toezegging_afdoen(request: HttpRequest, pk: int) -> HttpResponse:
    """The college's answer to a toezegging (griffie or collegelid; the service checks)."""
    toezegging = get_object_or_404(
        Toezegging.objects.select_related("portefeuillehouder", "vergadering"), pk=pk
    )
    form = ToezeggingAfdoenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.toezegging_afdoen(
                toezegging=toezegging,
                status=form.cleaned_data["status"],
                antwoord=form.cleaned_data["antwoord"],
                door=ingelogde_gebruiker(request),
            )
        except ValidationError as fout:
            _fout_naar_formulier(form, fout)
        else:
            return redirect("besluitvorming:werkplek_toezeggingen_register")
    register = reverse("besluitvorming:werkplek_toezeggingen_register")
    return render(
        request,
        TEMPLATES + "register_formulier.html",
        {
            "form": form,
            "titel": _("Toezegging afdoen"),
            "onderwerp": toezegging.tekst,
            "knop": _("Afdoen"),
            "kruimelpad": _kruimelpad((_("Toezeggingen register"), register), (_("Afdoen"), None)),
        },
        status=422 if form.errors else 200,
    )


@werkplek(*WERKPLEK_ROLLEN)
def motie_afhandeling(request: HttpRequest, pk: int) -> HttpResponse:
    """Owner, deadline, progress and the college's answer of an adopted motie. Only what changed goes to
    the service, so a collegelid who answers does not need the right to reassign."""
    motie = get_object_or_404(Voorstel.objects.select_related("portefeuillehouder", "vergadering"), pk=pk)
    huidig = {
        "portefeuillehouder": motie.portefeuillehouder,
        "uiterste_datum": motie.uiterste_datum,
        "afhandeling": motie.afhandeling or Voorstel.Afhandeling.OPEN,
        "antwoord_college": motie.antwoord_college,
    }
    form = MotieAfhandelingForm(
        request.POST or None, initial=huidig, collegeleden=collegeleden_op(op=timezone.localdate())
    )
    if request.method == "POST" and form.is_valid():
        gewijzigd = {
            veld: waarde
            for veld, waarde in form.cleaned_data.items()
            if waarde != huidig[veld] and waarde not in (None, "")
        }
        try:
            services.motie_afhandeling_bijwerken(motie=motie, door=ingelogde_gebruiker(request), **gewijzigd)
        except ValidationError as fout:
            _fout_naar_formulier(form, fout)
        else:
            return redirect("besluitvorming:werkplek_moties_register")
    register = reverse("besluitvorming:werkplek_moties_register")
    return render(
        request,
        TEMPLATES + "register_formulier.html",
        {
            "form": form,
            "titel": _("Afhandeling van de motie"),
            "onderwerp": motie.titel,
            "knop": _("Opslaan"),
            "kruimelpad": _kruimelpad((_("Moties register"), register), (motie.titel, None)),
        },
        status=422 if form.errors else 200,
    )


def _publiek_kruimelpad(titel: str) -> list[tuple[str, str | None]]:
    return [
        (_("Home"), reverse("core:home")),
        (_("Bestuur"), reverse("besluitvorming:bestuur")),
        (titel, None),
    ]


@require_GET
def publiek_moties_register(request: HttpRequest) -> HttpResponse:
    """The public moties register, overdue ones flagged; nothing from a besloten meeting (art. 23)."""
    form, filter = _filter(
        request, [(str(waarde), str(label)) for waarde, label in MOTIEAFHANDELINGEN], openbaar=True
    )
    context = {
        "form": form,
        "regels": selectors.moties_register(filter),
        "kruimelpad": _publiek_kruimelpad(_("Moties register")),
    }
    return render(request, TEMPLATES + "publiek_moties_register.html", context)


@require_GET
def publiek_toezeggingen_register(request: HttpRequest) -> HttpResponse:
    """The public toezeggingen register, overdue ones flagged; nothing from a besloten meeting."""
    form, filter = _filter(
        request, [(str(waarde), str(label)) for waarde, label in TOEZEGGINGSTATUSSEN], openbaar=True
    )
    context = {
        "form": form,
        "regels": selectors.toezeggingen_register(filter),
        "kruimelpad": _publiek_kruimelpad(_("Toezeggingen register")),
    }
    return render(request, TEMPLATES + "publiek_toezeggingen_register.html", context)
