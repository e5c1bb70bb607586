"""The public council pages read the read replica (core.replica); the Werkplek reads the primary.
The same meeting carries another title on the replica, so the page shows where it read."""

from __future__ import annotations

import pytest
from django.urls import reverse

from raadhuis.accounts.models import Medewerker
from raadhuis.besluitvorming.models import Vergadering
from raadhuis.besluitvorming.selectors import publiek
from raadhuis.besluitvorming.tests.factories import VergaderingFactory
from raadhuis.core import replica

pytestmark = pytest.mark.django_db(databases=["default", "replica"])


@pytest.fixture
def vergadering(met_replica) -> Vergadering:
    vergadering = VergaderingFactory(titel="Raadsvergadering (primair)")
    vergadering.orgaan.save(using="replica")
    vergadering.save(using="replica")
    Vergadering.objects.using("replica").filter(pk=vergadering.pk).update(titel="Raadsvergadering (replica)")
    return vergadering


def test_kalender_leest_de_replica(vergadering, client):
    inhoud = client.get(reverse("besluitvorming:kalender")).content.decode()

    assert "Raadsvergadering (replica)" in inhoud
    assert "Raadsvergadering (primair)" not in inhoud


def test_kalender_voor_een_ingelogde_medewerker_leest_de_primaire_database(
    vergadering, client, griffier: Medewerker
):
    client.force_login(griffier)

    inhoud = client.get(reverse("besluitvorming:kalender")).content.decode()

    assert "Raadsvergadering (primair)" in inhoud


def test_publieke_selectors_kiezen_de_replica_alleen_in_een_verzoek(vergadering):
    with replica.lees_van_replica():
        assert [v.titel for v in publiek.kalender()] == ["Raadsvergadering (replica)"]
    assert [v.titel for v in publiek.kalender()] == ["Raadsvergadering (primair)"]


@pytest.mark.django_db(databases=["default"])  # no replica needed: it reads the decorators
def test_toegang_tot_een_stuk_leest_altijd_de_primaire_database():
    # A stuk made secret (Gemeentewet art. 25) must be refused at once, not after the replica caught up.
    for controle in (publiek.openbaar_stuk, publiek.stuk_is_openbaar, publiek.openbare_stuk_ids):
        assert getattr(controle, "leest_van_replica", False) is False
    # The public pages' reads, the versions their cached fragments are keyed by included.
    for pagina in (
        publiek.vergadering_met_orgaan,
        publiek.vergadering_publiek,
        publiek.vergadering_publiek_versie,
        publiek.stemming_publiek_kop,
        publiek.stemming_publiek_versie,
        publiek.stemming_uitslag_toevoegen,
        publiek.stemming_publiek,
    ):
        assert getattr(pagina, "leest_van_replica", False) is True, pagina.__name__
