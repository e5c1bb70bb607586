"""Contacts on every channel, callbacks, the 360° view and the knowledge base (being built)."""

from django.http import Http404, HttpRequest, HttpResponse


def klantcontacten(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def klantcontact_nieuw(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def klantcontact(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def klantcontact_beantwoorden(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def terugbelverzoek_nieuw(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def terugbelverzoeken(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def terugbelverzoek(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def klantbeeld(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def kennisbank(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def kennisartikel_nieuw(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


def kennisartikel(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404
