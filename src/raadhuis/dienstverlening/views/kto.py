"""The satisfaction survey (public) and its results (being built)."""

from django.http import Http404, HttpRequest, HttpResponse


def kto_bedankt(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def kto_vragenlijst(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def kto_uitnodiging_balie(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def kto_resultaten(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404
