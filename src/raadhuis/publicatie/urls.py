from django.urls import path

from raadhuis.publicatie import views

app_name = "publicatie"

urlpatterns = [
    path("openbaarheid/", views.openbaarheid, name="openbaarheid"),
    path("werkplek/publicatie/", views.werkplek_publicatie, name="werkplek"),
]
