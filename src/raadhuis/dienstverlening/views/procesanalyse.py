"""Process maps from the status histories, and the event log export (being built)."""

from django.http import Http404, HttpRequest, HttpResponse


def procesanalyse(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def procesanalyse_zaaktype(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def procesanalyse_export(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404
