"""Intake on every channel: a resident or business after DigiD/eHerkenning at the product's level,
or an employee for someone at the desk, on the phone or from a letter (assisted channel).

The answers are kept per step in Aanvraag.gegevens so the applicant can stop and resume; every step
is checked with its form (shape) and the product's rules (regels.py, each citing its article). On
submit all rules run once more over all answers and the case is made in the same transaction."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from raadhuis.accounts.models import Medewerker
from raadhuis.core import bsn as bsn_module
from raadhuis.core import logboek
from raadhuis.core.identiteit import Identiteit, Soort
from raadhuis.core.rechten import vereis
from raadhuis.core.validators import KVK_MELDING, is_kvk_nummer
from raadhuis.dienstverlening.formulieren import Context, Definitie, definitie
from raadhuis.dienstverlening.formulieren.basis import Agenda, naar_json
from raadhuis.dienstverlening.models import Aanvraag, DoelgroepKeuze, Kanaal, Product, Zaak
from raadhuis.dienstverlening.rechten import ZAAK_REGISTREREN
from raadhuis.dienstverlening.services import klantcontacten, zaken
from raadhuis.dienstverlening.services.zaken import Initiator

ACTIVITEIT = zaken.ACTIVITEIT
# A draft not touched for 30 days can no longer be resumed (the applicant starts again).
BEWAARTERMIJN = timedelta(days=30)
ASSISTENTIE_KANALEN = (Kanaal.BALIE, Kanaal.TELEFOON, Kanaal.SCHRIFTELIJK)
INGEDIEND = "ingediend"
SAMENVATTING = "samenvatting"

Door = Medewerker | Identiteit


# --- checks shared by the services and the views ---------------------------------------------------


def formulier_van(product: Product) -> Definitie:
    gevonden = definitie(product.formulier)
    if gevonden is None:
        raise ValidationError({"product": _("Voor dit product is er (nog) geen aanvraagformulier.")})
    return gevonden


def is_eigenaar(aanvraag: Aanvraag, door: Door) -> bool:
    """The identity that started it (online), or the employee who entered it (assisted)."""
    if isinstance(door, Identiteit):
        if aanvraag.medewerker_id is not None:
            return False
        if door.soort is Soort.INWONER:
            return bool(door.bsn) and aanvraag.bsn == door.bsn
        return bool(door.kvk_nummer) and aanvraag.kvk_nummer == door.kvk_nummer
    return aanvraag.medewerker_id is not None and aanvraag.medewerker_id == door.pk


def is_verlopen(aanvraag: Aanvraag) -> bool:
    return aanvraag.bijgewerkt_op < timezone.now() - BEWAARTERMIJN


def _controleer_toegang(aanvraag: Aanvraag, door: Door) -> None:
    if not is_eigenaar(aanvraag, door):
        raise PermissionDenied(_("Deze aanvraag is niet van u."))
    if aanvraag.is_ingediend:
        raise ValidationError(_("Deze aanvraag is al ingediend."))
    if is_verlopen(aanvraag):
        raise ValidationError(
            _("Deze aanvraag is langer dan 30 dagen niet gewijzigd en kan niet meer worden afgemaakt.")
        )
    if isinstance(door, Identiteit) and not door.voldoet_aan(aanvraag.product.minimum_niveau):
        raise PermissionDenied(_("U bent op een te laag betrouwbaarheidsniveau ingelogd voor deze dienst."))


def context_van(aanvraag: Aanvraag, vandaag: date | None = None, agenda: Agenda | None = None) -> Context:
    """`agenda` (selectors.intake.AGENDA) is handed in by the caller: services may not import
    selectors, and the marriage form's moment step needs the free moments."""
    return Context(
        vandaag=vandaag or timezone.localdate(),
        kanaal=aanvraag.kanaal,
        product_upl=aanvraag.product.upl_naam,
        agenda=agenda,
    )


def opgeslagen_antwoorden(aanvraag: Aanvraag) -> dict[str, dict[str, Any]]:
    antwoorden = aanvraag.gegevens.get("antwoorden", {})
    return antwoorden if isinstance(antwoorden, dict) else {}


def voorinvulling(aanvraag: Aanvraag) -> dict[str, Any]:
    waarden = aanvraag.gegevens.get("voorinvulling", {})
    return waarden if isinstance(waarden, dict) else {}


