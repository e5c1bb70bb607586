from django.urls import path

from raadhuis.publicatie import feeds, views, views_sitemaps

app_name = "publicatie"

urlpatterns = [
    path("openbaarheid/", views.openbaarheid, name="openbaarheid"),
    path("openbaarheid/zoeken/", views.zoeken, name="zoeken"),
    path("openbaarheid/publicaties/<uuid:publicatie_uuid>/", views.publicatie, name="publicatie"),
    path(
        "openbaarheid/documenten/<uuid:document_uuid>/<str:bestandsnaam>",
        views.document,
        name="document",
    ),
    path("openbaarheid/categorie/<str:infocat>/", views.categorie, name="categorie"),
    path("werkplek/publicatie/", views.werkplek_publicatie, name="werkplek"),
    path("werkplek/publicatie/nieuw/", views.nieuw, name="nieuw"),
    path("werkplek/publicatie/<uuid:publicatie_uuid>/", views.detail, name="detail"),
    path("werkplek/publicatie/<uuid:publicatie_uuid>/publiceren/", views.publiceren, name="publiceren"),
    path("werkplek/publicatie/<uuid:publicatie_uuid>/intrekken/", views.intrekken, name="intrekken"),
    path("werkplek/publicatie/<uuid:publicatie_uuid>/vervangen/", views.vervangen, name="vervangen"),
    *views_sitemaps.urlpatterns,
    *feeds.urlpatterns,
]
