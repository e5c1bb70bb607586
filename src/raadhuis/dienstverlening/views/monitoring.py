"""The managers' dashboard of channels and processes (being built)."""

from django.http import Http404, HttpRequest, HttpResponse


def monitoring(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def monitoring_csv(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404
