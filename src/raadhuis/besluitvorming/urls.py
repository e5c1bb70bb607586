from django.urls import path

from raadhuis.besluitvorming import views

app_name = "besluitvorming"

urlpatterns = [
    path("bestuur/", views.bestuur, name="bestuur"),
    path("werkplek/besluitvorming/", views.werkplek_besluitvorming, name="werkplek"),
]
