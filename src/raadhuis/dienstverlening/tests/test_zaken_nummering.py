"""Case numbers: per year, gapless and unique, also when intakes run at the same moment or roll back."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, transaction

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.dienstverlening.models import Kanaal, Product, Zaak, Zaaknummerreeks
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
