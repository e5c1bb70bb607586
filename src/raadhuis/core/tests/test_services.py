from __future__ import annotations

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from raadhuis.core import services
from raadhuis.core.models import Organisatie

PNG_1PX = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f"
    b"\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00"
    b"\x00IEND\xaeB`\x82"
)


def test_organisatie_inrichten_neemt_naam_uit_tooi_over(db):
    organisatie = services.organisatie_inrichten(tooi_code="GM1926")

    assert organisatie.tooi_code == "gm1926"
    assert organisatie.naam == "gemeente Pijnacker-Nootdorp"
    assert organisatie.tooi_uri == "https://identifier.overheid.nl/tooi/id/gemeente/gm1926"


def test_organisatie_inrichten_is_idempotent(organisatie):
    opnieuw = services.organisatie_inrichten(tooi_code="gm0518")

    assert opnieuw.pk == organisatie.pk
    assert Organisatie.objects.get().tooi_code == "gm1926"


def test_organisatie_inrichten_weigert_onbekende_tooi_code(db):
    with pytest.raises(ValidationError) as fout:
        services.organisatie_inrichten(tooi_code="gm9999")

    assert "tooi_code" in fout.value.message_dict
    assert not Organisatie.objects.exists()


def test_samenwerkingsorganisatie_is_ook_een_geldige_organisatie(db):
    organisatie = services.organisatie_inrichten(tooi_code="so0830")

    assert organisatie.tooi_uri.endswith("/so0830")


def test_beheerder_wijzigt_contactgegevens(organisatie, beheerder):
    services.organisatie_bijwerken(
        organisatie=organisatie,
        door=beheerder,
        gegevens={"telefoonnummer": "14 015", "emailadres": "info@example.org"},
    )

    opgeslagen = Organisatie.objects.get()
    assert opgeslagen.telefoonnummer == "14 015"
    assert opgeslagen.emailadres == "info@example.org"


def test_alleen_beheerder_mag_organisatie_wijzigen(organisatie, griffier):
    with pytest.raises(PermissionDenied):
        services.organisatie_bijwerken(organisatie=organisatie, door=griffier, gegevens={"naam": "X"})

    assert Organisatie.objects.get().naam == "gemeente Pijnacker-Nootdorp"


def test_ongeldig_e_mailadres_verandert_niets(organisatie, beheerder):
    with pytest.raises(ValidationError) as fout:
        services.organisatie_bijwerken(
            organisatie=organisatie,
            door=beheerder,
            gegevens={"emailadres": "geen-adres", "telefoonnummer": "010 123"},
        )

    assert "emailadres" in fout.value.message_dict
    assert Organisatie.objects.get().telefoonnummer == ""


def test_onbekend_veld_wordt_geweigerd(organisatie, beheerder):
    with pytest.raises(ValidationError) as fout:
        services.organisatie_bijwerken(organisatie=organisatie, door=beheerder, gegevens={"pk": 2})

    assert "pk" in fout.value.message_dict


def test_wijzigen_naar_onbekende_tooi_code_verandert_niets(organisatie, beheerder):
    with pytest.raises(ValidationError):
        services.organisatie_bijwerken(
            organisatie=organisatie, door=beheerder, gegevens={}, tooi_code="xx123"
        )

    assert Organisatie.objects.get().tooi_code == "gm1926"


def test_logo_wordt_op_inhoud_gecontroleerd(organisatie, beheerder, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    vermomd = SimpleUploadedFile("logo.png", b"<svg onload=alert(1)></svg>", "image/png")

    with pytest.raises(ValidationError) as fout:
        services.organisatie_bijwerken(
            organisatie=organisatie, door=beheerder, gegevens={"naam": "Nieuw"}, logo=vermomd
        )

    assert "logo" in fout.value.message_dict
    assert Organisatie.objects.get().naam == "gemeente Pijnacker-Nootdorp"
    assert list(tmp_path.iterdir()) == []


def test_echt_png_logo_wordt_opgeslagen(organisatie, beheerder, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    logo = SimpleUploadedFile("logo.png", PNG_1PX, "image/png")

    services.organisatie_bijwerken(organisatie=organisatie, door=beheerder, gegevens={}, logo=logo)

    opgeslagen = Organisatie.objects.get()
    assert opgeslagen.logo.name.startswith("organisatie/")
    assert io.BytesIO(opgeslagen.logo.read()).read(8) == PNG_1PX[:8]


def test_te_groot_logo_wordt_geweigerd(organisatie, beheerder, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    groot = SimpleUploadedFile("logo.png", PNG_1PX + b"\0" * 1_000_001, "image/png")

    with pytest.raises(ValidationError) as fout:
        services.organisatie_bijwerken(organisatie=organisatie, door=beheerder, gegevens={}, logo=groot)

    assert "groter dan 1,0 MB" in fout.value.message_dict["logo"][0]


def test_elke_pagina_toont_de_gewijzigde_naam_meteen(organisatie, beheerder, client):
    """The pages' header and footer read the organisation from the cache; changing it clears that."""
    assert organisatie.naam in client.get("/").content.decode()
    services.organisatie_bijwerken(
        organisatie=organisatie, door=beheerder, gegevens={"naam": "Gemeente Nieuwnaam"}
    )
    pagina = client.get("/").content.decode()
    assert "· Gemeente Nieuwnaam · Raadhuis</title>" in pagina
