from django.urls import path

from raadhuis.besluitvorming import views
from raadhuis.besluitvorming.views import (
    abonnementen,
    geheimhouding,
    griffie,
    inspreken,
    organen_beheer,
    personen,
    personen_stemming,
    publiek,
    raadsvragen,
    stemmen,
    voorstellen,
)

app_name = "besluitvorming"

urlpatterns = [
    path("bestuur/", views.bestuur, name="bestuur"),
    path("bestuur/vergaderingen/", publiek.kalender, name="kalender"),
    path("bestuur/zoeken/", publiek.zoeken, name="zoeken"),
    path("bestuur/meldingen/", abonnementen.aanmelden, name="meldingen"),
    path("bestuur/meldingen/aangevraagd/", abonnementen.aangevraagd, name="meldingen_aangevraagd"),
    path(
        "bestuur/meldingen/<int:pk>/<str:sleutel>/bevestigen/",
        abonnementen.bevestigen,
        name="abonnement_bevestigen",
    ),
    path(
        "bestuur/meldingen/<int:pk>/<str:sleutel>/afmelden/",
        abonnementen.opzeggen,
        name="abonnement_opzeggen",
    ),
    # Inspreken: asking to speak at a meeting, withdrawing through the mail's link (views/inspreken.py).
    path("bestuur/vergaderingen/<int:pk>/inspreken/", inspreken.aanmelden, name="inspreken"),
    path(
        "bestuur/vergaderingen/<int:pk>/inspreken/aangemeld/", inspreken.ontvangen, name="inspreken_ontvangen"
    ),
    path(
        "bestuur/inspreken/<int:pk>/<str:sleutel>/intrekken/",
        inspreken.intrekken,
        name="inspreken_intrekken",
    ),
    path("bestuur/vergaderingen.ics", publiek.vergaderingen_ical, name="vergaderingen_ical"),
    path("bestuur/vergaderingen/<int:pk>/", publiek.vergadering, name="vergadering"),
    path("bestuur/stemmingen/<int:pk>/", publiek.stemming, name="stemming"),
    path("bestuur/personen/<slug:slug>/", publiek.persoon, name="persoon"),
    path("bestuur/fracties/<slug:slug>/", publiek.fractie, name="fractie"),
    path("bestuur/stukken/<int:pk>/download/", publiek.stuk_downloaden, name="stuk_downloaden"),
    path(
        "bestuur/<slug:slug>/vergaderingen.ics",
        publiek.orgaan_vergaderingen_ical,
        name="orgaan_vergaderingen_ical",
    ),
    path("bestuur/registers/moties/", stemmen.publiek_moties_register, name="moties_register"),
    path(
        "bestuur/registers/toezeggingen/",
        stemmen.publiek_toezeggingen_register,
        name="toezeggingen_register",
    ),
    # Raadsvragen, Gemeentewet art. 155 (views/raadsvragen.py).
    path("bestuur/raadsvragen/", raadsvragen.register, name="raadsvragen_register"),
    path("bestuur/raadsvragen.atom", raadsvragen.feed, name="raadsvragen_feed"),
    path("bestuur/raadsvragen/<str:kenmerk>/", raadsvragen.raadsvraag, name="raadsvraag"),
    path("werkplek/besluitvorming/raadsvragen/", raadsvragen.werkplek_register, name="werkplek_raadsvragen"),
    path("werkplek/besluitvorming/raadsvragen/nieuw/", raadsvragen.nieuw, name="werkplek_raadsvraag_nieuw"),
    path(
        "werkplek/besluitvorming/raadsvragen/termijn/",
        raadsvragen.termijn,
        name="werkplek_raadsvragen_termijn",
    ),
    path("werkplek/besluitvorming/raadsvragen/<int:pk>/", raadsvragen.detail, name="werkplek_raadsvraag"),
    path(
        "werkplek/besluitvorming/raadsvragen/<int:pk>/bewerken/",
        raadsvragen.bewerken,
        name="werkplek_raadsvraag_bewerken",
    ),
    path(
        "werkplek/besluitvorming/raadsvragen/<int:pk>/indienen/",
        raadsvragen.indienen,
        name="werkplek_raadsvraag_indienen",
    ),
    path(
        "werkplek/besluitvorming/raadsvragen/<int:pk>/intrekken/",
        raadsvragen.intrekken,
        name="werkplek_raadsvraag_intrekken",
    ),
    path(
        "werkplek/besluitvorming/raadsvragen/<int:pk>/toewijzen/",
        raadsvragen.toewijzen,
        name="werkplek_raadsvraag_toewijzen",
    ),
    path(
        "werkplek/besluitvorming/raadsvragen/<int:pk>/uitstel/",
        raadsvragen.uitstel,
        name="werkplek_raadsvraag_uitstel",
    ),
    path(
        "werkplek/besluitvorming/raadsvragen/<int:pk>/toezegging/",
        raadsvragen.toezegging,
        name="werkplek_raadsvraag_toezegging",
    ),
    path(
        "werkplek/besluitvorming/raadsvragen/<int:pk>/antwoord/",
        raadsvragen.antwoord,
        name="werkplek_raadsvraag_antwoord",
    ),
    path("werkplek/besluitvorming/", views.werkplek_besluitvorming, name="werkplek"),
    # Secrecy of papers, Gemeentewet art. 25 (views/geheimhouding.py).
    path("werkplek/besluitvorming/geheimhouding/", geheimhouding.overzicht, name="werkplek_geheimhouding"),
    path(
        "werkplek/besluitvorming/geheimhouding/<int:pk>/bekrachtigen/<int:vergadering>/",
        geheimhouding.bekrachtigen,
        name="werkplek_geheimhouding_bekrachtigen",
    ),
    path(
        "werkplek/besluitvorming/geheimhouding/<int:pk>/opheffen/",
        geheimhouding.opheffen,
        name="werkplek_geheimhouding_opheffen",
    ),
    # Votes, hamerstukken, stemverklaringen and the registers (views/stemmen.py).
    path(
        "werkplek/besluitvorming/agendapunten/<int:pk>/stemmen/",
        stemmen.agendapunt_stemmen,
        name="werkplek_agendapunt_stemmen",
    ),
    path(
        "werkplek/besluitvorming/agendapunten/<int:pk>/hamerstuk/",
        stemmen.hamerstuk,
        name="werkplek_hamerstuk",
    ),
    path(
        "werkplek/besluitvorming/voorstellen/<int:pk>/stemming/",
        stemmen.stemming_nieuw,
        name="werkplek_stemming_nieuw",
    ),
    path("werkplek/besluitvorming/stemmingen/<int:pk>/", stemmen.stemming, name="werkplek_stemming"),
    path(
        "werkplek/besluitvorming/stemmingen/<int:pk>/stemverklaring/",
        stemmen.stemverklaring,
        name="werkplek_stemverklaring",
    ),
    path(
        "werkplek/besluitvorming/registers/moties/",
        stemmen.moties_register,
        name="werkplek_moties_register",
    ),
    path(
        "werkplek/besluitvorming/registers/toezeggingen/",
        stemmen.toezeggingen_register,
        name="werkplek_toezeggingen_register",
    ),
    path(
        "werkplek/besluitvorming/registers/toezeggingen/<int:pk>/afdoen/",
        stemmen.toezegging_afdoen,
        name="werkplek_toezegging_afdoen",
    ),
    path(
        "werkplek/besluitvorming/registers/moties/<int:pk>/",
        stemmen.motie_afhandeling,
        name="werkplek_motie_afhandeling",
    ),
    # The griffie's back office (views/griffie.py).
    path("werkplek/besluitvorming/vergaderingen/", griffie.vergaderingen, name="werkplek_vergaderingen"),
    path(
        "werkplek/besluitvorming/vergaderingen/nieuw/",
        griffie.vergadering_nieuw,
        name="werkplek_vergadering_nieuw",
    ),
    path("werkplek/besluitvorming/vergaderingen/<int:pk>/", griffie.vergadering, name="werkplek_vergadering"),
    path(
        "werkplek/besluitvorming/vergaderingen/<int:pk>/bewerken/",
        griffie.vergadering_bewerken,
        name="werkplek_vergadering_bewerken",
    ),
    path(
        "werkplek/besluitvorming/vergaderingen/<int:pk>/status/",
        griffie.status_wijzigen,
        name="werkplek_vergadering_status",
    ),
    path(
        "werkplek/besluitvorming/vergaderingen/<int:pk>/presentielijst/",
        griffie.presentielijst,
        name="werkplek_presentielijst",
    ),
    path("werkplek/besluitvorming/vergaderingen/<int:pk>/openen/", griffie.openen, name="werkplek_openen"),
    path(
        "werkplek/besluitvorming/vergaderingen/<int:pk>/vervolg/",
        griffie.vervolg_plannen,
        name="werkplek_vervolg",
    ),
    path(
        "werkplek/besluitvorming/vergaderingen/<int:pk>/agendapunten/nieuw/",
        griffie.agendapunt_nieuw,
        name="werkplek_agendapunt_nieuw",
    ),
    path(
        "werkplek/besluitvorming/vergaderingen/<int:pk>/agendapunten/<int:punt>/bewerken/",
        griffie.agendapunt_bewerken,
        name="werkplek_agendapunt_bewerken",
    ),
    path(
        "werkplek/besluitvorming/vergaderingen/<int:pk>/agendapunten/<int:punt>/verplaatsen/",
        griffie.agendapunt_verplaatsen,
        name="werkplek_agendapunt_verplaatsen",
    ),
    path(
        "werkplek/besluitvorming/vergaderingen/<int:pk>/agendapunten/<int:punt>/naar-vergadering/",
        griffie.agendapunt_naar_vergadering,
        name="werkplek_agendapunt_naar_vergadering",
    ),
    path(
        "werkplek/besluitvorming/vergaderingen/<int:pk>/agendapunten/<int:punt>/verwijderen/",
        griffie.agendapunt_verwijderen,
        name="werkplek_agendapunt_verwijderen",
    ),
    path(
        "werkplek/besluitvorming/vergaderingen/<int:pk>/agendapunten/<int:punt>/stukken/nieuw/",
        griffie.stuk_nieuw,
        name="werkplek_stuk_nieuw",
    ),
    # Bodies, seats, people and fracties (views/organen_beheer.py, views/personen.py).
    path("werkplek/besluitvorming/organen/", organen_beheer.organen, name="werkplek_organen"),
    path("werkplek/besluitvorming/organen/nieuw/", organen_beheer.orgaan_nieuw, name="werkplek_orgaan_nieuw"),
    path("werkplek/besluitvorming/organen/<int:pk>/", organen_beheer.orgaan, name="werkplek_orgaan"),
    path(
        "werkplek/besluitvorming/organen/<int:pk>/bewerken/",
        organen_beheer.orgaan_bewerken,
        name="werkplek_orgaan_bewerken",
    ),
    path(
        "werkplek/besluitvorming/organen/<int:pk>/lidmaatschappen/nieuw/",
        organen_beheer.lidmaatschap_nieuw,
        name="werkplek_lidmaatschap_nieuw",
    ),
    path(
        "werkplek/besluitvorming/lidmaatschappen/<int:pk>/beeindigen/",
        organen_beheer.lidmaatschap_beeindigen,
        name="werkplek_lidmaatschap_beeindigen",
    ),
    path("werkplek/besluitvorming/personen/", personen.personen_lijst, name="werkplek_personen"),
    path("werkplek/besluitvorming/personen/nieuw/", personen.persoon_nieuw, name="werkplek_persoon_nieuw"),
    path("werkplek/besluitvorming/personen/<int:pk>/", personen.persoon, name="werkplek_persoon"),
    path(
        "werkplek/besluitvorming/personen/<int:pk>/fractie-wisselen/",
        personen.fractie_wisselen,
        name="werkplek_fractie_wisselen",
    ),
    path("werkplek/besluitvorming/fracties/", personen.fracties, name="werkplek_fracties"),
    path("werkplek/besluitvorming/fracties/nieuw/", personen.fractie_nieuw, name="werkplek_fractie_nieuw"),
    path("werkplek/besluitvorming/fracties/<int:pk>/", personen.fractie, name="werkplek_fractie"),
    path(
        "werkplek/besluitvorming/fracties/<int:pk>/leden/nieuw/",
        personen.fractielidmaatschap_nieuw,
        name="werkplek_fractielidmaatschap_nieuw",
    ),
    path(
        "werkplek/besluitvorming/fractielidmaatschappen/<int:pk>/beeindigen/",
        personen.fractielidmaatschap_beeindigen,
        name="werkplek_fractielidmaatschap_beeindigen",
    ),
    # Moties and (sub)amendementen (views/voorstellen.py).
    path("werkplek/besluitvorming/voorstellen/", voorstellen.voorstellen, name="werkplek_voorstellen"),
    path(
        "werkplek/besluitvorming/vergaderingen/<int:pk>/voorstellen/nieuw/",
        voorstellen.voorstel_nieuw,
        name="werkplek_voorstel_nieuw",
    ),
    path(
        "werkplek/besluitvorming/voorstellen/<int:pk>/intrekken/",
        voorstellen.voorstel_intrekken,
        name="werkplek_voorstel_intrekken",
    ),
    # A secret written vote on persons, round by round (views/personen_stemming.py).
    path(
        "werkplek/besluitvorming/agendapunten/<int:pk>/stemming-over-personen/",
        personen_stemming.stemming_over_personen,
        name="werkplek_stemming_over_personen",
    ),
    # The griffie's handling of requests to speak (views/inspreken.py).
    path("werkplek/besluitvorming/inspreken/", inspreken.overzicht, name="werkplek_inspreken"),
    path(
        "werkplek/besluitvorming/inspreken/vergaderingen/<int:pk>/",
        inspreken.vergadering,
        name="werkplek_inspreken_vergadering",
    ),
    path(
        "werkplek/besluitvorming/inspreken/verzoeken/<int:pk>/toelaten/",
        inspreken.toelaten,
        name="werkplek_inspreken_toelaten",
    ),
    path(
        "werkplek/besluitvorming/inspreken/verzoeken/<int:pk>/afwijzen/",
        inspreken.afwijzen,
        name="werkplek_inspreken_afwijzen",
    ),
    path(
        "werkplek/besluitvorming/inspreken/verzoeken/<int:pk>/volgorde/",
        inspreken.volgorde,
        name="werkplek_inspreken_volgorde",
    ),
    path(
        "werkplek/besluitvorming/inspreken/regelingen/<int:pk>/",
        inspreken.regeling,
        name="werkplek_inspreken_regeling",
    ),
]
