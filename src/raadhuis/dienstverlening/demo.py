"""Demo data of dienstverlening: the catalogue (demo_catalogus) with teams and zaaktypen, a year
of generated cases (demo_zaken), appointments (demo_afspraken), and a year of contacts, callbacks,
surveys and desk queue times with the knowledge base (demo_klantcontacten).

Loading is idempotent: what exists (by slug or identificatie) is left alone.
"""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import OutputWrapper
from django.utils import timezone

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.selectors import medewerkers_met_rol
from raadhuis.dienstverlening import demo_afspraken, demo_klantcontacten, demo_zaken
from raadhuis.dienstverlening.demo_catalogus import PRODUCTEN, ZAAKTYPEN
from raadhuis.dienstverlening.models import Team, Zaaktype
from raadhuis.dienstverlening.selectors import catalogus as selectors
from raadhuis.dienstverlening.services import catalogus as services

__all__ = ["PRODUCTEN", "laden"]

DEMO_BSN = "999993653"  # the first test BSN of the local DigiD (testidp.forms.TEST_BSNS)


def _teams(beheerder: Medewerker) -> dict[str, Team]:
    behandelaars = list(medewerkers_met_rol(Rol.BEHANDELAAR))
    kcc = list(medewerkers_met_rol(Rol.KCC_MEDEWERKER))
    teams = {}
    for naam in {zaaktype.team for zaaktype in ZAAKTYPEN}:
        team = selectors.team_met_naam(naam)
        if team is None:
            leden = kcc if naam == "Klantcontactcentrum" else behandelaars
            team = services.team_aanmaken(naam=naam, leden=leden, door=beheerder)
        teams[naam] = team
    return teams


def _zaaktypen(beheerder: Medewerker) -> dict[str, Zaaktype]:
    teams = _teams(beheerder)
    zaaktypen = {}
    for definitie in ZAAKTYPEN:
        zaaktype = selectors.zaaktype_met_identificatie(definitie.identificatie)
        if zaaktype is None:
            zaaktype = services.zaaktype_aanmaken(
                identificatie=definitie.identificatie,
                omschrijving=definitie.omschrijving,
                doorlooptijd=definitie.doorlooptijd,
                servicenorm=definitie.servicenorm,
                statustypen=definitie.statustypen,
                resultaattypen=definitie.resultaattypen,
                team=teams[definitie.team],
                door=beheerder,
            )
        zaaktypen[definitie.identificatie] = zaaktype
    return zaaktypen


def laden(uitvoer: OutputWrapper) -> None:
    beheerder = medewerkers_met_rol(Rol.BEHEERDER).first()
    if beheerder is None:
        uitvoer.write("Producten overgeslagen: er is geen beheerder om ze vast te leggen.")
        return
    zaaktypen = _zaaktypen(beheerder)
    jaar = timezone.localdate().year
    nieuw = []
    for definitie in PRODUCTEN:
        if selectors.product_met_slug(definitie.slug) is not None:
            continue
        product = services.product_aanmaken(
            naam=definitie.naam,
            slug=definitie.slug,
            upl_naam=definitie.upl_naam,
            doelgroep=definitie.doelgroep,
            minimum_niveau=definitie.minimum_niveau,
            niveau_toelichting=definitie.niveau_toelichting,
            omschrijving=definitie.omschrijving,
            voorwaarden=definitie.voorwaarden,
            wettelijke_grondslag=definitie.wettelijke_grondslag,
            kanalen=definitie.kanalen,
            baliebezoek_nodig=definitie.baliebezoek_nodig,
            formulier=definitie.formulier,
            zaaktype=zaaktypen[definitie.zaaktype] if definitie.zaaktype else None,
            door=beheerder,
        )
        for tarief in definitie.tarieven:
            services.tarief_vastleggen(
                product=product,
                jaar=jaar,
                omschrijving=tarief.omschrijving,
                bedrag=tarief.bedrag,
                demo=True,
                door=beheerder,
            )
        nieuw.append(product.naam)
    if nieuw:
        uitvoer.write(f"Producten: {', '.join(nieuw)}")
    if demo_zaken.laatste_registratie() is None:
        aantal = demo_zaken.zaken_genereren(
            settings.RAADHUIS_DEMO_ZAKEN,
            behandelaars=list(medewerkers_met_rol(Rol.BEHANDELAAR)),
            # The demo resident of the local DigiD (testidp) has a history to look at in Mijn zaken.
            zaken_per_bsn={DEMO_BSN: 12},
        )
        uitvoer.write(f"Zaken: {aantal} gegenereerd over het afgelopen jaar")
    demo_afspraken.laden(uitvoer)
    # After the appointment types exist: the past year's desk queue uses them.
    demo_klantcontacten.laden(uitvoer)
