"""The public product catalogue reads the read replica (core.replica); starting an application and
the Werkplek read the primary."""

from __future__ import annotations

import pytest
from django.urls import reverse

from raadhuis.core import replica
from raadhuis.dienstverlening.models import Product
from raadhuis.dienstverlening.selectors import catalogus
from raadhuis.dienstverlening.tests.factories import product

pytestmark = pytest.mark.django_db(databases=["default", "replica"])


@pytest.fixture
def verhuizing(met_replica) -> Product:
    gevonden = product("verhuizing-doorgeven")
    gevonden.save(using="replica")
    Product.objects.using("replica").filter(pk=gevonden.pk).update(naam="Verhuizing (replica)", zaaktype=None)
    return gevonden


def test_catalogus_leest_de_replica(verhuizing, client):
    inhoud = client.get(reverse("dienstverlening:dienstverlening")).content.decode()

    assert "Verhuizing (replica)" in inhoud


def test_werkplekselector_leest_de_primaire_database(verhuizing):
    with replica.lees_van_replica():
        publiek = [p.naam for groep in catalogus.producten_per_doelgroep() for p in groep.producten]
        werkplek = [p.naam for p in catalogus.alle_producten()]

    assert publiek == ["Verhuizing (replica)"]
    assert werkplek == [verhuizing.naam]
