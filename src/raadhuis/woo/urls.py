from django.urls import path

from raadhuis.woo.views import beoordeling, besluiten, documenten, lakken, publiek, statistiek, werkplek

app_name = "woo"

urlpatterns = [
    # Public: anyone may ask, without login (Woo art. 4.1).
    path("woo-verzoek/", publiek.verzoek_indienen, name="verzoek_indienen"),
    path("woo-verzoek/ontvangen/", publiek.verzoek_ontvangen, name="verzoek_ontvangen"),
    # Werkplek
    path("werkplek/woo/", werkplek.werkplek_woo, name="werkplek"),
    path("werkplek/woo/verzoeken/nieuw/", werkplek.verzoek_nieuw, name="verzoek_nieuw"),
    path("werkplek/woo/verzoeken/<str:kenmerk>/", werkplek.verzoek, name="verzoek"),
    path(
        "werkplek/woo/verzoeken/<str:kenmerk>/verduidelijking/",
        werkplek.verduidelijking_vragen,
        name="verduidelijking_vragen",
    ),
    path(
        "werkplek/woo/verzoeken/<str:kenmerk>/verduidelijking/ontvangen/",
        werkplek.verduidelijking_ontvangen,
        name="verduidelijking_ontvangen",
    ),
    path("werkplek/woo/verzoeken/<str:kenmerk>/opschorting/", werkplek.opschorting, name="opschorting"),
    path(
        "werkplek/woo/verzoeken/<str:kenmerk>/opschorting/beeindigen/",
        werkplek.opschorting_beeindigen,
        name="opschorting_beeindigen",
    ),
    path("werkplek/woo/verzoeken/<str:kenmerk>/verdaging/", werkplek.verdaging, name="verdaging"),
    path(
        "werkplek/woo/verzoeken/<str:kenmerk>/ingebrekestelling/",
        werkplek.ingebrekestelling,
        name="ingebrekestelling",
    ),
    path("werkplek/woo/verzoeken/<str:kenmerk>/behandelaar/", werkplek.behandelaar, name="behandelaar"),
]

# Each page module brings its own routes (documents, boxes, assessment, decision, figures).
urlpatterns += [
    *documenten.urlpatterns,
    *lakken.urlpatterns,
    *beoordeling.urlpatterns,
    *besluiten.urlpatterns,
    *statistiek.urlpatterns,
]
