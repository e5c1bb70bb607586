from django.urls import path

from raadhuis.dienstverlening import views

app_name = "dienstverlening"

urlpatterns = [
    path("dienstverlening/", views.dienstverlening, name="dienstverlening"),
    path("dienstverlening/<slug:slug>/", views.product_starten, name="product"),
    path("werkplek/dienstverlening/", views.werkplek_dienstverlening, name="werkplek"),
]
