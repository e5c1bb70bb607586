"""The work queue's reads: filters, keyset pages, the index it uses on PostgreSQL, the case read that
is logged, and the timeline."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.utils import timezone

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.core.logboek.activiteiten import PERSOONSGEGEVENS_IN_ZAAK_RAADPLEGEN
from raadhuis.core.models import Logregel
from raadhuis.dienstverlening.models import Kanaal, Resultaattype, Statustype, Team, Zaak
from raadhuis.dienstverlening.selectors.werkvoorraad import (
    Cursor,
    Soort,
    Termijn,
    Werkvoorraadfilter,
    tijdlijn,
    werkvoorraad,
    werkvoorraad_query,
    zaak_voor_medewerker,
)
from raadhuis.dienstverlening.services import zaken
from raadhuis.dienstverlening.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def kcc() -> Medewerker:
    return factories.medewerker(Rol.KCC_MEDEWERKER)


@pytest.fixture
def behandelaar() -> Medewerker:
    return factories.medewerker(Rol.BEHANDELAAR)


def _zaak(door: Medewerker, slug: str = "verhuizing-doorgeven", **velden: Any) -> Zaak:
    """A case through the service; `velden` then set directly (dates, team) to shape the test."""
    zaak = factories.zaak(slug, door=door)
    if velden:
        Zaak.objects.filter(pk=zaak.pk).update(**velden)
        zaak.refresh_from_db()
    return zaak


def _alle(filters: Werkvoorraadfilter, *, aantal: int = 2) -> list[Zaak]:
    """Every page of the queue, following the cursors."""
    gezien: list[Zaak] = []
    na = None
    while True:
        pagina = werkvoorraad(filters=filters, na=na, aantal=aantal)
        gezien += pagina.zaken
        if pagina.volgende is None:
            return gezien
        na = pagina.volgende


def test_keyset_paginas_volgen_elkaar_zonder_overlap(kcc: Medewerker) -> None:
    vandaag = timezone.localdate()
    datums = [vandaag + dt.timedelta(days=d) for d in (5, 1, 3, 1, 1, 7, 3)]
    gemaakt = [_zaak(kcc, einddatum_gepland=datum) for datum in datums]
    verwacht = sorted(gemaakt, key=lambda z: (z.einddatum_gepland, z.pk))
    eerste = werkvoorraad(filters=Werkvoorraadfilter(), aantal=3)
    assert [z.pk for z in eerste.zaken] == [z.pk for z in verwacht[:3]]
    assert eerste.volgende is not None
    tweede = werkvoorraad(filters=Werkvoorraadfilter(), na=eerste.volgende, aantal=3)
    assert [z.pk for z in tweede.zaken] == [z.pk for z in verwacht[3:6]]
    assert [z.pk for z in _alle(Werkvoorraadfilter())] == [z.pk for z in verwacht]


def test_laatste_pagina_heeft_geen_volgende_en_slechte_cursor_begint_vooraan(kcc: Medewerker) -> None:
    zaak = _zaak(kcc)
    pagina = werkvoorraad(filters=Werkvoorraadfilter(), aantal=1)
    assert pagina.volgende is None
    for cursor in ("onzin", "b25zaW4", Cursor(afgesloten=True, datum=zaak.einddatum_gepland, id=0).coderen()):
        assert [z.pk for z in werkvoorraad(filters=Werkvoorraadfilter(), na=cursor).zaken] == [zaak.pk]


def test_cursor_is_omkeerbaar() -> None:
    cursor = Cursor(afgesloten=False, datum=dt.date(2026, 12, 1), id=123)
    assert Cursor.decoderen(cursor.coderen()) == cursor


def test_een_pagina_is_een_query(kcc: Medewerker, django_assert_num_queries: Any) -> None:
    for _ in range(4):
        _zaak(kcc)
    with django_assert_num_queries(1):
        pagina = werkvoorraad(filters=Werkvoorraadfilter(kanaal=Kanaal.BALIE), aantal=10)
        for zaak in pagina.zaken:
            assert zaak.statustype.omschrijving
            assert zaak.product is not None
            assert zaak.product.naam
            # Everything a row of the queue shows (LIJSTVELDEN); nothing is loaded afterwards.
            _ = zaak.behandelaar, zaak.resultaattype, zaak.kanaal, zaak.einddatum_gepland, zaak.einddatum


def test_filters(kcc: Medewerker, behandelaar: Medewerker) -> None:
    vandaag = timezone.localdate()
    zondag = vandaag + dt.timedelta(days=6 - vandaag.weekday())
    team = Team.objects.create(naam="Burgerzaken")
    ander = factories.medewerker(Rol.BEHANDELAAR)
    te_laat = _zaak(kcc, einddatum_gepland=vandaag - dt.timedelta(days=1), team=team)
    deze_week = _zaak(kcc, einddatum_gepland=zondag, behandelaar=behandelaar)
    later = _zaak(kcc, einddatum_gepland=zondag + dt.timedelta(days=1), behandelaar=ander)
    telefonisch = _zaak(kcc, einddatum_gepland=zondag + dt.timedelta(days=2), kanaal=Kanaal.TELEFOON)
    vraag = _zaak(kcc, "vraag-stellen", einddatum_gepland=zondag + dt.timedelta(days=3))
    in_behandeling = Statustype.objects.get(zaaktype=later.zaaktype, volgnummer=2)
    later = zaken.status_zetten(zaak=later, statustype=in_behandeling, door=ander)

    def pks(**filter: Any) -> list[int]:
        return [z.pk for z in _alle(Werkvoorraadfilter(**filter), aantal=10)]

    assert pks() == [te_laat.pk, deze_week.pk, later.pk, telefonisch.pk, vraag.pk]
    assert pks(team_id=team.pk) == [te_laat.pk]
    assert pks(behandelaar_id=behandelaar.pk) == [deze_week.pk]
    assert pks(zonder_behandelaar=True) == [te_laat.pk, telefonisch.pk, vraag.pk]
    assert pks(product_id=vraag.product_id) == [vraag.pk]
    assert pks(statustype_id=in_behandeling.pk) == [later.pk]
    assert pks(kanaal=Kanaal.TELEFOON) == [telefonisch.pk]
    assert pks(termijn=Termijn.TE_LAAT) == [te_laat.pk]
    assert pks(termijn=Termijn.DEZE_WEEK) == [deze_week.pk]
    assert pks(afgesloten=True) == []


def test_afgesloten_zaken_alleen_op_verzoek_nieuwste_eerst(kcc: Medewerker, behandelaar: Medewerker) -> None:
    open_zaak = _zaak(kcc)
    gesloten = []
    for _ in range(3):
        zaak = _zaak(kcc)
        zaak = zaken.status_zetten(
            zaak=zaak,
            statustype=Statustype.objects.get(zaaktype=zaak.zaaktype, volgnummer=2),
            door=behandelaar,
        )
        zaak = zaken.status_zetten(
            zaak=zaak,
            statustype=Statustype.objects.get(zaaktype=zaak.zaaktype, is_eindstatus=True),
            resultaattype=Resultaattype.objects.filter(zaaktype=zaak.zaaktype).first(),
            door=behandelaar,
        )
        gesloten.append(zaak)
    assert [z.pk for z in _alle(Werkvoorraadfilter())] == [open_zaak.pk]
    nieuwste_eerst = [z.pk for z in reversed(gesloten)]
    assert [z.pk for z in _alle(Werkvoorraadfilter(afgesloten=True), aantal=2)] == nieuwste_eerst
    eind = Statustype.objects.get(zaaktype=open_zaak.zaaktype, is_eindstatus=True)
    assert [z.pk for z in _alle(Werkvoorraadfilter(statustype_id=eind.pk))] == nieuwste_eerst


def test_zaak_lezen_wordt_gelogd_en_vraagt_inzagerecht(kcc: Medewerker) -> None:
    zaak = _zaak(kcc)
    controller = factories.medewerker(Rol.CONTROLLER)
    voor = Logregel.objects.count()
    gelezen = zaak_voor_medewerker(zaak.identificatie, door=controller)
    assert gelezen == zaak
    regel = Logregel.objects.order_by("-volgnummer").first()
    assert Logregel.objects.count() == voor + 1
    assert regel is not None
    assert regel.naam == "zaak.raadplegen"
    assert regel.verwerkingsactiviteit.sleutel == PERSOONSGEGEVENS_IN_ZAAK_RAADPLEGEN
    assert regel.betrokkene_type == "BSN"
    assert factories.BSN_INWONER not in regel.betrokkene_versleuteld
    with pytest.raises(PermissionDenied):
        zaak_voor_medewerker(zaak.identificatie, door=factories.medewerker(Rol.GRIFFIE))
    assert zaak_voor_medewerker("ZAAK-1900-000001", door=controller) is None


def test_tijdlijn_in_tijdsvolgorde(kcc: Medewerker, behandelaar: Medewerker) -> None:
    zaak = _zaak(kcc)
    zaken.notitie_toevoegen(zaak=zaak, tekst="Gebeld", door=behandelaar)
    zaak = zaken.status_zetten(
        zaak=zaak, statustype=Statustype.objects.get(zaaktype=zaak.zaaktype, volgnummer=2), door=behandelaar
    )
    zaken.bericht_sturen(zaak=zaak, onderwerp="Vraag", tekst="Wilt u bellen?", door=behandelaar)
    zaken.bericht_van_aanvrager(zaak=zaak, onderwerp="Antwoord", tekst="Ja", door=factories.inwoner())
    regels = tijdlijn(zaak)
    assert [g.moment for g in regels] == sorted(g.moment for g in regels)
    soorten = [g.soort for g in regels]
    assert soorten == [
        Soort.STATUS,
        Soort.EMAIL,
        Soort.NOTITIE,
        Soort.STATUS,
        Soort.EMAIL,
        Soort.BERICHT_AAN_AANVRAGER,
        Soort.EMAIL,
        Soort.BERICHT_VAN_AANVRAGER,
    ]
    assert regels[2].door == behandelaar


@pytest.mark.django_db(transaction=True)
def test_postgresql_gebruikt_de_partiele_indexen(kcc: Medewerker) -> None:
    """With a few thousand cases (half closed) the first page and filtered pages are index scans
    on the zaak_open_* indexes, never a sequential scan of the table."""
    if connection.vendor != "postgresql":
        pytest.skip("EXPLAIN plans are PostgreSQL's")
    voorbeeld = _zaak(kcc)
    team = Team.objects.create(naam="Burgerzaken")
    vandaag = timezone.localdate()
    rijen = []
    for n in range(4000):
        rijen.append(
            Zaak(
                identificatie=f"ZAAK-1999-{n:06d}",
                jaar=1999,
                volgnummer=n + 1,
                zaaktype_id=voorbeeld.zaaktype_id,
                product_id=voorbeeld.product_id,
                omschrijving="Verhuizing",
                registratiedatum=vandaag,
                startdatum=vandaag,
                einddatum_gepland=vandaag + dt.timedelta(days=n % 97),
                uiterlijke_einddatum_afdoening=vandaag + dt.timedelta(days=120),
                einddatum=vandaag if n % 2 else None,
                kanaal=Kanaal.BALIE,
                statustype_id=voorbeeld.statustype_id,
                status_gezet_op=timezone.now(),
                team=team if n % 10 == 0 else None,
                behandelaar=kcc if n % 7 == 0 else None,
                initiator_bsn=factories.BSN_INWONER,
            )
        )
    Zaak.objects.bulk_create(rijen, batch_size=1000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE dienstverlening_zaak")
    eerste = werkvoorraad(filters=Werkvoorraadfilter(), aantal=25)
    assert eerste.volgende is not None
    gevallen = [
        ("zaak_open_urgentie", Werkvoorraadfilter(), None),
        ("zaak_open_urgentie", Werkvoorraadfilter(), eerste.volgende),
        ("zaak_open_team", Werkvoorraadfilter(team_id=team.pk), None),
        ("zaak_open_behandelaar", Werkvoorraadfilter(behandelaar_id=kcc.pk), eerste.volgende),
        # Most cases are unassigned: walking the urgency index and skipping is as good.
        (("zaak_open_behandelaar", "zaak_open_urgentie"), Werkvoorraadfilter(zonder_behandelaar=True), None),
        ("zaak_open_product", Werkvoorraadfilter(product_id=voorbeeld.product_id), eerste.volgende),
        ("zaak_open_urgentie", Werkvoorraadfilter(termijn=Termijn.DEZE_WEEK, kanaal=Kanaal.BALIE), None),
    ]
    for index, filters, na in gevallen:
        query, _afgesloten = werkvoorraad_query(filters=filters, na=na)
        plan = query[:26].explain()
        assert "Seq Scan on dienstverlening_zaak" not in plan, plan
        namen = (index,) if isinstance(index, str) else index
        assert any(naam in plan for naam in namen), (filters, plan)
    afgesloten_query, _afgesloten = werkvoorraad_query(filters=Werkvoorraadfilter(afgesloten=True))
    plan = afgesloten_query[:26].explain()
    assert "Seq Scan on dienstverlening_zaak" not in plan, plan
