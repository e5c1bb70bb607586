"""Root URLs: the public site, the Werkplek, the API and Django's admin."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.i18n import set_language

from raadhuis.api import api, onbekend_pad
from raadhuis.core import views as core_views
from raadhuis.productie.metrics import metrics_view

urlpatterns = [
    path("api/v1/", api.urls),
    # Prometheus metrics, for the monitoring system only (token or address; others get 404).
    path("metrics", metrics_view, name="metrics"),
    re_path(r"^api/v1/(?P<pad>.*)$", onbekend_pad),
    path("taal/", set_language, name="set_language"),
    path("werkplek/", include("raadhuis.accounts.urls")),
    path("", include("raadhuis.accounts.inwoner_urls")),
    path("beheer/", admin.site.urls),
    path("", include("raadhuis.core.urls")),
    path("", include("raadhuis.besluitvorming.urls")),
    path("", include("raadhuis.uitvoering.urls")),
    path("", include("raadhuis.samenwerking.urls")),
    path("", include("raadhuis.dienstverlening.urls")),
    path("", include("raadhuis.woo.urls")),
    path("", include("raadhuis.publicatie.urls")),
    path("", include("raadhuis.samenleving.urls")),
    # Uploaded public files (organisation logo, photos of council members). Council papers live in
    # the private store (core.opslag: RAADHUIS_PRIVE_ROOT or the bucket's prive/ prefix) and go out
    # only through the modules' download views, which check openbaarheid (a geheim stuk, Gemeentewet
    # art. 25). The folder filter stays as a second line of defence. In production nginx serves
    # MEDIA_ROOT itself; with S3 these requests reach the app, which streams them from the bucket.
    re_path(r"^media/(?P<path>(?:organisatie|personen)/.*)$", core_views.openbaar_bestand),
]

# A database briefly away answers 503 with Retry-After (core.storing); anything else 500.
handler500 = "raadhuis.core.storing.serverfout"

# The local test identity provider (DigiD/eHerkenning stand-in): development and tests only.
if settings.RAADHUIS_TEST_IDP:
    urlpatterns.append(path("test-idp/", include("raadhuis.testidp.urls")))
