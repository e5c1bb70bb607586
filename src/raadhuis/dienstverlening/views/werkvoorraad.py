"""The employees' work queue and case page in the Werkplek: filter, claim, assign, move a case along
its statuses, notes, documents and messages. Every action is a plain POST followed by a redirect;
bad input re-renders the case page with the error next to the field and changes nothing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from raadhuis.accounts.models import Medewerker
from raadhuis.core import bsn, logboek
from raadhuis.core.forms import fout_naar_formulier, weergavegegevens
from raadhuis.core.logboek.activiteiten import PERSOONSGEGEVENS_IN_ZAAK_RAADPLEGEN
from raadhuis.core.rechten import mag, vereis
from raadhuis.core.toegang import poortwachters_vragen, werkplek
from raadhuis.core.vingerafdruk import fragmentsleutel
from raadhuis.dienstverlening.forms.werkvoorraad import (
    BerichtForm,
    DocumentForm,
    NotitieForm,
    StatusForm,
    ToewijzenForm,
    WerkvoorraadFilterForm,
)
from raadhuis.dienstverlening.models import Kanaal, RolGeneriek, Zaak
from raadhuis.dienstverlening.rechten import ZAAK_BEHANDELEN, ZAAK_INZIEN
from raadhuis.dienstverlening.selectors.werkvoorraad import (
    Pagina,
    tijdlijn,
    zaak_voor_medewerker,
    zaakdocument,
)
from raadhuis.dienstverlening.selectors.werkvoorraad import werkvoorraad as werkvoorraad_lezen
from raadhuis.dienstverlening.services import zaken
from raadhuis.dienstverlening.views.gedeeld import (
    Datums,
    ingelogde_medewerker,
    statustekst,
    werkplek_kruimelpad,
    zaaklink,
)

TEMPLATES = "dienstverlening/werkvoorraad/"
# The queue's filter form and rows are cached as rendered, each under a fingerprint of what it is
# made of (core.vingerafdruk): the same choices and values, or the same rows, give the same HTML.
LIJST_TEMPLATES = (TEMPLATES + "lijst.html", "raadhuis/components/formulier.html")
FORMULIEREN = ("status", "toewijzen", "notitie", "document", "bericht")


@never_cache
@require_GET
@werkplek(actie=ZAAK_INZIEN)
def werkvoorraad(request: HttpRequest) -> HttpResponse:
    """The queue: open cases, most urgent first, one keyset page at a time (?na=<cursor>)."""
    medewerker = ingelogde_medewerker(request)
    # Always bound: every filter is optional, so no parameters at all is the valid default view.
    form = WerkvoorraadFilterForm(request.GET, medewerker=medewerker)
    if form.is_valid():
        pagina = werkvoorraad_lezen(filters=form.filter(), na=request.GET.get("na"))
    else:
        pagina = Pagina(zaken=[], volgende=None)
    parameters = [(naam, str(waarde)) for naam, waarde in request.GET.items() if naam != "na" and waarde]
    volgende_url = f"?{urlencode([*parameters, ('na', pagina.volgende)])}" if pagina.volgende else None
    zaken_url = reverse("dienstverlening:werkvoorraad")
    rijen = _rijen(pagina.zaken, medewerker=medewerker, zaken_url=zaken_url)
    mag_behandelen = mag(medewerker, ZAAK_BEHANDELEN)
    context = {
        "form": form,
        "filter_sleutel": fragmentsleutel(LIJST_TEMPLATES, weergavegegevens(form)),
        "pagina": pagina,
        "rijen": rijen,
        "rijen_sleutel": fragmentsleutel(LIJST_TEMPLATES, rijen, mag_behandelen),
        "volgende_url": volgende_url,
        "eerste_url": f"?{urlencode(parameters)}" if request.GET.get("na") else None,
        "mag_behandelen": mag_behandelen,
        "huidige_url": request.get_full_path(),
        "kruimelpad": werkplek_kruimelpad((_("Werkvoorraad"), None)),
    }
    template = TEMPLATES + "lijst.html"
    if getattr(request, "htmx", False):
        template += "#resultaten"
    return render(request, template, context, status=400 if form.errors else 200)


@dataclass(frozen=True)
class Rij:
    """One row of the queue as shown. Labels and dates are rendered once per request here: a
    lazily translated channel label and a month name per row, read through the template engine,
    were about a third of the rows' rendering (docs/benchmarks.md)."""

    identificatie: str
    url: str
    omschrijving: str
    product: str
    status: str
    kanaal: str
    behandelaar: str
    datum: str
    afgesloten: bool
    te_laat: bool
    oppakbaar: bool


