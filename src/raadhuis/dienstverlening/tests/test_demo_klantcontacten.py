"""The demo year (issue 8): contacts on every channel, callbacks, surveys, the desk queue, case
histories with realistic timing and rework, and the one deliberate bottleneck on top. Figures are
computed here with plain ORM queries, independent of the monitoring selectors."""

from __future__ import annotations

import io
import itertools
import statistics
from collections import defaultdict
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core.management.base import OutputWrapper
from django.db.models import Avg
from django.utils import timezone

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.core.models import Zoekdocument
from raadhuis.core.tests.wereld import klassewereld
from raadhuis.dienstverlening import demo, demo_kennisbank
from raadhuis.dienstverlening.models import (
    Aanleiding,
    Afspraak,
    Afspraakstatus,
    Burgerpeilingkanaal,
    Contactkanaal,
    Kennisartikel,
    Klantcontact,
    Reactie,
    Screening,
    Statustype,
    Taakstatus,
    Terugbelverzoek,
    Uitnodiging,
    Zaak,
    Zaakstatus,
)
from raadhuis.dienstverlening.tests.factories import medewerker

ZAKEN = 1200


def _demo_laden(tmp: Path) -> None:
    MedewerkerFactory(rollen=[Rol.BEHEERDER])
    medewerker(Rol.BEHANDELAAR)
    medewerker(Rol.BEHANDELAAR)
    medewerker(Rol.KCC_MEDEWERKER)
    demo.laden(OutputWrapper(io.StringIO()))


# The demo year, loaded once for the tests of TestDemojaar, each in a savepoint.
demojaar = klassewereld("klantcontacten-demo", _demo_laden, RAADHUIS_DEMO_ZAKEN=ZAKEN)


def _uren_in_status() -> dict[int, list[float]]:
    """Per statustype: the hours from entering it to the next status (the next entry's gap)."""
    uren: dict[int, list[float]] = defaultdict(list)
    for vorige, seconden in Zaakstatus.objects.filter(vorige_statustype__isnull=False).values_list(
        "vorige_statustype_id", "seconden_sinds_vorige"
    ):
        uren[vorige].append(seconden / 3600)
    return uren


def _normuren(statustype: Statustype) -> float:
    assert statustype.doorlooptijd_werkdagen is not None
    return statustype.doorlooptijd_werkdagen * 24 * 7 / 5


