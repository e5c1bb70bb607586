from django.urls import path

from raadhuis.dienstverlening.views import catalogus

app_name = "dienstverlening"

# One block per part; each part's views live in views/<part>.py.
urlpatterns = [
    # Catalogue: public product pages and the Werkplek's catalogue management.
    path("dienstverlening/", catalogus.dienstverlening, name="dienstverlening"),
    path("dienstverlening/<slug:slug>/", catalogus.product_starten, name="product"),
    path("werkplek/dienstverlening/", catalogus.werkplek_dienstverlening, name="werkplek"),
]
