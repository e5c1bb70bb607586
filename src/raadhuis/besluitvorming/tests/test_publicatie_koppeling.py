"""Council and college work in the publication register (Woo art. 3.3 lid 2 onder a, c, d): the
agenda once published, the besluitenlijst once adopted, the public papers, and never what is
besloten or geheim (Gemeentewet arts. 19, 23, 25)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pymupdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from raadhuis.accounts.models import Medewerker
from raadhuis.besluitvorming import services
from raadhuis.besluitvorming.models import Agendapunt, Stuk, Vergadering
from raadhuis.besluitvorming.services.publicatie import vergadering_publiceren
from raadhuis.besluitvorming.tests.factories import AgendapuntFactory, OrgaanFactory, VergaderingFactory
from raadhuis.publicatie import selectors as publicatieselectors

pytestmark = pytest.mark.django_db

KERN = "https://identifier.overheid.nl/tooi/def/thes/kern/"
VERGADERSTUKKEN = KERN + "c_db4862c3"
COLLEGE = KERN + "c_3a248e3a"
INGEKOMEN = KERN + "c_8c840238"


def _vergadering(**velden: Any) -> Vergadering:
    gemaakt = VergaderingFactory(**velden)
    assert isinstance(gemaakt, Vergadering)
    return gemaakt


def _punt(**velden: Any) -> Agendapunt:
    gemaakt = AgendapuntFactory(**velden)
    assert isinstance(gemaakt, Agendapunt)
    return gemaakt


@pytest.fixture(autouse=True)
def _direct(settings: Any, tmp_path: Path) -> None:
    """Tasks run as soon as the outbox hands them over, when the transaction commits."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def pdf(tekst: str) -> bytes:
    document = pymupdf.open()
    document.new_page().insert_text((72, 72), tekst)
    inhoud: bytes = document.tobytes()
    return inhoud


def _stuk(punt: Agendapunt, titel: str, door: Medewerker, **extra: Any) -> Stuk:
    return services.stuk_toevoegen(
        agendapunt=punt,
        soort=extra.pop("soort", Stuk.Soort.VOORSTEL),
        titel=titel,
        datum=dt.date(2026, 3, 1),
        bestand=SimpleUploadedFile(f"{titel}.pdf", pdf(titel), "application/pdf"),
        door=door,
        **extra,
    )


def _publicatie(sleutel: str) -> Any:
    return publicatieselectors.publicatie_van_bron("besluitvorming", sleutel)


def _gevonden(vraag: str) -> int:
    """How many documents the public search of Openbaarheid finds."""
    return publicatieselectors.publicaties_zoeken(publicatieselectors.Zoekopdracht(vraag=vraag)).totaal


def _tekst(sleutel: str) -> str:
    gevonden = _publicatie(sleutel)
    assert gevonden is not None
    return "\n".join(d.tekst for d in publicatieselectors.documenten_van(gevonden))


@pytest.fixture
def vergadering(griffier: Medewerker) -> tuple[Vergadering, Agendapunt, Agendapunt]:
    vergadering = _vergadering(agenda_gepubliceerd_op=None)
    openbaar = _punt(vergadering=vergadering, volgnummer=1, titel="Herinrichting Oostlaan")
    besloten = _punt(vergadering=vergadering, volgnummer=2, titel="Grondaankoop Kerkweg", besloten=True)
    return vergadering, openbaar, besloten