@pytest.mark.django_db
@pytest.mark.usefixtures("demojaar")
class TestDemojaar:
    def test_demo_jaar_heeft_contacten_op_elk_kanaal_met_terugbelverzoeken_en_kennisbank(self) -> None:
        # Given the demo loaded with a year of cases

        # Then there are about twice as many contacts as cases, on every channel
        contacten = Klantcontact.objects.count()
        assert contacten == 2 * ZAKEN
        assert set(Klantcontact.objects.values_list("kanaal", flat=True)) == set(Contactkanaal.values)
        meest = Klantcontact.objects.filter(
            kanaal__in=[Contactkanaal.TELEFOON, Contactkanaal.WEBFORMULIER, Contactkanaal.BALIE]
        ).count()
        assert meest / contacten > 0.6
        # with residents, businesses and anonymous callers
        assert {"inwoner", "ondernemer", "anoniem"} == set(
            Klantcontact.objects.values_list("partijsoort", flat=True)
        )
        # about 70 % solved at once, about 15 % with a callback
        opgelost = Klantcontact.objects.filter(opgelost_in_eerste_contact=True).count() / contacten
        assert 0.65 < opgelost < 0.75
        terug = Terugbelverzoek.objects.count() / contacten
        assert 0.11 < terug < 0.19
        assert not Klantcontact.objects.filter(
            opgelost_in_eerste_contact=True, terugbelverzoeken__isnull=False
        ).exists()
        # callbacks mostly done in time, some late, some still open past their deadline
        nu = timezone.now()
        verwerkt = Terugbelverzoek.objects.filter(status=Taakstatus.VERWERKT)
        op_tijd = sum(1 for t in verwerkt if t.afgehandeld_op and t.afgehandeld_op <= t.deadline)
        te_laat = sum(1 for t in verwerkt if t.afgehandeld_op and t.afgehandeld_op > t.deadline)
        assert op_tijd > 3 * te_laat > 0
        assert Terugbelverzoek.objects.filter(status=Taakstatus.TE_VERWERKEN, deadline__lt=nu).exists()
        # every contact lies in the past year
        assert not Klantcontact.objects.filter(plaatsgevonden_op__gt=nu).exists()
        assert not Klantcontact.objects.filter(plaatsgevonden_op__lt=nu - timedelta(days=367)).exists()
        # and the knowledge base holds about 15 standard answers per product, indexed for search
        per_product = [len(vragen) for vragen in demo_kennisbank.KENNISBANK.values()]
        assert min(per_product) >= 10
        assert Kennisartikel.objects.count() == sum(per_product)
        assert Zoekdocument.objects.filter(soort="kennisartikel").count() == Kennisartikel.objects.count()
        paspoort = Kennisartikel.objects.get(titel="Hoe lang is mijn paspoort geldig?")
        assert "10 jaar" in paspoort.antwoord
        assert "5 jaar" in paspoort.antwoord

    def test_demo_jaar_heeft_kto_reacties_per_kanaal_en_lager_bij_het_knelpunt(self) -> None:
        # Given the demo year

        # Then every closed case has its invitation, and about a quarter answered
        gesloten = Zaak.objects.filter(einddatum__isnull=False).count()
        assert Uitnodiging.objects.filter(aanleiding=Aanleiding.ZAAK_AFGESLOTEN).count() == gesloten
        respons = Reactie.objects.count() / Uitnodiging.objects.count()
        assert 0.18 < respons < 0.3
        assert Uitnodiging.objects.filter(beantwoord_op__isnull=False).count() == Reactie.objects.count()
        # invitations keep their link to the case or contact for three months only, as the upkeep does
        drie_maanden_geleden = timezone.now() - timedelta(days=91)
        assert Uitnodiging.objects.filter(
            aangemaakt_op__gte=drie_maanden_geleden, zaak__isnull=False
        ).exists()
        assert not Uitnodiging.objects.filter(
            aangemaakt_op__lt=drie_maanden_geleden, zaak__isnull=False
        ).exists()
        assert not Uitnodiging.objects.filter(
            aangemaakt_op__lt=drie_maanden_geleden, klantcontact__isnull=False
        ).exists()
        # digital a little higher than the desk (apart from the moves, which the bottleneck pulls down)
        zonder_verhuizing = Reactie.objects.exclude(product__slug="verhuizing-doorgeven")
        web = zonder_verhuizing.filter(kanaal=Burgerpeilingkanaal.WEBSITE).aggregate(
            c=Avg("dv01_rapportcijfer")
        )
        balie = zonder_verhuizing.filter(kanaal=Burgerpeilingkanaal.BALIE).aggregate(
            c=Avg("dv01_rapportcijfer")
        )
        assert web["c"] > balie["c"]
        assert (
            not Reactie.objects.filter(dv06_rapportcijfer_digitaal__isnull=False)
            .exclude(kanaal=Burgerpeilingkanaal.WEBSITE)
            .exists()
        )
        # and the moves clearly lower than the rest
        verhuizing = Reactie.objects.filter(product__slug="verhuizing-doorgeven").aggregate(
            c=Avg("dv01_rapportcijfer")
        )
        overig = zonder_verhuizing.aggregate(c=Avg("dv01_rapportcijfer"))
        assert verhuizing["c"] < overig["c"] - 0.5
        # comments are clean and screened (or waiting for it), never a raw text once screened
        assert Reactie.objects.filter(screening=Screening.GESCREEND).exclude(opmerking_gescreend="").exists()
        assert not Reactie.objects.filter(screening=Screening.GESCREEND).exclude(opmerking="").exists()

    def test_demo_jaar_heeft_baliewachttijden_en_no_shows(self) -> None:
        # Given the demo year

        # Then past appointments show when the visitor reported and was called
        verleden = Afspraak.objects.filter(start__lt=timezone.now())
        assert verleden.count() >= 2 * ZAKEN // 6
        afgerond = list(verleden.filter(status=Afspraakstatus.AFGEROND))
        wachttijden = [
            (a.opgeroepen_op - a.aangemeld_op).total_seconds() / 60
            for a in afgerond
            if a.opgeroepen_op and a.aangemeld_op
        ]
        assert len(wachttijden) == len(afgerond)
        binnen_norm = sum(1 for minuten in wachttijden if minuten <= 15) / len(wachttijden)
        assert 0.8 < binnen_norm < 0.97
        # and about 6 % did not show up, without queue times
        niet = verleden.filter(status=Afspraakstatus.NIET_VERSCHENEN)
        assert 0.03 < niet.count() / verleden.count() < 0.1
        assert not niet.filter(aangemeld_op__isnull=False).exists()

    def test_demo_zaken_hebben_historie_met_voorganger_pad_en_herstelwerk(self) -> None:
        # Given the demo year

        # Then every case's path, predecessors and times agree with its history
        historie: dict[int, list[Zaakstatus]] = defaultdict(list)
        for status in Zaakstatus.objects.select_related("statustype").order_by(
            "zaak_id", "datum_status_gezet", "id"
        ):
            historie[status.zaak_id].append(status)
        herstel = 0
        for zaak in Zaak.objects.all():
            stappen = historie[zaak.pk]
            assert zaak.statuspad == "-".join(str(s.statustype.volgnummer) for s in stappen)
            assert stappen[0].vorige_statustype_id is None
            assert stappen[0].seconden_sinds_vorige is None
            for vorige, volgende in itertools.pairwise(stappen):
                assert volgende.vorige_statustype_id == vorige.statustype_id
                assert volgende.seconden_sinds_vorige == int(
                    (volgende.datum_status_gezet - vorige.datum_status_gezet).total_seconds()
                )
                if volgende.statustype.volgnummer < vorige.statustype.volgnummer:
                    # Going back needs a reason, as status_zetten asks.
                    assert volgende.toelichting
                    herstel += 1
            assert zaak.status_gezet_op == stappen[-1].datum_status_gezet
        # and about one case in twenty went back once
        assert 0.025 < herstel / ZAKEN < 0.08

    def test_demo_knelpunt_adresonderzoek_is_de_grootste_overschrijding(self) -> None:
        # Given the demo year
        uren = _uren_in_status()

        # When the hours above the norm are computed per status: n × max(0, median − norm)
        boven_norm = {}
        for statustype in Statustype.objects.filter(doorlooptijd_werkdagen__isnull=False, pk__in=uren):
            mediaan = statistics.median(uren[statustype.pk])
            boven_norm[statustype.pk] = len(uren[statustype.pk]) * max(0.0, mediaan - _normuren(statustype))
            if statustype.omschrijving != "Adresonderzoek":
                # Then every status other than the bottleneck stays within its norm in median
                assert mediaan <= _normuren(statustype), statustype

        # and the address check of a move is by far the largest
        knelpunt = Statustype.objects.get(zaaktype__identificatie="verhuizing", omschrijving="Adresonderzoek")
        assert max(boven_norm, key=lambda pk: boven_norm[pk]) == knelpunt.pk
        assert statistics.median(uren[knelpunt.pk]) > 2.5 * _normuren(knelpunt)
        # visited in about 40 % of the moves
        verhuizingen = Zaak.objects.filter(zaaktype=knelpunt.zaaktype, einddatum__isnull=False)
        bezocht = sum(
            1
            for pad in verhuizingen.values_list("statuspad", flat=True)
            if str(knelpunt.volgnummer) in pad.split("-")
        )
        assert 0.25 < bezocht / verhuizingen.count() < 0.55

    def test_demo_klantcontacten_laden_eenmaal(self) -> None:
        # Given the demo loaded once
        aantallen = (Klantcontact.objects.count(), Uitnodiging.objects.count(), Kennisartikel.objects.count())

        # When it loads again
        demo.laden(OutputWrapper(io.StringIO()))

        # Then nothing is added
        assert (
            Klantcontact.objects.count(),
            Uitnodiging.objects.count(),
            Kennisartikel.objects.count(),
        ) == aantallen


@pytest.mark.django_db
def test_demo_klantcontacten_zonder_zaken_schrijft_niets(beheerder: Medewerker, settings: Any) -> None:
    # Given no generated cases
    settings.RAADHUIS_DEMO_ZAKEN = 0

    # When the demo loads
    demo.laden(OutputWrapper(io.StringIO()))

    # Then there are no contacts either
    assert not Klantcontact.objects.exists()