def _rijen(zaken: Iterable[Zaak], *, medewerker: Medewerker, zaken_url: str) -> list[Rij]:
    vandaag = timezone.localdate()
    kanalen = {waarde: str(label) for waarde, label in Kanaal.choices}
    datum = Datums()
    rijen = []
    for zaak in zaken:
        rijen.append(
            Rij(
                identificatie=zaak.identificatie,
                url=zaaklink(zaken_url, zaak.identificatie),
                omschrijving=zaak.omschrijving,
                product=zaak.product.naam if zaak.product else "—",
                status=statustekst(zaak),
                kanaal=kanalen.get(zaak.kanaal, zaak.kanaal),
                behandelaar=zaak.behandelaar.weergavenaam if zaak.behandelaar else "",
                datum=datum(zaak.einddatum or zaak.einddatum_gepland),
                afgesloten=zaak.einddatum is not None,
                te_laat=zaak.einddatum is None and zaak.einddatum_gepland < vandaag,
                oppakbaar=zaak.einddatum is None and zaak.behandelaar_id != medewerker.pk,
            )
        )
    return rijen


def _zaak_of_404(request: HttpRequest, identificatie: str) -> Zaak:
    zaak = zaak_voor_medewerker(identificatie, door=ingelogde_medewerker(request))
    if zaak is None:
        raise Http404
    return zaak


def _zaak_url(zaak: Zaak) -> str:
    return reverse("dienstverlening:werkplek_zaak", args=[zaak.identificatie])


def _zaakpagina(
    request: HttpRequest, zaak: Zaak, *, forms: dict[str, BaseForm] | None = None, status: int = 200
) -> HttpResponse:
    medewerker = ingelogde_medewerker(request)
    mag_behandelen = mag(medewerker, ZAAK_BEHANDELEN) and not zaak.is_afgesloten
    formulieren: dict[str, BaseForm] = {}
    if mag_behandelen:
        formulieren = {
            "status": StatusForm(zaak=zaak),
            "toewijzen": ToewijzenForm(zaak=zaak),
            "notitie": NotitieForm(),
            "document": DocumentForm(),
            "bericht": BerichtForm(),
        } | (forms or {})
    else:
        # No forms on the page (closed case): a refused action is still explained.
        for form in (forms or {}).values():
            for melding in form.errors.get_json_data().values():
                for fout in melding:
                    messages.error(request, fout["message"])
    rollen = list(zaak.rollen.all())
    initiatoren = [
        {"rol": rol, "bsn": bsn.maskeer(rol.bsn) if rol.bsn else ""}
        for rol in rollen
        if rol.roltype.omschrijving_generiek == RolGeneriek.INITIATOR
    ]
    context: dict[str, Any] = {
        "zaak": zaak,
        "initiatoren": initiatoren,
        "gegevens": _gegevens(zaak.gegevens),
        "tijdlijn": tijdlijn(zaak),
        "mag_behandelen": mag_behandelen,
        "mag_oppakken": mag_behandelen and zaak.behandelaar_id != medewerker.pk,
        "vandaag": timezone.localdate(),
        "kruimelpad": werkplek_kruimelpad(
            (_("Werkvoorraad"), reverse("dienstverlening:werkvoorraad")), (zaak.identificatie, None)
        ),
        **{f"{naam}_form": form for naam, form in formulieren.items()},
    }
    return render(request, TEMPLATES + "zaak.html", context, status=status)


def _gegevens(gegevens: object) -> list[tuple[str, str]]:
    """The request's data as (label, value) for a definition list; nested values flattened."""
    if not isinstance(gegevens, dict):
        return []
    rijen: list[tuple[str, str]] = []
    for sleutel, waarde in gegevens.items():
        label = str(sleutel).replace("_", " ").capitalize()
        if isinstance(waarde, dict):
            rijen += [(f"{label}: {sub}", tekst) for sub, tekst in _gegevens(waarde)]
        elif isinstance(waarde, list):
            rijen.append((label, ", ".join(str(w) for w in waarde)))
        elif isinstance(waarde, bool):
            rijen.append((label, _("ja") if waarde else _("nee")))
        else:
            rijen.append((label, "" if waarde is None else str(waarde)))
    return rijen


@never_cache
@require_GET
@werkplek(actie=ZAAK_INZIEN)
def zaak(request: HttpRequest, identificatie: str) -> HttpResponse:
    return _zaakpagina(request, _zaak_of_404(request, identificatie))


