from django.urls import path

from raadhuis.accounts import views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.inloggen, name="inloggen"),
    path("inloggen/code/", views.tweede_stap, name="tweede_stap"),
    path("uitloggen/", views.uitloggen, name="uitloggen"),
    path("tweestapsverificatie/", views.tweestapsverificatie, name="tweestapsverificatie"),
    path("inlogblokkades/", views.inlogblokkades, name="inlogblokkades"),
    path("inlogblokkades/ontgrendelen/", views.ontgrendelen, name="ontgrendelen"),
]
