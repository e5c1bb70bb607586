"""Contacts on every channel, callbacks, the 360° view and the knowledge base in the Werkplek. Every
action is a plain POST followed by a redirect; bad input re-renders the page with the error next to
the field and changes nothing. A BSN never appears in a URL: the 360° view is asked for by POST."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from raadhuis.core import bsn as bsn_module
from raadhuis.core.forms import formulier_uitvoeren
from raadhuis.core.rechten import mag, vereis
from raadhuis.core.toegang import werkplek
from raadhuis.dienstverlening.forms.klantcontacten import (
    AfhandelenForm,
    BeantwoordenForm,
    ContactfilterForm,
    KennisartikelForm,
    KennisbankZoekForm,
    KlantbeeldForm,
    KlantcontactForm,
    TerugbelverzoekForm,
)
from raadhuis.dienstverlening.models import Kennisartikel, Klantcontact, Terugbelverzoek
from raadhuis.dienstverlening.rechten import (
    KENNISBANK_BEHEREN,
    KLANTBEELD_INZIEN,
    KLANTCONTACT_REGISTREREN,
)
from raadhuis.dienstverlening.selectors import klantcontacten as selectors
from raadhuis.dienstverlening.services import klantcontacten as services
from raadhuis.dienstverlening.views.gedeeld import ingelogde_medewerker, werkplek_kruimelpad

TEMPLATES = "dienstverlening/klantcontacten/"


def _gepost(request: HttpRequest) -> QueryDict | None:
    """The POST data on a POST (also when empty, so it is validated), else None (an unbound form)."""
    return request.POST if request.method == "POST" else None


def _kruimel_contacten() -> tuple[str, str]:
    return (_("Klantcontacten"), reverse("dienstverlening:klantcontacten"))


# --- the list and registering -----------------------------------------------------------------------


@never_cache
@require_GET
@werkplek(actie=KLANTCONTACT_REGISTREREN)
def klantcontacten(request: HttpRequest) -> HttpResponse:
    """Open questions first, then all contacts newest first, one keyset page at a time (?na=)."""
    medewerker = ingelogde_medewerker(request)
    form = ContactfilterForm(request.GET)
    if form.is_valid():
        pagina = selectors.klantcontacten(filters=form.filter(), na=request.GET.get("na"))
    else:
        pagina = selectors.Pagina(contacten=[], volgende=None)
    parameters = [(naam, str(waarde)) for naam, waarde in request.GET.items() if naam != "na" and waarde]
    context = {
        "form": form,
        "pagina": pagina,
        "open_vragen": selectors.open_vragen(),
        "volgende_url": f"?{urlencode([*parameters, ('na', pagina.volgende)])}" if pagina.volgende else None,
        "eerste_url": f"?{urlencode(parameters)}" if request.GET.get("na") else None,
        "mag_klantbeeld": mag(medewerker, KLANTBEELD_INZIEN),
        "kruimelpad": werkplek_kruimelpad((_("Klantcontacten"), None)),
    }
    template = TEMPLATES + "lijst.html"
    if getattr(request, "htmx", False):
        template += "#resultaten"
    return render(request, template, context, status=400 if form.errors else 200)


@never_cache
@require_http_methods(["GET", "POST"])
@werkplek(actie=KLANTCONTACT_REGISTREREN)
def klantcontact_nieuw(request: HttpRequest) -> HttpResponse:
    medewerker = ingelogde_medewerker(request)
    form = KlantcontactForm(_gepost(request))
    gedaan = request.method == "POST" and formulier_uitvoeren(
        form,
        lambda gegevens: services.klantcontact_registreren(
            kanaal=gegevens["kanaal"],
            partijsoort=gegevens["partijsoort"],
            bsn=gegevens["bsn"],
            kvk_nummer=gegevens["kvk_nummer"],
            naam=gegevens["naam"],
            emailadres=gegevens["emailadres"],
            telefoonnummer=gegevens["telefoonnummer"],
            onderwerp=gegevens["onderwerp"],
            product=gegevens["product"],
            inhoud=gegevens["inhoud"],
            antwoord=gegevens["antwoord"],
            opgelost_in_eerste_contact=gegevens["opgelost_in_eerste_contact"],
            zaak=gegevens["zaak"],
            door=medewerker,
        ),
    )
    if gedaan:
        messages.success(request, _("Het contact is vastgelegd."))
        return redirect("dienstverlening:klantcontact", pk=gedaan.uitkomst.pk)
    context = {
        "form": form,
        "kruimelpad": werkplek_kruimelpad(_kruimel_contacten(), (_("Nieuw contact"), None)),
    }
    return render(request, TEMPLATES + "nieuw.html", context, status=400 if form.errors else 200)


# --- one contact ------------------------------------------------------------------------------------


def _contact_of_404(request: HttpRequest, pk: int) -> Klantcontact:
    contact = selectors.klantcontact_voor_medewerker(pk, door=ingelogde_medewerker(request))
    if contact is None:
        raise Http404
    return contact


def _contactpagina(
    request: HttpRequest,
    contact: Klantcontact,
    *,
    antwoord_form: BeantwoordenForm | None = None,
    terugbel_form: TerugbelverzoekForm | None = None,
    status: int = 200,
) -> HttpResponse:
    zoekform = KennisbankZoekForm(request.GET or None)
    gevonden: list[Kennisartikel] = []
    if zoekform.is_bound and zoekform.is_valid() and zoekform.cleaned_data["zoek"]:
        gevonden = selectors.kennisartikelen_zoeken(zoekform.cleaned_data["zoek"], contact.product)
    if antwoord_form is None:
        # "Gebruik dit antwoord" (?artikel=) fills the answer with the standard text, to adapt.
        gekozen = next((a for a in gevonden if str(a.pk) == request.GET.get("artikel")), None)
        antwoord_form = BeantwoordenForm(
            initial={"antwoord": gekozen.antwoord, "kennisartikel": gekozen.pk} if gekozen else {}
        )
    context: dict[str, Any] = {
        "contact": contact,
        "bsn": bsn_module.maskeer(contact.bsn) if contact.bsn else "",
        "terugbelverzoeken": list(selectors.terugbelverzoeken_van(contact)),
        "antwoord_form": antwoord_form,
        "terugbel_form": terugbel_form or TerugbelverzoekForm(),
        "zoekform": zoekform,
        "gevonden": gevonden,
        "zoekvraag": zoekform.cleaned_data.get("zoek", "")
        if zoekform.is_bound and zoekform.is_valid()
        else "",
        "kruimelpad": werkplek_kruimelpad(_kruimel_contacten(), (contact.onderwerp, None)),
    }
    return render(request, TEMPLATES + "contact.html", context, status=status)


@never_cache
@require_GET
@werkplek(actie=KLANTCONTACT_REGISTREREN)
def klantcontact(request: HttpRequest, pk: int) -> HttpResponse:
    return _contactpagina(request, _contact_of_404(request, pk))


@require_POST
@werkplek(actie=KLANTCONTACT_REGISTREREN)
def klantcontact_beantwoorden(request: HttpRequest, pk: int) -> HttpResponse:
    contact = _contact_of_404(request, pk)
    form = BeantwoordenForm(request.POST)
    gedaan = formulier_uitvoeren(
        form,
        lambda gegevens: services.klantcontact_beantwoorden(
            klantcontact=contact,
            antwoord=gegevens["antwoord"],
            kennisartikel=gegevens["kennisartikel"],
            door=ingelogde_medewerker(request),
        ),
        standaardveld="antwoord",
    )
    if gedaan:
        messages.success(
            request,
            _("Het antwoord is vastgelegd en naar %(adres)s gemaild.") % {"adres": contact.emailadres}
            if contact.emailadres
            else _("Het antwoord is vastgelegd."),
        )
        return redirect("dienstverlening:klantcontact", pk=contact.pk)
    return _contactpagina(request, contact, antwoord_form=form, status=400)


@require_POST
@werkplek(actie=KLANTCONTACT_REGISTREREN)
def terugbelverzoek_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    contact = _contact_of_404(request, pk)
    form = TerugbelverzoekForm(request.POST)
    gedaan = formulier_uitvoeren(
        form,
        lambda gegevens: services.terugbelverzoek_aanmaken(
            klantcontact=contact,
            gevraagde_handeling=gegevens["gevraagde_handeling"],
            deadline=gegevens["deadline"],
            medewerker=gegevens["medewerker"],
            team=gegevens["team"],
            door=ingelogde_medewerker(request),
        ),
        standaardveld="gevraagde_handeling",
    )
    if gedaan:
        messages.success(request, _("Het terugbelverzoek is uitgezet."))
        return redirect("dienstverlening:klantcontact", pk=contact.pk)
    return _contactpagina(request, contact, terugbel_form=form, status=400)


# --- callbacks --------------------------------------------------------------------------------------


@never_cache
@require_GET
@werkplek(actie=KLANTCONTACT_REGISTREREN)
def terugbelverzoeken(request: HttpRequest) -> HttpResponse:
    """My callbacks and my teams', open ones first by deadline (overdue marked), each with its form."""
    medewerker = ingelogde_medewerker(request)
    lijst = selectors.terugbelverzoeken_voor(medewerker=medewerker)
    context = {
        "lijst": lijst,
        "rijen": [(regel, AfhandelenForm(prefix=f"t{regel.verzoek.pk}")) for regel in lijst.open],
        "kruimelpad": werkplek_kruimelpad((_("Terugbelverzoeken"), None)),
    }
    return render(request, TEMPLATES + "terugbelverzoeken.html", context)


