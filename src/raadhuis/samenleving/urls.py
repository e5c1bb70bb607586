"""The public pages and the Werkplek pages of samenleving."""

from django.urls import URLPattern, URLResolver

app_name = "samenleving"

urlpatterns: list[URLPattern | URLResolver] = [
    # -- petities en burgerinitiatieven --
    # -- consultaties --
    # -- maatschappelijke partners --
]
