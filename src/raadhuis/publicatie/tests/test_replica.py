"""The read replica (core.replica): which reads go to it, read-your-own-writes, and falling back to
the primary. The replica here is a database of its own (a copy of the test database, made once),
so a row written only there shows where a read came from."""

from __future__ import annotations

import logging
from unittest import mock

import pytest
from django.core import signing
from django.db import OperationalError, connections, router, transaction
from django.test import Client
from django.utils import timezone

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.core import replica
from raadhuis.core.replica import bereikbaarheid
from raadhuis.core.replica.middleware import COOKIE, ZOUT
from raadhuis.core.replica.router import ReplicaRouter
from raadhuis.core.tests.replica_hulp import replica_onbereikbaar
from raadhuis.publicatie import selectors as publicatie_selectors
from raadhuis.publicatie import waardelijsten
from raadhuis.publicatie.models import Publicatie, Publicatiestatus
from raadhuis.publicatie.tests.test_services import medewerker
from raadhuis.publicatie.tests.test_zoeken import publiceren

BEIDE = ["default", "replica"]
ALLEEN_OP_REPLICA = "Alleen op de replica: verordening parkeren"


def op_replica_publiceren(titel: str = ALLEEN_OP_REPLICA) -> Publicatie:
    return Publicatie.objects.using("replica").create(
        publisher="gm1926",
        officiele_titel=titel,
        informatiecategorieen=[waardelijsten.CATEGORIE_CONVENANTEN],
        status=Publicatiestatus.GEPUBLICEERD,
        gepubliceerd_op=timezone.now(),
    )


def titels() -> list[str]:
    return [p.officiele_titel for p in publicatie_selectors.gepubliceerde_publicaties()]


# --- the router -----------------------------------------------------------------------------------


def test_zonder_replica_heeft_de_router_geen_mening(settings):
    settings.RAADHUIS_DATABASE_REPLICA_URL = ""
    router_ = ReplicaRouter()

    with replica.lees_van_replica():
        assert router_.db_for_read(Publicatie, **{replica.HINT: True}) is None
    assert router_.db_for_write(Publicatie) is None
    assert router_.allow_migrate("default", "publicatie") is None


@pytest.mark.django_db(databases=BEIDE)
def test_router_leest_alleen_in_replicacontext_van_de_replica(met_replica):
    router_ = ReplicaRouter()

    assert router_.db_for_read(Publicatie) is None  # no opinion: the primary
    assert router_.db_for_read(Publicatie, **{replica.HINT: True}) == "default"  # not in a request
    with replica.lees_van_replica():
        assert router_.db_for_read(Publicatie) is None  # not an opted-in selector
        assert router_.db_for_read(Publicatie, **{replica.HINT: True}) == "replica"
        with replica.primair():
            assert router_.db_for_read(Publicatie, **{replica.HINT: True}) == "default"
        with transaction.atomic():
            assert router_.db_for_read(Publicatie, **{replica.HINT: True}) == "default"


@pytest.mark.django_db(databases=BEIDE)
def test_router_schrijft_en_migreert_alleen_op_de_primaire_database(met_replica):
    router_ = ReplicaRouter()
    van_replica = op_replica_publiceren()

    with replica.lees_van_replica():
        assert router_.db_for_write(Publicatie) == "default"
        assert router.db_for_write(Publicatie, instance=van_replica) == "default"
    assert router_.allow_migrate("replica", "publicatie") is False
    assert router_.allow_migrate("default", "publicatie") is None
    van_primair = Publicatie.objects.create(publisher="gm1926", officiele_titel="Primair")
    assert router_.allow_relation(van_replica, van_primair) is True


# --- selectors ------------------------------------------------------------------------------------


@pytest.mark.django_db(databases=BEIDE)
def test_publieke_selector_leest_de_replica_en_de_werkplekselector_niet(met_replica):
    op_replica_publiceren()

    with replica.lees_van_replica():
        publiek = titels()
        werkplek = [p.officiele_titel for p in publicatie_selectors.publicaties()]

    assert publiek == [ALLEEN_OP_REPLICA]
    assert werkplek == []
    assert titels() == []  # outside a request: the primary


@pytest.mark.django_db(databases=BEIDE)
def test_een_teruggegeven_queryset_blijft_op_de_replica_en_laat_de_manager_schoon(met_replica):
    op_replica_publiceren()

    with replica.lees_van_replica():
        queryset = publicatie_selectors.gepubliceerde_publicaties()
        # Evaluated later (a view, a template) and narrowed further: still the replica.
        assert [p.officiele_titel for p in queryset.filter(publisher="gm1926")[:5]] == [ALLEEN_OP_REPLICA]
        assert queryset.count() == 1
        assert replica.HINT not in Publicatie.objects.all()._hints
        assert Publicatie.objects.filter(status=Publicatiestatus.GEPUBLICEERD).count() == 0


