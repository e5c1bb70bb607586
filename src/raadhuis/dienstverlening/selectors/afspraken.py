"""Reads for desk appointments and ceremonies: free start times, days with room, the day's agenda
of a location, an appointment by its management code, and the free ceremony moments."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from raadhuis.accounts.models import Medewerker
from raadhuis.core.logboek import leest_persoonsgegevens
from raadhuis.core.termijnen import is_feestdag
from raadhuis.dienstverlening.models import (
    Afspraak,
    Afspraaktype,
    Babs,
    Ceremonie,
    Ceremoniestatus,
    Locatie,
    Sluitingsdag,
    Tijdslot,
    Trouwlocatie,
)
from raadhuis.dienstverlening.services.afspraken import (
    CEREMONIE_MAXIMAAL_DAGEN,
    CEREMONIE_MINIMAAL,
    beheercode_hash,
)


def _grenzen(van: date, tot: date) -> tuple[datetime, datetime]:
    """[start of `van`, start of the day after `tot`) in local time."""
    return (
        timezone.make_aware(datetime.combine(van, time.min)),
        timezone.make_aware(datetime.combine(tot + timedelta(days=1), time.min)),
    )


def online_afspraaktypen() -> QuerySet[Afspraaktype]:
    return Afspraaktype.objects.filter(actief=True, online_boekbaar=True).select_related("product")


def actieve_afspraaktypen() -> QuerySet[Afspraaktype]:
    return Afspraaktype.objects.filter(actief=True)


def afspraaktype_met_slug(slug: str, *, alleen_online: bool = True) -> Afspraaktype | None:
    typen = online_afspraaktypen() if alleen_online else actieve_afspraaktypen()
    return typen.filter(slug=slug).first()


def locaties_voor(afspraaktype: Afspraaktype) -> QuerySet[Locatie]:
    return afspraaktype.locaties.filter(actief=True).order_by("naam")


def actieve_locaties() -> QuerySet[Locatie]:
    return Locatie.objects.filter(actief=True)


def locatie_met_slug(slug: str) -> Locatie | None:
    return Locatie.objects.filter(slug=slug, actief=True).first()


def _vrije_starts(
    sloten: list[tuple[datetime, int, int]], *, stap: timedelta, aantal: int, na: datetime
) -> list[datetime]:
    """Starts where `aantal` consecutive slots (each `stap` after the previous) all have room."""
    vrij = {start for start, capaciteit, bezet in sloten if bezet < capaciteit}
    return [
        start
        for start, _c, _b in sloten
        if start > na and all(start + stap * i in vrij for i in range(aantal))
    ]


def _sloten(locatie: Locatie, van: date, tot: date) -> list[tuple[datetime, int, int]]:
    begin, eind = _grenzen(van, tot)
    return list(
        Tijdslot.objects.filter(locatie=locatie, start__gte=begin, start__lt=eind)
        .order_by("start")
        .values_list("start", "capaciteit", "bezet")
    )


def _aantal_sloten(afspraaktype: Afspraaktype, locatie: Locatie) -> int:
    return -(-afspraaktype.duur_minuten // locatie.tijdvak_minuten)


def beschikbare_tijden(*, afspraaktype: Afspraaktype, locatie: Locatie, dag: date) -> list[datetime]:
    """The start times on `dag` where every slot the type covers has a free place."""
    return _vrije_starts(
        _sloten(locatie, dag, dag),
        stap=timedelta(minutes=locatie.tijdvak_minuten),
        aantal=_aantal_sloten(afspraaktype, locatie),
        na=timezone.now(),
    )


def dagen_met_ruimte(
    *, afspraaktype: Afspraaktype, locatie: Locatie, van: date, tot: date
) -> dict[date, int]:
    """Days from `van` to `tot` with at least one free start time, with the number of free times."""
    stap = timedelta(minutes=locatie.tijdvak_minuten)
    aantal = _aantal_sloten(afspraaktype, locatie)
    nu = timezone.now()
    per_dag: dict[date, list[tuple[datetime, int, int]]] = {}
    for slot in _sloten(locatie, van, tot):
        per_dag.setdefault(timezone.localdate(slot[0]), []).append(slot)
    dagen = {}
    for dag, sloten in sorted(per_dag.items()):
        vrij = len(_vrije_starts(sloten, stap=stap, aantal=aantal, na=nu))
        if vrij:
            dagen[dag] = vrij
    return dagen


def eerstvolgende_dagen(
    *, afspraaktype: Afspraaktype, locatie: Locatie, aantal: int = 5, weken: int = 6
) -> list[date]:
    vandaag = timezone.localdate()
    dagen = dagen_met_ruimte(
        afspraaktype=afspraaktype, locatie=locatie, van=vandaag, tot=vandaag + timedelta(weeks=weken)
    )
    return list(dagen)[:aantal]


@dataclass(frozen=True)
class Dagagenda:
    locatie: Locatie
    dag: date
    balies: int
    afspraken: list[Afspraak]
    plaatsen: int
    bezet: int


def dagagenda(*, locatie: Locatie, dag: date) -> Dagagenda:
    """The appointments of a location's day for the Werkplek (cancelled ones included, last), with
    the desk count and how full the day's slots are."""
    begin, eind = _grenzen(dag, dag)
    afspraken = list(
        Afspraak.objects.filter(locatie=locatie, start__gte=begin, start__lt=eind)
        .select_related("afspraaktype")
        .order_by("start", "id")
    )
    sloten = _sloten(locatie, dag, dag)
    return Dagagenda(
        locatie=locatie,
        dag=dag,
        balies=locatie.balies.filter(actief=True).count(),
        afspraken=afspraken,
        plaatsen=sum(capaciteit for _s, capaciteit, _b in sloten),
        bezet=sum(bezet for _s, _c, bezet in sloten),
    )


