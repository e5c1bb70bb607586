from django.urls import path

from raadhuis.accounts import views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.InloggenView.as_view(), name="inloggen"),
    path("uitloggen/", views.UitloggenView.as_view(), name="uitloggen"),
]
