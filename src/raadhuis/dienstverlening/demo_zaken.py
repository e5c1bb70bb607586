"""Generated cases for the demo and the benchmarks: a year of requests across products, channels
and statuses, written in bulk.

The case services (services/zaken.py) create one case at a time with its checks, log entry and
e-mail; that is the path every user takes and the tests cover. Demo and bench data need thousands
to a million cases in seconds to minutes, so this writes the same rows directly, keeping the
repeated columns (status, behandelaar, initiator) in step with the history and roles exactly as
the services do, and numbers from the same per-year sequence.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from raadhuis.accounts.models import Medewerker
from raadhuis.dienstverlening.models import (
    Betrokkene,
    Kanaal,
    Product,
    Resultaattype,
    Rol,
    RolGeneriek,
    Roltype,
    Statustype,
    Zaak,
    Zaaknummerreeks,
    Zaakstatus,
    Zaaktype,
)
from raadhuis.dienstverlening.services.zaken import geplande_data

# Share of requests per channel: digital first (the seed's "digitaal waar het kan").
KANALEN: tuple[str, ...] = (Kanaal.DIGITAAL, Kanaal.BALIE, Kanaal.TELEFOON, Kanaal.SCHRIFTELIJK)
KANAALGEWICHTEN = (0.68, 0.2, 0.08, 0.04)
VOORNAMEN = (
    "Anna",
    "Bram",
    "Carla",
    "Daan",
    "Emma",
    "Fatima",
    "Gijs",
    "Hanna",
    "Ismail",
    "Julia",
    "Kees",
    "Lotte",
)
ACHTERNAMEN = (
    "de Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "Yilmaz",
    "Bos",
)


def bsn_reeks(start: int = 10_000_000) -> Iterator[str]:
    """Valid BSNs (elfproef) counted up from `start` (8 digits): generated test numbers, not people."""
    basis = start
    while True:
        cijfers = f"{basis:08d}"
        som = sum(int(c) * (9 - i) for i, c in enumerate(cijfers))
        controle = som % 11
        if controle < 10:
            yield cijfers + str(controle)
        basis += 1


@dataclass(frozen=True)
class _Type:
    zaaktype: Zaaktype
    product: Product
    statustypen: tuple[Statustype, ...]
    resultaattypen: tuple[Resultaattype, ...]
    initiator: Roltype
    behandelaar: Roltype


def _typen() -> list[_Type]:
    typen = []
    for product in Product.objects.filter(zaaktype__isnull=False).select_related("zaaktype"):
        zaaktype = product.zaaktype
        if zaaktype is None:
            continue
        rollen = {rol.omschrijving_generiek: rol for rol in zaaktype.roltypen.all()}
        typen.append(
            _Type(
                zaaktype=zaaktype,
                product=product,
                statustypen=tuple(zaaktype.statustypen.order_by("volgnummer")),
                resultaattypen=tuple(zaaktype.resultaattypen.all()),
                initiator=rollen[RolGeneriek.INITIATOR],
                behandelaar=rollen[RolGeneriek.BEHANDELAAR],
            )
        )
    return typen


Plannen = dict[tuple[int, date], tuple[date, date]]


def _data(plannen: Plannen, zaaktype: Zaaktype, start: date) -> tuple[date, date]:
    """At most one computation per zaaktype and day: a year of data needs a few thousand."""
    sleutel = (zaaktype.pk, start)
    if sleutel not in plannen:
        plannen[sleutel] = geplande_data(zaaktype, start)
    return plannen[sleutel]


def _tijdstip(dag: date, rng: random.Random) -> datetime:
    return timezone.make_aware(datetime.combine(dag, time(8 + rng.randrange(10), rng.randrange(60))))


def zaken_genereren(
    aantal: int,
    *,
    vandaag: date | None = None,
    behandelaars: Sequence[Medewerker] = (),
    bsns: Sequence[str] = (),
    zaken_per_bsn: dict[str, int] | None = None,
    seed: int = 2026,
    batch: int = 5000,
    voortgang: bool = False,
) -> int:
    """Writes `aantal` cases registered over the year before `vandaag`, oldest first. Older cases are
    mostly closed (about one in ten after the planned date); open ones sit in a status along the
    way, most assigned to one of `behandelaars`. Initiators are drawn from `bsns` (or generated);
    `zaken_per_bsn` gives some residents a fixed number of cases (the demo resident, the bench's
    resident with 50). Returns the number written."""
    typen = _typen()
    if not typen:
        return 0
    rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not a secret
    vandaag = vandaag or timezone.localdate()
    vaste = [bsn for bsn, n in (zaken_per_bsn or {}).items() for _ in range(n)]
    data = sorted(vandaag - timedelta(days=rng.randrange(365)) for _ in range(aantal))
    gegenereerde_bsns = bsn_reeks(10_000_000 + rng.randrange(50_000_000))
    pool = list(bsns) or [next(gegenereerde_bsns) for _ in range(max(1, aantal // 3))]
    plannen: Plannen = {}
    geschreven = 0
    for begin in range(0, aantal, batch):
        with transaction.atomic():
            zaken, soorten, historie = [], [], []
            for index in range(begin, min(aantal, begin + batch)):
                soort = rng.choice(typen)
                bsn = vaste[index] if index < len(vaste) else rng.choice(pool)
                kanaal = rng.choices(KANALEN, KANAALGEWICHTEN)[0]
                zaak, statussen = _zaak(soort, plannen, data[index], vandaag, rng, behandelaars, bsn, kanaal)
                zaken.append(zaak)
                soorten.append(soort)
                historie.append(statussen)
            _nummeren(zaken)
            Zaak.objects.bulk_create(zaken, batch_size=1000)
            Zaakstatus.objects.bulk_create(
                (
                    Zaakstatus(
                        zaak=zaak,
                        statustype=statustype,
                        datum_status_gezet=moment,
                        gezet_door=zaak.behandelaar,
                    )
                    for zaak, statussen in zip(zaken, historie, strict=True)
                    for statustype, moment in statussen
                ),
                batch_size=2000,
            )
            Rol.objects.bulk_create(
                (
                    rol
                    for zaak, soort in zip(zaken, soorten, strict=True)
                    for rol in _rollen(zaak, soort, rng)
                ),
                batch_size=2000,
            )
        geschreven += len(zaken)
        if voortgang:
            print(f"  {geschreven:,} zaken", flush=True)
    return geschreven


def _zaak(
    soort: _Type,
    plannen: Plannen,
    start: date,
    vandaag: date,
    rng: random.Random,
    behandelaars: Sequence[Medewerker],
    bsn: str,
    kanaal: str,
) -> tuple[Zaak, list[tuple[Statustype, datetime]]]:
    gepland, uiterlijk = _data(plannen, soort.zaaktype, start)
    verplicht = [s for s in soort.statustypen if not s.optioneel or rng.random() < 0.2]
    # Most cases past their planned date are closed (some run late); of the recent ones, some already.
    gesloten = rng.random() < (0.93 if gepland < vandaag else 0.25)
    stappen = (
        len(verplicht) if gesloten else max(1, min(len(verplicht) - 1, 1 + rng.randrange(len(verplicht))))
    )
    einddatum = None
    resultaat = None
    laatste_dag = vandaag
    if gesloten:
        # About one in ten closes after the planned date; the rest within it.
        if rng.random() < 0.1:
            einddatum = gepland + timedelta(days=rng.randrange(1, 10))
        else:
            einddatum = start + timedelta(days=rng.randrange(max(1, (gepland - start).days + 1)))
        einddatum = laatste_dag = min(max(einddatum, start), vandaag)
        resultaat = soort.resultaattypen[0] if rng.random() < 0.9 else rng.choice(soort.resultaattypen)
    dagen = [start + timedelta(days=rng.randrange((laatste_dag - start).days + 1)) for _ in range(stappen)]
    dagen[0] = start
    if gesloten:
        dagen[-1] = laatste_dag
    tijdstippen = sorted(_tijdstip(dag, rng) for dag in dagen)
    momenten = list(zip(verplicht[:stappen], tijdstippen, strict=True))
    behandelaar = rng.choice(behandelaars) if behandelaars and (gesloten or rng.random() < 0.7) else None
    if len(momenten) == 1 and not gesloten and rng.random() < 0.5:
        behandelaar = None
    statustype, gezet = momenten[-1]
    zaak = Zaak(
        zaaktype=soort.zaaktype,
        product=soort.product,
        omschrijving=soort.product.naam,
        registratiedatum=start,
        startdatum=start,
        einddatum_gepland=gepland,
        uiterlijke_einddatum_afdoening=uiterlijk,
        einddatum=einddatum,
        kanaal=kanaal,
        vertrouwelijkheid=soort.zaaktype.vertrouwelijkheid,
        statustype=statustype,
        status_gezet_op=gezet,
        resultaattype=resultaat,
        team_id=soort.zaaktype.team_id,
        behandelaar=behandelaar,
        initiator_bsn=bsn,
        gegevens={"gegenereerd": True},
    )
    return zaak, momenten


def _rollen(zaak: Zaak, soort: _Type, rng: random.Random) -> list[Rol]:
    naam = f"{rng.choice(VOORNAMEN)} {rng.choice(ACHTERNAMEN)}"
    rollen = [
        Rol(
            zaak=zaak,
            roltype=soort.initiator,
            betrokkene_type=Betrokkene.NATUURLIJK_PERSOON,
            bsn=zaak.initiator_bsn,
            naam=naam,
            emailadres=f"{naam.lower().replace(' ', '.')}@example.org",
        )
    ]
    if zaak.behandelaar is not None:
        rollen.append(
            Rol(
                zaak=zaak,
                roltype=soort.behandelaar,
                betrokkene_type=Betrokkene.MEDEWERKER,
                medewerker=zaak.behandelaar,
                naam=zaak.behandelaar.get_full_name() or zaak.behandelaar.get_username(),
            )
        )
    return rollen


def _nummeren(zaken: list[Zaak]) -> None:
    """Numbers from the per-year sequence, under its row lock, in date order (like zaak_aanmaken)."""
    per_jaar: dict[int, list[Zaak]] = {}
    for zaak in zaken:
        per_jaar.setdefault(zaak.registratiedatum.year, []).append(zaak)
    for jaar, lijst in per_jaar.items():
        Zaaknummerreeks.objects.bulk_create([Zaaknummerreeks(jaar=jaar)], ignore_conflicts=True)
        reeks = Zaaknummerreeks.objects.select_for_update().get(jaar=jaar)
        for zaak in lijst:
            reeks.laatste += 1
            zaak.jaar = jaar
            zaak.volgnummer = reeks.laatste
            zaak.identificatie = f"ZAAK-{jaar}-{reeks.laatste:06d}"
        reeks.save(update_fields=["laatste"])


def laatste_registratie() -> date | None:
    laatste: date | None = Zaak.objects.aggregate(laatste=Max("registratiedatum"))["laatste"]
    return laatste
