"""The assessment pages of a Woo request in the Werkplek: the oordeel per document with the
four-eyes approval (issue 9, point 4), the motivation per ground used, and the third parties with
their zienswijze. Every action is a plain POST followed by a redirect; bad input re-renders the
page with the error next to the field, status 400, and changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, URLPattern, path, reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from raadhuis.accounts.models import Medewerker
from raadhuis.core import logboek
from raadhuis.core.forms import DatumInvoer, RaadhuisForm, formulier_uitvoeren
from raadhuis.core.logboek.activiteiten import WOO_VERZOEK_BEHANDELEN as ACTIVITEIT
from raadhuis.core.rechten import mag
from raadhuis.core.toegang import ingelogde_gebruiker, werkplek
from raadhuis.woo import gronden as woo_gronden
from raadhuis.woo.models import Beoordelingsstatus, Derde, Document, Oordeel, WooVerzoek
from raadhuis.woo.rechten import (
    WOO_BEOORDELING_GOEDKEUREN,
    WOO_DOCUMENTEN_BEOORDELEN,
    WOO_VERZOEK_BEHANDELEN,
)
from raadhuis.woo.selectors import beoordeling as selectors
from raadhuis.woo.selectors.verzoeken import verzoek_met_kenmerk
from raadhuis.woo.services import beoordeling as services

__all__ = [
    "beoordeling",
    "beoordeling_goedkeuren",
    "beoordeling_overnemen",
    "beoordeling_terugsturen",
    "derden",
    "grondmotiveringen",
    "urlpatterns",
    "zienswijze_ontvangen",
    "zienswijze_vragen",
]


# --- forms (shape only; services.beoordeling judges the rules) ---------------------------------------


class BeoordelingForm(RaadhuisForm):
    oordeel = forms.ChoiceField(
        label=gettext_lazy("Oordeel"), choices=Oordeel.choices, widget=forms.RadioSelect
    )
    gronden = forms.MultipleChoiceField(
        label=gettext_lazy("Weigeringsgronden voor het hele document"),
        choices=woo_gronden.keuzes,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "Alleen bij ‘niet openbaar’. Bij gelakte passages staat de grond bij elk lakvak."
        ),
    )
    motivering = forms.CharField(
        label=gettext_lazy("Motivering"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=10000,
        help_text=gettext_lazy("Waarom dit oordeel; de motivering per grond legt u vast bij de gronden."),
    )
    vindplaats = forms.URLField(
        label=gettext_lazy("Vindplaats"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=gettext_lazy("Alleen bij ‘reeds openbaar’: het webadres waar het document te vinden is."),
    )
    opmerking = forms.CharField(
        label=gettext_lazy("Opmerking in de inventarislijst"), required=False, max_length=500
    )


class GoedkeurenForm(RaadhuisForm):
    """No fields: approving is one button; the service's refusal shows above it."""


