"""W3C Trace Context: parsing traceparent and the middleware that carries it through a request."""

from __future__ import annotations

import pytest
from django.test import Client

from raadhuis.core.identiteit import Betrouwbaarheidsniveau, Identiteit, Soort, identiteit_opslaan
from raadhuis.core.logboek import trace
from raadhuis.core.models import Logregel

GELDIG = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"


def test_geldige_traceparent_wordt_gelezen():
    span = trace.traceparent_lezen(GELDIG)

    assert span == trace.Span(
        trace_id="4bf92f3577b34da6a3ce929d0e0e4736", span_id="00f067aa0ba902b7", vlaggen="01"
    )


def test_latere_versie_met_extra_velden_wordt_gelezen():
    span = trace.traceparent_lezen("cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-meer")

    assert span is not None
    assert span.trace_id == "4bf92f3577b34da6a3ce929d0e0e4736"


@pytest.mark.parametrize(
    "waarde",
    [
        "",
        "onzin",
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01",  # uppercase
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01",  # all-zero trace id
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",  # all-zero span id
        "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",  # forbidden version
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",  # version 00 has four fields
        "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",  # short trace id
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1",  # short flags
    ],
)
def test_ongeldige_traceparent_wordt_genegeerd(waarde):
    assert trace.traceparent_lezen(waarde) is None


def _inwoner_client(client: Client) -> Client:
    sessie = client.session
    identiteit_opslaan(
        sessie, Identiteit(soort=Soort.INWONER, niveau=Betrouwbaarheidsniveau.SUBSTANTIEEL, bsn="999993653")
    )
    sessie.save()
    return client


def test_request_met_traceparent_wordt_kind_van_de_aanroeper_en_regels_volgen(client, organisatie):
    antwoord = _inwoner_client(client).get("/mijn/gegevens/", headers={"traceparent": GELDIG})

    terug = trace.traceparent_lezen(antwoord["traceparent"])
    assert terug is not None
    assert terug.trace_id == "4bf92f3577b34da6a3ce929d0e0e4736"
    assert terug.span_id != "00f067aa0ba902b7"
    regel = Logregel.objects.get()
    assert regel.trace_id == terug.trace_id
    assert regel.parent_span_id == terug.span_id


def test_request_met_ongeldige_traceparent_start_een_nieuwe_trace(client, organisatie):
    antwoord = _inwoner_client(client).get("/mijn/gegevens/", headers={"traceparent": "00-nep-nep-01"})

    terug = trace.traceparent_lezen(antwoord["traceparent"])
    assert terug is not None
    assert Logregel.objects.get().trace_id == terug.trace_id


def test_elk_antwoord_draagt_een_traceparent_ook_zonder_aanroeper(client, db):
    een = trace.traceparent_lezen(client.get("/").get("traceparent"))
    twee = trace.traceparent_lezen(client.get("/").get("traceparent"))

    assert een is not None
    assert twee is not None
    assert een.trace_id != twee.trace_id
    assert trace.huidige_span() is None