@pytest.mark.django_db(databases=BEIDE)
def test_schrijven_in_een_replicacontext_gaat_naar_de_primaire_database(met_replica):
    with replica.lees_van_replica():
        Publicatie.objects.create(publisher="gm1926", officiele_titel="Nieuw")

    assert Publicatie.objects.using("default").filter(officiele_titel="Nieuw").exists()
    assert not Publicatie.objects.using("replica").filter(officiele_titel="Nieuw").exists()


@pytest.mark.django_db(databases=BEIDE)
def test_zonder_replica_leest_alles_van_de_primaire_database(met_replica, settings):
    op_replica_publiceren()
    settings.RAADHUIS_DATABASE_REPLICA_URL = ""

    with replica.lees_van_replica():
        assert titels() == []


# --- requests and read-your-own-writes ----------------------------------------------------------------


@pytest.mark.django_db(databases=BEIDE)
def test_publieke_pagina_toont_de_replica(met_replica, client: Client):
    op_replica_publiceren()

    assert ALLEEN_OP_REPLICA in client.get("/openbaarheid/").content.decode()


@pytest.mark.django_db(databases=BEIDE)
def test_ingelogde_medewerker_leest_de_primaire_database(met_replica, client: Client, beheerder: Medewerker):
    op_replica_publiceren()
    client.force_login(beheerder)

    assert ALLEEN_OP_REPLICA not in client.get("/openbaarheid/").content.decode()


@pytest.mark.django_db(databases=BEIDE)
def test_api_client_met_inloggegevens_leest_de_primaire_database(met_replica, client: Client):
    op_replica_publiceren()

    anoniem = client.get("/api/v1/publicaties").json()
    met_token = client.get("/api/v1/publicaties", HTTP_AUTHORIZATION="Bearer iets").json()

    assert ALLEEN_OP_REPLICA in str(anoniem)
    assert ALLEEN_OP_REPLICA not in str(met_token)


@pytest.mark.django_db(databases=BEIDE)
def test_na_een_wijziging_leest_de_client_even_de_primaire_database(met_replica, client: Client, settings):
    settings.RAADHUIS_REPLICA_VERTRAGING_SECONDEN = 10
    op_replica_publiceren()

    post = client.post("/taal/", {"language": "nl", "next": "/openbaarheid/"})

    assert post.status_code == 302
    cookie = post.cookies[COOKIE]
    assert cookie["max-age"] == 10
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert ALLEEN_OP_REPLICA not in client.get("/openbaarheid/").content.decode()


@pytest.mark.django_db(databases=BEIDE)
def test_geweigerde_wijziging_zet_geen_markering(met_replica, client: Client):
    geweigerd = client.patch("/api/v1/organisatie", data="{", content_type="application/json")

    assert geweigerd.status_code >= 400
    assert COOKIE not in geweigerd.cookies


@pytest.mark.django_db(databases=BEIDE)
def test_verlopen_of_vervalste_markering_telt_niet(met_replica, client: Client, settings):
    settings.RAADHUIS_REPLICA_VERTRAGING_SECONDEN = 10
    op_replica_publiceren()
    with mock.patch("time.time", return_value=timezone.now().timestamp() - 60):
        verlopen = signing.get_cookie_signer(salt=COOKIE + ZOUT).sign("1")
    vervalst = signing.get_cookie_signer(salt=COOKIE + "ander zout").sign("1")

    for waarde in (verlopen, vervalst, "1"):
        client.cookies[COOKIE] = waarde
        assert ALLEEN_OP_REPLICA in client.get("/openbaarheid/").content.decode(), waarde

    client.cookies[COOKIE] = signing.get_cookie_signer(salt=COOKIE + ZOUT).sign("1")
    assert ALLEEN_OP_REPLICA not in client.get("/openbaarheid/").content.decode()


@pytest.mark.django_db
def test_zonder_replica_geen_markering_na_een_wijziging(client: Client, settings):
    settings.RAADHUIS_DATABASE_REPLICA_URL = ""

    antwoord = client.post("/taal/", {"language": "nl"})

    assert antwoord.status_code == 302
    assert COOKIE not in antwoord.cookies


# --- the replica away ------------------------------------------------------------------------------------