def _verzoek_of_404(request: HttpRequest, pk: int) -> Terugbelverzoek:
    verzoek = selectors.terugbelverzoek_voor_medewerker(pk, door=ingelogde_medewerker(request))
    if verzoek is None:
        raise Http404
    return verzoek


@never_cache
@require_http_methods(["GET", "POST"])
@werkplek(actie=KLANTCONTACT_REGISTREREN)
def terugbelverzoek(request: HttpRequest, pk: int) -> HttpResponse:
    """One callback with the person to call; POST completes it (the form of the list posts here)."""
    verzoek = _verzoek_of_404(request, pk)
    form = AfhandelenForm(_gepost(request), prefix=f"t{verzoek.pk}")
    if request.method == "POST" and formulier_uitvoeren(
        form,
        lambda gegevens: services.terugbelverzoek_afhandelen(
            terugbelverzoek=verzoek,
            resultaat=gegevens["resultaat"],
            contact_gelukt=gegevens["contact_gelukt"],
            door=ingelogde_medewerker(request),
        ),
        standaardveld="resultaat",
    ):
        messages.success(request, _("Het terugbelverzoek is afgehandeld."))
        return redirect("dienstverlening:terugbelverzoeken")
    context = {
        "verzoek": verzoek,
        "contact": verzoek.klantcontact,
        "form": form,
        "te_laat": verzoek.status == "te_verwerken" and verzoek.deadline < timezone.now(),
        "kruimelpad": werkplek_kruimelpad(
            (_("Terugbelverzoeken"), reverse("dienstverlening:terugbelverzoeken")),
            (verzoek.klantcontact.onderwerp, None),
        ),
    }
    return render(request, TEMPLATES + "terugbelverzoek.html", context, status=400 if form.errors else 200)


