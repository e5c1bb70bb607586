"""core.idempotentie: keys are the caller's, too long ones are refused, old ones are forgotten."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from raadhuis.accounts.services import api_token_uitgeven
from raadhuis.core import idempotentie
from raadhuis.core.models import Idempotentiesleutel, Organisatie

pytestmark = pytest.mark.django_db


def _wijzigen(client: Client, token: str, sleutel: str, telefoon: str = "14 015"):
    return client.patch(
        "/api/v1/organisatie",
        {"telefoonnummer": telefoon},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
        HTTP_IDEMPOTENCY_KEY=sleutel,
    )


def test_een_herhaalde_wijziging_krijgt_hetzelfde_antwoord(
    client: Client, organisatie: Organisatie, beheerder
):
    token = api_token_uitgeven(medewerker=beheerder)

    eerste = _wijzigen(client, token, "k1")
    tweede = _wijzigen(client, token, "k1")

    assert eerste.status_code == tweede.status_code == 200
    assert tweede.content == eerste.content
    assert tweede["Idempotent-Replayed"] == "true"
    assert Idempotentiesleutel.objects.count() == 1


def test_een_te_lange_sleutel_geeft_400(client: Client, organisatie: Organisatie, beheerder):
    antwoord = _wijzigen(client, api_token_uitgeven(medewerker=beheerder), "x" * 201)

    assert antwoord.status_code == 400
    assert antwoord["Content-Type"] == "application/problem+json"
    assert not Idempotentiesleutel.objects.exists()


def test_zonder_inloggen_telt_een_sleutel_niet(client: Client, organisatie: Organisatie):
    """An anonymous key could be guessed and replayed by someone else: it is ignored."""
    antwoord = client.patch(
        "/api/v1/organisatie", {"naam": "X"}, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k"
    )

    assert antwoord.status_code == 401
    assert not Idempotentiesleutel.objects.exists()


def test_oude_sleutels_worden_vergeten(client: Client, organisatie: Organisatie, beheerder):
    _wijzigen(client, api_token_uitgeven(medewerker=beheerder), "oud")
    Idempotentiesleutel.objects.update(aangemaakt_op=timezone.now() - dt.timedelta(days=2))
    _wijzigen(client, api_token_uitgeven(medewerker=beheerder), "nieuw")

    call_command("idempotentie_opruimen")

    assert list(Idempotentiesleutel.objects.values_list("sleutel", flat=True)) == ["nieuw"]
    assert idempotentie.opruimen() == 0
