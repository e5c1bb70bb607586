"""Case numbers: per year, gapless and unique, also when intakes run at the same moment or roll back."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.dienstverlening.models import Kanaal, Product, Zaak, Zaaknummerreeks, Zaakstatus
from raadhuis.dienstverlening.models import Rol as RolModel
from raadhuis.dienstverlening.services import zaken
from raadhuis.dienstverlening.tests import factories

GELIJKTIJDIG = 20


class Terugdraaien(Exception):
    """Raised inside the intake's transaction to make it roll back."""


def _aanmaken(product: Product, door: Medewerker) -> Zaak:
    assert product.zaaktype is not None
    return zaken.zaak_aanmaken(
        zaaktype=product.zaaktype,
        product=product,
        omschrijving=product.naam,
        kanaal=Kanaal.BALIE,
        initiator=zaken.Initiator(bsn=factories.BSN_INWONER, naam="J. Jansen"),
        door=door,
    )


@pytest.mark.django_db
def test_nummers_lopen_per_jaar_zonder_gaten() -> None:
    door = factories.medewerker(Rol.KCC_MEDEWERKER)
    product = factories.product()
    gemaakt = [_aanmaken(product, door) for _ in range(3)]
    jaar = gemaakt[0].jaar
    assert [z.identificatie for z in gemaakt] == [f"ZAAK-{jaar}-{n:06d}" for n in (1, 2, 3)]
    assert [z.volgnummer for z in gemaakt] == [1, 2, 3]
    assert Zaaknummerreeks.objects.get(jaar=jaar).laatste == 3


@pytest.mark.django_db
def test_een_nieuw_jaar_begint_weer_bij_een() -> None:
    Zaaknummerreeks.objects.create(jaar=2000, laatste=41)
    with transaction.atomic():
        assert zaken.zaaknummer_trekken(2000) == ("ZAAK-2000-000042", 42)
        assert zaken.zaaknummer_trekken(2001) == ("ZAAK-2001-000001", 1)


@pytest.mark.django_db(transaction=True)
def test_nummer_trekken_buiten_een_transactie_is_een_programmeerfout() -> None:
    with pytest.raises(RuntimeError):
        zaken.zaaknummer_trekken(2000)


@pytest.mark.django_db
def test_teruggedraaide_aanmaak_geeft_het_nummer_terug() -> None:
    door = factories.medewerker(Rol.KCC_MEDEWERKER)
    product = factories.product()
    _aanmaken(product, door)
    getrokken: list[int] = []

    def mislukte_intake() -> None:
        with transaction.atomic():
            getrokken.append(_aanmaken(product, door).volgnummer)
            raise Terugdraaien

    with pytest.raises(Terugdraaien):
        mislukte_intake()
    assert getrokken == [2]
    tweede = _aanmaken(product, door)
    assert tweede.volgnummer == 2
    assert Zaak.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_gelijktijdige_intake_geeft_unieke_nummers_zonder_gaten() -> None:
    """~20 threads, each with its own PostgreSQL connection, register a case at the same moment;
    every fourth rolls back after drawing its number. The committed numbers are 1..n, no repeats."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has one writer at a time; the row lock is tested on PostgreSQL")
    door = factories.medewerker(Rol.KCC_MEDEWERKER)
    product = factories.product()
    start = threading.Barrier(GELIJKTIJDIG)
    fouten: list[BaseException] = []
    teruggedraaid: list[int] = []

    def intake(nummer: int) -> None:
        try:
            start.wait(timeout=30)
            if nummer % 4 == 3:
                try:
                    with transaction.atomic():
                        _aanmaken(product, door)
                        raise Terugdraaien
                except Terugdraaien:
                    teruggedraaid.append(nummer)
            else:
                _aanmaken(product, door)
        except BaseException as fout:  # reported by the main thread
            fouten.append(fout)
        finally:
            connection.close()

    threads = [threading.Thread(target=intake, args=(n,)) for n in range(GELIJKTIJDIG)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not fouten, fouten
    assert len(teruggedraaid) == GELIJKTIJDIG // 4
    volgnummers = sorted(Zaak.objects.values_list("volgnummer", flat=True))
    aantal = GELIJKTIJDIG - len(teruggedraaid)
    assert volgnummers == list(range(1, aantal + 1))
    assert Zaak.objects.values("identificatie").distinct().count() == aantal
    assert Zaaknummerreeks.objects.get().laatste == aantal
    # The stand-in a case is written under until it is numbered never outlives its transaction.
    assert not Zaak.objects.exclude(identificatie__startswith="ZAAK-").exists()


@pytest.mark.django_db
def test_nummer_wordt_pas_na_de_zaak_status_en_rol_getrokken() -> None:
    """The year's counter stays locked from the draw to the commit, so other intakes wait that long:
    the case, its first status and its role are written before, under a stand-in."""
    door = factories.medewerker(Rol.KCC_MEDEWERKER)
    product = factories.product()
    with CaptureQueriesContext(connection) as vastgelegd:
        zaak = _aanmaken(product, door)
    sql = [q["sql"] for q in vastgelegd.captured_queries]

    def eerste(begin: str) -> int:
        return next(n for n, regel in enumerate(sql) if regel.startswith(begin))

    trekken = eerste(f'UPDATE "{Zaaknummerreeks._meta.db_table}"')
    for tabel in (Zaak, Zaakstatus, RolModel):
        assert eerste(f'INSERT INTO "{tabel._meta.db_table}"') < trekken
    zaak.refresh_from_db()
    assert (zaak.identificatie, zaak.jaar, zaak.volgnummer) == (f"ZAAK-{zaak.jaar}-000001", zaak.jaar, 1)
    assert zaak.jaar == timezone.localdate().year
    assert not Zaak.objects.filter(jaar=0).exists()


@pytest.mark.django_db
def test_teruggedraaide_aanmaak_laat_geen_voorlopige_zaak_achter() -> None:
    door = factories.medewerker(Rol.KCC_MEDEWERKER)
    product = factories.product()

    def mislukte_intake() -> None:
        with transaction.atomic():
            _aanmaken(product, door)
            raise Terugdraaien

    with pytest.raises(Terugdraaien):
        mislukte_intake()
    assert not Zaak.objects.exists()
    assert not Zaakstatus.objects.exists()
