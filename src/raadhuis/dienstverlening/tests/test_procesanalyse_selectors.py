"""The workflow analysis on a hand-made event log: counts, medians and p90s per transition, time in
status against the norm (knelpunten), variants, rework and deviations, the cross-zaaktype overview
and the event log stream. Every figure below is computed by hand in the comments."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import pytest
from django.utils import timezone

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.dienstverlening.models import Kanaal, Statustype, Zaak, Zaakstatus, Zaaktype
from raadhuis.dienstverlening.periode import Periode
from raadhuis.dienstverlening.selectors.procesanalyse import (
    SYSTEEM,
    UREN_PER_WERKDAG,
    Procesanalyse,
    Uurverdeling,
    afwijking_van_ontwerp,
    gebeurtenissen,
    heeft_herhaling,
    knelpunten_overzicht,
    pad_lezen,
    procesanalyse,
    pseudoniem,
)
from raadhuis.dienstverlening.tests import factories

pytestmark = pytest.mark.django_db

MAART = Periode.maand(2026, 3)
START = timezone.make_aware(dt.datetime(2026, 3, 2, 9, 0))  # noqa: DTZ001 - local time, made aware
UUR = dt.timedelta(hours=1)

# (volgnummer, omschrijving, norm in werkdagen, optioneel)
STATUSSEN = (
    (1, "Ontvangen", 1, False),
    (2, "Beoordelen", 1, False),
    (3, "Aanvulling", None, True),
    (4, "Besluit", 1, False),
    (5, "Afgehandeld", None, False),
)


def proces(identificatie: str = "testproces", statussen: Sequence[Any] = STATUSSEN) -> Zaaktype:
    zaaktype = Zaaktype.objects.create(
        identificatie=identificatie,
        omschrijving=identificatie.capitalize(),
        doorlooptijd_aantal=8,
        doorlooptijd_eenheid="weken",
    )
    for volgnummer, omschrijving, norm, optioneel in statussen:
        Statustype.objects.create(
            zaaktype=zaaktype,
            volgnummer=volgnummer,
            omschrijving=omschrijving,
            doorlooptijd_werkdagen=norm,
            optioneel=optioneel,
            is_eindstatus=volgnummer == len(statussen),
        )
    return zaaktype


_nummer = iter(range(1, 100_000))


def zaak_met_pad(
    zaaktype: Zaaktype,
    stappen: Sequence[tuple[int, dt.timedelta]],
    *,
    begin: dt.datetime = START,
    door: Medewerker | None = None,
) -> Zaak:
    """A case with a status history as written by status_zetten: each step is (volgnummer, time
    spent in the status before it); the first step's time is ignored."""
    per_nummer = {s.volgnummer: s for s in zaaktype.statustypen.all()}
    volgnummer = next(_nummer)
    moment = begin
    zaak = Zaak.objects.create(
        identificatie=f"ZAAK-{begin.year}-{volgnummer:06d}",
        jaar=begin.year,
        volgnummer=volgnummer,
        zaaktype=zaaktype,
        omschrijving="Testzaak",
        registratiedatum=timezone.localdate(begin),
        startdatum=timezone.localdate(begin),
        einddatum_gepland=timezone.localdate(begin) + dt.timedelta(days=56),
        uiterlijke_einddatum_afdoening=timezone.localdate(begin) + dt.timedelta(days=56),
        kanaal=Kanaal.DIGITAAL,
        statustype=per_nummer[stappen[0][0]],
        status_gezet_op=begin,
        statuspad="-".join(str(nummer) for nummer, _ in stappen),
    )
    vorige: Statustype | None = None
    for i, (nummer, duur) in enumerate(stappen):
        if i:
            moment += duur
        Zaakstatus.objects.create(
            zaak=zaak,
            statustype=per_nummer[nummer],
            datum_status_gezet=moment,
            gezet_door=door if i else None,
            vorige_statustype=vorige,
            seconden_sinds_vorige=int(duur.total_seconds()) if vorige else None,
        )
        vorige = per_nummer[nummer]
    Zaak.objects.filter(pk=zaak.pk).update(statustype=vorige, status_gezet_op=moment)
    return zaak