def getypeerde_antwoorden(
    aanvraag: Aanvraag, tot: str | None = None, agenda: Agenda | None = None
) -> dict[str, Any]:
    """The saved answers of the steps before `tot` (all steps without it) as the forms clean them
    (dates as dates): each step's form is bound to what was saved. A step that no longer validates
    is left out."""
    bewaard = opgeslagen_antwoorden(aanvraag)
    context = context_van(aanvraag, agenda=agenda)
    uit: dict[str, Any] = {}
    for stap in formulier_van(aanvraag.product).stappen:
        if stap.naam == tot:
            break
        if stap.naam not in bewaard:
            continue
        formulier = stap.formulier(data=bewaard[stap.naam], antwoorden=dict(uit), context=context)
        if formulier.is_valid():
            uit.update(formulier.cleaned_data)
    return uit


def eerste_open_stap(aanvraag: Aanvraag) -> str | None:
    """The first step without saved answers, or None when every step has them."""
    bewaard = opgeslagen_antwoorden(aanvraag)
    return next(
        (stap.naam for stap in formulier_van(aanvraag.product).stappen if stap.naam not in bewaard), None
    )


# --- starting ---------------------------------------------------------------------------------------


def _controleer_assistentie(*, product: Product, kanaal: str, initiator: Initiator | None) -> Initiator:
    if kanaal not in ASSISTENTIE_KANALEN:
        raise ValidationError(
            {"kanaal": _("Kies het kanaal waarop de aanvraag binnenkwam: balie, telefoon of brief.")}
        )
    if kanaal not in product.kanalen:
        raise ValidationError({"kanaal": _("Dit product kan niet via dit kanaal worden aangevraagd.")})
    if initiator is None or bool(initiator.bsn) == bool(initiator.kvk_nummer):
        raise ValidationError(
            {"bsn": _("Geef een burgerservicenummer of een KvK-nummer op (één van beide).")}
        )
    if initiator.bsn and not bsn_module.is_geldig_bsn(initiator.bsn):
        raise ValidationError({"bsn": _("Dit is geen geldig burgerservicenummer.")})
    if initiator.kvk_nummer and not is_kvk_nummer(initiator.kvk_nummer):
        raise ValidationError({"kvk_nummer": KVK_MELDING})
    if initiator.bsn and product.doelgroep == DoelgroepKeuze.ONDERNEMER:
        raise ValidationError({"kvk_nummer": _("Dit product is voor ondernemers: vul een KvK-nummer in.")})
    if initiator.kvk_nummer and product.doelgroep == DoelgroepKeuze.INWONER:
        raise ValidationError({"bsn": _("Dit product is voor inwoners: vul een burgerservicenummer in.")})
    return initiator


