from django.urls import path

from raadhuis.samenwerking import views

app_name = "samenwerking"

urlpatterns = [
    path("samenwerking/", views.samenwerking, name="samenwerking"),
    path("werkplek/samenwerking/", views.werkplek_samenwerking, name="werkplek"),
]
