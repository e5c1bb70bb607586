"""The level-of-assurance gate for digital services, as a decorator on a view."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from raadhuis.core.digitale_dienst import Doelgroep, digitale_dienst, vereiste_identiteit
from raadhuis.core.identiteit import Betrouwbaarheidsniveau, Identiteit, Soort, identiteit_opslaan


@digitale_dienst(minimum=Betrouwbaarheidsniveau.HOOG, doelgroep=Doelgroep.INWONER, dienst="Testdienst")
def dienst(request: HttpRequest) -> HttpResponse:
    return HttpResponse(f"welkom {vereiste_identiteit(request).soort}")


def _verzoek(identiteit: Identiteit | None) -> HttpRequest:
    verzoek = RequestFactory().get("/testdienst/?stap=1")
    verzoek.session = SessionStore()
    verzoek.user = AnonymousUser()
    if identiteit is not None:
        identiteit_opslaan(verzoek.session, identiteit)
    return verzoek


@pytest.mark.django_db
def test_niet_ingelogd_krijgt_inlogknop_die_terugkeert_naar_de_dienst() -> None:
    antwoord = dienst(_verzoek(None))
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "/inloggen/digid/?niveau=hoog&amp;next=%2Ftestdienst%2F%3Fstap%3D1" in tekst
    assert "welkom" not in tekst


@pytest.mark.django_db
def test_te_laag_niveau_krijgt_403_met_beide_niveaus_en_de_reden() -> None:
    antwoord = dienst(_verzoek(Identiteit(soort=Soort.INWONER, niveau=Betrouwbaarheidsniveau.SUBSTANTIEEL)))
    assert antwoord.status_code == 403
    tekst = antwoord.content.decode()
    assert "betrouwbaarheidsniveau substantieel" in tekst
    assert "niveau hoog nodig" in tekst
    assert "identiteitsbewijs uitleest" in tekst  # the general reason for hoog


@pytest.mark.django_db
def test_ondernemer_krijgt_inwonersdienst_niet() -> None:
    antwoord = dienst(_verzoek(Identiteit(soort=Soort.ONDERNEMER, niveau=Betrouwbaarheidsniveau.HOOG)))
    assert antwoord.status_code == 403
    assert "/inloggen/digid/" in antwoord.content.decode()


@pytest.mark.django_db
def test_voldoende_niveau_komt_bij_de_dienst() -> None:
    antwoord = dienst(_verzoek(Identiteit(soort=Soort.INWONER, niveau=Betrouwbaarheidsniveau.HOOG)))
    assert antwoord.status_code == 200
    assert antwoord.content == b"welkom inwoner"


@pytest.mark.parametrize(
    ("doelgroep", "soort", "toegestaan"),
    [
        (Doelgroep.BEIDE, Soort.INWONER, True),
        (Doelgroep.BEIDE, Soort.ONDERNEMER, True),
        (Doelgroep.INWONER, Soort.ONDERNEMER, False),
        (Doelgroep.ONDERNEMER, Soort.ONDERNEMER, True),
    ],
)
def test_doelgroep_staat_de_juiste_soort_toe(doelgroep: Doelgroep, soort: Soort, toegestaan: bool) -> None:
    assert doelgroep.staat_toe(soort) is toegestaan
