from django.urls import path

from raadhuis.uitvoering.views import beheer, publiek, rapporten, werkplek

app_name = "uitvoering"

urlpatterns = [
    path("raadsakkoord/", publiek.publiek, name="publiek"),
    path("raadsakkoord/<slug:slug>/", publiek.akkoord_publiek, name="akkoord_publiek"),
    path("werkplek/uitvoering/", werkplek.werkplek_uitvoering, name="werkplek"),
    path("werkplek/uitvoering/programma/<slug:slug>/", werkplek.dashboard, name="dashboard"),
    path("werkplek/uitvoering/programma/<slug:slug>/hoofdstuk/", rapporten.hoofdstuk, name="hoofdstuk"),
    path(
        "werkplek/uitvoering/programma/<slug:slug>/hoofdstuk/publiceren/",
        rapporten.hoofdstuk_publiceren,
        name="hoofdstuk_publiceren",
    ),
    # Files get a suffix of their own, so links to them are recognisably not pages.
    path(
        "werkplek/uitvoering/programma/<slug:slug>/hoofdstuk.<str:formaat>",
        rapporten.hoofdstuk,
        name="hoofdstuk_bestand",
    ),
    path("werkplek/uitvoering/activiteit/<int:pk>/", werkplek.activiteit, name="activiteit"),
    path(
        "werkplek/uitvoering/activiteit/<int:pk>/wijzigen/",
        beheer.activiteit_bewerken,
        name="activiteit_bewerken",
    ),
    path("werkplek/uitvoering/akkoord/nieuw/", beheer.akkoord_nieuw, name="akkoord_nieuw"),
    path("werkplek/uitvoering/akkoord/<slug:slug>/", beheer.akkoord_bewerken, name="akkoord_bewerken"),
    path("werkplek/uitvoering/akkoord/<slug:slug>/ambitie/", beheer.ambitie_nieuw, name="ambitie_nieuw"),
    path(
        "werkplek/uitvoering/akkoord/<slug:slug>/mid-term-review/",
        rapporten.mid_term_review,
        name="mid_term_review",
    ),
    path(
        "werkplek/uitvoering/akkoord/<slug:slug>/mid-term-review.pdf",
        rapporten.mid_term_review,
        {"formaat": "pdf"},
        name="mid_term_review_pdf",
    ),
    path("werkplek/uitvoering/ambitie/<int:pk>/", beheer.ambitie_bewerken, name="ambitie_bewerken"),
    path("werkplek/uitvoering/ambitie/<int:pk>/opdracht/", beheer.opdracht_nieuw, name="opdracht_nieuw"),
    path("werkplek/uitvoering/ambitie/<int:pk>/doel/", beheer.doel_nieuw, name="doel_nieuw"),
    path("werkplek/uitvoering/doel/<int:pk>/", beheer.doel_bewerken, name="doel_bewerken"),
    path("werkplek/uitvoering/doel/<int:pk>/indicator/", beheer.indicator_nieuw, name="indicator_nieuw"),
    path("werkplek/uitvoering/doel/<int:pk>/actie/", beheer.actie_nieuw, name="actie_nieuw"),
    path("werkplek/uitvoering/actie/<int:pk>/", beheer.actie_bewerken, name="actie_bewerken"),
    path("werkplek/uitvoering/actie/<int:pk>/activiteit/", beheer.activiteit_nieuw, name="activiteit_nieuw"),
    path("werkplek/uitvoering/kengetallen/", rapporten.kengetallen, name="kengetallen"),
]