# --- the 360° view ----------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
@werkplek(actie=KLANTBEELD_INZIEN)
def klantbeeld(request: HttpRequest) -> HttpResponse:
    """Asked for by POST so the BSN stays out of URLs, browser history and access logs."""
    form = KlantbeeldForm(_gepost(request))
    beeld = None
    if request.method == "POST" and form.is_valid():
        beeld = selectors.klantbeeld(
            bsn=form.cleaned_data["bsn"],
            kvk=form.cleaned_data["kvk_nummer"],
            door=ingelogde_medewerker(request),
        )
    partij = ""
    if beeld is not None:
        partij = (
            bsn_module.maskeer(form.cleaned_data["bsn"])
            if form.cleaned_data["bsn"]
            else form.cleaned_data["kvk_nummer"]
        )
        # A fresh form: the full BSN is not written back into the page.
        form = KlantbeeldForm()
    context = {
        "form": form,
        "beeld": beeld,
        "partij": partij,
        "kruimelpad": werkplek_kruimelpad((_("Klantbeeld"), None)),
    }
    return render(request, TEMPLATES + "klantbeeld.html", context, status=400 if form.errors else 200)


# --- the knowledge base -----------------------------------------------------------------------------


@never_cache
@require_GET
@werkplek(actie=KLANTCONTACT_REGISTREREN)
def kennisbank(request: HttpRequest) -> HttpResponse:
    medewerker = ingelogde_medewerker(request)
    zoekform = KennisbankZoekForm(request.GET or None)
    zoekvraag = zoekform.cleaned_data["zoek"] if zoekform.is_bound and zoekform.is_valid() else ""
    context = {
        "zoekform": zoekform,
        "zoekvraag": zoekvraag,
        "artikelen": (
            selectors.kennisartikelen_zoeken(zoekvraag)
            if zoekvraag
            else list(selectors.kennisartikelen(inactief=mag(medewerker, KENNISBANK_BEHEREN))[:200])
        ),
        "mag_beheren": mag(medewerker, KENNISBANK_BEHEREN),
        "kruimelpad": werkplek_kruimelpad((_("Kennisbank"), None)),
    }
    return render(request, TEMPLATES + "kennisbank.html", context)


