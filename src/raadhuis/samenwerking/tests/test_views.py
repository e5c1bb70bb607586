"""Pages of samenwerking: who may see and change what, and bad input answered next to the field."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.besluitvorming.tests.factories import OrgaanFactory, VergaderingFactory
from raadhuis.samenwerking import services
from raadhuis.samenwerking.models import (
    Deelnemer,
    Jaarcijfers,
    Samenwerkingsverband,
    Vertegenwoordiging,
    Wgrprocedure,
)
from raadhuis.samenwerking.tests.factories import controller, verband

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _opslag(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.RAADHUIS_PRIVE_ROOT = str(tmp_path / "prive")


def inloggen(client: Any, rol: str) -> Medewerker:
    gebruiker: Medewerker = MedewerkerFactory(rollen=[rol])
    client.force_login(gebruiker)
    return gebruiker


def test_public_pages_without_login(client: Any) -> None:
    mrdh = verband()
    vertegenwoordiger = "Burgemeester (demo)"
    services.vertegenwoordiging_vastleggen(
        door=controller(),
        verband=mrdh,
        bestuursorgaan="ab",
        naam=vertegenwoordiger,
        begin=dt.date(2020, 1, 1),
    )
    services.jaarcijfers_vastleggen(
        door=controller(),
        verband=mrdh,
        jaar=timezone.localdate().year,
        gegevens={"bijdrage_begroot": Decimal(140000)},
    )
    lijst = client.get(reverse("samenwerking:samenwerking")).content.decode()
    assert "Metropoolregio Rotterdam Den Haag" in lijst
    pagina = client.get(reverse("samenwerking:publiek_verband", args=[mrdh.slug])).content.decode()
    assert vertegenwoordiger in pagina
    assert "140.000" in pagina
    assert "Waarom de gemeente meedoet" in pagina
    assert client.get(reverse("samenwerking:publiek_verband", args=["bestaat-niet"])).status_code == 404


def test_werkplek_needs_login_and_a_werkplek_role(client: Any) -> None:
    adres = reverse("samenwerking:werkplek")
    assert client.get(adres).status_code == 302
    inloggen(client, Rol.KCC_MEDEWERKER)
    assert client.get(adres).status_code == 403
    inloggen(client, Rol.RAADSLID)
    assert client.get(adres).status_code == 200


def test_raadslid_reads_but_does_not_change(client: Any) -> None:
    mrdh = verband()
    inloggen(client, Rol.RAADSLID)
    pagina = client.get(reverse("samenwerking:verband", args=[mrdh.slug]))
    assert pagina.status_code == 200
    assert "Jaarcijfers vastleggen" not in pagina.content.decode()
    antwoord = client.post(reverse("samenwerking:verband_toevoegen", args=[mrdh.slug, "cijfers"]), {})
    assert antwoord.status_code == 403


def test_contribution_before_the_party_existed_refused_next_to_the_field(client: Any) -> None:
    mrdh = verband()
    inloggen(client, Rol.CONTROLLER)
    antwoord = client.post(
        reverse("samenwerking:verband_toevoegen", args=[mrdh.slug, "cijfers"]),
        {"cijfers-jaar": "2014", "cijfers-bijdrage_begroot": "1000"},
    )
    assert antwoord.status_code == 400
    assert "bestaat pas sinds 01-01-2015; voor 2014" in antwoord.content.decode()
    assert not Jaarcijfers.objects.exists()
    antwoord = client.post(
        reverse("samenwerking:verband_toevoegen", args=[mrdh.slug, "cijfers"]),
        {"cijfers-jaar": "2026", "cijfers-bijdrage_begroot": "1000"},
    )
    assert antwoord.status_code == 302
    assert Jaarcijfers.objects.get().bijdrage_begroot == Decimal(1000)


def test_participant_not_in_tooi_and_overlapping_mandate_refused(client: Any) -> None:
    mrdh = verband()
    inloggen(client, Rol.COLLEGELID)
    antwoord = client.post(
        reverse("samenwerking:verband_toevoegen", args=[mrdh.slug, "deelnemer"]),
        {"deelnemer-tooi_code": "gm9999", "deelnemer-toegetreden_op": "2016-01-01"},
    )
    assert antwoord.status_code == 400
    assert "staat niet in de TOOI-organisatielijsten" in antwoord.content.decode()
    assert not Deelnemer.objects.exists()
    gegevens = {
        "mandaat-bestuursorgaan": "ab",
        "mandaat-zetel": "1",
        "mandaat-naam": "A",
        "mandaat-begin": "2022-01-01",
    }
    url = reverse("samenwerking:verband_toevoegen", args=[mrdh.slug, "mandaat"])
    assert client.post(url, gegevens).status_code == 302
    antwoord = client.post(url, {**gegevens, "mandaat-naam": "B", "mandaat-begin": "2023-01-01"})
    assert antwoord.status_code == 400
    assert "al bezet door A" in antwoord.content.decode()
    assert Vertegenwoordiging.objects.count() == 1


def test_new_party_through_the_form(client: Any) -> None:
    inloggen(client, Rol.BEHEERDER)
    antwoord = client.post(
        reverse("samenwerking:verband_nieuw"),
        {
            "naam": "Coöperatie (demo)",
            "rechtsvorm": "cooperatie",
            "startdatum": "2020-01-01",
            "verplicht": "on",
        },
    )
    assert antwoord.status_code == 400
    assert "Noem de wettelijke grondslag" in antwoord.content.decode()
    antwoord = client.post(
        reverse("samenwerking:verband_nieuw"),
        {"naam": "Coöperatie (demo)", "rechtsvorm": "cooperatie", "startdatum": "2020-01-01"},
    )
    assert antwoord.status_code == 302
    assert Samenwerkingsverband.objects.get().categorie == "2_vennootschap"


def test_document_upload_and_private_download(client: Any) -> None:
    mrdh = verband()
    inloggen(client, Rol.CONTROLLER)
    antwoord = client.post(
        reverse("samenwerking:verband_toevoegen", args=[mrdh.slug, "document"]),
        {
            "document-soort": "regeling",
            "document-titel": "Gemeenschappelijke regeling MRDH",
            "document-datum": "2015-01-01",
            "document-bestand": SimpleUploadedFile("regeling.pdf", b"%PDF-1.4\n%%EOF\n"),
        },
    )
    assert antwoord.status_code == 302
    document = mrdh.documenten.get()
    assert b"".join(
        client.get(reverse("samenwerking:document", args=[document.pk])).streaming_content
    ).startswith(b"%PDF")
    client.logout()
    assert client.get(reverse("samenwerking:document", args=[document.pk])).status_code == 302


def test_griffie_puts_zienswijze_on_the_agenda_from_the_dashboard(client: Any) -> None:
    griffie = inloggen(client, Rol.GRIFFIE)
    vandaag = timezone.localdate()
    procedure = services.procedure_vastleggen(
        door=griffie,
        verband=verband(),
        soort="ontwerpbegroting",
        jaar=vandaag.year + 2,
        ontvangen_op=vandaag - dt.timedelta(weeks=2),
        concept_zienswijze="Concept.",
    )
    vergadering = VergaderingFactory(orgaan=OrgaanFactory(), begin=timezone.now() + dt.timedelta(weeks=3))
    pagina = client.get(reverse("samenwerking:termijnen")).content.decode()
    assert "Op de raadsagenda zetten" in pagina
    assert vergadering.titel in pagina
    url = reverse("samenwerking:agenderen", args=[procedure.pk])
    antwoord = client.post(
        url, {f"p{procedure.pk}-vergadering": "999999", f"p{procedure.pk}-concept_zienswijze": ""}
    )
    assert antwoord.status_code == 400
    antwoord = client.post(
        url, {f"p{procedure.pk}-vergadering": str(vergadering.pk), f"p{procedure.pk}-concept_zienswijze": ""}
    )
    assert antwoord.status_code == 302
    procedure.refresh_from_db()
    assert procedure.status == Wgrprocedure.Status.GEAGENDEERD
    assert procedure.agendapunt is not None


def test_controller_may_not_put_on_the_agenda(client: Any) -> None:
    inloggen(client, Rol.CONTROLLER)
    assert client.get(reverse("samenwerking:procedure_nieuw")).status_code == 403
    assert "Op de raadsagenda zetten" not in client.get(reverse("samenwerking:termijnen")).content.decode()


def test_monitoring_and_paragraaf_pages(client: Any) -> None:
    door = controller()
    mrdh = verband(door=door, afkorting="MRDH")
    services.jaarcijfers_vastleggen(
        door=door, verband=mrdh, jaar=2026, gegevens={"bijdrage_begroot": Decimal(100)}
    )
    services.jaarcijfers_vastleggen(
        door=door,
        verband=mrdh,
        jaar=2027,
        gegevens={"bijdrage_begroot": Decimal(120), "eigen_vermogen_eind": Decimal(-1)},
    )
    services.risico_vastleggen(
        door=door, verband=mrdh, gegevens={"omschrijving": "Lagere rijksbijdrage", "kans": 3, "impact": 4}
    )
    inloggen(client, Rol.COLLEGELID)
    pagina = client.get(reverse("samenwerking:monitoring") + "?jaar=2027&drempel=10").content.decode()
    assert "Eigen vermogen negatief" in pagina
    assert "Bijdrage stijgt 20,0%" in pagina
    assert "MRDH: Lagere rijksbijdrage" in pagina
    assert "Impact 4" in pagina
    assert client.get(reverse("samenwerking:monitoring") + "?jaar=x&drempel=y").status_code == 200
    antwoord = client.post(
        reverse("samenwerking:paragraaf", args=[2027]) + "?document=begroting",
        {"visie": "Samen sterker.", "beleidsvoornemens": "Evalueren."},
    )
    assert antwoord.status_code == 302
    assert "Samen sterker." in client.get(reverse("samenwerking:paragraaf", args=[2027])).content.decode()
    assert client.get(reverse("samenwerking:paragraaf", args=[2027]) + "?document=x").status_code == 404


def test_end_membership_and_mandate_and_record_progress(client: Any) -> None:
    door = controller()
    mrdh = verband(door=door)
    deelnemer = services.deelnemer_toevoegen(
        door=door, verband=mrdh, tooi_code="gm0501", toegetreden_op=dt.date(2015, 1, 1)
    )
    mandaat = services.vertegenwoordiging_vastleggen(
        door=door, verband=mrdh, bestuursorgaan="ab", naam="A", begin=dt.date(2022, 1, 1)
    )
    agenda = services.agenda_vastleggen(
        door=door,
        verband=mrdh,
        titel="Met elkaar, voor elkaar",
        van_jaar=2023,
        tot_en_met_jaar=2026,
        vastgesteld_op=None,
        opgaven=[("Opgave (demo)", ["Opdracht (demo)"])],
    )
    opdracht = agenda.opgaven.get().opdrachten.get()
    inloggen(client, Rol.CONTROLLER)
    pagina = client.get(reverse("samenwerking:verband", args=[mrdh.slug])).content.decode()
    assert f'id="uittreden{deelnemer.pk}-datum"' in pagina
    assert f'id="voortgang{opdracht.pk}-status"' in pagina

    def wijzigen(onderdeel: str, pk: int, gegevens: dict[str, str]) -> Any:
        url = reverse("samenwerking:verband_wijzigen", args=[mrdh.slug, onderdeel, pk])
        return client.post(url, {f"{onderdeel}{pk}-{k}": v for k, v in gegevens.items()}, follow=True)

    antwoord = wijzigen("uittreden", deelnemer.pk, {"datum": "2010-01-01"})
    assert "De uittreding ligt vóór de toetreding." in antwoord.content.decode()
    wijzigen("uittreden", deelnemer.pk, {"datum": "2022-12-31"})
    wijzigen("beeindigen", mandaat.pk, {"datum": "2024-12-31"})
    wijzigen("voortgang", opdracht.pk, {"voortgang": "40", "status": "op_koers"})
    deelnemer.refresh_from_db()
    mandaat.refresh_from_db()
    opdracht.refresh_from_db()
    assert deelnemer.uitgetreden_op == dt.date(2022, 12, 31)
    assert mandaat.einde == dt.date(2024, 12, 31)
    assert (opdracht.voortgang, opdracht.status) == (40, "op_koers")
