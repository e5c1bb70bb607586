from django.urls import path

from raadhuis.uitvoering import views

app_name = "uitvoering"

urlpatterns = [
    path("werkplek/uitvoering/", views.werkplek_uitvoering, name="werkplek"),
]
