"""Tamper evidence: append-only in the application and the database, and a verifiable hash chain."""

from __future__ import annotations

import io
import threading

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, connections, transaction

from raadhuis.core import logboek
from raadhuis.core.logboek import activiteiten, keten
from raadhuis.core.models import Ketenkop, Logregel, Onveranderlijk, Verwerkingsactiviteit
from raadhuis.core.tests.logboek_hulp import register_vullen, zonder_triggers

SYSTEEM = logboek.Systeemproces("test")


def _regels(aantal: int) -> list[Logregel]:
    return [
        logboek.vastleggen(
            naam=f"handeling.{n}",
            activiteit=activiteiten.ZOEKEN_OP_BSN,
            betrokkene=("BSN", "999993653"),
            door=SYSTEEM,
        )
        for n in range(aantal)
    ]


def test_keten_is_lineair_en_sluit_aan_op_de_kop(db):
    regels = _regels(3)

    assert [r.volgnummer for r in regels] == [1, 2, 3]
    assert regels[0].vorige_hash == keten.BEGIN
    assert [r.vorige_hash for r in regels[1:]] == [r.hash for r in regels[:-1]]
    assert keten.kop() == (3, regels[-1].hash)
    assert keten.controleren().in_orde


def test_regel_wijzigen_of_verwijderen_via_de_applicatie_wordt_geweigerd(db):
    (regel,) = _regels(1)

    regel.naam = "anders"
    with pytest.raises(Onveranderlijk):
        regel.save()
    with pytest.raises(Onveranderlijk):
        regel.delete()
    with pytest.raises(Onveranderlijk):
        Logregel.objects.filter(pk=regel.pk).update(naam="anders")
    with pytest.raises(Onveranderlijk):
        Logregel.objects.all().delete()
    with pytest.raises(Onveranderlijk):
        Logregel.objects.bulk_create([Logregel()])
    assert Logregel.objects.get().naam == "handeling.0"


def test_registerversie_is_ook_onveranderlijk(db):
    versie = Verwerkingsactiviteit.objects.get(sleutel=activiteiten.ZOEKEN_OP_BSN)

    versie.doel = "iets anders"
    with pytest.raises(Onveranderlijk):
        versie.save()
    with pytest.raises(Onveranderlijk):
        versie.delete()


@pytest.mark.parametrize(
    "sql", ["UPDATE core_logregel SET naam = 'anders'", "DELETE FROM core_logregel"], ids=["update", "delete"]
)
def test_database_weigert_update_en_delete_op_het_logboek(db, sql):
    _regels(2)

    with (
        pytest.raises(IntegrityError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql)

    assert sorted(Logregel.objects.values_list("naam", flat=True)) == ["handeling.0", "handeling.1"]


def _controleer() -> str:
    uitvoer = io.StringIO()
    call_command("logboek_controleren", stdout=uitvoer)
    return uitvoer.getvalue()


def test_controlecommando_meldt_intact_logboek_en_de_kop(db):
    regels = _regels(3)

    uitvoer = _controleer()

    assert "3 regels gecontroleerd" in uitvoer
    assert regels[-1].hash in uitvoer


def test_gewijzigde_inhoud_wordt_gevonden_en_genoemd(db):
    regels = _regels(3)
    with zonder_triggers(), connection.cursor() as cursor:
        cursor.execute("UPDATE core_logregel SET door_id = 'iemand-anders' WHERE volgnummer = 2")

    with pytest.raises(CommandError, match=rf"regel 2 \(id {regels[1].pk}\).*hash klopt niet"):
        _controleer()


def test_herberekende_hash_verbreekt_de_verwijzing_van_de_volgende_regel(db):
    regels = _regels(3)
    vervalst = Logregel.objects.get(volgnummer=2)
    vervalst.naam = "vervalst"
    nieuwe_hash = keten.bereken_hash(vervalst)
    with zonder_triggers(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE core_logregel SET naam = %s, hash = %s WHERE volgnummer = 2", ["vervalst", nieuwe_hash]
        )

    uitkomst = keten.controleren()

    assert (uitkomst.fout_volgnummer, uitkomst.fout_id) == (3, regels[2].pk)
    assert "vorige regel" in uitkomst.reden


def test_verwijderde_regel_in_het_midden_wordt_gevonden(db):
    _regels(3)
    with zonder_triggers(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_logregel WHERE volgnummer = 2")

    with pytest.raises(CommandError, match=r"regel 2.*ontbreekt"):
        _controleer()


def test_afgeknipte_staart_wordt_gevonden_via_de_kop(db):
    _regels(3)
    with zonder_triggers(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_logregel WHERE volgnummer = 3")

    with pytest.raises(CommandError, match="kop van de keten"):
        _controleer()


def test_leeg_logboek_is_intact(db):
    assert "0 regels gecontroleerd" in _controleer()


@pytest.mark.django_db(transaction=True)
def test_gelijktijdige_transacties_houden_de_keten_lineair():
    register_vullen()
    fouten: list[BaseException] = []
    start = threading.Barrier(4)

    def schrijver(n: int) -> None:
        try:
            start.wait()
            for i in range(5):
                with transaction.atomic():
                    logboek.vastleggen(
                        naam=f"draad.{n}.{i}",
                        activiteit=activiteiten.ZOEKEN_OP_BSN,
                        betrokkene=None,
                        door=SYSTEEM,
                    )
        except BaseException as fout:  # reported by the main thread
            fouten.append(fout)
        finally:
            connections.close_all()

    draden = [threading.Thread(target=schrijver, args=(n,)) for n in range(4)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()

    assert not fouten
    assert Logregel.objects.count() == 20
    assert keten.controleren().in_orde
    assert Ketenkop.objects.get().volgnummer == 20