def afspraak_met_beheercode(beheercode: str) -> Afspraak | None:
    """The appointment whose management link carries this code (looked up by its SHA-256)."""
    if not beheercode or len(beheercode) > 100:
        return None
    return (
        Afspraak.objects.select_related("locatie", "afspraaktype")
        .filter(beheercode_hash=beheercode_hash(beheercode))
        .first()
    )


def afspraak_met_id(pk: int) -> Afspraak | None:
    return Afspraak.objects.select_related("locatie", "afspraaktype").filter(pk=pk).first()


# -- Ceremonies ------------------------------------------------------------------------------------


def trouwlocaties() -> QuerySet[Trouwlocatie]:
    """Active wedding locations with their weekly moments, the free variant marked by `gratis`."""
    return Trouwlocatie.objects.filter(actief=True).prefetch_related("momenten").order_by("gratis", "naam")


def vrije_ceremoniemomenten(*, trouwlocatie: Trouwlocatie, van: date, tot: date) -> list[datetime]:
    """The location's moments from `van` to `tot` (inclusive) that are free and within the notice
    window of BW 1 art. 44 (at least 2 weeks, at most 1 year ahead); no public holidays."""
    vandaag = timezone.localdate()
    van = max(van, vandaag + CEREMONIE_MINIMAAL)
    tot = min(tot, vandaag + timedelta(days=CEREMONIE_MAXIMAAL_DAGEN))
    if van > tot:
        return []
    per_weekdag: dict[int, list[time]] = {}
    for moment in trouwlocatie.momenten.all():
        per_weekdag.setdefault(moment.weekdag, []).append(moment.tijd)
    begin, eind = _grenzen(van, tot)
    bezet = set(
        Ceremonie.objects.filter(trouwlocatie=trouwlocatie, start__gte=begin, start__lt=eind)
        .exclude(status=Ceremoniestatus.GEANNULEERD)
        .values_list("start", flat=True)
    )
    vrij = []
    dag = van
    while dag <= tot:
        if not is_feestdag(dag):
            for tijd in sorted(per_weekdag.get(dag.weekday(), [])):
                start = timezone.make_aware(datetime.combine(dag, tijd))
                if start not in bezet:
                    vrij.append(start)
        dag += timedelta(days=1)
    return vrij


def ceremonies(*, van: date, tot: date) -> QuerySet[Ceremonie]:
    begin, eind = _grenzen(van, tot)
    return (
        Ceremonie.objects.filter(start__gte=begin, start__lt=eind)
        .select_related("trouwlocatie", "babs", "zaak")
        .order_by("start", "id")
    )


# -- Set-up (the Werkplek's inrichting pages) ------------------------------------------------------


def locaties_inrichting() -> QuerySet[Locatie]:
    """All locations, inactive ones too, with their desks, weekly hours and closing days from today."""
    return Locatie.objects.prefetch_related(
        "balies",
        "openingstijden",
        Prefetch(
            "sluitingsdagen",
            queryset=Sluitingsdag.objects.filter(datum__gte=timezone.localdate()).order_by("datum"),
            to_attr="komende_sluitingsdagen",
        ),
    ).order_by("naam")


def afspraaktypen_inrichting() -> QuerySet[Afspraaktype]:
    """All appointment types, inactive ones too, with product and locations."""
    return Afspraaktype.objects.select_related("product").prefetch_related("locaties").order_by("naam")


def trouwlocaties_inrichting() -> QuerySet[Trouwlocatie]:
    return Trouwlocatie.objects.prefetch_related("momenten").order_by("naam")


def babs_inrichting() -> QuerySet[Babs]:
    return Babs.objects.order_by("-actief", "naam")


def _ceremonie_betrokkenen(lijst: list[Ceremonie]) -> list[tuple[str, str]]:
    return [
        ("BSN", ceremonie.zaak.initiator_bsn)
        for ceremonie in lijst
        if ceremonie.zaak is not None and ceremonie.zaak.initiator_bsn
    ]


@leest_persoonsgegevens(
    naam="ceremonies.inzien", activiteit="afspraak-maken", betrokkenen=_ceremonie_betrokkenen
)
def komende_ceremonies(*, door: Medewerker, weken: int = 8) -> list[Ceremonie]:
    """Reserved and confirmed ceremonies from today for the coming `weken` weeks, with the partners'
    names: the read is logged for the case's initiator."""
    vandaag = timezone.localdate()
    return list(
        ceremonies(van=vandaag, tot=vandaag + timedelta(weeks=weken)).exclude(
            status=Ceremoniestatus.GEANNULEERD
        )
    )
