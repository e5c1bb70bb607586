"""Writes to the catalogue: products with their leges, zaaktypen with their statuses, teams."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from raadhuis.accounts.models import Medewerker
from raadhuis.core.cache import vergeten
from raadhuis.core.identiteit import Betrouwbaarheidsniveau
from raadhuis.core.rechten import vereis
from raadhuis.core.termijnen import Termijn
from raadhuis.dienstverlening import cachesleutels
from raadhuis.dienstverlening.models import (
    Archiefnominatie,
    Product,
    Resultaattype,
    RolGeneriek,
    Roltype,
    Statustype,
    Tarief,
    Team,
    Vertrouwelijkheid,
    Zaaktype,
)
from raadhuis.dienstverlening.rechten import PRODUCT_BEHEREN


@transaction.atomic
def product_aanmaken(
    *,
    naam: str,
    upl_naam: str,
    doelgroep: str,
    minimum_niveau: Betrouwbaarheidsniveau,
    door: AbstractBaseUser,
    slug: str = "",
    niveau_toelichting: str = "",
    actief: bool = True,
    omschrijving: str = "",
    voorwaarden: str = "",
    wettelijke_grondslag: str = "",
    kanalen: Sequence[str] = (),
    baliebezoek_nodig: bool = False,
    formulier: str = "",
    zaaktype: Zaaktype | None = None,
) -> Product:
    """Adds a product with the level of assurance its digital channel needs (Wdo: every digital
    service is classified at an eIDAS level; the municipality chooses it, handreiking per product)."""
    vereis(door, PRODUCT_BEHEREN)
    product = Product(
        naam=naam,
        slug=slug or slugify(naam)[:80],
        upl_naam=upl_naam,
        doelgroep=doelgroep,
        minimum_betrouwbaarheidsniveau=int(minimum_niveau),
        niveau_toelichting=niveau_toelichting,
        actief=actief,
        omschrijving=omschrijving,
        voorwaarden=voorwaarden,
        wettelijke_grondslag=wettelijke_grondslag,
        kanalen=list(kanalen),
        baliebezoek_nodig=baliebezoek_nodig,
        formulier=formulier,
        zaaktype=zaaktype,
    )
    product.full_clean()
    product.save()
    # The work queue filter lists teams, products and their status types.
    vergeten(cachesleutels.FILTERKEUZES)
    return product


@transaction.atomic
def product_bijwerken(
    *,
    product: Product,
    door: AbstractBaseUser,
    naam: str | None = None,
    upl_naam: str | None = None,
    doelgroep: str | None = None,
    minimum_niveau: Betrouwbaarheidsniveau | None = None,
    niveau_toelichting: str | None = None,
    actief: bool | None = None,
    omschrijving: str | None = None,
    voorwaarden: str | None = None,
    wettelijke_grondslag: str | None = None,
    kanalen: Sequence[str] | None = None,
    baliebezoek_nodig: bool | None = None,
    formulier: str | None = None,
    zaaktype: Zaaktype | None = None,
    zaaktype_wissen: bool = False,
) -> Product:
    """Changes the given fields only; the slug stays, so links to the product keep working.
    ``zaaktype_wissen`` unlinks the zaaktype (None means: leave it as it is)."""
    vereis(door, PRODUCT_BEHEREN)
    wijzigingen = {
        "naam": naam,
        "upl_naam": upl_naam,
        "doelgroep": doelgroep,
        "minimum_betrouwbaarheidsniveau": int(minimum_niveau) if minimum_niveau is not None else None,
        "niveau_toelichting": niveau_toelichting,
        "actief": actief,
        "omschrijving": omschrijving,
        "voorwaarden": voorwaarden,
        "wettelijke_grondslag": wettelijke_grondslag,
        "kanalen": list(kanalen) if kanalen is not None else None,
        "baliebezoek_nodig": baliebezoek_nodig,
        "formulier": formulier,
        "zaaktype": zaaktype,
    }
    velden = [veld for veld, waarde in wijzigingen.items() if waarde is not None]
    for veld in velden:
        setattr(product, veld, wijzigingen[veld])
    if zaaktype_wissen and zaaktype is None:
        product.zaaktype = None
        velden.append("zaaktype")
    product.full_clean()
    if velden:
        product.save(update_fields=velden)
    # The work queue filter lists teams, products and their status types.
    vergeten(cachesleutels.FILTERKEUZES)
    return product


# The years a tariff can be set for: a legesverordening holds for a calendar year.
TARIEFJAREN = (2000, 2100)


@transaction.atomic
def tarief_vastleggen(
    *,
    product: Product,
    jaar: int,
    omschrijving: str,
    bedrag: Decimal,
    door: AbstractBaseUser,
    demo: bool = False,
) -> Tarief:
    """Sets the leges for a year (legesverordening, Gemeentewet art. 229); the same description again
    replaces the amount."""
    vereis(door, PRODUCT_BEHEREN)
    fouten: dict[str, str] = {}
    if not omschrijving.strip():
        fouten["omschrijving"] = _(
            "Geef het tarief een omschrijving, bijvoorbeeld 'Paspoort, 18 jaar en ouder'."
        )
    if bedrag < 0:
        fouten["bedrag"] = _("Een bedrag kan niet negatief zijn.")
    if not TARIEFJAREN[0] <= jaar <= TARIEFJAREN[1]:
        fouten["jaar"] = _("Kies een jaar tussen %(van)s en %(tot)s.") % {
            "van": TARIEFJAREN[0],
            "tot": TARIEFJAREN[1],
        }
    if fouten:
        raise ValidationError(fouten)
    tarief = Tarief.objects.filter(
        product=product, jaar=jaar, omschrijving=omschrijving.strip()
    ).first() or Tarief(product=product, jaar=jaar, omschrijving=omschrijving.strip())
    tarief.bedrag = bedrag
    tarief.demo = demo
    tarief.full_clean()
    tarief.save()
    return tarief


@transaction.atomic
def tarief_verwijderen(*, tarief: Tarief, door: AbstractBaseUser) -> None:
    """Removes a tariff entered by mistake; the product page no longer shows it."""
    vereis(door, PRODUCT_BEHEREN)
    tarief.delete()


@dataclass(frozen=True)
class StatustypeDefinitie:
    omschrijving: str
    statustekst: str = ""
    doorlooptijd_werkdagen: int | None = None
    informeren: bool = False
    optioneel: bool = False


@dataclass(frozen=True)
class ResultaattypeDefinitie:
    omschrijving: str
    archiefnominatie: Archiefnominatie
    archiefactietermijn_jaren: int | None = None


# Every zaaktype has these roles: who asks, who handles, who else has a stake (ZGW RolType).
STANDAARDROLLEN = (RolGeneriek.INITIATOR, RolGeneriek.BEHANDELAAR, RolGeneriek.BELANGHEBBENDE)


@transaction.atomic
def zaaktype_aanmaken(
    *,
    identificatie: str,
    omschrijving: str,
    doorlooptijd: Termijn,
    statustypen: Sequence[StatustypeDefinitie],
    resultaattypen: Sequence[ResultaattypeDefinitie],
    door: AbstractBaseUser,
    servicenorm: Termijn | None = None,
    team: Team | None = None,
    onderwerp: str = "",
    vertrouwelijkheid: str = Vertrouwelijkheid.ZAAKVERTROUWELIJK,
) -> Zaaktype:
    """A zaaktype with its ordered statuses (the last is the end status and may not be skipped), its
    results and the standard roles. The servicenorm, when given, is the shorter own promise."""
    vereis(door, PRODUCT_BEHEREN)
    if len(statustypen) < 2:
        raise ValidationError(
            {"statustypen": _("Een zaaktype heeft ten minste een begin- en een eindstatus.")}
        )
    if statustypen[-1].optioneel or statustypen[0].optioneel:
        raise ValidationError(
            {"statustypen": _("De eerste en de laatste status kunnen niet worden overgeslagen.")}
        )
    if not resultaattypen:
        raise ValidationError({"resultaattypen": _("Een zaaktype heeft ten minste één resultaat.")})
    zaaktype = Zaaktype(
        identificatie=identificatie,
        omschrijving=omschrijving,
        onderwerp=onderwerp,
        doorlooptijd_aantal=doorlooptijd.aantal,
        doorlooptijd_eenheid=doorlooptijd.eenheid.value,
        servicenorm_aantal=servicenorm.aantal if servicenorm else None,
        servicenorm_eenheid=servicenorm.eenheid.value if servicenorm else "",
        vertrouwelijkheid=vertrouwelijkheid,
        team=team,
    )
    zaaktype.full_clean()
    zaaktype.save()
    Statustype.objects.bulk_create(
        Statustype(
            zaaktype=zaaktype,
            volgnummer=volgnummer,
            omschrijving=definitie.omschrijving,
            statustekst=definitie.statustekst,
            doorlooptijd_werkdagen=definitie.doorlooptijd_werkdagen,
            informeren=definitie.informeren,
            optioneel=definitie.optioneel,
            is_eindstatus=volgnummer == len(statustypen),
        )
        for volgnummer, definitie in enumerate(statustypen, start=1)
    )
    Resultaattype.objects.bulk_create(
        Resultaattype(
            zaaktype=zaaktype,
            omschrijving=definitie.omschrijving,
            archiefnominatie=definitie.archiefnominatie,
            archiefactietermijn_jaren=definitie.archiefactietermijn_jaren,
        )
        for definitie in resultaattypen
    )
    Roltype.objects.bulk_create(
        Roltype(zaaktype=zaaktype, omschrijving=str(rol.label).capitalize(), omschrijving_generiek=rol)
        for rol in STANDAARDROLLEN
    )
    # The work queue filter lists teams, products and their status types.
    vergeten(cachesleutels.FILTERKEUZES)
    return zaaktype


@transaction.atomic
def team_aanmaken(*, naam: str, leden: Iterable[Medewerker], door: AbstractBaseUser) -> Team:
    vereis(door, PRODUCT_BEHEREN)
    team = Team(naam=naam.strip())
    team.full_clean()
    team.save()
    team.leden.set(list(leden))
    # The work queue filter lists teams, products and their status types.
    vergeten(cachesleutels.FILTERKEUZES)
    return team
