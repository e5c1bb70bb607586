"""Werkplek pages of woo: statistiek (filled in by its own step; see urls.py)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, path


def statistiek(request: HttpRequest) -> HttpResponse:  # replaced by the statistics step
    return HttpResponse(status=501)


urlpatterns: list[URLPattern] = [path("werkplek/woo/cijfers/", statistiek, name="statistiek")]
