"""The public pages and the Werkplek pages of samenleving."""

from django.urls import URLPattern, URLResolver, path

from raadhuis.samenleving.views import partners

app_name = "samenleving"

urlpatterns: list[URLPattern | URLResolver] = [
    # -- petities en burgerinitiatieven --
    # -- consultaties --
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
