"""Prometheus metrics at /metrics: request latency, queue depth, outbox, failed tasks and the
statutory deadlines at risk (Woo art. 4.4 decision terms; Gemeentewet art. 155 written questions
with the answer term of the Reglement van Orde, verify locally).

The latency histogram is filled by middleware.ToegangsMiddleware in every app server process. With
several processes (gunicorn workers) set PROMETHEUS_MULTIPROC_DIR to an empty directory shared by
them (deploy/raadhuis-web.service does): prometheus_client then keeps the histogram in files there
and a scrape, answered by any one process, adds up all of them. The other figures are read from
the database at scrape time, through the apps' selectors, so every process gives the same answer.

Protected: only a request with `Authorization: Bearer <RAADHUIS_METRICS_TOKEN>`, or from an address
in RAADHUIS_METRICS_ADRESSEN (the client address as core.snelheid reads it behind the proxy), gets
the figures; anyone else gets 404, so the endpoint does not even show it exists.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.crypto import constant_time_compare
from prometheus_client import CollectorRegistry, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector

from raadhuis.besluitvorming.selectors.raadsvragen import te_late_raadsvragen
from raadhuis.core.replica import bereikbaarheid
from raadhuis.core.snelheid import client_adres
from raadhuis.core.taken import uitgaand_aantal, wachtrij_status
from raadhuis.woo.selectors.verzoeken import verzoeken_dashboard
from raadhuis.woo.termijnen import Status

# Buckets around the targets of the module issues (search 50 ms, public pages 100 ms, work queue 150 ms).
GRENZEN = (0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
METHODES = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})

# Not in the default registry: every scrape builds its own (see scrape()).
VERZOEKDUUR = Histogram(
    "raadhuis_http_request_duration_seconds",
    "Duration of HTTP requests by route name, method and status class.",
    ["route", "method", "status"],
    buckets=GRENZEN,
    registry=None,
)


def verzoek_meten(*, methode: str, route: str, status: int, duur: float) -> None:
    """Records one request; the labels are bounded (route names, known methods, status classes)."""
    VERZOEKDUUR.labels(
        route=route,
        method=methode if methode in METHODES else "OTHER",
        status=f"{status // 100}xx",
    ).observe(duur)


class Stand(Collector):
    """The figures read from the database at each scrape."""

    def collect(self) -> Iterator[Metric]:
        wachtrij = wachtrij_status()
        wachtend = GaugeMetricFamily(
            "raadhuis_tasks_ready", "Background tasks waiting for a worker.", labels=["backend"]
        )
        wachtend.add_metric([str(wachtrij["backend"])], int(wachtrij["wachtend"]))
        yield wachtend
        yield GaugeMetricFamily(
            "raadhuis_tasks_outbox",
            "Tasks of committed changes not yet handed to the queue (should stay near 0).",
            value=uitgaand_aantal(),
        )
        yield GaugeMetricFamily(
            "raadhuis_tasks_failed",
            "Failed background tasks still on record (database backend: results; rq: failed job registry).",
            value=mislukte_taken(),
        )
        termijnen = GaugeMetricFamily(
            "raadhuis_deadlines_at_risk",
            "Open cases near (within 5 working days) or past their statutory deadline.",
            labels=["kind", "state"],
        )
        for soort, stand, aantal in termijnen_in_gevaar():
            termijnen.add_metric([soort, stand], aantal)
        yield termijnen


def mislukte_taken() -> int:
    if settings.RAADHUIS_TAKEN_BACKEND == "database":
        from django_tasks.base import TaskResultStatus
        from django_tasks_db.models import DBTaskResult

        return DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).count()
    if settings.RAADHUIS_TAKEN_BACKEND == "rq":
        import django_rq
        from rq.registry import FailedJobRegistry

        return len(FailedJobRegistry(queue=django_rq.get_queue("default")))
    return 0


def termijnen_in_gevaar() -> list[tuple[str, str, int]]:
    """Woo requests by the dashboard's state (Woo art. 4.4: near = within five working days) and
    written questions past their answer date (Gemeentewet art. 155, RvO term, verify locally)."""
    woo = Counter(regel.termijn.status for regel in verzoeken_dashboard())
    return [
        ("woo_verzoek", "bijna_verlopen", woo[Status.BIJNA_VERLOPEN]),
        ("woo_verzoek", "verlopen", woo[Status.VERLOPEN]),
        ("raadsvraag", "verlopen", te_late_raadsvragen().count()),
    ]


def scrape() -> bytes:
    """The text exposition of every metric, added up over all processes in multiprocess mode."""
    registry = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    else:
        registry.register(VERZOEKDUUR)
        registry.register(bereikbaarheid.TERUGVAL)
    registry.register(Stand())
    return generate_latest(registry)


def toegestaan(request: HttpRequest) -> bool:
    token = settings.RAADHUIS_METRICS_TOKEN
    kop = request.headers.get("Authorization", "")
    if token and kop.startswith("Bearer ") and constant_time_compare(kop.removeprefix("Bearer "), token):
        return True
    return client_adres(request) in settings.RAADHUIS_METRICS_ADRESSEN


def metrics_view(request: HttpRequest) -> HttpResponse:
    if not toegestaan(request):
        raise Http404
    return HttpResponse(scrape(), content_type=CONTENT_TYPE_LATEST)
