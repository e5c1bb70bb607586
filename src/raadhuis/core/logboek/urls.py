from django.urls import path

from raadhuis.core.logboek import views

app_name = "logboek"

urlpatterns = [
    path("werkplek/logboek/", views.overzicht, name="overzicht"),
    path("werkplek/logboek/export/", views.exporteren, name="exporteren"),
    path("werkplek/logboek/register/", views.register, name="register"),
    path("werkplek/logboek/register/nieuw/", views.activiteit_toevoegen, name="activiteit_toevoegen"),
    path("werkplek/logboek/register/<slug:sleutel>/", views.activiteit, name="activiteit"),
    path(
        "werkplek/logboek/register/<slug:sleutel>/herzien/",
        views.activiteit_herzien,
        name="activiteit_herzien",
    ),
    path("mijn/gegevens/", views.mijn_gegevens, name="mijn_gegevens"),
]