def _terug(request: HttpRequest, zaak: Zaak) -> HttpResponseRedirect:
    """Back to where the button was (the queue keeps its filters and page), else the case page."""
    terug = request.POST.get("terug", "")
    if terug and url_has_allowed_host_and_scheme(
        terug, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(terug)
    return redirect(_zaak_url(zaak))


@require_POST
@werkplek(actie=ZAAK_BEHANDELEN)
def oppakken(request: HttpRequest, identificatie: str) -> HttpResponse:
    """Claim: the employee becomes the case's behandelaar."""
    zaak = _zaak_of_404(request, identificatie)
    try:
        zaken.zaak_toewijzen(
            zaak=zaak, behandelaar=ingelogde_medewerker(request), door=ingelogde_medewerker(request)
        )
    except ValidationError as fout:
        for melding in fout.messages:
            messages.error(request, melding)
    else:
        messages.success(request, _("U behandelt nu zaak %(zaak)s.") % {"zaak": zaak.identificatie})
    return _terug(request, zaak)


@require_POST
@werkplek(actie=ZAAK_BEHANDELEN)
def toewijzen(request: HttpRequest, identificatie: str) -> HttpResponse:
    zaak = _zaak_of_404(request, identificatie)
    form = ToewijzenForm(request.POST, zaak=zaak)
    if form.is_valid():
        behandelaar = form.cleaned_data["behandelaar"]
        try:
            zaken.zaak_toewijzen(zaak=zaak, behandelaar=behandelaar, door=ingelogde_medewerker(request))
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        else:
            if behandelaar is None:
                messages.success(request, _("De zaak staat weer open voor het team."))
            else:
                messages.success(
                    request,
                    _("De zaak is toegewezen aan %(naam)s.") % {"naam": behandelaar.weergavenaam},
                )
            return redirect(_zaak_url(zaak))
    return _zaakpagina(request, zaak, forms={"toewijzen": form}, status=400)


@require_POST
@werkplek(actie=ZAAK_BEHANDELEN)
def status(request: HttpRequest, identificatie: str) -> HttpResponse:
    zaak = _zaak_of_404(request, identificatie)
    form = StatusForm(request.POST, zaak=zaak)
    if form.is_valid():
        try:
            bijgewerkt = zaken.status_zetten(
                zaak=zaak,
                statustype=form.cleaned_data["statustype"],
                resultaattype=form.cleaned_data.get("resultaattype"),
                toelichting=form.cleaned_data["toelichting"],
                door=ingelogde_medewerker(request),
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        else:
            messages.success(
                request,
                _("De zaak heeft nu de status '%(status)s'.")
                % {"status": bijgewerkt.statustype.omschrijving},
            )
            return redirect(_zaak_url(zaak))
    return _zaakpagina(request, zaak, forms={"status": form}, status=400)


@require_POST
@werkplek(actie=ZAAK_BEHANDELEN)
def notitie(request: HttpRequest, identificatie: str) -> HttpResponse:
    zaak = _zaak_of_404(request, identificatie)
    form = NotitieForm(request.POST)
    if form.is_valid():
        try:
            zaken.notitie_toevoegen(
                zaak=zaak, tekst=form.cleaned_data["tekst"], door=ingelogde_medewerker(request)
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        else:
            messages.success(request, _("De notitie is toegevoegd."))
            return redirect(_zaak_url(zaak))
    return _zaakpagina(request, zaak, forms={"notitie": form}, status=400)


@require_POST
@werkplek(actie=ZAAK_BEHANDELEN)
def document(request: HttpRequest, identificatie: str) -> HttpResponse:
    zaak = _zaak_of_404(request, identificatie)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            zaken.document_toevoegen(
                zaak=zaak,
                bestand=form.cleaned_data["bestand"],
                titel=form.cleaned_data["titel"],
                zichtbaar_voor_aanvrager=form.cleaned_data["zichtbaar_voor_aanvrager"],
                door=ingelogde_medewerker(request),
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        else:
            messages.success(request, _("Het document is toegevoegd."))
            return redirect(_zaak_url(zaak))
    return _zaakpagina(request, zaak, forms={"document": form}, status=400)


@require_POST
@werkplek(actie=ZAAK_BEHANDELEN)
def bericht(request: HttpRequest, identificatie: str) -> HttpResponse:
    zaak = _zaak_of_404(request, identificatie)
    form = BerichtForm(request.POST)
    if form.is_valid():
        try:
            zaken.bericht_sturen(
                zaak=zaak,
                onderwerp=form.cleaned_data["onderwerp"],
                tekst=form.cleaned_data["tekst"],
                door=ingelogde_medewerker(request),
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        else:
            messages.success(request, _("Het bericht staat klaar in Mijn zaken van de aanvrager."))
            return redirect(_zaak_url(zaak))
    return _zaakpagina(request, zaak, forms={"bericht": form}, status=400)


@never_cache
@require_GET
def document_downloaden(request: HttpRequest, identificatie: str, pk: int) -> HttpResponseBase:
    """Serves a case document from private storage, only through this check (ZAAK_INZIEN); the read
    is logged like opening the case, documents hold personal data. The guard is @werkplek's, written
    out because a file is streamed (FileResponse), not an HttpResponse."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    antwoord = poortwachters_vragen(request)
    if antwoord is not None:
        return antwoord
    vereis(request.user, ZAAK_INZIEN)
    zaak = _zaak_of_404(request, identificatie)
    gevonden = zaakdocument(zaak, pk)
    if gevonden is None:
        raise Http404
    betrokkene = (
        ("BSN", zaak.initiator_bsn)
        if zaak.initiator_bsn
        else ("KVK", zaak.initiator_kvk)
        if zaak.initiator_kvk
        else None
    )
    with logboek.verwerking(
        naam="zaak.document_downloaden",
        activiteit=PERSOONSGEGEVENS_IN_ZAAK_RAADPLEGEN,
        door=ingelogde_medewerker(request),
        betrokkene=betrokkene,
    ):
        try:
            bestand = gevonden.bestand.open("rb")
        except FileNotFoundError as fout:
            raise Http404 from fout
    bestandsantwoord = FileResponse(bestand, as_attachment=True, filename=gevonden.bestandsnaam)
    bestandsantwoord["Content-Type"] = gevonden.mediatype
    return bestandsantwoord
