from django.urls import path

from raadhuis.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("toegankelijkheid/", views.toegankelijkheid, name="toegankelijkheid"),
    path("werkplek/", views.werkplek_overzicht, name="werkplek"),
    path("werkplek/organisatie/", views.organisatie, name="organisatie"),
    path("werkplek/organisatie/tooi/", views.tooi_opzoeken, name="tooi_opzoeken"),
]