def _kennisartikel_opslaan(
    request: HttpRequest, form: KennisartikelForm, artikel: Kennisartikel | None
) -> Kennisartikel | None:
    gedaan = formulier_uitvoeren(
        form,
        lambda gegevens: services.kennisartikel_opslaan(
            kennisartikel=artikel,
            titel=gegevens["titel"],
            antwoord=gegevens["antwoord"],
            product=gegevens["product"],
            trefwoorden=gegevens["trefwoorden"],
            actief=gegevens["actief"],
            door=ingelogde_medewerker(request),
        ),
    )
    return gedaan.uitkomst if gedaan else None


@never_cache
@require_http_methods(["GET", "POST"])
@werkplek(actie=KENNISBANK_BEHEREN)
def kennisartikel_nieuw(request: HttpRequest) -> HttpResponse:
    form = KennisartikelForm(_gepost(request))
    if request.method == "POST":
        opgeslagen = _kennisartikel_opslaan(request, form, None)
        if opgeslagen is not None:
            messages.success(request, _("Het standaardantwoord is opgeslagen."))
            return redirect("dienstverlening:kennisartikel", pk=opgeslagen.pk)
    context = {
        "form": form,
        "artikel": None,
        "kruimelpad": werkplek_kruimelpad(
            (_("Kennisbank"), reverse("dienstverlening:kennisbank")), (_("Nieuw standaardantwoord"), None)
        ),
    }
    return render(request, TEMPLATES + "kennisartikel.html", context, status=400 if form.errors else 200)


@never_cache
@require_http_methods(["GET", "POST"])
@werkplek(actie=KLANTCONTACT_REGISTREREN)
def kennisartikel(request: HttpRequest, pk: int) -> HttpResponse:
    """Read by everyone at the front office; changed by those who may keep the knowledge base."""
    artikel = selectors.kennisartikel_met_id(pk)
    if artikel is None:
        raise Http404
    mag_beheren = mag(ingelogde_medewerker(request), KENNISBANK_BEHEREN)
    form = KennisartikelForm(
        _gepost(request),
        initial={
            "titel": artikel.titel,
            "antwoord": artikel.antwoord,
            "product": artikel.product_id,
            "trefwoorden": artikel.trefwoorden,
            "actief": artikel.actief,
        },
    )
    if request.method == "POST":
        vereis(ingelogde_medewerker(request), KENNISBANK_BEHEREN)
        opgeslagen = _kennisartikel_opslaan(request, form, artikel)
        if opgeslagen is not None:
            messages.success(request, _("Het standaardantwoord is opgeslagen."))
            return redirect("dienstverlening:kennisartikel", pk=opgeslagen.pk)
    context = {
        "form": form if mag_beheren else None,
        "artikel": artikel,
        "kruimelpad": werkplek_kruimelpad(
            (_("Kennisbank"), reverse("dienstverlening:kennisbank")), (artikel.titel, None)
        ),
    }
    return render(request, TEMPLATES + "kennisartikel.html", context, status=400 if form.errors else 200)
