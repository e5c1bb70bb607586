"""The griffie's back office: agenda builder with and without htmx, presentielijst, opening, stukken."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.besluitvorming.models import Aanwezigheid, Agendapunt, Stuk, Vergadering
from raadhuis.besluitvorming.tests.factories import (
    AgendapuntFactory,
    OrgaanFactory,
    VergaderingFactory,
    raad_met_leden,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def griffie(client: Client, griffier: Medewerker) -> Client:
    client.force_login(griffier)
    return client


def url(naam: str, *args: int) -> str:
    return reverse(f"besluitvorming:{naam}", args=args)


def volgorde(vergadering: Vergadering) -> list[str]:
    return list(vergadering.agendapunten.order_by("volgnummer").values_list("titel", flat=True))


def agenda(vergadering: Vergadering, *titels: str) -> list[Agendapunt]:
    return [
        AgendapuntFactory(vergadering=vergadering, volgnummer=nummer, titel=titel)
        for nummer, titel in enumerate(titels, start=1)
    ]


def test_griffie_ziet_de_vergaderingen_per_orgaan(griffie: Client) -> None:
    vergadering = VergaderingFactory(titel="Raadsvergadering juni")
    antwoord = griffie.get(url("werkplek_vergaderingen"))
    assert antwoord.status_code == 200
    assert vergadering.orgaan.naam in antwoord.content.decode()
    assert "Raadsvergadering juni" in antwoord.content.decode()


def test_raadslid_mag_de_agenda_niet_bouwen(client: Client) -> None:
    client.force_login(MedewerkerFactory(rollen=[Rol.RAADSLID]))
    vergadering = VergaderingFactory()
    _a, b = agenda(vergadering, "A", "B")
    assert client.get(url("werkplek_vergadering", vergadering.pk)).status_code == 403
    antwoord = client.post(
        url("werkplek_agendapunt_verplaatsen", vergadering.pk, b.pk), {"richting": "omhoog"}
    )
    assert antwoord.status_code == 403
    assert volgorde(vergadering) == ["A", "B"]


def test_vergadering_plannen_via_het_formulier(griffie: Client) -> None:
    raad = OrgaanFactory()
    begin = timezone.localtime() + dt.timedelta(days=10)
    antwoord = griffie.post(
        url("werkplek_vergadering_nieuw"),
        {
            "orgaan": raad.pk,
            "titel": "Raadsvergadering",
            "begin": begin.strftime("%Y-%m-%dT%H:%M"),
            "locatie": "Raadzaal",
            "aanleiding": Vergadering.Aanleiding.RAAD,
        },
    )
    vergadering = Vergadering.objects.get()
    assert antwoord.status_code == 302
    assert antwoord["Location"] == url("werkplek_vergadering", vergadering.pk)


def test_agendapunt_toevoegen_zonder_javascript(griffie: Client) -> None:
    vergadering = VergaderingFactory()
    antwoord = griffie.post(
        url("werkplek_agendapunt_nieuw", vergadering.pk), {"titel": "Opening", "onderwerp": "overig"}
    )
    assert antwoord.status_code == 302
    assert volgorde(vergadering) == ["Opening"]


def test_besloten_begroting_geeft_een_melding_bij_het_veld(griffie: Client) -> None:
    vergadering = VergaderingFactory()
    antwoord = griffie.post(
        url("werkplek_agendapunt_nieuw", vergadering.pk),
        {"titel": "Begroting 2025", "onderwerp": "begroting", "besloten": "on"},
    )
    assert antwoord.status_code == 400
    inhoud = antwoord.content.decode()
    assert "id_besloten_error" in inhoud
    assert "Gemeentewet art. 24" in inhoud
    assert not Agendapunt.objects.exists()


def test_omhoog_met_htmx_geeft_de_nieuwe_agenda_terug(griffie: Client) -> None:
    vergadering = VergaderingFactory()
    _a, _b, c = agenda(vergadering, "Alfa", "Bravo", "Charlie")
    antwoord = griffie.post(
        url("werkplek_agendapunt_verplaatsen", vergadering.pk, c.pk),
        {"richting": "omhoog"},
        headers={"HX-Request": "true"},
    )
    assert antwoord.status_code == 200
    inhoud = antwoord.content.decode()
    assert '<div id="agenda">' in inhoud
    assert 'hx-swap-oob="innerHTML"' in inhoud
    assert "<html" not in inhoud
    assert inhoud.index("Charlie") < inhoud.index("Bravo")
    assert volgorde(vergadering) == ["Alfa", "Charlie", "Bravo"]


def test_omlaag_zonder_javascript_stuurt_terug_naar_de_agenda(griffie: Client) -> None:
    vergadering = VergaderingFactory()
    a, _b = agenda(vergadering, "Alfa", "Bravo")
    antwoord = griffie.post(
        url("werkplek_agendapunt_verplaatsen", vergadering.pk, a.pk), {"richting": "omlaag"}
    )
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith(url("werkplek_vergadering", vergadering.pk))
    assert volgorde(vergadering) == ["Bravo", "Alfa"]


def test_naar_andere_vergadering_met_htmx(griffie: Client) -> None:
    raad = OrgaanFactory()
    bron = VergaderingFactory(orgaan=raad)
    doel = VergaderingFactory(orgaan=raad, titel="Volgende raad")
    _a, b = agenda(bron, "Alfa", "Bravo")
    antwoord = griffie.post(
        url("werkplek_agendapunt_naar_vergadering", bron.pk, b.pk),
        {"vergadering": doel.pk},
        headers={"HX-Request": "true"},
    )
    assert antwoord.status_code == 200
    assert "Bravo” is verplaatst naar Volgende raad" in antwoord.content.decode()
    assert volgorde(bron) == ["Alfa"]
    assert volgorde(doel) == ["Bravo"]


def test_naar_gehouden_vergadering_wordt_geweigerd(griffie: Client) -> None:
    raad = OrgaanFactory()
    bron = VergaderingFactory(orgaan=raad)
    gehouden = VergaderingFactory(orgaan=raad, status=Vergadering.Status.GEHOUDEN)
    (a,) = agenda(bron, "Alfa")
    antwoord = griffie.post(
        url("werkplek_agendapunt_naar_vergadering", bron.pk, a.pk),
        {"vergadering": gehouden.pk},
        headers={"HX-Request": "true"},
    )
    assert "alleen naar een geplande vergadering" in antwoord.content.decode()
    assert volgorde(bron) == ["Alfa"]


def test_stuk_uploaden_met_verkeerd_type_slaat_niets_op(griffie: Client) -> None:
    (punt,) = agenda(VergaderingFactory(), "Alfa")
    antwoord = griffie.post(
        url("werkplek_stuk_nieuw", punt.vergadering_id, punt.pk),
        {
            "soort": Stuk.Soort.VOORSTEL,
            "titel": "Raadsvoorstel",
            "datum": "2024-03-01",
            "openbaarheid": Stuk.Openbaarheid.OPENBAAR,
            "bestand": SimpleUploadedFile("voorstel.pdf", b"#!/bin/sh\necho nee\n", "application/pdf"),
        },
    )
    assert antwoord.status_code == 400
    assert "niet toegestaan" in antwoord.content.decode()
    assert not Stuk.objects.exists()


def test_presentielijst_en_openen(griffie: Client) -> None:
    raad = raad_met_leden((3, 2))
    vergadering = VergaderingFactory(orgaan=raad.orgaan)
    pagina = griffie.get(url("werkplek_presentielijst", vergadering.pk))
    assert pagina.status_code == 200
    assert raad.leden[0].naam in pagina.content.decode()
    antwoord = griffie.post(
        url("werkplek_presentielijst", vergadering.pk), {"aanwezigen": [p.pk for p in raad.leden[:3]]}
    )
    assert antwoord.status_code == 302
    assert Aanwezigheid.objects.filter(vergadering=vergadering, aanwezig=True).count() == 3
    antwoord = griffie.post(url("werkplek_openen", vergadering.pk))
    assert antwoord.status_code == 200
    assert "De vergadering is geopend." in antwoord.content.decode()
    vergadering.refresh_from_db()
    assert vergadering.geopend is True


def test_zonder_quorum_wordt_een_nieuwe_vergadering_aangeboden(griffie: Client) -> None:
    raad = raad_met_leden((3, 2))
    vergadering = VergaderingFactory(orgaan=raad.orgaan)
    agenda(vergadering, "Alfa")
    griffie.post(url("werkplek_presentielijst", vergadering.pk), {"aanwezigen": [raad.leden[0].pk]})
    antwoord = griffie.post(url("werkplek_openen", vergadering.pk))
    inhoud = antwoord.content.decode()
    assert "geen quorum" in inhoud
    assert "Nieuwe vergadering bijeenroepen" in inhoud
    begin = timezone.localtime(vergadering.begin) + dt.timedelta(days=2)
    antwoord = griffie.post(
        url("werkplek_vervolg", vergadering.pk), {"begin": begin.strftime("%Y-%m-%dT%H:%M")}
    )
    nieuw = Vergadering.objects.get(vervolg_van=vergadering)
    assert antwoord.status_code == 302
    assert volgorde(nieuw) == ["Alfa"]


def test_besluitenlijst_vaststellen_na_sluiten(griffie: Client) -> None:
    vergadering = VergaderingFactory(geopend=True)
    griffie.post(url("werkplek_vergadering_status", vergadering.pk), {"actie": "gehouden"})
    griffie.post(url("werkplek_vergadering_status", vergadering.pk), {"actie": "besluitenlijst"})
    vergadering.refresh_from_db()
    assert vergadering.status == Vergadering.Status.GEHOUDEN
    assert vergadering.besluitenlijst_vastgesteld_op is not None


def test_pdf_uploaden_bij_een_agendapunt(griffie: Client) -> None:
    import pymupdf

    document = pymupdf.open()  # type: ignore[no-untyped-call]
    document.new_page().insert_text((72, 72), "Bestemmingsplan Oostlaan")
    (punt,) = agenda(VergaderingFactory(), "Alfa")
    antwoord = griffie.post(
        url("werkplek_stuk_nieuw", punt.vergadering_id, punt.pk),
        {
            "soort": Stuk.Soort.VOORSTEL,
            "titel": "Raadsvoorstel Oostlaan",
            "datum": "2024-03-01",
            "openbaarheid": Stuk.Openbaarheid.OPENBAAR,
            "bestand": SimpleUploadedFile("voorstel.pdf", document.tobytes(), "application/pdf"),
        },
    )
    assert antwoord.status_code == 302
    stuk = Stuk.objects.get()
    assert "Oostlaan" in stuk.tekst
    assert stuk.agendapunt == punt
    pagina = griffie.get(url("werkplek_vergadering", punt.vergadering_id)).content.decode()
    assert "Raadsvoorstel Oostlaan" in pagina


def test_twee_griffiers_tegelijk_wijzigen_de_tweede_hoort_het(griffie: Client, griffier: Medewerker) -> None:
    """Optimistic locking (issue 11 point 4; core.forms.RaadhuisModelForm): the second editor's save
    is refused with an explanation instead of silently overwriting the first one's work."""
    import re

    from raadhuis.besluitvorming import services

    vergadering = VergaderingFactory(titel="Raadsvergadering juni", locatie="Raadzaal")
    pagina = griffie.get(url("werkplek_vergadering_bewerken", vergadering.pk)).content.decode()
    getoond = re.search(r'name="_versie" value="([0-9a-f]+)"', pagina)
    assert getoond is not None
    # Meanwhile a colleague moves the meeting to another room.
    services.vergadering_bijwerken(
        vergadering=vergadering,
        titel=vergadering.titel,
        begin=vergadering.begin,
        locatie="Burgerzaal",
        aanleiding=vergadering.aanleiding,
        door=griffier,
    )
    formulier = {
        "titel": "Raadsvergadering juni (gewijzigd)",
        "begin": timezone.localtime(vergadering.begin).strftime("%Y-%m-%dT%H:%M"),
        "locatie": "Raadzaal",
        "aanleiding": vergadering.aanleiding,
        "_versie": getoond.group(1),
    }

    geweigerd = griffie.post(url("werkplek_vergadering_bewerken", vergadering.pk), formulier)

    assert geweigerd.status_code == 400
    assert "Iemand anders heeft dit intussen gewijzigd" in geweigerd.content.decode()
    vergadering.refresh_from_db()
    assert (vergadering.titel, vergadering.locatie) == ("Raadsvergadering juni", "Burgerzaal")

    # The page now carries the new version: saving again, knowingly, works.
    nieuw = re.search(r'name="_versie" value="([0-9a-f]+)"', geweigerd.content.decode())
    assert nieuw is not None
    assert nieuw.group(1) != getoond.group(1)
    opgeslagen = griffie.post(
        url("werkplek_vergadering_bewerken", vergadering.pk), {**formulier, "_versie": nieuw.group(1)}
    )
    assert opgeslagen.status_code == 302
    vergadering.refresh_from_db()
    assert vergadering.titel == "Raadsvergadering juni (gewijzigd)"
