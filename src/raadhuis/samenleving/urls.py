"""The public pages and the Werkplek pages of samenleving."""

from django.urls import URLPattern, URLResolver, path

from raadhuis.samenleving.views import abonnementen as abonnementen_views
from raadhuis.samenleving.views import consultaties as consultaties_views
from raadhuis.samenleving.views import overzicht as overzicht_views
from raadhuis.samenleving.views import partners, petities

app_name = "samenleving"

urlpatterns: list[URLPattern | URLResolver] = [
    # -- petities en burgerinitiatieven --
    path("meedoen/petities/", petities.lijst, name="petities"),
    path("meedoen/petities/indienen/", petities.indienen, name="petitie_indienen"),
    path("meedoen/petities/ingediend/", petities.ingediend, name="petitie_ingediend"),
    path("meedoen/petities/<int:pk>/", petities.detail, name="petitie"),
    path("meedoen/petities/<int:pk>/ondertekenen/", petities.ondertekenen, name="petitie_ondertekenen"),
    path("meedoen/petities/<int:pk>/ondertekend/", petities.ondertekend, name="petitie_ondertekend"),
    path(
        "meedoen/petities/ondertekeningen/<int:pk>/<str:sleutel>/bevestigen/",
        petities.bevestigen,
        name="ondertekening_bevestigen",
    ),
    path("werkplek/petities/", petities.werkplek_lijst, name="werkplek_petities"),
    path("werkplek/petities/<int:pk>/", petities.werkplek_detail, name="werkplek_petitie"),
    path(
        "werkplek/petities/<int:pk>/<slug:handeling>/",
        petities.werkplek_handeling,
        name="werkplek_petitie_handeling",
    ),
    # -- consultaties --
    path("meedoen/", overzicht_views.meedoen, name="meedoen"),
    path("meedoen/consultaties/", consultaties_views.lijst, name="consultaties"),
    path("meedoen/consultaties/<int:pk>/", consultaties_views.detail, name="consultatie"),
    path("meedoen/consultaties/<int:pk>/reageren/", consultaties_views.reageren, name="consultatie_reageren"),
    path(
        "meedoen/consultaties/<int:pk>/reactie-ontvangen/",
        consultaties_views.reactie_ontvangen,
        name="consultatie_reactie_ontvangen",
    ),
    path(
        "meedoen/consultaties/documenten/<int:pk>/",
        consultaties_views.document_downloaden,
        name="consultatie_document",
    ),
    path("meedoen/meldingen/", abonnementen_views.aanmelden, name="meldingen"),
    path("meedoen/meldingen/aangevraagd/", abonnementen_views.aangevraagd, name="meldingen_aangevraagd"),
    path(
        "meedoen/meldingen/<int:pk>/<str:sleutel>/bevestigen/",
        abonnementen_views.bevestigen,
        name="abonnement_bevestigen",
    ),
    path(
        "meedoen/meldingen/<int:pk>/<str:sleutel>/afmelden/",
        abonnementen_views.opzeggen,
        name="abonnement_opzeggen",
    ),
    path("werkplek/consultaties/", consultaties_views.werkplek_lijst, name="werkplek_consultaties"),
    path("werkplek/consultaties/nieuw/", consultaties_views.nieuw, name="werkplek_consultatie_nieuw"),
    path("werkplek/consultaties/moderatie/", consultaties_views.moderatie, name="werkplek_moderatie"),
    path("werkplek/consultaties/<int:pk>/", consultaties_views.werkplek_detail, name="werkplek_consultatie"),
    path(
        "werkplek/consultaties/<int:pk>/wijzigen/",
        consultaties_views.wijzigen,
        name="werkplek_consultatie_wijzigen",
    ),
    path(
        "werkplek/consultaties/<int:pk>/documenten/",
        consultaties_views.document_toevoegen,
        name="werkplek_consultatie_document",
    ),
    path(
        "werkplek/consultaties/<int:pk>/publiceren/",
        consultaties_views.publiceren,
        name="werkplek_consultatie_publiceren",
    ),
    path(
        "werkplek/consultaties/reacties/<int:pk>/beoordelen/",
        consultaties_views.beoordelen,
        name="werkplek_reactie_beoordelen",
    ),
    path(
        "werkplek/consultaties/reacties/<int:pk>/beantwoorden/",
        consultaties_views.beantwoorden,
        name="werkplek_reactie_beantwoorden",
    ),
    # -- maatschappelijke partners --
    path("meedoen/partners/", partners.partners, name="partners"),
    path("meedoen/partners/<slug:slug>/", partners.partner, name="partner"),
    path("werkplek/partners/", partners.werkplek_partners, name="werkplek_partners"),
    path("werkplek/partners/nieuw/", partners.partner_formulier, name="partner_nieuw"),
    path(
        "werkplek/partners/convenanten/nieuw/", partners.convenant_formulier, name="partner_convenant_nieuw"
    ),
    path("werkplek/partners/convenanten/<int:pk>/", partners.convenant_formulier, name="partner_convenant"),
    path(
        "werkplek/partners/convenanten/<int:pk>/publiceren/",
        partners.convenant_publiceren,
        name="partner_convenant_publiceren",
    ),
    path(
        "werkplek/partners/convenanten/<int:pk>/intrekken/",
        partners.convenant_intrekken,
        name="partner_convenant_intrekken",
    ),
    path(
        "werkplek/partners/convenanten/<int:pk>/document/",
        partners.convenant_document,
        name="partner_convenant_document",
    ),
    path("werkplek/partners/subsidies/nieuw/", partners.subsidie_formulier, name="partner_subsidie_nieuw"),
    path("werkplek/partners/subsidies/<int:pk>/", partners.subsidie_formulier, name="partner_subsidie"),
    path(
        "werkplek/partners/subsidies/<int:pk>/publiceren/",
        partners.subsidie_publiceren,
        name="partner_subsidie_publiceren",
    ),
    path(
        "werkplek/partners/subsidies/<int:pk>/intrekken/",
        partners.subsidie_intrekken,
        name="partner_subsidie_intrekken",
    ),
    path(
        "werkplek/partners/contactpersonen/<int:pk>/verwijderen/",
        partners.contactpersoon_verwijderen,
        name="partner_contact_verwijderen",
    ),
    path("werkplek/partners/<slug:slug>/", partners.partner_werkplek, name="partner_werkplek"),
    path("werkplek/partners/<slug:slug>/bewerken/", partners.partner_formulier, name="partner_bewerken"),
    path(
        "werkplek/partners/<slug:slug>/contactpersonen/",
        partners.contactpersoon_toevoegen,
        name="partner_contact",
    ),
]
