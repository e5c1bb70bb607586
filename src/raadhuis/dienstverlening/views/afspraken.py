"""Desk appointments: the public booking steps (type, location, day, time, details), managing an
appointment from the link in the confirmation, and the Werkplek agenda. No JavaScript needed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from itertools import groupby

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from raadhuis.core.identiteit import Identiteit, Soort, huidige_identiteit
from raadhuis.core.logboek import verwerking
from raadhuis.core.toegang import werkplek
from raadhuis.core.validators import alleen_cijfers
from raadhuis.dienstverlening.forms.afspraken import BoekenVoorBellerForm, GegevensForm
from raadhuis.dienstverlening.models import Afspraak, Afspraakstatus, Afspraaktype, Kanaal, Locatie
from raadhuis.dienstverlening.rechten import AFSPRAAK_BEHEREN
from raadhuis.dienstverlening.selectors import afspraken as selectors
from raadhuis.dienstverlening.services import afspraken as services
from raadhuis.dienstverlening.views.gedeeld import ingelogde_medewerker

WEKEN = 6
SESSIE_CODE = "afspraak_beheercode"


def _kruimelpad(*stappen: tuple[str, str | None]) -> list[tuple[str, str | None]]:
    return [
        (_("Home"), reverse("core:home")),
        (_("Afspraak maken"), reverse("dienstverlening:afspraak_maken")),
        *stappen,
    ]


def _dag(waarde: str) -> date:
    try:
        return date.fromisoformat(waarde)
    except ValueError:
        raise Http404 from None


def _tijd(waarde: str) -> time:
    if len(waarde) != 4 or not alleen_cijfers(waarde):
        raise Http404
    try:
        return time(int(waarde[:2]), int(waarde[2:]))
    except ValueError:
        raise Http404 from None


def _type(type_slug: str) -> Afspraaktype:
    afspraaktype = selectors.afspraaktype_met_slug(type_slug)
    if afspraaktype is None:
        raise Http404
    return afspraaktype


def _type_en_locatie(type_slug: str, locatie_slug: str) -> tuple[Afspraaktype, Locatie]:
    afspraaktype = _type(type_slug)
    locatie = selectors.locaties_voor(afspraaktype).filter(slug=locatie_slug).first()
    if locatie is None:
        raise Http404
    return afspraaktype, locatie


def _inwoner(request: HttpRequest) -> Identiteit | None:
    identiteit = huidige_identiteit(request.session)
    return identiteit if identiteit is not None and identiteit.soort is Soort.INWONER else None


def _maandag(dag: date) -> date:
    return dag - timedelta(days=dag.weekday())


def _weken(
    afspraaktype: Afspraaktype, locatie: Locatie, *, url: str
) -> list[tuple[date, list[dict[str, object]]]]:
    """The next WEKEN weeks, Monday to Sunday, each day with its number of free times and link."""
    services.tijdsloten_bijhouden(locatie)
    vandaag = timezone.localdate()
    maandag = vandaag - timedelta(days=vandaag.weekday())
    tot = maandag + timedelta(weeks=WEKEN) - timedelta(days=1)
    vrij = selectors.dagen_met_ruimte(afspraaktype=afspraaktype, locatie=locatie, van=vandaag, tot=tot)
    dagen = [vandaag + timedelta(days=i) for i in range((tot - vandaag).days + 1)]
    return [
        (
            week,
            [
                {
                    "dag": dag,
                    "vrij": vrij.get(dag, 0),
                    "url": url.replace("0000-00-00", dag.isoformat()),
                }
                for dag in groep
            ],
        )
        for week, groep in groupby(dagen, key=_maandag)
    ]


def _dagdelen(tijden: list[datetime]) -> list[tuple[str, list[datetime]]]:
    """The times grouped as morning, afternoon and evening, so a long list is easier to scan."""
    delen: list[tuple[str, list[datetime]]] = [(_("Ochtend"), []), (_("Middag"), []), (_("Avond"), [])]
    for tijd in tijden:
        delen[0 if tijd.hour < 12 else 1 if tijd.hour < 18 else 2][1].append(tijd)
    return [(naam, lijst) for naam, lijst in delen if lijst]


# -- Public booking --------------------------------------------------------------------------------


def afspraak(request: HttpRequest) -> HttpResponse:
    """The types to choose from; `?product=<slug>` (the product page's link) narrows them down."""
    typen = selectors.online_afspraaktypen()
    product = request.GET.get("product", "")
    van_product = typen.filter(product__slug=product) if product else typen.none()
    return render(
        request,
        "dienstverlening/afspraken/typen.html",
        {
            "kruimelpad": [(_("Home"), reverse("core:home")), (_("Afspraak maken"), None)],
            "typen": van_product if van_product else typen,
            "alle_typen": bool(van_product),
        },
    )


def afspraak_locatie(request: HttpRequest, type_slug: str) -> HttpResponse:
    afspraaktype = _type(type_slug)
    return render(
        request,
        "dienstverlening/afspraken/locaties.html",
        {
            "kruimelpad": _kruimelpad((afspraaktype.naam, None)),
            "afspraaktype": afspraaktype,
            "locaties": selectors.locaties_voor(afspraaktype),
        },
    )


def afspraak_dag(request: HttpRequest, type_slug: str, locatie_slug: str) -> HttpResponse:
    afspraaktype, locatie = _type_en_locatie(type_slug, locatie_slug)
    url = reverse("dienstverlening:afspraak_tijd", args=[afspraaktype.slug, locatie.slug, "0000-00-00"])
    return render(
        request,
        "dienstverlening/afspraken/dagen.html",
        {
            "kruimelpad": _kruimelpad(
                (afspraaktype.naam, reverse("dienstverlening:afspraak_locatie", args=[afspraaktype.slug])),
                (locatie.naam, None),
            ),
            "afspraaktype": afspraaktype,
            "locatie": locatie,
            "weken": _weken(afspraaktype, locatie, url=url),
        },
    )


def afspraak_tijd(request: HttpRequest, type_slug: str, locatie_slug: str, dag: str) -> HttpResponse:
    afspraaktype, locatie = _type_en_locatie(type_slug, locatie_slug)
    gekozen = _dag(dag)
    tijden = selectors.beschikbare_tijden(afspraaktype=afspraaktype, locatie=locatie, dag=gekozen)
    return render(
        request,
        "dienstverlening/afspraken/tijden.html",
        {
            "kruimelpad": _kruimelpad(
                (afspraaktype.naam, reverse("dienstverlening:afspraak_locatie", args=[afspraaktype.slug])),
                (
                    locatie.naam,
                    reverse("dienstverlening:afspraak_dag", args=[afspraaktype.slug, locatie.slug]),
                ),
                (_("Tijd kiezen"), None),
            ),
            "afspraaktype": afspraaktype,
            "locatie": locatie,
            "dag": gekozen,
            "dagdelen": _dagdelen([timezone.localtime(tijd) for tijd in tijden]),
            "actie": reverse(
                "dienstverlening:afspraak_gegevens", args=[afspraaktype.slug, locatie.slug, dag]
            ),
            "terug": reverse("dienstverlening:afspraak_dag", args=[afspraaktype.slug, locatie.slug]),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def afspraak_gegevens(request: HttpRequest, type_slug: str, locatie_slug: str, dag: str) -> HttpResponse:
    afspraaktype, locatie = _type_en_locatie(type_slug, locatie_slug)
    gekozen = _dag(dag)
    identiteit = _inwoner(request)
    tijd_waarde = request.POST.get("tijd") if request.method == "POST" else request.GET.get("tijd", "")
    start = timezone.make_aware(datetime.combine(gekozen, _tijd(tijd_waarde or "")))
    terug = reverse("dienstverlening:afspraak_tijd", args=[afspraaktype.slug, locatie.slug, dag])
    if request.method == "POST":
        form = GegevensForm(request.POST)
        if form.is_valid():
            try:
                _afspraak, beheercode = services.afspraak_boeken(
                    afspraaktype=afspraaktype,
                    locatie=locatie,
                    start=start,
                    naam=form.cleaned_data["naam"],
                    emailadres=form.cleaned_data["emailadres"],
                    telefoonnummer=form.cleaned_data["telefoonnummer"],
                    door=identiteit,
                    kanaal=Kanaal.DIGITAAL,
                    taal=translation.get_language() or "nl",
                )
            except ValidationError as fout:
                _fouten_naar_form(form, fout)
            else:
                request.session[SESSIE_CODE] = beheercode
                return redirect("dienstverlening:afspraak_bevestiging")
    else:
        form = GegevensForm(initial={"tijd": tijd_waarde, "naam": identiteit.naam if identiteit else ""})
    return render(
        request,
        "dienstverlening/afspraken/gegevens.html",
        {
            "kruimelpad": _kruimelpad(
                (afspraaktype.naam, reverse("dienstverlening:afspraak_locatie", args=[afspraaktype.slug])),
                (
                    locatie.naam,
                    reverse("dienstverlening:afspraak_dag", args=[afspraaktype.slug, locatie.slug]),
                ),
                (_("Uw gegevens"), None),
            ),
            "form": form,
            "afspraaktype": afspraaktype,
            "locatie": locatie,
            "start": start,
            "identiteit": identiteit,
            "terug": terug,
        },
    )


def _fouten_naar_form(form: GegevensForm | BoekenVoorBellerForm, fout: ValidationError) -> None:
    """Field errors next to their field; errors about the moment or the type above the form."""
    if not hasattr(fout, "error_dict"):
        form.add_error(None, fout)
        return
    for veld, fouten in fout.error_dict.items():
        form.add_error(veld if veld in form.fields else None, fouten)


@never_cache
def afspraak_bevestiging(request: HttpRequest) -> HttpResponse:
    beheercode = request.session.get(SESSIE_CODE, "")
    gevonden = selectors.afspraak_met_beheercode(beheercode) if isinstance(beheercode, str) else None
    if gevonden is None:
        return redirect("dienstverlening:afspraak_maken")
    return render(
        request,
        "dienstverlening/afspraken/bevestiging.html",
        {
            "kruimelpad": _kruimelpad((_("Bevestiging"), None)),
            "afspraak": gevonden,
            "beheren": request.build_absolute_uri(
                reverse("dienstverlening:afspraak_beheren", args=[beheercode])
            ),
        },
    )


# -- Managing from the link ------------------------------------------------------------------------


def _met_code(code: str) -> Afspraak:
    gevonden = selectors.afspraak_met_beheercode(code)
    if gevonden is None:
        raise Http404
    return gevonden


def _kan_wijzigen(gevonden: Afspraak) -> bool:
    return gevonden.status == Afspraakstatus.GEBOEKT and gevonden.start > timezone.now()


@never_cache
def afspraak_beheren(request: HttpRequest, code: str) -> HttpResponse:
    gevonden = _met_code(code)
    return render(
        request,
        "dienstverlening/afspraken/beheren.html",
        {
            "kruimelpad": _kruimelpad((_("Uw afspraak"), None)),
            "afspraak": gevonden,
            "code": code,
            "kan_wijzigen": _kan_wijzigen(gevonden),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def afspraak_annuleren(request: HttpRequest, code: str) -> HttpResponse:
    gevonden = _met_code(code)
    fout = ""
    if request.method == "POST":
        try:
            services.afspraak_annuleren(afspraak=gevonden, door=_inwoner(request))
        except ValidationError as probleem:
            fout = " ".join(probleem.messages)
        else:
            messages.success(
                request, _("Uw afspraak is geannuleerd. U krijgt hiervan een bevestiging per e-mail.")
            )
            return redirect("dienstverlening:afspraak_beheren", code)
    return render(
        request,
        "dienstverlening/afspraken/annuleren.html",
        {
            "kruimelpad": _kruimelpad(
                (_("Uw afspraak"), reverse("dienstverlening:afspraak_beheren", args=[code])),
                (_("Annuleren"), None),
            ),
            "afspraak": gevonden,
            "code": code,
            "fout": fout,
            "kan_wijzigen": _kan_wijzigen(gevonden),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def afspraak_verzetten(request: HttpRequest, code: str) -> HttpResponse:
    """Without `dag`: the weeks to choose a day from; with `dag`: the free times of that day."""
    gevonden = _met_code(code)
    if not _kan_wijzigen(gevonden):
        return redirect("dienstverlening:afspraak_beheren", code)
    fout = ""
    dag_waarde = request.POST.get("dag") or request.GET.get("dag") or ""
    if request.method == "POST":
        try:
            start = timezone.make_aware(
                datetime.combine(_dag(dag_waarde), _tijd(request.POST.get("tijd", "")))
            )
        except Http404:
            fout = _("Kies een nieuwe tijd.")
        else:
            try:
                _verzet, nieuwe_code = services.afspraak_verzetten(
                    afspraak=gevonden, start=start, door=_inwoner(request)
                )
            except ValidationError as probleem:
                fout = " ".join(probleem.messages)
        if not fout:
            messages.success(
                request,
                _("Uw afspraak is verzet. De link van deze pagina is nieuw; u krijgt hem ook per e-mail."),
            )
            return redirect("dienstverlening:afspraak_beheren", nieuwe_code)
    basis = reverse("dienstverlening:afspraak_verzetten", args=[code])
    context: dict[str, object] = {
        "kruimelpad": _kruimelpad(
            (_("Uw afspraak"), reverse("dienstverlening:afspraak_beheren", args=[code])),
            (_("Verzetten"), None),
        ),
        "afspraak": gevonden,
        "code": code,
        "fout": fout,
        "terug": basis,
    }
    if dag_waarde:
        gekozen = _dag(dag_waarde)
        tijden = selectors.beschikbare_tijden(
            afspraaktype=gevonden.afspraaktype, locatie=gevonden.locatie, dag=gekozen
        )
        context.update(
            dag=gekozen,
            tijden=[timezone.localtime(tijd) for tijd in tijden if tijd != gevonden.start],
            actie=basis,
        )
    else:
        context["weken"] = _weken(gevonden.afspraaktype, gevonden.locatie, url=f"{basis}?dag=0000-00-00")
    return render(request, "dienstverlening/afspraken/verzetten.html", context)


# -- Werkplek --------------------------------------------------------------------------------------


@werkplek(actie=AFSPRAAK_BEHEREN)
def werkplek_agenda(request: HttpRequest) -> HttpResponse:
    locaties = list(selectors.actieve_locaties())
    locatie = next((item for item in locaties if item.slug == request.GET.get("locatie")), None) or (
        locaties[0] if locaties else None
    )
    try:
        dag = date.fromisoformat(request.GET.get("dag", ""))
    except ValueError:
        dag = timezone.localdate()
    agenda = None
    if locatie is not None:
        with verwerking(
            naam="afspraken.dagagenda", activiteit=services.ACTIVITEIT, door=ingelogde_medewerker(request)
        ):
            agenda = selectors.dagagenda(locatie=locatie, dag=dag)
    return render(
        request,
        "dienstverlening/afspraken/werkplek_agenda.html",
        {
            "kruimelpad": [
                (_("Werkplek"), reverse("core:werkplek")),
                (_("Dienstverlening"), reverse("dienstverlening:werkplek")),
                (_("Afspraken"), None),
            ],
            "locaties": locaties,
            "locatie": locatie,
            "dag": dag,
            "vorige": dag - timedelta(days=1),
            "volgende": dag + timedelta(days=1),
            "agenda": agenda,
            "vandaag": timezone.localdate(),
            "nu": timezone.now(),
        },
    )


@never_cache
@werkplek(actie=AFSPRAAK_BEHEREN)
@require_http_methods(["GET", "POST"])
def werkplek_boeken(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = BoekenVoorBellerForm(request.POST)
        if form.is_valid():
            gegevens = form.cleaned_data
            try:
                geboekt, _code = services.afspraak_boeken(
                    afspraaktype=gegevens["afspraaktype"],
                    locatie=gegevens["locatie"],
                    start=timezone.make_aware(datetime.combine(gegevens["dag"], gegevens["tijd"])),
                    naam=gegevens["naam"],
                    emailadres=gegevens["emailadres"],
                    telefoonnummer=gegevens["telefoonnummer"],
                    bsn=gegevens["bsn"],
                    door=ingelogde_medewerker(request),
                    kanaal=gegevens["kanaal"],
                    taal=gegevens["taal"],
                )
            except ValidationError as fout:
                _fouten_naar_form(form, fout)
            else:
                messages.success(request, _("De afspraak is gemaakt: %(afspraak)s.") % {"afspraak": geboekt})
                return redirect(
                    f"{reverse('dienstverlening:werkplek_afspraken')}?locatie={geboekt.locatie.slug}"
                    f"&dag={timezone.localdate(geboekt.start).isoformat()}"
                )
    else:
        locatie = (
            selectors.locatie_met_slug(request.GET.get("locatie", "")) or selectors.actieve_locaties().first()
        )
        form = BoekenVoorBellerForm(
            initial={
                "locatie": locatie,
                "dag": request.GET.get("dag") or timezone.localdate(),
                "kanaal": Kanaal.TELEFOON.value,
                "taal": "nl",
            }
        )
    return render(
        request,
        "dienstverlening/afspraken/werkplek_boeken.html",
        {
            "kruimelpad": [
                (_("Werkplek"), reverse("core:werkplek")),
                (_("Afspraken"), reverse("dienstverlening:werkplek_afspraken")),
                (_("Afspraak maken voor een beller"), None),
            ],
            "form": form,
        },
    )


@werkplek(actie=AFSPRAAK_BEHEREN)
@require_POST
def werkplek_afspraak_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    """Cancel, or mark as done or as a no-show (the buttons of the agenda)."""
    gevonden = selectors.afspraak_met_id(pk)
    if gevonden is None:
        raise Http404
    actie = request.POST.get("actie", "")
    try:
        if actie == "annuleren":
            services.afspraak_annuleren(afspraak=gevonden, door=ingelogde_medewerker(request))
            messages.success(request, _("De afspraak is geannuleerd."))
        else:
            services.afspraak_afhandelen(afspraak=gevonden, status=actie, door=ingelogde_medewerker(request))
            messages.success(request, _("De afspraak is bijgewerkt."))
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    return redirect(
        f"{reverse('dienstverlening:werkplek_afspraken')}?locatie={gevonden.locatie.slug}"
        f"&dag={timezone.localdate(gevonden.start).isoformat()}"
    )


def _terug_naar_agenda(afspraak: Afspraak) -> HttpResponse:
    return redirect(
        f"{reverse('dienstverlening:werkplek_afspraken')}?locatie={afspraak.locatie.slug}"
        f"&dag={timezone.localdate(afspraak.start).isoformat()}"
    )


def _wachtrij_stap(
    request: HttpRequest, pk: int, stap: Callable[..., Afspraak], melding: str
) -> HttpResponse:
    """One step of the desk queue from the agenda's button; a refusal is shown as a message."""
    gevonden = selectors.afspraak_met_id(pk)
    if gevonden is None:
        raise Http404
    try:
        stap(afspraak=gevonden, door=ingelogde_medewerker(request))
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(request, melding % {"naam": gevonden.naam})
    return _terug_naar_agenda(gevonden)


@werkplek(actie=AFSPRAAK_BEHEREN)
@require_POST
def werkplek_afspraak_aanmelden(request: HttpRequest, pk: int) -> HttpResponse:
    """The visitor reports at the desk: the waiting time starts (the agenda's button)."""
    return _wachtrij_stap(request, pk, services.afspraak_aanmelden, _("%(naam)s is aangemeld en wacht."))


@werkplek(actie=AFSPRAAK_BEHEREN)
@require_POST
def werkplek_afspraak_oproepen(request: HttpRequest, pk: int) -> HttpResponse:
    """The visitor is called to a desk: the waiting time ends (the agenda's button)."""
    return _wachtrij_stap(request, pk, services.afspraak_oproepen, _("%(naam)s is opgeroepen."))