def handgemaakt_logboek(door: Medewerker | None = None) -> tuple[Zaaktype, dict[str, Zaak]]:
    """Five cases in March 2026, one in April (outside the period) and one of another zaaktype.

    A: 1 -(10h59m)- 2 -(40h)- 4 -(50h)- 5            forward, skips the optional 3
    B: 1 -(20h)- 2 -(50h)- 3 -(24h)- 2 -(30h)- 4 -(70h)- 5   rework: back to 2
    C: 1 -(30h)- 2 -(60h)- 4 -(60h)- 5
    D: 1 -(2h)- 4 -(100h)- 5                          skips the required 2
    E: 1                                              open
    """
    zaaktype = proces()
    zaken = {
        "A": zaak_met_pad(
            zaaktype,
            [(1, UUR * 0), (2, UUR * 10 + dt.timedelta(minutes=59)), (4, UUR * 40), (5, UUR * 50)],
            door=door,
        ),
        "B": zaak_met_pad(
            zaaktype,
            [(1, UUR * 0), (2, UUR * 20), (3, UUR * 50), (2, UUR * 24), (4, UUR * 30), (5, UUR * 70)],
            door=door,
        ),
        "C": zaak_met_pad(zaaktype, [(1, UUR * 0), (2, UUR * 30), (4, UUR * 60), (5, UUR * 60)], door=door),
        "D": zaak_met_pad(zaaktype, [(1, UUR * 0), (4, UUR * 2), (5, UUR * 100)], door=door),
        "E": zaak_met_pad(zaaktype, [(1, UUR * 0)], door=door),
    }
    zaak_met_pad(zaaktype, [(1, UUR * 0), (2, UUR * 500)], begin=START + dt.timedelta(days=31))
    ander = proces("anderproces")
    zaak_met_pad(ander, [(1, UUR * 0), (2, UUR * 600)])
    return zaaktype, zaken


def _knoop(analyse: Procesanalyse, omschrijving: str) -> Any:
    return next(k for k in analyse.knopen if k.statustype.omschrijving == omschrijving)


def _overgangen(analyse: Procesanalyse) -> dict[tuple[int, int], tuple[int, int | None, int | None]]:
    return {
        (o.van.volgnummer, o.naar.volgnummer): (o.aantal, o.mediaan_uren, o.p90_uren)
        for o in analyse.overgangen
    }


# --- percentiles on hour buckets ------------------------------------------------------------------


def test_mediaan_en_p90_volgen_de_nearest_rank_op_hele_uren() -> None:
    # given durations 1, 2, 3, 4 hours and nine of 10 hours plus one of 100
    # then the median is the 2nd of 4 (2 h), the p90 the 4th (4 h); the 9th of 10 is 10 h
    assert Uurverdeling({1: 1, 2: 1, 3: 1, 4: 1}, 0).mediaan == 2
    assert Uurverdeling({1: 1, 2: 1, 3: 1, 4: 1}, 0).p90 == 4
    assert Uurverdeling({10: 9, 100: 1}, 0).p90 == 10
    assert Uurverdeling({}, 0).mediaan is None


# --- the process map ------------------------------------------------------------------------------


def test_proceskaart_telt_overgangen_met_mediaan_en_p90() -> None:
    # given the hand-made log
    zaaktype, _ = handgemaakt_logboek()
    # when the map of March is read
    analyse = procesanalyse(zaaktype=zaaktype, periode=MAART)
    # then every edge has its count, median and p90 (nearest rank, floored hours):
    # 1→2: 10 (10h59m floored), 20, 30 → median 20, p90 30; 2→4: 40, 30, 60 → 40 / 60;
    # 4→5: 50, 70, 60, 100 → median the 2nd = 60, p90 the 4th = 100
    assert _overgangen(analyse) == {
        (1, 2): (3, 20, 30),
        (1, 4): (1, 2, 2),
        (2, 3): (1, 50, 50),
        (2, 4): (3, 40, 60),
        (3, 2): (1, 24, 24),
        (4, 5): (4, 60, 100),
    }
    terug = [(o.van.volgnummer, o.naar.volgnummer) for o in analyse.overgangen if o.terug]
    overgeslagen = [(o.van.volgnummer, o.naar.volgnummer) for o in analyse.overgangen if o.overgeslagen]
    assert terug == [(3, 2)]
    assert overgeslagen == [(1, 4), (2, 4)]  # 2→4 passes the optional Aanvulling


