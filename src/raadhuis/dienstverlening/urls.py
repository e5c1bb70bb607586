from django.urls import path

from raadhuis.dienstverlening.views import (
    afspraken,
    catalogus,
    inrichting,
    intake,
    klantcontacten,
    kto,
    mijn_zaken,
    monitoring,
    procesanalyse,
    werkvoorraad,
)

app_name = "dienstverlening"

# One block per part; each part's views live in views/<part>.py.
urlpatterns = [
    # --- catalogus: public product pages and the Werkplek's catalogue management
    path("dienstverlening/", catalogus.dienstverlening, name="dienstverlening"),
    path("dienstverlening/<slug:slug>/", catalogus.product, name="product"),
    path("dienstverlening/<slug:slug>/starten/", catalogus.product_starten, name="product_starten"),
    path("werkplek/dienstverlening/", catalogus.werkplek_dienstverlening, name="werkplek"),
    path("werkplek/dienstverlening/producten/", catalogus.werkplek_producten, name="werkplek_producten"),
    path(
        "werkplek/dienstverlening/producten/nieuw/",
        catalogus.werkplek_product_nieuw,
        name="werkplek_product_nieuw",
    ),
    path("werkplek/dienstverlening/producten/<int:pk>/", catalogus.werkplek_product, name="werkplek_product"),
    path(
        "werkplek/dienstverlening/producten/<int:pk>/bewerken/",
        catalogus.werkplek_product_bewerken,
        name="werkplek_product_bewerken",
    ),
    path(
        "werkplek/dienstverlening/producten/<int:pk>/tarieven/",
        catalogus.werkplek_tarief_vastleggen,
        name="werkplek_tarief_vastleggen",
    ),
    path(
        "werkplek/dienstverlening/producten/<int:pk>/tarieven/<int:tarief_pk>/verwijderen/",
        catalogus.werkplek_tarief_verwijderen,
        name="werkplek_tarief_verwijderen",
    ),
    path("werkplek/dienstverlening/zaaktypen/", catalogus.werkplek_zaaktypen, name="werkplek_zaaktypen"),
    # --- intake: digital forms and the assisted intake in the Werkplek
    path("dienstverlening/<slug:slug>/aanvragen/", intake.aanvragen, name="aanvragen"),
    path(
        "dienstverlening/aanvraag/<uuid:id>/samenvatting/",
        intake.samenvatting_pagina,
        name="aanvraag_samenvatting",
    ),
    path("dienstverlening/aanvraag/<uuid:id>/opgeslagen/", intake.opgeslagen, name="aanvraag_opgeslagen"),
    path("dienstverlening/aanvraag/<uuid:id>/bevestiging/", intake.bevestiging, name="aanvraag_bevestiging"),
    path("dienstverlening/aanvraag/<uuid:id>/<slug:stap>/", intake.stap, name="aanvraag_stap"),
    path("werkplek/dienstverlening/aanvraag/", intake.werkplek_aanvraag, name="werkplek_aanvraag"),
    path(
        "werkplek/dienstverlening/aanvraag/<uuid:id>/samenvatting/",
        intake.werkplek_samenvatting,
        name="werkplek_aanvraag_samenvatting",
    ),
    path(
        "werkplek/dienstverlening/aanvraag/<uuid:id>/opgeslagen/",
        intake.werkplek_opgeslagen,
        name="werkplek_aanvraag_opgeslagen",
    ),
    path(
        "werkplek/dienstverlening/aanvraag/<uuid:id>/bevestiging/",
        intake.werkplek_bevestiging,
        name="werkplek_aanvraag_bevestiging",
    ),
    path(
        "werkplek/dienstverlening/aanvraag/<uuid:id>/<slug:stap>/",
        intake.werkplek_stap,
        name="werkplek_aanvraag_stap",
    ),
    # --- werkvoorraad: the employees' work queue and the case page
    path("werkplek/dienstverlening/zaken/", werkvoorraad.werkvoorraad, name="werkvoorraad"),
    path("werkplek/dienstverlening/zaken/<str:identificatie>/", werkvoorraad.zaak, name="werkplek_zaak"),
    path(
        "werkplek/dienstverlening/zaken/<str:identificatie>/oppakken/",
        werkvoorraad.oppakken,
        name="werkplek_zaak_oppakken",
    ),
    path(
        "werkplek/dienstverlening/zaken/<str:identificatie>/toewijzen/",
        werkvoorraad.toewijzen,
        name="werkplek_zaak_toewijzen",
    ),
    path(
        "werkplek/dienstverlening/zaken/<str:identificatie>/status/",
        werkvoorraad.status,
        name="werkplek_zaak_status",
    ),
    path(
        "werkplek/dienstverlening/zaken/<str:identificatie>/notitie/",
        werkvoorraad.notitie,
        name="werkplek_zaak_notitie",
    ),
    path(
        "werkplek/dienstverlening/zaken/<str:identificatie>/document/",
        werkvoorraad.document,
        name="werkplek_zaak_document",
    ),
    path(
        "werkplek/dienstverlening/zaken/<str:identificatie>/bericht/",
        werkvoorraad.bericht,
        name="werkplek_zaak_bericht",
    ),
    path(
        "werkplek/dienstverlening/zaken/<str:identificatie>/documenten/<int:pk>/",
        werkvoorraad.document_downloaden,
        name="werkplek_zaakdocument",
    ),
    # --- mijn zaken: residents' and businesses' own cases
    path("mijn-zaken/", mijn_zaken.mijn_zaken, name="mijn_zaken"),
    path("mijn-zaken/<str:identificatie>/", mijn_zaken.mijn_zaak, name="mijn_zaak"),
    path("mijn-zaken/<str:identificatie>/bericht/", mijn_zaken.bericht_sturen, name="mijn_zaak_bericht"),
    path("mijn-zaken/<str:identificatie>/document/", mijn_zaken.document_sturen, name="mijn_zaak_document"),
    path(
        "mijn-zaken/<str:identificatie>/documenten/<int:pk>/",
        mijn_zaken.document_downloaden,
        name="mijn_zaak_document_downloaden",
    ),
    # --- afspraken: desk appointments and ceremonies
    path("afspraak/", afspraken.afspraak, name="afspraak_maken"),
    path("afspraak/bevestiging/", afspraken.afspraak_bevestiging, name="afspraak_bevestiging"),
    path("afspraak/beheren/<str:code>/", afspraken.afspraak_beheren, name="afspraak_beheren"),
    path("afspraak/beheren/<str:code>/annuleren/", afspraken.afspraak_annuleren, name="afspraak_annuleren"),
    path("afspraak/beheren/<str:code>/verzetten/", afspraken.afspraak_verzetten, name="afspraak_verzetten"),
    path("afspraak/<slug:type_slug>/", afspraken.afspraak_locatie, name="afspraak_locatie"),
    path("afspraak/<slug:type_slug>/<slug:locatie_slug>/", afspraken.afspraak_dag, name="afspraak_dag"),
    path(
        "afspraak/<slug:type_slug>/<slug:locatie_slug>/<str:dag>/",
        afspraken.afspraak_tijd,
        name="afspraak_tijd",
    ),
    path(
        "afspraak/<slug:type_slug>/<slug:locatie_slug>/<str:dag>/gegevens/",
        afspraken.afspraak_gegevens,
        name="afspraak_gegevens",
    ),
    path("werkplek/dienstverlening/afspraken/", afspraken.werkplek_agenda, name="werkplek_afspraken"),
    path(
        "werkplek/dienstverlening/afspraken/nieuw/",
        afspraken.werkplek_boeken,
        name="werkplek_afspraak_boeken",
    ),
    path(
        "werkplek/dienstverlening/afspraken/<int:pk>/wijzigen/",
        afspraken.werkplek_afspraak_wijzigen,
        name="werkplek_afspraak_wijzigen",
    ),
    path(
        "werkplek/dienstverlening/afspraken/<int:pk>/aanmelden/",
        afspraken.werkplek_afspraak_aanmelden,
        name="werkplek_afspraak_aanmelden",
    ),
    path(
        "werkplek/dienstverlening/afspraken/<int:pk>/oproepen/",
        afspraken.werkplek_afspraak_oproepen,
        name="werkplek_afspraak_oproepen",
    ),
    # --- inrichting: locations, desks, opening hours, appointment types, ceremonies
    path("werkplek/dienstverlening/inrichting/", inrichting.inrichting, name="inrichting"),
    path(
        "werkplek/dienstverlening/inrichting/locaties/nieuw/",
        inrichting.locatie_toevoegen,
        name="inrichting_locatie_toevoegen",
    ),
    path(
        "werkplek/dienstverlening/inrichting/locaties/<int:pk>/balies/",
        inrichting.balie_toevoegen,
        name="inrichting_balie_toevoegen",
    ),
    path(
        "werkplek/dienstverlening/inrichting/balies/<int:pk>/deactiveren/",
        inrichting.balie_deactiveren,
        name="inrichting_balie_deactiveren",
    ),
    path(
        "werkplek/dienstverlening/inrichting/locaties/<int:pk>/openingstijden/",
        inrichting.openingstijd_toevoegen,
        name="inrichting_openingstijd_toevoegen",
    ),
    path(
        "werkplek/dienstverlening/inrichting/openingstijden/<int:pk>/verwijderen/",
        inrichting.openingstijd_verwijderen,
        name="inrichting_openingstijd_verwijderen",
    ),
    path(
        "werkplek/dienstverlening/inrichting/locaties/<int:pk>/sluitingsdagen/",
        inrichting.sluitingsdag_toevoegen,
        name="inrichting_sluitingsdag_toevoegen",
    ),
    path(
        "werkplek/dienstverlening/inrichting/afspraaktypen/nieuw/",
        inrichting.afspraaktype_nieuw,
        name="inrichting_afspraaktype_nieuw",
    ),
    path(
        "werkplek/dienstverlening/inrichting/afspraaktypen/<int:pk>/",
        inrichting.afspraaktype_bewerken,
        name="inrichting_afspraaktype_bewerken",
    ),
    path(
        "werkplek/dienstverlening/inrichting/ceremonies/",
        inrichting.ceremonies,
        name="inrichting_ceremonies",
    ),
    path(
        "werkplek/dienstverlening/inrichting/trouwlocaties/nieuw/",
        inrichting.trouwlocatie_toevoegen,
        name="inrichting_trouwlocatie_toevoegen",
    ),
    path(
        "werkplek/dienstverlening/inrichting/trouwlocaties/<int:pk>/momenten/",
        inrichting.ceremoniemoment_toevoegen,
        name="inrichting_ceremoniemoment_toevoegen",
    ),
    path(
        "werkplek/dienstverlening/inrichting/momenten/<int:pk>/verwijderen/",
        inrichting.ceremoniemoment_verwijderen,
        name="inrichting_ceremoniemoment_verwijderen",
    ),
    path(
        "werkplek/dienstverlening/inrichting/babs/nieuw/",
        inrichting.babs_toevoegen,
        name="inrichting_babs_toevoegen",
    ),
    path(
        "werkplek/dienstverlening/inrichting/babs/<int:pk>/deactiveren/",
        inrichting.babs_deactiveren,
        name="inrichting_babs_deactiveren",
    ),
    path(
        "werkplek/dienstverlening/inrichting/ceremonies/<int:pk>/babs/",
        inrichting.babs_toewijzen,
        name="inrichting_babs_toewijzen",
    ),
    # --- klantcontacten: contacts on every channel, callbacks, the 360° view and the knowledge base
    path("werkplek/dienstverlening/klantcontacten/", klantcontacten.klantcontacten, name="klantcontacten"),
    path(
        "werkplek/dienstverlening/klantcontacten/nieuw/",
        klantcontacten.klantcontact_nieuw,
        name="klantcontact_nieuw",
    ),
    path(
        "werkplek/dienstverlening/klantcontacten/<int:pk>/", klantcontacten.klantcontact, name="klantcontact"
    ),
    path(
        "werkplek/dienstverlening/klantcontacten/<int:pk>/beantwoorden/",
        klantcontacten.klantcontact_beantwoorden,
        name="klantcontact_beantwoorden",
    ),
    path(
        "werkplek/dienstverlening/klantcontacten/<int:pk>/terugbelverzoek/",
        klantcontacten.terugbelverzoek_nieuw,
        name="terugbelverzoek_nieuw",
    ),
    path(
        "werkplek/dienstverlening/terugbelverzoeken/",
        klantcontacten.terugbelverzoeken,
        name="terugbelverzoeken",
    ),
    path(
        "werkplek/dienstverlening/terugbelverzoeken/<int:pk>/",
        klantcontacten.terugbelverzoek,
        name="terugbelverzoek",
    ),
    path("werkplek/dienstverlening/klantbeeld/", klantcontacten.klantbeeld, name="klantbeeld"),
    path("werkplek/dienstverlening/kennisbank/", klantcontacten.kennisbank, name="kennisbank"),
    path(
        "werkplek/dienstverlening/kennisbank/nieuw/",
        klantcontacten.kennisartikel_nieuw,
        name="kennisartikel_nieuw",
    ),
    path("werkplek/dienstverlening/kennisbank/<int:pk>/", klantcontacten.kennisartikel, name="kennisartikel"),
    # --- kto: the satisfaction survey (public) and its results
    path("tevredenheid/bedankt/", kto.kto_bedankt, name="kto_bedankt"),
    path("tevredenheid/<str:code>/", kto.kto_vragenlijst, name="kto_vragenlijst"),
    path(
        "werkplek/dienstverlening/klantcontacten/<int:pk>/tevredenheid/",
        kto.kto_uitnodiging_balie,
        name="kto_uitnodiging_balie",
    ),
    path("werkplek/dienstverlening/tevredenheid/", kto.kto_resultaten, name="kto_resultaten"),
    # --- monitoring: the managers' dashboard of channels and processes
    path("werkplek/dienstverlening/monitoring/", monitoring.monitoring, name="monitoring"),
    path(
        "werkplek/dienstverlening/monitoring/<slug:tabel>.csv",
        monitoring.monitoring_csv,
        name="monitoring_csv",
    ),
    # --- procesanalyse: process maps from the status histories, and the event log export
    path("werkplek/dienstverlening/procesanalyse/", procesanalyse.procesanalyse, name="procesanalyse"),
    path(
        "werkplek/dienstverlening/procesanalyse/<slug:zaaktype>/",
        procesanalyse.procesanalyse_zaaktype,
        name="procesanalyse_zaaktype",
    ),
    path(
        "werkplek/dienstverlening/procesanalyse/<slug:zaaktype>/gebeurtenissen.<str:formaat>",
        procesanalyse.procesanalyse_export,
        name="procesanalyse_export",
    ),
]
