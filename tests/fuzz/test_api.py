"""API fuzzing with schemathesis (issue 11 point 2): every operation of the platform's own OpenAPI
document, through the WSGI application in-process, as anonymous and as each relevant identity.

Per example three hard checks: no 5xx, the body valid against the schema documented for its status,
and every 4xx answered as application/problem+json (RFC 9457; architecture.md rule 7). Whether every
status code and media type is documented is a test of its own per operation, so that a document
that leaves out its error answers cannot hide a 500 behind an expected failure.

Bounded and repeatable for CI: RAADHUIS_FUZZ_VOORBEELDEN examples per operation and identity
(default 50), derandomized, no example database, no shrinking. A failure found here is a bug in
the application: its case is marked xfail(strict=True) below with what came back, until fixed.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import hypothesis
import pytest
import schemathesis
from django.db import transaction
from hypothesis import strategies as st
from pytest_django import DjangoDbBlocker
from schemathesis import Case, CheckContext, GenerationMode, Response
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.core.result import Ok
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from fuzz.conftest import Wereld
from raadhuis.accounts.models import Rol
from raadhuis.core.bsn import is_geldig_bsn
from raadhuis.core.problem import PROBLEM_JSON
from raadhuis.wsgi import application

# A generated request for any operation of the document.
Geval = Case[Any]

VOORBEELDEN = int(os.environ.get("RAADHUIS_FUZZ_VOORBEELDEN", "50"))
# Fixed, not scaled with the setting: the documentation test's expected failures must stay failures.
DOCUMENTATIE_VOORBEELDEN = 5
OPENAPI = "/api/v1/openapi.json"

schema = schemathesis.openapi.from_wsgi(OPENAPI, application)

# The world is one rolled-back transaction for the class TestFuzz (conftest.wereld); this mark makes
# pytest-django create the test database for it and wrap every test in a transaction of its own.
pytestmark = pytest.mark.django_db


@schemathesis.check
def problem_json(ctx: CheckContext, response: Response, case: Geval) -> bool | None:
    """Every 4xx is application/problem+json with the RFC 9457 members the platform promises."""
    if not 400 <= response.status_code < 500:
        return None
    soort = (response.headers.get("content-type") or [""])[0].split(";")[0].strip()
    if soort != PROBLEM_JSON:
        raise AssertionError(
            f"{response.status_code} answered as {soort or 'no media type'}, not {PROBLEM_JSON}"
        )
    try:
        inhoud = json.loads(response.content)
    except ValueError as fout:
        raise AssertionError(f"{response.status_code} problem+json body is not JSON") from fout
    if (
        not isinstance(inhoud, dict)
        or inhoud.get("status") != response.status_code
        or not inhoud.get("title")
    ):
        raise AssertionError(f"{response.status_code} problem+json lacks a matching status or a title")
    return True


# Each hard check with the figure it counts towards.
HARDE_CONTROLES: tuple[tuple[str, Callable[..., Any]], ...] = (
    ("5xx", not_a_server_error),
    ("schemafouten", response_schema_conformance),
    ("geen_problem_json", problem_json),
)


# --- the operations and who calls them ------------------------------------------------------------


@cache
def _operaties() -> list[Any]:
    operaties = []
    for resultaat in schema.get_all_operations():
        if not isinstance(resultaat, Ok):
            # A part of the document schemathesis cannot read is a finding too, not a skipped operation.
            raise RuntimeError(f"unreadable operation in {OPENAPI}: {resultaat.err()}")
        operaties.append(resultaat.ok())
    return operaties


def _sleutel(operatie: Any) -> str:
    return f"{operatie.method.upper()} {operatie.path}"


# Who may call a secured operation (the permission its service checks), and who may not.
TOEGESTAAN = {"/api/v1/organisatie": Rol.BEHEERDER, "/api/v1/woo/": Rol.WOO_COORDINATOR}


def identiteiten(operatie: Any) -> tuple[str, ...]:
    """The relevant identities: anonymous always; for the public reading API also an employee's
    session (a logged-in reader sees nothing more there); for the employee API the allowed role by
    token and by session (CSRF-checked), a role without the permission and a resident's session;
    for Mijn zaken the resident at levels substantieel and laag, the business and an employee."""
    beveiliging = {naam for eis in operatie.definition.raw.get("security", []) for naam in eis}
    if not beveiliging:
        return ("anoniem", f"{Rol.GRIFFIE}-sessie")
    if "InwonerSessie" in beveiliging:
        return ("anoniem", "inwoner", "inwoner-laag", "ondernemer", f"{Rol.BEHANDELAAR}-sessie")
    rol = next((r for voorvoegsel, r in TOEGESTAAN.items() if operatie.path.startswith(voorvoegsel)), None)
    if rol is None:
        raise LookupError(f"{_sleutel(operatie)} is secured: name the role that may call it in TOEGESTAAN")
    return ("anoniem", f"{rol}-token", f"{rol}-sessie", f"{Rol.KCC_MEDEWERKER}-token", "inwoner")


# --- known failures (bugs found by this fuzzer; remove the entry when fixed) -----------------------


@dataclass(frozen=True)
class Bekend:
    """A bug this fuzzer found: what came back, and the smallest request that shows it. That request
    is sent before the fuzzed ones, so the expected failure does not depend on the example count."""

    reden: str
    body: dict[str, Any]


# (operation, identity) -> the bug. Remove an entry when the bug is fixed (strict: it then fails).
# Fixed so far: PATCH /organisatie with {"postadres": null} answered 500 (core.services now clears).
BEKENDE_FOUTEN: dict[tuple[str, str], Bekend] = {}

# operation -> the status codes (or media types) it answers that its OpenAPI entry does not list.
# Empty since raadhuis.api documents the problem+json errors of every operation; a new gap is a
# failure of test_openapi_beschrijft_elk_antwoord, to be fixed in the document, not listed here.
ONGEDOCUMENTEERD: dict[str, str] = {}


def _gevallen() -> Iterator[Any]:
    for operatie in _operaties():
        for identiteit in identiteiten(operatie):
            bekend = BEKENDE_FOUTEN.get((_sleutel(operatie), identiteit))
            marks = [pytest.mark.xfail(strict=True, reason=bekend.reden)] if bekend else []
            yield pytest.param(
                _sleutel(operatie), identiteit, id=f"{_sleutel(operatie)} als {identiteit}", marks=marks
            )


def _statusgevallen() -> Iterator[Any]:
    for operatie in _operaties():
        reden = ONGEDOCUMENTEERD.get(_sleutel(operatie))
        marks = [pytest.mark.xfail(strict=True, reason=reden)] if reden else []
        yield pytest.param(_sleutel(operatie), id=_sleutel(operatie), marks=marks)


# --- generation -----------------------------------------------------------------------------------

_NEGEN_CIJFERS = re.compile(r"(?<!\d)\d{9}(?!\d)")


def _zonder_bsn(case: Geval) -> bool:
    """The run's guard (raadhuis.pytest_plugin) fails a test that puts a BSN in a URL; a made-up
    number that happens to pass the 11-proef is not a leak, so such an example is not sent."""
    tekst = f"{case.path_parameters} {case.query}"
    return not any(is_geldig_bsn(getal) for getal in _NEGEN_CIJFERS.findall(tekst))


def strategie(operatie: Any, wereld: Wereld) -> st.SearchStrategy[Geval]:
    """Valid and invalid input in equal measure, and for paths with an id also existing objects."""
    keuzes: list[st.SearchStrategy[Geval]] = [
        operatie.as_strategy(GenerationMode.POSITIVE),
        operatie.as_strategy(GenerationMode.NEGATIVE),
    ]
    for (pad, naam), waarden in wereld.bestaand.items():
        if pad == operatie.path and waarden:
            keuzes.append(st.sampled_from(waarden).flatmap(_met_pad(operatie, naam)))
    return st.one_of(*keuzes).filter(_zonder_bsn)


def _met_pad(operatie: Any, naam: str) -> Callable[[str], st.SearchStrategy[Geval]]:
    def strategie(waarde: str) -> st.SearchStrategy[Geval]:
        resultaat: st.SearchStrategy[Geval] = operatie.as_strategy(
            GenerationMode.POSITIVE, path_parameters={naam: waarde}
        )
        return resultaat

    return strategie


INSTELLINGEN = hypothesis.settings(
    max_examples=VOORBEELDEN,
    derandomize=True,
    database=None,
    deadline=None,
    phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
    suppress_health_check=list(hypothesis.HealthCheck),
    report_multiple_bugs=False,
    print_blob=False,
)


def _versturen(case: Geval, wereld: Wereld, identiteit: str, blocker: DjangoDbBlocker) -> Response:
    """One request through the WSGI application, in a savepoint rolled back afterwards, so what a
    POST creates does not change the world the next example sees."""
    inlog = wereld.inloggen[identiteit]
    with blocker.unblock(), transaction.atomic():
        antwoord = case.call(headers=dict(inlog.headers), cookies=dict(inlog.cookies))
        transaction.set_rollback(True)
    return antwoord


def _controle(case: Geval, antwoord: Response, controle: Callable[..., Any]) -> str | None:
    try:
        case.validate_response(antwoord, checks=[controle])
    except FailureGroup as fouten:
        return str(fouten).strip() or repr(fouten)
    return None


def _beschrijving(case: Geval, antwoord: Response) -> str:
    return (
        f"{case.method} {case.formatted_path} query={case.query!r} body={case.body!r} -> "
        f"{antwoord.status_code} {antwoord.text[:300]!r}"
    )


# --- the tests ------------------------------------------------------------------------------------


class TestFuzz:
    @pytest.mark.parametrize(("sleutel", "identiteit"), list(_gevallen()))
    def test_operatie_houdt_stand(
        self,
        sleutel: str,
        identiteit: str,
        wereld: Wereld,
        django_db_blocker: DjangoDbBlocker,
        record_property: Callable[[str, object], None],
    ) -> None:
        """No 5xx, bodies as documented, every 4xx problem+json: for fuzzed input as this identity."""
        operatie = next(o for o in _operaties() if _sleutel(o) == sleutel)
        cijfers = dict.fromkeys(("voorbeelden", "2xx", "4xx", "5xx", "schemafouten", "geen_problem_json"), 0)

        def controleren(case: Geval) -> None:
            antwoord = _versturen(case, wereld, identiteit, django_db_blocker)
            cijfers["voorbeelden"] += 1
            if 200 <= antwoord.status_code < 300 or 400 <= antwoord.status_code < 500:
                cijfers[f"{antwoord.status_code // 100}xx"] += 1
            for figuur, controle in HARDE_CONTROLES:
                fout = _controle(case, antwoord, controle)
                if fout is not None:
                    cijfers[figuur] += 1
                    raise AssertionError(f"{figuur}: {_beschrijving(case, antwoord)}\n{fout}")

        bekend = BEKENDE_FOUTEN.get((sleutel, identiteit))
        try:
            if bekend is not None:
                controleren(operatie.Case(body=bekend.body, media_type="application/json"))
            hypothesis.given(case=strategie(operatie, wereld))(INSTELLINGEN(controleren))()
        finally:
            record_property("fuzz_operatie", sleutel)
            for figuur, waarde in cijfers.items():
                record_property(f"fuzz_{figuur}", waarde)

    @pytest.mark.parametrize("sleutel", list(_statusgevallen()))
    def test_openapi_beschrijft_elk_antwoord(
        self,
        sleutel: str,
        wereld: Wereld,
        django_db_blocker: DjangoDbBlocker,
        record_property: Callable[[str, object], None],
    ) -> None:
        """Every status code and media type an operation answers is listed in its OpenAPI entry
        (schemathesis' status_code_conformance and content_type_conformance), for every relevant
        identity; a few examples per identity suffice."""
        operatie = next(o for o in _operaties() if _sleutel(o) == sleutel)
        ongedocumenteerd: dict[str, str] = {}

        def als(identiteit: str) -> Callable[[], None]:
            @hypothesis.settings(INSTELLINGEN, max_examples=DOCUMENTATIE_VOORBEELDEN)
            @hypothesis.given(case=strategie(operatie, wereld))
            def voorbeeld(case: Geval) -> None:
                antwoord = _versturen(case, wereld, identiteit, django_db_blocker)
                for controle in (status_code_conformance, content_type_conformance):
                    if _controle(case, antwoord, controle) is not None:
                        soort = (antwoord.headers.get("content-type") or [""])[0]
                        ongedocumenteerd.setdefault(
                            f"{antwoord.status_code} {soort}",
                            f"{identiteit}: {_beschrijving(case, antwoord)}",
                        )

            return voorbeeld

        for identiteit in identiteiten(operatie):
            als(identiteit)()
        record_property("fuzz_ongedocumenteerde_status", len(ongedocumenteerd))
        assert not ongedocumenteerd, f"{sleutel} answers what its OpenAPI entry does not list:\n" + "\n".join(
            f"{status}: {voorbeeld}" for status, voorbeeld in sorted(ongedocumenteerd.items())
        )


# --- the custom check itself ----------------------------------------------------------------------


def _antwoord(status: int, soort: str, inhoud: bytes) -> Response:
    import requests

    return Response(
        status_code=status,
        headers={"content-type": [soort]},
        content=inhoud,
        request=requests.Request("GET", "http://localhost/api/v1/x").prepare(),
        elapsed=0.0,
        verify=True,
    )


@pytest.mark.parametrize(
    ("status", "soort", "inhoud", "goed"),
    [
        (404, PROBLEM_JSON, b'{"type": "about:blank", "title": "Niet gevonden.", "status": 404}', True),
        (404, "text/html; charset=utf-8", b"<h1>Niet gevonden</h1>", False),
        (422, "application/json", b'{"detail": []}', False),
        (403, PROBLEM_JSON, b'{"title": "Geen toegang.", "status": 401}', False),
        (200, "application/json", b"{}", True),
    ],
)
def test_problem_json_controle_herkent_een_fout_zonder_probleemdetails(
    status: int, soort: str, inhoud: bytes, goed: bool
) -> None:
    """The fuzzer found no 4xx outside problem+json; this shows the check would have said so."""
    antwoord = _antwoord(status, soort, inhoud)
    if goed:
        problem_json(None, antwoord, None)  # type: ignore[arg-type]
    else:
        with pytest.raises(AssertionError):
            problem_json(None, antwoord, None)  # type: ignore[arg-type]
