"""Shared set-ups for dienstverlening tests: the demo catalogue's zaaktypen and products, employees
with roles, residents and businesses as logged in, and cases made through the real service."""

from __future__ import annotations

from typing import Any

from django.test import Client

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.core.identiteit import Betrouwbaarheidsniveau, Identiteit, Soort, identiteit_opslaan
from raadhuis.dienstverlening.demo_catalogus import PRODUCTEN, ZAAKTYPEN
from raadhuis.dienstverlening.models import Kanaal, Product, Team, Zaak, Zaaktype
from raadhuis.dienstverlening.services import catalogus, zaken

# Valid BSNs (elfproef) of the national test set; never real people.
BSN_INWONER = "999993653"
BSN_ANDER = "999990019"
KVK_ONDERNEMER = "69599084"


def medewerker(*rollen: str, **velden: Any) -> Medewerker:
    return MedewerkerFactory(rollen=list(rollen), **velden)  # type: ignore[no-any-return]


def beheerder() -> Medewerker:
    return Medewerker.objects.filter(roltoekenningen__rol=Rol.BEHEERDER).first() or medewerker(Rol.BEHEERDER)


def zaaktype(identificatie: str = "verhuizing", *, team: Team | None = None) -> Zaaktype:
    """The demo zaaktype with this identificatie (verhuizing, overlijden, huwelijk, reisdocument,
    rijbewijs, uittreksel, vraag), made once."""
    bestaand = Zaaktype.objects.filter(identificatie=identificatie).first()
    if bestaand is not None:
        return bestaand
    definitie = next(d for d in ZAAKTYPEN if d.identificatie == identificatie)
    return catalogus.zaaktype_aanmaken(
        identificatie=definitie.identificatie,
        omschrijving=definitie.omschrijving,
        doorlooptijd=definitie.doorlooptijd,
        servicenorm=definitie.servicenorm,
        statustypen=definitie.statustypen,
        resultaattypen=definitie.resultaattypen,
        team=team,
        door=beheerder(),
    )


def product(slug: str = "verhuizing-doorgeven") -> Product:
    """The demo product with this slug (see demo_catalogus.PRODUCTEN), with its zaaktype, made once."""
    bestaand = Product.objects.filter(slug=slug).first()
    if bestaand is not None:
        return bestaand
    definitie = next(d for d in PRODUCTEN if d.slug == slug)
    return catalogus.product_aanmaken(
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
        zaaktype=zaaktype(definitie.zaaktype) if definitie.zaaktype else None,
        door=beheerder(),
    )


def inwoner(
    bsn: str = BSN_INWONER, niveau: Betrouwbaarheidsniveau = Betrouwbaarheidsniveau.SUBSTANTIEEL
) -> Identiteit:
    return Identiteit(soort=Soort.INWONER, niveau=niveau, bsn=bsn, naam="J. Jansen", middel="digid")


def ondernemer(
    kvk: str = KVK_ONDERNEMER, niveau: Betrouwbaarheidsniveau = Betrouwbaarheidsniveau.SUBSTANTIEEL
) -> Identiteit:
    return Identiteit(
        soort=Soort.ONDERNEMER,
        niveau=niveau,
        kvk_nummer=kvk,
        naam="Uitvaartzorg De Linde",
        middel="eherkenning",
    )


def inloggen(client: Client, identiteit: Identiteit) -> None:
    """The session as after DigiD or eHerkenning (the local OIDC provider in browser tests)."""
    sessie = client.session
    identiteit_opslaan(sessie, identiteit)
    sessie.save()


def zaak(
    slug: str = "verhuizing-doorgeven",
    *,
    bsn: str = BSN_INWONER,
    kvk: str = "",
    emailadres: str = "j.jansen@example.org",
    door: Medewerker | Identiteit | None = None,
    kanaal: str | None = None,
    **anders: Any,
) -> Zaak:
    """A case through zaak_aanmaken: by default registered at the desk by a KCC employee."""
    gekozen = product(slug)
    assert gekozen.zaaktype is not None
    door = door or medewerker(Rol.KCC_MEDEWERKER)
    initiator = zaken.Initiator(
        bsn="" if kvk else bsn,
        kvk_nummer=kvk,
        naam="J. Jansen",
        emailadres=emailadres,
        telefoonnummer="0612345678",
    )
    return zaken.zaak_aanmaken(
        zaaktype=gekozen.zaaktype,
        product=gekozen,
        omschrijving=gekozen.naam,
        kanaal=kanaal or (Kanaal.DIGITAAL if isinstance(door, Identiteit) else Kanaal.BALIE),
        initiator=initiator,
        door=door,
        **anders,
    )