class TerugsturenForm(RaadhuisForm):
    opmerking = forms.CharField(
        label=gettext_lazy("Wat moet er anders?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
    )


class GrondmotiveringForm(RaadhuisForm):
    grond = forms.ChoiceField(label=gettext_lazy("Weigeringsgrond"), choices=woo_gronden.keuzes)
    motivering = forms.CharField(
        label=gettext_lazy("Motivering"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=20000,
        help_text=gettext_lazy(
            "Deze tekst komt in het besluit. Weeg bij een relatieve grond (artikel 5.1 lid 2) het "
            "belang van openbaarheid af tegen het belang dat de grond beschermt."
        ),
    )


class DerdeForm(RaadhuisForm):
    naam = forms.CharField(label=gettext_lazy("Naam"), max_length=200)
    emailadres = forms.EmailField(label=gettext_lazy("E-mailadres"), max_length=254, required=False)
    postadres = forms.CharField(
        label=gettext_lazy("Postadres"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=500,
        required=False,
    )
    document_ids = forms.TypedMultipleChoiceField(
        label=gettext_lazy("Documenten die de derde raken"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    bezwaar_verwacht = forms.BooleanField(
        label=gettext_lazy("Bezwaar tegen openbaarmaking verwacht"),
        required=False,
        help_text=gettext_lazy(
            "Dan wordt de informatie pas twee weken na de bekendmaking van het besluit openbaar "
            "(Woo artikel 4.4 lid 5)."
        ),
    )

    def __init__(self, *args: Any, verzoek: WooVerzoek, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["document_ids"]
        if isinstance(veld, forms.ChoiceField):
            veld.choices = selectors.documentkeuzes(verzoek)


class ZienswijzeVragenForm(RaadhuisForm):
    op = forms.DateField(
        label=gettext_lazy("Gevraagd op"),
        widget=DatumInvoer(),
        help_text=gettext_lazy("De dag waarop ook de verzoeker het bericht krijgt (Woo artikel 4.4 lid 6)."),
    )


class ZienswijzeOntvangenForm(RaadhuisForm):
    op = forms.DateField(label=gettext_lazy("Ontvangen op"), widget=DatumInvoer())
    zienswijze = forms.CharField(
        label=gettext_lazy("Zienswijze"), widget=forms.Textarea(attrs={"rows": 4}), max_length=20000
    )
    bezwaar_verwacht = forms.BooleanField(
        label=gettext_lazy("Bezwaar tegen openbaarmaking verwacht"), required=False
    )


# --- helpers -------------------------------------------------------------------------------------------


def _medewerker(request: HttpRequest) -> Medewerker:
    gebruiker = ingelogde_gebruiker(request)
    if not isinstance(gebruiker, Medewerker):
        raise PermissionDenied
    return gebruiker


def _verzoek_of_404(kenmerk: str) -> WooVerzoek:
    verzoek = verzoek_met_kenmerk(kenmerk)
    if verzoek is None:
        raise Http404
    return verzoek


def _document_of_404(verzoek: WooVerzoek, document_id: int) -> Document:
    document = selectors.document_voor_beoordeling(verzoek, document_id)
    if document is None:
        raise Http404
    return document


def _url(naam: str, *args: object) -> str:
    """The URL of a page of another part of the Woo module, or "" while it does not exist."""
    try:
        return reverse(naam, args=args)
    except NoReverseMatch:
        return ""


def _kruimelpad(verzoek: WooVerzoek, *stappen: tuple[str, str | None]) -> list[tuple[str, str | None]]:
    pad: list[tuple[str, str | None]] = [
        (_("Werkplek"), reverse("core:werkplek")),
        (_("Woo-verzoeken"), reverse("woo:werkplek")),
        (verzoek.kenmerk, reverse("woo:verzoek", args=[verzoek.kenmerk])),
    ]
    return [*pad, *stappen]


def _betrokkene(verzoek: WooVerzoek) -> tuple[str, str] | None:
    return ("BSN", verzoek.bsn) if verzoek.bsn else None


def _fouten(formulieren: dict[str, BaseForm]) -> bool:
    return any(form.is_bound and form.errors for form in formulieren.values())


# --- the assessment of one document ----------------------------------------------------------------------


def _beoordelingspagina(
    request: HttpRequest,
    verzoek: WooVerzoek,
    document: Document,
    *,
    forms: dict[str, BaseForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    medewerker = _medewerker(request)
    open_ = not verzoek.is_afgesloten
    zelf_beoordeeld = document.beoordeeld_door_id == medewerker.pk
    mag_controleren = (
        open_
        and document.beoordelingsstatus == Beoordelingsstatus.TER_CONTROLE
        and mag(medewerker, WOO_BEOORDELING_GOEDKEUREN)
        and not zelf_beoordeeld
    )
    # The second person approves or sends back; the assessment form is for the assessors (also
    # while it waits for control, to correct it). A duplicate follows its original.
    kan_beoordelen = (
        open_
        and document.dubbel_van_id is None
        and document.beoordelingsstatus != Beoordelingsstatus.GOEDGEKEURD
        and not mag_controleren
    )
    formulieren: dict[str, BaseForm] = {}
    if kan_beoordelen:
        formulieren["beoordeling"] = BeoordelingForm(
            initial={
                "oordeel": document.oordeel or None,
                "gronden": document.gronden,
                "motivering": document.motivering,
                "vindplaats": document.vindplaats,
                "opmerking": document.opmerking,
            }
        )
    if mag_controleren:
        formulieren["goedkeuren"] = GoedkeurenForm()
        formulieren["terugsturen"] = TerugsturenForm()
    origineel = document.dubbel_van
    kan_overnemen = (
        open_
        and origineel is not None
        and origineel.beoordelingsstatus == Beoordelingsstatus.GOEDGEKEURD
        and document.beoordelingsstatus != Beoordelingsstatus.GOEDGEKEURD
    )
    formulieren |= forms or {}
    # The page shows the text under the boxes, which is personal data (logboek).
    with logboek.verwerking(
        naam="woo-document.beoordeling-inzien",
        activiteit=ACTIVITEIT,
        door=medewerker,
        betrokkene=_betrokkene(verzoek),
    ):
        context: dict[str, Any] = {
            "verzoek": verzoek,
            "document": document,
            "origineel": origineel,
            "vakgroepen": selectors.geaccepteerde_vakken_per_grond(document),
            "aantal_voorgesteld": selectors.aantal_voorgestelde_vakken(document),
            "formulieren": formulieren,
            "heeft_fouten": _fouten(formulieren),
            "zelf_beoordeeld": zelf_beoordeeld,
            "kan_overnemen": kan_overnemen,
            "gronden": woo_gronden.GRONDEN,
            "document_url": _url("woo:document", verzoek.kenmerk, document.pk),
            "documenten_url": _url("woo:documenten", verzoek.kenmerk),
            "pdf_url": _url("woo:document_pdf", verzoek.kenmerk, document.pk),
            "kruimelpad": _kruimelpad(
                verzoek,
                (_("Beoordeling van document %(nummer)s") % {"nummer": document.nummer or document.pk}, None),
            ),
            **{f"{naam}_form": form for naam, form in formulieren.items()},
        }
    return render(request, "woo/beoordeling.html", context, status=status)


def _beoordeling_url(verzoek: WooVerzoek, document: Document) -> str:
    return reverse("woo:beoordeling", args=[verzoek.kenmerk, document.pk])


def _documentactie(
    request: HttpRequest,
    verzoek: WooVerzoek,
    document: Document,
    *,
    naam: str,
    form: BaseForm,
    uitvoeren: Callable[[dict[str, Any], Medewerker], object],
    gelukt: str,
    standaardveld: str | None = None,
) -> HttpResponse:
    """One POST on the assessment page: the form, the service, a message and back; bad input (or
    a refused approval) shows the page again with the error next to the field, status 400."""
    medewerker = _medewerker(request)
    uitgevoerd = formulier_uitvoeren(
        form, lambda gegevens: uitvoeren(gegevens, medewerker), standaardveld=standaardveld
    )
    if uitgevoerd is not None:
        messages.success(request, gelukt)
        return redirect(_beoordeling_url(verzoek, document))
    # Read again: the rolled-back attempt left nothing, a failed verification stored its findings.
    return _beoordelingspagina(
        request, verzoek, _document_of_404(verzoek, document.pk), forms={naam: form}, status=400
    )


@never_cache
@require_http_methods(["GET", "POST"])
@werkplek(actie=WOO_DOCUMENTEN_BEOORDELEN)
def beoordeling(request: HttpRequest, kenmerk: str, document_id: int) -> HttpResponse:
    """The oordeel on one document (Woo art. 5.1, 5.2), then ter controle for a second person."""
    verzoek = _verzoek_of_404(kenmerk)
    document = _document_of_404(verzoek, document_id)
    if request.method == "GET":
        return _beoordelingspagina(request, verzoek, document)
    return _documentactie(
        request,
        verzoek,
        document,
        naam="beoordeling",
        form=BeoordelingForm(request.POST),
        uitvoeren=lambda gegevens, door: services.document_beoordelen(
            document,
            oordeel=gegevens["oordeel"],
            gronden=list(gegevens["gronden"]),
            motivering=gegevens["motivering"],
            vindplaats=gegevens["vindplaats"],
            opmerking=gegevens["opmerking"],
            door=door,
        ),
        gelukt=_("De beoordeling is vastgelegd; een collega kan haar nu controleren."),
        standaardveld="oordeel",
    )


@require_POST
@werkplek(actie=WOO_BEOORDELING_GOEDKEUREN)
def beoordeling_goedkeuren(request: HttpRequest, kenmerk: str, document_id: int) -> HttpResponse:
    """The second pair of eyes approves; the redacted PDF is made and verified (issue 9, point 6)."""
    verzoek = _verzoek_of_404(kenmerk)
    document = _document_of_404(verzoek, document_id)
    return _documentactie(
        request,
        verzoek,
        document,
        naam="goedkeuren",
        form=GoedkeurenForm(request.POST),
        uitvoeren=lambda _gegevens, door: services.beoordeling_goedkeuren(document, door=door),
        gelukt=_("De beoordeling is goedgekeurd."),
    )


@require_POST
@werkplek(actie=WOO_BEOORDELING_GOEDKEUREN)
def beoordeling_terugsturen(request: HttpRequest, kenmerk: str, document_id: int) -> HttpResponse:
    verzoek = _verzoek_of_404(kenmerk)
    document = _document_of_404(verzoek, document_id)
    return _documentactie(
        request,
        verzoek,
        document,
        naam="terugsturen",
        form=TerugsturenForm(request.POST),
        uitvoeren=lambda gegevens, door: services.beoordeling_terugsturen(
            document, opmerking=gegevens["opmerking"], door=door
        ),
        gelukt=_("De beoordeling is teruggestuurd naar de beoordelaar."),
        standaardveld="opmerking",
    )


@require_POST
@werkplek(actie=WOO_DOCUMENTEN_BEOORDELEN)
def beoordeling_overnemen(request: HttpRequest, kenmerk: str, document_id: int) -> HttpResponse:
    """A duplicate takes over the approved assessment of its original."""
    verzoek = _verzoek_of_404(kenmerk)
    document = _document_of_404(verzoek, document_id)
    return _documentactie(
        request,
        verzoek,
        document,
        naam="overnemen",
        form=GoedkeurenForm(request.POST),
        uitvoeren=lambda _gegevens, door: services.beoordeling_overnemen(document, door=door),
        gelukt=_("De beoordeling van het origineel is overgenomen."),
    )


# --- the motivation per ground -----------------------------------------------------------------------------


def _grondform(code: str, data: Any = None, *, vast: bool = True) -> GrondmotiveringForm:
    """The form for one ground (`vast`: the ground is given, a hidden field) or for a ground to
    choose; one per ground on one page, so the ids differ while the field names stay the same."""
    form = GrondmotiveringForm(
        data, initial={"grond": code if vast else None}, auto_id=f"id_{slugify(code.replace('.', '-'))}_%s"
    )
    if vast:
        form.fields["grond"].widget = forms.HiddenInput()
    return form


@never_cache
@require_http_methods(["GET", "POST"])
@werkplek(actie=WOO_DOCUMENTEN_BEOORDELEN)
def grondmotiveringen(request: HttpRequest, kenmerk: str) -> HttpResponse:
    """Why each ground used applies (Awb 3:46); the besluit letter gives these texts."""
    verzoek = _verzoek_of_404(kenmerk)
    medewerker = _medewerker(request)
    gebruikt = selectors.gebruikte_gronden(verzoek)
    bestaand = {motivering.grond: motivering for motivering in selectors.grondmotiveringen_van(verzoek)}
    codes = gebruikt + [code for code in bestaand if code not in gebruikt]
    ingediend: GrondmotiveringForm | None = None
    ingediende_grond = ""
    if request.method == "POST":
        # A form of a listed ground has it hidden; the last form lets one choose any ground.
        ingediende_grond = request.POST.get("grond", "")
        vast = ingediende_grond in codes and request.POST.get("formulier") != "anders"
        ingediend = _grondform(ingediende_grond if vast else "anders", request.POST, vast=vast)
        if not vast:
            ingediende_grond = ""
        if (
            formulier_uitvoeren(
                ingediend,
                lambda gegevens: services.grondmotivering_vastleggen(
                    verzoek, grond=gegevens["grond"], motivering=gegevens["motivering"], door=medewerker
                ),
                standaardveld="motivering",
            )
            is not None
        ):
            messages.success(request, _("De motivering is vastgelegd."))
            return redirect(reverse("woo:grondmotiveringen", args=[verzoek.kenmerk]))
    regels = []
    for code in codes:
        if ingediend is not None and code == ingediende_grond:
            form = ingediend
        else:
            form = _grondform(code)
            if code in bestaand:
                form.initial["motivering"] = bestaand[code].motivering
        regels.append(
            {
                "code": code,
                "grond": woo_gronden.GRONDEN.get(code),
                "gebruikt": code in gebruikt,
                "motivering": bestaand.get(code),
                "form": form,
            }
        )
    fout = ingediend is not None and bool(ingediend.errors)
    return render(
        request,
        "woo/grondmotiveringen.html",
        {
            "verzoek": verzoek,
            "regels": regels,
            "andere_form": (
                ingediend
                if ingediend is not None and not ingediende_grond
                else _grondform("anders", vast=False)
            ),
            "ontbrekend": [code for code in gebruikt if code not in bestaand],
            "afgesloten": verzoek.is_afgesloten,
            "heeft_fouten": fout,
            "kruimelpad": _kruimelpad(verzoek, (_("Motivering per grond"), None)),
        },
        status=400 if fout else 200,
    )


# --- third parties ------------------------------------------------------------------------------------------


def _zienswijzeforms(derde: Derde) -> tuple[ZienswijzeVragenForm, ZienswijzeOntvangenForm]:
    vragen = ZienswijzeVragenForm(initial={"op": timezone.localdate()}, auto_id=f"id_vragen_{derde.pk}_%s")
    ontvangen = ZienswijzeOntvangenForm(
        initial={"op": timezone.localdate(), "bezwaar_verwacht": derde.bezwaar_verwacht},
        auto_id=f"id_ontvangen_{derde.pk}_%s",
    )
    return vragen, ontvangen


def _derdenpagina(
    request: HttpRequest,
    verzoek: WooVerzoek,
    *,
    derde_form: DerdeForm | None = None,
    ingediend: tuple[int, BaseForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    medewerker = _medewerker(request)
    open_ = not verzoek.is_afgesloten
    mag_behandelen = mag(medewerker, WOO_VERZOEK_BEHANDELEN)
    regels = []
    for derde in selectors.derden_van(verzoek):
        vragen, ontvangen = _zienswijzeforms(derde)
        if ingediend is not None and ingediend[0] == derde.pk:
            if isinstance(ingediend[1], ZienswijzeVragenForm):
                vragen = ingediend[1]
            elif isinstance(ingediend[1], ZienswijzeOntvangenForm):
                ontvangen = ingediend[1]
        regels.append(
            {
                "derde": derde,
                "vragen_form": vragen
                if open_ and mag_behandelen and derde.zienswijze_gevraagd_op is None
                else None,
                "ontvangen_form": ontvangen
                if open_
                and mag_behandelen
                and derde.zienswijze_gevraagd_op is not None
                and derde.zienswijze_ontvangen_op is None
                else None,
            }
        )
    fouten = (derde_form is not None and bool(derde_form.errors)) or (
        ingediend is not None and bool(ingediend[1].errors)
    )
    # The page shows third parties' names and addresses (logboek).
    with logboek.verwerking(
        naam="woo-verzoek.derden-inzien",
        activiteit=ACTIVITEIT,
        door=medewerker,
        betrokkene=_betrokkene(verzoek),
    ):
        context = {
            "verzoek": verzoek,
            "regels": regels,
            "derde_form": (derde_form or DerdeForm(verzoek=verzoek)) if open_ else None,
            "mag_behandelen": mag_behandelen,
            "heeft_fouten": fouten,
            "kruimelpad": _kruimelpad(verzoek, (_("Derde-belanghebbenden"), None)),
        }
    return render(request, "woo/derden.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
@werkplek(actie=WOO_DOCUMENTEN_BEOORDELEN)
def derden(request: HttpRequest, kenmerk: str) -> HttpResponse:
    """The third parties to be heard before the decision (Awb 4:8; Woo art. 4.4 lid 3)."""
    verzoek = _verzoek_of_404(kenmerk)
    if request.method == "GET":
        return _derdenpagina(request, verzoek)
    medewerker = _medewerker(request)
    form = DerdeForm(request.POST, verzoek=verzoek)
    if (
        formulier_uitvoeren(
            form,
            lambda gegevens: services.derde_toevoegen(
                verzoek,
                naam=gegevens["naam"],
                emailadres=gegevens["emailadres"],
                postadres=gegevens["postadres"],
                document_ids=list(gegevens["document_ids"]),
                bezwaar_verwacht=gegevens["bezwaar_verwacht"],
                door=medewerker,
            ),
            standaardveld="naam",
        )
        is not None
    ):
        messages.success(request, _("De derde-belanghebbende is toegevoegd."))
        return redirect(reverse("woo:derden", args=[verzoek.kenmerk]))
    return _derdenpagina(request, _verzoek_of_404(kenmerk), derde_form=form, status=400)


def _derde_of_404(verzoek: WooVerzoek, derde_id: int) -> Derde:
    derde = Derde.objects.filter(verzoek=verzoek, pk=derde_id).first()
    if derde is None:
        raise Http404
    return derde


@require_POST
@werkplek(actie=WOO_VERZOEK_BEHANDELEN)
def zienswijze_vragen(request: HttpRequest, kenmerk: str, derde_id: int) -> HttpResponse:
    """Woo art. 4.4 lid 3: asking the zienswijze suspends the decision term from the next day."""
    verzoek = _verzoek_of_404(kenmerk)
    derde = _derde_of_404(verzoek, derde_id)
    medewerker = _medewerker(request)
    form = ZienswijzeVragenForm(request.POST, auto_id=f"id_vragen_{derde.pk}_%s")
    if (
        formulier_uitvoeren(
            form,
            lambda gegevens: services.zienswijze_vragen(derde, op=gegevens["op"], door=medewerker),
            standaardveld="op",
        )
        is not None
    ):
        messages.success(
            request, _("Vastgelegd dat de zienswijze is gevraagd; de beslistermijn is opgeschort.")
        )
        return redirect(reverse("woo:derden", args=[verzoek.kenmerk]))
    return _derdenpagina(request, _verzoek_of_404(kenmerk), ingediend=(derde.pk, form), status=400)


@require_POST
@werkplek(actie=WOO_VERZOEK_BEHANDELEN)
def zienswijze_ontvangen(request: HttpRequest, kenmerk: str, derde_id: int) -> HttpResponse:
    verzoek = _verzoek_of_404(kenmerk)
    derde = _derde_of_404(verzoek, derde_id)
    medewerker = _medewerker(request)
    form = ZienswijzeOntvangenForm(request.POST, auto_id=f"id_ontvangen_{derde.pk}_%s")
    if (
        formulier_uitvoeren(
            form,
            lambda gegevens: services.zienswijze_ontvangen(
                derde,
                op=gegevens["op"],
                zienswijze=gegevens["zienswijze"],
                bezwaar_verwacht=gegevens["bezwaar_verwacht"],
                door=medewerker,
            ),
            standaardveld="zienswijze",
        )
        is not None
    ):
        messages.success(request, _("De zienswijze is vastgelegd."))
        return redirect(reverse("woo:derden", args=[verzoek.kenmerk]))
    return _derdenpagina(request, _verzoek_of_404(kenmerk), ingediend=(derde.pk, form), status=400)


_DOCUMENT = "werkplek/woo/verzoeken/<str:kenmerk>/documenten/<int:document_id>/beoordeling/"
_DERDE = "werkplek/woo/verzoeken/<str:kenmerk>/derden/<int:derde_id>/"

urlpatterns: list[URLPattern] = [
    path(_DOCUMENT, beoordeling, name="beoordeling"),
    path(f"{_DOCUMENT}goedkeuren/", beoordeling_goedkeuren, name="beoordeling_goedkeuren"),
    path(f"{_DOCUMENT}terugsturen/", beoordeling_terugsturen, name="beoordeling_terugsturen"),
    path(f"{_DOCUMENT}overnemen/", beoordeling_overnemen, name="beoordeling_overnemen"),
    path("werkplek/woo/verzoeken/<str:kenmerk>/gronden/", grondmotiveringen, name="grondmotiveringen"),
    path("werkplek/woo/verzoeken/<str:kenmerk>/derden/", derden, name="derden"),
    path(f"{_DERDE}zienswijze-gevraagd/", zienswijze_vragen, name="zienswijze_vragen"),
    path(f"{_DERDE}zienswijze-ontvangen/", zienswijze_ontvangen, name="zienswijze_ontvangen"),
]
