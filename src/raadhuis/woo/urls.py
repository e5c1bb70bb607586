from django.urls import path

from raadhuis.woo import views

app_name = "woo"

urlpatterns = [
    path("werkplek/woo/", views.werkplek_woo, name="werkplek"),
]