@transaction.atomic
def aanvraag_starten(
    *,
    product: Product,
    door: Door,
    kanaal: str = Kanaal.DIGITAAL,
    initiator: Initiator | None = None,
    taal: str = "nl",
) -> Aanvraag:
    """Opens a draft. Online: for the logged-in identity itself, at the product's level of assurance
    (Wdo; eIDAS art. 8) and only when the product has a digital channel. Assisted: an employee with
    ZAAK_REGISTREREN enters the applicant's BSN or KvK number and the channel it came in on."""
    formulier = formulier_van(product)
    if not product.actief:
        raise ValidationError({"product": _("Dit product kan niet meer worden aangevraagd.")})
    if product.zaaktype_id is None:
        raise ValidationError({"product": _("Voor dit product is nog geen zaaktype ingericht.")})
    gegevens: dict[str, Any]
    if isinstance(door, Identiteit):
        if kanaal != Kanaal.DIGITAAL:
            raise ValidationError({"kanaal": _("Een aanvraag na inloggen komt digitaal binnen.")})
        if Kanaal.DIGITAAL not in product.kanalen:
            raise ValidationError({"product": _("Deze dienst vraagt u aan de balie aan. Maak een afspraak.")})
        if not product.doelgroep_enum.staat_toe(door.soort):
            raise PermissionDenied(_("Deze dienst is niet voor uw soort inlog."))
        if not door.voldoet_aan(product.minimum_niveau):
            raise PermissionDenied(
                _("Voor deze dienst moet u inloggen op betrouwbaarheidsniveau %(niveau)s.")
                % {"niveau": product.minimum_niveau.label}
            )
        inwoner = door.soort is Soort.INWONER
        gegevens = {
            "voorinvulling": {"naam": door.naam, "partner_1_naam": door.naam} if inwoner else {},
            "organisatie": "" if inwoner else door.naam,
            "vestigingsnummer": door.vestigingsnummer,
        }
        aanvraag = Aanvraag(
            product=product,
            kanaal=Kanaal.DIGITAAL,
            bsn=door.bsn if inwoner else "",
            kvk_nummer="" if inwoner else door.kvk_nummer,
        )
        gelogd_voor = door.betrokkene_sleutel
    else:
        vereis(door, ZAAK_REGISTREREN)
        aanvrager = _controleer_assistentie(product=product, kanaal=kanaal, initiator=initiator)
        gegevens = {
            "voorinvulling": {
                "naam": aanvrager.contactpersoon or aanvrager.naam,
                "partner_1_naam": aanvrager.naam if aanvrager.bsn else "",
                "emailadres": aanvrager.emailadres,
                "telefoonnummer": aanvrager.telefoonnummer,
            },
            "organisatie": aanvrager.naam if aanvrager.kvk_nummer else "",
            "vestigingsnummer": aanvrager.vestigingsnummer,
        }
        aanvraag = Aanvraag(
            product=product,
            kanaal=kanaal,
            bsn=aanvrager.bsn,
            kvk_nummer=aanvrager.kvk_nummer,
            medewerker=door,
        )
        gelogd_voor = aanvrager.betrokkene
    gegevens["antwoorden"] = {}
    aanvraag.gegevens = gegevens
    aanvraag.stap = formulier.stappen[0].naam
    aanvraag.taal = taal[:5]
    aanvraag.save()
    logboek.vastleggen(naam="aanvraag.starten", activiteit=ACTIVITEIT, betrokkene=gelogd_voor, door=door)
    return aanvraag


# --- steps ------------------------------------------------------------------------------------------


def _vergrendeld(aanvraag: Aanvraag) -> Aanvraag:
    return Aanvraag.objects.select_for_update(of=("self",)).select_related("product").get(pk=aanvraag.pk)


def betrokkene(aanvraag: Aanvraag) -> tuple[str, str]:
    """The data subject of a draft for the Logboek: the applicant's BSN or KvK number."""
    return ("BSN", aanvraag.bsn) if aanvraag.bsn else ("KVK", aanvraag.kvk_nummer)


@transaction.atomic
def stap_opslaan(
    *,
    aanvraag: Aanvraag,
    stap: str,
    data: Mapping[str, Any],
    door: Door,
    vandaag: date | None = None,
    agenda: Agenda | None = None,
) -> Aanvraag:
    """Checks one step with its form and the product's rules and saves it, so the applicant can
    leave and come back. Raises ValidationError({field: message}) and saves nothing when wrong."""
    aanvraag = _vergrendeld(aanvraag)
    _controleer_toegang(aanvraag, door)
    formulier = formulier_van(aanvraag.product)
    gekozen = formulier.stap(stap)
    if gekozen is None:
        raise ValidationError(_("Deze stap bestaat niet."))
    namen = [s.naam for s in formulier.stappen]
    bewaard = opgeslagen_antwoorden(aanvraag)
    ontbrekend = [naam for naam in namen[: namen.index(stap)] if naam not in bewaard]
    if ontbrekend:
        raise ValidationError(_("Vul eerst de vorige stappen in."))
    eerder = getypeerde_antwoorden(aanvraag, tot=stap, agenda=agenda)
    context = context_van(aanvraag, vandaag, agenda)
    form = gekozen.formulier(data=data, antwoorden=eerder, context=context)
    if not form.is_valid():
        raise ValidationError(form.errors.as_data())
    if gekozen.regels is not None:
        gekozen.regels({**eerder, **form.cleaned_data}, context)
    bewaard[stap] = naar_json(form.cleaned_data)
    aanvraag.gegevens = {**aanvraag.gegevens, "antwoorden": bewaard}
    volgende = eerste_open_stap(aanvraag)
    aanvraag.stap = volgende or SAMENVATTING
    aanvraag.save(update_fields=["gegevens", "stap", "bijgewerkt_op"])
    logboek.vastleggen(
        naam="aanvraag.stap-opslaan", activiteit=ACTIVITEIT, betrokkene=betrokkene(aanvraag), door=door
    )
    return aanvraag


