"""Services of the Wgr procedures: record, put the zienswijze on the council agenda, remind the griffie."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from raadhuis.accounts.models import Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.besluitvorming import selectors as besluitvorming
from raadhuis.besluitvorming.tests.factories import OrgaanFactory, VergaderingFactory
from raadhuis.core.tests.taken_hulp import wachtende_taken
from raadhuis.samenwerking import services
from raadhuis.samenwerking.models import Rechtsvorm, Wgrprocedure
from raadhuis.samenwerking.selectors.procedures import dashboard
from raadhuis.samenwerking.tests.factories import griffie, verband

pytestmark = pytest.mark.django_db

VANDAAG = dt.date(2026, 11, 28)


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.RAADHUIS_PRIVE_ROOT = str(tmp_path / "prive")


def ontwerpbegroting(door: Any, ontvangen_op: dt.date = dt.date(2026, 10, 1)) -> Wgrprocedure:
    return services.procedure_vastleggen(
        door=door,
        verband=verband(),
        soort="ontwerpbegroting",
        jaar=2028,
        ontvangen_op=ontvangen_op,
        ab_vergadering=dt.date(2027, 1, 15),
        concept_zienswijze=(
            "De raad stemt in met de ontwerpbegroting.\nHij vraagt aandacht voor de OV-tarieven."
        ),
    )


def raadsvergadering(dag: dt.date, **velden: Any) -> Any:
    raad = OrgaanFactory(naam="Gemeenteraad (demo)")
    begin = timezone.make_aware(dt.datetime.combine(dag, dt.time(19, 30)))
    return VergaderingFactory(orgaan=raad, begin=begin, **velden)


def test_only_griffie_records_procedures() -> None:
    with pytest.raises(PermissionDenied, match="griffie"):
        ontwerpbegroting(MedewerkerFactory(rollen=[Rol.CONTROLLER]))
    assert ontwerpbegroting(MedewerkerFactory(rollen=[Rol.BEHEERDER])).titel.startswith(
        "Ontwerpbegroting 2028"
    )


def test_no_wgr_procedure_for_a_company() -> None:
    nv = verband(naam="Afvalbedrijf (demo) NV", rechtsvorm=Rechtsvorm.NV, tooi_code="")
    with pytest.raises(ValidationError, match="geen gemeenschappelijke regeling"):
        services.procedure_vastleggen(door=griffie(), verband=nv, soort="ontwerpbegroting", jaar=2027)


def test_ab_meeting_before_receipt_refused() -> None:
    with pytest.raises(ValidationError) as fout:
        services.procedure_vastleggen(
            door=griffie(),
            verband=verband(),
            soort="ontwerpbegroting",
            jaar=2027,
            ontvangen_op=dt.date(2026, 5, 1),
            ab_vergadering=dt.date(2026, 4, 1),
        )
    assert "ab_vergadering" in fout.value.message_dict


def test_dashboard_warns_when_no_raad_meeting_in_the_window() -> None:
    door = griffie()
    procedure = ontwerpbegroting(door)
    [regel] = dashboard(vandaag=VANDAAG)
    assert regel.zienswijze is not None
    assert regel.zienswijze.datum == dt.date(2026, 12, 24)
    assert regel.geen_raadsvergadering
    assert regel.dagen_resterend == 26
    raadsvergadering(dt.date(2026, 12, 10))
    [regel] = dashboard(vandaag=VANDAAG)
    assert not regel.geen_raadsvergadering
    assert regel.procedure == procedure


def test_zienswijze_put_on_the_council_agenda_with_the_draft_as_paper() -> None:
    door = griffie()
    procedure = ontwerpbegroting(door)
    vergadering = raadsvergadering(dt.date(2026, 12, 10))
    punt = services.zienswijze_agenderen(door=door, procedure=procedure, vergadering=vergadering)
    procedure.refresh_from_db()
    assert procedure.agendapunt_id == punt.pk
    assert procedure.status == "geagendeerd"
    agenda = besluitvorming.vergadering_met_agenda(vergadering.pk)
    [item] = agenda.agendapunten.all()
    assert item.titel == "Zienswijze: Ontwerpbegroting 2028 Metropoolregio Rotterdam Den Haag"
    assert "uiterlijk 24 december 2026 (Wgr art. 35 lid 3)" in item.omschrijving
    [stuk] = item.stukken.all()
    assert stuk.mediatype == "application/pdf"
    assert "OV-tarieven" in stuk.tekst
    with pytest.raises(ValidationError, match="al op de raadsagenda"):
        services.zienswijze_agenderen(door=door, procedure=procedure, vergadering=vergadering)


def test_agenda_needs_a_draft_a_raad_meeting_and_the_griffie() -> None:
    door = griffie()
    procedure = ontwerpbegroting(door)
    vergadering = raadsvergadering(dt.date(2026, 12, 10))
    with pytest.raises(PermissionDenied):
        services.zienswijze_agenderen(
            door=MedewerkerFactory(rollen=[Rol.CONTROLLER]), procedure=procedure, vergadering=vergadering
        )
    with pytest.raises(ValidationError, match="concept-zienswijze"):
        services.zienswijze_agenderen(
            door=door, procedure=procedure, vergadering=vergadering, concept_zienswijze=" "
        )
    commissie = VergaderingFactory(orgaan=OrgaanFactory(commissie=True))
    with pytest.raises(ValidationError, match="gemeenteraad"):
        services.zienswijze_agenderen(door=door, procedure=procedure, vergadering=commissie)
    procedure.refresh_from_db()
    assert procedure.agendapunt_id is None
    assert not besluitvorming.vergadering_met_agenda(vergadering.pk).agendapunten.exists()


def test_reminder_mailed_once_to_the_griffie() -> None:
    door = griffie()
    ontwerpbegroting(door)  # window closes 24 December 2026
    assert services.herinneringen_versturen(vandaag=dt.date(2026, 12, 1), dagen=14) == 0
    assert services.herinneringen_versturen(vandaag=dt.date(2026, 12, 10), dagen=14) == 1
    assert services.herinneringen_versturen(vandaag=dt.date(2026, 12, 11), dagen=14) == 0
    [bericht] = mail.outbox
    assert bericht.to == ["griffie@example.nl"]
    assert "24 december 2026" in bericht.subject
    assert "Wgr art. 35 lid 3" in bericht.body


def test_no_reminder_when_already_on_the_agenda_and_command_is_idempotent() -> None:
    door = griffie()
    procedure = ontwerpbegroting(door)
    services.zienswijze_agenderen(
        door=door, procedure=procedure, vergadering=raadsvergadering(dt.date(2026, 12, 10))
    )
    call_command("samenwerking_herinneringen", "--datum", "2026-12-20", stdout=StringIO())
    assert mail.outbox == []
    ander = ontwerpbegroting(door, ontvangen_op=dt.date(2026, 10, 2))
    call_command("samenwerking_herinneringen", "--datum", "2026-12-20", stdout=StringIO())
    call_command("samenwerking_herinneringen", "--datum", "2026-12-21", stdout=StringIO())
    assert len(mail.outbox) == 1
    assert ander.titel in mail.outbox[0].subject


def test_background_task_reminds_once_and_command_enqueues_on_commit(
    django_capture_on_commit_callbacks: Any,
) -> None:
    from raadhuis.samenwerking.tasks import herinneringen_taak

    vandaag = timezone.localdate()
    ontwerpbegroting(griffie(), ontvangen_op=vandaag - dt.timedelta(weeks=11))  # closes in about a week
    assert herinneringen_taak.call(dagen=14) == 1
    assert herinneringen_taak.call(dagen=14) == 0  # a requeued task sends nothing twice
    assert len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=False):
        call_command("samenwerking_herinneringen", "--wachtrij", stdout=StringIO())
    assert wachtende_taken(herinneringen_taak) == 1