def test_agenda_en_openbare_stukken_worden_gepubliceerd(
    griffier: Medewerker,
    vergadering: tuple[Vergadering, Agendapunt, Agendapunt],
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    meeting, openbaar, besloten = vergadering
    voorstel = _stuk(openbaar, "Raadsvoorstel Oostlaan", griffier)
    geheim = _stuk(openbaar, "Taxatierapport Oostlaan", griffier, openbaarheid=Stuk.Openbaarheid.GEHEIM)
    op_besloten_punt = _stuk(besloten, "Koopovereenkomst Kerkweg", griffier)
    # Nothing before the agenda is published (art. 19).
    assert _publicatie(f"stuk-{voorstel.pk}") is None
    with django_capture_on_commit_callbacks(execute=True):
        services.agenda_publiceren(vergadering=meeting, door=griffier)
    agenda = _publicatie(f"agenda-{meeting.pk}")
    assert agenda is not None
    assert agenda.status == "gepubliceerd"
    assert agenda.informatiecategorieen == [VERGADERSTUKKEN]
    assert "Herinrichting Oostlaan" in _tekst(f"agenda-{meeting.pk}")
    assert "Kerkweg" not in _tekst(f"agenda-{meeting.pk}")
    gepubliceerd = _publicatie(f"stuk-{voorstel.pk}")
    assert gepubliceerd is not None
    assert gepubliceerd.informatiecategorieen == [VERGADERSTUKKEN]
    assert "Raadsvoorstel Oostlaan" in _tekst(f"stuk-{voorstel.pk}")
    # Never a geheim paper or one on a besloten item, and so never found in the public search.
    assert _publicatie(f"stuk-{geheim.pk}") is None
    assert _publicatie(f"stuk-{op_besloten_punt.pk}") is None
    assert _gevonden("Raadsvoorstel Oostlaan") >= 1
    assert _gevonden("Taxatierapport") == 0
    assert _gevonden("Koopovereenkomst Kerkweg") == 0
    # No besluitenlijst before it is adopted.
    assert _publicatie(f"besluitenlijst-{meeting.pk}") is None


def test_besloten_vergadering_publiceert_niets(griffier: Medewerker) -> None:
    meeting = _vergadering(besloten=True, agenda_gepubliceerd_op=timezone.now())
    punt = _punt(vergadering=meeting, volgnummer=1)
    stuk = _stuk(punt, "Vertrouwelijke notitie", griffier)
    assert vergadering_publiceren(meeting.pk) is False
    assert _publicatie(f"agenda-{meeting.pk}") is None
    assert _publicatie(f"stuk-{stuk.pk}") is None


def test_ongepubliceerde_agenda_publiceert_niets(
    vergadering: tuple[Vergadering, Agendapunt, Agendapunt],
) -> None:
    assert vergadering_publiceren(vergadering[0].pk) is False
    assert publicatieselectors.publicaties().count() == 0


def test_college_en_ingekomen_stukken_krijgen_hun_categorie(
    griffier: Medewerker, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    college = _vergadering(orgaan=OrgaanFactory(college=True), agenda_gepubliceerd_op=None)
    _punt(vergadering=college, volgnummer=1)
    with django_capture_on_commit_callbacks(execute=True):
        services.agenda_publiceren(vergadering=college, door=griffier)
    gevonden = _publicatie(f"agenda-{college.pk}")
    assert gevonden is not None
    assert gevonden.informatiecategorieen == [COLLEGE]

    raad = _vergadering(agenda_gepubliceerd_op=timezone.now())
    punt = _punt(vergadering=raad, volgnummer=1)
    # A paper added to a published agenda goes out at once.
    with django_capture_on_commit_callbacks(execute=True):
        brief = _stuk(punt, "Brief van de bewonersvereniging", griffier, soort=Stuk.Soort.INGEKOMEN_STUK)
    gevonden = _publicatie(f"stuk-{brief.pk}")
    assert gevonden is not None
    assert gevonden.informatiecategorieen == [VERGADERSTUKKEN, INGEKOMEN]
    assert [h.soort for h in gevonden.handelingen.all()] == [KERN + "c_dfcee535"]  # ontvangst


def test_besluitenlijst_na_vaststelling(
    griffier: Medewerker, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    meeting = _vergadering(
        agenda_gepubliceerd_op=timezone.now() - dt.timedelta(days=8),
        begin=timezone.now() - dt.timedelta(days=1),
        status=Vergadering.Status.GEHOUDEN,
    )
    _punt(vergadering=meeting, volgnummer=1)
    with django_capture_on_commit_callbacks(execute=True):
        services.besluitenlijst_vaststellen(vergadering=meeting, door=griffier)
    gevonden = _publicatie(f"besluitenlijst-{meeting.pk}")
    assert gevonden is not None
    assert gevonden.informatiecategorieen == [VERGADERSTUKKEN]
    assert "Besluitenlijst" in _tekst(f"besluitenlijst-{meeting.pk}")


def test_punt_besloten_gemaakt_trekt_zijn_stukken_in(
    griffier: Medewerker,
    vergadering: tuple[Vergadering, Agendapunt, Agendapunt],
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    meeting, openbaar, _besloten = vergadering
    voorstel = _stuk(openbaar, "Raadsvoorstel Oostlaan", griffier)
    with django_capture_on_commit_callbacks(execute=True):
        services.agenda_publiceren(vergadering=meeting, door=griffier)
    assert _publicatie(f"stuk-{voorstel.pk}").status == "gepubliceerd"
    with django_capture_on_commit_callbacks(execute=True):
        services.agendapunt_bijwerken(agendapunt=openbaar, titel=openbaar.titel, besloten=True, door=griffier)
    assert _publicatie(f"stuk-{voorstel.pk}").status == "ingetrokken"
    assert "Oostlaan" not in _tekst(f"agenda-{meeting.pk}")
    assert _gevonden("Raadsvoorstel Oostlaan") == 0


def test_opgeheven_geheimhouding_publiceert_het_stuk(
    griffier: Medewerker,
    vergadering: tuple[Vergadering, Agendapunt, Agendapunt],
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    meeting, openbaar, _besloten = vergadering
    geheim = _stuk(openbaar, "Taxatierapport Oostlaan", griffier, openbaarheid=Stuk.Openbaarheid.GEHEIM)
    with django_capture_on_commit_callbacks(execute=True):
        services.agenda_publiceren(vergadering=meeting, door=griffier)
    assert _publicatie(f"stuk-{geheim.pk}") is None
    with django_capture_on_commit_callbacks(execute=True):
        services.geheimhouding_opheffen(stuk=geheim, besloten_op=timezone.localdate(), door=griffier)
    assert _publicatie(f"stuk-{geheim.pk}").status == "gepubliceerd"


def test_twee_keer_publiceren_is_hetzelfde(
    griffier: Medewerker, vergadering: tuple[Vergadering, Agendapunt, Agendapunt]
) -> None:
    meeting, openbaar, _besloten = vergadering
    _stuk(openbaar, "Raadsvoorstel Oostlaan", griffier)
    Vergadering.objects.filter(pk=meeting.pk).update(agenda_gepubliceerd_op=timezone.now())
    assert vergadering_publiceren(meeting.pk)
    documenten = {
        p.bron_sleutel: [d.uuid for d in publicatieselectors.documenten_van(p)]
        for p in publicatieselectors.publicaties()
    }
    assert vergadering_publiceren(meeting.pk)
    assert {
        p.bron_sleutel: [d.uuid for d in publicatieselectors.documenten_van(p)]
        for p in publicatieselectors.publicaties()
    } == documenten
