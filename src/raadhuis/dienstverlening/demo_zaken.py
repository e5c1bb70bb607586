"""Generated cases for the demo and the benchmarks: a year of requests across products, channels
and statuses, written in bulk.

The case services (services/zaken.py) create one case at a time with its checks, log entry and
e-mail; that is the path every user takes and the tests cover. Demo and bench data need thousands
to a million cases in seconds to minutes, so this writes the same rows directly, keeping the
repeated columns (status, behandelaar, initiator) in step with the history and roles exactly as
the services do, and numbers from the same per-year sequence.
"""

from __future__ import annotations

import math
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
from raadhuis.dienstverlening.services.zaken import geplande_data, statuspad_verlengen

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


# The office's working clock: 08:30 to 17:00 on weekdays (holidays are left out of demo data).
OPENING = 8 * 60 + 30
WERKDAG_MINUTEN = 8 * 60 + 30
_MAANDAG = date(2000, 1, 3)

# The deliberate bottleneck the workflow analysis should find first: the address check of a move
# (BRP, Wet BRP art. 2.39 and the Landelijke Aanpak Adreskwaliteit) is needed in about 40 % of the
# moves and takes about three times its norm of 5 working days.
KNELPUNT_ZAAKTYPE = "verhuizing"
KNELPUNT_STATUS = "Adresonderzoek"
KNELPUNT_KANS = 0.4
KNELPUNT_WERKDAGEN = 15.0
OPTIONEEL_KANS = 0.15
HERSTEL_KANS = 0.05  # a case goes back to an earlier status once (rework)
BLIJFT_HANGEN_KANS = 0.03  # a case stays open in a status along the way
HERSTELREDENEN = (
    "Gegevens bleken onvolledig; opnieuw beoordelen.",
    "Nieuw document van de aanvrager ontvangen; controle opnieuw.",
    "Fout bij de verwerking hersteld; stap opnieuw uitgevoerd.",
    "Aanvrager heeft de aanvraag aangepast.",
)


def werkminuut(moment: datetime) -> int:
    """Working minutes since a Monday in 2000 at the first opening moment at or after `moment`
    (naive local time)."""
    week, dag = divmod((moment.date() - _MAANDAG).days, 7)
    if dag >= 5:
        return (week * 5 + 5) * WERKDAG_MINUTEN
    minuut = min(max(moment.hour * 60 + moment.minute - OPENING, 0), WERKDAG_MINUTEN)
    return (week * 5 + dag) * WERKDAG_MINUTEN + minuut


def werkmoment(minuten: int) -> datetime:
    """The naive local moment of a count of working minutes (the inverse of `werkminuut`)."""
    werkdag, minuut = divmod(minuten, WERKDAG_MINUTEN)
    week, dag = divmod(werkdag, 5)
    return datetime.combine(_MAANDAG + timedelta(days=week * 7 + dag), time()) + timedelta(
        minutes=OPENING + minuut
    )


def _duur(statustype: Statustype, knelpunt: bool, rng: random.Random) -> int:
    """Working minutes spent in a status: around its norm (median half of it, about one in six
    above it), the bottleneck far above; statuses without a norm wait on the applicant a few days."""
    if knelpunt:
        werkdagen = rng.lognormvariate(math.log(KNELPUNT_WERKDAGEN), 0.35)
    elif statustype.doorlooptijd_werkdagen:
        werkdagen = rng.lognormvariate(math.log(0.5 * statustype.doorlooptijd_werkdagen), 0.7)
    elif statustype.optioneel:
        werkdagen = rng.lognormvariate(math.log(4), 0.6)
    else:
        werkdagen = rng.lognormvariate(math.log(2), 0.7)
    return max(1, round(werkdagen * WERKDAG_MINUTEN))


def _registratiemoment(dag: date, kanaal: str, rng: random.Random) -> datetime:
    """Online requests come in from early to late, the assisted channels in office hours."""
    if kanaal == Kanaal.DIGITAAL:
        minuut = 7 * 60 + rng.randrange(16 * 60)
    else:
        minuut = OPENING + rng.randrange(WERKDAG_MINUTEN)
    return datetime.combine(dag, time()) + timedelta(minutes=minuut)


def _pad(soort: _Type, rng: random.Random) -> tuple[list[Statustype], int | None]:
    """The statuses a case walks: the required ones with some optional ones, and at most one step
    back (rework). Returns the walk and the index of the step back, if any."""
    knelpunt = soort.zaaktype.identificatie == KNELPUNT_ZAAKTYPE
    pad = [
        s
        for s in soort.statustypen
        if not s.optioneel
        or rng.random()
        < (KNELPUNT_KANS if knelpunt and s.omschrijving == KNELPUNT_STATUS else OPTIONEEL_KANS)
    ]
    if len(pad) > 2 and rng.random() < HERSTEL_KANS:
        # From a status along the way back to an earlier one (mostly the one before), then on again.
        van = 1 + rng.randrange(len(pad) - 2)
        naar = van - 1 if rng.random() < 0.7 else rng.randrange(van)
        return pad[: van + 1] + pad[naar:], van + 1
    return pad, None


Stap = tuple[Statustype, datetime, str]