def test_knopen_tellen_binnenkomst_en_tijd_in_de_status() -> None:
    zaaktype, _ = handgemaakt_logboek()
    analyse = procesanalyse(zaaktype=zaaktype, periode=MAART)
    # then "Ontvangen" was entered 5 times, all as first status, and left 4 times: 2, 10, 20, 30 h
    ontvangen = _knoop(analyse, "Ontvangen")
    assert (ontvangen.aantal, ontvangen.gestart, ontvangen.vertrokken) == (5, 5, 4)
    assert ontvangen.mediaan_uren == 10
    # the exact total keeps the minutes: 2 + 10 59/60 + 20 + 30
    assert ontvangen.uren_totaal == pytest.approx(62 + 59 / 60)
    # "Beoordelen" entered 4 times (B twice), left 4 times: 30, 40, 50, 60 → median 40
    beoordelen = _knoop(analyse, "Beoordelen")
    assert (beoordelen.aantal, beoordelen.vertrokken, beoordelen.mediaan_uren, beoordelen.p90_uren) == (
        4,
        4,
        40,
        60,
    )
    afgehandeld = _knoop(analyse, "Afgehandeld")
    assert (afgehandeld.aantal, afgehandeld.vertrokken, afgehandeld.mediaan_uren) == (4, 0, None)
    # the shares of time add up to one
    assert sum(k.aandeel for k in analyse.knopen) == pytest.approx(1.0)
    assert [k.statustype.volgnummer for k in analyse.knopen] == [1, 2, 3, 4, 5]


def test_knelpunten_gerangschikt_op_uren_boven_de_norm() -> None:
    zaaktype, _ = handgemaakt_logboek()
    analyse = procesanalyse(zaaktype=zaaktype, periode=MAART)
    norm = 1 * UREN_PER_WERKDAG  # one working day = 33.6 hours
    # then "Besluit" (4 × (60 − 33.6) = 105.6 h) comes before "Beoordelen" (4 × (40 − 33.6) = 25.6 h);
    # "Ontvangen" (median 10 h) stays under its norm and "Aanvulling" has none
    assert [(k.statustype.omschrijving, k.overschrijding_uren) for k in analyse.knelpunten] == [
        ("Besluit", pytest.approx(4 * (60 - norm))),
        ("Beoordelen", pytest.approx(4 * (40 - norm))),
    ]
    assert analyse.knelpunt is not None
    assert analyse.knelpunt.statustype.omschrijving == "Besluit"
    assert _knoop(analyse, "Aanvulling").overschrijding_uren == 0
    assert _knoop(analyse, "Aanvulling").norm_uren is None


def test_varianten_met_frequentie_en_aandeel() -> None:
    zaaktype, _ = handgemaakt_logboek()
    analyse = procesanalyse(zaaktype=zaaktype, periode=MAART)
    # then of the five cases registered in March, A and C share a path; April's case is not counted
    assert [(v.pad, v.aantal, v.aandeel, v.herhaling, v.afwijking) for v in analyse.varianten] == [
        ("1-2-4-5", 2, 0.4, False, False),
        ("1", 1, 0.2, False, False),
        ("1-2-3-2-4-5", 1, 0.2, True, True),
        ("1-4-5", 1, 0.2, False, True),
    ]
    assert analyse.varianten[0].statussen == ("Ontvangen", "Beoordelen", "Besluit", "Afgehandeld")
    assert analyse.aantal_varianten == 4
    assert (analyse.herhalingen.aantal, analyse.herhalingen.zaken) == (1, 5)
    assert analyse.herhalingen.aandeel == pytest.approx(0.2)


def test_afwijkingen_van_het_ontwerp_met_reden() -> None:
    zaaktype, zaken = handgemaakt_logboek()
    analyse = procesanalyse(zaaktype=zaaktype, periode=MAART)
    # then B (back to Beoordelen) and D (skipped the required Beoordelen) deviate; A skipped only
    # the optional Aanvulling and E is open on its first status
    assert analyse.afwijkingen_totaal == 2
    gevonden = {a.identificatie: (a.statussen, a.reden) for a in analyse.afwijkingen}
    assert gevonden == {
        zaken["B"].identificatie: (
            ("Ontvangen", "Beoordelen", "Aanvulling", "Beoordelen", "Besluit", "Afgehandeld"),
            "terug naar 'Beoordelen'",
        ),
        zaken["D"].identificatie: (("Ontvangen", "Besluit", "Afgehandeld"), "'Beoordelen' overgeslagen"),
    }


def test_procesanalyse_kost_vier_queries(django_assert_num_queries: Any) -> None:
    zaaktype, _ = handgemaakt_logboek()
    # statustypen, the grouped transitions, the grouped paths, the first deviating cases
    with django_assert_num_queries(4):
        procesanalyse(zaaktype=zaaktype, periode=MAART)


def test_lege_periode_geeft_lege_analyse(django_assert_num_queries: Any) -> None:
    zaaktype, _ = handgemaakt_logboek()
    with django_assert_num_queries(3):
        analyse = procesanalyse(zaaktype=zaaktype, periode=Periode.maand(2025, 1))
    assert analyse.leeg
    assert analyse.overgangen == ()
    assert analyse.knelpunten == ()
    assert analyse.varianten == ()
    assert analyse.herhalingen.aandeel == 0


