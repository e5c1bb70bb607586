from django.urls import include, path

from raadhuis.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    path("toegankelijkheid/", views.toegankelijkheid, name="toegankelijkheid"),
    path("werkplek/", views.werkplek_overzicht, name="werkplek"),
    path("werkplek/organisatie/", views.organisatie, name="organisatie"),
    path("werkplek/termijnen/", views.termijnen, name="termijnen"),
    path(
        "werkplek/termijnen/<int:pk>/verwijderen/",
        views.gelijkgestelde_dag_verwijderen,
        name="gelijkgestelde_dag_verwijderen",
    ),
    path("werkplek/organisatie/tooi/", views.tooi_opzoeken, name="tooi_opzoeken"),
    path("", include("raadhuis.core.logboek.urls")),
]
