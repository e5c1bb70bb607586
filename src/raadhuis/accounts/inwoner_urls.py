"""URLs of residents and businesses: DigiD/eHerkenning login and Mijn omgeving."""

from django.urls import path

from raadhuis.accounts import inwoner_views, oidc_views

app_name = "inwoner"

urlpatterns = [
    path("inloggen/<slug:middel>/", oidc_views.inloggen, name="inloggen"),
    path("inloggen/<slug:middel>/terug/", oidc_views.terug, name="terug"),
    path("mijn/", inwoner_views.mijn, name="mijn"),
    path("mijn/uitloggen/", inwoner_views.uitloggen, name="uitloggen"),
]
