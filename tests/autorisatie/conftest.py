"""The shared world of the authorization matrix: the demo data, a few objects per resident, and one
logged-in session per actor, built once for the class TestMatrix inside a transaction that is rolled back."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.cookies import SimpleCookie

import pytest
from django.core.management import call_command
from pytest_django import DjangoDbBlocker

from autorisatie import data
from autorisatie.matrix import ACTOREN
from raadhuis.accounts.models import Medewerker
from raadhuis.accounts.tests.hulp import TweestapClient
from raadhuis.core.identiteit import Identiteit, identiteit_opslaan
from raadhuis.core.tests.wereld import teruggedraaide_wereld, wereld_gereed
from raadhuis.testidp.testhulp import backchannel_via_testclient


@dataclass
class Wereld:
    """Path parameter values by name (data.bouwen) and the session cookie of every actor."""

    waarden: dict[str, str] = field(default_factory=dict)
    cookies: dict[str, SimpleCookie] = field(default_factory=dict)
    clients: dict[str, TweestapClient] = field(default_factory=dict)

    def client(self, actor: str) -> TweestapClient:
        """The actor's client with its login cookie as it was after logging in: a logout or a
        rotated session in one case cannot carry over into the next one. One client per actor,
        because every new test client loads the middleware again, and WhiteNoise then scans all
        static files (about 90 ms, most of a request)."""
        client = self.clients.get(actor)
        if client is None:
            client = self.clients[actor] = TweestapClient(raise_request_exception=False)
        client.cookies = SimpleCookie()
        for naam, morsel in self.cookies[actor].items():
            client.cookies[naam] = morsel.value
        return client


def _sessies(wereld: Wereld) -> None:
    identiteiten: dict[str, Identiteit] = {
        "inwoner_a": data.inwoner(data.BSN_A, "A. Aalders"),
        "inwoner_b": data.inwoner(data.BSN_B, "B. Bakker"),
        "ondernemer": data.ondernemer(),
    }
    for actor in ACTOREN:
        client = TweestapClient()
        if actor in identiteiten:
            # As after DigiD or eHerkenning (dienstverlening.tests.factories.inloggen).
            sessie = client.session
            identiteit_opslaan(sessie, identiteiten[actor])
            sessie.save()
        elif actor != "anoniem":
            client.force_login(Medewerker.objects.get(username=actor))
        wereld.cookies[actor] = client.cookies


@pytest.fixture(scope="class")
def wereld(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[Wereld]:
    """Everything in one outer transaction, rolled back at the end, so the demo data never reaches
    the other tests of the run; every case runs in a savepoint of its own (test_matrix)."""
    # The DigiD/eHerkenning start page fetches the broker's discovery document; routed to the test
    # IdP in this process, so the answer does not depend on what an earlier test left behind.
    with teruggedraaide_wereld("matrix", django_db_blocker), backchannel_via_testclient():
        call_command("demo", stdout=io.StringIO())
        wereld = Wereld()
        data.bouwen(wereld.waarden)
        _sessies(wereld)
        wereld_gereed()
        yield wereld
