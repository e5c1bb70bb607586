"""Werkplek pages of woo: lakken (filled in by its own step; see urls.py)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, path


def zichtbare_namen(request: HttpRequest) -> HttpResponse:  # replaced by the lakken step
    return HttpResponse(status=501)


urlpatterns: list[URLPattern] = [
    path("werkplek/woo/zichtbare-namen/", zichtbare_namen, name="zichtbare_namen")
]
