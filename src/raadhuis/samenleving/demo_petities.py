"""Demo data of petitions: one open with signatures, one handled by the raad, and a burgerinitiatief
that waits for the griffie's admissibility decision."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.management.base import OutputWrapper
from django.utils import timezone

from raadhuis.accounts.models import Rol
from raadhuis.accounts.selectors import medewerkers_met_rol
from raadhuis.core.bsn import is_geldig_bsn
from raadhuis.samenleving.models import Petitie
from raadhuis.samenleving.selectors import petities as selectors
from raadhuis.samenleving.services import petities as services

OPEN = "Veilig oversteken bij de basisschool aan de Oostlaan"
AFGEHANDELD = "Meer bankjes langs de wandelroutes in het Balijbos"
BURGERINITIATIEF = "Een hondenlosloopgebied in Nootdorp"


def _test_bsns() -> Iterator[str]:
    """BSNs from the range the BRP keeps for testing (999990000 and up) that pass the 11-proef."""
    for getal in range(999_990_000, 999_999_999):
        if is_geldig_bsn(str(getal)):
            yield str(getal)


def _ondertekenen(petitie: Petitie, aantal: int, bsns: Iterator[str], *, inwoner: bool = False) -> None:
    for _ in range(aantal):
        services.ondertekenen_met_digid(petitie=petitie, bsn=next(bsns), inwoner_verklaard=inwoner)


def _indienen(soort: str, titel: str, tekst: str, naam: str, tot: dt.date, organisatie: str = "") -> Petitie:
    return services.petitie_indienen(
        soort=soort,
        titel=titel,
        tekst=tekst,
        initiatiefnemer_naam=naam,
        initiatiefnemer_email=f"{naam.split()[-1].lower()}@example.org",
        organisatie=organisatie,
        ondertekenen_tot=tot,
    )


def _afhandelen(door: AbstractBaseUser, bsns: Iterator[str]) -> None:
    vandaag = timezone.localdate()
    petitie = _indienen(
        Petitie.Soort.PETITIE,
        AFGEHANDELD,
        "Wij vragen de raad om langs de wandelroutes in het Balijbos elke 500 meter een bankje te laten "
        "plaatsen, zodat ook oudere inwoners er kunnen wandelen.",
        "Anne de Wit",
        vandaag + dt.timedelta(days=30),
        organisatie="Wandelvereniging De Tweede Adem",
    )
    services.petitie_openen(petitie=petitie, door=door)
    _ondertekenen(petitie, 12, bsns)
    services.petitie_sluiten(petitie=petitie, door=door)
    vergaderingen = selectors.vergaderingen_om_aan_te_bieden()
    services.petitie_aanbieden(
        petitie=petitie,
        aangeboden_op=vandaag,
        vergadering_id=vergaderingen[0].pk if vergaderingen else None,
        door=door,
    )
    services.petitie_afhandelen(
        petitie=petitie,
        antwoord="De raad heeft het college gevraagd in het voorjaar twintig bankjes te plaatsen; "
        "het college heeft dat toegezegd.",
        afgehandeld_op=vandaag,
        door=door,
    )


def laden(uitvoer: OutputWrapper) -> None:
    if Petitie.objects.filter(titel=OPEN).exists():
        return
    door = medewerkers_met_rol(Rol.GRIFFIE).first()
    if door is None:
        uitvoer.write("Petities overgeslagen: er is geen griffie-account om de gegevens vast te leggen.")
        return
    vandaag = timezone.localdate()
    bsns = _test_bsns()
    petitie = _indienen(
        Petitie.Soort.PETITIE,
        OPEN,
        "Wij vragen de raad om bij de basisschool aan de Oostlaan een zebrapad en een verkeersdrempel aan te "
        "leggen. Elke ochtend steken daar honderden kinderen over.",
        "Kees Jansen",
        vandaag + dt.timedelta(days=60),
    )
    services.petitie_openen(petitie=petitie, door=door)
    _ondertekenen(petitie, 23, bsns)
    _afhandelen(door, bsns)
    initiatief = _indienen(
        Petitie.Soort.BURGERINITIATIEF,
        BURGERINITIATIEF,
        "Wij stellen de raad voor om in het park aan de rand van Nootdorp een omheind gebied aan te "
        "wijzen waar honden los mogen lopen.",
        "Mila Bakker",
        vandaag + dt.timedelta(days=90),
    )
    services.petitie_openen(petitie=initiatief, drempel=25, door=door)
    _ondertekenen(initiatief, 31, bsns, inwoner=True)
    services.petitie_sluiten(petitie=initiatief, door=door)
    uitvoer.write(
        "Petities: 1 open (23 ondertekeningen), 1 afgehandeld, 1 burgerinitiatief wacht op ontvankelijkheid"
    )