@pytest.mark.django_db(databases=BEIDE)
def test_onbereikbare_replica_valt_terug_op_de_primaire_database(met_replica, client: Client, caplog):
    Publicatie.objects.create(
        publisher="gm1926",
        officiele_titel="Op de primaire database",
        status=Publicatiestatus.GEPUBLICEERD,
        gepubliceerd_op=timezone.now(),
    )
    teruggevallen = bereikbaarheid.TERUGVAL._value.get()

    with replica_onbereikbaar(), caplog.at_level(logging.WARNING, logger=bereikbaarheid.__name__):
        paginas = [client.get("/openbaarheid/") for _ in range(3)]
        gereed = client.get("/api/v1/gereed").json()

    assert [p.status_code for p in paginas] == [200, 200, 200]
    assert all("Op de primaire database" in p.content.decode() for p in paginas)
    waarschuwingen = [r for r in caplog.records if "Read replica unreachable" in r.getMessage()]
    assert len(waarschuwingen) == 1  # once per interval, not per request
    assert bereikbaarheid.TERUGVAL._value.get() > teruggevallen
    assert gereed["status"] == "ok"
    assert gereed["replica"] == "onbereikbaar"
    assert gereed["leesdatabase"] == "primair"


@pytest.mark.django_db(databases=BEIDE)
def test_replica_die_wegvalt_tijdens_het_lezen_valt_terug(met_replica):
    op_primair = Publicatie.objects.create(
        publisher="gm1926",
        officiele_titel="Op de primaire database",
        status=Publicatiestatus.GEPUBLICEERD,
        gepubliceerd_op=timezone.now(),
    )

    def weg(execute, sql, params, many, context):
        raise OperationalError("server closed the connection unexpectedly")

    with (
        replica.lees_van_replica(),
        connections["replica"].execute_wrapper(weg),
        mock.patch.object(bereikbaarheid, "reageert", return_value=False),
    ):
        gevonden = publicatie_selectors.publicatie_met_uuid(op_primair.uuid)
        assert bereikbaarheid.weg()
        assert titels() == ["Op de primaire database"]

    # Read again, from the primary, after the replica failed mid-read.
    assert gevonden == op_primair


@pytest.mark.django_db(databases=BEIDE)
def test_fout_terwijl_de_replica_antwoordt_wordt_niet_verborgen(met_replica):
    def weg(execute, sql, params, many, context):
        raise OperationalError("canceling statement due to conflict with recovery")

    with (
        replica.lees_van_replica(),
        connections["replica"].execute_wrapper(weg),
        pytest.raises(OperationalError),
    ):
        publicatie_selectors.publicatie_met_uuid("7d7f1a36-5a4e-4d4b-9a6e-0c7b1f2a3b4c")
    assert not bereikbaarheid.weg()


# --- readiness ---------------------------------------------------------------------------------------------


@pytest.mark.django_db(databases=BEIDE)
def test_gereed_meldt_de_replica(met_replica, client: Client):
    antwoord = client.get("/api/v1/gereed").json()

    assert antwoord["replica"] == "ok"
    assert antwoord["leesdatabase"] == "replica"
    # A copy, not a standby: no lag to report (a real standby: test_replica_postgresql).
    assert antwoord["replica_achterstand_seconden"] is None


@pytest.mark.django_db
def test_gereed_zonder_replica(client: Client):
    antwoord = client.get("/api/v1/gereed").json()

    assert antwoord["replica"] == "niet ingesteld"
    assert antwoord["leesdatabase"] == "primair"


# --- search ----------------------------------------------------------------------------------------------


@pytest.mark.django_db(databases=BEIDE)
def test_zoeken_leest_documenten_van_de_replica_en_werkt_de_index_bij_van_de_primaire(
    met_replica,
):
    # Published on the primary only: the replica (a copy from before) does not have it yet.
    coordinator = medewerker(Rol.WOO_COORDINATOR)
    publiceren(coordinator, "Convenant zwerfafval", "Afspraken over zwerfafval in de wijk.")
    opdracht = publicatie_selectors.Zoekopdracht(vraag="zwerfafval")

    with replica.lees_van_replica():
        via_replica = publicatie_selectors.publicaties_zoeken(opdracht)
        treffers_via_replica = publicatie_selectors.zoektreffers(via_replica)
    treffers_via_primair = publicatie_selectors.zoektreffers(
        publicatie_selectors.publicaties_zoeken(opdracht)
    )

    # The index was brought up to date from the primary's outbox (else it would have found
    # nothing), and the documents behind the hits were read from the replica, which lacks them.
    assert via_replica.totaal == 1
    assert treffers_via_replica == []
    assert [t.document_titel for t in treffers_via_primair] == ["Convenant zwerfafval"]


def test_toegang_tot_een_bestand_leest_altijd_de_primaire_database():
    # A withdrawn document must be refused at once, not after the replica caught up.
    assert getattr(publicatie_selectors.document_met_uuid, "leest_van_replica", False) is False
    for zoeken in (
        publicatie_selectors.publicaties_zoeken,
        publicatie_selectors.zoektreffers,
        publicatie_selectors.zoektreffers_versie,
    ):
        assert getattr(zoeken, "leest_van_replica", False) is True