def controleren(
    aanvraag: Aanvraag, *, vandaag: date | None = None, agenda: Agenda | None = None
) -> dict[str, Any]:
    """All answers checked again, form by form and rule by rule (a saved date may have left its
    window since). Returns the typed answers or raises ValidationError({step: [messages]})."""
    formulier = formulier_van(aanvraag.product)
    bewaard = opgeslagen_antwoorden(aanvraag)
    context = context_van(aanvraag, vandaag, agenda)
    fouten: dict[str, list[str]] = {}
    antwoorden: dict[str, Any] = {}
    for stap in formulier.stappen:
        if stap.naam not in bewaard:
            fouten[stap.naam] = [_("Deze stap is nog niet ingevuld.")]
            continue
        form = stap.formulier(data=bewaard[stap.naam], antwoorden=dict(antwoorden), context=context)
        if not form.is_valid():
            fouten[stap.naam] = [str(bericht) for lijst in form.errors.values() for bericht in lijst]
            continue
        antwoorden.update(form.cleaned_data)
    if fouten:
        raise ValidationError(fouten)
    for stap in formulier.stappen:
        if stap.regels is None:
            continue
        try:
            stap.regels(antwoorden, context)
        except ValidationError as fout:
            fouten[stap.naam] = list(fout.messages)
    if fouten:
        raise ValidationError(fouten)
    return antwoorden


def _initiator(aanvraag: Aanvraag, antwoorden: Mapping[str, Any]) -> Initiator:
    contact = {
        "emailadres": str(antwoorden.get("emailadres") or ""),
        "telefoonnummer": str(antwoorden.get("telefoonnummer") or ""),
    }
    if aanvraag.bsn:
        return Initiator(bsn=aanvraag.bsn, naam=str(antwoorden.get("naam") or ""), **contact)
    return Initiator(
        kvk_nummer=aanvraag.kvk_nummer,
        vestigingsnummer=str(aanvraag.gegevens.get("vestigingsnummer") or ""),
        naam=str(aanvraag.gegevens.get("organisatie") or antwoorden.get("naam") or ""),
        contactpersoon=str(antwoorden.get("naam") or ""),
        **contact,
    )


@transaction.atomic
def aanvraag_indienen(
    *,
    aanvraag: Aanvraag,
    door: Door,
    taal: str | None = None,
    vandaag: date | None = None,
    agenda: Agenda | None = None,
) -> Zaak:
    """Checks every rule once more and makes the case (services.zaken.zaak_aanmaken) in the same
    transaction; the draft is linked to it. Submitting twice (a double click) gives the same case."""
    aanvraag = _vergrendeld(aanvraag)
    if aanvraag.zaak_id is not None and is_eigenaar(aanvraag, door):
        return Zaak.objects.get(pk=aanvraag.zaak_id)
    _controleer_toegang(aanvraag, door)
    product = aanvraag.product
    if product.zaaktype is None:
        raise ValidationError({"product": _("Voor dit product is nog geen zaaktype ingericht.")})
    formulier = formulier_van(product)
    antwoorden = controleren(aanvraag, vandaag=vandaag, agenda=agenda)
    context = context_van(aanvraag, vandaag, agenda)
    zaak = zaken.zaak_aanmaken(
        zaaktype=product.zaaktype,
        product=product,
        omschrijving=formulier.omschrijving(antwoorden, product.naam),
        kanaal=aanvraag.kanaal,
        initiator=_initiator(aanvraag, antwoorden),
        door=door,
        gegevens={"formulier": product.formulier, **formulier.zaakgegevens(antwoorden, context)},
        taal=(taal or aanvraag.taal)[:5],
    )
    if formulier.bij_indienen is not None:
        formulier.bij_indienen(zaak, antwoorden, door, context)
    if isinstance(door, Identiteit):
        # Digital intake by the resident or business themself registers its own contact (web form).
        klantcontacten.klantcontact_na_intake(
            zaak=zaak, initiator=_initiator(aanvraag, antwoorden), door=door
        )
    aanvraag.zaak = zaak
    aanvraag.stap = INGEDIEND
    aanvraag.save(update_fields=["zaak", "stap", "bijgewerkt_op"])
    return zaak
