from django.urls import path

from raadhuis.samenwerking.views import monitoring, paragraaf, procedures, publiek, werkplek

app_name = "samenwerking"

urlpatterns = [
    path("samenwerking/", publiek.samenwerking, name="samenwerking"),
    path("samenwerking/<slug:slug>/", publiek.verband, name="publiek_verband"),
    path("werkplek/samenwerking/", werkplek.werkplek_samenwerking, name="werkplek"),
    path("werkplek/samenwerking/nieuw/", werkplek.verband_formulier, name="verband_nieuw"),
    path("werkplek/samenwerking/termijnen/", procedures.termijnen, name="termijnen"),
    path("werkplek/samenwerking/termijnen/nieuw/", procedures.procedure_nieuw, name="procedure_nieuw"),
    path("werkplek/samenwerking/termijnen/<int:pk>/agenderen/", procedures.agenderen, name="agenderen"),
    path("werkplek/samenwerking/monitoring/", monitoring.monitoring, name="monitoring"),
    path("werkplek/samenwerking/paragraaf/<int:jaar>/", paragraaf.paragraaf_html, name="paragraaf"),
    path(
        "werkplek/samenwerking/paragraaf/<int:jaar>/publiceren/",
        paragraaf.paragraaf_publiceren,
        name="paragraaf_publiceren",
    ),
    path("werkplek/samenwerking/paragraaf/<int:jaar>.pdf", paragraaf.paragraaf_pdf, name="paragraaf_pdf"),
    path("werkplek/samenwerking/paragraaf/<int:jaar>.csv", paragraaf.paragraaf_csv, name="paragraaf_csv"),
    path("werkplek/samenwerking/document/<int:pk>/", werkplek.document_downloaden, name="document"),
    path("werkplek/samenwerking/partij/<slug:slug>/", werkplek.verband_detail, name="verband"),
    path(
        "werkplek/samenwerking/partij/<slug:slug>/bewerken/",
        werkplek.verband_formulier,
        name="verband_bewerken",
    ),
    path(
        "werkplek/samenwerking/partij/<slug:slug>/<str:onderdeel>/<int:pk>/",
        werkplek.verband_wijzigen,
        name="verband_wijzigen",
    ),
    path(
        "werkplek/samenwerking/partij/<slug:slug>/<str:onderdeel>/",
        werkplek.verband_toevoegen,
        name="verband_toevoegen",
    ),
]
