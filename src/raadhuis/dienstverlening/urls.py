from django.urls import path

from raadhuis.dienstverlening.views import catalogus, mijn_zaken

app_name = "dienstverlening"

# One block per part; each part's views live in views/<part>.py.
urlpatterns = [
    # --- catalogus: public product pages and the Werkplek's catalogue management
    path("dienstverlening/", catalogus.dienstverlening, name="dienstverlening"),
    path("dienstverlening/<slug:slug>/", catalogus.product_starten, name="product"),
    path("werkplek/dienstverlening/", catalogus.werkplek_dienstverlening, name="werkplek"),
    # --- intake: digital forms and the assisted intake in the Werkplek
    # --- werkvoorraad: the employees' work queue and the case page
    # --- mijn zaken: residents' and businesses' own cases
    path("mijn-zaken/", mijn_zaken.mijn_zaken, name="mijn_zaken"),
    # --- afspraken: desk appointments and ceremonies
]