def _zaak(
    soort: _Type,
    plannen: Plannen,
    start: date,
    grens: datetime,
    rng: random.Random,
    behandelaars: Sequence[Medewerker],
    bsn: str,
    kanaal: str,
) -> tuple[Zaak, list[Stap]]:
    """One case walked status by status on the working clock, up to `grens` (now): what lies past
    it has not happened yet, so the case is open in the status it reached."""
    gepland, uiterlijk = _data(plannen, soort.zaaktype, start)
    pad, terug = _pad(soort, rng)
    eerste = _registratiemoment(start, kanaal, rng)
    if eerste > grens:
        eerste = max(datetime.combine(start, time()), grens - timedelta(minutes=1 + rng.randrange(120)))
    stappen: list[Stap] = [(pad[0], eerste, "")]
    klok = werkminuut(eerste)
    stoppen = len(pad)
    if rng.random() < BLIJFT_HANGEN_KANS and len(pad) > 1:
        stoppen = 1 + rng.randrange(len(pad) - 1)
    for index in range(1, stoppen):
        vorige = pad[index - 1]
        bottleneck = (
            soort.zaaktype.identificatie == KNELPUNT_ZAAKTYPE and vorige.omschrijving == KNELPUNT_STATUS
        )
        klok += _duur(vorige, bottleneck, rng)
        moment = werkmoment(klok)
        if moment > grens:
            break
        stappen.append((pad[index], moment, rng.choice(HERSTELREDENEN) if index == terug else ""))
    statustype, gezet, _reden = stappen[-1]
    gesloten = statustype.is_eindstatus
    behandelaar = rng.choice(behandelaars) if behandelaars and (gesloten or rng.random() < 0.7) else None
    if len(stappen) == 1 and not gesloten and rng.random() < 0.5:
        behandelaar = None
    resultaat = None
    if gesloten:
        resultaat = soort.resultaattypen[0] if rng.random() < 0.9 else rng.choice(soort.resultaattypen)
    zaak = Zaak(
        zaaktype=soort.zaaktype,
        product=soort.product,
        omschrijving=soort.product.naam,
        registratiedatum=start,
        startdatum=start,
        einddatum_gepland=gepland,
        uiterlijke_einddatum_afdoening=uiterlijk,
        einddatum=gezet.date() if gesloten else None,
        kanaal=kanaal,
        vertrouwelijkheid=soort.zaaktype.vertrouwelijkheid,
        statustype=statustype,
        status_gezet_op=timezone.make_aware(gezet),
        resultaattype=resultaat,
        team_id=soort.zaaktype.team_id,
        behandelaar=behandelaar,
        initiator_bsn=bsn,
        statuspad="",
        gegevens={"gegenereerd": True},
    )
    for stap in stappen:
        zaak.statuspad = statuspad_verlengen(zaak.statuspad, stap[0].volgnummer)
    return zaak, stappen


def _historie(zaak: Zaak, stappen: list[Stap]) -> Iterator[Zaakstatus]:
    """The history as status_zetten records it: each entry with its predecessor and the seconds
    spent there."""
    vorige: tuple[Statustype, datetime] | None = None
    for statustype, lokaal, reden in stappen:
        moment = timezone.make_aware(lokaal)
        yield Zaakstatus(
            zaak=zaak,
            statustype=statustype,
            datum_status_gezet=moment,
            gezet_door=zaak.behandelaar,
            toelichting=reden,
            vorige_statustype=vorige[0] if vorige else None,
            # Elapsed time, across a change to or from summer time too.
            seconden_sinds_vorige=max(0, int(moment.timestamp() - vorige[1].timestamp())) if vorige else None,
        )
        vorige = (statustype, moment)


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
    """Writes `aantal` cases registered over the year before `vandaag`, oldest first, each walked
    through its statuses on the working clock (see `_zaak`) up to now: older cases are mostly
    closed, recent ones open in a status along the way, most assigned to one of `behandelaars`.
    The history carries the predecessor and the time spent, the case its status path, as
    status_zetten records them. Initiators are drawn from `bsns` (or generated); `zaken_per_bsn`
    gives some residents a fixed number of cases (the demo resident, the bench's resident with 50).
    Returns the number written."""
    typen = _typen()
    if not typen:
        return 0
    rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not a secret
    nu = timezone.localtime().replace(tzinfo=None)
    vandaag = vandaag or nu.date()
    grens = min(nu, datetime.combine(vandaag, time(23, 59)))
    vaste = [bsn for bsn, n in (zaken_per_bsn or {}).items() for _ in range(n)]
    data = sorted(_meestal_werkdag(vandaag - timedelta(days=rng.randrange(365)), rng) for _ in range(aantal))
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
                dag = data[index]
                # At the weekend only the website is open.
                kanaal = Kanaal.DIGITAAL if dag.weekday() >= 5 else rng.choices(KANALEN, KANAALGEWICHTEN)[0]
                zaak, stappen = _zaak(soort, plannen, dag, grens, rng, behandelaars, bsn, kanaal)
                zaken.append(zaak)
                soorten.append(soort)
                historie.append(stappen)
            _nummeren(zaken)
            Zaak.objects.bulk_create(zaken, batch_size=1000)
            Zaakstatus.objects.bulk_create(
                (
                    status
                    for zaak, stappen in zip(zaken, historie, strict=True)
                    for status in _historie(zaak, stappen)
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


def _meestal_werkdag(dag: date, rng: random.Random) -> date:
    """Four in five weekend requests move to the Friday before: few people apply at the weekend."""
    if dag.weekday() >= 5 and rng.random() < 0.8:
        return dag - timedelta(days=dag.weekday() - 4)
    return dag


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
                naam=zaak.behandelaar.weergavenaam,
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
