"""The uitvoeringsagenda in the Werkplek: the tree with filters, a dashboard per programme, an
activity with its history and the progress form."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from raadhuis.core import grafieken
from raadhuis.core import selectors as core_selectors
from raadhuis.core.models import Begrotingsprogramma
from raadhuis.core.rechten import mag
from raadhuis.core.toegang import ingelogde_gebruiker, werkplek
from raadhuis.uitvoering import selectors, services
from raadhuis.uitvoering.forms import VoortgangForm
from raadhuis.uitvoering.models import Activiteit, Status
from raadhuis.uitvoering.rechten import (
    AGENDA_BEHEREN,
    KENGETALLEN_VASTLEGGEN,
    OPDRACHTEN_BEHEREN,
    VOORTGANG_VASTLEGGEN,
    WERKPLEK_ROLLEN,
)
from raadhuis.uitvoering.views.hulp import fout_naar_formulier, huidig_akkoord, kruimelpad


def _filter(request: HttpRequest, programmas: list[Begrotingsprogramma]) -> selectors.Boomfilter:
    programma = next((p for p in programmas if p.slug == request.GET.get("programma")), None)
    houder = request.GET.get("portefeuillehouder", "")
    status = request.GET.get("status", "")
    return selectors.Boomfilter(
        programma=programma,
        portefeuillehouder_id=int(houder) if houder.isdigit() else None,
        status=status if status in Status.values else "",
    )


@werkplek(*WERKPLEK_ROLLEN)
def werkplek_uitvoering(request: HttpRequest) -> HttpResponse:
    akkoord = huidig_akkoord()
    context: dict[str, object] = {
        "kruimelpad": [(_("Werkplek"), reverse("core:werkplek")), (_("Uitvoering"), None)],
        "akkoord": akkoord,
        "mag_beheren": mag(request.user, AGENDA_BEHEREN),
        "mag_akkoord_beheren": mag(request.user, OPDRACHTEN_BEHEREN),
        "mag_kengetallen": mag(request.user, KENGETALLEN_VASTLEGGEN),
        "statussen": Status.choices,
    }
    if akkoord is not None:
        programmas = selectors.programmas_in_akkoord(akkoord)
        filter = _filter(request, programmas)
        boom = selectors.agendaboom(akkoord, filter)
        context.update(
            boom=boom,
            programmas=programmas,
            portefeuillehouders=selectors.portefeuillehouders(akkoord),
            filter=filter,
        )
    template = "uitvoering/werkplek.html" + ("#boom" if getattr(request, "htmx", False) else "")
    return render(request, template, context)


def programma_of_404(slug: str) -> Begrotingsprogramma:
    programma = core_selectors.begrotingsprogramma(slug)
    if programma is None:
        raise Http404
    return programma


@werkplek(*WERKPLEK_ROLLEN)
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    programma = programma_of_404(slug)
    activiteiten = list(selectors.activiteiten_van_programma(programma))
    verdeling = selectors.statusverdeling(activiteiten)
    budget = selectors.budget_per_jaar(activiteiten)
    doelen = selectors.doelen_van_programma(programma)
    grafiek_status = grafieken.staafdiagram(
        titel=_("Activiteiten per status"),
        categorieen=[label for _status, label, _aantal in verdeling],
        reeksen=[grafieken.Reeks(_("Aantal activiteiten"), [aantal for *_rest, aantal in verdeling])],
    )
    grafiek_budget = grafieken.staafdiagram(
        titel=_("Budget: begroot en besteed per jaar"),
        categorieen=[str(cijfers.jaar) for cijfers in budget],
        reeksen=[
            grafieken.Reeks(_("Begroot"), [cijfers.begroot for cijfers in budget]),
            grafieken.Reeks(_("Besteed"), [cijfers.besteed for cijfers in budget]),
        ],
        eenheid="€",
    )
    grafieken_indicatoren = [
        grafieken.lijndiagram(
            titel=f"{reeks.indicator.naam} ({reeks.indicator.eenheid})",
            categorieen=[str(jaar) for jaar in reeks.jaren],
            reeksen=[
                grafieken.Reeks(_("Streefwaarde"), reeks.streef),
                grafieken.Reeks(_("Realisatie"), reeks.realisatie),
            ],
        )
        for reeks in selectors.indicatorreeksen(doelen)
    ]
    return render(
        request,
        "uitvoering/werkplek/dashboard.html",
        {
            "programma": programma,
            "grafieken": [grafiek_status, grafiek_budget, *grafieken_indicatoren],
            "activiteiten": sorted(activiteiten, key=lambda a: (a.actie.doel.nummer, a.begin, a.pk)),
            "kruimelpad": kruimelpad((str(programma), None)),
        },
    )


@werkplek(*WERKPLEK_ROLLEN)
def activiteit(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        gevonden = selectors.activiteit_met_geschiedenis(pk)
    except Activiteit.DoesNotExist as fout:
        raise Http404 from fout
    indicatoren = list(gevonden.actie.doel.indicatoren.all())
    form = VoortgangForm(request.POST or None, indicatoren=indicatoren)
    if request.method == "POST":
        gebruiker = ingelogde_gebruiker(request)
        if form.is_valid():
            gegevens = form.cleaned_data
            try:
                services.voortgang_vastleggen(
                    door=gebruiker,
                    activiteit=gevonden,
                    moment=gegevens["moment"],
                    jaar=gegevens["jaar"],
                    datum=gegevens["datum"],
                    status=gegevens["status"],
                    toelichting=gegevens["toelichting"],
                    besteed=gegevens["besteed"],
                    metingen=form.metingen(),
                    openbaar=gegevens["openbaar"],
                )
            except ValidationError as fout:
                fout_naar_formulier(form, fout)
            else:
                messages.success(request, _("De voortgang is vastgelegd."))
                return redirect("uitvoering:activiteit", pk=gevonden.pk)
    programma = gevonden.actie.doel.programma
    return render(
        request,
        "uitvoering/werkplek/activiteit.html",
        {
            "activiteit": gevonden,
            "form": form,
            "gesloten": gevonden.status in (Status.AFGEROND, Status.VERVALLEN),
            "mag_voortgang": mag(request.user, VOORTGANG_VASTLEGGEN, gevonden),
            "mag_beheren": mag(request.user, AGENDA_BEHEREN, gevonden),
            "kruimelpad": kruimelpad(
                (str(programma), reverse("uitvoering:dashboard", args=[programma.slug])),
                (gevonden.titel, None),
            ),
        },
        status=400 if request.method == "POST" else 200,
    )
