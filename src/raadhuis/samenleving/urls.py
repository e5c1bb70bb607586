"""The public pages and the Werkplek pages of samenleving."""

from django.urls import URLPattern, URLResolver, path

from raadhuis.samenleving.views import petities

app_name = "samenleving"

urlpatterns: list[URLPattern | URLResolver] = [
    # -- petities en burgerinitiatieven --
    path("petities/", petities.lijst, name="petities"),
    path("petities/indienen/", petities.indienen, name="petitie_indienen"),
    path("petities/ingediend/", petities.ingediend, name="petitie_ingediend"),
    path("petities/<int:pk>/", petities.detail, name="petitie"),
    path("petities/<int:pk>/ondertekenen/", petities.ondertekenen, name="petitie_ondertekenen"),
    path("petities/<int:pk>/ondertekend/", petities.ondertekend, name="petitie_ondertekend"),
    path(
        "petities/ondertekeningen/<int:pk>/<str:sleutel>/bevestigen/",
        petities.bevestigen,
        name="ondertekening_bevestigen",
    ),
    path("werkplek/petities/", petities.werkplek_lijst, name="werkplek_petities"),
    path("werkplek/petities/<int:pk>/", petities.werkplek_detail, name="werkplek_petitie"),
    path(
        "werkplek/petities/<int:pk>/<slug:handeling>/",
        petities.werkplek_handeling,
        name="werkplek_petitie_handeling",
    ),
    # -- consultaties --
    # -- maatschappelijke partners --
]
