"""The authorization matrix as tests (issue 11, point 1): every route of the project has an entry
in matrix.MATRIX, and every route answers every actor as declared there."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote_plus

import pytest
from django.core.cache import cache
from django.db import transaction
from pytest_django import DjangoDbBlocker

from autorisatie.conftest import Wereld
from autorisatie.matrix import ACTOREN, MATRIX, Geval, verwacht_antwoord
from autorisatie.routes import alle_routes, invullen

pytestmark = pytest.mark.django_db

LOGINPAGINAS = ("/werkplek/inloggen/", "/beheer/login/", "/inloggen/")
# Pages of a DigiD/eHerkenning service that explain how to log in instead of redirecting
# (core.digitale_dienst, and the resident's own processing log when no broker is configured).
INLOGUITLEG = {"raadhuis/digitale_dienst.html", "logboek/inloggen_nodig.html"}


def soort_antwoord(antwoord: Any) -> str:
    """The answer in the matrix's words: ok, login, 403, 404, 405, or the status code itself."""
    status = antwoord.status_code
    if status == 401:
        return "login"
    if status in (301, 302, 303, 307, 308):
        doel = str(antwoord.get("Location", ""))
        pad = "/" + doel.split("://", 1)[-1].split("/", 1)[-1] if "://" in doel else doel
        return "login" if pad.startswith(LOGINPAGINAS) else "ok"
    if status == 200 and any(
        getattr(t, "name", None) in INLOGUITLEG for t in getattr(antwoord, "templates", [])
    ):
        return "login"
    if 200 <= status < 300:
        return "ok"
    if status in (400, 409, 422):
        return "ongeldig"
    return str(status)


def _url(geval: Geval, waarden: dict[str, str], route: str) -> str:
    if "url" in geval:
        url = str(geval["url"])
    else:
        pad = {
            naam: sleutel[1:] if sleutel.startswith("=") else waarden[sleutel]
            for naam, sleutel in geval.get("pad", {}).items()
        }
        url = invullen(route, pad)
    if "query" not in geval:
        return url
    return url + "?" + geval["query"].format_map({k: quote_plus(v) for k, v in waarden.items()})


def opvragen(
    wereld: Wereld, blocker: DjangoDbBlocker, route: str, geval: Geval, actor: str
) -> tuple[str, Any]:
    """Sends the case's request as the actor, in a savepoint that is rolled back afterwards."""
    url = _url(geval, wereld.waarden, route)
    with blocker.unblock(), transaction.atomic():
        cache.clear()
        client = wereld.client(actor)
        methode = geval.get("methode", "GET")
        if methode == "GET":
            antwoord = client.get(url)
        else:
            antwoord = client.generic(methode, url, b"", content_type="application/x-www-form-urlencoded")
        transaction.set_rollback(True)
    return soort_antwoord(antwoord), antwoord


def test_elke_route_staat_in_de_matrix() -> None:
    """A new URL without a matrix entry fails here, by name; so does an entry for a removed URL."""
    routes = alle_routes()
    ontbreekt = [route for route in routes if route not in MATRIX]
    overbodig = sorted(set(MATRIX) - set(routes))
    assert not ontbreekt, "routes without an entry in tests/autorisatie/matrix.py:\n" + "\n".join(ontbreekt)
    assert not overbodig, "matrix entries for routes that no longer exist:\n" + "\n".join(overbodig)


def test_elke_route_heeft_een_antwoord_voor_elke_actor() -> None:
    for route, gevallen in MATRIX.items():
        assert gevallen, f"{route}: no case"
        for geval in gevallen:
            for actor in ACTOREN:
                assert verwacht_antwoord(geval, actor) in {
                    "ok",
                    "login",
                    "403",
                    "404",
                    "405",
                    "ongeldig",
                    "503",
                }, (
                    route,
                    actor,
                )


def _gevallen() -> Iterator[Any]:
    for route, gevallen in MATRIX.items():
        for index, geval in enumerate(gevallen):
            methode = geval.get("methode", "GET")
            lekken = geval.get("lek", {})
            for actor in ACTOREN:
                marks = [pytest.mark.xfail(strict=True, reason=lekken[actor])] if actor in lekken else []
                yield pytest.param(
                    route, index, actor, id=f"{methode} /{route} [{index}] {actor}", marks=marks
                )


class TestMatrix:
    @pytest.mark.parametrize(("route", "index", "actor"), list(_gevallen()))
    def test_antwoord_volgens_matrix(
        self, wereld: Wereld, django_db_blocker: DjangoDbBlocker, route: str, index: int, actor: str
    ) -> None:
        geval = MATRIX[route][index]
        verwacht = verwacht_antwoord(geval, actor)
        gekregen, antwoord = opvragen(wereld, django_db_blocker, route, geval, actor)
        assert gekregen == verwacht, f"{actor} on {antwoord.request['PATH_INFO']}: {antwoord.status_code}"
        geheim = geval.get("geheim")
        if geheim is not None and actor not in geheim["mag_zien"]:
            tekst = wereld.waarden[geheim["tekst"]]
            assert tekst not in antwoord.content.decode(errors="replace"), f"{actor} sees {tekst!r}"
