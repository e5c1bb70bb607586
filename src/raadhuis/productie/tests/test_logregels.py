"""Structured logs: one JSON access line per request with its request id, never a query string."""

from __future__ import annotations

import json
import logging
import sys

import pytest
from django.test import Client

from raadhuis.core.logboek import trace
from raadhuis.productie.logregels import JsonFormatter


def json_regels(caplog: pytest.LogCaptureFixture) -> list[dict[str, object]]:
    formatter = JsonFormatter()
    return [json.loads(formatter.format(r)) for r in caplog.records if r.name == "raadhuis.toegang"]


def test_een_verzoek_schrijft_een_json_toegangsregel_met_request_id(client: Client, settings, caplog):
    settings.RAADHUIS_TOEGANGSLOG = True
    caplog.set_level(logging.INFO, logger="raadhuis.toegang")

    antwoord = client.get("/api/v1/levend", {"emailadres": "jan@example.org"})

    [regel] = json_regels(caplog)
    trace_id = antwoord["traceparent"].split("-")[1]
    assert antwoord["X-Request-ID"] == trace_id
    assert regel["request_id"] == trace_id
    assert regel["level"] == "INFO"
    assert regel["logger"] == "raadhuis.toegang"
    assert regel["method"] == "GET"
    assert regel["path"] == "/api/v1/levend"
    assert regel["route"] == "api:levend"
    assert regel["status"] == 200
    assert isinstance(regel["duration_ms"], float)
    assert str(regel["time"]).endswith("+00:00")
    # The query string (here an e-mail address) is in no field of the line.
    assert "example.org" not in json.dumps(regel)
    assert "emailadres" not in json.dumps(regel)


def test_een_verzoek_van_de_aanroeper_houdt_diens_trace_id(db, client: Client, settings, caplog):
    settings.RAADHUIS_TOEGANGSLOG = True
    caplog.set_level(logging.INFO, logger="raadhuis.toegang")
    trace_id = "4bf92f3577b34da6a3ce929d0e0e4736"

    antwoord = client.get("/bestaat-niet/", headers={"traceparent": f"00-{trace_id}-00f067aa0ba902b7-01"})

    [regel] = json_regels(caplog)
    assert antwoord.status_code == 404
    assert antwoord["X-Request-ID"] == trace_id
    assert (regel["request_id"], regel["status"], regel["route"]) == (trace_id, 404, "onbekend")


def test_zonder_toegangslog_geen_regel_maar_wel_request_id(client: Client, settings, caplog):
    settings.RAADHUIS_TOEGANGSLOG = False
    caplog.set_level(logging.INFO, logger="raadhuis.toegang")

    antwoord = client.get("/api/v1/levend")

    assert json_regels(caplog) == []
    assert len(antwoord["X-Request-ID"]) == 32


def record(bericht: str, *, exc_info: object = None) -> logging.LogRecord:
    return logging.LogRecord("raadhuis.test", logging.ERROR, __file__, 1, bericht, (), exc_info)  # type: ignore[arg-type]


def test_json_regel_buiten_een_verzoek_zonder_request_id_met_fout():
    try:
        raise ValueError("kapot")
    except ValueError:
        regel = json.loads(JsonFormatter().format(record("Mislukt", exc_info=sys.exc_info())))

    assert regel["message"] == "Mislukt"
    assert regel["level"] == "ERROR"
    assert "request_id" not in regel
    assert "ValueError: kapot" in regel["exception"]


def test_json_regel_binnen_een_span_krijgt_diens_trace_id():
    with trace.span() as span:
        regel = json.loads(JsonFormatter().format(record("Taak klaar")))

    assert regel["request_id"] == span.trace_id


def test_statisch_bestand_heeft_route_static(db, client: Client, settings, caplog):
    settings.RAADHUIS_TOEGANGSLOG = True
    caplog.set_level(logging.INFO, logger="raadhuis.toegang")

    client.get("/static/raadhuis/bestaat-niet.css")

    [regel] = json_regels(caplog)
    assert regel["route"] == "static"