# --- paths ----------------------------------------------------------------------------------------


def test_ontwerp_staat_alleen_optionele_statussen_overslaan_toe() -> None:
    zaaktype = proces()
    statustypen = list(zaaktype.statustypen.order_by("volgnummer"))
    assert afwijking_van_ontwerp([1, 2, 4, 5], statustypen) == ""
    assert afwijking_van_ontwerp([1, 2, 3, 4, 5], statustypen) == ""
    assert afwijking_van_ontwerp([1, 2], statustypen) == ""  # open case
    assert afwijking_van_ontwerp([1, 3, 4], statustypen) == "'Beoordelen' overgeslagen"
    assert afwijking_van_ontwerp([2, 4], statustypen) == "'Ontvangen' overgeslagen"
    assert afwijking_van_ontwerp([1, 2, 1, 2], statustypen) == "terug naar 'Ontvangen'"
    assert afwijking_van_ontwerp([1, 9], statustypen) == "onbekende status 9"


def test_ingekort_pad_telt_als_herhaling_en_afwijking() -> None:
    # given a path services.zaken cut off after endless rework
    nummers, afgekapt = pad_lezen("…2-4-2-4-5")
    # then its first (possibly partial) number is dropped and it counts as rework
    assert nummers == [4, 2, 4, 5]
    assert afgekapt
    assert heeft_herhaling([1, 2, 3], afgekapt=True)
    assert not heeft_herhaling([1, 2, 3])
    assert pad_lezen("") == ([], False)


# --- the overview ---------------------------------------------------------------------------------


def test_knelpunten_overzicht_geeft_de_topbevinding_per_zaaktype(django_assert_num_queries: Any) -> None:
    # given the hand-made log, and another zaaktype whose "Ontvangen" took 600 h once in March
    zaaktype, _ = handgemaakt_logboek()
    # when the overview of March is read
    with django_assert_num_queries(2):
        overzicht = knelpunten_overzicht(periode=MAART)
    # then each zaaktype shows only its top finding, the largest excess first:
    # anderproces Ontvangen 1 × (600 − 33.6) = 566.4 h; testproces Besluit 105.6 h
    assert [(k.zaaktype.identificatie, k.statustype.omschrijving) for k in overzicht] == [
        ("anderproces", "Ontvangen"),
        ("testproces", "Besluit"),
    ]
    assert overzicht[0].overschrijding_uren == pytest.approx(600 - UREN_PER_WERKDAG)
    assert overzicht[1].overschrijding_uren == pytest.approx(4 * (60 - UREN_PER_WERKDAG))
    assert overzicht[1].zaaktype == zaaktype


def test_knelpunten_overzicht_zonder_gegevens_is_leeg() -> None:
    handgemaakt_logboek()
    assert knelpunten_overzicht(periode=Periode.maand(2025, 1)) == ()


# --- the event log --------------------------------------------------------------------------------


def test_gebeurtenissen_per_zaak_in_tijdsvolgorde_zonder_namen(django_assert_num_queries: Any) -> None:
    # given the hand-made log, statuses after the first set by an employee
    behandelaar = factories.medewerker(Rol.BEHANDELAAR, first_name="Bas", last_name="Behandelaar")
    zaaktype, zaken = handgemaakt_logboek(door=behandelaar)
    # when the event log of March is read
    with django_assert_num_queries(2):
        log = list(gebeurtenissen(zaaktype=zaaktype, periode=MAART))
    # then it has the 18 statuses set in March, case after case, in time order
    assert len(log) == 5 + 4 + 1 + 4 + 4
    b = [g for g in log if g.zaak == zaken["B"].identificatie]
    assert [g.activiteit for g in b] == [
        "Ontvangen",
        "Beoordelen",
        "Aanvulling",
        "Beoordelen",
        "Besluit",
        "Afgehandeld",
    ]
    assert [g.tijdstip for g in b] == sorted(g.tijdstip for g in b)
    assert b[0].tijdstip_iso == "2026-03-02T09:00:00.000+01:00"
    # the first status was set by nobody by hand; the others by a pseudonym, never the name or id
    assert b[0].resource == SYSTEEM
    assert {g.resource for g in b[1:]} == {pseudoniem(behandelaar.pk)}
    assert "Behandelaar" not in b[1].resource
    assert b[1].resource != str(behandelaar.pk)
    # and each case's events form one run (one trace per case)
    zaaknummers = [g.zaak for g in log]
    reeksen = [z for i, z in enumerate(zaaknummers) if i == 0 or zaaknummers[i - 1] != z]
    assert len(reeksen) == len(set(reeksen)) == 5
